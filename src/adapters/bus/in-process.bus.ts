/** The default bus: fan-out inside one process, for a single-node installation. */
import type { Bus, BusHandler } from '../../core/ports.ts';

/** Bus within one process. Handlers run on a later microtask so publishers never re-enter them. */
export class InProcessBus implements Bus {
  private readonly channels = new Map<string, Set<BusHandler>>();

  async publish(channel: string, message: unknown): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    // Messages cross the bus as JSON in every implementation; cloning here keeps behaviour the same.
    const copy: unknown = JSON.parse(JSON.stringify(message));
    for (const handler of [...handlers]) queueMicrotask(() => handler(copy));
  }

  async subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>> {
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
    }
    handlers.add(handler);
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.channels.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
