/**
 * Whether a person shows as online: their own choice, kept with their account so it holds on every device
 * and every node (it used to live in one browser's storage).
 */
import type { Kysely, Migration } from 'kysely';

export const presenceChoice: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('users')
      .addColumn('presence_hidden', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
