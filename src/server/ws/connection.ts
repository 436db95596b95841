/** One open WebSocket of a signed-in person: who it is, what it is subscribed to, and how to send to it. */
import type { WebSocket } from 'ws';
import { CLOSE, type ServerFrame } from '../../contract/ws.ts';
import type { Bucket } from './rate.ts';

/** Shared by every socket whose person has blocked no one, so that 10,000 sockets cost no sets. */
const NO_ONE: ReadonlySet<string> = new Set();

/** How much may wait in a socket's send buffer before the reader counts as too far behind. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Delivery state of one conversation on one socket. Invariant: every message with seq ≤ `delivered` has
 * been sent on this socket, in order, exactly once since the subscription began.
 */
export interface Subscription {
  conversationId: string;
  delivered: number;
  /** The highest seq a hint announced; the pump reads the store until `delivered` reaches it. */
  target: number;
  /** Read until the store has nothing more (initial catch-up, or after the bus may have lost hints). */
  catchingUp: boolean;
  running: boolean;
  closed: boolean;
  /**
   * Subscribe frames not answered yet, each with its `ref` and the server time it arrived (`subscribed.at`):
   * each gets its own `subscribed` once the catch-up is done.
   */
  waiting: Array<{ ref: string | undefined; at: string }>;
  /** Replays of edits (`changedSince`) still being sent: `subscribed` waits for them. */
  replaying: number;
  /** When this socket last forwarded a typing event here (throttle). */
  typingAt: number;
}

/** A socket and its person. Kept small: 10,000 of these must fit in well under a gigabyte. */
export class Connection {
  readonly subs = new Map<string, Subscription>();
  isAlive = true;
  closed = false;
  /** The person chose, in their account, not to show as online: hidden on every socket. */
  personHidden = false;
  /** This socket asked to stay hidden (`?presence=hidden`, a hello or a presence frame): hidden here only. */
  socketHidden = false;
  /** Presence not announced yet: it waits for the first frame (or a second), since a hello may hide it. */
  presencePending = false;
  /** Conversations the person was in when presence was last announced. */
  presenceIn: string[] = [];
  /** When this socket's frames last counted as use of its session (at most once a minute). */
  sessionUsedAt = 0;
  /** Frames refused for rate since the last heartbeat; far too many closes the socket. */
  refused = 0;
  /**
   * After a `follow`: the person's conversations this socket hears `conversation.activity` of, each with
   * the last seq it was told (so a hint heard twice is told once). Undefined until then.
   */
  following: Map<string, number> | undefined;
  /** People this person blocked: their messages reach this socket with the text withheld (asSeenBy). */
  hides: ReadonlySet<string> = NO_ONE;

  /** Whether this socket shows its person online: neither the person nor the socket chose to hide. */
  get presenceVisible(): boolean {
    return !this.personHidden && !this.socketHidden;
  }

  constructor(
    readonly id: number,
    readonly socket: WebSocket,
    readonly userId: string,
    readonly sessionId: string,
    /** When the session ends unless it is used again (idle) or at the latest (absolute); kept up to date. */
    public sessionEndsAt: number,
    readonly bucket: Bucket,
  ) {}

  /**
   * Sends a frame unless the socket is closing. A reader that falls far behind is closed rather than
   * buffered without bound: it reconnects and resumes from the store, losing nothing.
   */
  send(frame: ServerFrame): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.sendText(JSON.stringify(frame));
  }

  /** Sends an already serialized frame (one message fanned out to many sockets is serialized once). */
  sendText(text: string): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE.TOO_FAR_BEHIND, 'too far behind');
      return;
    }
    this.socket.send(text);
  }

  /** Hides (or shows again) one person's messages, typing and presence on this socket. */
  setHidden(userId: string, hidden: boolean): void {
    const next = new Set(this.hides);
    if (hidden) next.add(userId);
    else next.delete(userId);
    this.hides = next.size ? next : NO_ONE;
  }

  /** Closes with `code`; further sends are dropped. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const sub of this.subs.values()) sub.closed = true;
    this.socket.close(code, reason);
  }
}

/** A new subscription that starts after `delivered`. */
export function newSubscription(
  conversationId: string,
  delivered: number,
  ref: string | undefined,
  at: string,
): Subscription {
  return {
    conversationId,
    delivered,
    target: delivered,
    catchingUp: true,
    running: false,
    closed: false,
    waiting: [{ ref, at }],
    replaying: 0,
    typingAt: 0,
  };
}
