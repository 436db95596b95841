/** Conversations and their messages over HTTP: list, detail, history by seq, post (idempotent), edit, delete, read. */
import type { Hono } from 'hono';
import { PostMessageResult } from '../../contract/conversations.ts';
import { conversationRoutes as r } from '../../contract/routes.ts';
import { MINUTE_MS } from '../../lib/clock.ts';
import { RateLimiter } from '../../core/rate-limiter.ts';
import type { AppContext } from '../../app/compose.ts';
import { limit } from './auth.routes.ts';
import type { AppEnv } from './env.ts';
import { presentDetail, presentMessage, presentSummary } from './conversation.presenters.ts';
import { register } from './register.ts';

/** Writes (posts, edits, deletes) one person may make over HTTP per minute; generous for people, not for scripts. */
export const HTTP_MESSAGE_WRITES_PER_MINUTE = 300;

export function conversationRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { messaging, conversations } = ctx;
  const writes = new RateLimiter(HTTP_MESSAGE_WRITES_PER_MINUTE, MINUTE_MS, ctx.clock, {
    counter: ctx.sharedCounter,
    name: 'http-writes',
  });

  register(app, r.listConversations, async ({ auth }) => ({
    conversations: (await messaging.listConversations(auth.user.id)).map(presentSummary),
  }));

  register(app, r.getConversation, async ({ auth, params }) =>
    presentDetail(await conversations.get(auth.user.id, params.conversationId)),
  );

  register(app, r.listMessages, async ({ auth, params, query }) => {
    const page = await messaging.page(auth.user.id, params.conversationId, query);
    return { messages: page.messages.map(presentMessage), lastSeq: page.lastSeq };
  });

  register(app, r.postMessage, async ({ auth, params, body, c }) => {
    await limit(writes, auth.user.id);
    const result = await messaging.post(auth.user.id, {
      conversationId: params.conversationId,
      ...body,
    });
    const out = PostMessageResult.parse({
      message: presentMessage(result.message),
      duplicate: result.duplicate,
    });
    // A retry gets the stored original with 200, so a client can tell it from a first store (201).
    return result.duplicate ? c.json(out, 200) : out;
  });

  register(app, r.editMessage, async ({ auth, params, body }) => {
    await limit(writes, auth.user.id);
    return presentMessage(
      await messaging.edit(auth.user.id, {
        conversationId: params.conversationId,
        id: params.messageId,
        text: body.text,
      }),
    );
  });

  register(app, r.deleteMessage, async ({ auth, params }) => {
    await limit(writes, auth.user.id);
    return presentMessage(
      await messaging.remove(auth.user.id, {
        conversationId: params.conversationId,
        id: params.messageId,
      }),
    );
  });

  register(app, r.markRead, async ({ auth, params, body }) => {
    await messaging.markRead(auth.user.id, params.conversationId, body.seq);
    return { ok: true as const };
  });

  register(app, r.updateSettings, async ({ auth, params, body }) => {
    await conversations.setShareReadMarkers(
      auth.user.id,
      params.conversationId,
      body.shareReadMarkers,
    );
    return { ok: true as const };
  });

  register(app, r.getLimits, async ({ auth, params }) => ({
    limits: await conversations.limits(auth.user.id, params.conversationId),
  }));

  register(app, r.putLimits, async ({ auth, params, body }) => ({
    limits: await conversations.setLimits(auth.user.id, params.conversationId, body),
  }));
}
