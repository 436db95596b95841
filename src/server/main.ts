/** Starts Mutual's HTTP server (and anything attached to it) and stops it gracefully. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppContext } from '../app/compose.ts';
import { createHttpApp, type RouteModule } from './http/app.ts';

/** Something that lives on the HTTP server (the WebSocket gateway) and must stop before the database closes. */
export interface Attachment {
  /** Stops taking new work and ends its connections. */
  close(): Promise<void>;
}

export type Attach = (server: Server, ctx: AppContext) => Attachment;

export interface StartOptions {
  modules?: RouteModule[];
  attach?: Attach[];
}

/** A running server. */
export interface RunningServer {
  port: number;
  url: string;
  server: Server;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes the database. */
  close(): Promise<void>;
}

/** Listens on the configured host and port (0 picks a free port). */
export async function startServer(
  ctx: AppContext,
  options: StartOptions = {},
): Promise<RunningServer> {
  const app = createHttpApp(ctx, options.modules);
  void ctx.accounts.warmUp();
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: ctx.config.port, hostname: ctx.config.host }, () =>
      resolve(s as Server),
    );
    s.once('error', reject);
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const attachments = (options.attach ?? []).map((attach) => attach(server, ctx));
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all(attachments.map((a) => a.close()));
      // The grace timer keeps the process alive while requests finish; it is cleared once they have.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ctx.config.shutdownGraceMs);
      });
      await Promise.race([stopped, grace]);
      clearTimeout(timer);
      server.closeAllConnections();
      await ctx.close();
    })();
    return closing;
  };

  return { port, url: `http://localhost:${port}`, server, close };
}
