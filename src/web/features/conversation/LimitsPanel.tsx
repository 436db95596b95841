/** The other people's quiet hours and notes, shown plainly, and the person's own limits for this conversation. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { limitsKey } from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { copy, fill } from '../../copy.ts';

export function useLimits(conversationId: string) {
  return useQuery({
    queryKey: limitsKey(conversationId),
    queryFn: () => call('getLimits', { params: { conversationId } }),
    refetchInterval: 5 * 60_000,
  });
}

/** One line per other person: quiet hours, a note, and whether they are in quiet time now. */
export function TheirLimits({ conversationId, me }: { conversationId: string; me: string }) {
  const limits = useLimits(conversationId);
  const others = (limits.data?.limits ?? []).filter((l) => l.userId !== me);
  if (!others.length) return null;
  return (
    <div className="their-limits">
      {others.map((l) => (
        <div key={l.userId}>
          {l.inQuietTime ? (
            <p className="notice">{fill(copy.limits.quietNow, { name: l.displayName })}</p>
          ) : null}
          <p className="muted small">
            {l.quietStart && l.quietEnd
              ? fill(copy.limits.theirs, {
                  name: l.displayName,
                  start: l.quietStart,
                  end: l.quietEnd,
                  zone: l.timeZone,
                })
              : fill(copy.limits.none, { name: l.displayName })}
            {l.note
              ? ` · ${fill(copy.limits.theirNote, { name: l.displayName, note: l.note })}`
              : null}
          </p>
        </div>
      ))}
    </div>
  );
}

/** The person's own limits in one conversation. */
export function MyLimits({ conversationId, me }: { conversationId: string; me: string }) {
  const client = useQueryClient();
  const limits = useLimits(conversationId);
  const mine = limits.data?.limits.find((l) => l.userId === me);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (form: HTMLFormElement) => {
      const v = new FormData(form);
      const text = (k: string) => {
        const x = v.get(k);
        return typeof x === 'string' && x.trim() ? x.trim() : null;
      };
      return call('putLimits', {
        params: { conversationId },
        body: {
          quietStart: text('quietStart'),
          quietEnd: text('quietEnd'),
          timeZone: text('timeZone') ?? zone,
          note: text('note'),
        },
      });
    },
    onSuccess: (data) => {
      client.setQueryData(limitsKey(conversationId), data);
      setSaved(true);
    },
  });
  if (limits.isPending) return null;
  return (
    <ApiForm error={save.error} onSubmit={(form) => (setSaved(false), save.mutate(form))}>
      <div className="two-cols">
        <TextInput
          label={copy.limits.quietStart}
          name="quietStart"
          defaultValue={mine?.quietStart ?? ''}
          inputMode="numeric"
        />
        <TextInput
          label={copy.limits.quietEnd}
          name="quietEnd"
          defaultValue={mine?.quietEnd ?? ''}
          inputMode="numeric"
        />
      </div>
      <p className="field-hint">{copy.limits.timeHint}</p>
      <TextInput label={copy.limits.zone} name="timeZone" defaultValue={mine?.timeZone ?? zone} />
      <TextInput label={copy.limits.note} name="note" defaultValue={mine?.note ?? ''} />
      <Button type="submit" variant="quiet" busy={save.isPending}>
        {copy.limits.save}
      </Button>
      {saved ? <Notice tone="success">{copy.limits.saved}</Notice> : null}
    </ApiForm>
  );
}
