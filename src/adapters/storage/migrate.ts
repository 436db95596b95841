/** Runs the forward-only migrations and reports which ones ran. */
import { type Kysely, Migrator } from 'kysely';
import type { Database } from './db.ts';
import { MIGRATIONS, migrationProvider } from './migrations/index.ts';

/** The outcome of a migration run. */
export interface MigrationReport {
  applied: string[];
  total: number;
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason =
      error instanceof Error ? error.message : failed ? 'see the database log' : 'unknown error';
    throw new Error(`migration ${failed?.migrationName ?? '(setup)'} failed: ${reason}`);
  }
  return { applied: results.map((r) => r.migrationName), total: Object.keys(MIGRATIONS).length };
}

/** True when every known migration has been applied (for /readyz). */
export async function isMigrated(db: Kysely<Database>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
