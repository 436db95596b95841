/** Shared checks for reflections, intentions and worldview pages: membership decides everything. */
import { requireAccess } from './conversation-access.ts';
import type { ConversationRecord } from './conversation.ports.ts';
import { DomainError, notFound } from './errors.ts';
import type { Store } from './ports.ts';

/**
 * The conversation, if the person is a current member of it (and still in its organization). Anyone else —
 * organization admins included — gets not_found named after `what`, so nothing reveals that it exists.
 */
export async function requireMember(
  store: Store,
  userId: string,
  conversationId: string,
  what = 'conversation',
): Promise<ConversationRecord> {
  try {
    return (await requireAccess(store, userId, conversationId)).conversation;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') throw notFound(what);
    throw error;
  }
}

/** True when the person is a current member of the conversation. */
export async function isMember(
  store: Store,
  userId: string,
  conversationId: string,
): Promise<boolean> {
  return (await store.conversationMembers.findActive(conversationId, userId)) !== undefined;
}
