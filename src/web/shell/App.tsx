/** Picks the page for the current path, with setup first on an empty server and sign-in before private pages. */
import { type ReactNode, useEffect } from 'react';
import { useMe, useSetupStatus } from '../api/account.ts';
import { FormError } from '../components/FormError.tsx';
import { Page } from '../components/Page.tsx';
import { copy } from '../copy.ts';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { SessionsPage } from '../features/account/SessionsPage.tsx';
import { SetupPage } from '../features/account/SetupPage.tsx';
import { SignInPage } from '../features/account/SignInPage.tsx';
import { SignUpPage } from '../features/account/SignUpPage.tsx';
import { ConnectLinkPage } from '../features/connect/ConnectLinkPage.tsx';
import { ConversationPage } from '../features/conversation/ConversationPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { JoinPage } from '../features/join/JoinPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { SupportPage } from '../features/support/SupportPage.tsx';
import { extraRoutes } from './extra-routes.tsx';
import { Link, matchPath, navigate, usePath } from './router.tsx';
import { Shell } from './Shell.tsx';

interface RouteEntry {
  pattern: string;
  signedIn: boolean;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: RouteEntry[] = [
  { pattern: '/', signedIn: true, render: () => <HomePage /> },
  { pattern: '/sign-in', signedIn: false, render: () => <SignInPage /> },
  { pattern: '/sign-up', signedIn: false, render: () => <SignUpPage /> },
  { pattern: '/setup', signedIn: false, render: () => <SetupPage /> },
  { pattern: '/join/:token', signedIn: false, render: (p) => <JoinPage token={p.token ?? ''} /> },
  { pattern: '/support', signedIn: false, render: () => <SupportPage /> },
  { pattern: '/settings', signedIn: true, render: () => <SettingsPage /> },
  { pattern: '/sessions', signedIn: true, render: () => <SessionsPage /> },
  { pattern: '/admin', signedIn: true, render: () => <AdminPage /> },
  {
    pattern: '/c/:conversationId',
    signedIn: true,
    render: (p) => (
      <ConversationPage key={p.conversationId} conversationId={p.conversationId ?? ''} />
    ),
  },
  {
    pattern: '/connect/:token',
    signedIn: false,
    render: (p) => <ConnectLinkPage token={p.token ?? ''} />,
  },
  ...extraRoutes,
];

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  return (
    <Page title={copy.app.notFoundTitle}>
      <p>{copy.app.notFoundBody}</p>
      <p>
        <Link href="/">{copy.app.backHome}</Link>
      </p>
    </Page>
  );
}

function Routed() {
  const path = usePath();
  const me = useMe();
  const setup = useSetupStatus();
  if (me.isPending || setup.isPending) return <p className="page">{copy.app.loading}</p>;
  if (me.error || setup.error) return <FormError error={me.error ?? setup.error} />;
  if (setup.data.needed && path !== '/setup') return <Redirect to="/setup" />;
  if (!setup.data.needed && path === '/setup') return <Redirect to="/" />;
  for (const r of ROUTES) {
    const params = matchPath(r.pattern, path);
    if (!params) continue;
    if (r.signedIn && !me.data)
      return (
        <Redirect to={path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`} />
      );
    if (me.data && (path === '/sign-in' || path === '/sign-up')) return <Redirect to="/" />;
    return <>{r.render(params)}</>;
  }
  return <NotFound />;
}

export function App() {
  return (
    <Shell>
      <Routed />
    </Shell>
  );
}
