/** Organization admin: members (make admin, remove) and open invitations. No conversation content, by construction. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
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
  // Removing someone asks first, as leaving and blocking do. Focus goes back to where the person was: the
  // Remove button if they kept the member, the list's heading once the member is gone.
  const [asking, setAsking] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement | null>());
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (asking || !returnTo) return;
    (removeButtons.current.get(returnTo) ?? heading.current)?.focus();
    setReturnTo(null);
  }, [asking, returnTo]);
  const keep = () => {
    setReturnTo(asking);
    setAsking(null);
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    keep();
  };
  const remove = useMutation({
    mutationFn: (userId: string) => call('removeMember', { params: { orgId, userId } }),
    onSuccess: async () => {
      await refresh();
      setAsking(null);
      setReturnTo('heading');
    },
  });
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title" ref={heading} tabIndex={-1}>
        {copy.admin.members}
      </h2>
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
              {m.userId === meId || asking === m.userId ? null : (
                <Button
                  variant="plain"
                  ref={(el) => void removeButtons.current.set(m.userId, el)}
                  aria-label={fill(copy.admin.removeLabel, { name: m.displayName })}
                  onPress={() => setAsking(m.userId)}
                >
                  {copy.admin.remove}
                </Button>
              )}
            </div>
            {asking === m.userId ? (
              <div
                className="actions"
                role="group"
                aria-label={fill(copy.admin.removeAsk, { name: m.displayName })}
                onKeyDown={escape}
              >
                <p>{fill(copy.admin.removeAsk, { name: m.displayName })}</p>
                <Button
                  variant="quiet"
                  busy={remove.isPending}
                  onPress={() => remove.mutate(m.userId)}
                >
                  {copy.admin.removeYes}
                </Button>
                {/* The safe choice has focus first. */}
                <Button variant="plain" autoFocus onPress={keep}>
                  {copy.admin.removeKeep}
                </Button>
              </div>
            ) : null}
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
      {/* Keyed so that a link made for one organization is not shown under another after a switch. */}
      <div className="home-grid" key={org.id}>
        <Members orgId={org.id} meId={me.data.user.id} />
        <div className="stack">
          <InvitePanel org={org} />
          <Invitations orgId={org.id} />
        </div>
      </div>
    </Page>
  );
}
