/**
 * The chaos run: real `mutual serve` processes killed with SIGKILL and restarted while many people send
 * uniquely tagged messages and reconnect at random; then a checker compares what everyone saw with the store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus } from '../../src/adapters/bus/in-process.bus.ts';
import { type AppContext, composeApp } from '../../src/app/compose.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import type { MessagingApi } from '../../src/core/conversation.model.ts';
import type { PasswordHasher } from '../../src/core/ports.ts';
import { CAUGHT_UP_LOG } from '../../src/server/ws/gateway.ts';
import { createPgSchema } from '../support/databases.ts';
import {
  connectPair,
  makeCircle,
  makeOrg,
  makePeople,
  type TestPerson,
  wsUrl,
} from '../support/realtime.ts';
import { type MutualNode, freePort, pgSchemaUrl, startNode } from '../support/realtime-node.ts';
import { ChaosClient } from './chaos-client.ts';
import { type ChaosCounts, type ChaosProblems, checkChaos } from './checker.ts';

export interface ChaosOptions {
  mode: 'sqlite' | 'two-node';
  clients: number;
  durationMs: number;
  kills: number;
  /** Each person sends about once per this many milliseconds. */
  sendEveryMs: number;
  /** Someone's connection is dropped about this often. */
  dropEveryMs: number;
  /**
   * People who leave one of their circles during the run, spread through it: half through a node's HTTP
   * API, half straight in the store, so that no node ever hears of it (a lost event).
   */
  leaves?: number;
  pgUrl?: string | undefined;
  log?: (line: string) => void;
  /** Filled with a line for each problem the checker counts (the first 20). */
  problems?: ChaosProblems;
}

export interface ChaosResult extends ChaosCounts {
  mode: ChaosOptions['mode'];
  kills: number;
  leaves: number;
  redisRestarts: number;
  /** Heartbeat checks that found a socket behind the store: hints lost and not repaired otherwise. */
  repairedAtHeartbeat: number;
  stored: number;
  reconnects: number;
  conversations: number;
}

/** Sessions are made by the run itself, so password hashing can be instant (never do this in the app). */
const plainHasher: PasswordHasher = {
  hash: async (p) => `plain:${p}`,
  verify: async (h, p) => h === `plain:${p}`,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The newest seq of a conversation, read as one of its current members. */
async function lastSeqOf(api: MessagingApi, readerId: string, conversationId: string) {
  return (await api.before(readerId, conversationId, 2 ** 31 - 1, 1))[0]?.seq ?? 0;
}

/** Leaves through a node's HTTP API, trying the nodes again while one restarts. */
async function leaveThroughNode(url: () => string, cookie: string, conversationId: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url()}/api/conversations/${conversationId}/leave`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      if (res.ok) return;
      if (res.status < 500) throw new Error(`leave refused: ${res.status} ${await res.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('leave refused')) throw error;
    }
    if (Date.now() > deadline) throw new Error('leave: no node answered for 15 s');
    await sleep(200);
  }
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A private redis-server on its own port, so restarting it disturbs no one else. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${out}`)),
      10_000,
    );
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return child;
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** People in pairs (everyone has one relationship) and circles of six (shuffled). */
async function makeConversations(
  ctx: AppContext,
  people: TestPerson[],
): Promise<Map<string, string[]>> {
  const orgId = await makeOrg(ctx, people);
  const members = new Map<string, string[]>();
  for (let i = 0; i + 1 < people.length; i += 2) {
    const [a, b] = [people[i]!, people[i + 1]!];
    members.set(await connectPair(ctx, orgId, a, b), [a.userId, b.userId]);
  }
  const shuffled = shuffle(people);
  for (let i = 0; i + 6 <= shuffled.length; i += 6) {
    const group = shuffled.slice(i, i + 6);
    members.set(
      await makeCircle(ctx, orgId, group),
      group.map((p) => p.userId),
    );
  }
  return members;
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const log = opts.log ?? (() => undefined);
  const twoNode = opts.mode === 'two-node';
  if (twoNode && !opts.pgUrl) throw new Error('two-node chaos needs a PostgreSQL URL');
  const dir = twoNode ? undefined : mkdtempSync(join(tmpdir(), 'mutual-chaos-'));
  const schema = twoNode ? await createPgSchema(opts.pgUrl!) : undefined;
  const dbUrl = twoNode ? opts.pgUrl! : `sqlite:${join(dir!, 'chaos.db')}`;
  let redis: ChildProcess | undefined;
  const redisPort = twoNode ? await freePort() : 0;
  const nodes: Array<MutualNode | undefined> = [];
  /** What the nodes killed so far wrote. */
  const outputs: string[] = [];
  const clients: ChaosClient[] = [];
  let setup: AppContext | undefined;
  let kills = 0;
  let redisRestarts = 0;
  try {
    setup = await composeApp(loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: 'silent' }), {
      hasher: plainHasher,
      bus: new InProcessBus(),
      logger: createLogger('silent'),
      ...(schema ? { pgSchema: schema.schema } : {}),
    });
    const people = await makePeople(setup, opts.clients, 'Chaos');
    const members = await makeConversations(setup, people);
    log(`${opts.mode}: ${people.length} people in ${members.size} conversations`);

    if (twoNode) redis = await startRedis(redisPort);
    const ports = await Promise.all((twoNode ? [0, 1] : [0]).map(() => freePort()));
    const env = (port: number): Record<string, string> => ({
      PORT: String(port),
      // warn, for the line a node logs when its heartbeat check found sockets behind the store.
      LOG_LEVEL: 'warn',
      DATABASE_URL: schema ? pgSchemaUrl(opts.pgUrl!, schema.schema) : dbUrl,
      ...(twoNode ? { REDIS_URL: `redis://127.0.0.1:${redisPort}` } : {}),
    });
    for (const [i, port] of ports.entries()) nodes[i] = await startNode(env(port));
    const urls = ports.map((p) => wsUrl(`http://127.0.0.1:${p}`));

    const byUser = new Map<string, string[]>();
    for (const [conversationId, ids] of members)
      for (const id of ids) byUser.set(id, [...(byUser.get(id) ?? []), conversationId]);
    for (const p of people) {
      clients.push(
        new ChaosClient(
          p.userId,
          p.cookie,
          byUser.get(p.userId) ?? [],
          () => urls[Math.floor(Math.random() * urls.length)]!,
        ),
      );
    }
    const running = clients.map((c) => c.run());
    const clientOf = new Map(clients.map((c) => [c.userId, c]));
    const cookieOf = new Map(people.map((p) => [p.userId, p.cookie]));
    const httpUrls = ports.map((p) => `http://127.0.0.1:${p}`);

    // Who left which circle, and the circle's newest seq read right after the leave was stored: anything
    // above it was stored after they left, and they must never receive it.
    const left = new Map<string, Map<string, number>>();
    const remaining = new Map([...members].map(([id, ids]) => [id, [...ids]]));
    const readerOf = (conversationId: string) => remaining.get(conversationId)![0]!;
    const leaveCount = opts.leaves ?? 0;
    const leaving = (async () => {
      for (let i = 0; i < leaveCount; i++) {
        await sleep((opts.durationMs / (leaveCount + 1)) * (0.5 + Math.random()));
        const circles = [...remaining].filter(([, ids]) => ids.length >= 4);
        const [conversationId, ids] = circles[Math.floor(Math.random() * circles.length)]!;
        const userId = ids[1 + Math.floor(Math.random() * (ids.length - 1))]!;
        // The person stops sending there first, as the app does; the leave itself races the others' sends.
        clientOf.get(userId)!.leave(conversationId);
        if (i % 2 === 0)
          await leaveThroughNode(
            () => httpUrls[Math.floor(Math.random() * httpUrls.length)]!,
            cookieOf.get(userId)!,
            conversationId,
          );
        else await setup.connections.leave(userId, conversationId);
        remaining.set(
          conversationId,
          ids.filter((id) => id !== userId),
        );
        const after = await lastSeqOf(setup.messaging, readerOf(conversationId), conversationId);
        left.set(
          userId,
          (left.get(userId) ?? new Map<string, number>()).set(conversationId, after),
        );
        log(
          `${opts.mode}: someone left a circle at seq ${after} (${i % 2 ? 'event lost' : 'HTTP'})`,
        );
      }
    })();
    const tag = Date.now().toString(36);
    const sending = clients.map((c) => c.sendLoop(opts.sendEveryMs, tag));

    // Random reconnects, all through the run.
    let dropping = true;
    const drops = (async () => {
      while (dropping) {
        await sleep(opts.dropEveryMs * (0.5 + Math.random()));
        clients[Math.floor(Math.random() * clients.length)]?.dropConnection();
      }
    })();

    // Kills (and one Redis restart) spaced through the run, one at a time.
    const events: Array<'kill' | 'redis'> = Array.from(
      { length: opts.kills },
      () => 'kill' as const,
    );
    if (twoNode) events.splice(Math.floor(events.length / 2), 0, 'redis');
    const gap = opts.durationMs / (events.length + 1);
    const started = Date.now();
    let upSince = Date.now();
    for (const [i, event] of events.entries()) {
      // Each node restart takes a second or two; let people reconnect and send before the next blow.
      await sleep(Math.max(0, started + gap * (i + 1) - Date.now(), upSince + 1500 - Date.now()));
      if (event === 'kill') {
        const which = kills % nodes.length;
        await nodes[which]!.kill('SIGKILL');
        outputs.push(nodes[which]!.output());
        kills += 1;
        log(
          `${opts.mode}: SIGKILL node ${which} (kill ${kills})${process.env.CHAOS_DEBUG ? ` connects so far ${clients.reduce((n, c) => n + c.connects, 0)}` : ''}`,
        );
        await sleep(100 + Math.random() * 400);
        nodes[which] = await startNode(env(ports[which]!));
        upSince = Date.now();
      } else {
        await stopProcess(redis);
        log(`${opts.mode}: Redis stopped`);
        await sleep(300 + Math.random() * 300);
        redis = await startRedis(redisPort);
        redisRestarts += 1;
        upSince = Date.now();
        log(`${opts.mode}: Redis restarted`);
      }
    }
    await sleep(Math.max(0, started + opts.durationMs - Date.now()));
    await leaving;
    for (const c of clients) c.stopSending();
    await Promise.all(sending);
    dropping = false;
    await drops;

    // Let everyone finish: every send acknowledged and every view caught up with the store.
    const api = setup.messaging;
    const lastSeqs = async () =>
      new Map(
        await Promise.all(
          [...members.keys()].map(
            async (id) => [id, await lastSeqOf(api, readerOf(id), id)] as const,
          ),
        ),
      );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const last = await lastSeqs();
      const behind = clients.filter(
        (c) => c.pending > 0 || c.conversations.some((id) => c.seqOf(id) < (last.get(id) ?? 0)),
      );
      if (behind.length === 0) break;
      if (Date.now() > deadline) {
        log(`${opts.mode}: ${behind.length} people still behind after 30 s`);
        const c = behind[0]!;
        log(
          `e.g. ${c.userId}: pending ${c.pending}, connects ${c.connects}, errors ${JSON.stringify([...c.errors])}, ${c.conversations.map((id) => `${c.seqOf(id)}/${last.get(id)}`).join(' ')}`,
        );
        if (process.env.CHAOS_DEBUG) for (const n of nodes) log(n?.output().slice(-3000) ?? '');
        break;
      }
      await sleep(200);
    }
    for (const c of clients) c.stop();
    await Promise.all(running);

    const errors = new Map<string, number>();
    for (const c of clients)
      for (const [code, n] of c.errors) errors.set(code, (errors.get(code) ?? 0) + n);
    if (process.env.CHAOS_DEBUG)
      log(`connects per person: ${clients.map((c) => c.connects).join(',')}`);
    log(
      `${opts.mode}: send frames written ${clients.reduce((n, c) => n + c.framesSent, 0)}, max by one person ${Math.max(...clients.map((c) => c.framesSent))}`,
    );
    log(
      `${opts.mode}: error frames seen by people (answered by retrying): ${JSON.stringify(Object.fromEntries(errors))}`,
    );
    // A hint lost in a way the bus does not repair shows here, though the check then delivered it.
    const repairedAtHeartbeat = [...outputs, ...nodes.map((n) => n?.output() ?? '')]
      .flatMap((out) => out.split('\n'))
      .filter((line) => line.includes(CAUGHT_UP_LOG)).length;
    if (repairedAtHeartbeat > 0)
      log(`${opts.mode}: ${repairedAtHeartbeat} heartbeat checks found sockets behind the store`);
    const counts = await checkChaos(
      api,
      members,
      clients.map((c) => c.report()),
      tag,
      { left, readerOf },
      opts.problems,
    );
    return {
      ...counts,
      mode: opts.mode,
      kills,
      leaves: [...left.values()].reduce((n, m) => n + m.size, 0),
      redisRestarts,
      repairedAtHeartbeat,
      reconnects: clients.reduce((n, c) => n + c.connects, 0) - clients.length,
      conversations: members.size,
    };
  } finally {
    for (const c of clients) c.stop();
    await Promise.all(nodes.map((n) => (n ? n.kill('SIGKILL') : Promise.resolve())));
    await stopProcess(redis);
    await setup?.close().catch(() => undefined);
    await schema?.drop().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
