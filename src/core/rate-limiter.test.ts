import { describe, expect, it } from 'vitest';
import { ManualClock } from '../lib/clock.ts';
import type { SharedCounter } from './ports.ts';
import { RateLimiter, sharedHit } from './rate-limiter.ts';

/** A counter shared by "nodes" in one process, keyed the way the Redis one is. */
function memoryCounter(): SharedCounter & { keys: string[] } {
  const counts = new Map<string, number>();
  return {
    keys: [],
    async hit(key, windowMs, nowMs) {
      const name = `${key}:${Math.floor(nowMs / windowMs)}`;
      this.keys.push(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return counts.get(name);
    },
  };
}

describe('sharedHit', () => {
  it('allows up to the limit in a window, then says how long until the window turns', async () => {
    const counter = memoryCounter();
    const at = 10_250;
    for (let i = 0; i < 3; i++) expect(await sharedHit(counter, 'k', 3, 1_000, at)).toBe(0);
    expect(await sharedHit(counter, 'k', 3, 1_000, at)).toBe(1);
    expect(await sharedHit(counter, 'k', 3, 60_000, at)).toBe(0);
    expect(await sharedHit(counter, 'k', 3, 1_000, 11_000)).toBe(0);
  });

  it('allows when there is no shared counter or it cannot be reached', async () => {
    expect(await sharedHit(undefined, 'k', 0, 1_000, 0)).toBe(0);
    const away: SharedCounter = { hit: async () => undefined };
    expect(await sharedHit(away, 'k', 0, 1_000, 0)).toBe(0);
  });
});

describe('RateLimiter.hitEverywhere', () => {
  it('holds the limit across two nodes that share a counter, where each alone would allow it', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const counter = memoryCounter();
    const shared = { counter, name: 'test' };
    const nodeA = new RateLimiter(3, 60_000, clock, shared);
    const nodeB = new RateLimiter(3, 60_000, clock, shared);
    const allowed = [];
    for (let i = 0; i < 3; i++) {
      allowed.push(
        (await nodeA.hitEverywhere('p')).allowed,
        (await nodeB.hitEverywhere('p')).allowed,
      );
    }
    expect(allowed.filter(Boolean)).toHaveLength(3);
    const refused = await nodeB.hitEverywhere('p');
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(counter.keys.every((k) => k.startsWith('test:p:'))).toBe(true);
  });

  it('on one node (no counter) is the plain local limit', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const alone = new RateLimiter(2, 60_000, clock, { counter: undefined, name: 'x' });
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await alone.hitEverywhere('p')).allowed);
    expect(results).toEqual([true, true, false]);
  });
});
