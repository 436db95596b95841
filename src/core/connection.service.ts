/**
 * How people become connected: invitations to a relationship or a circle (in-app or by single-use link),
 * accepting, declining, creating circles, leaving and blocking. Connection is always by mutual consent.
 */
import { DAY_MS, addMs } from '../lib/clock.ts';
import { announce, requireAccess } from './conversation-access.ts';
import { NOT_OPEN, joinByInvitation, pairKey } from './invitation-acceptance.ts';
import type {
  ConnectionInvitation,
  ConnectionInvitationView,
  ConversationRecord,
} from './conversation.ports.ts';
import { DomainError, conflict, forbidden, invalidField, notFound } from './errors.ts';
import type { EventPublisher } from './events.ts';
import type { Runtime, Store, TokenService } from './ports.ts';

export interface ConnectionDeps extends Runtime {
  store: Store;
  tokens: TokenService;
  events: EventPublisher;
  /** How long an invitation stays open. */
  invitationTtlMs: number;
}

/** A new invitation; `token` only for a link, returned once (only its hash is stored). */
export interface CreatedInvitation {
  invitation: ConnectionInvitation;
  token: string | null;
}

export { MAX_CIRCLE_SIZE, pairKey } from './invitation-acceptance.ts';

export class ConnectionService {
  constructor(private readonly deps: ConnectionDeps) {}

  /** Reaches out to a person in the same organization (in-app), or makes a link when no one is named. */
  async inviteToRelationship(
    actorId: string,
    input: { orgId: string; userId?: string | undefined },
  ): Promise<CreatedInvitation> {
    const { store } = this.deps;
    await this.requireOrgMember(input.orgId, actorId, 'organization');
    if (input.userId === undefined)
      return this.create({
        orgId: input.orgId,
        kind: 'relationship',
        conversationId: null,
        createdBy: actorId,
        inviteeId: null,
      });
    const inviteeId = input.userId;
    if (inviteeId === actorId)
      throw invalidField('userId', 'Please choose someone other than yourself.');
    await this.requireOrgMember(input.orgId, inviteeId, 'person');
    if (await store.blocks.exists(actorId, inviteeId)) {
      throw conflict(
        'You have blocked this person. Unblock them first if you would like to reach out again.',
      );
    }
    const existing = await store.conversations.findByPairKey(
      input.orgId,
      pairKey(actorId, inviteeId),
    );
    if (existing) {
      const both = await Promise.all(
        [actorId, inviteeId].map((id) => store.conversationMembers.findActive(existing.id, id)),
      );
      if (both.every(Boolean)) throw conflict('You are already connected with this person.');
    }
    const now = this.deps.clock.now();
    if (await store.connectionInvitations.findPending(inviteeId, actorId, null, now)) {
      throw conflict(
        'This person has already invited you to connect. You can accept their invitation.',
      );
    }
    const pending = await store.connectionInvitations.findPending(actorId, inviteeId, null, now);
    if (pending) return { invitation: pending, token: null };
    // If the invitee has blocked the actor, the invitation is stored but never shown to them: it simply goes unanswered.
    return this.create({
      orgId: input.orgId,
      kind: 'relationship',
      conversationId: null,
      createdBy: actorId,
      inviteeId,
    });
  }

  /** Invites someone into a circle the actor is in, unless the circle is closed to invitations. */
  async inviteToCircle(
    actorId: string,
    conversationId: string,
    input: { userId?: string | undefined },
  ): Promise<CreatedInvitation> {
    const { store, clock } = this.deps;
    const { conversation } = await requireAccess(store, actorId, conversationId);
    if (conversation.kind !== 'circle')
      throw conflict('Only circles take invitations; a relationship is between its two people.');
    if (!conversation.membersCanInvite)
      throw forbidden('This circle is closed to new invitations.');
    const base = {
      orgId: conversation.orgId,
      kind: 'circle' as const,
      conversationId,
      createdBy: actorId,
    };
    if (input.userId === undefined) return this.create({ ...base, inviteeId: null });
    const inviteeId = input.userId;
    await this.requireOrgMember(conversation.orgId, inviteeId, 'person');
    if (await store.conversationMembers.findActive(conversationId, inviteeId))
      throw conflict('This person is already in the circle.');
    if (await store.blocks.exists(actorId, inviteeId)) {
      throw conflict(
        'You have blocked this person. Unblock them first if you would like to invite them.',
      );
    }
    const pending = await store.connectionInvitations.findPending(
      actorId,
      inviteeId,
      conversationId,
      clock.now(),
    );
    if (pending) return { invitation: pending, token: null };
    return this.create({ ...base, inviteeId });
  }

  /** Open invitations to the person and by the person. */
  async listInvitations(
    userId: string,
  ): Promise<{ received: ConnectionInvitationView[]; sent: ConnectionInvitationView[] }> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const [received, sent] = await Promise.all([
      store.connectionInvitations.listReceived(userId, now),
      store.connectionInvitations.listSent(userId, now),
    ]);
    return { received, sent };
  }

  /** Accepts an in-app invitation made to the caller. */
  async accept(userId: string, invitationId: string): Promise<ConversationRecord> {
    const invitation = await this.deps.store.connectionInvitations.findById(invitationId);
    if (!invitation || invitation.inviteeId !== userId) throw notFound('invitation');
    if (await this.deps.store.blocks.exists(userId, invitation.createdBy))
      throw notFound('invitation');
    await this.requireOrgMember(invitation.orgId, userId, 'invitation');
    return joinByInvitation(this.deps, invitation, userId);
  }

  /** Accepts a link invitation: anyone in the same organization holding the link, once. */
  async acceptLink(userId: string, token: string): Promise<ConversationRecord> {
    const invitation = await this.deps.store.connectionInvitations.findByTokenHash(
      this.deps.tokens.hash(token),
    );
    if (!invitation || invitation.inviteeId !== null) throw notFound('invitation');
    if (invitation.createdBy === userId) {
      throw conflict(
        'This is your own link. Share it with the person you would like to connect with.',
      );
    }
    await this.requireOrgMember(invitation.orgId, userId, 'invitation');
    return joinByInvitation(this.deps, invitation, userId);
  }

  /** Declines an invitation made to the caller. The person who sent it just sees it close. */
  async decline(userId: string, invitationId: string): Promise<void> {
    const { store, clock } = this.deps;
    const invitation = await store.connectionInvitations.findById(invitationId);
    if (!invitation || invitation.inviteeId !== userId) throw notFound('invitation');
    // Accepted, declined or withdrawn already (perhaps at the same moment): say so rather than "done".
    if (!(await store.connectionInvitations.respond(invitation.id, 'declined', clock.now(), null)))
      throw new DomainError('gone', NOT_OPEN);
  }

  /** Withdraws an invitation the caller made. */
  async withdraw(userId: string, invitationId: string): Promise<void> {
    const { store, clock } = this.deps;
    const invitation = await store.connectionInvitations.findById(invitationId);
    if (!invitation || invitation.createdBy !== userId) throw notFound('invitation');
    if (!(await store.connectionInvitations.respond(invitation.id, 'withdrawn', clock.now(), null)))
      throw new DomainError('gone', NOT_OPEN);
  }

  /** Starts a circle with the caller as its first member. */
  async createCircle(
    actorId: string,
    input: { orgId: string; name: string; membersCanInvite?: boolean | undefined },
  ): Promise<ConversationRecord> {
    const { store, clock, newId, events } = this.deps;
    await this.requireOrgMember(input.orgId, actorId, 'organization');
    const name = input.name.trim();
    if (name.length < 1 || name.length > 80)
      throw invalidField('name', 'Please give the circle a name of 1 to 80 characters.');
    const now = clock.now();
    const circle: ConversationRecord = {
      id: newId(),
      orgId: input.orgId,
      kind: 'circle',
      name,
      pairKey: null,
      lastSeq: 0,
      membersCanInvite: input.membersCanInvite ?? true,
      createdAt: now,
      lastActivityAt: null,
    };
    await store.transaction(async (tx) => {
      await tx.conversations.insert(circle);
      await tx.conversationMembers.join(circle.id, actorId, now);
    });
    await announce(() =>
      events.publish('conversation.access_gained', {
        conversationId: circle.id,
        userIds: [actorId],
      }),
    );
    return circle;
  }

  /** Any member changes a circle's name or whether members can invite: no one holds more say than another. */
  async updateCircle(
    actorId: string,
    conversationId: string,
    patch: { name?: string | undefined; membersCanInvite?: boolean | undefined },
  ): Promise<ConversationRecord> {
    const { store, events } = this.deps;
    const { conversation } = await requireAccess(store, actorId, conversationId);
    if (conversation.kind !== 'circle') throw conflict('Only circles have settings like these.');
    const name = patch.name?.trim();
    if (name !== undefined && (name.length < 1 || name.length > 80)) {
      throw invalidField('name', 'Please give the circle a name of 1 to 80 characters.');
    }
    await store.conversations.update(conversationId, {
      ...(name !== undefined ? { name } : {}),
      ...(patch.membersCanInvite !== undefined ? { membersCanInvite: patch.membersCanInvite } : {}),
    });
    await announce(() => events.publish('conversation.changed', { conversationId }));
    return (await requireAccess(store, actorId, conversationId)).conversation;
  }

  /** Leaves a relationship or circle. In a relationship the other person keeps the history and sees it go quiet. */
  async leave(userId: string, conversationId: string): Promise<void> {
    const { store, clock, events } = this.deps;
    await requireAccess(store, userId, conversationId);
    // Under the conversation's lock, as a post takes it: no message is stored after this returned.
    const left = await store.transaction(async (tx) => {
      await tx.conversations.lock(conversationId);
      return tx.conversationMembers.leave(conversationId, userId, clock.now());
    });
    if (left) {
      await announce(() =>
        events.publish('conversation.access_lost', { conversationId, userIds: [userId] }),
      );
    }
  }

  /**
   * Blocks a person the caller shares an organization with. Delivery stops at once: the caller leaves every
   * relationship with them and their open invitations to a relationship close. To the blocked person it looks the
   * same as the other person leaving; nothing tells them about a block.
   */
  async block(actorId: string, blockedId: string): Promise<void> {
    const { store, clock, events } = this.deps;
    if (actorId === blockedId) throw invalidField('userId', 'You cannot block yourself.');
    const shared = await this.sharedOrgIds(actorId, blockedId);
    if (shared.length === 0) throw notFound('person');
    const now = clock.now();
    const left = await store.transaction(async (tx) => {
      // Both people's rows first, as accepting an invitation between them takes them: an acceptance that
      // committed first is found below and ended; one after this sees the block.
      await tx.users.lockPair(actorId, blockedId);
      await tx.blocks.insert(actorId, blockedId, now);
      // Invitations to a relationship between them close, as a decline would. Circle invitations stay: a
      // circle holds people who blocked one another, and withdrawing only those would show the block.
      await tx.connectionInvitations.closeRelationshipInvitations(actorId, blockedId, now);
      const ended: string[] = [];
      for (const orgId of shared) {
        const relationship = await tx.conversations.findByPairKey(
          orgId,
          pairKey(actorId, blockedId),
        );
        if (!relationship) continue;
        await tx.conversations.lock(relationship.id);
        if (await tx.conversationMembers.leave(relationship.id, actorId, now))
          ended.push(relationship.id);
      }
      return ended;
    });
    for (const conversationId of left) {
      await announce(() =>
        events.publish('conversation.access_lost', { conversationId, userIds: [actorId] }),
      );
    }
    // In circles they still share, the blocker stops seeing their messages, typing and presence at once.
    await announce(() =>
      events.publish('block.changed', { blockerId: actorId, otherId: blockedId, blocked: true }),
    );
  }

  /** The people `actorId` blocked, with their display names, for the settings page; only they see it. */
  async listBlocked(actorId: string): Promise<Array<{ userId: string; displayName: string }>> {
    const { store } = this.deps;
    const people = [];
    for (const userId of await store.blocks.blockedBy(actorId)) {
      const user = await store.users.findById(userId);
      if (user) people.push({ userId, displayName: user.displayName });
    }
    return people.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Lifts a block. Relationships stay ended: reconnecting takes a new invitation, accepted by both. */
  async unblock(actorId: string, blockedId: string): Promise<void> {
    await this.deps.store.blocks.remove(actorId, blockedId);
    await announce(() =>
      this.deps.events.publish('block.changed', {
        blockerId: actorId,
        otherId: blockedId,
        blocked: false,
      }),
    );
  }

  private async create(
    input: Pick<
      ConnectionInvitation,
      'orgId' | 'kind' | 'conversationId' | 'createdBy' | 'inviteeId'
    >,
  ): Promise<CreatedInvitation> {
    const { store, tokens, clock, newId, invitationTtlMs } = this.deps;
    const token = input.inviteeId === null ? tokens.newToken() : null;
    const now = clock.now();
    const invitation: ConnectionInvitation = {
      ...input,
      id: newId(),
      tokenHash: token === null ? null : tokens.hash(token),
      status: 'pending',
      createdAt: now,
      expiresAt: addMs(now, Math.min(invitationTtlMs, 30 * DAY_MS)),
      respondedAt: null,
      usedBy: null,
    };
    await store.connectionInvitations.insert(invitation);
    const to = input.inviteeId;
    // Shown at once, unless the invitee blocked the inviter: then it is never shown (see above).
    if (to !== null && !(await store.blocks.exists(to, input.createdBy)))
      await announce(() => this.deps.events.publish('invitation.received', { userId: to }));
    return { invitation, token };
  }

  private async requireOrgMember(orgId: string, userId: string, what: string): Promise<void> {
    if (!(await this.deps.store.memberships.find(orgId, userId))) throw notFound(what);
  }

  private async sharedOrgIds(a: string, b: string): Promise<string[]> {
    const orgs = await this.deps.store.organizations.listForUser(a);
    const shared: string[] = [];
    for (const org of orgs)
      if (await this.deps.store.memberships.find(org.id, b)) shared.push(org.id);
    return shared;
  }
}
