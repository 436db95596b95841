/** Builds the web app once when dist/web is missing or older than its sources; safe when test files run in parallel. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCES = [
  'src/web',
  'src/contract',
  'src/nlp',
  'src/lib',
  'vite.config.ts',
  'scripts/bundle-report.ts',
];
const INDEX = 'dist/web/index.html';
const LOCK = 'dist/.web-build.lock';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const isStale = () =>
  !existsSync(INDEX) || SOURCES.some((s) => newest(s) > statSync(INDEX).mtimeMs);

/**
 * Runs `npx vite build` if needed (another process building at the same time is waited for), then returns a
 * private copy of dist/web for this test file to serve, so a rebuild elsewhere mid-run cannot pull the
 * hashed assets out from under a running page.
 */
export async function ensureWebBuild(): Promise<string> {
  mkdirSync('dist', { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    try {
      if (isStale()) build();
    } catch {
      // Someone else may have been building into dist/web at the same moment: one more try.
      build();
    }
    const copy = mkdtempSync(join(tmpdir(), 'mutual-web-'));
    cpSync('dist/web', copy, { recursive: true });
    return copy;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function build(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
