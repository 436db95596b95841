/** Provides the tab's live link (one per signed-in person) to the conversation views and the banner. */
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import { ME_KEY } from '../../api/account.ts';
import { CONNECTIONS_KEY, conversationKey, limitsKey } from '../../api/conversations.ts';
import type { LinkStatus } from '../../api/realtime.ts';
import { throttled } from '../../../lib/throttle.ts';
import { Live } from './live.ts';

const LiveContext = createContext<Live | undefined>(undefined);
type Announce = (conversationId: string, authorId: string, text: string) => void;
const announceListeners = new Set<Announce>();

/** Listens for messages from others arriving live (for the polite live region). */
export function onIncoming(listener: Announce): () => void {
  announceListeners.add(listener);
  return () => announceListeners.delete(listener);
}

/** How often, at most, the conversation list is read again while messages keep arriving. */
const LIST_REFRESH_MS = 1_000;

export function LiveProvider({
  userId,
  children,
}: {
  userId: string | undefined;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const [live, setLive] = useState<Live | undefined>(undefined);
  useEffect(() => {
    if (!userId) return;
    const listChanged = throttled(
      () => void client.invalidateQueries({ queryKey: ['conversations'] }),
      LIST_REFRESH_MS,
    );
    const l = new Live(userId, {
      incoming: (c, a, t) => announceListeners.forEach((fn) => fn(c, a, t)),
      listChanged,
      invitationsChanged: () => void client.invalidateQueries({ queryKey: CONNECTIONS_KEY }),
      conversationChanged: (id) => {
        void client.invalidateQueries({ queryKey: conversationKey(id) });
        void client.invalidateQueries({ queryKey: limitsKey(id) });
      },
    });
    const off = l.realtime.onStatus(() => {
      // The server ended this session (signed out elsewhere, revoked): find out who is signed in now.
      if (l.realtime.status === 'ended') void client.invalidateQueries({ queryKey: ME_KEY });
    });
    l.start();
    setLive(l);
    return () => {
      off();
      listChanged.cancel();
      l.stop();
      setLive(undefined);
    };
  }, [userId, client]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export const useLive = (): Live | undefined => useContext(LiveContext);

const noop = () => () => undefined;

export function useLinkStatus(): LinkStatus | undefined {
  const live = useLive();
  return useSyncExternalStore(
    live ? (l) => live.realtime.onStatus(l) : noop,
    () => live?.realtime.status,
  );
}

/** Re-renders when the outbox changes; returns the entries of one conversation. */
export function useOutbox(conversationId: string) {
  const live = useLive();
  useSyncExternalStore(live ? (l) => live.onOutbox(l) : noop, () => live?.outboxSnapshot ?? 0);
  return live?.outbox.of(conversationId) ?? [];
}
