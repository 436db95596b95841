/** The multi-node bus: Redis pub/sub. It carries hints only; losing one is repaired from the store. */
import { Redis } from 'ioredis';
import type { Bus, BusHandler } from '../../core/ports.ts';

/** Bus over Redis pub/sub: one connection publishes, one subscribes; both reconnect by themselves. */
export class RedisBus implements Bus {
  private readonly handlers = new Map<string, Set<BusHandler>>();

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
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
      for (const handler of [...set]) handler(message);
    });
  }

  /** Connects both clients; rejects if Redis cannot be reached at start. */
  static async connect(url: string): Promise<RedisBus> {
    const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true };
    const pub = new Redis(url, options);
    const sub = new Redis(url, options);
    // Errors surface as failed publishes; the clients keep reconnecting on their own.
    pub.on('error', () => undefined);
    sub.on('error', () => undefined);
    await Promise.all([pub.connect(), sub.connect()]);
    return new RedisBus(pub, sub);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    try {
      await this.pub.publish(channel, JSON.stringify(message));
    } catch {
      // A hint that cannot be published is dropped: readers catch up from the store.
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

  async close(): Promise<void> {
    this.handlers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
