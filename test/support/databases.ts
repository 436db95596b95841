/** The databases tests run against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (always in CI). */
import pg from 'pg';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
}

const pgUrl = process.env.TEST_DATABASE_URL;

/** Printed once per file when the PostgreSQL suites are skipped, so a skip is never silent. */
export const POSTGRES_SKIP_REASON = 'PostgreSQL suites skipped: TEST_DATABASE_URL is not set';

export const TEST_DATABASES: TestDatabase[] = [
  { name: 'sqlite', url: 'sqlite::memory:' },
  ...(pgUrl ? [{ name: 'postgres' as const, url: pgUrl }] : []),
];

if (!pgUrl) console.warn(`[skip] ${POSTGRES_SKIP_REASON}`);

/** A fresh, empty PostgreSQL schema for one test app; `drop` removes it and everything in it. */
export async function createPgSchema(
  url: string,
): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
