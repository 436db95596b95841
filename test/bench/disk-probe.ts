/**
 * How long the disk under the benchmark's database takes to sync a small write when writes come at the
 * benchmark's pace: the figure every durable commit waits for. A reader can tell from it whether a run's
 * tail was the disk's (it moves with the host, from well under 1 ms to several ms at p99).
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './percentile.ts';

/** How many write-sized slots the scratch file has; the probe cycles through them. */
const SLOTS = 64;

export interface DiskSync {
  p50Ms: number;
  p99Ms: number;
}

/** Writes `bytes` and fdatasyncs them `count` times, one every `everyMs`, in a scratch file in `dir`. */
export async function probeDiskSync(
  dir: string,
  { count = 200, everyMs = 5, bytes = 20_480 } = {},
): Promise<DiskSync> {
  const path = join(dir, 'disk-probe.bin');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(bytes, 1);
  const took: number[] = [];
  try {
    // The file exists at its full size first, so every measured write overwrites, as a reused log does.
    writeSync(fd, Buffer.alloc(SLOTS * bytes));
    fdatasyncSync(fd);
    for (let i = 0; i < count; i++) {
      const started = process.hrtime.bigint();
      writeSync(fd, block, 0, block.length, (i % SLOTS) * bytes);
      fdatasyncSync(fd);
      took.push(Number(process.hrtime.bigint() - started) / 1e6);
      await sleep(everyMs);
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  return { p50Ms: percentile(took, 50), p99Ms: percentile(took, 99) };
}
