/**
 * Which statements erase what people wrote. On SQLite a row's old version stays in the write-ahead log
 * after an edit or a delete until the log is reused or truncated; a statement that rewrites or deletes a
 * row of these tables makes the checkpointer truncate the log soon after (sqlite-database.ts).
 */

/**
 * Tables that hold people's own words (messages, notes, reflections, intentions, worldview pages) or their
 * names and password hashes. `words.test.ts` checks every table of the schema with such a column is here.
 */
export const TABLES_WITH_WORDS: ReadonlySet<string> = new Set([
  'messages',
  'users',
  'relationship_limits',
  'reflection_rounds',
  'reflections',
  'intentions',
  'intention_steps',
  'intention_check_ins',
  'intention_changes',
  'worldview_pages',
]);

/** `update "t"` or `delete from "t"`, as Kysely compiles them (and as hand-written SQL reads). */
const REWRITE = /^\s*(?:update|delete\s+from)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i;

/** Whether `sql` rewrites or deletes rows of a table that holds people's words. */
export function erasesWords(sql: string): boolean {
  const table = REWRITE.exec(sql)?.[1];
  return table !== undefined && TABLES_WITH_WORDS.has(table.toLowerCase());
}
