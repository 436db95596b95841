/** Runs the forward-only migrations and reports which ones ran. */
import { type DatabaseIntrospector, type Kysely, Migrator, sql } from 'kysely';
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
  return new Migrator({
    db: withOneSchemaIntrospection(db, migrationTableSchema),
    provider: migrationProvider,
    migrationTableSchema,
  });
}

/**
 * Kysely's PostgreSQL introspection reads the tables of every schema in the database and checks each
 * schema's privileges by name, so a schema that another program drops during that read fails it ("schema
 * … does not exist") though it is not ours; tests that drop their own schemas while others migrate hit
 * it. The migrator only asks whether its two bookkeeping tables exist, so it gets `db` with an
 * introspector that reads the one schema it uses (by catalog, with no per-schema checks to fail).
 */
function withOneSchemaIntrospection(db: Kysely<Database>, schema: string): Kysely<Database> {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    getTables: async () => {
      const { rows } = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'v', 'p')`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v', columns: [] }));
    },
    getMetadata: async () => ({ tables: await introspection.getTables() }),
  };
  // Kysely keeps its state in private fields, so its methods run bound to the real instance.
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
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
