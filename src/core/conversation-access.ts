/** Who may see and who may write in a conversation: the checks every conversation operation starts with. */
import type { ConversationMember, ConversationRecord } from './conversation.ports.ts';
import { notFound } from './errors.ts';
import type { Store } from './ports.ts';

/** What a member who may see a conversation gets back from the check. */
export interface Access {
  conversation: ConversationRecord;
  member: ConversationMember;
}

/**
 * The conversation, if the person is a current member and still in its organization; otherwise not_found,
 * so that outsiders cannot tell a conversation exists.
 */
export async function requireAccess(
  store: Store,
  userId: string,
  conversationId: string,
): Promise<Access> {
  const access = await store.conversationMembers.findAccess(conversationId, userId);
  if (!access) throw notFound('conversation');
  return access;
}

/** Said the same way whether the other person left or blocked: a block is never shown as a block. */
export const RELATIONSHIP_QUIET =
  'This relationship is quiet now: the other person is no longer in it. You can still read what you shared.';

/** True when a message may go out now: in a relationship, both people must still be in it with no block. */
export async function canPost(
  store: Store,
  userId: string,
  conversation: ConversationRecord,
): Promise<boolean> {
  if (conversation.kind === 'circle') return true;
  return store.conversationMembers.hasOpenPeer(conversation.id, userId);
}

/** Publishes after commit; a failed hint never fails the operation, since readers catch up from the store. */
export async function announce(publish: () => Promise<void>): Promise<void> {
  try {
    await publish();
  } catch {
    // Delivery does not depend on the bus: clients repair a lost hint by reading from their last seq.
  }
}

/** Only the current members' ids. */
export const activeIds = (
  members: Array<Pick<ConversationMember, 'userId' | 'leftAt'>>,
): string[] => members.filter((m) => m.leftAt === null).map((m) => m.userId);
