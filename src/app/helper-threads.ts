/**
 * Lowers the scheduling priority of the process's helper threads (V8's garbage-collection and compiler
 * workers, libuv's pool, the checkpoint worker) so that they never take a CPU from the event loop, which
 * serves every socket (ADR 0013). Linux only: elsewhere it does nothing.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** What it needs from the system; tests pass their own. */
export interface ThreadSystem {
  /** The main thread's id (on Linux, the process id). */
  mainThreadId: number;
  /** The ids of the process's threads now, or undefined where threads cannot be listed. */
  listThreads(): number[] | undefined;
  /** One thread's nice value; throws if the thread is gone. */
  getNice(threadId: number): number;
  /** Sets one thread's nice value; throws if the thread is gone or the system refuses. */
  setNice(threadId: number, nice: number): void;
}

/** The running process on Linux (`/proc/self/task`). */
export const linuxThreads: ThreadSystem = {
  mainThreadId: process.pid,
  listThreads() {
    if (process.platform !== 'linux') return undefined;
    try {
      return readdirSync('/proc/self/task').map(Number);
    } catch {
      return undefined;
    }
  },
  // On Linux, getpriority() and setpriority() with a thread's id read and change that thread alone.
  getNice: (threadId) => getPriority(threadId),
  setNice: (threadId, nice) => setPriority(threadId, nice),
};

/** A handle on the periodic re-check, so that threads started later (libuv's pool starts lazily) yield too. */
export interface HelperThreads {
  /** Threads lowered so far (a thread that has ended is still counted). */
  readonly lowered: number;
  /** Lowers the threads that are not yet at `nice`; returns how many it lowered now. */
  check(): number;
  stop(): void;
}

/**
 * Gives every thread but the main one `nice` (1–19), now and every `everyMs` for threads started later.
 * Returns undefined, doing nothing, when `nice` is 0 or the system cannot list threads.
 */
export function yieldHelperThreads(
  nice: number,
  system: ThreadSystem = linuxThreads,
  everyMs = 30_000,
): HelperThreads | undefined {
  if (nice === 0) return undefined;
  const first = system.listThreads();
  if (first === undefined) return undefined;
  let lowered = 0;
  const check = (threads = system.listThreads() ?? []) => {
    let now = 0;
    for (const id of threads) {
      if (id === system.mainThreadId) continue;
      try {
        // Read each time rather than remembered: a thread id can be reused by a new thread.
        if (system.getNice(id) >= nice) continue;
        system.setNice(id, nice);
        now += 1;
      } catch {
        // The thread ended between listing and setting, or the system refused: nothing to undo.
      }
    }
    lowered += now;
    return now;
  };
  check(first);
  const timer = setInterval(() => check(), everyMs);
  timer.unref();
  return {
    get lowered() {
      return lowered;
    },
    check: () => check(),
    stop: () => clearInterval(timer),
  };
}
