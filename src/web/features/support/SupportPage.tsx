/** "More support": the organization's own resources and its plain statement about outside services. Admins edit both. */
import { useState } from 'react';
import { useMe } from '../../api/account.ts';
import { useCurrentOrg } from '../../api/current-org.ts';
import { useOrganization } from '../../api/organization.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { copy, fill } from '../../copy.ts';
import { Link } from '../../shell/router.tsx';
import { SupportEditor } from './SupportEditor.tsx';

export function SupportPage() {
  const me = useMe();
  const current = useCurrentOrg();

  if (me.data === null) {
    return (
      <Page title={copy.support.title}>
        <p>{copy.support.signedOut}</p>
        <p>
          <Link href="/sign-in?next=%2Fsupport">{copy.app.signIn}</Link>
        </p>
      </Page>
    );
  }
  if (!current) {
    return (
      <Page title={copy.support.title}>
        <p>{copy.home.noOrg}</p>
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
            <section aria-labelledby="resources-title">
              <h2 id="resources-title">{copy.support.resources}</h2>
              {data.resources.length ? (
                <ul className="list">
                  {data.resources.map((r, i) => (
                    <li key={i} className="card">
                      <p className="row-title">{r.label}</p>
                      <p className="pre-line">{r.contact}</p>
                      {r.note ? <p className="muted pre-line">{r.note}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{copy.support.noResources}</p>
              )}
            </section>
            <section aria-labelledby="statement-title">
              <h2 id="statement-title">{fill(copy.support.statementTitle, { org: data.name })}</h2>
              <p className="pre-line">
                {data.outsideServicesStatement || copy.support.noStatement}
              </p>
            </section>
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
