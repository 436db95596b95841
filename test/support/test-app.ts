/** Builds a real app (real database, real argon2) for tests, on SQLite in memory or a fresh PostgreSQL schema. */
import { composeApp, type AppContext, type ComposeOptions } from '../../src/app/compose.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import { createPgSchema, type TestDatabase } from './databases.ts';

/** An app context plus cleanup of whatever the test created. */
export interface TestApp {
  ctx: AppContext;
  close(): Promise<void>;
}

/** Composes the app against `db` with test-friendly settings; `env` overrides any variable. */
export async function createTestApp(
  db: TestDatabase,
  env: Record<string, string> = {},
  options: ComposeOptions = {},
): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    WEB_DIST: 'test/support/no-web-build',
    SHUTDOWN_GRACE_MS: '1000',
    ...env,
  });
  // A caller that passes its own pgSchema (to start again on the same data) creates and drops it.
  const schema =
    db.name === 'postgres' && !options.pgSchema ? await createPgSchema(db.url) : undefined;
  const ctx = await composeApp(config, {
    logger: createLogger('silent'),
    ...(schema ? { pgSchema: schema.schema } : {}),
    ...options,
  });
  return {
    ctx,
    close: async () => {
      await ctx.close();
      await schema?.drop();
    },
  };
}
