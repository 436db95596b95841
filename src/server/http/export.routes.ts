/** The personal export: everything the caller wrote, as JSON or as a printable page. */
import type { Hono } from 'hono';
import type { AppContext } from '../../app/compose.ts';
import { exportRoutes as r } from '../../contract/four-tasks.routes.ts';
import type { AppEnv } from './env.ts';
import { presentExport, renderExportHtml } from './export.presenter.ts';
import { register } from './register.ts';

export function exportRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { exports } = ctx.fourTasks;

  register(app, r.exportJson, async ({ auth }) =>
    presentExport(await exports.collect(auth.user.id), ctx.clock.now()),
  );

  register(app, r.exportPrintable, async ({ auth, c }) => {
    const data = presentExport(await exports.collect(auth.user.id), ctx.clock.now());
    c.header('Cache-Control', 'no-store');
    return c.html(renderExportHtml(data));
  });
}
