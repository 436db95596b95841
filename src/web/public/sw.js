/**
 * Mutual's service worker: shows one plain notice when the server sends an (always empty) push while Mutual
 * is closed, and opens Mutual when the notice is chosen. Plain JavaScript, served as is from /sw.js: no
 * build step, no imports. It handles no fetches, so it never stands between the page and the server.
 */

// The same words as copy.notices.title and copy.notices.body in src/web/copy.ts (sw.test.ts keeps them
// equal). A push carries nothing, so the notice cannot say who wrote or where, and it never should: it may
// show on a locked screen.
const NOTICE_TITLE = 'Mutual';
const NOTICE_BODY = 'A new message is waiting for you.';

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// Browsers expect a notice for every push, so one is shown even while a Mutual window is open. The one
// tag means a newer notice replaces an older one instead of piling up, and renotify: false keeps it quiet.
self.addEventListener('push', (event) => {
  event.waitUntil(
    self.registration.showNotification(NOTICE_TITLE, {
      body: NOTICE_BODY,
      tag: 'mutual-new',
      renotify: false,
      icon: '/favicon.svg',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      // A notice the open page showed (BackgroundNotices) knows its conversation; a push's does not.
      const path = event.notification.data && event.notification.data.path;
      const target = typeof path === 'string' && path.startsWith('/') ? path : undefined;
      // Only this origin's windows are listed; the one in front, or else any, keeps its place in Mutual.
      const open = windows.find((w) => w.focused) ?? windows[0];
      if (!open) return self.clients.openWindow(target ?? '/');
      return open
        .focus()
        .then((w) =>
          target && w && typeof w.navigate === 'function' ? w.navigate(target).catch(() => w) : w,
        );
    }),
  );
});
