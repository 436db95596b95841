/** Worldview page routes: one's own page, who may read it, and the pages shared with a conversation. */
import type { Hono } from 'hono';
import type { AppContext } from '../../app/compose.ts';
import { worldviewRoutes as r } from '../../contract/four-tasks.routes.ts';
import type { AppEnv } from './env.ts';
import { presentPage, presentReaders } from './four-tasks.presenters.ts';
import { register } from './register.ts';

export function worldviewRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { worldview } = ctx.fourTasks;

  register(app, r.getMyWorldview, async ({ auth }) => {
    const { page, readers } = await worldview.mine(auth.user.id);
    return { page: presentPage(page, auth.user.displayName), readers: presentReaders(readers) };
  });

  register(app, r.saveMyWorldview, async ({ auth, body }) => {
    const { page, readers } = await worldview.save(auth.user.id, {
      body: body.body,
      answers: body.answers,
    });
    return { page: presentPage(page, auth.user.displayName), readers: presentReaders(readers) };
  });

  register(app, r.grantWorldview, async ({ auth, params }) => ({
    readers: presentReaders(await worldview.grant(auth.user.id, params.conversationId)),
  }));

  register(app, r.revokeWorldview, async ({ auth, params }) => ({
    readers: presentReaders(await worldview.revoke(auth.user.id, params.conversationId)),
  }));

  register(app, r.listSharedWorldviews, async ({ auth, params }) => ({
    pages: (await worldview.listShared(auth.user.id, params.conversationId)).map((p) =>
      presentPage(p.page, p.displayName),
    ),
  }));

  register(app, r.getWorldview, async ({ auth, params }) => {
    const { page, displayName } = await worldview.read(auth.user.id, params.userId);
    return presentPage(page, displayName);
  });
}
