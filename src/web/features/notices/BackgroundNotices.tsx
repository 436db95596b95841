/** Watches for new messages while the page is out of sight and shows a notice (see notices.ts for the rules). */
import { useEffect, useRef } from 'react';
import { useConversations } from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { copy } from '../../copy.ts';
import { navigate } from '../../shell/router.tsx';
import { onIncoming } from '../conversation/live-context.tsx';
import { mayNotice, newlyUnread, useNoticesEnabled } from './notices.ts';
import { PUSH_NOTICE_TAG } from './push.ts';

/** True when `me` is in their own quiet hours in this conversation, by the limits they set there. */
async function inMyQuietTime(me: string, conversationId: string): Promise<boolean> {
  const { limits } = await call('getLimits', { params: { conversationId } });
  return limits.find((l) => l.userId === me)?.inQuietTime ?? false;
}

/** When each conversation last brought a notice: one notice covers a burst of messages. */
const noticedAt = new Map<string, number>();
const ONE_NOTICE_PER_MS = 10_000;

async function notice(me: string, conversationId: string): Promise<void> {
  if (Date.now() - (noticedAt.get(conversationId) ?? 0) < ONE_NOTICE_PER_MS) return;
  if (!(await mayNotice(conversationId, (id) => inMyQuietTime(me, id)))) return;
  if (Date.now() - (noticedAt.get(conversationId) ?? 0) < ONE_NOTICE_PER_MS) return;
  noticedAt.set(conversationId, Date.now());
  // Never what was written, nor who wrote it: a notice can show on a locked screen.
  const options = { body: copy.notices.body };
  // With notices when Mutual is closed on, the service worker shows it under the push's tag, so a push
  // for the same unread message later replaces this notice quietly instead of adding a second one.
  const worker = await navigator.serviceWorker?.getRegistration('/').catch(() => undefined);
  if (worker?.active) {
    await worker.showNotification(copy.notices.title, {
      ...options,
      tag: PUSH_NOTICE_TAG,
      data: { path: `/c/${conversationId}` },
    });
    return;
  }
  const shown = new Notification(copy.notices.title, {
    ...options,
    tag: `mutual-${conversationId}`,
  });
  shown.onclick = () => {
    window.focus();
    navigate(`/c/${conversationId}`);
    shown.close();
  };
}

export function BackgroundNotices({ me }: { me: string }) {
  const [on] = useNoticesEnabled();
  // While notices are on, the list keeps refreshing in a background tab too.
  const list = useConversations({ inBackground: on });
  const unread = useRef<Map<string, number> | undefined>(undefined);

  useEffect(() => {
    const conversations = list.data?.conversations;
    if (!conversations) return;
    const fresh = newlyUnread(unread.current, conversations);
    unread.current = new Map(conversations.map((c) => [c.id, c.unread]));
    if (on) for (const id of fresh) void notice(me, id);
  }, [list.data, on, me]);

  // The open conversation's messages arrive live (and may be marked read at once): notice those too.
  useEffect(() => (on ? onIncoming((c) => void notice(me, c)) : undefined), [on, me]);
  return null;
}
