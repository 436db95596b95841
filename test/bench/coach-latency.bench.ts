/**
 * Coach on-screen latency in the real app: two people connect in Chromium, one types drafts into the
 * composer, and the app's own `coach-latency` performance measure (last keystroke → findings painted,
 * including the coach's typing pause) is collected. Prints p50/p95/max; not a pass/fail test.
 * Run: npx tsx test/bench/coach-latency.bench.ts
 */
import { rmSync } from 'node:fs';
import { startTestServer } from '../support/test-server.ts';
import { HAS_CHROMIUM, launch, SKIP_REASON } from '../e2e/support/browser.ts';
import { ensureWebBuild } from '../e2e/support/build.ts';
import { adminAndPeer } from '../e2e/support/flows.ts';

const DRAFTS = [
  'you should just call your doctor',
  'i hear you. what was that like for you?',
  'dont worry, it will be fine, everyone feels that way sometimes',
  'when I went through something like this, what helped me was walking. would it help if I shared more?',
  'have you tried meditation? it really works',
  'it sounds like everything felt heavy after she left',
  'we could figure out together what you want evenings to look like',
  'if you keep this up you will end up back in hospital',
  'thats just your depression talking',
  'what would you like to create this week?',
];
const ROUNDS = 6;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  if (!HAS_CHROMIUM) {
    console.warn(`[skip] ${SKIP_REASON}`);
    return;
  }
  const web = await ensureWebBuild();
  const srv = await startTestServer(
    { name: 'sqlite', url: 'sqlite::memory:' },
    { WEB_DIST: web, AUTH_LIMIT_PER_IP: '1000' },
  );
  const tb = await launch(srv.url);
  try {
    const { a, p, peer } = await adminAndPeer(tb, 'Bench Peers');
    await a.goto('/');
    await a.getByLabel('Person').selectOption({ label: peer.displayName });
    await a.getByRole('button', { name: 'Invite to connect' }).click();
    await p.goto('/');
    await p.getByRole('button', { name: 'Accept' }).click();
    await p.waitForURL(/\/c\//);
    const box = p.getByLabel('Your message');
    await box.waitFor();
    await p
      .getByTestId('coach')
      .getByText(/all clear|to look at/)
      .waitFor();
    const count = () => p.evaluate(() => performance.getEntriesByName('coach-latency').length);
    for (let round = 0; round < ROUNDS; round++) {
      for (const draft of DRAFTS) {
        await box.fill('');
        const before = await count();
        // Typing speed of a quick phone typist: about 12 characters a second.
        await box.pressSequentially(draft, { delay: 80 });
        for (let i = 0; i < 100 && (await count()) === before; i++) await p.waitForTimeout(10);
      }
    }
    const all = await p.evaluate(() =>
      performance.getEntriesByName('coach-latency').map((e) => e.duration),
    );
    const sorted = [...all].sort((x, y) => x - y);
    const figures = {
      samples: sorted.length,
      pause_ms: 60,
      p50_ms: Number(pct(sorted, 0.5).toFixed(1)),
      p95_ms: Number(pct(sorted, 0.95).toFixed(1)),
      max_ms: Number((sorted.at(-1) ?? NaN).toFixed(1)),
    };
    console.log(
      'coach on-screen latency (last keystroke → findings painted, including the pause):',
    );
    console.log(JSON.stringify(figures));
  } finally {
    await tb.close();
    await srv.close();
    rmSync(web, { recursive: true, force: true });
  }
}

await main();
