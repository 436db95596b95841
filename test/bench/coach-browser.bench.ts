/**
 * Browser benchmark for the coach: bundles src/nlp with Vite (library mode, minified) into a temp dir,
 * prints the gzip size of that chunk, then loads it in headless Debian Chromium (playwright-core) and
 * times the analysis of a 2,000-character draft (target <= 16 ms): median and p95 of repeated runs.
 * Run: npx tsx test/bench/coach-browser.bench.ts   (needs /usr/bin/chromium: apt-get install -y chromium)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { longDraft } from './coach-messages.ts';

const ENTRY = fileURLToPath(new URL('../../src/nlp/index.ts', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Figures the browser benchmark reports. */
export interface BrowserFigures {
  gzipBytes: number;
  rawBytes: number;
  medianMs: number;
  p95Ms: number;
  runs: number;
}

async function bundle(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: ENTRY, formats: ['es'], fileName: () => 'coach.js' },
    },
  });
  const file = readdirSync(outDir).find((f) => f.endsWith('.js'));
  if (!file) throw new Error('vite produced no chunk');
  return readFileSync(join(outDir, file), 'utf8');
}

/** Bundles, measures the chunk, runs the 2,000-character timing in Chromium and prints the figures. */
export async function runBrowserBench(): Promise<BrowserFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'coach-bundle-'));
  try {
    const code = await bundle(outDir);
    const rawBytes = Buffer.byteLength(code);
    const gzipBytes = gzipSync(code, { level: 9 }).length;
    console.log(
      `browser chunk: ${(rawBytes / 1024).toFixed(1)} KiB minified, ${(gzipBytes / 1024).toFixed(1)} KiB gzip`,
    );
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      // Served from an intercepted origin: nothing leaves the machine, and ES modules load as on the web.
      await page.route('http://coach.test/**', (route) => {
        const isScript = route.request().url().endsWith('.js');
        return route.fulfill({
          status: 200,
          contentType: isScript ? 'text/javascript' : 'text/html',
          body: isScript ? code : '<!doctype html><title>coach</title>',
        });
      });
      await page.goto('http://coach.test/index.html');
      const draft = longDraft(2000);
      const runs = 200;
      const result = await page.evaluate(
        async ({ text, n, url }) => {
          const loadStart = performance.now();
          const coach = (await import(url)) as {
            analyze: (t: string) => unknown;
          };
          const loadMs = performance.now() - loadStart;
          const firstStart = performance.now();
          coach.analyze(text);
          const firstMs = performance.now() - firstStart;
          for (let i = 0; i < 30; i++) coach.analyze(text);
          const out: number[] = [];
          for (let i = 0; i < n; i++) {
            const t0 = performance.now();
            coach.analyze(text);
            out.push(performance.now() - t0);
          }
          return { out, loadMs, firstMs };
        },
        { text: draft, n: runs, url: 'http://coach.test/coach.js' },
      );
      const { out: times, loadMs, firstMs } = result;
      times.sort((a, b) => a - b);
      const medianMs = times[Math.floor(runs / 2)] ?? NaN;
      const p95Ms = times[Math.floor(runs * 0.95)] ?? NaN;
      console.log(
        `browser: ${draft.length}-char draft in headless Chromium: median ${medianMs.toFixed(2)} ms, p95 ${p95Ms.toFixed(2)} ms over ${runs} runs (target <= 16 ms)`,
      );
      console.log(
        `browser: module load and rule compile ${loadMs.toFixed(1)} ms, first analysis ${firstMs.toFixed(1)} ms`,
      );
      return { gzipBytes, rawBytes, medianMs, p95Ms, runs };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runBrowserBench();
}
