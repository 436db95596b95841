/**
 * Work over many items without holding the event loop: a slice of items at a time, with a turn of the
 * loop (setImmediate, after pending I/O) between slices. For sweeps over every socket on a node, which
 * done in one go would hold back every message on it.
 */

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Calls `visit` on each item in order, `perSlice` at a time, yielding to pending I/O between slices.
 * Checks `stopped` after each yield and returns early once it says so. Resolves when done.
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  perSlice: number,
  visit: (item: T) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  if (!Number.isInteger(perSlice) || perSlice < 1)
    throw new RangeError(`perSlice must be a whole number of at least 1 (got ${perSlice})`);
  for (let start = 0; start < items.length; start += perSlice) {
    if (start > 0) {
      await nextTurn();
      if (stopped()) return;
    }
    const end = Math.min(items.length, start + perSlice);
    for (let i = start; i < end; i++) visit(items[i]!);
  }
}
