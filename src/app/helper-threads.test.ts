import { describe, expect, it } from 'vitest';
import { type ThreadSystem, yieldHelperThreads } from './helper-threads.ts';

/** A process of threads with nice values, some of which end or appear between checks. */
function fakeSystem(threads: Record<number, number>, main = 100) {
  const nice = new Map(Object.entries(threads).map(([id, n]) => [Number(id), n]));
  const calls: Array<[number, number]> = [];
  const system: ThreadSystem = {
    mainThreadId: main,
    listThreads: () => [...nice.keys()],
    getNice(id) {
      const n = nice.get(id);
      if (n === undefined) throw new Error('ESRCH');
      return n;
    },
    setNice(id, n) {
      if (!nice.has(id)) throw new Error('ESRCH');
      calls.push([id, n]);
      nice.set(id, n);
    },
  };
  return { system, nice, calls };
}

describe('yieldHelperThreads', () => {
  it('lowers every thread but the main one, and leaves the main one as it was', () => {
    const { system, nice, calls } = fakeSystem({ 100: 0, 101: 0, 102: 0, 103: 0 });
    const helpers = yieldHelperThreads(10, system, 60_000);
    helpers?.stop();
    expect(calls).toEqual([
      [101, 10],
      [102, 10],
      [103, 10],
    ]);
    expect(nice.get(100)).toBe(0);
    expect(helpers?.lowered).toBe(3);
  });

  it('lowers threads started later on the next check, and only those', () => {
    const { system, nice, calls } = fakeSystem({ 100: 0, 101: 0 });
    const helpers = yieldHelperThreads(10, system, 60_000)!;
    helpers.stop();
    nice.set(104, 0);
    nice.set(105, 0);
    expect(helpers.check()).toBe(2);
    expect(helpers.check()).toBe(0);
    expect(calls.map(([id]) => id)).toEqual([101, 104, 105]);
    expect(helpers.lowered).toBe(3);
  });

  it('lowers a reused thread id again, since its new thread starts at the main thread’s priority', () => {
    const { system, nice } = fakeSystem({ 100: 0, 101: 0 });
    const helpers = yieldHelperThreads(10, system, 60_000)!;
    helpers.stop();
    nice.set(101, 0);
    expect(helpers.check()).toBe(1);
    expect(nice.get(101)).toBe(10);
  });

  it('leaves a thread already at or below that priority as it is', () => {
    const { system, calls } = fakeSystem({ 100: 0, 101: 19, 102: 10, 103: 5 });
    yieldHelperThreads(10, system, 60_000)?.stop();
    expect(calls).toEqual([[103, 10]]);
  });

  it('goes on past a thread that ends between listing and setting, or that the system refuses', () => {
    const { system, nice } = fakeSystem({ 100: 0, 101: 0, 102: 0, 103: 0 });
    const refusing: ThreadSystem = {
      ...system,
      setNice(id, n) {
        if (id === 101) throw new Error('EPERM');
        if (id === 102) nice.delete(102);
        system.setNice(id, n);
      },
    };
    const helpers = yieldHelperThreads(10, refusing, 60_000);
    helpers?.stop();
    expect(nice.get(103)).toBe(10);
    expect(helpers?.lowered).toBe(1);
  });

  it('does nothing when turned off (0) or where threads cannot be listed', () => {
    const { system, calls } = fakeSystem({ 100: 0, 101: 0 });
    expect(yieldHelperThreads(0, system)).toBeUndefined();
    expect(yieldHelperThreads(10, { ...system, listThreads: () => undefined })).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('checks again on its own, every interval', async () => {
    const { system, nice } = fakeSystem({ 100: 0 });
    const helpers = yieldHelperThreads(10, system, 20)!;
    nice.set(101, 0);
    await expect.poll(() => nice.get(101), { timeout: 2000 }).toBe(10);
    helpers.stop();
  });
});
