import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { holdWriteLock } from '../../../test/support/sqlite-lock.ts';
import type { Database } from './db.ts';
import { GroupCommitter } from './group-commit.ts';
import { prepare } from './prepared.ts';
import { openSqlite } from './sqlite-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutual-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(name: string) {
  const path = join(dir, name);
  /** Statements in the order they ran: the committer's own and Kysely's, each marked by its path. */
  const ran: string[] = [];
  const sqlite = openSqlite(path);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') ran.push(`kysely: ${event.query.sql}`);
    },
  });
  const committer = new GroupCommitter(db, (statement, parameters) => {
    ran.push(`direct: ${statement}`);
    return sqlite.execute(statement, parameters);
  });
  const commits = () => ran.filter((r) => r === 'direct: commit').length;
  return { db, path, committer, ran, commits };
}

/** A prepared insert into the tests' table `t`, so it can take the committer's direct path. */
const insertPrepared = prepare((db, a: { v: string }) =>
  (db as unknown as Kysely<{ t: { v: string } }>).insertInto('t').values({ v: a.v }),
);

const insert = (trx: Kysely<Database>, v: string) =>
  sql`insert into t (v) values (${v})`.execute(trx).then(() => v);

describe('GroupCommitter', () => {
  it('commits a burst of transactions together, and each resolves only once its rows are durable', async () => {
    const { db, path, committer, commits } = open('burst.db');
    await sql`create table t (v text)`.execute(db);
    const reader = new SQLite(path, { readonly: true });
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
    const { db, committer } = open('failure.db');
    await sql`create table t (v text)`.execute(db);
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
    const { db, committer } = open('alone.db');
    await sql`create table t (v text)`.execute(db);
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
    const { db, committer } = open('order.db');
    await sql`create table t (v text)`.execute(db);
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

  it('runs prepared statements straight on the held connection, and they commit or roll back with it', async () => {
    const { db, committer, ran } = open('direct.db');
    await sql`create table t (v text)`.execute(db);
    ran.length = 0;
    let kept: Kysely<Database> | undefined;
    await committer.run((trx) => {
      kept = trx;
      return insertPrepared.run(trx, { v: 'direct' });
    });
    await expect(
      committer.run(async (trx) => {
        await insertPrepared.run(trx, { v: 'undone' });
        throw new Error('fails after its insert');
      }),
    ).rejects.toThrow('fails after its insert');
    expect(ran).toEqual([
      'direct: begin immediate',
      'direct: insert into "t" ("v") values (?)',
      'direct: commit',
      'direct: begin immediate',
      'direct: insert into "t" ("v") values (?)',
      'direct: rollback',
    ]);
    const rows = await sql<{ v: string }>`select v from t`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(['direct']);
    // Outside the committer, the same statement goes through Kysely as before.
    await insertPrepared.run(db, { v: 'outside' });
    expect(ran.at(-1)).toBe('kysely: insert into "t" ("v") values (?)');
    // So does a run on a transaction's handle kept past its commit: the direct path ends with it.
    await insertPrepared.run(kept!, { v: 'kept' });
    expect(ran.at(-1)).toBe('kysely: insert into "t" ("v") values (?)');
    await db.destroy();
  });

  it('lets nothing else use the connection until the transaction has committed', async () => {
    const { db, committer, ran } = open('held.db');
    await sql`create table t (v text)`.execute(db);
    ran.length = 0;
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const writing = committer.run(async (trx) => {
      await insertPrepared.run(trx, { v: 'not yet committed' });
      inside();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await sql`insert into t (v) values ('through kysely, same transaction')`.execute(trx);
    });
    await started;
    // Were this read run inside the open transaction, it would see the uncommitted row.
    const read = db
      .selectFrom('t' as never)
      .select(sql<number>`count(*)`.as('n'))
      .execute();
    await writing;
    expect((await read)[0]).toEqual({ n: 2 });
    expect(ran.map((r) => r.replace(/ \(.*$/, '').slice(0, 40))).toEqual([
      'direct: begin immediate',
      'direct: insert into "t"',
      'kysely: insert into t',
      'direct: commit',
      'kysely: select count(*) as "n" from "t"',
    ]);
    await db.destroy();
  });

  it("waits for another process's write instead of failing a transaction that has already read", async () => {
    const { db, path, committer } = open('other-writer.db');
    await sql`create table t (v text)`.execute(db);
    // Another process (the CLI, say) holds the write lock for 300 ms.
    const other = await holdWriteLock(
      path,
      300,
      "insert into t (v) values ('from the other process')",
    );
    // A read, then a write: a deferred transaction would get SQLITE_BUSY at the write, without waiting.
    const value = await committer.run(async (trx) => {
      await sql`select count(*) from t`.execute(trx);
      return insert(trx, 'from this process');
    });
    expect(value).toBe('from this process');
    await other.released;
    const rows = await sql<{ v: string }>`select v from t order by v`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(['from the other process', 'from this process']);
    await db.destroy();
  });
});
