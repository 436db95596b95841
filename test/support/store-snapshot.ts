/** Every row of every table in a test app's database, to check what a run stored and what it left alone. */
import { sql } from 'kysely';
import type { AppContext } from '../../src/app/compose.ts';

export type Row = Record<string, unknown>;
/** Rows by table name, each table's rows in a stable order. */
export type Snapshot = Map<string, Row[]>;

const TABLES = {
  sqlite: sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  postgres: sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`,
};

const byJson = (a: Row, b: Row) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** Reads every table (the migration bookkeeping too), each table's rows sorted by their JSON. */
export async function snapshotTables(ctx: AppContext): Promise<Snapshot> {
  const db = ctx.db.store.db;
  const { rows: tables } = await TABLES[ctx.db.connection.dialect].execute(db);
  const out: Snapshot = new Map();
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const { rows } = await sql<Row>`select * from ${sql.table(name)}`.execute(db);
    out.set(name, rows.map((r) => ({ ...r })).sort(byJson));
  }
  return out;
}
