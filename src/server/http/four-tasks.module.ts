/** The four-tasks route modules (reflections, intentions, worldview pages, export) registered together. */
import type { Hono } from 'hono';
import type { AppContext } from '../../app/compose.ts';
import type { AppEnv } from './env.ts';
import { exportRoutes } from './export.routes.ts';
import { intentionRoutes } from './intentions.routes.ts';
import { reflectionRoutes } from './reflections.routes.ts';
import { worldviewRoutes } from './worldview.routes.ts';

export function fourTasksModule(app: Hono<AppEnv>, ctx: AppContext): void {
  reflectionRoutes(app, ctx);
  intentionRoutes(app, ctx);
  worldviewRoutes(app, ctx);
  exportRoutes(app, ctx);
}
