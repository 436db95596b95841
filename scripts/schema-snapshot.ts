/** Writes the schema snapshots (SQLite always; PostgreSQL when TEST_DATABASE_URL or a postgres DATABASE_URL is set). */
import { writeFileSync } from 'node:fs';
import { openStore } from '../src/adapters/storage/index.ts';
import { describeSchema, SNAPSHOT_PATHS } from '../src/adapters/storage/schema-snapshot.ts';
import { createPgSchema } from '../test/support/databases.ts';

const sqlite = openStore('sqlite::memory:');
await sqlite.migrate();
writeFileSync(SNAPSHOT_PATHS.sqlite, await describeSchema(sqlite.store.db, 'sqlite'));
await sqlite.close();
console.log(`wrote ${SNAPSHOT_PATHS.sqlite}`);

const pgUrl =
  process.env.TEST_DATABASE_URL ??
  (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);
if (pgUrl) {
  const schema = await createPgSchema(pgUrl);
  const pg = openStore({ dialect: 'postgres', url: pgUrl, schema: schema.schema });
  try {
    await pg.migrate();
    writeFileSync(SNAPSHOT_PATHS.postgres, await describeSchema(pg.store.db, 'postgres'));
    console.log(`wrote ${SNAPSHOT_PATHS.postgres}`);
  } finally {
    await pg.close();
    await schema.drop();
  }
} else {
  console.warn(
    'PostgreSQL snapshot not written: set TEST_DATABASE_URL=postgres://… to refresh it.',
  );
}
