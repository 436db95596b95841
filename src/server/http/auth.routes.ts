/** Sign up, sign in, sign out, the signed-in person and their sessions. */
import type { Hono } from 'hono';
import { authRoutes as r } from '../../contract/routes.ts';
import { normalizeLogin } from '../../core/account.service.ts';
import { DomainError } from '../../core/errors.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { AppContext } from '../../app/compose.ts';
import type { AppEnv } from './env.ts';
import { presentMe, presentSession, presentUser } from './presenters.ts';
import { register } from './register.ts';
import {
  clearSessionCookie,
  isSecureRequest,
  readSessionToken,
  writeSessionCookie,
} from './session-cookie.ts';

/** Counts an attempt against `limiter` (on every node); over the limit it throws a 429 with Retry-After. */
export async function limit(limiter: RateLimiter, key: string): Promise<void> {
  const decision = await limiter.hitEverywhere(key);
  if (!decision.allowed) {
    throw new DomainError(
      'rate_limited',
      'Too many attempts for now. Please wait a little and try again.',
      undefined,
      decision.retryAfterSeconds,
    );
  }
}

export function authRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { accounts, organizations, limits, config } = ctx;

  register(app, r.signUp, async ({ body, c }) => {
    await limit(limits.authPerIp, `ip:${c.get('ip')}`);
    await limit(limits.authPerAccount, `sign-up:${normalizeLogin(body.login)}`);
    const issued = await accounts.signUp(body, { userAgent: c.req.header('user-agent') });
    writeSessionCookie(
      c,
      issued.token,
      issued.session.expiresAt,
      isSecureRequest(c, config.trustProxy),
    );
    return presentMe(issued.user, []);
  });

  register(app, r.signIn, async ({ body, c }) => {
    await limit(limits.authPerIp, `ip:${c.get('ip')}`);
    await limit(limits.authPerAccount, `login:${normalizeLogin(body.login)}`);
    const issued = await accounts.signIn(
      body,
      { userAgent: c.req.header('user-agent') },
      readSessionToken(c),
    );
    writeSessionCookie(
      c,
      issued.token,
      issued.session.expiresAt,
      isSecureRequest(c, config.trustProxy),
    );
    return presentMe(issued.user, await organizations.listMine(issued.user.id));
  });

  register(app, r.signOut, async ({ auth, c }) => {
    const token = readSessionToken(c);
    if (token) await accounts.signOut(token);
    // A signed-out session's device gets no pushes anyway; its endpoint is not kept either.
    if (auth) await ctx.push.unsubscribe(auth.session.id);
    clearSessionCookie(c, isSecureRequest(c, config.trustProxy));
    return { ok: true as const };
  });

  register(app, r.me, async ({ auth }) =>
    presentMe(auth.user, await organizations.listMine(auth.user.id)),
  );

  register(app, r.updateMe, async ({ auth, body }) =>
    presentUser(await accounts.updateProfile(auth.user.id, body)),
  );

  register(app, r.listSessions, async ({ auth }) => {
    const withNotices = await ctx.push.sessionsWithNotices(auth.user.id);
    return {
      sessions: (await accounts.listSessions(auth.user.id)).map((s) =>
        presentSession(s, auth.session.id, withNotices.has(s.id)),
      ),
    };
  });

  register(app, r.revokeSession, async ({ auth, params, c }) => {
    await accounts.revokeSession(auth.user.id, params.sessionId);
    await ctx.push.unsubscribe(params.sessionId);
    if (params.sessionId === auth.session.id)
      clearSessionCookie(c, isSecureRequest(c, config.trustProxy));
    return { ok: true as const };
  });

  register(app, r.revokeAllSessions, async ({ auth, body, c }) => {
    const count = await accounts.revokeAllSessions(
      auth.user.id,
      body.keepCurrent ? auth.session.id : undefined,
    );
    if (!body.keepCurrent) clearSessionCookie(c, isSecureRequest(c, config.trustProxy));
    return { count };
  });
}
