/** Relationships, circles, their members, messages, blocks, connection invitations and per-person limits. */
import type { Kysely, Migration } from 'kysely';

const id = 'varchar(36)';
const time = 'varchar(30)';

export const conversations: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('conversations')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('org_id', id, (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(80)')
      // Relationships only: both people's ids, sorted, so a pair has at most one relationship per organization.
      .addColumn('pair_key', 'varchar(80)')
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('members_can_invite', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('last_activity_at', time)
      .addUniqueConstraint('conversations_pair_uq', ['org_id', 'pair_key'])
      .execute();

    await db.schema
      .createTable('conversation_members')
      .addColumn('conversation_id', id, (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('joined_at', time, (c) => c.notNull())
      .addColumn('left_at', time)
      .addColumn('last_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('share_read_markers', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('conversation_members_pk', ['conversation_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('conversation_members_user_idx')
      .on('conversation_members')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('conversation_id', id, (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('author_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('edited_at', time)
      .addColumn('deleted_at', time)
      .addUniqueConstraint('messages_conversation_seq_uq', ['conversation_id', 'seq'])
      .execute();

    await db.schema
      .createTable('blocks')
      .addColumn('blocker_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('blocked_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('blocks_pk', ['blocker_id', 'blocked_id'])
      .execute();
    await db.schema.createIndex('blocks_blocked_idx').on('blocks').column('blocked_id').execute();

    await db.schema
      .createTable('connection_invitations')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('org_id', id, (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('conversation_id', id, (c) => c.references('conversations.id').onDelete('cascade'))
      .addColumn('created_by', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('invitee_id', id, (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('token_hash', 'varchar(64)', (c) => c.unique())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('expires_at', time, (c) => c.notNull())
      .addColumn('responded_at', time)
      .addColumn('used_by', id, (c) => c.references('users.id').onDelete('set null'))
      .execute();
    await db.schema
      .createIndex('connection_invitations_invitee_idx')
      .on('connection_invitations')
      .columns(['invitee_id', 'status'])
      .execute();
    await db.schema
      .createIndex('connection_invitations_creator_idx')
      .on('connection_invitations')
      .columns(['created_by', 'status'])
      .execute();

    await db.schema
      .createTable('relationship_limits')
      .addColumn('conversation_id', id, (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('quiet_start', 'varchar(5)')
      .addColumn('quiet_end', 'varchar(5)')
      .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
      .addColumn('note', 'varchar(500)')
      .addColumn('updated_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('relationship_limits_pk', ['conversation_id', 'user_id'])
      .execute();
  },
};
