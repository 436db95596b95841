import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, createPgSchema } from '../../../test/support/databases.ts';
import { type OpenStore, openStore } from './index.ts';
import { prepare } from './prepared.ts';

// Module-level, as in the stores: one prepared statement serves every database and dialect in the process.
const byLogin = prepare((db, a: { login: string }) =>
  db
    .selectFrom('users')
    .select(['id', 'login'])
    .where('login', '=', a.login)
    .where('display_name', '<>', 'Hidden by a constant'),
);

const rename = prepare((db, a: { id: string; name: string }) =>
  db.updateTable('users').set({ display_name: a.name }).where('id', '=', a.id),
);

const user = (id: string, login: string, name: string) => ({
  id,
  login,
  display_name: name,
  pronouns: null,
  password_hash: 'not a real hash',
  created_at: '2026-01-01T00:00:00.000Z',
});

for (const target of TEST_DATABASES) {
  describe(`prepared statements (${target.name})`, () => {
    let open: OpenStore;
    let schema: { drop(): Promise<void> } | undefined;

    beforeAll(async () => {
      const pg = target.name === 'postgres' ? await createPgSchema(target.url) : undefined;
      schema = pg;
      open = openStore(
        pg ? { dialect: 'postgres', url: target.url, schema: pg.schema } : target.url,
      );
      await open.migrate();
      await open.connection.db
        .insertInto('users')
        .values([
          user('u-1', 'ada@example.test', 'Ada'),
          user('u-2', 'ben@example.test', 'Ben'),
          user('u-3', 'cy@example.test', 'Hidden by a constant'),
        ])
        .execute();
    });

    afterAll(async () => {
      await open.close();
      await schema?.drop();
    });

    it('binds each run’s own values, keeps the constants, and compiles for this dialect', async () => {
      const { db } = open.connection;
      expect(await byLogin.first(db, { login: 'ada@example.test' })).toEqual({
        id: 'u-1',
        login: 'ada@example.test',
      });
      expect(await byLogin.first(db, { login: 'ben@example.test' })).toEqual({
        id: 'u-2',
        login: 'ben@example.test',
      });
      // The constant in the statement still applies: this person is filtered out by it.
      expect(await byLogin.first(db, { login: 'cy@example.test' })).toBeUndefined();
      expect((await byLogin.run(db, { login: 'nobody@example.test' })).rows).toEqual([]);
    });

    it('runs inside a transaction, and reports the rows a write changed', async () => {
      const { db } = open.connection;
      await db.transaction().execute(async (trx) => {
        const result = await rename.run(trx, { id: 'u-2', name: 'Benjamin' });
        expect(Number(result.numAffectedRows)).toBe(1);
        const seen = await trx
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', 'u-2')
          .executeTakeFirstOrThrow();
        expect(seen.display_name).toBe('Benjamin');
      });
      expect(Number((await rename.run(db, { id: 'u-404', name: 'x' })).numAffectedRows)).toBe(0);
    });
  });
}
