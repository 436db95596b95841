/**
 * `npm run bench:post`: what storing one message costs the server, without sockets. Posts through the
 * messaging service, one at a time, in a relationship and in a circle of eight, first on in-memory
 * SQLite (the CPU the statements cost, steady from run to run), then the same paced at one post every
 * 5 ms (the realtime benchmark's 200 messages/s: a CPU that idles between messages runs the same code
 * several times slower, so this is the cost a live server pays), and then on a SQLite file with
 * synchronous=FULL (adding the commit's fsync, which varies with the disk). A benchmark: it prints
 * figures, it does not pass or fail. Last line: JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InProcessBus } from '../../src/adapters/bus/in-process.bus.ts';
import { composeApp } from '../../src/app/compose.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import { newId } from '../../src/lib/ids.ts';
import { connectIds, seedOrg } from '../support/conversations.ts';
import { makeCircle } from '../support/realtime.ts';

const POSTS = Number(process.env.BENCH_POSTS ?? 5000);
const WARMUP = 1000;
/** Paced posts take 5 ms each, so fewer of them. */
const PACED_POSTS = Math.ceil(POSTS / 5);
const PACE_MS = 5;
const log = (line: string) => console.error(`[bench] ${line}`);

interface Figures {
  p50_us: number;
  p90_us: number;
  p99_us: number;
  mean_us: number;
}

function figures(samplesMs: number[]): Figures {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.ceil(q * sorted.length) - 1]! * 1000);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { p50_us: at(0.5), p90_us: at(0.9), p99_us: at(0.99), mean_us: Math.round(mean * 1000) };
}

/**
 * Posts `posts` messages (after a warm-up) in a relationship and in a circle on `databaseUrl`; with
 * `paceMs`, waits that long before each measured post.
 */
async function measure(
  databaseUrl: string,
  posts = POSTS,
  paceMs = 0,
): Promise<{ relationship: Figures; circle: Figures }> {
  const ctx = await composeApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), {
    bus: new InProcessBus(),
    logger: createLogger('silent'),
  });
  try {
    const { orgId, ids } = await seedOrg(ctx, 8);
    const pair = await connectIds(ctx, orgId, ids[0]!, ids[1]!);
    const circle = await makeCircle(
      ctx,
      orgId,
      ids.map((userId) => ({ userId })),
    );
    const run = async (conversationId: string, authors: string[]) => {
      const samples: number[] = [];
      for (let i = 0; i < WARMUP + posts; i++) {
        if (paceMs > 0 && i >= WARMUP) await sleep(paceMs);
        const start = performance.now();
        await ctx.messaging.post(authors[i % authors.length]!, {
          conversationId,
          id: newId(),
          text: `bench message ${i}`,
        });
        if (i >= WARMUP) samples.push(performance.now() - start);
      }
      return figures(samples);
    };
    return { relationship: await run(pair, ids.slice(0, 2)), circle: await run(circle, ids) };
  } finally {
    await ctx.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'mutual-post-bench-'));
try {
  const memory = await measure('sqlite::memory:');
  log(
    `in memory: relationship p50 ${memory.relationship.p50_us} µs, circle p50 ${memory.circle.p50_us} µs`,
  );
  const paced = await measure('sqlite::memory:', PACED_POSTS, PACE_MS);
  log(
    `in memory, one post every ${PACE_MS} ms: relationship p50 ${paced.relationship.p50_us} µs, circle p50 ${paced.circle.p50_us} µs`,
  );
  const file = await measure(`sqlite:${join(dir, 'bench.db')}`);
  log(
    `file, synchronous=FULL: relationship p50 ${file.relationship.p50_us} µs, circle p50 ${file.circle.p50_us} µs`,
  );
  console.log(
    JSON.stringify({
      posts: POSTS,
      in_memory: memory,
      in_memory_paced: { posts: PACED_POSTS, every_ms: PACE_MS, ...paced },
      file_synchronous_full: file,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
