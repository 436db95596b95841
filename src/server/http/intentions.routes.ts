/** Intention routes: shared ones in a relationship or circle, personal ones, steps, check-ins. */
import type { Hono } from 'hono';
import type { AppContext } from '../../app/compose.ts';
import { intentionRoutes as r } from '../../contract/four-tasks.routes.ts';
import type { AppEnv } from './env.ts';
import { presentIntention, presentIntentionDetail } from './four-tasks.presenters.ts';
import { register } from './register.ts';

export function intentionRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { intentions } = ctx.fourTasks;

  register(app, r.listConversationIntentions, async ({ auth, params }) => ({
    intentions: (await intentions.listForConversation(auth.user.id, params.conversationId)).map(
      presentIntention,
    ),
  }));

  register(app, r.createSharedIntention, async ({ auth, params, body }) =>
    presentIntentionDetail(
      await intentions.createShared(auth.user.id, params.conversationId, body),
    ),
  );

  register(app, r.listPersonalIntentions, async ({ auth }) => ({
    intentions: (await intentions.listPersonal(auth.user.id)).map(presentIntention),
  }));

  register(app, r.createPersonalIntention, async ({ auth, body }) =>
    presentIntentionDetail(await intentions.createPersonal(auth.user.id, body)),
  );

  register(app, r.getIntention, async ({ auth, params }) =>
    presentIntentionDetail(await intentions.get(auth.user.id, params.intentionId)),
  );

  register(app, r.updateIntention, async ({ auth, params, body }) =>
    presentIntentionDetail(await intentions.update(auth.user.id, params.intentionId, body)),
  );

  register(app, r.addIntentionStep, async ({ auth, params, body }) =>
    presentIntentionDetail(await intentions.addStep(auth.user.id, params.intentionId, body.text)),
  );

  register(app, r.updateIntentionStep, async ({ auth, params, body }) =>
    presentIntentionDetail(
      await intentions.updateStep(auth.user.id, params.intentionId, params.stepId, body),
    ),
  );

  register(app, r.checkInOnIntention, async ({ auth, params, body }) =>
    presentIntentionDetail(await intentions.checkIn(auth.user.id, params.intentionId, body.note)),
  );
}
