/** The records and repositories behind relationships, circles and messages; adapters implement the repos. */
import type {
  Audience,
  ConversationKind,
  ConversationSummary,
  Message,
} from './conversation.model.ts';

/** A conversation row. `pairKey` makes one relationship per pair of people per organization. */
export interface ConversationRecord {
  id: string;
  orgId: string;
  kind: ConversationKind;
  name: string | null;
  /** For relationships, the two people's ids in sorted order joined by ':'; null for circles. */
  pairKey: string | null;
  lastSeq: number;
  /** Circles: whether any member may invite others (true) or the circle is closed to invitations. */
  membersCanInvite: boolean;
  createdAt: Date;
  lastActivityAt: Date | null;
}

/** A person's place in a conversation. Everyone holds the same kind of row: there are no roles. */
export interface ConversationMember {
  conversationId: string;
  userId: string;
  joinedAt: Date;
  /** Set when the person left (or blocked the other person); they then receive nothing more. */
  leftAt: Date | null;
  lastReadSeq: number;
  /** Off by default: only when on may others see how far this person has read. */
  shareReadMarkers: boolean;
}

/** A member with the name others see. */
export interface ConversationMemberView extends ConversationMember {
  displayName: string;
  pronouns: string | null;
}

/** An invitation to connect (relationship) or to join a circle, in-app to a person or by single-use link. */
export interface ConnectionInvitation {
  id: string;
  orgId: string;
  kind: ConversationKind;
  /** The circle for circle invitations; null for relationships (made on acceptance). */
  conversationId: string | null;
  createdBy: string;
  /** The person invited in-app; null for a link. */
  inviteeId: string | null;
  /** The hash of a link's token; null for in-app invitations. */
  tokenHash: string | null;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  usedBy: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** An invitation with the names needed to show it. */
export interface ConnectionInvitationView extends ConnectionInvitation {
  createdByName: string;
  inviteeName: string | null;
  circleName: string | null;
}

/** One person's limits in one conversation: visible to the others there. */
export interface RelationshipLimits {
  conversationId: string;
  userId: string;
  /** Local 'HH:MM' start and end of quiet hours; both null when none are set. */
  quietStart: string | null;
  quietEnd: string | null;
  /** IANA time zone the quiet hours are in, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** Free words about how to reach each other, written by the person. */
  note: string | null;
  updatedAt: Date;
}

/** Conversation rows and their sequence counters. */
export interface ConversationRepo {
  /** Inserts; for a relationship whose pair already has one in the organization, inserts nothing. */
  insert(conversation: ConversationRecord): Promise<void>;
  findById(id: string): Promise<ConversationRecord | undefined>;
  findByPairKey(orgId: string, pairKey: string): Promise<ConversationRecord | undefined>;
  /** Reads the row and locks it until the transaction ends (PostgreSQL; SQLite transactions are serial). */
  lock(id: string): Promise<ConversationRecord | undefined>;
  /**
   * Takes the next sequence number: `last_seq = last_seq + 1 … RETURNING last_seq`. The row lock this
   * takes serializes concurrent posts in one conversation, and a post with a leave or block (which lock the
   * row too), until the transaction ends. Undefined when no such conversation is stored.
   */
  nextSeq(id: string, at: Date): Promise<number | undefined>;
  /**
   * The stored last seq of each of these conversations (those not stored are left out); with
   * `activeSince`, only of those with a message posted at or after it.
   */
  lastSeqs(ids: readonly string[], activeSince?: Date): Promise<Map<string, number>>;
  update(
    id: string,
    patch: Partial<Pick<ConversationRecord, 'name' | 'membersCanInvite'>>,
  ): Promise<void>;
  /**
   * The conversations the person is currently in (within organizations they still belong to), with unread
   * counts; with `only`, just that one (or none, when they are not in it).
   */
  listForUser(userId: string, only?: { conversationId: string }): Promise<ConversationSummary[]>;
}

/** Who is in which conversation. */
export interface ConversationMemberRepo {
  /** Adds the person, or brings back one who left (keeping their read marker). */
  join(conversationId: string, userId: string, at: Date): Promise<void>;
  /** The row, current or past. */
  find(conversationId: string, userId: string): Promise<ConversationMember | undefined>;
  /** The row only if the person is current and still belongs to the conversation's organization. */
  findActive(conversationId: string, userId: string): Promise<ConversationMember | undefined>;
  /**
   * True when someone else is a current member (still in the organization) and neither of the two has
   * blocked the other: in a relationship, whether a message can go out.
   */
  hasOpenPeer(conversationId: string, userId: string): Promise<boolean>;
  /**
   * The current members who still belong to the organization (who may read it now), and whom each of
   * them blocked: one read.
   */
  audience(conversationId: string): Promise<Audience>;
  /** findActive, together with the conversation's record (one read for the access check). */
  findAccess(
    conversationId: string,
    userId: string,
  ): Promise<{ member: ConversationMember; conversation: ConversationRecord } | undefined>;
  /** Everyone who has ever been in it, with names. */
  list(conversationId: string): Promise<ConversationMemberView[]>;
  countActive(conversationId: string): Promise<number>;
  leave(conversationId: string, userId: string, at: Date): Promise<boolean>;
  /** Moves the read marker forward only; returns the marker after the call. */
  markRead(conversationId: string, userId: string, seq: number): Promise<number>;
  setShareReadMarkers(conversationId: string, userId: string, share: boolean): Promise<void>;
}

/** Messages, stored under their client-made ids. */
export interface MessageRepo {
  findById(id: string): Promise<Message | undefined>;
  /** Inserts unless the id exists (no error, even racing another insert); false when it existed. */
  insertIfNew(message: Message): Promise<boolean>;
  /** seq > afterSeq, ascending, at most `limit`. */
  listAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** seq < beforeSeq, the newest `limit` of them, ascending. */
  listBefore(conversationId: string, beforeSeq: number, limit: number): Promise<Message[]>;
  /** seq ≤ upToSeq, edited or deleted at or after `since`, ascending, at most `limit`. */
  listChangedSince(
    conversationId: string,
    upToSeq: number,
    since: Date,
    limit: number,
  ): Promise<Message[]>;
  /** Replaces the text of a message not deleted; false when it was deleted (by a concurrent delete). */
  edit(id: string, text: string, editedAt: Date): Promise<boolean>;
  /** Leaves a tombstone (empty text, `deletedAt`); false when it was deleted already. */
  tombstone(id: string, deletedAt: Date): Promise<boolean>;
}

/** Who has blocked whom. */
export interface BlockRepo {
  insert(blockerId: string, blockedId: string, at: Date): Promise<void>;
  remove(blockerId: string, blockedId: string): Promise<void>;
  /** True when either person has blocked the other. */
  existsEitherWay(a: string, b: string): Promise<boolean>;
  /** True when `blockerId` has blocked `blockedId`. */
  exists(blockerId: string, blockedId: string): Promise<boolean>;
  /** Everyone `blockerId` has blocked. */
  blockedBy(blockerId: string): Promise<string[]>;
}

/** Invitations to connect or to join a circle. */
export interface ConnectionInvitationRepo {
  insert(invitation: ConnectionInvitation): Promise<void>;
  findById(id: string): Promise<ConnectionInvitation | undefined>;
  findByTokenHash(tokenHash: string): Promise<ConnectionInvitation | undefined>;
  /** Pending, unexpired in-app invitation from one person to another (for one circle, or a relationship). */
  findPending(
    createdBy: string,
    inviteeId: string,
    conversationId: string | null,
    now: Date,
  ): Promise<ConnectionInvitation | undefined>;
  /** Moves a pending invitation to `status`; false if it was no longer pending (someone got there first). */
  respond(
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    at: Date,
    usedBy: string | null,
  ): Promise<boolean>;
  /** Pending, unexpired invitations to the person, hiding any from people they have blocked. */
  listReceived(userId: string, now: Date): Promise<ConnectionInvitationView[]>;
  /** Pending, unexpired invitations the person made. */
  listSent(userId: string, now: Date): Promise<ConnectionInvitationView[]>;
  /**
   * Closes the pending in-app invitations to a relationship between two people, whoever made them (on a
   * block, or once they are connected). Circle invitations stay.
   */
  closeRelationshipInvitations(a: string, b: string, at: Date): Promise<void>;
}

/** Per-person limits in each conversation. */
export interface RelationshipLimitRepo {
  upsert(limits: RelationshipLimits): Promise<void>;
  list(conversationId: string): Promise<RelationshipLimits[]>;
}
