import { describe, expect, it } from 'vitest';
import { forEachInSlices } from './slices.ts';

describe('forEachInSlices', () => {
  it('visits every item once, in order', async () => {
    const seen: number[] = [];
    await forEachInSlices([1, 2, 3, 4, 5, 6, 7], 3, (n) => seen.push(n));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('lets pending work run between slices, never inside one', async () => {
    const order: string[] = [];
    // Queued before the sweep starts: it must run after the first slice, before the second.
    setImmediate(() => order.push('other work'));
    await forEachInSlices(['a', 'b', 'c', 'd', 'e'], 2, (s) => order.push(s));
    expect(order).toEqual(['a', 'b', 'other work', 'c', 'd', 'e']);
  });

  it('stops at the next slice once told to', async () => {
    const seen: number[] = [];
    await forEachInSlices(
      [1, 2, 3, 4, 5, 6],
      2,
      (n) => seen.push(n),
      () => seen.length >= 2,
    );
    expect(seen).toEqual([1, 2]);
  });

  it('does nothing for no items, and refuses a slice of less than one', async () => {
    const seen: number[] = [];
    await forEachInSlices([], 5, (n: number) => seen.push(n));
    expect(seen).toEqual([]);
    await expect(forEachInSlices([1], 0, () => undefined)).rejects.toThrow(/perSlice/);
  });
});
