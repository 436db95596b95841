/**
 * Group commit for SQLite. Every SQLite transaction ends with an fsync of the log (synchronous=FULL), and
 * better-sqlite3 runs it on the event loop. When transactions arrive together (a burst of messages), this
 * runs the waiting ones one after another inside ONE database transaction, each in its own savepoint, and
 * commits once: one fsync for the group. Each caller still resolves only after that commit, so "stored,
 * then acknowledged" holds; a caller whose work throws is rolled back to its savepoint alone.
 *
 * The committer holds the connection through Kysely for the whole group, so nothing else can run on it
 * meanwhile, and issues BEGIN, SAVEPOINT and COMMIT itself; prepared statements run inside go straight to
 * the driver (prepared.ts, runDirectlyOn), other queries through Kysely on the same held connection.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db.ts';
import { type DirectExecutor, runDirectlyOn } from './prepared.ts';

interface Pending {
  work: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most transactions one commit may carry, so one group cannot starve later callers for long. */
const MAX_GROUP = 64;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs transactions on one SQLite connection, sharing commits between those that arrive together. */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    /** Runs a statement on the connection while the committer holds it (TunedSqlite.execute). */
    private readonly execute: DirectExecutor,
  ) {}

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

  private async runGroup(group: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.db.connection().execute(async (conn) => {
        const stop = runDirectlyOn(conn, this.execute);
        try {
          return await this.inTransaction(conn, group);
        } finally {
          // Work that kept `conn` and runs later must not reach the connection past Kysely's queue.
          stop();
        }
      });
    } catch (error) {
      // Nothing committed: the connection could not be had, or BEGIN or COMMIT failed.
      for (const p of group) p.reject(error);
      return;
    }
    group.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  }

  /** Runs the group in one transaction and commits; throws (after rolling back) if it cannot commit. */
  private async inTransaction(conn: Kysely<Database>, group: Pending[]): Promise<Outcome[]> {
    const statement = (sql: string) => void this.execute(sql, []);
    // IMMEDIATE takes the write lock now, waiting (busy_timeout) while another connection or process
    // writes. A deferred BEGIN would take it at the first write, and a transaction that has already read
    // gets SQLITE_BUSY at once there, without waiting, whenever another writer holds the lock.
    statement('begin immediate');
    try {
      // Alone in its group: no savepoint needed, the transaction itself is the unit.
      if (group.length === 1) {
        const value = await group[0]!.work(conn);
        statement('commit');
        return [{ ok: true, value }];
      }
      const outcomes: Outcome[] = [];
      for (const p of group) {
        statement('savepoint unit');
        try {
          const value = await p.work(conn);
          statement('release unit');
          outcomes.push({ ok: true, value });
        } catch (error) {
          statement('rollback to unit');
          statement('release unit');
          outcomes.push({ ok: false, error });
        }
      }
      statement('commit');
      return outcomes;
    } catch (error) {
      // SQLite may have rolled back already (and then says no transaction is active): that is fine.
      try {
        statement('rollback');
      } catch {
        // The caller reports the original error, not a failed rollback.
      }
      throw error;
    }
  }
}
