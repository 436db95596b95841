/**
 * The support every organization here offers anyone, shown without an account: its resources and its
 * statement about when it would involve outside services (IPS: shown before anyone shares anything). One
 * organization as it is, several grouped under each name.
 */
import type { PublicSupportList } from '../../../contract/organizations.ts';
import { usePublicSupport } from '../../api/organization.ts';
import { FormError } from '../../components/FormError.tsx';
import { copy, fill } from '../../copy.ts';
import { ResourceList } from './ResourceList.tsx';

type OrgSupport = Pick<
  PublicSupportList['organizations'][number],
  'name' | 'resources' | 'outsideServicesStatement'
>;

export function PublicSupport() {
  const support = usePublicSupport();
  const orgs = support.data?.organizations;
  if (!orgs) {
    return support.error ? <FormError error={support.error} /> : <p>{copy.app.loading}</p>;
  }
  const [only] = orgs;
  if (!only) return <p className="muted">{copy.support.publicNone}</p>;
  if (orgs.length === 1) {
    return (
      <>
        <p>{fill(copy.support.intro, { org: only.name })}</p>
        <OrgSections org={only} level={2} id="support" />
      </>
    );
  }
  return (
    <>
      <p>{copy.support.publicIntro}</p>
      {orgs.map((o, i) => (
        <section key={i} aria-labelledby={`support-org-${i}`}>
          <h2 id={`support-org-${i}`}>{o.name}</h2>
          <OrgSections org={o} level={3} id={`support-org-${i}`} />
        </section>
      ))}
    </>
  );
}

/** One organization's resources and statement, under headings of the given level. */
export function OrgSections({ org, level, id }: { org: OrgSupport; level: 2 | 3; id: string }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <section aria-labelledby={`${id}-resources`}>
        <H id={`${id}-resources`}>{copy.support.resources}</H>
        {org.resources.length ? (
          <ResourceList resources={org.resources} />
        ) : (
          <p className="muted">{copy.support.noResources}</p>
        )}
      </section>
      <section aria-labelledby={`${id}-statement`}>
        <H id={`${id}-statement`}>{fill(copy.support.statementTitle, { org: org.name })}</H>
        <p className="pre-line">{org.outsideServicesStatement || copy.support.noStatement}</p>
      </section>
    </>
  );
}
