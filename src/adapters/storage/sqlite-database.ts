/**
 * Opens the embedded SQLite database for Kysely, tuned so that durability does not stall the event loop:
 * prepared statements are reused, and WAL checkpoints (the slow, fsync-heavy part) run on a worker thread.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept prepared; Mutual issues far fewer, so the bound only guards against leaks. */
const STATEMENT_CACHE_SIZE = 1_000;

/** How often the worker folds the write-ahead log back into the database file. */
const CHECKPOINT_EVERY_MS = 1_000;

/**
 * Runs in a worker thread with its own connection. A PASSIVE checkpoint never blocks the writer, so a
 * slow disk delays only this thread, not message delivery.
 */
const CHECKPOINT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.close();
});
`;

/** An open SQLite database as Kysely's dialect needs it, with the tuning above. */
export interface TunedSqlite extends SqliteDatabase {
  /** Statements prepared so far (for tests). */
  readonly preparedCount: number;
}

/** Opens `path` (or `:memory:`) with WAL, synchronous=FULL, foreign keys and a busy timeout. */
export function openSqlite(path: string): TunedSqlite {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  let checkpointer: Worker | undefined;
  if (!inMemory) {
    // Commits still fsync the log (synchronous=FULL); only the checkpoints move off the main thread.
    sqlite.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    checkpointer = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: { driver, path, everyMs: CHECKPOINT_EVERY_MS },
    });
    checkpointer.unref();
    // A failing checkpointer must not take the app down; the next start checkpoints as usual.
    checkpointer.on('error', () => undefined);
  }

  const statements = new Map<string, SqliteStatement>();
  return {
    get preparedCount() {
      return statements.size;
    },
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close(): void {
      checkpointer?.postMessage('stop');
      statements.clear();
      sqlite.close();
    },
  };
}
