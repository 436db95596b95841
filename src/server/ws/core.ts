/** The gateway's shared state on one node: the hub, presence, limits and the services frames call. */
import type { Logger } from '../../app/logger.ts';
import type { MessagingApi } from '../../core/conversation.model.ts';
import { DomainError } from '../../core/errors.ts';
import type { Bus, SharedCounter } from '../../core/ports.ts';
import { sharedHit } from '../../core/rate-limiter.ts';
import type { Clock } from '../../lib/clock.ts';
import { forEachInSlices } from '../../lib/slices.ts';
import type { Connection } from './connection.ts';
import { Hub } from './hub.ts';
import { PresenceTable } from './presence.ts';
import { KeyedBuckets, type Rate } from './rate.ts';

/** Tunables; the defaults suit production, tests shorten the timers. */
export interface GatewayOptions {
  /** How often the server pings; a socket that has not answered the previous ping is dropped. */
  heartbeatMs: number;
  /**
   * Sockets pinged (and people whose presence is repeated) per turn of the event loop during a heartbeat,
   * so a sweep never holds the node for long.
   */
  heartbeatSlice: number;
  /** Frames of any kind per socket. */
  connectionRate: Rate;
  /**
   * Sends, edits and deletes per person across their sockets on this node; with a shared counter (Redis),
   * also across all nodes: at most `burst + perSecond` in any one-second window.
   */
  personRate: Rate;
  /** Frames refused for rate between two heartbeats before the socket is closed (4008). */
  closeAfterRefused: number;
  /** At most one typing event per socket and conversation this often. */
  typingEveryMs: number;
}

const tooFast = (seconds: number) =>
  new DomainError(
    'rate_limited',
    'You are sending faster than we can take. Please slow down.',
    undefined,
    seconds,
  );

/** The window of the person limit that all nodes share. */
const SHARED_WINDOW_MS = 1_000;

export const DEFAULT_GATEWAY_OPTIONS: GatewayOptions = {
  heartbeatMs: 25_000,
  heartbeatSlice: 64,
  connectionRate: { perSecond: 20, burst: 60 },
  personRate: { perSecond: 10, burst: 30 },
  closeAfterRefused: 200,
  typingEveryMs: 3_000,
};

export class GatewayCore {
  readonly hub: Hub;
  readonly presence: PresenceTable;
  private readonly personBuckets: KeyedBuckets;

  constructor(
    readonly messaging: () => MessagingApi | undefined,
    readonly bus: Bus,
    readonly logger: Logger,
    readonly clock: Clock,
    readonly options: GatewayOptions,
    node: string,
    private readonly shared: SharedCounter | undefined = undefined,
  ) {
    this.hub = new Hub(messaging, logger, clock);
    this.presence = new PresenceTable(node, bus);
    this.personBuckets = new KeyedBuckets(options.personRate, clock);
  }

  /** Logs a refused attempt: who, which conversation, what, when. Never any content. */
  refused(conn: Connection, action: string, conversationId: string | undefined): void {
    this.logger.warn(
      { userId: conn.userId, conversationId, action, at: this.clock.now().toISOString() },
      'ws: refused access to a conversation',
    );
  }

  /** Throws rate_limited when the person sends faster than allowed. */
  async limitPerson(conn: Connection): Promise<void> {
    const waitMs = this.personBuckets.take(conn.userId);
    if (waitMs > 0) throw tooFast(Math.ceil(waitMs / 1000));
    // On one node the bucket above is exact; with several, the shared window also holds.
    if (!this.shared) return;
    const { perSecond, burst } = this.options.personRate;
    const waitSeconds = await sharedHit(
      this.shared,
      `ws-person:${conn.userId}`,
      burst + perSecond,
      SHARED_WINDOW_MS,
      this.clock.now().getTime(),
    );
    if (waitSeconds > 0) throw tooFast(waitSeconds);
  }

  /** Shows or hides the person's presence, announcing the change on the bus. */
  async setPresence(conn: Connection, visible: boolean): Promise<void> {
    if (conn.socketHidden === !visible) return;
    conn.socketHidden = !visible;
    await this.announcePresence(conn.userId);
  }

  /**
   * Repeats this node's presence announcements (from what sockets already know, without reading the
   * store) and expires other nodes' sightings that were not repeated: run once per heartbeat.
   */
  async refreshPresence(): Promise<void> {
    const seen = new Map<string, string[]>();
    for (const conn of this.hub.connections) {
      if (conn.presenceVisible && !conn.closed && !seen.has(conn.userId))
        seen.set(conn.userId, conn.presenceIn);
    }
    const now = this.clock.now().getTime();
    for (const { userId, conversationIds } of this.presence.expire(
      now,
      this.options.heartbeatMs * 3,
    )) {
      for (const conversationId of conversationIds) {
        for (const conn of this.hub.ofConversation(conversationId)) {
          if (conn.userId !== userId && !conn.hides.has(userId))
            conn.send({ type: 'presence', conversationId, userId, online: false });
        }
      }
    }
    // Repeated for everyone each heartbeat, so a slice at a time, like the heartbeat's pings.
    const announcing: Array<Promise<void>> = [];
    await forEachInSlices([...seen], this.options.heartbeatSlice, ([userId, ids]) => {
      announcing.push(this.presence.announce(userId, true, ids));
    });
    await Promise.all(announcing);
  }

  /** Recomputes whether the person has a visible socket on this node and says so on the bus. */
  async announcePresence(userId: string): Promise<void> {
    const visible = [...this.hub.ofUser(userId)].filter((c) => c.presenceVisible && !c.closed);
    if (visible.length === 0) {
      await this.presence.announce(userId, false, []);
      return;
    }
    const api = this.messaging();
    if (!api) return;
    const conversations = await api.listConversations(userId);
    const ids = conversations.map((c) => c.id);
    for (const c of visible) c.presenceIn = ids;
    await this.presence.announce(userId, true, ids);
  }
}
