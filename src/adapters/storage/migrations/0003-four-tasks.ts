/** Reflections (rounds, per-person reflections, practice circles), intentions and worldview pages. */
import type { Kysely, Migration } from 'kysely';

const id = 'varchar(36)';
const time = 'varchar(30)';
const day = 'varchar(10)';

const conversationRef = 'conversations.id';

export const fourTasks: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('practice_circles')
      .addColumn('conversation_id', id, (c) =>
        c.primaryKey().references(conversationRef).onDelete('cascade'),
      )
      .addColumn('marked_by', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('marked_at', time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('reflection_rounds')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('conversation_id', id, (c) =>
        c.notNull().references(conversationRef).onDelete('cascade'),
      )
      .addColumn('started_by', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('title', 'varchar(120)', (c) => c.notNull())
      .addColumn('period_start', day)
      .addColumn('period_end', day)
      .addColumn('created_at', time, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('reflection_rounds_conversation_idx')
      .on('reflection_rounds')
      .column('conversation_id')
      .execute();

    await db.schema
      .createTable('reflections')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('round_id', id, (c) =>
        c.notNull().references('reflection_rounds.id').onDelete('cascade'),
      )
      .addColumn('conversation_id', id, (c) =>
        c.notNull().references(conversationRef).onDelete('cascade'),
      )
      .addColumn('author_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('rating_connection', 'integer', (c) => c.notNull())
      .addColumn('rating_worldview', 'integer', (c) => c.notNull())
      .addColumn('rating_mutuality', 'integer', (c) => c.notNull())
      .addColumn('rating_moving_toward', 'integer', (c) => c.notNull())
      .addColumn('note_connection', 'text', (c) => c.notNull())
      .addColumn('note_worldview', 'text', (c) => c.notNull())
      .addColumn('note_mutuality', 'text', (c) => c.notNull())
      .addColumn('note_moving_toward', 'text', (c) => c.notNull())
      .addColumn('try_next', 'text')
      .addColumn('visibility', 'varchar(10)', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .addUniqueConstraint('reflections_round_author_uq', ['round_id', 'author_id'])
      .execute();
    await db.schema
      .createIndex('reflections_author_idx')
      .on('reflections')
      .column('author_id')
      .execute();

    await db.schema
      .createTable('intentions')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('conversation_id', id, (c) => c.references(conversationRef).onDelete('cascade'))
      .addColumn('owner_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('why', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('intentions_conversation_idx')
      .on('intentions')
      .column('conversation_id')
      .execute();
    await db.schema
      .createIndex('intentions_owner_idx')
      .on('intentions')
      .column('owner_id')
      .execute();

    await db.schema
      .createTable('intention_steps')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('intention_id', id, (c) =>
        c.notNull().references('intentions.id').onDelete('cascade'),
      )
      .addColumn('text', 'varchar(300)', (c) => c.notNull())
      .addColumn('added_by', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('taken_by', id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('done_by', id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('done_at', time)
      .addColumn('created_at', time, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('intention_steps_intention_idx')
      .on('intention_steps')
      .column('intention_id')
      .execute();

    await db.schema
      .createTable('intention_check_ins')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('intention_id', id, (c) =>
        c.notNull().references('intentions.id').onDelete('cascade'),
      )
      .addColumn('author_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('intention_check_ins_intention_idx')
      .on('intention_check_ins')
      .column('intention_id')
      .execute();

    await db.schema
      .createTable('intention_changes')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('intention_id', id, (c) =>
        c.notNull().references('intentions.id').onDelete('cascade'),
      )
      .addColumn('actor_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('action', 'varchar(20)', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('at', time, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('intention_changes_intention_idx')
      .on('intention_changes')
      .column('intention_id')
      .execute();

    await db.schema
      .createTable('worldview_pages')
      .addColumn('user_id', id, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      // JSON object: prompt key -> the person's answer.
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('worldview_grants')
      .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('conversation_id', id, (c) =>
        c.notNull().references(conversationRef).onDelete('cascade'),
      )
      .addColumn('granted_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('worldview_grants_pk', ['user_id', 'conversation_id'])
      .execute();
    await db.schema
      .createIndex('worldview_grants_conversation_idx')
      .on('worldview_grants')
      .column('conversation_id')
      .execute();
  },
};
