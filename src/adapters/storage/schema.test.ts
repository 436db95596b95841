import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPgSchema, TEST_DATABASES } from '../../../test/support/databases.ts';
import { openStore } from './index.ts';
import { describeSchema, SNAPSHOT_PATHS } from './schema-snapshot.ts';

describe.each(TEST_DATABASES)('committed schema snapshot ($name)', (db) => {
  it('matches the schema the migrations build (run `npm run schema:snapshot` after adding a migration)', async () => {
    const schema = db.name === 'postgres' ? await createPgSchema(db.url) : undefined;
    const open = openStore(
      schema ? { dialect: 'postgres', url: db.url, schema: schema.schema } : db.url,
    );
    try {
      await open.migrate();
      const actual = await describeSchema(open.store.db, db.name);
      expect(actual).toBe(readFileSync(SNAPSHOT_PATHS[db.name], 'utf8'));
    } finally {
      await open.close();
      await schema?.drop();
    }
  });

  it('migrating twice changes nothing', async () => {
    const schema = db.name === 'postgres' ? await createPgSchema(db.url) : undefined;
    const open = openStore(
      schema ? { dialect: 'postgres', url: db.url, schema: schema.schema } : db.url,
    );
    try {
      const first = await open.migrate();
      expect(first.applied.length).toBe(first.total);
      expect((await open.migrate()).applied).toEqual([]);
      expect(await open.isReady()).toBe(true);
    } finally {
      await open.close();
      await schema?.drop();
    }
  });
});
