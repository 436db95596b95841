/** Opens the database named by a DATABASE_URL: SQLite (embedded default) or PostgreSQL, behind one Kysely type. */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './db.ts';
import { openSqlite, type TunedSqlite } from './sqlite-database.ts';

export type Dialect = 'sqlite' | 'postgres';

/** Where the data lives, parsed from a URL. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; url: string; schema?: string | undefined };

/** Parses `sqlite:<path>`, `sqlite::memory:` or `postgres://…`; throws a message naming what is wrong. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path)
      throw new Error('a sqlite URL needs a path, e.g. sqlite:./data/mutual.db or sqlite::memory:');
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  throw new Error('use sqlite:<path>, sqlite::memory: or postgres://user@host:port/database');
}

/** An open database and how to close it. */
export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQLite only: the open database under Kysely, for the group committer's direct statements. */
  sqlite?: TunedSqlite;
  close(): Promise<void>;
}

/** Opens a connection; SQLite gets WAL, synchronous=FULL, foreign keys and a busy timeout (sqlite-database.ts). */
export function openDatabase(target: DatabaseTarget): Connection {
  if (target.dialect === 'sqlite') {
    const sqlite = openSqlite(target.path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle client losing its server connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
