/** People, sessions, organizations, memberships and invitations. */
import type { Kysely, Migration } from 'kysely';

export const accountsAndOrganizations: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('login', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('display_name', 'varchar(80)', (c) => c.notNull())
      .addColumn('pronouns', 'varchar(40)')
      .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('user_agent', 'varchar(300)')
      .addColumn('revoked_at', 'varchar(30)')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('organizations')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('slug', 'varchar(60)', (c) => c.notNull().unique())
      .addColumn('outside_services_statement', 'text', (c) => c.notNull())
      .addColumn('resources', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('org_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('joined_at', 'varchar(30)', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['org_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('memberships_user_idx')
      .on('memberships')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('invitations')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('org_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
      .addColumn('as_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('used_at', 'varchar(30)')
      .addColumn('used_by', 'varchar(36)', (c) => c.references('users.id'))
      .addColumn('revoked_at', 'varchar(30)')
      .execute();
    await db.schema.createIndex('invitations_org_idx').on('invitations').column('org_id').execute();
  },
};
