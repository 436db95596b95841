/**
 * Coach benchmark: analyzes 10,000+ generated ~300-character drafts on one core and reports p50/p99 ms
 * per message, messages per second, tokenization alone over the same inputs and the ratio between the two
 * (best of five interleaved rounds, so load from other processes skews neither side).
 * When /usr/bin/chromium exists it also runs the browser benchmark (coach-browser.bench.ts) before the
 * final line, which is always one JSON object: {"p50_ms","p99_ms","msgs_per_s","tokenize_ratio"}.
 * Run: npm run bench:coach
 */
import { existsSync } from 'node:fs';
import { analyze } from '../../src/nlp/index.ts';
import { tokenize } from '../../src/nlp/tokenize.ts';
import { generateMessages } from './coach-messages.ts';

const COUNT = 12_000;
const messages = generateMessages(COUNT, 20261130);
const averageLength = Math.round(messages.reduce((n, m) => n + m.length, 0) / messages.length);

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

// Warm-up: let the JIT settle on both paths before measuring.
for (let round = 0; round < 3; round++) for (const m of messages) analyze(m);
for (let round = 0; round < 3; round++) for (const m of messages) tokenize(m);

// Best of several rounds, tokenize and analyze interleaved, so that other work on the machine skews
// neither side of the ratio: each figure comes from its quietest round.
const ROUNDS = 5;
let durations = new Float64Array(COUNT);
let analyzeTotal = Infinity;
let tokenizeTotal = Infinity;
let findings = 0;
let tokens = 0;
for (let round = 0; round < ROUNDS; round++) {
  const roundDurations = new Float64Array(COUNT);
  findings = 0;
  const analyzeStart = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const t0 = performance.now();
    findings += analyze(messages[i] as string).findings.length;
    roundDurations[i] = performance.now() - t0;
  }
  const analyzeRound = performance.now() - analyzeStart;
  if (analyzeRound < analyzeTotal) {
    analyzeTotal = analyzeRound;
    durations = roundDurations;
  }
  tokens = 0;
  const tokenizeStart = performance.now();
  for (let i = 0; i < COUNT; i++) tokens += tokenize(messages[i] as string).words.length;
  tokenizeTotal = Math.min(tokenizeTotal, performance.now() - tokenizeStart);
}

const sorted = durations.slice().sort();
const p50 = percentile(sorted, 0.5);
const p99 = percentile(sorted, 0.99);
const perSecond = COUNT / (analyzeTotal / 1000);
const ratio = analyzeTotal / tokenizeTotal;

console.log(
  `messages: ${COUNT} (average ${averageLength} chars, ${Math.round(tokens / COUNT)} tokens, ${(findings / COUNT).toFixed(2)} findings each)`,
);
console.log(
  `analyze:  p50 ${p50.toFixed(4)} ms, p99 ${p99.toFixed(4)} ms, ${Math.round(perSecond)} messages/s on one core (targets: p99 <= 1 ms, >= 5,000/s)`,
);
console.log(
  `tokenize: ${(tokenizeTotal / COUNT).toFixed(4)} ms per message; analyze/tokenize ratio ${ratio.toFixed(2)} (target <= 3)`,
);

if (existsSync('/usr/bin/chromium')) {
  try {
    const { runBrowserBench } = await import('./coach-browser.bench.ts');
    await runBrowserBench();
  } catch (error) {
    console.log(`browser benchmark failed: ${(error as Error).message}`);
  }
} else {
  console.log(
    'browser benchmark skipped: /usr/bin/chromium not found (apt-get install -y chromium)',
  );
}

console.log(
  JSON.stringify({
    p50_ms: Number(p50.toFixed(4)),
    p99_ms: Number(p99.toFixed(4)),
    msgs_per_s: Math.round(perSecond),
    tokenize_ratio: Number(ratio.toFixed(2)),
  }),
);
