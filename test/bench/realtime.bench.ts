/**
 * `npm run bench:realtime`: 1,000 people connected in relationships and circles, 200 messages/s in total,
 * against `mutual serve` on SQLite (synchronous=FULL), against a bare `ws` broadcast server (the
 * baseline), and against the same bare server storing each message with one fsync'd SQLite insert (the
 * durable baseline: what durability alone costs on this disk); then 10,000 idle authenticated
 * connections on one node and the memory each costs. The load runs in its own process
 * (realtime-load.ts). A benchmark: it prints figures and ratios, it does not pass or fail. Loopback
 * only. Last line: JSON.
 */
import { type ChildProcess, fork, type Serializable, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { InProcessBus } from '../../src/adapters/bus/in-process.bus.ts';
import { type AppContext, composeApp } from '../../src/app/compose.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import type { PasswordHasher } from '../../src/core/ports.ts';
import { connectPair, makeCircle, makeOrg, type TestPerson, wsUrl } from '../support/realtime.ts';
import type { LoadPlan, LoadResult } from './realtime-load.ts';
import type { ProbePlan, ProbeResult } from './idle-probe.ts';
import { percentile } from './percentile.ts';
import { probeDiskSync } from './disk-probe.ts';
import { freePort, startNode } from '../support/realtime-node.ts';
import { person } from '../support/test-server.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const IDLE = Number(process.env.BENCH_IDLE ?? 10_000);
/** The idle node pings every socket this often, so the probe sees a few heartbeats in a short run. */
const IDLE_HEARTBEAT_SECONDS = 5;
const PROBE_SECONDS = Number(process.env.BENCH_PROBE_SECONDS ?? 11);
/**
 * `BENCH_VARIANT_ENV="NAME=value …"`: a second mutual node, on a copy of the same database, with these
 * settings, measured in the same alternating rounds. Compares a setting within one run, where the
 * machine's drift hits both alike.
 */
const VARIANT_ENV = parseVariantEnv(process.env.BENCH_VARIANT_ENV ?? '');
const log = (line: string) => console.error(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sessions are made by the benchmark itself, so hashing can be instant (never do this in the app). */
const plainHasher: PasswordHasher = {
  hash: async (p) => `plain:${p}`,
  verify: async (h, p) => h === `plain:${p}`,
};

const round = (n: number) => Math.round(n * 100) / 100;

function parseVariantEnv(spec: string): Record<string, string> | undefined {
  const pairs = spec.split(' ').filter(Boolean);
  if (!pairs.length) return undefined;
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`BENCH_VARIANT_ENV: "${pair}" is not NAME=value`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** People, each with `sessions` sessions (cookies). */
async function makeAccounts(
  ctx: AppContext,
  n: number,
  sessions = 1,
): Promise<Array<TestPerson & { cookies: string[] }>> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const p = person('Bench');
    const issued = await ctx.accounts.signUp(p);
    const cookies = [`mutual_session=${issued.token}`];
    for (let s = 1; s < sessions; s++)
      cookies.push(`mutual_session=${(await ctx.accounts.signIn(p)).token}`);
    out.push({
      userId: issued.user.id,
      sessionId: issued.session.id,
      token: issued.token,
      cookie: cookies[0]!,
      cookies,
    });
  }
  return out;
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** The bare ws server; with `durablePath`, it also stores each message in SQLite before acking. */
async function startBaseline(durablePath?: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/baseline-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(durablePath ? { BASELINE_SQLITE: durablePath } : {}) },
  });
  const port = await new Promise<number>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  return { child, url: `ws://127.0.0.1:${port}` };
}

/**
 * Forks one of the benchmark's helper processes (realtime-load.ts, idle-probe.ts), hands it the plan, and
 * waits for what it sends back as `result`.
 */
function runChild<Plan extends Serializable, Result>(
  script: string,
  execArgv: string[],
  plan: Plan,
): Promise<Result> {
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { ok: boolean; result?: Result; error?: string }) =>
      m.ok ? resolve(m.result!) : reject(new Error(m.error)),
    );
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.send(plan);
  });
}

/** The load generator: every target's timings. */
const runLoad = (plan: LoadPlan) =>
  runChild<LoadPlan, LoadResult[]>('test/bench/realtime-load.ts', ['--expose-gc'], plan);

/** The idle-node probe: its round trips. */
const runProbe = (plan: ProbePlan) =>
  runChild<ProbePlan, ProbeResult>('test/bench/idle-probe.ts', [], plan);

const p = (values: number[], q: number) => round(percentile(values, q));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mutual-bench-'));
  const dbUrl = `sqlite:${join(dir, 'bench.db')}`;
  const setup = await composeApp(loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: 'silent' }), {
    hasher: plainHasher,
    bus: new InProcessBus(),
    logger: createLogger('silent'),
  });
  // Only the setup connection skips fsync, to build the fixtures quickly; the servers run synchronous=FULL.
  await sql`pragma synchronous = OFF`.execute(setup.db.connection.db);
  let setupOpen = true;
  const children: ChildProcess[] = [];
  try {
    log(`creating ${PEOPLE} people, their relationships and circles`);
    const people = await makeAccounts(setup, PEOPLE);
    const orgId = await makeOrg(setup, people);
    const conversationsOf = new Map<string, string[]>();
    const add = (id: string, members: TestPerson[]) =>
      members.forEach((m) =>
        conversationsOf.set(m.userId, [...(conversationsOf.get(m.userId) ?? []), id]),
      );
    const pairsUpTo = Math.floor(PEOPLE * 0.6);
    let pairs = 0;
    let circles = 0;
    for (let i = 0; i + 1 < pairsUpTo; i += 2) {
      add(await connectPair(setup, orgId, people[i]!, people[i + 1]!), [
        people[i]!,
        people[i + 1]!,
      ]);
      pairs += 1;
    }
    for (let i = pairsUpTo; i + 8 <= PEOPLE; i += 8) {
      const group = people.slice(i, i + 8);
      add(await makeCircle(setup, orgId, group), group);
      circles += 1;
    }
    log(`${pairs} relationships, ${circles} circles of 8`);
    log(`creating sessions for ${IDLE} idle connections`);
    const perPerson = Math.ceil(IDLE / PEOPLE);
    const extra = await makeAccounts(setup, Math.ceil(IDLE / perPerson), perPerson);
    const cookies = extra.flatMap((x) => x.cookies).slice(0, IDLE);
    // Nothing but the servers touches the database while they are measured.
    await setup.close();
    setupOpen = false;

    const node = await startNode(
      { PORT: String(await freePort()), DATABASE_URL: dbUrl, LOG_LEVEL: 'error' },
      30_000,
      (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    );
    children.push(node.child);
    const bare = await startBaseline();
    children.push(bare.child);
    const durable = await startBaseline(join(dir, 'durable-baseline.db'));
    children.push(durable.child);
    let variantNode: Awaited<ReturnType<typeof startNode>> | undefined;
    if (VARIANT_ENV) {
      // The setup connection is closed; a log it left (none, normally) goes with the copy.
      for (const suffix of ['', '-wal'])
        if (existsSync(join(dir, `bench.db${suffix}`)))
          copyFileSync(join(dir, `bench.db${suffix}`), join(dir, `variant.db${suffix}`));
      variantNode = await startNode(
        {
          PORT: String(await freePort()),
          DATABASE_URL: `sqlite:${join(dir, 'variant.db')}`,
          LOG_LEVEL: 'error',
          ...VARIANT_ENV,
        },
        30_000,
        (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
      );
      children.push(variantNode.child);
    }
    const rounds = Math.max(1, Math.round(SECONDS / 5));
    log(
      `${PEOPLE} connected to each; ${RATE} messages/s, ${rounds} alternating rounds of ${SECONDS / rounds} s each on mutual serve, the bare ws baseline and the durable baseline`,
    );
    const diskBefore = await probeDiskSync(dir);
    log(
      `disk: a paced 20 KB write + fdatasync takes p50 ${round(diskBefore.p50Ms)} ms, p99 ${round(diskBefore.p99Ms)} ms`,
    );
    const [mutual, baseline, durableBaseline, variant] = await runLoad({
      targets: [
        { name: 'mutual', url: wsUrl(node.url) },
        { name: 'baseline', url: bare.url },
        { name: 'durable', url: durable.url },
        ...(variantNode ? [{ name: 'variant', url: wsUrl(variantNode.url) }] : []),
      ],
      people: people.map((x) => ({ userId: x.userId, cookie: x.cookie })),
      conversationsOf: [...conversationsOf],
      rate: RATE,
      warmupSeconds: WARMUP_SECONDS,
      rounds,
      roundSeconds: SECONDS / rounds,
    });
    if (!mutual || !baseline || !durableBaseline)
      throw new Error('the load generator sent too few results');
    await node.kill('SIGTERM');
    await variantNode?.kill('SIGTERM');
    bare.child.kill('SIGKILL');
    durable.child.kill('SIGKILL');
    const diskAfter = await probeDiskSync(dir);
    log(
      `disk after the rounds: p50 ${round(diskAfter.p50Ms)} ms, p99 ${round(diskAfter.p99Ms)} ms`,
    );

    const idleNode = await startNode({
      PORT: String(await freePort()),
      DATABASE_URL: dbUrl,
      LOG_LEVEL: 'error',
      WS_HEARTBEAT_SECONDS: String(IDLE_HEARTBEAT_SECONDS),
    });
    children.push(idleNode.child);
    await sleep(1000);
    const before = rssKb(idleNode.child.pid!);
    const idle: WebSocket[] = [];
    for (let i = 0; i < cookies.length; i += 250) {
      await Promise.all(
        cookies.slice(i, i + 250).map(
          (cookie) =>
            new Promise<void>((resolve, reject) => {
              const ws = new WebSocket(wsUrl(idleNode.url), {
                headers: { cookie },
                perMessageDeflate: false,
              });
              idle.push(ws);
              ws.once('message', () => resolve());
              ws.once('error', reject);
            }),
        ),
      );
    }
    await sleep(3000);
    const after = rssKb(idleNode.child.pid!);
    const perConnKb = (after - before) / idle.length;
    log(
      `${idle.length} idle connections: server RSS ${Math.round(before / 1024)} MiB -> ${Math.round(after / 1024)} MiB`,
    );
    log(
      `probing the idle node with pings for ${PROBE_SECONDS} s, across its heartbeats (every ${IDLE_HEARTBEAT_SECONDS} s)`,
    );
    const probe = await runProbe({
      url: wsUrl(idleNode.url),
      cookies: cookies.slice(0, 20),
      seconds: PROBE_SECONDS,
      everyMs: 10,
    });
    log(
      `idle node: ping round trip p50 ${p(probe.rtt, 50)} ms, p99 ${p(probe.rtt, 99)} ms, max ${round(Math.max(...probe.rtt))} ms over ${probe.rtt.length} pings`,
    );
    for (const ws of idle) ws.terminate();
    await idleNode.kill('SIGTERM');

    const figures = {
      people: PEOPLE,
      relationships: pairs,
      circles,
      rate_per_s: RATE,
      seconds: SECONDS,
      sent: mutual.sent,
      acked: mutual.acked,
      errors: mutual.errors,
      ack_p50_ms: p(mutual.ack, 50),
      ack_p99_ms: p(mutual.ack, 99),
      delivery_p50_ms: p(mutual.delivery, 50),
      delivery_p90_ms: p(mutual.delivery, 90),
      delivery_p99_ms: p(mutual.delivery, 99),
      delivery_max_ms: round(Math.max(...mutual.delivery)),
      deliveries: mutual.delivery.length,
      baseline_ack_p50_ms: p(baseline.ack, 50),
      baseline_ack_p99_ms: p(baseline.ack, 99),
      baseline_delivery_p50_ms: p(baseline.delivery, 50),
      baseline_delivery_p99_ms: p(baseline.delivery, 99),
      delivery_p99_ratio: round(
        percentile(mutual.delivery, 99) / percentile(baseline.delivery, 99),
      ),
      // The bare baseline plus one fsync'd SQLite insert per message: what durability alone costs here.
      durable_baseline_delivery_p50_ms: p(durableBaseline.delivery, 50),
      durable_baseline_delivery_p99_ms: p(durableBaseline.delivery, 99),
      durable_baseline_ratio: round(
        percentile(durableBaseline.delivery, 99) / percentile(baseline.delivery, 99),
      ),
      ...(variant && VARIANT_ENV
        ? {
            variant: {
              env: VARIANT_ENV,
              acked: variant.acked,
              errors: variant.errors,
              delivery_p50_ms: p(variant.delivery, 50),
              delivery_p99_ms: p(variant.delivery, 99),
              delivery_p99_ratio: round(
                percentile(variant.delivery, 99) / percentile(baseline.delivery, 99),
              ),
            },
          }
        : {}),
      idle_connections: idle.length,
      memory_per_connection_kb: round(perConnKb),
      // Round trips of pings to the idle node across its heartbeats: a heartbeat that holds the
      // server's thread shows in the max.
      idle_ping_p50_ms: p(probe.rtt, 50),
      idle_ping_p99_ms: p(probe.rtt, 99),
      idle_ping_max_ms: round(Math.max(...probe.rtt)),
      idle_pings_unanswered: probe.unanswered,
      idle_probe_loop_delay_p99_ms: round(probe.loopDelayP99Ms),
      // How far the timings can be trusted: the load process's own stalls, and the machine's load.
      client_loop_delay_p99_ms: round(
        Math.max(mutual.clientLoopDelayP99Ms, baseline.clientLoopDelayP99Ms),
      ),
      load_average_1m: round(loadavg()[0]!),
      // The disk's paced sync (disk-probe.ts) just before and just after the rounds: every durable
      // commit waits for one, so when its p99 is several ms the tail is the disk's.
      disk_sync_p50_ms_before: round(diskBefore.p50Ms),
      disk_sync_p99_ms_before: round(diskBefore.p99Ms),
      disk_sync_p50_ms_after: round(diskAfter.p50Ms),
      disk_sync_p99_ms_after: round(diskAfter.p99Ms),
      cores: cpus().length,
      // The node's helper threads run at this nice value (ADR 0013); the baselines' are left as they are.
      helper_thread_nice: loadConfig(process.env).helperThreadNice,
      targets: { delivery_p99_ms: 50, delivery_p99_ratio: 2.5, memory_per_connection_kb: 64 },
    };
    console.log(JSON.stringify(figures));
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    if (setupOpen) await setup.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
