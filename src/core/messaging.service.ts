/**
 * Messages: posting with gap-free per-conversation sequence numbers, history by seq, edit, delete, read
 * markers and the conversation list. The HTTP routes and the WebSocket gateway share this one path.
 */
import { MINUTE_MS } from '../lib/clock.ts';
import { RELATIONSHIP_QUIET, announce, canPost, requireAccess } from './conversation-access.ts';
import {
  type Audience,
  type ConversationSummary,
  type Message,
  type MessagingApi,
  type PostResult,
  asSeenBy,
} from './conversation.model.ts';
import { conflict, forbidden, invalidField, notFound } from './errors.ts';
import type { EventPublisher } from './events.ts';
import { checkMessageId, checkMessageText } from './message-text.ts';
import type { Runtime, Store } from './ports.ts';

export interface MessagingDeps extends Runtime {
  store: Store;
  events: EventPublisher;
}

/** How long after sending the author may still edit. */
export const EDIT_WINDOW_MS = 15 * MINUTE_MS;

/** The most messages one history call returns. */
export const MAX_PAGE = 200;

/**
 * Thrown inside the posting transaction when the message id is already stored, to roll back the seq it
 * took. Checking the id first would cost every post a read that only retries need.
 */
class IdTaken extends Error {}

const DELETED = 'This message was deleted, so it can no longer be edited.';
const ID_TAKEN = 'This message id is already in use. Please send the message with a new id.';

/** The one implementation of MessagingApi. */
export class MessagingService implements MessagingApi {
  constructor(private readonly deps: MessagingDeps) {}

  async post(
    userId: string,
    input: { conversationId: string; id: string; text: string },
    onStored?: (message: Message, audience?: Audience) => void,
  ): Promise<PostResult> {
    const { store, clock, events } = this.deps;
    const id = checkMessageId(input.id);
    const text = checkMessageText(input.text);
    let result: PostResult;
    let audience: Audience | undefined;
    try {
      result = await store.transaction(async (tx) => {
        const now = clock.now();
        // The seq first: taking it locks the conversation's row, which a leave or block locks too, so the
        // checks below see any that committed before; nothing is stored after a leave or block returned.
        // Anything refused below rolls back, giving the seq back.
        const seq = await tx.conversations.nextSeq(input.conversationId, now);
        if (seq === undefined) throw notFound('conversation');
        const { conversation } = await requireAccess(tx, userId, input.conversationId);
        if (!(await canPost(tx, userId, conversation))) {
          // A retry of a message stored before the relationship went quiet still gets the original (below).
          if (await tx.messages.findById(id)) throw new IdTaken();
          throw conflict(RELATIONSHIP_QUIET);
        }
        const message: Message = {
          id,
          conversationId: conversation.id,
          seq,
          authorId: userId,
          text,
          createdAt: now,
          editedAt: null,
          deletedAt: null,
        };
        // The id is stored already (a retry, or a request with the same id that committed first): roll
        // back to give the seq back, then hand back the original below.
        if (!(await tx.messages.insertIfNew(message))) throw new IdTaken();
        await tx.conversationMembers.markRead(conversation.id, userId, seq);
        // In a relationship a post needs both people still in it (canPost); in a circle, read who is.
        if (conversation.kind === 'circle')
          audience = await tx.conversationMembers.audience(conversation.id);
        return { message, duplicate: false };
      });
    } catch (error) {
      if (!(error instanceof IdTaken)) throw error;
      const existing = await store.messages.findById(id);
      if (!existing) throw error;
      return { message: this.sameMessage(existing, userId, input.conversationId), duplicate: true };
    }
    if (!result.duplicate) {
      const { message } = result;
      onStored?.(message, audience);
      await announce(() =>
        events.publish('message.posted', {
          conversationId: message.conversationId,
          seq: message.seq,
          messageId: message.id,
        }),
      );
    }
    return result;
  }

  async hiddenAuthors(userId: string): Promise<ReadonlySet<string>> {
    return new Set(await this.deps.store.blocks.blockedBy(userId));
  }

  async changedSince(
    userId: string,
    conversationId: string,
    upToSeq: number,
    since: Date,
    limit: number,
  ): Promise<Message[]> {
    const { store } = this.deps;
    await requireAccess(store, userId, conversationId);
    const changed = await store.messages.listChangedSince(
      conversationId,
      seqParam('upTo', upToSeq),
      since,
      pageSize(limit),
    );
    // As the person may see them now, like a page of history: the socket's own list of whom they blocked
    // was read at its handshake and may miss a block made through another node since.
    const hidden = changed.length ? await this.hiddenAuthors(userId) : new Set<string>();
    return hidden.size ? changed.map((m) => asSeenBy(m, hidden)) : changed;
  }

  async since(
    userId: string,
    conversationId: string,
    afterSeq: number,
    limit: number,
  ): Promise<Message[]> {
    return (await this.readAfter(userId, conversationId, afterSeq, limit)).messages;
  }

  async sinceForAll(
    userId: string,
    conversationId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ messages: Message[]; audience?: Audience }> {
    const { kind, messages } = await this.readAfter(userId, conversationId, afterSeq, limit);
    if (kind !== 'circle' || messages.length === 0) return { messages };
    // Read after the messages: a leave or block committed before any of them was stored is visible here.
    return {
      messages,
      audience: await this.deps.store.conversationMembers.audience(conversationId),
    };
  }

  /** Checks access, then reads the messages after `afterSeq`: `since` and `sinceForAll` share it. */
  private async readAfter(userId: string, conversationId: string, afterSeq: number, limit: number) {
    const { store } = this.deps;
    const { conversation } = await requireAccess(store, userId, conversationId);
    const messages = await store.messages.listAfter(
      conversationId,
      Math.max(0, seqParam('after', afterSeq)),
      pageSize(limit),
    );
    return { kind: conversation.kind, messages };
  }

  async before(
    userId: string,
    conversationId: string,
    beforeSeq: number,
    limit: number,
  ): Promise<Message[]> {
    const { store } = this.deps;
    await requireAccess(store, userId, conversationId);
    return store.messages.listBefore(
      conversationId,
      seqParam('before', beforeSeq),
      pageSize(limit),
    );
  }

  /**
   * One page of history with the conversation's current last seq: `after` for catch-up, `before` for
   * scroll-back, neither for the newest page.
   */
  async page(
    userId: string,
    conversationId: string,
    query: { after?: number | undefined; before?: number | undefined; limit: number },
  ): Promise<{ messages: Message[]; lastSeq: number }> {
    const { store } = this.deps;
    const { conversation } = await requireAccess(store, userId, conversationId);
    const limit = pageSize(query.limit);
    const hidden = await this.hiddenAuthors(userId);
    const stored =
      query.after !== undefined
        ? await store.messages.listAfter(conversationId, seqParam('after', query.after), limit)
        : await store.messages.listBefore(
            conversationId,
            seqParam('before', query.before ?? conversation.lastSeq + 1),
            limit,
          );
    const messages = hidden.size ? stored.map((m) => asSeenBy(m, hidden)) : stored;
    return { messages, lastSeq: conversation.lastSeq };
  }

  async edit(
    userId: string,
    input: { conversationId: string; id: string; text: string },
  ): Promise<Message> {
    const { store, clock } = this.deps;
    const text = checkMessageText(input.text);
    const { message, changed } = await store.transaction(async (tx) => {
      const current = await this.ownMessage(tx, userId, input);
      if (current.deletedAt) throw conflict(DELETED);
      const now = clock.now();
      if (now.getTime() - current.createdAt.getTime() > EDIT_WINDOW_MS) {
        throw conflict('A message can be edited for 15 minutes after it was sent.');
      }
      if (current.text === text) return { message: current, changed: false };
      const edited: Message = { ...current, text, editedAt: now };
      if (!(await tx.messages.edit(edited.id, text, now))) throw conflict(DELETED);
      return { message: edited, changed: true };
    });
    if (changed) await this.announceUpdate(message);
    return message;
  }

  async remove(userId: string, input: { conversationId: string; id: string }): Promise<Message> {
    const { store, clock } = this.deps;
    const { message, changed } = await store.transaction(async (tx) => {
      const current = await this.ownMessage(tx, userId, input);
      if (current.deletedAt) return { message: current, changed: false };
      // The tombstone keeps its seq so every reader's sequence stays gap-free; the words are gone.
      const tombstone: Message = { ...current, text: '', deletedAt: clock.now() };
      // Deleted meanwhile by another request: the first tombstone stands.
      if (!(await tx.messages.tombstone(tombstone.id, tombstone.deletedAt!)))
        return { message: (await tx.messages.findById(tombstone.id)) ?? tombstone, changed: false };
      return { message: tombstone, changed: true };
    });
    if (changed) await this.announceUpdate(message);
    return message;
  }

  async markRead(userId: string, conversationId: string, seq: number): Promise<void> {
    const { store, events } = this.deps;
    const { conversation, member } = await requireAccess(store, userId, conversationId);
    const target = Math.min(seqParam('seq', seq), conversation.lastSeq);
    if (target <= member.lastReadSeq) return;
    const marker = await store.conversationMembers.markRead(conversationId, userId, target);
    if (member.shareReadMarkers && marker > member.lastReadSeq) {
      await announce(() => events.publish('read.updated', { conversationId, userId, seq: marker }));
    }
  }

  async requireMember(userId: string, conversationId: string): Promise<number> {
    return (await requireAccess(this.deps.store, userId, conversationId)).conversation.lastSeq;
  }

  listConversations(userId: string): Promise<ConversationSummary[]> {
    return this.deps.store.conversations.listForUser(userId);
  }

  lastSeqs(
    conversationIds: readonly string[],
    activeSince?: Date,
  ): Promise<ReadonlyMap<string, number>> {
    return this.deps.store.conversations.lastSeqs(conversationIds, activeSince);
  }

  /** The stored message for a retry, or a conflict when the id belongs to another message. */
  private sameMessage(existing: Message, userId: string, conversationId: string): Message {
    if (existing.conversationId !== conversationId || existing.authorId !== userId)
      throw conflict(ID_TAKEN, { id: ID_TAKEN });
    return existing;
  }

  private async ownMessage(
    store: Store,
    userId: string,
    input: { conversationId: string; id: string },
  ): Promise<Message> {
    await requireAccess(store, userId, input.conversationId);
    const message = await store.messages.findById(input.id);
    if (!message || message.conversationId !== input.conversationId) throw notFound('message');
    if (message.authorId !== userId)
      throw forbidden('Only the person who wrote a message can change it.');
    return message;
  }

  private announceUpdate(message: Message): Promise<void> {
    return announce(() =>
      this.deps.events.publish('message.updated', {
        conversationId: message.conversationId,
        seq: message.seq,
        messageId: message.id,
      }),
    );
  }
}

function seqParam(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalidField(field, 'Use a whole number of 0 or more.');
  return value;
}

function pageSize(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_PAGE;
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
}
