/** Runs the forward-only migrations and reports which ones ran. */
import { type Kysely, Migrator, sql } from 'kysely';
import type { Dialect } from './connection.ts';
import type { Database } from './db.ts';
import { MIGRATIONS, migrationProvider } from './migrations/index.ts';

/** The outcome of a migration run. */
export interface MigrationReport {
  applied: string[];
  total: number;
}

/**
 * Kysely looks for its bookkeeping tables in every schema unless told which one; on a PostgreSQL database
 * shared with other schemas it could then find another schema's table and skip creating its own. Name
 * the current schema explicitly.
 */
async function migrator(db: Kysely<Database>, dialect: Dialect): Promise<Migrator> {
  if (dialect === 'sqlite') return new Migrator({ db, provider: migrationProvider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrationTableSchema = rows[0]?.schema ?? 'public';
  return new Migrator({ db, provider: migrationProvider, migrationTableSchema });
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: Dialect,
): Promise<MigrationReport> {
  const m = await migrator(db, dialect);
  const { error, results = [] } = await m.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason =
      error instanceof Error ? error.message : failed ? 'see the database log' : 'unknown error';
    throw new Error(`migration ${failed?.migrationName ?? '(setup)'} failed: ${reason}`);
  }
  return { applied: results.map((r) => r.migrationName), total: Object.keys(MIGRATIONS).length };
}

/** True when every known migration has been applied (for /readyz). */
export async function isMigrated(db: Kysely<Database>, dialect: Dialect): Promise<boolean> {
  const all = await (await migrator(db, dialect)).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
