/** Organization admin: members (make admin, remove) and open invitations. No conversation content, by construction. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../api/account.ts';
import { useCurrentOrg } from '../../api/current-org.ts';
import { call } from '../../api/http.ts';
import { useInvitations, useMembers } from '../../api/organization.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { copy, fill, when } from '../../copy.ts';
import { InvitePanel } from '../home/InvitePanel.tsx';

function Members({ orgId, meId }: { orgId: string; meId: string }) {
  const client = useQueryClient();
  const members = useMembers(orgId);
  const refresh = () => client.invalidateQueries({ queryKey: ['members', orgId] });
  const setAdmin = useMutation({
    mutationFn: (v: { userId: string; isAdmin: boolean }) =>
      call('setMemberAdmin', { params: { orgId, userId: v.userId }, body: { isAdmin: v.isAdmin } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call('removeMember', { params: { orgId, userId } }),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{copy.admin.members}</h2>
      <FormError error={members.error ?? setAdmin.error ?? remove.error} />
      <ul className="list">
        {(members.data?.members ?? []).map((m) => (
          <li key={m.userId} className="card row">
            <div>
              <p className="row-title">
                {m.displayName} {m.pronouns ? <span className="muted">({m.pronouns})</span> : null}{' '}
                {m.userId === meId ? <span className="muted">{copy.admin.you}</span> : null}
                {m.isAdmin ? <span className="tag">{copy.admin.isAdmin}</span> : null}
              </p>
              <p className="muted">{fill(copy.admin.joined, { when: when(m.joinedAt) })}</p>
            </div>
            <div className="actions">
              <Toggle
                isSelected={m.isAdmin}
                onChange={(isAdmin) => setAdmin.mutate({ userId: m.userId, isAdmin })}
              >
                {fill(copy.admin.adminSwitch, { name: m.displayName })}
              </Toggle>
              {m.userId === meId ? null : (
                <Button
                  variant="plain"
                  aria-label={fill(copy.admin.removeLabel, { name: m.displayName })}
                  onPress={() => remove.mutate(m.userId)}
                >
                  {copy.admin.remove}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Invitations({ orgId }: { orgId: string }) {
  const client = useQueryClient();
  const invitations = useInvitations(orgId, true);
  const withdraw = useMutation({
    mutationFn: (invitationId: string) =>
      call('revokeInvitation', { params: { orgId, invitationId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['invitations', orgId] }),
  });
  const list = invitations.data?.invitations ?? [];
  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{copy.admin.invitations}</h2>
      <FormError error={invitations.error ?? withdraw.error} />
      {list.length === 0 ? <p className="muted">{copy.admin.noInvitations}</p> : null}
      <ul className="list">
        {list.map((i) => (
          <li key={i.id} className="card row">
            <p>
              {fill(copy.admin.invitationRow, {
                when: when(i.createdAt),
                until: when(i.expiresAt),
              })}
              {i.asAdmin ? <span className="tag">{copy.admin.isAdmin}</span> : null}
            </p>
            <Button variant="plain" onPress={() => withdraw.mutate(i.id)}>
              {copy.admin.withdraw}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AdminPage() {
  const me = useMe();
  const org = useCurrentOrg();
  if (!me.data) return null;
  if (!org?.isAdmin) {
    return (
      <Page title={copy.admin.title}>
        <p>{copy.admin.notAdmin}</p>
      </Page>
    );
  }
  return (
    <Page title={`${copy.admin.title}: ${org.name}`} wide>
      <p>{fill(copy.admin.intro, { org: org.name })}</p>
      <div className="home-grid">
        <Members orgId={org.id} meId={me.data.user.id} />
        <div className="stack">
          <InvitePanel org={org} />
          <Invitations orgId={org.id} />
        </div>
      </div>
    </Page>
  );
}
