/** Shared queries for the four-tasks pages: the person's conversations and what to call each one. */
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../api/account.ts';
import { call, type ResponseFor } from '../../api/http.ts';
import { t } from './copy.ts';

export type ConversationDetail = ResponseFor<'getConversation'>;

export const conversationsKey = ['four-tasks', 'conversations'] as const;

/** The person's relationships and circles. */
export function useConversations() {
  return useQuery({ queryKey: conversationsKey, queryFn: () => call('listConversations') });
}

/** One conversation with its members' names. */
export function useConversation(conversationId: string) {
  return useQuery({
    queryKey: ['four-tasks', 'conversation', conversationId],
    queryFn: () => call('getConversation', { params: { conversationId } }),
    enabled: conversationId !== '',
  });
}

/** A circle's name, or for a relationship the other person's name. */
export function conversationTitle(
  detail: ConversationDetail | undefined,
  myId: string | undefined,
): string {
  if (!detail) return '…';
  if (detail.name) return detail.name;
  const others = detail.members.filter((m) => m.userId !== myId).map((m) => m.displayName);
  return others.length ? others.join(', ') : t.quietRelationship;
}

/** The signed-in person's id. */
export function useMyId(): string | undefined {
  return useMe().data?.user.id;
}

/** Names by user id for a conversation, falling back to "Someone who left". */
export function namesOf(detail: ConversationDetail | undefined): (userId: string) => string {
  const names = new Map(detail?.members.map((m) => [m.userId, m.displayName]) ?? []);
  return (userId) => names.get(userId) ?? t.someoneWhoLeft;
}
