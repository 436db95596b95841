/**
 * The frame around every page: skip link, header with the organization choice (for someone in more than one),
 * navigation with the always-visible "More support" link, main.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FocusEvent, type ReactNode, useId } from 'react';
import { type Me, signedOut, useMe } from '../api/account.ts';
import { chooseOrg, forgetOrg, useCurrentOrg } from '../api/current-org.ts';
import { call } from '../api/http.ts';
import { Button } from '../components/Button.tsx';
import { copy } from '../copy.ts';
import { LiveProvider } from '../features/conversation/live-context.tsx';
import { BackgroundNotices } from '../features/notices/BackgroundNotices.tsx';
import { t as fourTasksCopy } from '../features/together/copy.ts';
import { Link, navigate, usePath } from './router.tsx';

function NavLink({
  href,
  children,
  className = 'nav-link',
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const path = usePath();
  const current = href === '/' ? path === '/' : path.startsWith(href);
  return (
    <Link
      href={href}
      className={className}
      {...(current ? { 'aria-current': 'page' as const } : {})}
    >
      {children}
    </Link>
  );
}

/**
 * On a narrow screen the navigation scrolls sideways under the pinned "More support". Chromium scrolls a
 * focused link only when it is wholly hidden, and never out from under a pinned neighbour, so a link taking
 * focus is brought fully into the uncovered part here.
 */
function revealFocused(e: FocusEvent<HTMLElement>): void {
  const nav = e.currentTarget;
  const pinned = nav.querySelector<HTMLElement>('.nav-support');
  if (e.target === pinned || nav.scrollWidth <= nav.clientWidth) return;
  const box = e.target.getBoundingClientRect();
  const left = nav.getBoundingClientRect().left + nav.clientLeft;
  const beforePinned =
    pinned !== null &&
    (e.target.compareDocumentPosition(pinned) & Node.DOCUMENT_POSITION_FOLLOWING) > 0;
  const right = left + nav.clientWidth - (beforePinned ? pinned.offsetWidth : 0);
  if (box.right > right) nav.scrollLeft += box.right - right;
  else if (box.left < left) nav.scrollLeft -= left - box.left;
}

/** Which organization Home, Admin and More support show; switching re-renders them in place. */
function OrgChooser({ orgs }: { orgs: Me['organizations'] }) {
  const id = useId();
  const current = useCurrentOrg();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {copy.support.chooseOrg}
      </label>
      <select
        id={id}
        className="org-choice"
        value={current?.id ?? ''}
        onChange={(e) => chooseOrg(e.target.value)}
      >
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => call('signOut'),
    onSettled: () => {
      forgetOrg();
      signedOut(client);
      navigate('/sign-in?signed-out=1', { replace: true });
    },
  });
  const orgs = me.data?.organizations ?? [];
  const isAdmin = orgs.some((o) => o.isAdmin);
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
          {orgs.length > 1 ? <OrgChooser orgs={orgs} /> : null}
          <nav aria-label={copy.app.nav} className="nav" onFocus={revealFocused}>
            {me.data ? (
              <>
                <NavLink href="/">{copy.app.home}</NavLink>
                <NavLink href="/together">{fourTasksCopy.nav}</NavLink>
                <NavLink href="/settings">{copy.app.settings}</NavLink>
                {isAdmin ? <NavLink href="/admin">{copy.app.admin}</NavLink> : null}
              </>
            ) : null}
            {/* Stays in view while the other links scroll beneath it on a narrow screen. */}
            <NavLink href="/support" className="nav-link nav-support">
              {copy.app.moreSupport}
            </NavLink>
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
