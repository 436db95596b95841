/** `mutual serve`: migrate, start the server, and stop gracefully on SIGTERM or SIGINT. */
import { composeApp } from '../../app/compose.ts';
import { loadConfig } from '../../app/config.ts';
import { yieldHelperThreads } from '../../app/helper-threads.ts';
import { startMutual } from '../../server/index.ts';
import { parseFlags, say } from '../args.ts';
import type { Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start Mutual (runs migrations first).',
  usage: `mutual serve [--port N]

Starts the web app and API on PORT (default 8080) with the database at DATABASE_URL
(default sqlite:./data/mutual.db). All settings come from environment variables; see README.md.`,
  async run(args, io) {
    const { values } = parseFlags(args, { port: { type: 'string' } });
    const env = { ...io.env, ...(values.port !== undefined ? { PORT: values.port } : {}) };
    const config = loadConfig(env);
    const ctx = await composeApp(config);
    const running = await startMutual(ctx).catch(async (error: unknown) => {
      await ctx.close();
      if ((error as { code?: string }).code === 'EADDRINUSE')
        throw new Error(
          `port ${config.port}${config.host ? ` on ${config.host}` : ''} is already in use: stop what runs there, or choose another with PORT or --port`,
        );
      throw error;
    });
    const helpers = yieldHelperThreads(config.helperThreadNice);
    // Listening for the signals before saying "ready": whoever waits for that line may stop it at once.
    const stopped = new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        say(io.stdout, `Received ${signal}: finishing requests in flight, then stopping.`);
        helpers?.stop();
        running.close().then(resolve, resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    const readyMs = Math.round(performance.now());
    ctx.logger.info(
      {
        port: running.port,
        readyMs,
        database: config.databaseUrl.split(':')[0],
        helperThreadsLowered: helpers?.lowered ?? 0,
      },
      'ready',
    );
    say(
      io.stdout,
      `Mutual is ready at ${config.publicUrl ?? running.url} (ready ${readyMs} ms after start)`,
    );
    await stopped;
    say(io.stdout, 'Stopped.');
    return 0;
  },
};
