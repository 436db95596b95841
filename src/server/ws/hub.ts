/**
 * The node's registry of open sockets and the delivery pump. Hints ("conversation X reached seq n") only
 * wake the pump; the pump sends what follows the socket's last delivered seq, from the node's cache of
 * recent messages or from the store, so what a socket receives is always gap-free and in store order.
 * Membership is checked at subscribe and on every store read; access_lost events end subscriptions.
 */
import type { Logger } from '../../app/logger.ts';
import type { Clock } from '../../lib/clock.ts';
import {
  type Audience,
  type Message,
  type MessagingApi,
  asSeenBy,
} from '../../core/conversation.model.ts';
import { DomainError } from '../../core/errors.ts';
import { presentMessage } from '../http/conversation.presenters.ts';
import { type Connection, type Subscription, newSubscription } from './connection.ts';
import { FeedCache } from './feed.ts';

/** How many messages one store read returns during catch-up. */
const PAGE = 200;
/** How long to wait before reading again after the store failed (e.g. the database restarting). */
const RETRY_MS = 1000;
/** Resuming replays edits from this much before `changedSince`, in case the nodes' clocks differ a little. */
const CLOCK_MARGIN_MS = 60_000;

/** A stored message as it goes on the wire (the same presenter as HTTP). */
export const wireMessage = presentMessage;

/** A message as someone who blocked its author sees it: text withheld. */
const withAuthorHidden = (m: Message): Message => asSeenBy(m, new Set([m.authorId]));

/** A circle message's audience as the hub checks it. */
interface Readers {
  members: ReadonlySet<string>;
  blocked: Audience['blocked'];
}
const readersOf = (audience: Audience): Readers => ({
  members: new Set(audience.members),
  blocked: audience.blocked,
});

const isNotFound = (error: unknown): boolean =>
  error instanceof DomainError && error.code === 'not_found';

const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
};
const removeFrom = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
};

export class Hub {
  readonly connections = new Set<Connection>();
  private readonly byConversation = new Map<string, Set<Connection>>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly bySession = new Map<string, Set<Connection>>();
  /** Sockets that follow a conversation (see `follow`), by conversation. */
  private readonly byFollower = new Map<string, Set<Connection>>();
  private readonly feed = new FeedCache();
  private readonly frames = new WeakMap<Message, string>();
  /** For circle messages: their audience when each was stored (posted here) or read (from the store). */
  private readonly audiences = new WeakMap<Message, Readers>();

  constructor(
    private readonly messaging: () => MessagingApi | undefined,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  add(conn: Connection): void {
    this.connections.add(conn);
    addTo(this.byUser, conn.userId, conn);
    addTo(this.bySession, conn.sessionId, conn);
  }

  remove(conn: Connection): void {
    this.connections.delete(conn);
    removeFrom(this.byUser, conn.userId, conn);
    removeFrom(this.bySession, conn.sessionId, conn);
    for (const conversationId of conn.following?.keys() ?? []) this.unfollow(conn, conversationId);
    for (const sub of conn.subs.values()) {
      sub.closed = true;
      this.leave(conn, sub.conversationId);
    }
    conn.subs.clear();
  }

  /** Sockets of a person on this node. */
  ofUser(userId: string): Iterable<Connection> {
    return this.byUser.get(userId) ?? [];
  }

  /** Sockets subscribed to a conversation on this node. */
  ofConversation(conversationId: string): Iterable<Connection> {
    return this.byConversation.get(conversationId) ?? [];
  }

  ofSessions(sessionIds: string[]): Connection[] {
    return sessionIds.flatMap((id) => [...(this.bySession.get(id) ?? [])]);
  }

  /**
   * Subscribes after the caller checked membership and read the conversation's last seq (`lastStored`).
   * With `lastSeq`, everything after it is sent first (a `lastSeq` beyond the conversation's end counts as
   * its end); without, delivery starts after the last message. With `changedSince` too, messages up to
   * `lastSeq` edited or deleted since then come as `message.updated`. Then `subscribed`, once per subscribe.
   */
  async subscribe(
    conn: Connection,
    conversationId: string,
    point: {
      lastStored: number;
      lastSeq?: number | undefined;
      ref?: string | undefined;
      changedSince?: string | undefined;
    },
  ): Promise<void> {
    const api = this.messaging();
    if (!api || conn.closed) return;
    const { lastStored, lastSeq, ref, changedSince } = point;
    const at = this.clock.now().toISOString();
    const start = Math.min(lastSeq ?? lastStored, lastStored);
    let sub = conn.subs.get(conversationId);
    let upTo = start;
    if (sub) {
      // A repeated subscribe catches up and answers again; it never re-sends what this socket already has.
      sub.waiting.push({ ref, at });
      sub.catchingUp = true;
      upTo = Math.min(start, sub.delivered);
    } else {
      sub = newSubscription(conversationId, start, ref, at);
      conn.subs.set(conversationId, sub);
      addTo(this.byConversation, conversationId, conn);
    }
    const replay = lastSeq !== undefined && changedSince !== undefined;
    // Registered first, so an edit from now on also arrives live; the replay covers the time before, and
    // `subscribed` ("current as of at") waits for it.
    if (replay) sub.replaying += 1;
    this.pump(conn, sub);
    if (!replay) return;
    try {
      await this.replayChanges(api, conn, sub, upTo, changedSince);
    } finally {
      sub.replaying -= 1;
      this.pump(conn, sub);
    }
  }

  /** Sends `message.updated` for messages up to `upToSeq` edited or deleted since `changedSince`. */
  private async replayChanges(
    api: MessagingApi,
    conn: Connection,
    sub: Subscription,
    upToSeq: number,
    changedSince: string,
  ): Promise<void> {
    const since = new Date(new Date(changedSince).getTime() - CLOCK_MARGIN_MS);
    const changed = await api.changedSince(conn.userId, sub.conversationId, upToSeq, since, PAGE);
    for (const m of changed) {
      if (sub.closed) return;
      conn.send({ type: 'message.updated', message: this.wireFor(conn, m) });
    }
  }

  /**
   * Ends the subscription; false when the socket was not subscribed. A `subscribe` still catching up never
   * gets its `subscribed` now, so it is answered with `unsubscribed` (with its ref) instead.
   */
  unsubscribe(
    conn: Connection,
    conversationId: string,
    reason: 'requested' | 'access_lost' = 'requested',
  ): boolean {
    const sub = conn.subs.get(conversationId);
    if (!sub) return false;
    sub.closed = true;
    conn.subs.delete(conversationId);
    this.leave(conn, conversationId);
    for (const { ref } of sub.waiting.splice(0))
      conn.send({ type: 'unsubscribed', ref, conversationId, reason });
    return true;
  }

  private leave(conn: Connection, conversationId: string): void {
    removeFrom(this.byConversation, conversationId, conn);
    if (!this.byConversation.has(conversationId)) this.feed.forget(conversationId);
  }

  /**
   * A message just posted on this node: local sockets get it without reading the store again. With
   * `audience` (a circle's), a socket whose person is not in it reads the store as that person instead
   * (see fromFeed), and one whose person blocked the author gets it hidden.
   */
  remember(message: Message, audience?: Audience): void {
    if (!this.byConversation.has(message.conversationId)) return;
    if (audience) this.audiences.set(message, readersOf(audience));
    this.feed.remember(message);
  }

  /**
   * From now on `conn` hears `conversation.activity` for new messages in `conversationIds` (the person's
   * conversations, read by the caller) while it is not subscribed to them; joins and leaves keep the set up
   * to date (`followAlso`, `unfollow`). Returns everything followed.
   */
  follow(conn: Connection, conversationIds: readonly string[]): string[] {
    conn.following ??= new Map();
    for (const id of conversationIds) this.followAlso(conn, id);
    return [...conn.following.keys()];
  }

  /** Adds a conversation the person just joined, if the socket follows their conversations. */
  followAlso(conn: Connection, conversationId: string): void {
    if (!conn.following || conn.following.has(conversationId)) return;
    conn.following.set(conversationId, 0);
    addTo(this.byFollower, conversationId, conn);
  }

  /** Stops telling `conn` of a conversation (the person lost it). */
  unfollow(conn: Connection, conversationId: string): void {
    if (!conn.following?.delete(conversationId)) return;
    removeFrom(this.byFollower, conversationId, conn);
  }

  /**
   * A hint: conversation reached `seq`. Wakes every local subscriber that is behind, and tells followers not
   * subscribed to it, once per seq.
   */
  hint(conversationId: string, seq: number): void {
    for (const conn of this.ofConversation(conversationId)) {
      const sub = conn.subs.get(conversationId);
      if (!sub || sub.delivered >= seq) continue;
      sub.target = Math.max(sub.target, seq);
      this.pump(conn, sub);
    }
    this.tellFollowers(conversationId, seq);
  }

  /** Tells sockets that follow the conversation without subscribing to it that it reached `seq`, once. */
  private tellFollowers(conversationId: string, seq: number): void {
    const followers = this.byFollower.get(conversationId);
    if (!followers) return;
    for (const conn of followers) {
      if (conn.subs.has(conversationId) || (conn.following?.get(conversationId) ?? 0) >= seq)
        continue;
      conn.following?.set(conversationId, seq);
      conn.send({ type: 'conversation.activity', conversationId, seq });
    }
  }

  /**
   * The bus may have lost hints since `lostSince` (it reconnected): every subscription re-reads the store,
   * and with `lostSince`, messages a socket already has that were edited or deleted since then come again
   * as `message.updated` (their hints may have been lost too), and sockets that follow conversations hear
   * of those with a message since then. The cache is dropped: it may hold copies from before those edits.
   */
  resyncAll(lostSince?: Date): void {
    const api = this.messaging();
    for (const conversationId of this.byConversation.keys()) this.feed.forget(conversationId);
    if (api && lostSince) void this.tellFollowersSince(api, lostSince);
    for (const conn of this.connections) {
      for (const sub of conn.subs.values()) {
        const had = sub.delivered;
        sub.catchingUp = true;
        this.pump(conn, sub);
        if (!api || !lostSince || had === 0) continue;
        this.replayChanges(api, conn, sub, had, lostSince.toISOString()).catch((error: unknown) =>
          this.readFailed(
            conn,
            sub.conversationId,
            error,
            'ws: reading edits after the bus came back failed',
          ),
        );
      }
    }
  }

  /** After a break in the bus: `conversation.activity` for followed conversations with a message since. */
  private async tellFollowersSince(api: MessagingApi, lostSince: Date): Promise<void> {
    if (this.byFollower.size === 0) return;
    try {
      const since = new Date(lostSince.getTime() - CLOCK_MARGIN_MS);
      const active = await api.lastSeqs([...this.byFollower.keys()], since);
      for (const [conversationId, seq] of active) this.tellFollowers(conversationId, seq);
    } catch (error) {
      this.logger.warn({ err: error }, 'ws: reading activity after the bus came back failed');
    }
  }

  /**
   * The node's periodic check that no hint went missing: reads the stored last seq of every conversation
   * someone here is subscribed to, and sends each socket that is behind (and not already reading towards
   * it) what it missed. So a hint the bus lost reaches its readers within one check even when no later
   * message or reconnect comes. Hints already on their way get `graceMs` to land first, so only sockets
   * that missed one count, and only subscriptions that were already live (not catching up) before the
   * read. Resolves to how many conversations had such a socket behind.
   */
  async catchUpWithStore(graceMs: number): Promise<number> {
    const api = this.messaging();
    if (!api || this.byConversation.size === 0) return 0;
    // Only subscriptions that were live before the read can have missed a hint; newer ones catch up anyway.
    const live = new Set<Subscription>();
    for (const conn of this.connections)
      for (const sub of conn.subs.values()) if (!sub.catchingUp) live.add(sub);
    const stored = await api.lastSeqs([...this.byConversation.keys()]);
    // Every message up to these seqs was committed before the read, so its hint has already gone out.
    if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
    let behind = 0;
    for (const [conversationId, seq] of stored) {
      let missed = false;
      for (const conn of this.ofConversation(conversationId)) {
        const sub = conn.subs.get(conversationId);
        if (!sub || sub.closed || sub.delivered >= seq || sub.target >= seq) continue;
        sub.target = seq;
        this.pump(conn, sub);
        if (live.has(sub) && !sub.catchingUp) missed = true;
      }
      if (missed) behind += 1;
    }
    return behind;
  }

  /** An edit or delete of the message at `seq`: sockets that already have it get the new version. */
  updated(conversationId: string, seq: number): void {
    const api = this.messaging();
    if (!api) return;
    // The cached copy is stale now; sockets still behind will read the new version from the store.
    this.feed.forget(conversationId);
    for (const conn of this.ofConversation(conversationId)) {
      const sub = conn.subs.get(conversationId);
      // A socket that has not reached `seq` yet will read the new version when it gets there.
      if (!sub || sub.delivered < seq) continue;
      // Read with the circle's audience, so a block made through another node already hides it.
      this.readForAll(api, conn, conversationId, seq - 1, 1).then(
        ([m]) => {
          if (m && m.seq === seq && !sub.closed)
            conn.send({ type: 'message.updated', message: this.wireFor(conn, m) });
        },
        (error: unknown) =>
          this.readFailed(conn, conversationId, error, 'ws: reading an updated message failed'),
      );
    }
  }

  /** A read for one socket failed: it ends the subscription if the person lost access, else is logged. */
  private readFailed(conn: Connection, conversationId: string, error: unknown, log: string): void {
    if (isNotFound(error)) this.dropAccess(conn, conversationId);
    else this.logger.warn({ err: error, conversationId }, log);
  }

  /**
   * Ends the subscription because the person may no longer see the conversation; false when the socket
   * was not subscribed to it.
   */
  dropAccess(conn: Connection, conversationId: string): boolean {
    if (!this.unsubscribe(conn, conversationId, 'access_lost')) return false;
    conn.send({ type: 'unsubscribed', conversationId, reason: 'access_lost' });
    return true;
  }

  /** Reads the store after `delivered` and sends in order until the subscription is up to date. */
  pump(conn: Connection, sub: Subscription): void {
    if (sub.running || sub.closed) return;
    sub.running = true;
    void this.drain(conn, sub).finally(() => {
      sub.running = false;
    });
  }

  /**
   * Whether the socket's person blocked the message's author: as the socket knows it, or as the store said
   * when the message was stored or read (a block made through another node, whose event is on its way).
   */
  private hidesAuthor(conn: Connection, m: Message): boolean {
    return (
      conn.hides.has(m.authorId) ||
      this.audiences.get(m)?.blocked.get(conn.userId)?.has(m.authorId) === true
    );
  }

  /** A message as the socket's person may see it, on the wire. */
  private wireFor(conn: Connection, m: Message) {
    return wireMessage(this.hidesAuthor(conn, m) ? withAuthorHidden(m) : m);
  }

  /**
   * The `message` frame for a cached message, serialized once for all sockets; a socket whose person
   * blocked the author gets its own frame with the text withheld.
   */
  private frameOf(conn: Connection, m: Message): string {
    if (this.hidesAuthor(conn, m))
      return JSON.stringify({ type: 'message', message: wireMessage(withAuthorHidden(m)) });
    let text = this.frames.get(m);
    if (text === undefined)
      this.frames.set(m, (text = JSON.stringify({ type: 'message', message: wireMessage(m) })));
    return text;
  }

  /**
   * Reads the store after `afterSeq` as `conn`'s person, for the node's cache: in a circle, each message
   * keeps the audience read with it, so a socket whose person left before it was stored never gets it
   * from the cache.
   */
  private async readForAll(
    api: MessagingApi,
    conn: Connection,
    conversationId: string,
    afterSeq: number,
    limit = PAGE,
  ): Promise<Message[]> {
    const { messages, audience } = await api.sinceForAll(
      conn.userId,
      conversationId,
      afterSeq,
      limit,
    );
    if (audience) {
      const readers = readersOf(audience);
      for (const m of messages) this.audiences.set(m, readers);
    }
    return messages;
  }

  /**
   * Sends what the node's cache holds after `delivered`, filling the cache with one shared store read
   * when a hint is ahead of it. False when the cache cannot help (this socket is far behind it).
   * Membership was checked at subscribe and access_lost events end subscriptions at once. A circle
   * message whose audience lacks this socket's person sends the socket to its own store read, which
   * checks membership: someone who left loses the subscription, someone who joined as it was stored
   * gets it.
   */
  private async fromFeed(api: MessagingApi, conn: Connection, sub: Subscription): Promise<boolean> {
    const { conversationId } = sub;
    let cached = this.feed.after(conversationId, sub.delivered);
    if (cached.length === 0 && (this.feed.lastSeq(conversationId) ?? -1) < sub.target) {
      await this.feed.fill(conversationId, sub.delivered, (after) =>
        this.readForAll(api, conn, conversationId, after),
      );
      cached = this.feed.after(conversationId, sub.delivered);
    }
    let sent = 0;
    for (const m of cached) {
      if (sub.closed || m.seq !== sub.delivered + 1) break;
      if (this.audiences.get(m)?.members.has(conn.userId) === false) {
        sub.catchingUp = true;
        return true;
      }
      conn.sendText(this.frameOf(conn, m));
      sub.delivered = m.seq;
      sent += 1;
    }
    return sent > 0;
  }

  private async drain(conn: Connection, sub: Subscription): Promise<void> {
    const api = this.messaging();
    if (!api) return;
    try {
      while (!sub.closed && (sub.catchingUp || sub.delivered < sub.target)) {
        if (!sub.catchingUp && (await this.fromFeed(api, conn, sub))) continue;
        if (sub.closed) return;
        sub.catchingUp = false;
        const batch = await this.readForAll(api, conn, sub.conversationId, sub.delivered);
        if (this.byConversation.has(sub.conversationId))
          for (const m of batch) this.feed.remember(m);
        for (const m of batch) {
          if (sub.closed) return;
          // The store's seqs are gap-free; anything else would be a bug upstream, so never skip ahead.
          if (m.seq !== sub.delivered + 1) {
            this.logger.error(
              { conversationId: sub.conversationId, expected: sub.delivered + 1, got: m.seq },
              'ws: gap',
            );
            sub.catchingUp = false;
            return;
          }
          if (this.audiences.get(m)?.members.has(conn.userId) === false) {
            this.dropAccess(conn, sub.conversationId);
            return;
          }
          conn.send({ type: 'message', message: this.wireFor(conn, m) });
          sub.delivered = m.seq;
        }
        if (batch.length === PAGE) sub.catchingUp = true;
        else if (sub.delivered < sub.target) sub.target = sub.delivered;
      }
      if (sub.replaying === 0 && !sub.closed && sub.waiting.length > 0) {
        for (const { ref, at } of sub.waiting.splice(0))
          conn.send({
            type: 'subscribed',
            ref,
            conversationId: sub.conversationId,
            seq: sub.delivered,
            at,
          });
      }
    } catch (error) {
      if (isNotFound(error)) {
        this.dropAccess(conn, sub.conversationId);
        return;
      }
      this.logger.warn(
        { err: error, conversationId: sub.conversationId },
        'ws: catch-up read failed; retrying',
      );
      sub.catchingUp = true;
      setTimeout(() => this.pump(conn, sub), RETRY_MS).unref();
    }
  }
}
