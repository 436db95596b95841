/**
 * When each person last got a push for each conversation. Kept in the store, not in a node's memory, so the
 * quiet spell after a push holds across nodes and restarts, and a node that starts again can tell which
 * conversations' messages were never pushed.
 */
import type { Kysely, Migration } from 'kysely';

const id = 'varchar(36)';
const time = 'varchar(30)';

export const pushNotices: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('push_notices')
      .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('conversation_id', id, (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('pushed_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('push_notices_pk', ['user_id', 'conversation_id'])
      .execute();
    await db.schema
      .createIndex('push_notices_conversation_idx')
      .on('push_notices')
      .column('conversation_id')
      .execute();
  },
};
