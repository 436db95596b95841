/** Leaving the conversation, and blocking someone in it: each asks once, plainly, before it happens. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { call } from '../../api/http.ts';
import { BLOCKS_KEY, CONVERSATIONS_KEY } from '../../api/conversations.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Notice } from '../../components/Notice.tsx';
import { copy, fill } from '../../copy.ts';
import { navigate } from '../../shell/router.tsx';

type Asking = { what: 'leave' } | { what: 'block'; userId: string; name: string } | null;

export function LeaveOrBlock({
  conversationId,
  kind,
  others,
}: {
  conversationId: string;
  kind: 'relationship' | 'circle';
  others: Array<{ userId: string; displayName: string }>;
}) {
  const client = useQueryClient();
  const [asking, setAsking] = useState<Asking>(null);
  const [blockedName, setBlockedName] = useState<string | null>(null);
  // The button that asked: focus goes back to it when the question ends without an answer.
  const openers = useRef(new Map<string, HTMLButtonElement | null>());
  const [returnTo, setReturnTo] = useState<string | undefined>();
  useEffect(() => {
    if (asking || !returnTo) return;
    openers.current.get(returnTo)?.focus();
    setReturnTo(undefined);
  }, [asking, returnTo]);
  const keyOf = (a: NonNullable<Asking>) => (a.what === 'leave' ? 'leave' : a.userId);
  const cancel = () => {
    if (asking) setReturnTo(keyOf(asking));
    setAsking(null);
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    cancel();
  };
  const leave = useMutation({
    mutationFn: () => call('leave', { params: { conversationId } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: CONVERSATIONS_KEY });
      navigate('/');
    },
  });
  const block = useMutation({
    mutationFn: (who: { userId: string; name: string }) =>
      call('block', { body: { userId: who.userId } }),
    onSuccess: async (_ok, who) => {
      void client.invalidateQueries({ queryKey: BLOCKS_KEY });
      await client.invalidateQueries({ queryKey: CONVERSATIONS_KEY });
      // A relationship ends with the block; in a circle the person stays, with their messages hidden.
      if (kind === 'relationship') return navigate('/');
      setAsking(null);
      setBlockedName(who.name);
    },
  });
  const ask =
    asking?.what === 'leave'
      ? kind === 'circle'
        ? copy.leaving.leaveAskCircle
        : copy.leaving.leaveAskRelationship
      : asking?.what === 'block'
        ? fill(copy.leaving.blockAsk, { name: asking.name })
        : null;

  return (
    <div className="leave-or-block stack">
      {blockedName ? (
        <Notice tone="success">{fill(copy.leaving.blocked, { name: blockedName })}</Notice>
      ) : null}
      {asking && ask ? (
        <div className="actions" role="group" aria-label={ask} onKeyDown={escape}>
          <p>{ask}</p>
          <Button
            variant="quiet"
            busy={leave.isPending || block.isPending}
            onPress={() =>
              asking.what === 'leave'
                ? leave.mutate()
                : block.mutate({ userId: asking.userId, name: asking.name })
            }
          >
            {asking.what === 'leave' ? copy.leaving.leaveYes : copy.leaving.blockYes}
          </Button>
          {/* Focus lands on the safe choice, so a keyboard user is not left on a button that is gone. */}
          <Button variant="plain" autoFocus onPress={cancel}>
            {copy.leaving.stay}
          </Button>
          <FormError error={leave.error ?? block.error} />
        </div>
      ) : (
        <div className="actions">
          <Button
            variant="plain"
            ref={(el) => void openers.current.set('leave', el)}
            onPress={() => setAsking({ what: 'leave' })}
          >
            {kind === 'circle' ? copy.leaving.leaveCircle : copy.leaving.leaveRelationship}
          </Button>
          {others.map((o) => (
            <Button
              key={o.userId}
              variant="plain"
              ref={(el) => void openers.current.set(o.userId, el)}
              onPress={() => setAsking({ what: 'block', userId: o.userId, name: o.displayName })}
            >
              {fill(copy.leaving.block, { name: o.displayName })}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
