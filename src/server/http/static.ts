/** Serves the built web app, with index.html for client-side routes and long caching for hashed assets. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Mutual</title>
<body><main><h1>Mutual is running</h1><p>The web app has not been built yet. Run <code>npm run build</code>
(or start with <code>npm start</code>, which builds it), then reload this page.</p></main></body></html>`;

export function staticRoutes(app: Hono<AppEnv>, webDist: string): void {
  const indexPath = join(webDist, 'index.html');
  const hasBuild = existsSync(indexPath);
  const index = hasBuild ? readFileSync(indexPath, 'utf8') : NOT_BUILT;

  if (hasBuild) {
    app.use(
      '/assets/*',
      serveStatic({
        root: webDist,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('/favicon.svg', serveStatic({ root: webDist }));
    // The service worker keeps its fixed name (its scope is '/'); no-cache so a changed one reaches people.
    app.use(
      '/sw.js',
      serveStatic({ root: webDist, onFound: (_path, c) => c.header('Cache-Control', 'no-cache') }),
    );
  }

  // Anything else that is a page (not the API) gets the app shell; the client routes it.
  app.get('*', (c) => {
    const path = c.req.path;
    // A missing /sw.js is a plain 404, not the HTML shell under a worker's name.
    if (path.startsWith('/api/') || path.startsWith('/assets/') || path === '/sw.js')
      return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(index);
  });
}
