/**
 * Group commit for SQLite. Every SQLite transaction ends with an fsync of the log (synchronous=FULL), and
 * better-sqlite3 runs it on the event loop. When transactions arrive together (a burst of messages), this
 * runs the waiting ones one after another inside ONE database transaction, each in its own savepoint, and
 * commits once: one fsync for the group. Each caller still resolves only after that commit, so "stored,
 * then acknowledged" holds; a caller whose work throws is rolled back to its savepoint alone.
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from './db.ts';

interface Pending {
  work: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Rolls back after a failure; the caller reports the original error, not a failed rollback. */
const rollbackQuietly = (trx: ControlledTransaction<Database>): Promise<unknown> =>
  trx
    .rollback()
    .execute()
    .catch(() => undefined);

/** Most transactions one commit may carry, so one group cannot starve later callers for long. */
const MAX_GROUP = 64;

/** Runs transactions on one SQLite connection, sharing commits between those that arrive together. */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Runs `work` in a transaction (its own savepoint inside a shared one) and resolves after the commit. */
  run<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.runGroup(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.draining = false;
    }
  }

  private async runAlone(trx: ControlledTransaction<Database>, p: Pending): Promise<void> {
    let value: unknown;
    try {
      value = await p.work(trx);
      await trx.commit().execute();
    } catch (error) {
      await rollbackQuietly(trx);
      p.reject(error);
      return;
    }
    p.resolve(value);
  }

  private async runGroup(group: Pending[]): Promise<void> {
    let trx: ControlledTransaction<Database>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const p of group) p.reject(error);
      return;
    }
    // Alone in its group: no savepoint needed, the transaction itself is the unit.
    if (group.length === 1) return this.runAlone(trx, group[0]!);
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    for (const p of group) {
      const sp = await trx.savepoint('unit').execute();
      try {
        const value = await p.work(sp);
        await sp.releaseSavepoint('unit').execute();
        outcomes.push({ ok: true, value });
      } catch (error) {
        await sp.rollbackToSavepoint('unit').execute();
        await sp.releaseSavepoint('unit').execute();
        outcomes.push({ ok: false, error });
      }
    }
    try {
      await trx.commit().execute();
    } catch (error) {
      await rollbackQuietly(trx);
      for (const p of group) p.reject(error);
      return;
    }
    group.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  }
}
