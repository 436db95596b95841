/** Queries for the person's conversations and connection invitations, and names of the people in them. */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ConversationView } from '../../contract/conversations.ts';
import { copy } from '../copy.ts';
import { call } from './http.ts';

export const CONVERSATIONS_KEY = ['conversations'] as const;
/** One conversation's detail (members, settings) in the query cache. */
export const conversationKey = (id: string) => ['conversation', id] as const;
/** Everyone's limits (quiet hours, notes) in one conversation. */
export const limitsKey = (conversationId: string) => ['limits', conversationId] as const;
export const CONNECTIONS_KEY = ['conversations', 'invitations'] as const;
/** The people the signed-in person blocked (Settings). */
export const BLOCKS_KEY = ['blocks'] as const;

/** The person's conversations, refreshed every 30 s; with `inBackground`, also while the tab is hidden. */
export function useConversations({ inBackground = false }: { inBackground?: boolean } = {}) {
  return useQuery({
    queryKey: CONVERSATIONS_KEY,
    queryFn: () => call('listConversations'),
    refetchInterval: 30_000,
    refetchIntervalInBackground: inBackground,
  });
}

export function useConnectionInvitations() {
  return useQuery({
    queryKey: CONNECTIONS_KEY,
    queryFn: () => call('listConnectionInvitations'),
    refetchInterval: 30_000,
  });
}

/** Display names of everyone in the given organizations, by user id. */
export function usePeopleNames(orgIds: string[]): Record<string, string> {
  const results = useQueries({
    queries: [...new Set(orgIds)].map((orgId) => ({
      queryKey: ['members', orgId],
      queryFn: () => call('listMembers', { params: { orgId } }),
      staleTime: 60_000,
    })),
  });
  const names: Record<string, string> = {};
  for (const r of results) for (const m of r.data?.members ?? []) names[m.userId] = m.displayName;
  return names;
}

/**
 * A conversation's name in lists: a circle's own, or a relationship's other person (named even after one
 * of the two left it).
 */
export function conversationTitle(
  c: Pick<ConversationView, 'kind' | 'name' | 'memberIds' | 'pair'>,
  me: string | undefined,
  names: Record<string, string>,
): string {
  if (c.kind === 'circle') return c.name ?? '';
  return (c.pair ?? c.memberIds)
    .filter((id) => id !== me)
    .map((id) => names[id] ?? copy.conversation.someone)
    .join(', ');
}
