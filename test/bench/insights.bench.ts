/**
 * Insights benchmark: 5,000 messages between two people over ~20 weeks. Prints, for Node and (when
 * /usr/bin/chromium exists) headless Chromium: the first view (every message analyzed by the coach), a full
 * recomputation with the per-message signals cached (target < 200 ms), and one new message arriving.
 * Figures, not a pass/fail test. Run: npx tsx test/bench/insights.bench.ts
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type InsightTimings, runInsightsWorkload } from './insights-workload.ts';

const fmt = (t: InsightTimings, where: string) =>
  `${where.padEnd(9)} ${t.messages} messages, ${t.weeks} weeks: first view ${t.coldMs.toFixed(1)} ms (coach on every message) · ` +
  `recompute ${t.recomputeMs.toFixed(2)} ms (target < 200 ms) · one new message ${t.oneNewMs.toFixed(2)} ms`;

const node = runInsightsWorkload(5000);
console.log(fmt(node, 'node'));

async function inChromium(): Promise<InsightTimings> {
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'insights-bench-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { runInsightsWorkload } from ${JSON.stringify(join(process.cwd(), 'test/bench/insights-workload.ts'))};\n` +
        '(globalThis as any).runInsightsWorkload = runInsightsWorkload;\n',
    );
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      minify: true,
    });
    const code = out.outputFiles[0]?.text ?? '';
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.goto('about:blank');
      await page.evaluate(code);
      return await page.evaluate(() =>
        (
          globalThis as unknown as { runInsightsWorkload(n: number): InsightTimings }
        ).runInsightsWorkload(5000),
      );
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let browser: InsightTimings | null = null;
if (existsSync('/usr/bin/chromium')) {
  try {
    browser = await inChromium();
    console.log(fmt(browser, 'chromium'));
  } catch (error) {
    console.log(`chromium benchmark failed: ${(error as Error).message}`);
  }
} else {
  console.log('chromium benchmark skipped: /usr/bin/chromium not found');
}
console.log(
  JSON.stringify({
    node_recompute_ms: +node.recomputeMs.toFixed(2),
    node_first_view_ms: +node.coldMs.toFixed(1),
    chromium_recompute_ms: browser ? +browser.recomputeMs.toFixed(2) : null,
    chromium_first_view_ms: browser ? +browser.coldMs.toFixed(1) : null,
  }),
);
