/**
 * Notices of new messages while Mutual is in the background: opt-in per device, never with what was written,
 * and never during the person's own quiet hours in that conversation (their limits, IPS.md: consent first).
 */
import { useSyncExternalStore } from 'react';

const KEY = 'mutual.notices';
const listeners = new Set<() => void>();

export function setNoticesEnabled(on: boolean): void {
  localStorage.setItem(KEY, on ? 'on' : 'off');
  listeners.forEach((l) => l());
}

/** Off until the person turns it on. */
export function areNoticesEnabled(): boolean {
  return localStorage.getItem(KEY) === 'on';
}

export function useNoticesEnabled(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore((l) => {
    listeners.add(l);
    const storage = (e: StorageEvent) => e.key === KEY && l();
    window.addEventListener('storage', storage);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', storage);
    };
  }, areNoticesEnabled);
  return [on, setNoticesEnabled];
}

/** The conversations whose unread count went up since the last list; none on the first list. */
export function newlyUnread(
  before: ReadonlyMap<string, number> | undefined,
  now: ReadonlyArray<{ id: string; unread: number }>,
): string[] {
  if (!before) return [];
  return now.filter((c) => c.unread > (before.get(c.id) ?? 0)).map((c) => c.id);
}

/** What the browser allows: 'unsupported' where there are no notifications at all. */
export function noticePermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Whether a notice may go out for a conversation now: turned on, allowed by the browser, the page out of
 * sight, and the person not in their quiet hours there (`isQuiet` asks the server, which knows their limits).
 */
export async function mayNotice(
  conversationId: string,
  isQuiet: (conversationId: string) => Promise<boolean>,
): Promise<boolean> {
  if (!areNoticesEnabled() || noticePermission() !== 'granted') return false;
  if (document.visibilityState !== 'hidden') return false;
  return !(await isQuiet(conversationId).catch(() => true));
}
