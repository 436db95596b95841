/**
 * Statements built and compiled once, then run with new values: the hot paths (posting a message,
 * delivering it) skip Kysely's query building and compiling, which cost more CPU than SQLite itself.
 * The statement is still written once with Kysely's builder, so both dialects share one code path; each
 * dialect compiles it the first time it runs there. Inside a SQLite transaction of the group committer,
 * which holds the one connection, the compiled statement goes straight to the driver (runDirectlyOn).
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './db.ts';

/** Runs a compiled statement on a connection the caller holds, as the dialect's driver would. */
export type DirectExecutor = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

/** Kysely instances bound to a held SQLite connection, and how to run a statement on it without Kysely. */
const directly = new WeakMap<Kysely<Database>, DirectExecutor>();

/**
 * From now on, prepared statements run on `db` go to `execute` rather than through Kysely's executor:
 * on a cold CPU (a message every few ms) Kysely's per-statement layers cost more than SQLite does.
 * `db` must be bound to one connection that nothing else uses meanwhile (group-commit.ts). Returns the
 * function that ends this, to call before the connection is let go.
 */
export function runDirectlyOn(db: Kysely<Database>, execute: DirectExecutor): () => void {
  directly.set(db, execute);
  return () => directly.delete(db);
}

/** Stands in for a value while the statement is compiled; replaced by the caller's value at run time. */
class Slot {
  constructor(readonly name: PropertyKey) {}
}

interface Compiled<R> {
  query: CompiledQuery<R>;
  /** For each parameter of the compiled statement: the argument it takes, or undefined for a constant. */
  slots: Array<PropertyKey | undefined>;
}

/** A statement compiled once per dialect. */
export interface Prepared<A, R> {
  /** Runs the statement on `db` (a connection or a transaction) with `args`. */
  run(db: Kysely<Database>, args: A): Promise<QueryResult<R>>;
  /** The first row, if any. */
  first(db: Kysely<Database>, args: A): Promise<R | undefined>;
}

/**
 * Prepares the statement `build` writes. Inside `build`, each property of `args` stands for the value the
 * caller passes under that name; use it only as a value (a parameter), never to choose the statement's
 * shape, since `build` runs once.
 */
export function prepare<A extends object, R>(
  build: (db: Kysely<Database>, args: A) => Compilable<R>,
): Prepared<A, R> {
  const slots = new Proxy({} as A, {
    get: (_target, name) => new Slot(name),
  });
  // Keyed by the dialect's adapter: transactions are new Kysely instances over the same adapter.
  const byDialect = new WeakMap<object, Compiled<R>>();
  const compile = (db: Kysely<Database>): Compiled<R> => {
    const adapter = db.getExecutor().adapter;
    let compiled = byDialect.get(adapter);
    if (!compiled) {
      const query = build(db, slots).compile();
      compiled = {
        query,
        slots: query.parameters.map((p) => (p instanceof Slot ? p.name : undefined)),
      };
      byDialect.set(adapter, compiled);
    }
    return compiled;
  };
  const run = (db: Kysely<Database>, args: A): Promise<QueryResult<R>> => {
    const { query, slots: names } = compile(db);
    const parameters = query.parameters.map((constant, i) => {
      const name = names[i];
      return name === undefined ? constant : args[name as keyof A];
    });
    const execute = directly.get(db);
    // A throw inside the executor function becomes the promise's rejection, as Kysely's would.
    if (execute)
      return new Promise((resolve) => resolve(execute(query.sql, parameters) as QueryResult<R>));
    return db.executeQuery<R>({ ...query, parameters });
  };
  return {
    run,
    first: async (db, args) => (await run(db, args)).rows[0],
  };
}
