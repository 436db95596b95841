/** Every migration, in order. Forward-only: a released migration is never edited, only followed by a new one. */
import type { Migration, MigrationProvider } from 'kysely';
import { accountsAndOrganizations } from './0001-accounts-and-organizations.ts';
import { conversations } from './0002-conversations.ts';
import { fourTasks } from './0003-four-tasks.ts';
import { push } from './0004-push.ts';
import { pushNotices } from './0005-push-notices.ts';
import { presenceChoice } from './0006-presence-choice.ts';

/** Name → migration. Names sort in the order they must run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts-and-organizations': accountsAndOrganizations,
  '0002-conversations': conversations,
  '0003-four-tasks': fourTasks,
  '0004-push': push,
  '0005-push-notices': pushNotices,
  '0006-presence-choice': presenceChoice,
};

/** Hands Kysely's Migrator the list above; no files are read at run time. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
