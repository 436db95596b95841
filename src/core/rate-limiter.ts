/** Fixed-window counters that bound attempts per key (an IP, an account), in memory on one node. */
import type { Clock } from '../lib/clock.ts';
import type { SharedCounter } from './ports.ts';

/** The outcome of one attempt. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/**
 * Allows `limit` attempts per key per `windowMs`. Old windows are swept as keys are touched. With a shared
 * counter (several nodes), `hitEverywhere` also holds the limit across all of them.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly shared?: { counter: SharedCounter | undefined; name: string },
  ) {}

  /** `hit` on this node, then, when allowed and there are other nodes, in the window they share. */
  async hitEverywhere(key: string): Promise<RateDecision> {
    const local = this.hit(key);
    if (!local.allowed || !this.shared?.counter) return local;
    const wait = await sharedHit(
      this.shared.counter,
      `${this.shared.name}:${key}`,
      this.limit,
      this.windowMs,
      this.clock.now().getTime(),
    );
    return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : local;
  }

  /** Counts one attempt for `key` and says whether it is within the limit. */
  hit(key: string): RateDecision {
    const now = this.clock.now().getTime();
    if (this.windows.size > 50_000) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    return { allowed: w.count <= this.limit, retryAfterSeconds };
  }

  /** Forgets a key (e.g. after a successful sign-in). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows)
      if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/**
 * One attempt against a limit that every node shares: `limit` per key per fixed window of `windowMs`.
 * Resolves to 0 when allowed, otherwise the seconds until the window turns. Without a shared counter, or
 * when it cannot be reached, it allows: the node's own limit, checked first, still holds.
 */
export async function sharedHit(
  counter: SharedCounter | undefined,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
): Promise<number> {
  if (!counter) return 0;
  const count = await counter.hit(key, windowMs, nowMs);
  if (count === undefined || count <= limit) return 0;
  return Math.max(1, Math.ceil((windowMs - (nowMs % windowMs)) / 1000));
}
