import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from './db.ts';
import { GroupCommitter } from './group-commit.ts';
import { openSqlite } from './sqlite-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutual-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(name: string) {
  const path = join(dir, name);
  let commits = 0;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqlite(path) }),
    log: (event) => {
      if (event.level === 'query' && /^commit/i.test(event.query.sql)) commits += 1;
    },
  });
  return { db, path, commits: () => commits };
}

const insert = (trx: Kysely<Database>, v: string) =>
  sql`insert into t (v) values (${v})`.execute(trx).then(() => v);

describe('GroupCommitter', () => {
  it('commits a burst of transactions together, and each resolves only once its rows are durable', async () => {
    const { db, path, commits } = open('burst.db');
    await sql`create table t (v text)`.execute(db);
    const reader = new SQLite(path, { readonly: true });
    const committer = new GroupCommitter(db);
    const visibleOnResolve: boolean[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        committer
          .run((trx) => insert(trx, `m${i}`))
          .then((v) => {
            visibleOnResolve.push(
              reader.prepare('select 1 from t where v = ?').get(v) !== undefined,
            );
          }),
      ),
    );
    expect(visibleOnResolve).toHaveLength(40);
    expect(visibleOnResolve.every(Boolean)).toBe(true);
    expect(commits()).toBeLessThan(40);
    expect(commits()).toBeGreaterThanOrEqual(1);
    reader.close();
    await db.destroy();
  });

  it('rolls back only the transaction that failed; the rest of its group commits', async () => {
    const { db } = open('failure.db');
    await sql`create table t (v text)`.execute(db);
    const committer = new GroupCommitter(db);
    const results = await Promise.allSettled([
      committer.run((trx) => insert(trx, 'kept-1')),
      committer.run(async (trx) => {
        await insert(trx, 'undone');
        throw new Error('this one fails');
      }),
      committer.run((trx) => insert(trx, 'kept-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await sql<{ v: string }>`select v from t order by v`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(['kept-1', 'kept-2']);
    await db.destroy();
  });

  it('rolls back a transaction that fails on its own', async () => {
    const { db } = open('alone.db');
    await sql`create table t (v text)`.execute(db);
    const committer = new GroupCommitter(db);
    await expect(
      committer.run(async (trx) => {
        await insert(trx, 'undone');
        throw new Error('alone and failing');
      }),
    ).rejects.toThrow('alone and failing');
    await committer.run((trx) => insert(trx, 'after'));
    const rows = await sql<{ v: string }>`select v from t`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(['after']);
    await db.destroy();
  });

  it('keeps the order in which transactions were submitted', async () => {
    const { db } = open('order.db');
    await sql`create table t (v text)`.execute(db);
    const committer = new GroupCommitter(db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        committer.run((trx) => insert(trx, String(i).padStart(2, '0'))),
      ),
    );
    const rows = await sql<{ v: string }>`select v from t order by rowid`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i).padStart(2, '0')),
    );
    await db.destroy();
  });
});
