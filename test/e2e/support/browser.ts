/**
 * Browser test support: Debian's Chromium through playwright-core, a request log that fails on any other
 * origin, CSP and console errors collected, axe-core injected from node_modules, and screenshots.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `Browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const AXE = existsSync('node_modules/axe-core/axe.min.js')
  ? readFileSync('node_modules/axe-core/axe.min.js', 'utf8')
  : '';
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** One browser with its own fresh profile directory. */
export interface TestBrowser {
  browser: Browser;
  /** Every request URL any page made, and those that went to another origin. */
  requests: string[];
  foreign: string[];
  /** CSP violations and page errors seen. */
  problems: string[];
  /** Every request body and WebSocket frame any page sent (to prove what never leaves the browser). */
  sent: string[];
  newContext(options?: {
    width?: number;
    height?: number;
    dark?: boolean;
    /** A phone: a touch screen as the main pointer, and a mobile viewport. */
    touch?: boolean;
  }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launch(appUrl: string): Promise<TestBrowser> {
  // playwright-core gives every launch a fresh, temporary user-data-dir of its own (and refuses a
  // --user-data-dir argument outside launchPersistentContext); we point its temp dir at a fresh folder.
  const profile = mkdtempSync(join(tmpdir(), 'mutual-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    tracesDir: profile,
  });
  const origin = new URL(appUrl).origin;
  const requests: string[] = [];
  const foreign: string[] = [];
  const problems: string[] = [];
  const sent: string[] = [];
  const watch = (page: Page) => {
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
    page.on('request', (req) => {
      const body = req.postData();
      if (body) sent.push(body);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
        problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  return {
    browser,
    requests,
    foreign,
    problems,
    sent,
    async newContext(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
        baseURL: appUrl,
        ...(options.dark ? { colorScheme: 'dark' as const, reducedMotion: 'reduce' as const } : {}),
        ...(options.touch ? { isMobile: true, hasTouch: true } : {}),
      });
      context.on('request', (req) => {
        const url = req.url();
        requests.push(url);
        if (
          !url.startsWith('data:') &&
          !url.startsWith('blob:') &&
          new URL(url).origin !== origin &&
          !url.startsWith(origin.replace('http', 'ws'))
        )
          foreign.push(url);
      });
      context.on('page', watch);
      return context;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const has = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!has) {
    // The app's CSP (script-src 'self') rightly refuses page.addScriptTag({ content }) (an inline <script>),
    // so the same source is evaluated through the DevTools protocol, which CSP does not govern.
    await page.evaluate(AXE);
  }
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[]; failureSummary?: string }>;
            }>;
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .map(
          (n) =>
            `${JSON.stringify(n.target)} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)})`,
        )
        .slice(0, 3),
    }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/** Screenshots the page at desktop width and at 360 px, then restores the viewport. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 860 };
  const desktop = join(SCREENSHOT_DIR, `${name}-desktop.png`);
  const phone = join(SCREENSHOT_DIR, `${name}-360.png`);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: desktop, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: phone, fullPage: true });
  await page.setViewportSize(original);
  return [desktop, phone];
}

/** How many CSS pixels the page is wider than a `width`-px viewport (0 means it reflows without sideways scrolling). */
export async function horizontalOverflow(page: Page, width: number): Promise<number> {
  const original = page.viewportSize() ?? { width: 1280, height: 860 };
  await page.setViewportSize({ width, height: 640 });
  const over = await page.evaluate(
    (w) => Math.max(0, document.documentElement.scrollWidth - w),
    width,
  );
  await page.setViewportSize(original);
  return over;
}
