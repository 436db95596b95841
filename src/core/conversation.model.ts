/**
 * The conversation records and the service interface the real-time gateway relies on. A conversation is
 * either a relationship (two people, by mutual consent) or a circle (up to 50 people). Symmetric: no
 * member is marked as helper or recipient.
 */

export type ConversationKind = 'relationship' | 'circle';

/** A conversation as one of its members sees it. */
export interface ConversationSummary {
  id: string;
  orgId: string;
  kind: ConversationKind;
  /** Circle name; for a relationship, null (the client shows the other person's name). */
  name: string | null;
  memberIds: string[];
  /** A relationship's two people, whether or not both are still in it (so it keeps its name); null for a circle. */
  pair: string[] | null;
  lastSeq: number;
  lastActivityAt: Date | null;
  unread: number;
}

/** One stored message. `seq` is gap-free per conversation and the same for every reader. */
export interface Message {
  /** Made by the sending client (UUIDv7); a retry with the same id returns the stored message. */
  id: string;
  conversationId: string;
  seq: number;
  authorId: string;
  /** Empty once deleted (a tombstone). */
  text: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /**
   * Set only in one reader's view: the reader has blocked the author, so the text is withheld. The
   * message keeps its seq, so every reader's sequence stays gap-free.
   */
  hidden?: true;
}

/**
 * A message as `reader` may see it: from someone the reader blocked, its text is withheld (a tombstone
 * stays a tombstone). Everyone else, the author included, sees it unchanged.
 */
export function asSeenBy(message: Message, hiddenAuthors: ReadonlySet<string>): Message {
  if (!hiddenAuthors.has(message.authorId) || message.deletedAt) return message;
  return { ...message, text: '', editedAt: null, hidden: true };
}

/**
 * Who may read a circle's messages, read with them (when one is stored, or when a node reads them from the
 * store): the current members, and whom each of them blocked. A node's cache serves every local socket
 * from it, so a leave or a block made through another node holds before that node's event arrives.
 */
export interface Audience {
  members: readonly string[];
  /** Each member who blocked someone, with everyone they blocked. */
  blocked: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What posting returns: the stored message, and whether this call was a retry of an earlier one. */
export interface PostResult {
  message: Message;
  duplicate: boolean;
}

/**
 * The messaging operations the HTTP routes and the WebSocket gateway share. Every method checks that
 * `userId` may see the conversation and throws DomainError('not_found') otherwise (existence never leaks).
 */
export interface MessagingApi {
  /**
   * Stores the message under its client id with the next seq in one transaction; idempotent by id.
   * `onStored` sees a newly stored message right after the commit, before the hint goes out, so the
   * caller's node can hand it to its own readers without reading it back; for a circle, with its audience
   * when it was stored (someone who left a moment before must not get it from that node's cache, and
   * someone who blocked its author must get it hidden).
   */
  post(
    userId: string,
    input: { conversationId: string; id: string; text: string },
    onStored?: (message: Message, audience?: Audience) => void,
  ): Promise<PostResult>;
  /**
   * The people whose messages `userId` does not see (those they blocked): the gateway keeps this per socket
   * and shows their messages through `asSeenBy`. `since` and `before` return messages as stored, so that a
   * node can cache them for every reader; `page` (HTTP) applies it itself.
   */
  hiddenAuthors(userId: string): Promise<ReadonlySet<string>>;
  /**
   * Messages with seq ≤ upToSeq edited or deleted at or after `since`, in order, at most `limit`: what a
   * resuming reader missed of messages it already had.
   */
  changedSince(
    userId: string,
    conversationId: string,
    upToSeq: number,
    since: Date,
    limit: number,
  ): Promise<Message[]>;
  /** Messages with seq > afterSeq, in order, at most `limit` (catch-up after reconnect). */
  since(
    userId: string,
    conversationId: string,
    afterSeq: number,
    limit: number,
  ): Promise<Message[]>;
  /**
   * `since`, for a node that keeps what it reads for all its local readers: for a circle, also its
   * audience, read after the messages. Whoever left before one of those messages was stored is not in it,
   * and a block made before is in it, even when the event saying so has not reached this node yet.
   */
  sinceForAll(
    userId: string,
    conversationId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ messages: Message[]; audience?: Audience }>;
  /** Messages with seq < beforeSeq, newest `limit` of them, returned in ascending order (scroll-back). */
  before(
    userId: string,
    conversationId: string,
    beforeSeq: number,
    limit: number,
  ): Promise<Message[]>;
  /** Author only, within 15 minutes of posting. */
  edit(
    userId: string,
    input: { conversationId: string; id: string; text: string },
  ): Promise<Message>;
  /** Author only; leaves a tombstone everyone sees. */
  remove(userId: string, input: { conversationId: string; id: string }): Promise<Message>;
  /** Records how far the person has read. */
  markRead(userId: string, conversationId: string, seq: number): Promise<void>;
  /**
   * Throws not_found unless the person is a current member who may receive this conversation; resolves to
   * the conversation's last seq.
   */
  requireMember(userId: string, conversationId: string): Promise<number>;
  /** The conversations the person is in, with unread counts. */
  listConversations(userId: string): Promise<ConversationSummary[]>;
  /**
   * The stored last seq of each of these conversations, for a node checking that its readers missed no
   * hint. No person is named and nothing is read but the counters: each reader's own reads check access.
   * With `activeSince`, only conversations with a message posted at or after it.
   */
  lastSeqs(
    conversationIds: readonly string[],
    activeSince?: Date,
  ): Promise<ReadonlyMap<string, number>>;
}
