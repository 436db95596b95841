import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPgSchema, TEST_DATABASES } from '../../../test/support/databases.ts';
import type { Dialect } from './connection.ts';
import type { Database } from './db.ts';
import { openStore } from './index.ts';
import { describeSchema, SNAPSHOT_PATHS } from './schema-snapshot.ts';
import { TABLES_WITH_WORDS } from './words.ts';

/** Words that would mark one side of a conversation as giving help and the other as receiving it. */
const ROLE_WORDS = /helper|helpee|recipient|mentor|mentee|supporter|client|patient|role/i;

/** Every column of every table the migrations made, as `table.column`. */
async function listColumns(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const { rows } = await (
    dialect === 'sqlite'
      ? sql<{ name: string }>`
        select m.name || '.' || c.name as name
        from sqlite_master m join pragma_table_info(m.name) c
        where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'kysely_%'`
      : sql<{ name: string }>`
        select table_name || '.' || column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name not like 'kysely_%'`
  ).execute(db);
  return rows.map((r) => r.name);
}

describe.each(TEST_DATABASES)('committed schema snapshot ($name)', (db) => {
  /** Runs `work` on a new store of its own (a fresh schema on PostgreSQL), closed and dropped after. */
  const withStore = async (work: (open: ReturnType<typeof openStore>) => Promise<void>) => {
    const schema = db.name === 'postgres' ? await createPgSchema(db.url) : undefined;
    const open = openStore(
      schema ? { dialect: 'postgres', url: db.url, schema: schema.schema } : db.url,
    );
    try {
      await work(open);
    } finally {
      await open.close();
      await schema?.drop();
    }
  };

  it('matches the schema the migrations build (run `npm run schema:snapshot` after adding a migration)', async () => {
    await withStore(async (open) => {
      await open.migrate();
      const actual = await describeSchema(open.store.db, db.name);
      expect(actual).toBe(readFileSync(SNAPSHOT_PATHS[db.name], 'utf8'));
    });
  });

  it('names no one by a role: people are peers (shared/IPS.md, values: symmetric model)', async () => {
    await withStore(async (open) => {
      await open.migrate();
      const columns = await listColumns(open.store.db, db.name);
      // Every table is read, so a new one is covered too; these are the ones the rule is mostly about.
      for (const table of [
        'conversations',
        'conversation_members', // its last_read_seq is the read marker
        'messages',
        'relationship_limits',
        'connection_invitations',
        'invitations',
        'blocks',
        'memberships', // organization admins are marked by is_admin: an admin is not a peer role
      ])
        expect(
          columns.filter((c) => c.startsWith(`${table}.`)),
          table,
        ).not.toEqual([]);
      expect(columns.filter((c) => ROLE_WORDS.test(c))).toEqual([]);
    });
  });

  it("lists in TABLES_WITH_WORDS every table with a column of people's words, and no other", async () => {
    await withStore(async (open) => {
      await open.migrate();
      const columns = await listColumns(open.store.db, db.name);
      const wordy =
        /\.(text|note|note_\w+|why|title|body|answers|detail|display_name|try_next|password_hash)$/;
      const tables = new Set(columns.filter((c) => wordy.test(c)).map((c) => c.split('.')[0]!));
      expect([...tables].sort()).toEqual([...TABLES_WITH_WORDS].sort());
    });
  });

  it('migrating twice changes nothing', async () => {
    await withStore(async (open) => {
      const first = await open.migrate();
      expect(first.applied.length).toBe(first.total);
      expect((await open.migrate()).applied).toEqual([]);
      expect(await open.isReady()).toBe(true);
    });
  });
});

const pgUrl = TEST_DATABASES.find((d) => d.name === 'postgres')?.url;

describe.skipIf(!pgUrl)('PostgreSQL migrations beside other schemas', () => {
  it('migrate and report ready while another program makes and drops schemas in the same database', async () => {
    // Kysely's own introspection read every schema and failed when one was dropped meanwhile ("schema …
    // does not exist"): about one read in six failed under this churn.
    const churn = new pg.Client({ connectionString: pgUrl });
    await churn.connect();
    let stop = false;
    let made = 0;
    const churning = (async () => {
      while (!stop) {
        const name = `churn_${process.pid}_${made++}`;
        await churn.query(`create schema ${name}; create table ${name}.t (id serial primary key)`);
        await churn.query(`drop schema ${name} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 6; i++) {
        const schema = await createPgSchema(pgUrl!);
        const open = openStore({ dialect: 'postgres', url: pgUrl!, schema: schema.schema });
        try {
          const report = await open.migrate();
          expect(report.applied.length).toBe(report.total);
          expect(await open.isReady()).toBe(true);
        } finally {
          await open.close();
          await schema.drop();
        }
      }
      expect(made).toBeGreaterThan(6);
    } finally {
      stop = true;
      await churning;
      await churn.end();
    }
  }, 60_000);
});
