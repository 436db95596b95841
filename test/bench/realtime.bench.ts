/**
 * `npm run bench:realtime`: 1,000 people connected in relationships and circles, 200 messages/s in total,
 * against `mutual serve` on SQLite (synchronous=FULL) and against a bare `ws` broadcast server (the
 * baseline); then 10,000 idle authenticated connections on one node and the memory each costs.
 * A benchmark: it prints figures and ratios, it does not pass or fail. Loopback only. Last line: JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { InProcessBus } from '../../src/adapters/bus/in-process.bus.ts';
import { type AppContext, composeApp } from '../../src/app/compose.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import type { ServerFrame } from '../../src/contract/ws.ts';
import type { PasswordHasher } from '../../src/core/ports.ts';
import { newId } from '../../src/lib/ids.ts';
import { connectPair, makeCircle, makeOrg, type TestPerson, wsUrl } from '../support/realtime.ts';
import { freePort, startNode } from '../support/realtime-node.ts';
import { person } from '../support/test-server.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const IDLE = Number(process.env.BENCH_IDLE ?? 10_000);
const log = (line: string) => console.error(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sessions are made by the benchmark itself, so hashing can be instant (never do this in the app). */
const plainHasher: PasswordHasher = {
  hash: async (p) => `plain:${p}`,
  verify: async (h, p) => h === `plain:${p}`,
};

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 100) / 100;

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

interface Loaded {
  ack: number[];
  delivery: number[];
  sent: number;
  acked: number;
  errors: number;
}

const emptyLoad = (): Loaded => ({ ack: [], delivery: [], sent: 0, acked: 0, errors: 0 });

/** Everyone connected to one server, ready to send load in measured windows. */
class LoadTarget {
  private readonly sentAt = new Map<string, { t: number; window: Loaded }>();
  readonly total = emptyLoad();
  private readonly sockets: WebSocket[] = [];

  private constructor(
    private readonly people: TestPerson[],
    private readonly conversationsOf: Map<string, string[]>,
  ) {}

  /** Connects everyone to `url` and subscribes them to all their conversations. */
  static async connect(
    url: string,
    people: TestPerson[],
    conversationsOf: Map<string, string[]>,
  ): Promise<LoadTarget> {
    const target = new LoadTarget(people, conversationsOf);
    for (let i = 0; i < people.length; i += 100) {
      await Promise.all(people.slice(i, i + 100).map((p) => target.open(url, p)));
    }
    await sleep(2000);
    return target;
  }

  private open(url: string, p: TestPerson): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`${url}?presence=hidden`, {
        headers: { cookie: p.cookie },
        perMessageDeflate: false,
      });
      this.sockets.push(ws);
      ws.on('error', reject);
      ws.on('open', () => {
        const resume = (this.conversationsOf.get(p.userId) ?? []).map((conversationId) => ({
          conversationId,
          lastSeq: 0,
        }));
        ws.send(JSON.stringify({ type: 'hello', resume }));
        resolve();
      });
      ws.on('message', (data: Buffer) => {
        const now = performance.now();
        const f = JSON.parse(data.toString('utf8')) as ServerFrame;
        if (f.type === 'ack') {
          const sent = this.sentAt.get(f.id);
          if (sent) {
            sent.window.ack.push(now - sent.t);
            sent.window.acked += 1;
          }
        } else if (f.type === 'message') {
          const sent = this.sentAt.get(f.message.id);
          // Delivery to the other people in the conversation (the sender's own copy is not counted).
          if (sent && f.message.authorId !== p.userId) sent.window.delivery.push(now - sent.t);
        } else if (f.type === 'error') this.total.errors += 1;
      });
    });
  }

  /** Sends RATE messages/s for `seconds` from random people to random conversations of theirs. */
  async run(seconds: number): Promise<void> {
    const window = emptyLoad();
    const senders = this.people
      .map((p, i) => ({ ws: this.sockets[i]!, convs: this.conversationsOf.get(p.userId) ?? [] }))
      .filter((x) => x.convs.length);
    const start = performance.now();
    const total = Math.round(RATE * seconds);
    while (window.sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE));
      while (window.sent < due) {
        const s = senders[Math.floor(Math.random() * senders.length)]!;
        const conversationId = s.convs[Math.floor(Math.random() * s.convs.length)]!;
        const id = newId();
        this.sentAt.set(id, { t: performance.now(), window });
        s.ws.send(
          JSON.stringify({
            type: 'send',
            id,
            conversationId,
            text: `bench message ${window.sent}`,
          }),
        );
        window.sent += 1;
      }
      await sleep(2);
    }
    await sleep(1500);
    this.total.sent += window.sent;
    this.total.acked += window.acked;
    this.total.ack.push(...window.ack);
    this.total.delivery.push(...window.delivery);
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

async function startBaseline(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/baseline-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mutual-bench-'));
  const dbUrl = `sqlite:${join(dir, 'bench.db')}`;
  const setup = await composeApp(loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: 'silent' }), {
    hasher: plainHasher,
    bus: new InProcessBus(),
    logger: createLogger('silent'),
  });
  // Only the setup connection skips fsync, to build the fixtures quickly; the server runs synchronous=FULL.
  await sql`pragma synchronous = OFF`.execute(setup.db.connection.db);
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

    const port = await freePort();
    const node = await startNode(
      { PORT: String(port), DATABASE_URL: dbUrl, LOG_LEVEL: 'error' },
      30_000,
      (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    );
    children.push(node.child);
    const baseline = await startBaseline();
    children.push(baseline.child);
    const onMutual = await LoadTarget.connect(wsUrl(node.url), people, conversationsOf);
    const onBaseline = await LoadTarget.connect(baseline.url, people, conversationsOf);
    // The two loads alternate in short rounds, so background load on a shared machine hits both alike.
    const rounds = Math.max(1, Math.round(SECONDS / 5));
    log(
      `${PEOPLE} connected to each; ${RATE} messages/s, ${rounds} alternating rounds of ${SECONDS / rounds} s on mutual serve and on the bare ws baseline`,
    );
    for (let r = 0; r < rounds; r++) {
      await onMutual.run(SECONDS / rounds);
      await onBaseline.run(SECONDS / rounds);
    }
    const mutual = onMutual.total;
    const bare = onBaseline.total;
    onMutual.close();
    onBaseline.close();
    await node.kill('SIGTERM');
    baseline.child.kill('SIGKILL');

    log(`creating sessions for ${IDLE} idle connections`);
    const perPerson = Math.ceil(IDLE / PEOPLE);
    const extra = await makeAccounts(setup, Math.ceil(IDLE / perPerson), perPerson);
    const cookies = extra.flatMap((p) => p.cookies).slice(0, IDLE);
    const idleNode = await startNode({
      PORT: String(await freePort()),
      DATABASE_URL: dbUrl,
      LOG_LEVEL: 'error',
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
      ack_p50_ms: round(percentile(mutual.ack, 50)),
      ack_p99_ms: round(percentile(mutual.ack, 99)),
      delivery_p50_ms: round(percentile(mutual.delivery, 50)),
      delivery_p99_ms: round(percentile(mutual.delivery, 99)),
      delivery_p90_ms: round(percentile(mutual.delivery, 90)),
      delivery_max_ms: round(Math.max(...mutual.delivery)),
      deliveries: mutual.delivery.length,
      baseline_ack_p50_ms: round(percentile(bare.ack, 50)),
      baseline_ack_p99_ms: round(percentile(bare.ack, 99)),
      baseline_delivery_p50_ms: round(percentile(bare.delivery, 50)),
      baseline_delivery_p99_ms: round(percentile(bare.delivery, 99)),
      delivery_p99_ratio: round(percentile(mutual.delivery, 99) / percentile(bare.delivery, 99)),
      idle_connections: idle.length,
      memory_per_connection_kb: round(perConnKb),
      // The machine may be shared: its load during the run says how much the figures can be trusted.
      load_average_1m: round(loadavg()[0]!),
      cores: cpus().length,
      targets: { delivery_p99_ms: 50, delivery_p99_ratio: 2.5, memory_per_connection_kb: 64 },
    };
    console.log(JSON.stringify(figures));
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await setup.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
