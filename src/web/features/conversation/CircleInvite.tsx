/** In a circle: invite someone from the organization who is not in it yet. */
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import { useMembers } from '../../api/organization.ts';
import { PersonInviteForm } from '../../components/PersonInviteForm.tsx';
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
  const invite = useMutation({
    mutationFn: (who: string) =>
      call('inviteToCircle', { params: { conversationId }, body: { userId: who } }),
  });
  return (
    <details className="card">
      <summary>{copy.circle.inviteTitle}</summary>
      <PersonInviteForm
        id="circle-person"
        people={people}
        invite={invite}
        submitLabel={copy.circle.invite}
        invitedMessage={(name) => fill(copy.circle.invited, { name })}
        variant="quiet"
      />
    </details>
  );
}
