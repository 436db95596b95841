import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mayNotice, newlyUnread, setNoticesEnabled } from './notices.ts';

describe('newlyUnread', () => {
  it('says nothing on the first list, then names only conversations whose unread count went up', () => {
    const first = [
      { id: 'a', unread: 2 },
      { id: 'b', unread: 0 },
    ];
    expect(newlyUnread(undefined, first)).toEqual([]);
    const before = new Map(first.map((c) => [c.id, c.unread]));
    expect(
      newlyUnread(before, [
        { id: 'a', unread: 1 },
        { id: 'b', unread: 3 },
        { id: 'new', unread: 1 },
      ]),
    ).toEqual(['b', 'new']);
  });
});

describe('mayNotice', () => {
  let hidden = true;
  beforeEach(() => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    });
    vi.stubGlobal('document', {
      get visibilityState() {
        return hidden ? 'hidden' : 'visible';
      },
    });
    vi.stubGlobal('Notification', { permission: 'granted' });
    hidden = true;
  });
  afterEach(() => vi.unstubAllGlobals());

  const notQuiet = async () => false;

  it('stays silent until the person turns notices on', async () => {
    expect(await mayNotice('c', notQuiet)).toBe(false);
    setNoticesEnabled(true);
    expect(await mayNotice('c', notQuiet)).toBe(true);
    setNoticesEnabled(false);
    expect(await mayNotice('c', notQuiet)).toBe(false);
  });

  it('stays silent while the page is in sight, without browser permission, or during quiet hours', async () => {
    setNoticesEnabled(true);
    hidden = false;
    expect(await mayNotice('c', notQuiet)).toBe(false);
    hidden = true;
    vi.stubGlobal('Notification', { permission: 'denied' });
    expect(await mayNotice('c', notQuiet)).toBe(false);
    vi.stubGlobal('Notification', { permission: 'granted' });
    const asked: string[] = [];
    const quiet = async (id: string) => (asked.push(id), true);
    expect(await mayNotice('c', quiet)).toBe(false);
    expect(asked).toEqual(['c']);
    // When the quiet-hours check cannot be made, no notice goes out rather than one that might intrude.
    expect(await mayNotice('c', () => Promise.reject(new Error('offline')))).toBe(false);
  });
});
