/** Home: the person's relationships and circles, invitations waiting for them, and a way to invite someone. */
import { useMe } from '../../api/account.ts';
import { useCurrentOrg } from '../../api/current-org.ts';
import { Page } from '../../components/Page.tsx';
import { copy, fill } from '../../copy.ts';
import { Conversations } from './Conversations.tsx';
import { CirclePanel } from './CirclePanel.tsx';
import { ConnectPanel } from './ConnectPanel.tsx';
import { InvitePanel } from './InvitePanel.tsx';

export function HomePage() {
  const me = useMe();
  const org = useCurrentOrg();
  if (!me.data) return null;
  return (
    <Page title={copy.home.title} wide>
      <p className="lead">{fill(copy.home.greeting, { name: me.data.user.displayName })}</p>
      {org ? null : <p>{copy.home.noOrg}</p>}
      <div className="home-grid">
        <Conversations me={me.data.user.id} orgIds={me.data.organizations.map((o) => o.id)} />
        {/* Keyed by organization: choosing another one starts these forms afresh, so nothing chosen or
            made for the first (a person, a link) is offered under the second. */}
        {org ? <ConnectPanel key={`connect-${org.id}`} org={org} me={me.data.user.id} /> : null}
        {org ? <CirclePanel key={`circle-${org.id}`} orgId={org.id} /> : null}
        {org?.isAdmin ? <InvitePanel key={`invite-${org.id}`} org={org} /> : null}
      </div>
    </Page>
  );
}
