/**
 * The one behaviour every Bus must have, as a test suite: run it against each implementation. A "node"
 * is one Bus instance; `pair` gives two that share a backbone (for in-process, the same instance).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Bus } from '../../core/ports.ts';

/** Builds buses for one test; the suite closes them afterwards. */
export interface BusFactory {
  pair(): Promise<[Bus, Bus]>;
}

/** Collects messages and lets a test await a count instead of sleeping. */
function collector() {
  const seen: unknown[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  return {
    seen,
    handler: (m: unknown) => {
      seen.push(m);
      for (const w of [...waiters]) if (seen.length >= w.n) w.resolve();
    },
    until: (n: number, timeoutMs = 3000) =>
      new Promise<void>((resolve, reject) => {
        if (seen.length >= n) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`saw ${seen.length} of ${n} messages`)),
          timeoutMs,
        );
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      }),
  };
}

/** Lets in-flight deliveries land, so "nothing arrived" is meaningful. */
const settle = (bus: [Bus, Bus]) =>
  new Promise<void>((resolve) => {
    const probe = collector();
    const channel = `settle-${Math.random()}`;
    void bus[1].subscribe(channel, probe.handler).then(async (off) => {
      await bus[0].publish(channel, 1);
      await probe.until(1);
      await off();
      resolve();
    });
  });

export function runBusContract(name: string, factory: BusFactory): void {
  describe(`Bus contract: ${name}`, () => {
    const open: Bus[] = [];
    const pair = async (): Promise<[Bus, Bus]> => {
      const p = await factory.pair();
      open.push(...p);
      return p;
    };
    const ch = () => `test:${Math.random().toString(36).slice(2)}`;
    afterEach(async () => {
      await Promise.all([...new Set(open.splice(0))].map((b) => b.close()));
    });

    it('delivers a message published on one node to a subscriber on another, as a JSON copy', async () => {
      const [a, b] = await pair();
      const channel = ch();
      const got = collector();
      await b.subscribe(channel, got.handler);
      const sent = {
        conversationId: 'c1',
        seq: 7,
        at: new Date('2026-01-01T00:00:00Z'),
        missing: undefined,
      };
      await a.publish(channel, sent);
      await got.until(1);
      expect(got.seen[0]).toEqual({ conversationId: 'c1', seq: 7, at: '2026-01-01T00:00:00.000Z' });
      expect(got.seen[0]).not.toBe(sent);
    });

    it('delivers only to subscribers of the channel, and to every one of them', async () => {
      const [a, b] = await pair();
      const channel = ch();
      const x = collector();
      const y = collector();
      const other = collector();
      await b.subscribe(channel, x.handler);
      await a.subscribe(channel, y.handler);
      await b.subscribe(ch(), other.handler);
      await a.publish(channel, 'hi');
      await Promise.all([x.until(1), y.until(1)]);
      await settle([a, b]);
      expect(x.seen).toEqual(['hi']);
      expect(y.seen).toEqual(['hi']);
      expect(other.seen).toEqual([]);
    });

    it('keeps one publisher’s messages in order on a channel', async () => {
      const [a, b] = await pair();
      const channel = ch();
      const got = collector();
      await b.subscribe(channel, got.handler);
      const n = 500;
      await Promise.all(Array.from({ length: n }, (_, i) => a.publish(channel, { seq: i + 1 })));
      await got.until(n);
      expect(got.seen.map((m) => (m as { seq: number }).seq)).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      );
    });

    it('stops delivering after unsubscribe, without affecting other handlers', async () => {
      const [a, b] = await pair();
      const channel = ch();
      const kept = collector();
      const dropped = collector();
      await b.subscribe(channel, kept.handler);
      const off = await b.subscribe(channel, dropped.handler);
      await a.publish(channel, 1);
      await Promise.all([kept.until(1), dropped.until(1)]);
      await off();
      await a.publish(channel, 2);
      await kept.until(2);
      await settle([a, b]);
      expect(dropped.seen).toEqual([1]);
      expect(kept.seen).toEqual([1, 2]);
    });

    it('never calls a handler from inside publish, and a throwing handler does not stop the others', async () => {
      const [a, b] = await pair();
      const channel = ch();
      let inPublish = false;
      let reentered = false;
      const got = collector();
      await b.subscribe(channel, () => {
        if (inPublish) reentered = true;
        throw new Error('handler failure (expected by the test)');
      });
      await b.subscribe(channel, got.handler);
      inPublish = true;
      const published = a.publish(channel, 'x');
      inPublish = false;
      await published;
      await a.publish(channel, 'y');
      await got.until(2);
      expect(reentered).toBe(false);
      expect(got.seen).toEqual(['x', 'y']);
    });

    it('publishes to a channel nobody listens to without error, and is quiet after close', async () => {
      const [a, b] = await pair();
      await expect(a.publish(ch(), { any: 'thing' })).resolves.toBeUndefined();
      const channel = ch();
      const got = collector();
      await b.subscribe(channel, got.handler);
      await b.close();
      await expect(a.publish(channel, 'late')).resolves.toBeUndefined();
      await new Promise((r) => setTimeout(r, 50));
      expect(got.seen).toEqual([]);
    });
  });
}
