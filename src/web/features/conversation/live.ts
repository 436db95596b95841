/**
 * Glue between the real-time link, the outbox and each conversation's store: subscribes the conversations
 * in view (and any with unsent messages) on every connection, sends each unsent message once per connection,
 * and routes server frames to the stores.
 */
import type { ServerFrame } from '../../../contract/ws.ts';
import { newId } from '../../../lib/ids.ts';
import { call } from '../../api/http.ts';
import { Realtime } from '../../api/realtime.ts';
import { copy } from '../../copy.ts';
import { tooLongReason } from './message-length.ts';
import { Outbox } from './outbox.ts';
import { ConversationStore } from './store.ts';

const TYPING_EVERY_MS = 3_000;
/**
 * Messages sent and not yet answered, at most, on one connection (and one per conversation): a long backlog
 * (written offline) goes out as answers come back, inside the server's per-person burst (30), not all at
 * once into its rate limit.
 */
const SENDS_IN_FLIGHT = 20;
/** Where this browser kept the presence choice before it moved to the account. */
const OLD_PRESENCE_KEY = 'mutual.presence';

export interface LiveEvents {
  /** A message from someone else arrived live. */
  incoming?: (conversationId: string, authorId: string, text: string) => void;
  /** Something changed that the conversation list shows (new message, joined a conversation). */
  listChanged?: () => void;
  /** Someone invited this person. */
  invitationsChanged?: () => void;
  /** Someone joined or left the conversation, or its settings changed: read it again. */
  conversationChanged?: (conversationId: string) => void;
}

export class Live {
  readonly realtime = new Realtime();
  readonly outbox: Outbox;
  private readonly stores = new Map<string, ConversationStore>();
  private readonly watching = new Map<string, number>();
  private readonly subscribedOn = new Map<string, number>();
  private readonly outboxListeners = new Set<() => void>();
  private readonly typingSentAt = new Map<string, number>();
  private readonly readSent = new Map<string, number>();
  private outboxVersion = 0;
  /**
   * The person chose (in their account) not to show as online: typing would show it too, so none is
   * sent. The server says so in `welcome` and again whenever it changes, on any device.
   */
  private hidden = false;
  /** This browser kept an old choice to be hidden, not yet moved to the account (see resubscribe). */
  private hiddenHere = false;
  /** Pauses before sending something again (a refused send, subscribe or read marker): cleared by stop(). */
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /**
   * Ids sent and not yet answered (or refused for now and waiting to go again), with the connection they
   * went out on and their conversation. One per conversation at a time: the next goes only once this one is
   * stored, so a message refused for now (too fast, or a fault of ours) can never be overtaken by one
   * written after it.
   */
  private readonly inFlight = new Map<string, { connection: number; conversationId: string }>();
  /** After a send refused as too fast, nothing more is sent before this time (ms since the epoch). */
  private pausedUntil = 0;

  constructor(
    readonly userId: string,
    private readonly events: LiveEvents = {},
  ) {
    this.outbox = new Outbox(`mutual.outbox.${userId}`);
    this.realtime.onFrame((f) => this.handle(f));
    this.realtime.onStatus(() => {
      if (this.realtime.status === 'open') this.resubscribe();
    });
  }

  start(): void {
    this.realtime.start();
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.realtime.stop();
  }

  /** Runs `work` after `ms`, unless the link is stopped first. */
  private later(work: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      work();
    }, ms);
    this.timers.add(t);
  }

  store(conversationId: string): ConversationStore {
    let s = this.stores.get(conversationId);
    if (!s) {
      s = new ConversationStore();
      this.stores.set(conversationId, s);
    }
    return s;
  }

  /** Keeps `conversationId` live while the returned function has not been called. Call after the first page loaded. */
  watch(conversationId: string): () => void {
    this.watching.set(conversationId, (this.watching.get(conversationId) ?? 0) + 1);
    this.subscribe(conversationId);
    return () => {
      const n = (this.watching.get(conversationId) ?? 1) - 1;
      if (n > 0) {
        this.watching.set(conversationId, n);
        return;
      }
      this.watching.delete(conversationId);
      if (
        this.outbox.of(conversationId).length === 0 &&
        this.realtime.send({ type: 'unsubscribe', conversationId })
      ) {
        this.subscribedOn.delete(conversationId);
      }
    };
  }

  /** Puts a new message in the outbox (local echo) and sends it if the link is up. */
  send(conversationId: string, text: string): string {
    const id = newId();
    const tooLong = tooLongReason(text);
    this.outbox.add({
      id,
      conversationId,
      text,
      createdAt: new Date().toISOString(),
      // Never sent: the server would refuse it, and a frame over 64 KiB would close the link each time.
      ...(tooLong ? { failed: tooLong } : {}),
    });
    this.outboxChanged();
    this.subscribe(conversationId);
    this.flush(conversationId);
    return id;
  }

  retry(id: string): void {
    const entry = this.outbox.all().find((e) => e.id === id);
    this.outbox.retry(id);
    this.outboxChanged();
    if (entry) this.flush(entry.conversationId);
  }

  discard(id: string): void {
    if (this.outbox.remove(id)) this.outboxChanged();
  }

  typing(conversationId: string): void {
    if (this.hidden || this.hiddenHere) return;
    const now = Date.now();
    if (now - (this.typingSentAt.get(conversationId) ?? 0) < TYPING_EVERY_MS) return;
    if (this.subscribedOn.get(conversationId) !== this.realtime.connection) return;
    if (this.realtime.send({ type: 'typing', conversationId }))
      this.typingSentAt.set(conversationId, now);
  }

  read(conversationId: string, seq: number): void {
    if (seq <= (this.readSent.get(conversationId) ?? 0)) return;
    if (this.realtime.send({ type: 'read', conversationId, seq }))
      this.readSent.set(conversationId, seq);
  }

  onOutbox(listener: () => void): () => void {
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
  }

  get outboxSnapshot(): number {
    return this.outboxVersion;
  }

  private outboxChanged(): void {
    this.outboxVersion += 1;
    this.outboxListeners.forEach((l) => l());
  }

  private subscribe(conversationId: string): void {
    const connection = this.realtime.connection;
    if (
      this.realtime.status !== 'open' ||
      Math.abs(this.subscribedOn.get(conversationId) ?? 0) === connection
    )
      return;
    this.stores.get(conversationId)?.clearPresence();
    const store = this.stores.get(conversationId)?.get();
    // Any message here, even live ones only (the first page failed to load), is a point to resume from:
    // without it the server would start after its current last message and skip what came meanwhile.
    const lastSeq = store && (store.loaded || store.lastSeq > 0) ? store.lastSeq : undefined;
    const changedSince = this.stores.get(conversationId)?.syncedAt;
    if (
      this.realtime.send({
        type: 'subscribe',
        conversationId,
        ref: conversationId,
        ...(lastSeq !== undefined ? { lastSeq } : {}),
        ...(lastSeq !== undefined && changedSince ? { changedSince } : {}),
      })
    ) {
      // Marked at once so a second call on this connection does not subscribe twice; `subscribed` flushes.
      this.subscribedOn.set(conversationId, -connection);
    }
  }

  private resubscribe(): void {
    // The account holds whether the person shows as online. A choice this browser kept from before moves
    // there once; meanwhile this socket stays hidden.
    const hiddenHere = localStorage.getItem(OLD_PRESENCE_KEY) === 'hidden';
    this.hiddenHere = hiddenHere;
    this.realtime.send({
      type: 'hello',
      resume: [],
      ...(hiddenHere ? { presence: 'hidden' } : {}),
    });
    if (hiddenHere)
      void call('updateMe', { body: { presenceHidden: true } }).then(
        () => localStorage.removeItem(OLD_PRESENCE_KEY),
        () => undefined,
      );
    else localStorage.removeItem(OLD_PRESENCE_KEY);
    // New messages in conversations not open here come as `conversation.activity`: the list's unread counts.
    this.realtime.send({ type: 'follow' });
    const ids = new Set([
      ...this.watching.keys(),
      ...this.outbox.all().map((e) => e.conversationId),
    ]);
    for (const id of ids) this.subscribe(id);
  }

  private flush(conversationId: string): void {
    const connection = this.realtime.connection;
    if (this.subscribedOn.get(conversationId) !== connection || Date.now() < this.pausedUntil)
      return;
    // What went out on an earlier connection is sent again on this one; it no longer counts as waiting.
    for (const [id, on] of this.inFlight)
      if (on.connection !== connection) this.inFlight.delete(id);
    if (this.inFlight.size >= SENDS_IN_FLIGHT) return;
    for (const on of this.inFlight.values()) if (on.conversationId === conversationId) return;
    const e = this.outbox.takeNext(conversationId, connection);
    if (!e) return;
    this.inFlight.set(e.id, { connection, conversationId });
    this.realtime.send({ type: 'send', ref: e.id, conversationId, id: e.id, text: e.text });
  }

  /** Sends more of what waits, in every conversation (after an answer made room, or a pause ended). */
  private flushAll(): void {
    const waiting = new Set(
      this.outbox
        .all()
        .filter((e) => !e.failed)
        .map((e) => e.conversationId),
    );
    for (const id of waiting) this.flush(id);
  }

  /** A send was answered (acked, or refused): it no longer waits, and there is room for another. */
  private answered(id: string): void {
    if (this.inFlight.delete(id)) this.flushAll();
  }

  private delivered(id: string): void {
    if (this.outbox.remove(id)) this.outboxChanged();
    this.answered(id);
  }

  private handle(f: ServerFrame): void {
    switch (f.type) {
      case 'subscribed':
        this.store(f.conversationId).syncedAt = f.at;
        this.subscribedOn.set(f.conversationId, this.realtime.connection);
        this.flush(f.conversationId);
        return;
      case 'unsubscribed':
        this.subscribedOn.delete(f.conversationId);
        if (f.reason === 'access_lost') {
          // Left (or removed) on another device or tab: the list here catches up without a reload, and
          // what was still waiting to go there says it was not sent.
          this.failUnsent(f.conversationId, copy.conversation.noLongerHere);
          this.events.listChanged?.();
        }
        return;
      case 'message':
        this.store(f.message.conversationId).addLive(f.message);
        if (f.message.authorId === this.userId) this.delivered(f.message.id);
        else if (!f.message.hidden)
          this.events.incoming?.(f.message.conversationId, f.message.authorId, f.message.text);
        this.events.listChanged?.();
        return;
      case 'ack':
        this.delivered(f.id);
        return;
      case 'message.updated':
        this.store(f.message.conversationId).update(f.message);
        return;
      case 'typing':
        if (f.userId !== this.userId) this.store(f.conversationId).typing(f.userId);
        return;
      case 'presence':
        if (f.userId !== this.userId) this.store(f.conversationId).presence(f.userId, f.online);
        return;
      case 'read.updated':
        this.store(f.conversationId).read(f.userId, f.seq);
        return;
      case 'conversation.access_gained':
      case 'conversation.access_lost':
        this.events.listChanged?.();
        return;
      case 'conversation.activity':
        this.events.listChanged?.();
        return;
      case 'invitations.changed':
        this.events.invitationsChanged?.();
        return;
      case 'conversation.changed':
        this.events.conversationChanged?.(f.conversationId);
        this.events.listChanged?.();
        return;
      case 'block.changed':
        if (f.blocked) for (const store of this.stores.values()) store.hideAuthor(f.userId);
        else void this.showAgain(f.userId);
        this.events.listChanged?.();
        return;
      case 'error':
        this.refused(f);
        return;
      case 'welcome':
        this.hidden = f.presenceHidden;
        return;
      case 'presence.changed':
        this.hidden = f.hidden;
        return;
      case 'following':
      case 'pong':
        return;
      default: {
        const unknown: never = f;
        return unknown;
      }
    }
  }

  /** After an unblock: reads again, over HTTP, the stretch of each conversation where their messages were hidden. */
  private async showAgain(userId: string): Promise<void> {
    for (const [conversationId, store] of this.stores) {
      const range = store.hiddenRange(userId);
      if (!range) continue;
      let after = range[0] - 1;
      while (after < range[1]) {
        const page = await call('listMessages', {
          params: { conversationId },
          query: { after, limit: 200 },
        }).catch(() => undefined);
        if (!page || page.messages.length === 0) break;
        for (const m of page.messages) store.update(m);
        after = page.messages[page.messages.length - 1]!.seq;
      }
    }
  }

  private refused(f: Extract<ServerFrame, { type: 'error' }>): void {
    // Too fast, or our fault: not a refusal of the frame itself, which goes out again after the pause.
    const again = f.code === 'rate_limited' || f.code === 'internal';
    const pause = f.retryAfterMs ?? 2_000;
    const conversationId = f.conversationId;
    if (f.frame === 'subscribe' && conversationId) {
      this.subscribedOn.delete(conversationId);
      if (again) this.later(() => this.subscribeIfWanted(conversationId), pause);
      // Not there (any more) or not allowed: final, so what waits to go there says it was not sent.
      else this.failUnsent(conversationId, f.message);
      return;
    }
    if (f.frame === 'read' && conversationId && again) {
      const seq = this.readSent.get(conversationId);
      this.readSent.delete(conversationId);
      if (seq !== undefined) this.later(() => this.read(conversationId, seq), pause);
      return;
    }
    if (f.frame !== 'send' || !f.id) return;
    const id = f.id;
    if (again) {
      // Nothing more goes out during the pause (after too fast), and nothing more to this conversation
      // until this one is stored (it stays counted as waiting); then this one again, and the rest in turn.
      if (f.code === 'rate_limited') this.pausedUntil = Date.now() + pause;
      this.later(() => {
        this.inFlight.delete(id);
        this.retry(id);
        this.flushAll();
      }, pause);
      return;
    }
    this.outbox.fail(id, f.message);
    this.outboxChanged();
    this.answered(id);
  }

  /** Subscribes again after a pause, if the conversation is still open here or has unsent messages. */
  private subscribeIfWanted(conversationId: string): void {
    if (this.watching.has(conversationId) || this.outbox.of(conversationId).some((e) => !e.failed))
      this.subscribe(conversationId);
  }

  /** Marks every unsent message of the conversation as not sent, with `reason`. */
  private failUnsent(conversationId: string, reason: string): void {
    const waiting = this.outbox.of(conversationId).filter((e) => !e.failed);
    for (const e of waiting) this.outbox.fail(e.id, reason);
    if (waiting.length) this.outboxChanged();
  }
}
