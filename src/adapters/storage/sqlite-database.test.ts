import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutual-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Waits up to 5 s for `done`, checking every 100 ms; fails naming what it waited for. */
async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(done(), String(done)).toBe(true);
}

describe('openSqlite', () => {
  it('names the path and DATABASE_URL when the file cannot be a database, and leaves the file as it was', () => {
    const notes = join(dir, 'notes.txt');
    const text = 'These are plain notes, not a database, and they must stay as they are.\n'.repeat(
      20,
    );
    writeFileSync(notes, text);
    expect(() => openSqlite(notes)).toThrow(
      `the SQLite database at ${notes} (DATABASE_URL) could not be opened: file is not a database`,
    );
    expect(readFileSync(notes, 'utf8')).toBe(text);
    expect(readdirSync(dir).filter((f) => f.startsWith('notes.txt-'))).toEqual([]);
    // A folder that cannot be made, because a file has its name.
    expect(() => openSqlite(join(notes, 'mutual.db'))).toThrow(
      /notes\.txt\/mutual\.db \(DATABASE_URL\)/,
    );
  });

  it('reuses prepared statements for the same SQL', () => {
    const db = openSqlite(':memory:');
    db.prepare('create table t (v text)').run([]);
    for (let i = 0; i < 50; i++) db.prepare('insert into t (v) values (?)').run([`row ${i}`]);
    const rows = db.prepare('select count(*) as n from t').all([]) as Array<{ n: number }>;
    expect(rows[0]?.n).toBe(50);
    expect(db.preparedCount).toBe(3);
    db.close();
  });

  it('overwrites words that were deleted: after a checkpoint they are nowhere in the database file', () => {
    const path = join(dir, 'gone.db');
    const db = openSqlite(path);
    db.prepare('create table m (id integer primary key, text text not null)').run([]);
    const words = 'a-private-sentence-that-was-later-deleted';
    for (let i = 0; i < 20; i++)
      db.prepare('insert into m (text) values (?)').run([`${words} ${i}`]);
    db.prepare("update m set text = ''").run([]);
    db.prepare('pragma wal_checkpoint(TRUNCATE)').all([]);
    expect(readFileSync(path).includes(words)).toBe(false);
    db.close();
  });

  it('cuts the log to nothing soon after words are edited or deleted, so no old copy of them stays', async () => {
    const path = join(dir, 'scrubbed.db');
    const db = openSqlite(path);
    const inFiles = (words: string) =>
      [path, `${path}-wal`].filter((f) => existsSync(f) && readFileSync(f).includes(words));
    db.prepare('create table "messages" (id integer primary key, text text not null)').run([]);
    db.prepare('create table "conversations" (id integer primary key, last_seq integer)').run([]);
    const edited = 'words-that-were-edited-away-later';
    const deleted = 'words-that-were-deleted-later';
    const insert = db.prepare('insert into "messages" (text) values (?)');
    for (let i = 0; i < 5; i++) insert.run([`${edited} ${i}`]);
    insert.run([deleted]);
    db.prepare('insert into "conversations" (last_seq) values (0)').run([]);
    // Checkpointed once (PASSIVE): the words are in the database file and still in the log.
    await waitFor(() => inFiles(deleted).length === 2);

    // Bookkeeping a message post does (no words): the log is not cut.
    db.prepare('update "conversations" set last_seq = last_seq + 1').run([]);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    expect(inFiles(deleted)).toEqual([path, `${path}-wal`]);

    db.prepare('update "messages" set text = ? where text like ?').run(['new words', `${edited}%`]);
    db.prepare('delete from "messages" where text = ?').run([deleted]);
    await waitFor(() => inFiles(edited).length === 0 && inFiles(deleted).length === 0);
    expect(statSync(`${path}-wal`).size).toBe(0);
    // Nothing else was lost.
    expect(
      db.prepare('select count(*) as n from "messages" where text = ?').all(['new words']),
    ).toEqual([{ n: 5 }]);
    db.close();
  });

  it('never fails a transaction that reads and then writes while the log is being cut', async () => {
    const path = join(dir, 'busy.db');
    const db = openSqlite(path);
    db.prepare('create table "messages" (id integer primary key, text text not null)').run([]);
    const run = (sql: string, ...parameters: unknown[]) => db.prepare(sql).run(parameters);
    let failures = 0;
    let cut = false;
    const until = performance.now() + 3_000;
    for (let i = 0; performance.now() < until; i++) {
      try {
        // As a message post does: a read first, so the write that follows upgrades the transaction.
        run('begin');
        db.prepare('select count(*) from "messages"').all([]);
        run('insert into "messages" (text) values (?)', `words ${i}`);
        // Erasing words asks for the log to be cut.
        run('update "messages" set text = ? where id = ?', '', i);
        run('commit');
      } catch {
        failures += 1;
        try {
          run('rollback');
        } catch {
          // Nothing was open.
        }
      }
      await new Promise((r) => setTimeout(r, 1));
      cut ||= statSync(`${path}-wal`).size === 0;
    }
    // The log was cut while transactions kept coming, and none of them failed.
    expect(cut).toBe(true);
    expect(failures).toBe(0);
    db.close();
  });

  it('runs with WAL, synchronous=FULL and foreign keys, and checkpoints the log from a worker', async () => {
    const path = join(dir, 'wal.db');
    const db = openSqlite(path);
    const pragma = (sql: string) => db.prepare(sql).all([])[0] as Record<string, unknown>;
    expect(Object.values(pragma('pragma journal_mode'))[0]).toBe('wal');
    expect(Object.values(pragma('pragma synchronous'))[0]).toBe(2);
    expect(Object.values(pragma('pragma foreign_keys'))[0]).toBe(1);
    expect(Object.values(pragma('pragma wal_autocheckpoint'))[0]).toBe(0);
    expect(Object.values(pragma('pragma secure_delete'))[0]).toBe(1);

    db.prepare('create table t (v text)').run([]);
    const sizeBefore = statSync(path).size;
    const insert = db.prepare('insert into t (v) values (?)');
    for (let i = 0; i < 300; i++) insert.run(['x'.repeat(1000)]);
    // With automatic checkpoints off, only the worker can move these pages into the database file.
    let grown = false;
    for (let i = 0; i < 40 && !grown; i++) {
      await new Promise((r) => setTimeout(r, 100));
      grown = statSync(path).size > sizeBefore + 200_000;
    }
    expect(grown).toBe(true);
    db.close();
  });

  it('lets go of the directory when close() returns: the log is folded back and its files are gone', async () => {
    for (let round = 0; round < 2; round++) {
      const sub = mkdtempSync(join(dir, 'close-'));
      const db = openSqlite(join(sub, 'closing.db'));
      db.prepare('create table t (v text)').run([]);
      db.prepare('insert into t (v) values (?)').run(['kept']);
      // Let the checkpointer run once, so its own connection holds the log open as in a running app.
      await new Promise((r) => setTimeout(r, 1_200));
      db.close();
      expect(readdirSync(sub)).toEqual(['closing.db']);
      // Nothing else writes there afterwards, so removing the directory cannot race a late close.
      rmSync(sub, { recursive: true });
    }
  });
});
