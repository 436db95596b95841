/** Connect with someone: invite a person from the organization, or make a single-use link to copy. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONVERSATIONS_KEY } from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { useMembers } from '../../api/organization.ts';
import { Button } from '../../components/Button.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PersonInviteForm } from '../../components/PersonInviteForm.tsx';
import { copy, fill, when } from '../../copy.ts';

export function ConnectPanel({ org, me }: { org: { id: string; name: string }; me: string }) {
  const client = useQueryClient();
  const members = useMembers(org.id);
  const people = (members.data?.members ?? []).filter((m) => m.userId !== me);
  const invite = useMutation({
    mutationFn: (who: string) => call('inviteToConnect', { body: { orgId: org.id, userId: who } }),
    onSuccess: () => client.invalidateQueries({ queryKey: CONVERSATIONS_KEY }),
  });
  const link = useMutation({
    mutationFn: () => call('inviteToConnect', { body: { orgId: org.id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: CONVERSATIONS_KEY }),
  });
  return (
    <section className="card" aria-labelledby="connect-title">
      <h2 id="connect-title">{copy.connect.title}</h2>
      <p>{fill(copy.connect.intro, { org: org.name })}</p>
      <PersonInviteForm
        id="connect-person"
        people={people}
        invite={invite}
        submitLabel={copy.connect.invitePerson}
        invitedMessage={(name) => fill(copy.connect.invited, { name })}
      />
      <FormError error={link.error} />
      <Button variant="quiet" onPress={() => link.mutate()} busy={link.isPending}>
        {copy.connect.makeLink}
      </Button>
      {link.data?.path ? (
        <>
          <CopyField
            label={copy.connect.link}
            value={new URL(link.data.path, window.location.origin).href}
            id="connect-link"
          />
          <p className="muted">
            {fill(copy.connect.linkHint, { when: when(link.data.expiresAt) })}
          </p>
        </>
      ) : null}
    </section>
  );
}
