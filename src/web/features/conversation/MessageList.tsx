/**
 * The message history: loads older pages as the person scrolls back (or presses the button), keeps the view
 * pinned to the newest message while they are at the bottom, and shows unsent messages after the rest.
 */
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { copy } from '../../copy.ts';
import { useLinkStatus, useLive, useOutbox } from './live-context.tsx';
import { MessageItem } from './MessageItem.tsx';
import { PendingItem } from './PendingItem.tsx';
import type { ConversationStore } from './store.ts';

export const PAGE_SIZE = 50;

interface Props {
  conversationId: string;
  store: ConversationStore;
  me: string;
  names: Record<string, string>;
  /** The other people's read positions, when they share them. */
  readBy: number;
  /** False in a relationship the other person left: a message that was not sent cannot be sent again. */
  canPost: boolean;
}

export function MessageList({ conversationId, store, me, names, readBy, canPost }: Props) {
  const live = useLive();
  const state = useSyncExternalStore(store.subscribe, store.get);
  const outbox = useOutbox(conversationId);
  const status = useLinkStatus();
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const keepFrom = useRef<{ height: number; top: number } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);

  // Arrow keys move between messages, so Tab reaches the composer without passing every message's buttons.
  const moveFocus = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    const target = e.target as HTMLElement;
    if (target.closest('textarea, input, select')) return;
    const items = [
      ...(scroller.current?.querySelectorAll<HTMLElement>('.message-list > li') ?? []),
    ];
    if (!items.length) return;
    const at = items.findIndex((li) => li.contains(target));
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? items.length - 1
          : at === -1
            ? items.length - 1
            : e.key === 'ArrowUp'
              ? Math.max(0, at - 1)
              : Math.min(items.length - 1, at + 1);
    e.preventDefault();
    items[next]?.focus();
  };

  const loadOlder = useCallback(async () => {
    const oldest = store.get().messages[0]?.seq;
    if (loadingOlder || !store.get().hasOlder || oldest === undefined) return;
    setLoadingOlder(true);
    const el = scroller.current;
    keepFrom.current = el ? { height: el.scrollHeight, top: el.scrollTop } : null;
    try {
      const page = await call('listMessages', {
        params: { conversationId },
        query: { before: oldest, limit: PAGE_SIZE },
      });
      store.addPage(page.messages, true, PAGE_SIZE);
    } finally {
      setLoadingOlder(false);
    }
  }, [conversationId, store, loadingOlder]);

  // Scrolling near the top loads the previous page.
  useEffect(() => {
    const el = top.current;
    if (!el || !scroller.current) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && void loadOlder(),
      { root: scroller.current, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [loadOlder]);

  // Keep the newest message in view when the list changes size (rotation, zoom, the keyboard opening).
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const count = state.messages.length + outbox.length;
  const newest = state.messages.at(-1);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keepFrom.current) {
      // Older messages went in above: keep the same message under the reader's eyes.
      el.scrollTop = keepFrom.current.top + (el.scrollHeight - keepFrom.current.height);
      keepFrom.current = null;
    } else if (atBottom.current) el.scrollTop = el.scrollHeight;
  }, [count, newest?.id]);

  // Reading the newest message (the tab visible, the list at the bottom) marks it read.
  useEffect(() => {
    if (
      newest &&
      newest.authorId !== me &&
      atBottom.current &&
      document.visibilityState === 'visible'
    )
      live?.read(conversationId, newest.seq);
  }, [newest, me, live, conversationId]);

  const lastMine = [...state.messages].reverse().find((m) => m.authorId === me);
  return (
    <div
      className="messages"
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label={copy.conversation.log}
      aria-describedby="messages-hint"
      onKeyDown={moveFocus}
      onFocus={(e) =>
        setActiveId(
          (e.target as HTMLElement).closest<HTMLElement>('.message-list > li')?.dataset.id ??
            activeId,
        )
      }
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      }}
    >
      <p id="messages-hint" className="visually-hidden">
        {copy.conversation.logHint}
      </p>
      <div ref={top} />
      {state.hasOlder ? (
        <Button variant="plain" onPress={() => void loadOlder()} busy={loadingOlder}>
          {loadingOlder ? copy.conversation.loadingEarlier : copy.conversation.earlier}
        </Button>
      ) : state.loaded ? (
        <p className="muted center">{copy.conversation.beginning}</p>
      ) : null}
      <ol className="message-list">
        {state.messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            mine={m.authorId === me}
            author={names[m.authorId] ?? copy.conversation.someone}
            store={store}
            active={m.id === activeId}
            seen={m.id === lastMine?.id && readBy >= m.seq}
          />
        ))}
        {outbox
          .filter((e) => !state.messages.some((m) => m.id === e.id))
          .map((e) => (
            <PendingItem
              key={e.id}
              entry={e}
              online={status === 'open'}
              onRetry={canPost ? () => live?.retry(e.id) : undefined}
              onDiscard={() => live?.discard(e.id)}
            />
          ))}
      </ol>
    </div>
  );
}
