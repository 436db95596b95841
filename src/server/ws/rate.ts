/** Token buckets for the gateway's per-connection and per-person frame limits. */
import type { Clock } from '../../lib/clock.ts';

/** A rate: `perSecond` steady, up to `burst` at once. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** One bucket's state, kept as two numbers so a connection stays small. */
export interface Bucket {
  tokens: number;
  at: number;
}

/** A fresh, full bucket. */
export function fullBucket(rate: Rate, nowMs: number): Bucket {
  return { tokens: rate.burst, at: nowMs };
}

/** Takes one token; returns 0 when allowed, otherwise the milliseconds until a token is back. */
export function take(bucket: Bucket, rate: Rate, nowMs: number): number {
  const refill = ((nowMs - bucket.at) / 1000) * rate.perSecond;
  bucket.tokens = Math.min(rate.burst, bucket.tokens + refill);
  bucket.at = nowMs;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.ceil(((1 - bucket.tokens) / rate.perSecond) * 1000);
}

/** Buckets per key (a person), swept when they fill back up. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate: Rate,
    private readonly clock: Clock,
  ) {}

  /** 0 when allowed, otherwise milliseconds to wait. */
  take(key: string): number {
    const now = this.clock.now().getTime();
    if (this.buckets.size > 20_000) this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = fullBucket(this.rate, now);
      this.buckets.set(key, bucket);
    }
    return take(bucket, this.rate, now);
  }

  private sweep(now: number): void {
    const fullAfterMs = (this.rate.burst / this.rate.perSecond) * 1000;
    for (const [key, b] of this.buckets) if (now - b.at >= fullAfterMs) this.buckets.delete(key);
  }
}
