/** The default bus: fan-out inside one process, for a single-node installation. */
import type { Bus, BusHandler } from '../../core/ports.ts';

/**
 * Bus within one process. Handlers run on a later microtask so publishers never re-enter them; each
 * handler sees one channel's messages in publish order; a handler that throws does not stop the others.
 */
export class InProcessBus implements Bus {
  private readonly channels = new Map<string, Set<BusHandler>>();
  private closed = false;

  async publish(channel: string, message: unknown): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers || this.closed) return;
    // Messages cross the bus as JSON in every implementation; cloning here keeps behaviour the same.
    const copy: unknown = JSON.parse(JSON.stringify(message));
    for (const handler of [...handlers]) {
      queueMicrotask(() => {
        if (!handlers.has(handler)) return;
        try {
          handler(copy);
        } catch (error) {
          process.emitWarning(
            `A bus handler threw: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      });
    }
  }

  async subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>> {
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
    }
    const set = handlers;
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.channels.get(channel) === set) this.channels.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const set of this.channels.values()) set.clear();
    this.channels.clear();
  }
}
