/** The insights benchmark's workload, shared by Node and the browser: 5,000 made-up messages and the timings. */
import { analyze } from '../../src/nlp/index.ts';
import { computeInsights } from '../../src/web/features/insights/compute.ts';
import { readInsights, readMyCoach } from '../../src/web/features/insights/reading.ts';
import { type InsightMessage, SignalCache } from '../../src/web/features/insights/signals.ts';

// Written for this benchmark: everyday peer-support texting, questions, "we" language, a little advice.
const BANK = [
  'what happened after you got home last night?',
  'how are you feeling about the move now that it is closer',
  'we could try that walk by the river again on saturday, lets see how the weather is',
  'it sounds like the meeting took a lot out of you',
  'when I went through something like that, music helped me a bit',
  'you should really just call them tomorrow',
  'dont worry, it will all be fine',
  'ok thanks, talk later',
  'I keep thinking about what you said about your sister. what was that like for you?',
  'lol yes same here honestly',
  'that sounds really hard. I am here.',
  'maybe we can plan something together next week, what would you like to do?',
  'have you tried going to bed earlier',
  'I wonder how you make sense of it all',
  'I had a rough morning too, the bus never came and I felt stuck',
];

/** `count` messages between two people over about 20 weeks, deterministic. */
export function makeMessages(
  count: number,
  people: [string, string] = ['p-a', 'p-b'],
): InsightMessage[] {
  const start = Date.parse('2026-06-01T08:00:00.000Z');
  const span = 140 * 86_400_000;
  const out: InsightMessage[] = [];
  let seed = 20261130;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < count; i++) {
    const a = BANK[Math.floor(rand() * BANK.length)] ?? '';
    const b = rand() < 0.4 ? ` ${BANK[Math.floor(rand() * BANK.length)] ?? ''}` : '';
    out.push({
      id: `m-${i}`,
      authorId: people[rand() < 0.55 ? 0 : 1],
      text: a + b,
      createdAt: new Date(start + Math.floor((i / count) * span)).toISOString(),
      editedAt: null,
      deletedAt: null,
    });
  }
  return out;
}

export interface InsightTimings {
  messages: number;
  weeks: number;
  /** First view: every message analyzed by the coach, then aggregated (median of 5 fresh caches). */
  coldMs: number;
  /** Recomputation with each message's signals already known: the aggregate over all 5,000 (median of 21). */
  recomputeMs: number;
  /** A new message arrives: analyze it and recompute everything (median of 21). */
  oneNewMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Runs the three measurements. `now` is performance.now in either runtime. */
export function runInsightsWorkload(
  count = 5000,
  now: () => number = () => performance.now(),
): InsightTimings {
  const messages = makeMessages(count);
  const people = ['p-a', 'p-b'];
  // Warm the JIT on a smaller run first.
  computeInsights(makeMessages(500), people, 'p-a', new SignalCache(analyze));

  const cold: number[] = [];
  let cache = new SignalCache(analyze);
  let weeks = 0;
  for (let r = 0; r < 5; r++) {
    cache = new SignalCache(analyze);
    const t0 = now();
    const ins = computeInsights(messages, people, 'p-a', cache);
    readInsights(ins);
    readMyCoach(ins.myCoach);
    cold.push(now() - t0);
    weeks = ins.weeks.length;
  }
  const warm: number[] = [];
  for (let r = 0; r < 21; r++) {
    const t0 = now();
    const ins = computeInsights(messages, people, 'p-a', cache);
    readInsights(ins);
    readMyCoach(ins.myCoach);
    warm.push(now() - t0);
  }
  const grown = [...messages];
  const incremental: number[] = [];
  for (let r = 0; r < 21; r++) {
    grown.push({
      ...(messages[r] as InsightMessage),
      id: `new-${r}`,
      createdAt: '2026-10-19T09:00:00.000Z',
    });
    const t0 = now();
    const ins = computeInsights(grown, people, 'p-a', cache);
    readInsights(ins);
    incremental.push(now() - t0);
  }
  return {
    messages: count,
    weeks,
    coldMs: median(cold),
    recomputeMs: median(warm),
    oneNewMs: median(incremental),
  };
}
