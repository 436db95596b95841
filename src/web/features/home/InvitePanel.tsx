/** Make a single-use invitation link to the organization and copy it. Admins only (the API says so too). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { FormError } from '../../components/FormError.tsx';
import { copy, fill, when } from '../../copy.ts';

export function InvitePanel({ org }: { org: { id: string; name: string; isAdmin: boolean } }) {
  const client = useQueryClient();
  const [asAdmin, setAsAdmin] = useState(false);
  const make = useMutation({
    mutationFn: () => call('createInvitation', { params: { orgId: org.id }, body: { asAdmin } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['invitations', org.id] }),
  });
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{copy.invite.title}</h2>
      {org.isAdmin ? (
        <>
          <p>{fill(copy.invite.intro, { org: org.name })}</p>
          <Checkbox className="checkbox" isSelected={asAdmin} onChange={setAsAdmin}>
            <span className="checkbox-box" aria-hidden="true" />
            {copy.invite.asAdmin}
          </Checkbox>
          <FormError error={make.error} />
          <Button onPress={() => make.mutate()} busy={make.isPending}>
            {make.isPending ? copy.invite.busy : copy.invite.make}
          </Button>
          {make.data ? (
            <>
              <CopyField
                label={copy.invite.link}
                value={new URL(make.data.path, window.location.origin).href}
              />
              <p className="muted">
                {fill(copy.invite.validUntil, { when: when(make.data.expiresAt) })}
              </p>
            </>
          ) : null}
        </>
      ) : (
        <p>{copy.invite.adminsOnly}</p>
      )}
    </section>
  );
}
