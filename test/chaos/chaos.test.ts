/** A small chaos run inside `npm test`: 50 people, 5 SIGKILLs (and two nodes on PostgreSQL + Redis with 3 kills and a Redis restart when configured). */
import { describe, expect, it } from 'vitest';
import { runChaos } from './run-chaos.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const hasRedis = Boolean(process.env.TEST_REDIS_URL);
const small = {
  clients: 50,
  durationMs: 14_000,
  kills: 5,
  sendEveryMs: 1000,
  dropEveryMs: 200,
  leaves: 4,
};

/** The run's log and the checker's problems, kept quiet unless the run fails. */
function witness() {
  const lines: string[] = [];
  const problems: string[] = [];
  return {
    log: (line: string) => lines.push(line),
    problems,
    toString: () => [...problems, '--- the run’s log:', ...lines].join('\n'),
  };
}

describe('chaos (small run)', () => {
  it('loses, duplicates, reorders and leaks nothing across 5 SIGKILLs on SQLite', async () => {
    const seen = witness();
    const result = await runChaos({
      ...small,
      mode: 'sqlite',
      log: seen.log,
      problems: seen.problems,
    });
    console.log(JSON.stringify(result));
    expect(result.kills).toBe(5);
    expect(result.leaves).toBe(4);
    expect(result.acked).toBeGreaterThan(200);
    expect(result, String(seen)).toMatchObject({
      lost: 0,
      duplicated: 0,
      out_of_order: 0,
      leaked: 0,
    });
  }, 90_000);

  if (!pgUrl || !hasRedis)
    console.warn('[skip] two-node chaos skipped: needs TEST_DATABASE_URL and TEST_REDIS_URL');
  it.runIf(pgUrl && hasRedis)(
    'does the same on two nodes over PostgreSQL + Redis, with a Redis restart',
    async () => {
      // Shorter than the SQLite run (3 kills and the Redis restart) to keep `npm test` near a minute.
      const seen = witness();
      const result = await runChaos({
        ...small,
        durationMs: 10_000,
        kills: 3,
        mode: 'two-node',
        pgUrl,
        log: seen.log,
        problems: seen.problems,
      });
      console.log(JSON.stringify(result));
      expect(result.redisRestarts).toBe(1);
      expect(result.leaves).toBe(4);
      expect(result, String(seen)).toMatchObject({
        lost: 0,
        duplicated: 0,
        out_of_order: 0,
        leaked: 0,
      });
    },
    120_000,
  );
});
