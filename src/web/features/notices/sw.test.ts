/** Runs public/sw.js as a browser would (its own global scope) and checks what each event does. */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { copy } from '../../copy.ts';
import { PUSH_NOTICE_TAG } from './push.ts';

const SOURCE = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');

interface FakeWindow {
  url: string;
  focused: boolean;
  focus: ReturnType<typeof vi.fn>;
}

/** sw.js loaded into a fresh scope with a fake `self`; `fire` dispatches an event and awaits its work. */
function loadWorker(windows: FakeWindow[] = []) {
  const listeners = new Map<string, (event: unknown) => void>();
  const self = {
    location: new URL('https://mutual.example/sw.js'),
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
    skipWaiting: vi.fn(async () => undefined),
    registration: { showNotification: vi.fn(async () => undefined) },
    clients: {
      claim: vi.fn(async () => undefined),
      matchAll: vi.fn(async () => windows),
      openWindow: vi.fn(async () => null),
    },
  };
  runInNewContext(SOURCE, { self, URL });
  const fire = async (type: string, extra: object = {}) => {
    const work: Promise<unknown>[] = [];
    const listener = listeners.get(type);
    if (!listener) throw new Error(`sw.js does not listen for ${type}`);
    listener({ ...extra, waitUntil: (p: Promise<unknown>) => work.push(p) });
    await Promise.all(work);
    return work.length;
  };
  return { self, fire };
}

const aWindow = (focused: boolean): FakeWindow => ({
  url: 'https://mutual.example/c/1',
  focused,
  focus: vi.fn(async () => undefined),
});

describe('the service worker (public/sw.js)', () => {
  it('shows one plain notice per push, in the same words as the in-tab notices', async () => {
    const { self, fire } = loadWorker();
    expect(await fire('push', { data: null })).toBe(1);
    expect(self.registration.showNotification).toHaveBeenCalledTimes(1);
    expect(self.registration.showNotification).toHaveBeenCalledWith(copy.notices.title, {
      body: copy.notices.body,
      tag: PUSH_NOTICE_TAG,
      renotify: false,
      icon: '/favicon.svg',
    });
  });

  it('takes over at once when installed and activated', async () => {
    const { self, fire } = loadWorker();
    await fire('install');
    expect(self.skipWaiting).toHaveBeenCalled();
    expect(await fire('activate')).toBe(1);
    expect(self.clients.claim).toHaveBeenCalled();
  });

  it('on a chosen notice, closes it and brings an open Mutual window to the front', async () => {
    const behind = aWindow(false);
    const front = aWindow(true);
    const { self, fire } = loadWorker([behind, front]);
    const close = vi.fn();
    await fire('notificationclick', { notification: { close } });
    expect(close).toHaveBeenCalled();
    expect(front.focus).toHaveBeenCalled();
    expect(behind.focus).not.toHaveBeenCalled();
    expect(self.clients.openWindow).not.toHaveBeenCalled();
  });

  it('on a chosen notice with no Mutual window open, opens Home', async () => {
    const { self, fire } = loadWorker([]);
    await fire('notificationclick', { notification: { close: vi.fn() } });
    expect(self.clients.openWindow).toHaveBeenCalledWith('/');
  });

  it('on a chosen notice the open page showed, goes to its conversation', async () => {
    const navigate = vi.fn(async () => undefined);
    const win = { ...aWindow(true), navigate };
    win.focus = vi.fn(async () => win);
    const { fire } = loadWorker([win]);
    await fire('notificationclick', { notification: { close: vi.fn(), data: { path: '/c/42' } } });
    expect(win.focus).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/c/42');

    const none = loadWorker([]);
    await none.fire('notificationclick', {
      notification: { close: vi.fn(), data: { path: '/c/42' } },
    });
    expect(none.self.clients.openWindow).toHaveBeenCalledWith('/c/42');
    // Only paths on this site.
    const other = loadWorker([]);
    await other.fire('notificationclick', {
      notification: { close: vi.fn(), data: { path: 'https://elsewhere.example/' } },
    });
    expect(other.self.clients.openWindow).toHaveBeenCalledWith('/');
  });

  it('handles no fetches, so it never stands between the page and the server', () => {
    expect(SOURCE).not.toMatch(/addEventListener\(\s*['"]fetch['"]/);
  });
});
