/** In a circle: invite someone from the organization who is not in it yet. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/http.ts';
import { useMembers } from '../../api/organization.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Notice } from '../../components/Notice.tsx';
import { copy, fill } from '../../copy.ts';

export function CircleInvite({
  conversationId,
  orgId,
  memberIds,
}: {
  conversationId: string;
  orgId: string;
  memberIds: string[];
}) {
  const members = useMembers(orgId);
  const people = (members.data?.members ?? []).filter((m) => !memberIds.includes(m.userId));
  const [userId, setUserId] = useState('');
  const invite = useMutation({
    mutationFn: (who: string) =>
      call('inviteToCircle', { params: { conversationId }, body: { userId: who } }),
  });
  const name = people.find((p) => p.userId === invite.variables)?.displayName ?? '';
  return (
    <details className="card">
      <summary>{copy.circle.inviteTitle}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (userId) invite.mutate(userId);
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="circle-person">
            {copy.connect.person}
          </label>
          <select
            id="circle-person"
            className="field-input"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
          >
            <option value="">{copy.connect.choose}</option>
            {people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.displayName}
              </option>
            ))}
          </select>
        </div>
        <FormError error={invite.error} />
        <Button type="submit" variant="quiet" busy={invite.isPending} isDisabled={!userId}>
          {copy.circle.invite}
        </Button>
        {invite.isSuccess ? (
          <Notice tone="success">{fill(copy.circle.invited, { name })}</Notice>
        ) : null}
      </form>
    </details>
  );
}
