/** The multi-node bus: Redis pub/sub. It carries hints only; losing one is repaired from the store. */
import { Redis } from 'ioredis';
import { EVENTS_CHANNEL } from '../../core/bus-events.ts';
import type { Bus, BusHandler, SharedCounter } from '../../core/ports.ts';

/** How long a limit check waits for Redis before letting the node's own limit decide. */
const COUNTER_TIMEOUT_MS = 200;
/** Domain events that could not be published while Redis was away, kept to send once it is back. */
const HELD_EVENTS_MAX = 10_000;

/** Runs a handler so that one that throws cannot break delivery to the others. */
export function safely<T>(handler: (value: T) => void, value: T): void {
  try {
    handler(value);
  } catch (error) {
    process.emitWarning(
      `A bus handler threw: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A stretch in which messages published by others may have been lost to this node. */
export interface BusGap {
  /** When the subscriber's link dropped. */
  since: Date;
}

/**
 * Bus over Redis pub/sub: one connection publishes, one subscribes; both reconnect by themselves and
 * the subscriber re-subscribes its channels. What others published while the subscriber was down is lost
 * to it, so after every reconnect `onResume` listeners run and readers catch up from the store. Domain
 * events this node could not publish are held and sent once the publisher is back; typing and presence
 * are dropped.
 */
export class RedisBus implements Bus {
  private readonly handlers = new Map<string, Set<BusHandler>>();
  private readonly resumeListeners = new Set<(gap: BusGap) => void>();
  private connectedOnce = false;
  /** When the subscriber's link first dropped since the last catch-up (ms since the epoch). */
  private lostAt: number | undefined;
  /**
   * Domain events (hints among them) this node could not publish, oldest first. Other nodes' open sockets
   * would otherwise never hear of a message posted here while the link was down, until something else
   * happened in that conversation: their own link never dropped, so they have nothing to catch up on.
   */
  private readonly held: string[] = [];
  private flushing = false;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    /** The subscriber connection's CLIENT name (for operators and tests). */
    readonly subscriberName: string,
  ) {
    sub.on('message', (channel: string, raw: string) => {
      const set = this.handlers.get(channel);
      if (!set) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      for (const handler of [...set]) safely(handler, message);
    });
    sub.on('close', () => {
      if (this.connectedOnce) this.lostAt ??= Date.now();
    });
    sub.on('ready', () => {
      // The first 'ready' is the initial connection; every later one follows a gap in delivery.
      if (!this.connectedOnce) {
        this.connectedOnce = true;
        return;
      }
      // Readers catch up only once the channels are subscribed again (Redis confirms each), so a hint
      // published after their read is heard. ioredis re-subscribes too; subscribing twice is harmless.
      const channels = [...this.handlers.keys()];
      const resume = () => {
        const gap = { since: new Date(this.lostAt ?? Date.now()) };
        // Dropped again before Redis confirmed: the next catch-up still covers this gap's start.
        if (sub.status === 'ready') this.lostAt = undefined;
        for (const listener of [...this.resumeListeners]) safely(listener, gap);
      };
      if (channels.length === 0) resume();
      else sub.subscribe(...channels).then(resume, resume);
    });
  }

  /** Connects both clients; rejects if Redis cannot be reached at start. */
  static async connect(url: string): Promise<RedisBus> {
    const name = `mutual-bus-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    // Publishing must never hold up a caller (posting awaits it): while Redis is away, fail at once.
    const pub = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectionName: `${name}-pub`,
    });
    const sub = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 2,
      connectionName: `${name}-sub`,
    });
    // Errors surface as failed publishes; the clients keep reconnecting on their own.
    pub.on('error', () => undefined);
    sub.on('error', () => undefined);
    const bus = new RedisBus(pub, sub, `${name}-sub`);
    pub.on('ready', () => void bus.flushHeld());
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      // Stop both clients' retries, or the process would stay up trying; say where, never with a password.
      pub.disconnect();
      sub.disconnect();
      throw new Error(
        `Redis at ${redisAddress(url)} (REDIS_URL) could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return bus;
  }

  /** Limit counters on the publishing connection: INCR plus an expiry, one round trip per hit. */
  counter(): SharedCounter {
    return {
      hit: async (key, windowMs, nowMs) => {
        const name = `mutual:rate:${key}:${windowMs}:${Math.floor(nowMs / windowMs)}`;
        const reply = await this.inTime(
          this.pub
            .multi()
            .incr(name)
            .pexpire(name, windowMs * 2)
            .exec(),
        );
        const count = reply?.[0]?.[1];
        return typeof count === 'number' ? count : undefined;
      },
    };
  }

  /** What `command` answered, or undefined when it failed or Redis took longer than COUNTER_TIMEOUT_MS. */
  private async inTime<T>(command: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        command,
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), COUNTER_TIMEOUT_MS);
        }),
      ]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const raw = JSON.stringify(message);
    // Behind events still held, so that every node hears them in the order they happened.
    if (channel === EVENTS_CHANNEL && this.held.length > 0) {
      this.hold(raw);
      if (this.pub.status === 'ready') void this.flushHeld();
      return;
    }
    try {
      await this.pub.publish(channel, raw);
    } catch {
      // Ephemeral events (typing, presence) are dropped; domain events wait for the link to come back.
      if (channel === EVENTS_CHANNEL) this.hold(raw);
    }
  }

  /** How many domain events wait for the link (for tests and operators). */
  get heldEvents(): number {
    return this.held.length;
  }

  private hold(raw: string): void {
    // Past the cap the oldest go: readers still catch up from the store when they next reconnect.
    if (this.held.length >= HELD_EVENTS_MAX) this.held.shift();
    this.held.push(raw);
  }

  /** Publishes the held events in order, stopping at the first failure (the next 'ready' resumes). */
  private async flushHeld(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.held.length > 0) {
        await this.pub.publish(EVENTS_CHANNEL, this.held[0]!);
        this.held.shift();
      }
    } catch {
      // Redis went away again; its next 'ready' flushes the rest.
    } finally {
      this.flushing = false;
    }
  }

  async subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.sub.subscribe(channel);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(channel);
        await this.sub.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  /**
   * Runs `listener` after each reconnect of the subscriber, once its channels are subscribed again: what was
   * published since `gap.since` may have been lost to this node.
   */
  onResume(listener: (gap: BusGap) => void): () => void {
    this.resumeListeners.add(listener);
    return () => this.resumeListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.resumeListeners.clear();
    this.held.length = 0;
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

/** Where `url` points (host and port), without any user name or password it holds. */
function redisAddress(url: string): string {
  try {
    const u = new URL(url);
    return u.port ? `${u.hostname}:${u.port}` : u.hostname;
  } catch {
    return 'the address given';
  }
}
