/**
 * Notices when Mutual is closed (Web Push): each device's push endpoint, tied to the session that made it so
 * that signing out stops it, and the installation's own key pair for signing pushes (VAPID).
 */
import type { Kysely, Migration } from 'kysely';

const id = 'varchar(36)';
const time = 'varchar(30)';

export const push: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('push_subscriptions')
      // The browser's endpoint is the identity: a device re-subscribing moves it, never copies it.
      .addColumn('endpoint', 'varchar(1000)', (c) => c.primaryKey())
      .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('session_id', id, (c) => c.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn('created_at', time, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('push_subscriptions_user_idx')
      .on('push_subscriptions')
      .column('user_id')
      .execute();
    await db.schema
      .createIndex('push_subscriptions_session_idx')
      .on('push_subscriptions')
      .column('session_id')
      .execute();

    await db.schema
      .createTable('server_keys')
      .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .execute();
  },
};
