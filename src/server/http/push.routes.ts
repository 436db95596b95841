/** Notices when Mutual is closed: this device's push subscription (Web Push). */
import type { Hono } from 'hono';
import type { AppContext } from '../../app/compose.ts';
import { pushRoutes as r } from '../../contract/push.ts';
import type { AppEnv } from './env.ts';
import { register } from './register.ts';

export function pushRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { push } = ctx;

  register(app, r.getPush, async ({ auth }) => push.status(auth.session.id));

  register(app, r.subscribePush, async ({ auth, body }) => {
    await push.subscribe({ id: auth.session.id, userId: auth.user.id }, body.endpoint);
    return { ok: true as const };
  });

  register(app, r.unsubscribePush, async ({ auth }) => {
    await push.unsubscribe(auth.session.id);
    return { ok: true as const };
  });
}
