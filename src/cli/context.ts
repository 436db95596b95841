/** Opens the app for a one-off command (no server), with quiet logs, and always closes it. */
import { composeApp, type AppContext } from '../app/compose.ts';
import { ConfigError, loadConfig } from '../app/config.ts';
import { createLogger } from '../app/logger.ts';
import { DomainError } from '../core/errors.ts';
import type { CliIo } from './command.ts';
import { say } from './args.ts';

/** Runs `work` with an app context; domain and configuration errors print plainly and exit 1. */
export async function withApp(
  io: CliIo,
  work: (ctx: AppContext) => Promise<number>,
): Promise<number> {
  let ctx: AppContext | undefined;
  try {
    const config = loadConfig(io.env);
    ctx = await composeApp(config, { logger: createLogger('warn') });
    return await work(ctx);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DomainError) {
      say(io.stderr, `mutual: ${error.message}`);
      if (error instanceof DomainError && error.fields) {
        for (const [field, message] of Object.entries(error.fields))
          say(io.stderr, `  ${field}: ${message}`);
      }
      return 1;
    }
    throw error;
  } finally {
    await ctx?.close();
  }
}

/** The address people open, for printed links. */
export function baseUrl(ctx: AppContext): string {
  return ctx.config.publicUrl ?? `http://localhost:${ctx.config.port || 8080}`;
}
