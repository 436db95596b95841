/** Builds the Hono app: request context, security headers, body limit, auth, API routes, health, static files. */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext } from '../../app/compose.ts';
import { newId } from '../../lib/ids.ts';
import { authRoutes } from './auth.routes.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';
import { organizationRoutes } from './organization.routes.ts';
import { securityHeaders } from './security.ts';
import { readSessionToken } from './session-cookie.ts';
import { staticRoutes } from './static.ts';

/** Extra routes a later part of the app adds (real-time, conversations…), given the same context. */
export type RouteModule = (app: Hono<AppEnv>, ctx: AppContext) => void;

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as AppEnv['Bindings'] | undefined)?.incoming.socket.remoteAddress ?? 'unknown';
}

/** True when a state-changing request comes from a page of ours (or a non-browser client). */
function isSameOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function createHttpApp(ctx: AppContext, modules: RouteModule[] = []): Hono<AppEnv> {
  const { config, logger, accounts } = ctx;
  const app = new Hono<AppEnv>();

  app.onError((error, c) => errorResponse(c, error, logger));
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: 'There is nothing at this address.' } }, 404),
  );

  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('requestId', newId());
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- Hono types a middleware's input as any
    c.set('ip', clientIp(c, config.trustProxy));
    const started = performance.now();
    await next();
    logger.debug(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) =>
    (await ctx.db.isReady()) ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable' }, 503),
  );

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'payload_too_large',
              message: `The request body is larger than ${config.bodyLimitBytes} bytes.`,
            },
          },
          413,
        ),
    }),
  );
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (!isSameOrigin(c.req.header('origin'), c.req.header('host'), config.allowedOrigins)) {
        return c.json(
          { error: { code: 'forbidden', message: 'This request came from another site.' } },
          403,
        );
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- Hono types a middleware's input as any
    const token = readSessionToken(c);
    const found = token ? await accounts.authenticate(token) : undefined;
    c.set('auth', found && token ? { ...found, token } : undefined);
    await next();
  });

  authRoutes(app, ctx);
  organizationRoutes(app, ctx);
  for (const add of modules) add(app, ctx);
  staticRoutes(app, config.webDist);
  return app;
}
