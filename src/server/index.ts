/** The whole Mutual server: every route module and attachment, started together. Tests and the CLI use this. */
import type { AppContext } from '../app/compose.ts';
import type { RouteModule } from './http/app.ts';
import { connectionRoutes } from './http/connections.routes.ts';
import { conversationRoutes } from './http/conversations.routes.ts';
import { fourTasksModule } from './http/four-tasks.module.ts';
import { pushRoutes } from './http/push.routes.ts';
import { type Attach, type RunningServer, startServer } from './main.ts';
import { gatewayAttachment } from './ws/gateway.ts';

/** Route modules beyond accounts and organizations, in registration order. */
export const ROUTE_MODULES: RouteModule[] = [
  conversationRoutes,
  connectionRoutes,
  fourTasksModule,
  pushRoutes,
];

/** Things attached to the HTTP server (e.g. the WebSocket gateway). */
export const ATTACHMENTS: Attach[] = [gatewayAttachment()];

/**
 * Starts the full server for `ctx`. A node that serves also picks up the push checks a stopped node dropped
 * (one-off CLI commands compose the app too, and must not push).
 */
export async function startMutual(ctx: AppContext): Promise<RunningServer> {
  const running = await startServer(ctx, { modules: ROUTE_MODULES, attach: ATTACHMENTS });
  // Failing to read them must not keep the node from serving.
  await ctx.push
    .resume()
    .catch((err: unknown) => ctx.logger.error({ err }, 'push checks not resumed'));
  return running;
}

export type { RunningServer } from './main.ts';
