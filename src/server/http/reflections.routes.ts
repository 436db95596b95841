/** Co-reflection routes: rounds, one's own reflection, who may read it, practice circles. */
import type { Hono } from 'hono';
import type { AppContext } from '../../app/compose.ts';
import { reflectionRoutes as r } from '../../contract/four-tasks.routes.ts';
import type { AppEnv } from './env.ts';
import { presentReflection, presentRound } from './four-tasks.presenters.ts';
import { register } from './register.ts';

export function reflectionRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { reflections } = ctx.fourTasks;

  register(app, r.listReflectionRounds, async ({ auth, params }) => {
    const list = await reflections.listRounds(auth.user.id, params.conversationId);
    return { practice: list.practice, rounds: list.rounds.map(presentRound) };
  });

  register(app, r.startReflectionRound, async ({ auth, params, body }) =>
    presentRound(await reflections.startRound(auth.user.id, params.conversationId, body)),
  );

  register(app, r.getReflectionRound, async ({ auth, params }) =>
    presentRound(await reflections.round(auth.user.id, params.roundId)),
  );

  register(app, r.writeReflection, async ({ auth, params, body }) =>
    presentRound(await reflections.write(auth.user.id, params.roundId, body)),
  );

  register(app, r.getReflection, async ({ auth, params }) =>
    presentReflection(await reflections.get(auth.user.id, params.reflectionId)),
  );

  register(app, r.setReflectionVisibility, async ({ auth, params, body }) =>
    presentReflection(
      await reflections.setVisibility(auth.user.id, params.reflectionId, body.visibility),
    ),
  );

  register(app, r.deleteReflection, async ({ auth, params }) => {
    await reflections.remove(auth.user.id, params.reflectionId);
    return { ok: true as const };
  });

  register(app, r.setPracticeCircle, async ({ auth, params, body }) => ({
    isPractice: await reflections.setPractice(auth.user.id, params.conversationId, body.isPractice),
  }));
}
