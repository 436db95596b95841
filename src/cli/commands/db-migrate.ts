/** `mutual db migrate`: bring the database schema up to date. */
import { loadConfig } from '../../app/config.ts';
import { openStore } from '../../adapters/storage/index.ts';
import { parseFlags, say } from '../args.ts';
import type { Command } from '../command.ts';

export const dbMigrateCommand: Command = {
  name: 'db migrate',
  summary: 'Apply database migrations (they also run on every start).',
  usage: `mutual db migrate

Applies every migration not yet applied to DATABASE_URL. Migrations only move forward.`,
  async run(args, io) {
    parseFlags(args, {});
    const config = loadConfig(io.env);
    const db = openStore(config.databaseUrl);
    try {
      const report = await db.migrate();
      say(
        io.stdout,
        report.applied.length
          ? `Applied ${report.applied.length} migration(s): ${report.applied.join(', ')}`
          : `The database is up to date (${report.total} migrations).`,
      );
      return 0;
    } finally {
      await db.close();
    }
  },
};
