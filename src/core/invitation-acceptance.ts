/** Accepting a connection invitation: the checks, and joining the relationship or circle in one transaction. */
import { announce } from './conversation-access.ts';
import type { ConnectionInvitation, ConversationRecord } from './conversation.ports.ts';
import { DomainError, conflict } from './errors.ts';
import type { EventPublisher } from './events.ts';
import type { Runtime, Store } from './ports.ts';

/** The most people a circle holds. */
export const MAX_CIRCLE_SIZE = 50;

/** Said for used, declined, withdrawn and blocked alike, so a closed invitation reveals nothing more. */
export const NOT_OPEN = 'This invitation is no longer open. You can ask for a new one.';

/** Said to someone accepting an invitation to a circle that its people have closed for now. */
export const CIRCLE_CLOSED =
  'This circle is closed to new people for now. Your invitation stays open in case it opens again.';

/** The pair key of a relationship: both ids sorted, so it is the same whoever reaches out first. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

interface JoinDeps extends Runtime {
  store: Store;
  events: EventPublisher;
}

interface Joined {
  conversation: ConversationRecord;
  joined: string[];
}

/**
 * Uses an open invitation for `userId` (already known to belong to its organization): marks it accepted
 * exactly once and adds the people to the conversation, then announces who gained access.
 */
export async function joinByInvitation(
  deps: JoinDeps,
  invitation: ConnectionInvitation,
  userId: string,
): Promise<ConversationRecord> {
  const { store, clock, events } = deps;
  const now = clock.now();
  if (invitation.status !== 'pending') {
    // Both invited each other, and the other invitation connected them (closing this one): that is what
    // accepting this asks for.
    const connected =
      invitation.kind === 'relationship' && (await pairOf(store, invitation, userId));
    if (connected) return connected;
    throw new DomainError('gone', NOT_OPEN);
  }
  if (now.getTime() >= invitation.expiresAt.getTime()) {
    throw new DomainError('gone', 'This invitation has expired. You can ask for a new one.');
  }
  if (!(await store.memberships.find(invitation.orgId, invitation.createdBy)))
    throw new DomainError('gone', NOT_OPEN);
  const { conversation, joined } = await store.transaction(async (tx) => {
    if (invitation.kind === 'relationship') {
      // A block between the two ends a relationship's invitation. Checked under both people's locks, as a
      // block takes them, so a block at the same moment either comes first and is seen here, or comes
      // after and ends the relationship. Not a circle's: a circle holds people who blocked one another
      // (each sees the other's messages withheld), and refusing only the blocked person would show the block.
      await tx.users.lockPair(userId, invitation.createdBy);
      if (await tx.blocks.existsEitherWay(userId, invitation.createdBy))
        throw new DomainError('gone', NOT_OPEN);
    }
    if (!(await tx.connectionInvitations.respond(invitation.id, 'accepted', now, userId))) {
      // The same, when the other invitation was accepted a moment ago.
      const connected =
        invitation.kind === 'relationship' && (await pairOf(tx, invitation, userId));
      if (connected) return { conversation: connected, joined: [] };
      throw new DomainError('gone', NOT_OPEN);
    }
    return invitation.kind === 'relationship'
      ? joinRelationship(tx, deps.newId, invitation, userId, now)
      : joinCircle(tx, invitation, userId, now);
  });
  if (joined.length > 0)
    await announce(() =>
      events.publish('conversation.access_gained', {
        conversationId: conversation.id,
        userIds: joined,
      }),
    );
  return conversation;
}

/** The relationship between the invitation's maker and `userId`, if both are in it now. */
async function pairOf(
  tx: Store,
  invitation: ConnectionInvitation,
  userId: string,
): Promise<ConversationRecord | undefined> {
  const conversation = await tx.conversations.findByPairKey(
    invitation.orgId,
    pairKey(invitation.createdBy, userId),
  );
  if (!conversation) return undefined;
  for (const id of [invitation.createdBy, userId])
    if (!(await tx.conversationMembers.findActive(conversation.id, id))) return undefined;
  return conversation;
}

async function joinRelationship(
  tx: Store,
  newId: () => string,
  invitation: ConnectionInvitation,
  userId: string,
  now: Date,
): Promise<Joined> {
  const key = pairKey(invitation.createdBy, userId);
  let conversation = await tx.conversations.findByPairKey(invitation.orgId, key);
  if (!conversation) {
    conversation = {
      id: newId(),
      orgId: invitation.orgId,
      kind: 'relationship',
      name: null,
      pairKey: key,
      lastSeq: 0,
      membersCanInvite: false,
      createdAt: now,
      lastActivityAt: null,
    };
    await tx.conversations.insert(conversation);
    conversation = (await tx.conversations.findByPairKey(invitation.orgId, key)) ?? conversation;
  }
  // Reconnecting after either left brings both back into the same relationship, history and all.
  const joined = [invitation.createdBy, userId];
  for (const id of joined) await tx.conversationMembers.join(conversation.id, id, now);
  // Connected now: any other invitation between the two (both invited at once) has nothing left to do.
  await tx.connectionInvitations.closeRelationshipInvitations(invitation.createdBy, userId, now);
  return { conversation, joined };
}

async function joinCircle(
  tx: Store,
  invitation: ConnectionInvitation,
  userId: string,
  now: Date,
): Promise<Joined> {
  const id = invitation.conversationId;
  // Locking the circle's row makes concurrent acceptances count one after another, so 50 stays the limit.
  const conversation = id && (await tx.conversations.lock(id));
  if (!conversation) throw new DomainError('gone', NOT_OPEN);
  if (await tx.conversationMembers.findActive(conversation.id, userId)) {
    return { conversation, joined: [userId] };
  }
  // Closed means closed to new people: an invitation made while it was open waits until it opens again
  // (this transaction rolls back, so the invitation stays open).
  if (!conversation.membersCanInvite) throw conflict(CIRCLE_CLOSED);
  if ((await tx.conversationMembers.countActive(conversation.id)) >= MAX_CIRCLE_SIZE) {
    throw conflict(
      `This circle already has ${MAX_CIRCLE_SIZE} people, which is as many as a circle holds.`,
    );
  }
  await tx.conversationMembers.join(conversation.id, userId, now);
  return { conversation, joined: [userId] };
}
