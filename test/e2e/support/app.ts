/** The web app built and served on SQLite in memory, with Chromium pointed at it. */
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { launch, type TestBrowser } from './browser.ts';
import { ensureWebBuild } from './build.ts';

export interface BrowserApp {
  srv: TestServer;
  tb: TestBrowser;
  /** Closes both, then checks that no page reached another origin, broke the CSP or threw. */
  close(): Promise<void>;
}

/** `env` adds to or overrides the server's settings (PUSH_SERVICES=none, say). */
export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserApp> {
  const web = await ensureWebBuild();
  const srv = await startTestServer(
    { name: 'sqlite', url: 'sqlite::memory:' },
    { WEB_DIST: web, AUTH_LIMIT_PER_IP: '1000', ...env },
  );
  const tb = await launch(srv.url).catch(async (error: unknown) => {
    await srv.close();
    throw error;
  });
  return {
    srv,
    tb,
    close: async () => {
      await tb.close();
      await srv.close();
      if (web !== 'dist/web') rmSync(web, { recursive: true, force: true });
      expect(tb.foreign, 'requests to other origins').toEqual([]);
      expect(tb.problems, 'CSP violations and page errors').toEqual([]);
    },
  };
}
