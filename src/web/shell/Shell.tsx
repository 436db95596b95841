/** The frame around every page: skip link, header with navigation, the always-visible "More support" link, main. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { signedOut, useMe } from '../api/account.ts';
import { call } from '../api/http.ts';
import { Button } from '../components/Button.tsx';
import { copy } from '../copy.ts';
import { LiveProvider } from '../features/conversation/live-context.tsx';
import { BackgroundNotices } from '../features/notices/BackgroundNotices.tsx';
import { t as fourTasksCopy } from '../features/together/copy.ts';
import { Link, navigate, usePath } from './router.tsx';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const path = usePath();
  const current = href === '/' ? path === '/' : path.startsWith(href);
  return (
    <Link
      href={href}
      className="nav-link"
      {...(current ? { 'aria-current': 'page' as const } : {})}
    >
      {children}
    </Link>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => call('signOut'),
    onSettled: () => {
      signedOut(client);
      navigate('/sign-in?signed-out=1', { replace: true });
    },
  });
  const isAdmin = me.data?.organizations.some((o) => o.isAdmin) ?? false;
  return (
    <>
      <a className="skip-link" href="#main">
        {copy.app.skip}
      </a>
      <header className="header">
        <div className="header-inner">
          <Link href="/" className="brand">
            {copy.app.name}
          </Link>
          <nav aria-label={copy.app.nav} className="nav">
            {me.data ? (
              <>
                <NavLink href="/">{copy.app.home}</NavLink>
                <NavLink href="/together">{fourTasksCopy.nav}</NavLink>
                <NavLink href="/settings">{copy.app.settings}</NavLink>
                {isAdmin ? <NavLink href="/admin">{copy.app.admin}</NavLink> : null}
              </>
            ) : null}
            <NavLink href="/support">{copy.app.moreSupport}</NavLink>
            {me.data ? (
              <Button
                variant="plain"
                className="nav-link"
                onPress={() => signOut.mutate()}
                busy={signOut.isPending}
              >
                {copy.app.signOut}
              </Button>
            ) : null}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <LiveProvider userId={me.data?.user.id}>
          {me.data ? <BackgroundNotices me={me.data.user.id} /> : null}
          {children}
        </LiveProvider>
      </main>
    </>
  );
}
