import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { runBusContract } from './bus.contract.ts';
import { InProcessBus } from './in-process.bus.ts';
import { type BusGap, RedisBus } from './redis.bus.ts';

const redisUrl = process.env.TEST_REDIS_URL;

runBusContract('in-process', {
  pair: async () => {
    const bus = new InProcessBus();
    return [bus, bus];
  },
});

if (redisUrl) {
  runBusContract('redis', {
    pair: async () => [await RedisBus.connect(redisUrl), await RedisBus.connect(redisUrl)],
  });

  describe('RedisBus after a lost connection', () => {
    it('reconnects, re-subscribes, and tells readers to catch up (onResume)', async () => {
      const bus = await RedisBus.connect(redisUrl);
      const admin = new Redis(redisUrl);
      try {
        const got: unknown[] = [];
        await bus.subscribe('test:resume', (m) => got.push(m));
        const resumed = new Promise<BusGap>((resolve) => bus.onResume(resolve));
        // Cut only this bus's subscriber connection (found by its name), as a Redis restart would.
        const list = (await admin.client('LIST')) as string;
        const line = list.split('\n').find((l) => l.includes(`name=${bus.subscriberName}`));
        const id = /id=(\d+)/.exec(line ?? '')?.[1];
        expect(id).toBeDefined();
        const killedAt = Date.now();
        await admin.client('KILL', 'ID', id!);
        // It says from when it may have missed messages: the moment its link dropped.
        const { since } = await resumed;
        expect(since.getTime()).toBeGreaterThanOrEqual(killedAt);
        expect(since.getTime()).toBeLessThanOrEqual(Date.now());
        const publisher = await RedisBus.connect(redisUrl);
        await publisher.publish('test:resume', 'after');
        await expect.poll(() => got, { timeout: 3000 }).toEqual(['after']);
        await publisher.close();
      } finally {
        admin.disconnect();
        await bus.close();
      }
    });
  });
} else {
  console.warn(
    '[skip] Redis bus contract skipped: TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379)',
  );
  describe('Bus contract: redis', () => {
    it.skip('needs TEST_REDIS_URL', () => undefined);
  });
}
