/**
 * "More support": the organization's own resources and its plain statement about outside services; admins edit
 * both. Signed out, the resources every organization here offers anyone.
 */
import { useState } from 'react';
import { useMe } from '../../api/account.ts';
import { useCurrentOrg } from '../../api/current-org.ts';
import { useOrganization } from '../../api/organization.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { copy, fill } from '../../copy.ts';
import { Link } from '../../shell/router.tsx';
import { OrgSections, PublicSupport } from './PublicSupport.tsx';
import { SupportEditor } from './SupportEditor.tsx';

export function SupportPage() {
  const me = useMe();
  const current = useCurrentOrg();

  // Signed out is exactly when someone may need these most (a lost password, a borrowed phone).
  if (me.data === null) {
    return (
      <Page title={copy.support.title}>
        <PublicSupport />
        <p>
          {copy.support.signedOut} <Link href="/sign-in?next=%2Fsupport">{copy.app.signIn}</Link>
        </p>
      </Page>
    );
  }
  if (!current) {
    return (
      <Page title={copy.support.title}>
        <p>{copy.home.noOrg}</p>
        <PublicSupport />
      </Page>
    );
  }
  // Keyed (inside the page, which keeps focus where it is): choosing another organization closes an open
  // editor rather than saving one organization's words into the other.
  return (
    <Page title={copy.support.title}>
      <OrgSupport key={current.id} orgId={current.id} />
    </Page>
  );
}

function OrgSupport({ orgId }: { orgId: string }) {
  const org = useOrganization(orgId);
  const [editing, setEditing] = useState(false);
  const data = org.data;
  return (
    <>
      <FormError error={org.error} />
      {data ? (
        editing ? (
          <SupportEditor org={data} onDone={() => setEditing(false)} />
        ) : (
          <>
            <p>{fill(copy.support.intro, { org: data.name })}</p>
            <OrgSections org={data} level={2} id="support" />
            {data.isAdmin ? (
              <Button variant="quiet" onPress={() => setEditing(true)}>
                {copy.support.edit}
              </Button>
            ) : null}
          </>
        )
      ) : (
        <p>{copy.app.loading}</p>
      )}
    </>
  );
}
