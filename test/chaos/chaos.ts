/**
 * `npm run chaos`: at least 50 people, SIGKILL of the server at least 5 times, on SQLite; then, when
 * TEST_DATABASE_URL is set and redis-server is installed, two nodes on PostgreSQL + a private Redis
 * that is restarted once. Meanwhile some people leave a circle, half of them without any node hearing of
 * it. Ends with one JSON line of totals.
 */
import { runChaos, type ChaosResult } from './run-chaos.ts';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const base = {
  clients: num('CHAOS_CLIENTS', 60),
  durationMs: num('CHAOS_SECONDS', 40) * 1000,
  kills: num('CHAOS_KILLS', 6),
  sendEveryMs: num('CHAOS_SEND_EVERY_MS', 1000),
  dropEveryMs: num('CHAOS_DROP_EVERY_MS', 200),
  leaves: num('CHAOS_LEAVES', 6),
  log: (line: string) => console.error(`[chaos] ${line}`),
};

const pgUrl = process.env.CHAOS_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const results: ChaosResult[] = [];
results.push(await runChaos({ ...base, mode: 'sqlite' }));
console.log(JSON.stringify(results.at(-1)));
if (pgUrl) {
  results.push(await runChaos({ ...base, mode: 'two-node', pgUrl }));
  console.log(JSON.stringify(results.at(-1)));
} else {
  console.error(
    '[chaos] two-node mode skipped: set TEST_DATABASE_URL (PostgreSQL) to run it with a private Redis',
  );
}
const sum = (k: 'acked' | 'lost' | 'duplicated' | 'out_of_order' | 'leaked' | 'kills') =>
  results.reduce((n, r) => n + r[k], 0);
console.log(
  JSON.stringify({
    acked: sum('acked'),
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    out_of_order: sum('out_of_order'),
    leaked: sum('leaked'),
    kills: sum('kills'),
  }),
);
process.exitCode =
  sum('lost') + sum('duplicated') + sum('out_of_order') + sum('leaked') === 0 ? 0 : 1;
