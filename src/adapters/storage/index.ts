/** Opens the configured database as a Store, with migrations and a readiness probe. */
import { sql } from 'kysely';
import {
  type Connection,
  type DatabaseTarget,
  openDatabase,
  parseDatabaseUrl,
} from './connection.ts';
import { GroupCommitter } from './group-commit.ts';
import { KyselyStore } from './kysely.store.ts';
import { type MigrationReport, isMigrated, migrateToLatest } from './migrate.ts';

export { parseDatabaseUrl, type DatabaseTarget, type Dialect } from './connection.ts';
export { KyselyStore } from './kysely.store.ts';
export type { MigrationReport } from './migrate.ts';

/** An open database: the Store plus lifecycle. */
export interface OpenStore {
  store: KyselyStore;
  connection: Connection;
  migrate(): Promise<MigrationReport>;
  /** True when the database answers and every migration is applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens a database from a URL (or a parsed target). Does not migrate: call `migrate()`. */
export function openStore(target: string | DatabaseTarget): OpenStore {
  const connection = openDatabase(typeof target === 'string' ? parseDatabaseUrl(target) : target);
  const { db, sqlite } = connection;
  return {
    store: new KyselyStore(
      db,
      sqlite
        ? new GroupCommitter(db, (sql, parameters) => sqlite.execute(sql, parameters))
        : undefined,
    ),
    connection,
    migrate: () => migrateToLatest(db, connection.dialect),
    isReady: async () => {
      try {
        await sql`select 1`.execute(db);
        return await isMigrated(db, connection.dialect);
      } catch {
        return false;
      }
    },
    close: () => connection.close(),
  };
}
