/**
 * Opens the embedded SQLite database for Kysely, tuned so that durability does not stall the event loop:
 * prepared statements are reused, and WAL checkpoints (the slow, fsync-heavy part) run on a worker thread.
 * After people's words were edited or deleted (words.ts), the log is also cut to nothing soon after.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type { QueryResult, SqliteDatabase, SqliteStatement } from 'kysely';
import { erasesWords } from './words.ts';

/** Distinct statements kept prepared; Mutual issues far fewer, so the bound only guards against leaks. */
const STATEMENT_CACHE_SIZE = 1_000;

/** How often the worker folds the write-ahead log back into the database file. */
const CHECKPOINT_EVERY_MS = 1_000;

/**
 * Runs in a worker thread with its own connection. A PASSIVE checkpoint never blocks the writer, so a
 * slow disk delays only this thread, not message delivery. It never takes the write lock: a transaction
 * on the main connection that has read and then writes would get SQLITE_BUSY at once, without waiting.
 */
const CHECKPOINT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const closed = new Int32Array(workerData.closed);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } finally {
    Atomics.store(closed, 0, 1);
    Atomics.notify(closed, 0);
    parentPort.close();
  }
});
`;

/**
 * How soon after words were edited or deleted the main connection cuts the log to nothing (a TRUNCATE
 * checkpoint), so no old copy of them stays in it. Later edits within this time share the same cut.
 */
const SCRUB_AFTER_MS = 1_000;

/** How long a statement on the main connection waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/** How long closing waits for the checkpointer to let go of the file before closing anyway. */
const CHECKPOINTER_CLOSE_WAIT_MS = 5_000;

/** An open SQLite database as Kysely's dialect needs it, with the tuning above. */
export interface TunedSqlite extends SqliteDatabase {
  /** Statements prepared so far (for tests). */
  readonly preparedCount: number;
  /**
   * Runs one statement as Kysely's SQLite driver does, minus its connection queue and promises. Only for
   * a caller that holds the connection through Kysely (group-commit.ts), so nothing else can interleave.
   */
  execute(sql: string, parameters: readonly unknown[]): QueryResult<unknown>;
}

/** Opens `path` (or `:memory:`) with WAL, synchronous=FULL, foreign keys, secure_delete and a busy timeout. */
export function openSqlite(path: string): TunedSqlite {
  const inMemory = path === ':memory:';
  let sqlite: SQLite.Database | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    sqlite = new SQLite(path);
    // The first read of the file: "file is not a database" shows here.
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Deleted or rewritten content is overwritten with zeros, not left in free space: a deleted message's
    // words leave the database file at the next checkpoint (and the log at the scrub that follows).
    sqlite.pragma('secure_delete = ON');
  } catch (error) {
    sqlite?.close();
    throw new Error(
      `the SQLite database at ${path} (DATABASE_URL) could not be opened: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  let checkpointer: Worker | undefined;
  // The worker sets this to 1 once its connection is closed, so closing can wait for it (see close()).
  const checkpointerClosed = new Int32Array(new SharedArrayBuffer(4));
  if (!inMemory) {
    // Commits still fsync the log (synchronous=FULL); only the checkpoints move off the main thread.
    sqlite.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    checkpointer = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: {
        driver,
        path,
        everyMs: CHECKPOINT_EVERY_MS,
        closed: checkpointerClosed.buffer,
      },
    });
    checkpointer.unref();
    // A failing checkpointer must not take the app down; the next start checkpoints as usual.
    checkpointer.on('error', () => {
      Atomics.store(checkpointerClosed, 0, 1);
    });
  }

  // Words were edited or deleted (words.ts): between transactions, the log is checkpointed and cut to
  // nothing. Done on this connection, the only writer, so no transaction ever finds the write lock taken.
  // It does not wait: if the checkpointer is busy, it tries again a second later. It holds the event loop
  // for the checkpoint's own time (a few ms), at most once a second, and only after an edit or a delete.
  let scrubTimer: NodeJS.Timeout | undefined;
  let closed = false;
  const scrubSoon = (): void => {
    if (inMemory || closed || scrubTimer) return;
    scrubTimer = setTimeout(scrub, SCRUB_AFTER_MS);
    scrubTimer.unref();
  };
  const scrub = (): void => {
    scrubTimer = undefined;
    if (closed) return;
    if (sqlite.inTransaction) return scrubSoon();
    sqlite.pragma('busy_timeout = 0');
    try {
      const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result?.busy !== 0) scrubSoon();
    } catch {
      scrubSoon();
    } finally {
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  };

  const statements = new Map<string, SqliteStatement>();
  // Statements that rewrite or delete people's words: each run asks for the log to be cut soon.
  const erasers = new WeakSet<SqliteStatement>();
  const prepare = (sql: string): SqliteStatement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (erasesWords(sql)) erasers.add(statement);
    }
    // Kysely and execute() both prepare right before running, so this is once per run.
    if (erasers.has(statement)) scrubSoon();
    return statement;
  };
  return {
    get preparedCount() {
      return statements.size;
    },
    prepare,
    execute(sql: string, parameters: readonly unknown[]): QueryResult<unknown> {
      // The same results as kysely/dist/esm/dialect/sqlite/sqlite-driver.js (SqliteConnection.executeQuery).
      const statement = prepare(sql);
      if (statement.reader) return { rows: statement.all(parameters) };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
    },
    close(): void {
      closed = true;
      clearTimeout(scrubTimer);
      // The checkpointer closes first and this connection last, so the last close folds the log back
      // and removes the -wal and -shm files before close() returns: nothing touches the directory after.
      if (checkpointer) {
        checkpointer.postMessage('stop');
        Atomics.wait(checkpointerClosed, 0, 0, CHECKPOINTER_CLOSE_WAIT_MS);
      }
      statements.clear();
      sqlite.close();
    },
  };
}
