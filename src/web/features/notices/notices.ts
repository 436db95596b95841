/**
 * Notices of new messages while Mutual is in the background: opt-in per device, never with what was written,
 * and never during the person's own quiet hours in that conversation (their limits, IPS.md: consent first).
 */
import { deviceSetting } from '../../api/device-setting.ts';

/** Off until the person turns it on. */
const notices = deviceSetting('mutual.notices', false);

export const setNoticesEnabled = notices.set;
export const areNoticesEnabled = notices.get;
export const useNoticesEnabled = notices.use;

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
