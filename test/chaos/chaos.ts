/**
 * `npm run chaos`: at least 50 people, SIGKILL of the server at least 5 times, on SQLite; then, when
 * TEST_DATABASE_URL is set and redis-server is installed, two nodes on PostgreSQL + a private Redis
 * that is restarted once. Meanwhile some people leave a circle, half of them without any node hearing of
 * it. Ends with one JSON line of totals.
 *
 * For a soak: CHAOS_REPEAT=N runs the whole thing N times (stopping at the first run with a problem, whose
 * problems and log are printed), and CHAOS_MODES=two-node (or sqlite) runs one mode only.
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
const repeat = num('CHAOS_REPEAT', 1);
const modes = (process.env.CHAOS_MODES ?? 'sqlite,two-node').split(',').map((m) => m.trim());
for (const m of modes)
  if (m !== 'sqlite' && m !== 'two-node') {
    console.error(
      `[chaos] CHAOS_MODES: unknown mode "${m}" (use sqlite, two-node, or both separated by a comma)`,
    );
    process.exit(2);
  }
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error(
    `[chaos] CHAOS_REPEAT must be a whole number of at least 1, not "${process.env.CHAOS_REPEAT}"`,
  );
  process.exit(2);
}
const faults = (r: ChaosResult) => r.lost + r.duplicated + r.out_of_order + r.leaked;

const results: ChaosResult[] = [];
/** One run of a mode; on a problem its lines go to stderr and the soak stops. */
async function once(mode: ChaosResult['mode'], round: number): Promise<boolean> {
  const problems: string[] = [];
  const result = await runChaos({ ...base, mode, pgUrl, problems });
  results.push(result);
  console.log(JSON.stringify(repeat > 1 ? { ...result, round } : result));
  for (const line of problems) console.error(`[chaos] problem: ${line}`);
  return faults(result) === 0;
}
soak: for (let round = 1; round <= repeat; round++) {
  for (const mode of modes) {
    if (mode === 'two-node' && !pgUrl) {
      if (round === 1)
        console.error(
          '[chaos] two-node mode skipped: set TEST_DATABASE_URL (PostgreSQL) to run it with a private Redis',
        );
      continue;
    }
    if (!(await once(mode as ChaosResult['mode'], round))) break soak;
  }
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
process.exitCode = results.some((r) => faults(r) > 0) ? 1 : 0;
