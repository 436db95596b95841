/** Two `mutual serve` processes sharing PostgreSQL and Redis: what is sent through one arrives live on the other, in order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/compose.ts';
import { composeApp } from '../../src/app/compose.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import { InProcessBus } from '../../src/adapters/bus/in-process.bus.ts';
import { RedisBus } from '../../src/adapters/bus/redis.bus.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { newId } from '../../src/lib/ids.ts';
import { type RunningServer, startServer } from '../../src/server/main.ts';
import { attachGateway } from '../../src/server/ws/gateway.ts';
import { createPgSchema } from '../support/databases.ts';
import {
  Probe,
  connectPair,
  makeCircle,
  makeOrg,
  makePeople,
  wsUrl,
  type TestPerson,
} from '../support/realtime.ts';
import { type MutualNode, pgSchemaUrl, startNode } from '../support/realtime-node.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const reason = 'two-node test skipped: needs TEST_DATABASE_URL and TEST_REDIS_URL';
if (!pgUrl || !redisUrl) console.warn(`[skip] ${reason}`);

describe.runIf(pgUrl && redisUrl)('two nodes on PostgreSQL + Redis', () => {
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let setup: AppContext;
  let nodeA: MutualNode;
  let nodeB: MutualNode;
  let ana: TestPerson, ben: TestPerson, cai: TestPerson;
  let orgId: string;
  const probes: Probe[] = [];

  beforeAll(async () => {
    schema = await createPgSchema(pgUrl!);
    // The test's own context only creates people and conversations; the nodes do everything else.
    setup = await composeApp(loadConfig({ DATABASE_URL: pgUrl!, LOG_LEVEL: 'silent' }), {
      pgSchema: schema.schema,
      logger: createLogger('silent'),
      bus: new InProcessBus(),
    });
    const env = {
      DATABASE_URL: pgSchemaUrl(pgUrl!, schema.schema),
      REDIS_URL: redisUrl!,
      PORT: '0',
    };
    [nodeA, nodeB] = await Promise.all([startNode(env), startNode(env)]);
    [ana, ben, cai] = (await makePeople(setup, 3)) as [TestPerson, TestPerson, TestPerson];
    orgId = await makeOrg(setup, [ana, ben, cai]);
  }, 60_000);
  afterAll(async () => {
    for (const p of probes) p.ws.terminate();
    await Promise.all([nodeA?.kill('SIGTERM'), nodeB?.kill('SIGTERM')]);
    await setup?.close();
    await schema?.drop();
  });

  const open = async (node: MutualNode, p: TestPerson) => {
    const probe = await Probe.open(wsUrl(node.url), p.cookie);
    probes.push(probe);
    return probe;
  };

  /**
   * Three new people in a circle of their own: the first two on node A, the third on node B. The first
   * subscribes first, so her read from the store fills node A's cache for every socket there.
   */
  const circleOverNodes = async (name: string) => {
    const people = (await makePeople(setup, 3, name)) as [TestPerson, TestPerson, TestPerson];
    const circle = await makeCircle(setup, await makeOrg(setup, people), people);
    const sockets = [
      await open(nodeA, people[0]),
      await open(nodeA, people[1]),
      await open(nodeB, people[2]),
    ] as const;
    for (const s of sockets) await s.subscribe(circle);
    return { circle, people, sockets };
  };

  it('delivers in real time on node A what is sent through node B, in the same order', async () => {
    const pair = await connectPair(setup, orgId, ana, ben);
    const a = await open(nodeA, ana);
    const b = await open(nodeB, ben);
    await a.subscribe(pair);
    await b.subscribe(pair);
    const texts = Array.from({ length: 20 }, (_, i) => `through B ${i + 1}`);
    const started = Date.now();
    const acks = await Promise.all(texts.map((t) => b.post(pair, t)));
    await a.wait((f) => f.type === 'message' && f.message.text === texts.at(-1), 5000);
    expect(Date.now() - started).toBeLessThan(5000);
    const got = a.all('message').filter((f) => f.message.conversationId === pair);
    expect(got.map((f) => f.message.text)).toEqual(texts);
    expect(got.map((f) => f.message.seq)).toEqual(acks.map((x) => x.seq));
    expect(got.map((f) => f.message.seq)).toEqual(texts.map((_, i) => i + 1));
  });

  it('keeps one order for everyone in a circle spread over both nodes, and relays typing across', async () => {
    const circle = await makeCircle(setup, orgId, [ana, ben, cai]);
    const a = await open(nodeA, ana);
    const b = await open(nodeB, ben);
    const c = await open(nodeA, cai);
    await Promise.all([a.subscribe(circle), b.subscribe(circle), c.subscribe(circle)]);
    const sends = [];
    for (let i = 0; i < 10; i++) {
      sends.push(a.post(circle, `a${i}`), (i % 2 ? b : c).post(circle, `b${i}`));
    }
    await Promise.all(sends);
    const seen = (p: Probe) => p.all('message').filter((f) => f.message.conversationId === circle);
    await expect
      .poll(() => [seen(a).length, seen(b).length, seen(c).length], { timeout: 5000 })
      .toEqual([20, 20, 20]);
    const order = seen(a).map((f) => f.message.id);
    expect(seen(b).map((f) => f.message.id)).toEqual(order);
    expect(seen(c).map((f) => f.message.id)).toEqual(order);
    expect(seen(c).map((f) => f.message.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    b.send({ type: 'typing', conversationId: circle });
    await a.next('typing', (t) => t.userId === ben.userId);
  });

  it('tells a socket following its conversations on node A of a message sent through node B, without content', async () => {
    const [fay, gus] = (await makePeople(setup, 2, 'Fol')) as [TestPerson, TestPerson];
    const pair = await connectPair(setup, await makeOrg(setup, [fay, gus]), fay, gus);
    const list = await open(nodeA, fay);
    list.send({ type: 'follow' });
    expect((await list.next('following')).conversationIds).toEqual([pair]);
    const b = await open(nodeB, gus);
    const ack = await b.post(pair, 'through B, for a list on A');
    expect(await list.next('conversation.activity', () => true, 5000)).toEqual({
      type: 'conversation.activity',
      conversationId: pair,
      seq: ack.seq,
    });
  });

  it('holds one person’s send limit across both nodes (Redis counts), and their sockets go on', async () => {
    // Two in-process nodes on the same database and Redis, with one stopped clock: every send falls in
    // the same shared window and no local bucket refills, so the counts are exact.
    const clock = new ManualClock('2026-03-01T10:00:00.100Z');
    const nodes: Array<{ ctx: AppContext; server: RunningServer }> = [];
    try {
      for (let i = 0; i < 2; i++) {
        const config = { DATABASE_URL: pgUrl!, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' };
        const ctx = await composeApp(loadConfig(config), {
          pgSchema: schema.schema,
          logger: createLogger('silent'),
          clock,
          bus: await RedisBus.connect(redisUrl!),
        });
        const server = await startServer(ctx, { attach: [(s, c) => attachGateway(s, c, {})] });
        nodes.push({ ctx, server });
      }
      const [eve, fin] = (await makePeople(nodes[0]!.ctx, 2, 'Eve')) as [TestPerson, TestPerson];
      const pair = await connectPair(
        nodes[0]!.ctx,
        await makeOrg(nodes[0]!.ctx, [eve, fin]),
        eve,
        fin,
      );
      const [onA, onB] = await Promise.all(
        nodes.map(async ({ server }) => {
          const probe = await Probe.open(wsUrl(`http://127.0.0.1:${server.port}`), eve.cookie);
          probes.push(probe);
          return probe;
        }),
      );
      // Each node alone would take its burst, 30, so 60 of these 70; together they take burst + 10/s = 40.
      for (let i = 0; i < 35; i++) {
        for (const p of [onA!, onB!])
          p.send({
            type: 'send',
            conversationId: pair,
            id: crypto.randomUUID(),
            text: `quick ${i}`,
          });
      }
      const sends = (p: Probe) => p.all('error').filter((e) => e.frame === 'send');
      const answered = () =>
        [onA!, onB!].reduce((n, p) => n + p.all('ack').length + sends(p).length, 0);
      await expect.poll(answered, { timeout: 10_000 }).toBe(70);
      const acked = onA!.all('ack').length + onB!.all('ack').length;
      expect(acked).toBe(40);
      const limited = [onA!, onB!].flatMap(sends);
      expect(limited).toHaveLength(30);
      expect(limited.every((e) => e.code === 'rate_limited' && (e.retryAfterMs ?? 0) > 0)).toBe(
        true,
      );
      onA!.send({ type: 'ping', ref: 'still-here' });
      expect(await onA!.next('pong')).toEqual({ type: 'pong', ref: 'still-here' });
    } finally {
      for (const { ctx, server } of nodes) {
        await server.close();
        await ctx.close();
      }
    }
  });

  it('never feeds a circle message to someone who left before it was stored, even before their leave is heard', async () => {
    const { circle, people, sockets } = await circleOverNodes('Gus');
    const [, hal] = people;
    const [a, h, g] = sockets;
    // Hal leaves through the test's own context: stored, but its event never reaches the nodes' Redis,
    // as when it went through a third node whose event is late.
    await setup.connections.leave(hal.userId, circle);
    await g.post(circle, 'after Hal left');
    await a.wait((f) => f.type === 'message' && f.message.text === 'after Hal left', 5000);
    await h.next('unsubscribed', (f) => f.conversationId === circle);
    expect(h.all('message').filter((f) => f.message.conversationId === circle)).toEqual([]);
    expect(h.all('unsubscribed').at(-1)).toMatchObject({ reason: 'access_lost' });
  });

  it('hides from a blocker, on every node, a circle message posted after the block, before its event is heard', async () => {
    const { circle, people, sockets } = await circleOverNodes('Kim');
    const [, lou, max] = people;
    const [k, l, m] = sockets;
    // Lou blocks Max through the test's own context: stored, but no node ever hears the event.
    await setup.connections.block(lou.userId, max.userId);
    await m.post(circle, 'after the block');
    await k.wait((f) => f.type === 'message' && f.message.text === 'after the block', 5000);
    const got = await l.next('message', (f) => f.message.conversationId === circle);
    expect(got.message).toMatchObject({ authorId: max.userId, text: '', hidden: true });
    expect(l.all('block.changed')).toEqual([]);
  });

  it('ends subscriptions on node A within a second when a person blocks or leaves through node B', async () => {
    const post = (node: MutualNode, path: string, cookie: string, body: unknown) =>
      fetch(`${node.url}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    // A block, made through node B by the person whose socket is on node A.
    const [eve, fin] = (await makePeople(setup, 2, 'Eve')) as [TestPerson, TestPerson];
    const pair = await connectPair(setup, await makeOrg(setup, [eve, fin]), eve, fin);
    const e = await open(nodeA, eve);
    const f = await open(nodeB, fin);
    await e.subscribe(pair);
    await f.subscribe(pair);
    const t0 = Date.now();
    expect((await post(nodeB, '/api/blocks', eve.cookie, { userId: fin.userId })).status).toBe(200);
    await e.next(
      'unsubscribed',
      (u) => u.conversationId === pair && u.reason === 'access_lost',
      1000,
    );
    expect(Date.now() - t0).toBeLessThan(1000);
    f.send({ type: 'send', conversationId: pair, id: newId(), text: 'after the block' });
    await f.next('error', (x) => x.conversationId === pair);
    expect(e.all('message').filter((m) => m.message.text === 'after the block')).toEqual([]);

    // A leave, made through node B by someone whose socket is on node A.
    const { circle, people, sockets } = await circleOverNodes('Ona');
    const [a, h, g] = sockets;
    const t1 = Date.now();
    expect(
      (await post(nodeB, `/api/conversations/${circle}/leave`, people[1].cookie, {})).status,
    ).toBe(200);
    await h.next('unsubscribed', (u) => u.conversationId === circle, 1000);
    expect(Date.now() - t1).toBeLessThan(1000);
    await g.post(circle, 'after one of them left');
    await a.wait((x) => x.type === 'message' && x.message.text === 'after one of them left', 5000);
    expect(h.all('message').filter((m) => m.message.text === 'after one of them left')).toEqual([]);
  });

  it('closes a socket on node A within a second when the session is revoked through node B', async () => {
    const [dee] = await makePeople(setup, 1, 'Dee');
    const d = await open(nodeA, dee!);
    const t0 = Date.now();
    const res = await fetch(`${nodeB.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: dee!.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect((await d.closed).code).toBe(4001);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
