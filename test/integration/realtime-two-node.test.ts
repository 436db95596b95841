/** Two `mutual serve` processes sharing PostgreSQL and Redis: what is sent through one arrives live on the other, in order. */
import { Redis } from 'ioredis';
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
import { type GatewaySetup, attachGateway } from '../../src/server/ws/gateway.ts';
import { EVENTS_CHANNEL } from '../../src/core/bus-events.ts';
import { EPHEMERAL_CHANNEL } from '../../src/server/ws/presence.ts';
import { createPgSchema } from '../support/databases.ts';
import {
  Probe,
  connectPair,
  cuttableLink,
  makeCircle,
  makeOrg,
  makePeople,
  newPair,
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

  /** A ping answered: every frame the server sent before the `pong` has arrived. */
  const roundTrip = async (p: Probe, ref: string) => {
    p.send({ type: 'ping', ref });
    await p.next('pong', (f) => f.ref === ref);
  };

  /** The `message` frames of one conversation a socket received so far. */
  const messagesIn = (p: Probe, conversationId: string) =>
    p.all('message').filter((f) => f.message.conversationId === conversationId);

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
    const {
      people: [fay, gus],
      conversationId: pair,
    } = await newPair(setup, 'Fol');
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
      const {
        people: [eve],
        conversationId: pair,
      } = await newPair(nodes[0]!.ctx, 'Eve');
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
    const {
      people: [eve, fin],
      conversationId: pair,
    } = await newPair(setup, 'Eve');
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

  it('repairs a lost hint by catch-up: a socket resuming at its last seq gets exactly the missed message', async () => {
    const {
      people: [ida, jon],
      conversationId: pair,
    } = await newPair(setup, 'Ida');
    const i = await open(nodeA, ida);
    const j = await open(nodeB, jon);
    await i.subscribe(pair);
    await j.subscribe(pair);
    await j.post(pair, 'seen live on A');
    const live = await i.next('message', (f) => f.message.text === 'seen live on A', 5000);
    // Stored through the test's own context: its bus never reaches the nodes, so no hint is sent.
    const { message: missed } = await setup.messaging.post(jon.userId, {
      conversationId: pair,
      id: newId(),
      text: 'posted without a hint',
    });
    expect(missed.seq).toBe(live.message.seq + 1);
    await roundTrip(i, 'before-resume');
    expect(messagesIn(i, pair).map((f) => f.message.seq)).toEqual([live.message.seq]);

    i.close();
    await i.closed;
    const again = await open(nodeA, ida);
    again.send({ type: 'hello', resume: [{ conversationId: pair, lastSeq: live.message.seq }] });
    const synced = await again.next('subscribed', (f) => f.conversationId === pair, 5000);
    await roundTrip(again, 'after-resume');
    expect(synced.seq).toBe(missed.seq);
    expect(messagesIn(again, pair).map((f) => f.message)).toEqual([
      expect.objectContaining({
        id: missed.id,
        seq: missed.seq,
        authorId: jon.userId,
        text: 'posted without a hint',
      }),
    ]);
    // Nothing else about the conversation: presence comes and goes on its own and is left out.
    expect(again.frames.filter((f) => f.type !== 'presence').map((f) => f.type)).toEqual([
      'welcome',
      'message',
      'subscribed',
      'pong',
    ]);
  });

  /** An in-process node whose Redis connections go through a link the test can cut. */
  async function cuttableNode(gateway: GatewaySetup = {}) {
    const link = await cuttableLink(redisUrl!);
    const admin = new Redis(redisUrl!);
    const bus = await RedisBus.connect(link.url);
    const config = { DATABASE_URL: pgUrl!, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' };
    const ctx = await composeApp(loadConfig(config), {
      pgSchema: schema.schema,
      logger: createLogger('silent'),
      bus,
    });
    const server = await startServer(ctx, { attach: [(s, c) => attachGateway(s, c, gateway)] });
    return {
      link,
      bus,
      server,
      /** Two people connected, one socket on this node and one on node B, both subscribed. */
      pairAcross: async () => {
        const {
          people: [kai, lea],
          conversationId: pair,
        } = await newPair(setup, 'Kai');
        const k = await Probe.open(wsUrl(`http://127.0.0.1:${server.port}`), kai.cookie);
        probes.push(k);
        const l = await open(nodeB, lea);
        await k.subscribe(pair);
        await l.subscribe(pair);
        return { k, l, pair, kai, lea };
      },
      /** Whether Redis lists the node's subscriber connection. */
      subscriberUp: async () =>
        ((await admin.client('LIST')) as string).includes(`name=${bus.subscriberName}`),
      close: async () => {
        link.releaseSubscribes(); // or the bus's QUIT would wait behind a held SUBSCRIBE
        await server.close();
        await ctx.close();
        admin.disconnect();
        await link.close();
      },
    };
  }

  /**
   * A pair across a cuttable node and node B, messages from node B seen live (`before`), then the node's
   * link cut; `resumed` counts the node's catch-ups after its link is back.
   */
  async function pairThenCut(
    node: Awaited<ReturnType<typeof cuttableNode>>,
    before = ['before the cut'],
  ) {
    const gaps: Date[] = [];
    node.bus.onResume((gap) => gaps.push(gap.since));
    const pairing = await node.pairAcross();
    for (const text of before) {
      await pairing.l.post(pairing.pair, text);
      await pairing.k.next('message', (f) => f.message.text === text, 5000);
    }
    const cutAt = Date.now();
    node.link.cut();
    await expect.poll(node.subscriberUp, { timeout: 5000 }).toBe(false);
    return { ...pairing, cutAt, gaps, resumed: () => gaps.length };
  }

  it('re-reads the store for an open socket when its node’s Redis connection comes back', async () => {
    // An in-process node whose Redis connections go through a link the test can cut; node B posts.
    const node = await cuttableNode();
    const { link, subscriberUp } = node;
    try {
      // Kai on the node that can be cut, Lea on node B, both subscribed to their conversation.
      const { k, l, pair, resumed } = await pairThenCut(node);
      // Node B publishes its hint while this node's subscriber is away: Redis drops it for this node.
      const during = await l.post(pair, 'during the cut');
      await roundTrip(k, 'during-cut');
      expect(messagesIn(k, pair).map((f) => f.message.text)).toEqual(['before the cut']);

      link.restore();
      await expect.poll(resumed, { timeout: 5000 }).toBeGreaterThan(0);
      expect(await subscriberUp()).toBe(true);
      await k.next('message', (f) => f.message.text === 'during the cut', 5000);
      await roundTrip(k, 'after-resume');
      expect(messagesIn(k, pair).map((f) => [f.message.seq, f.message.text])).toEqual([
        [during.seq - 1, 'before the cut'],
        [during.seq, 'during the cut'],
      ]);
      expect(k.all('welcome')).toHaveLength(1);
      expect(k.ws.readyState).toBe(k.ws.OPEN);
    } finally {
      await node.close();
    }
  });

  it('catches up after its Redis link is back only once Redis has confirmed the subscriptions', async () => {
    // The subscriber is connected again but its SUBSCRIBE is slow to reach Redis: a hint node B publishes
    // meanwhile is lost for this node, so the catch-up read must come after the subscriptions, not before.
    const node = await cuttableNode();
    const { link, subscriberUp } = node;
    try {
      const { k, l, pair, resumed } = await pairThenCut(node);
      link.holdSubscribes();
      link.restore();
      await expect.poll(subscriberUp, { timeout: 5000 }).toBe(true);
      // Connected, not yet subscribed: no catch-up yet (it used to run 250 ms after the connection).
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(resumed()).toBe(0);
      const during = await l.post(pair, 'while subscribing');
      await roundTrip(k, 'while-subscribing');
      expect(messagesIn(k, pair).map((f) => f.message.text)).toEqual(['before the cut']);

      link.releaseSubscribes();
      await expect.poll(resumed, { timeout: 5000 }).toBe(1);
      await k.next('message', (f) => f.message.text === 'while subscribing', 5000);
      await roundTrip(k, 'after-subscribing');
      expect(messagesIn(k, pair).map((f) => [f.message.seq, f.message.text])).toEqual([
        [during.seq - 1, 'before the cut'],
        [during.seq, 'while subscribing'],
      ]);
      expect(k.all('welcome')).toHaveLength(1);
    } finally {
      await node.close();
    }
  });

  it('brings an open socket the edits and deletes made through node B while its node’s Redis link was down', async () => {
    // Their hints were lost to this node like a post's; the socket already has both messages, so only a
    // replay of what changed since the link dropped can tell it.
    const node = await cuttableNode();
    try {
      const { k, l, pair, resumed, cutAt, gaps } = await pairThenCut(node, [
        'to be edited',
        'to be deleted',
      ]);
      const [edited, deleted] = messagesIn(k, pair).map((f) => f.message);
      l.send({
        type: 'edit',
        ref: 'e',
        conversationId: pair,
        id: edited!.id,
        text: 'edited later',
      });
      await l.next('message.updated', (f) => f.ref === 'e', 5000);
      l.send({ type: 'delete', ref: 'd', conversationId: pair, id: deleted!.id });
      await l.next('message.updated', (f) => f.ref === 'd', 5000);
      await roundTrip(k, 'during-cut');
      expect(k.all('message.updated')).toEqual([]);

      const restoredAt = Date.now();
      node.link.restore();
      await expect.poll(resumed, { timeout: 5000 }).toBeGreaterThan(0);
      // The bus says from when it may have missed hints: the moment its link dropped.
      expect(gaps[0]!.getTime()).toBeGreaterThanOrEqual(cutAt);
      expect(gaps[0]!.getTime()).toBeLessThanOrEqual(restoredAt);
      await k.next('message.updated', (f) => f.message.text === 'edited later', 5000);
      await k.next('message.updated', (f) => f.message.id === deleted!.id, 5000);
      await roundTrip(k, 'after-resume');
      const now = new Map(k.all('message.updated').map((f) => [f.message.id, f.message]));
      expect([...now.keys()].sort()).toEqual([edited!.id, deleted!.id].sort());
      expect(now.get(deleted!.id)).toMatchObject({ seq: deleted!.seq, text: '' });
      expect(now.get(deleted!.id)?.deletedAt).toEqual(expect.any(String));
      expect(now.get(edited!.id)).toMatchObject({ seq: edited!.seq, deletedAt: null });
      expect(messagesIn(k, pair)).toHaveLength(2);
      expect(k.all('welcome')).toHaveLength(1);
    } finally {
      await node.close();
    }
  });

  it('tells a socket that follows its conversations of a message posted through node B while its node’s Redis link was down', async () => {
    const node = await cuttableNode();
    try {
      const { k, l, pair, resumed } = await pairThenCut(node, []);
      // A list page: following the person's conversations, subscribed to none of them.
      k.send({ type: 'unsubscribe', conversationId: pair });
      await k.next('unsubscribed', (f) => f.conversationId === pair);
      k.send({ type: 'follow' });
      await k.next('following', (f) => f.conversationIds.includes(pair));
      const during = await l.post(pair, 'while the list was cut off');
      await roundTrip(k, 'during-cut');
      expect(k.all('conversation.activity')).toEqual([]);

      node.link.restore();
      await expect.poll(resumed, { timeout: 5000 }).toBeGreaterThan(0);
      await k.next('conversation.activity', (f) => f.conversationId === pair, 5000);
      await roundTrip(k, 'after-resume');
      expect(k.all('conversation.activity')).toEqual([
        { type: 'conversation.activity', conversationId: pair, seq: during.seq },
      ]);
      expect(k.all('message')).toEqual([]);
    } finally {
      await node.close();
    }
  });

  it('catches an open socket up at its next heartbeat when a hint never came and nothing else follows', async () => {
    // No later message and no reconnect: only the node's check against the store can tell this socket.
    const { pairAcross, close } = await cuttableNode({ heartbeatMs: 300 });
    try {
      const { k, l, pair, lea } = await pairAcross();
      await l.post(pair, 'seen live');
      await k.next('message', (f) => f.message.text === 'seen live', 5000);
      // Stored through the test's own context: its bus never reaches the nodes, so no hint is sent.
      const { message: missed } = await setup.messaging.post(lea.userId, {
        conversationId: pair,
        id: newId(),
        text: 'posted without a hint',
      });
      await k.next('message', (f) => f.message.id === missed.id, 5000);
      await roundTrip(k, 'after-check');
      expect(messagesIn(k, pair).map((f) => [f.message.seq, f.message.text])).toEqual([
        [missed.seq - 1, 'seen live'],
        [missed.seq, 'posted without a hint'],
      ]);
      expect(k.all('welcome')).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('sends the hints it could not publish once its Redis link is back, so open sockets on other nodes hear', async () => {
    // The in-process node posts while its link is cut; the socket on node B never lost its own link, so
    // only the held hint can tell it (before, it heard nothing until the next message there).
    const { link, bus, subscriberUp, pairAcross, close } = await cuttableNode();
    try {
      // Kai on the node that can be cut, Lea on node B, both subscribed to their conversation.
      const { k, l, pair } = await pairAcross();
      await k.post(pair, 'before the cut');
      await l.next('message', (f) => f.message.text === 'before the cut', 5000);

      link.cut();
      await expect.poll(subscriberUp, { timeout: 5000 }).toBe(false);
      const during = await k.post(pair, 'during the cut');
      expect(bus.heldEvents).toBeGreaterThan(0);
      await roundTrip(l, 'during-cut');
      expect(messagesIn(l, pair).map((f) => f.message.text)).toEqual(['before the cut']);

      link.restore();
      await l.next('message', (f) => f.message.text === 'during the cut', 5000);
      await expect.poll(() => bus.heldEvents, { timeout: 5000 }).toBe(0);
      await roundTrip(l, 'after-restore');
      expect(messagesIn(l, pair).map((f) => [f.message.seq, f.message.text])).toEqual([
        [during.seq - 1, 'before the cut'],
        [during.seq, 'during the cut'],
      ]);
      expect(l.all('welcome')).toHaveLength(1);
      expect(l.ws.readyState).toBe(l.ws.OPEN);
    } finally {
      await close();
    }
  });

  it('carries no message text over Redis: posts, edits, deletes, typing and read markers are hints', async () => {
    const tag = newId().slice(-8);
    const [first, edited, gone] = [`first ${tag}`, `edited ${tag}`, `soon gone ${tag}`];
    // Everything published on Redis meanwhile; domain events carry a payload, ephemeral ones are flat.
    type Published = { conversationId?: unknown; payload?: { conversationId?: unknown } };
    const captured: Array<{ channel: string; raw: string }> = [];
    const spy = new Redis(redisUrl!);
    try {
      spy.on('pmessage', (_pattern: string, channel: string, raw: string) =>
        captured.push({ channel, raw }),
      );
      await spy.psubscribe('*');
      const {
        people: [mia, ned],
        conversationId: pair,
      } = await newPair(setup, 'Mia');
      await setup.conversations.setShareReadMarkers(ned.userId, pair, true);
      const m = await open(nodeA, mia);
      const n = await open(nodeB, ned);
      await m.subscribe(pair);
      await n.subscribe(pair);

      const one = await m.post(pair, first);
      await n.next('message', (f) => f.message.id === one.id, 5000);
      m.send({ type: 'edit', conversationId: pair, id: one.id, text: edited });
      await n.next('message.updated', (f) => f.message.text === edited, 5000);
      const two = await m.post(pair, gone);
      await n.next('message', (f) => f.message.id === two.id, 5000);
      m.send({ type: 'delete', conversationId: pair, id: two.id });
      await n.next(
        'message.updated',
        (f) => f.message.id === two.id && !!f.message.deletedAt,
        5000,
      );
      n.send({ type: 'typing', conversationId: pair });
      await m.next('typing', (f) => f.userId === ned.userId, 5000);
      n.send({ type: 'read', conversationId: pair, seq: two.seq });
      await m.next('read.updated', (f) => f.userId === ned.userId && f.seq === two.seq, 5000);

      const about = (channel: string) =>
        captured
          .filter((c) => c.channel === channel)
          .map((c) => JSON.parse(c.raw) as Published)
          .filter((e) => (e.payload?.conversationId ?? e.conversationId) === pair);
      await expect.poll(() => about(EVENTS_CHANNEL).length, { timeout: 5000 }).toBe(5);
      await expect.poll(() => about(EPHEMERAL_CHANNEL).length, { timeout: 5000 }).toBe(1);
      for (const text of [first, edited, gone])
        expect(captured.filter((c) => c.raw.includes(text))).toEqual([]);
      const hint = (seq: number, messageId: string) => ({ conversationId: pair, seq, messageId });
      expect(about(EVENTS_CHANNEL)).toEqual([
        { name: 'message.posted', payload: hint(one.seq, one.id) },
        { name: 'message.updated', payload: hint(one.seq, one.id) },
        { name: 'message.posted', payload: hint(two.seq, two.id) },
        { name: 'message.updated', payload: hint(two.seq, two.id) },
        {
          name: 'read.updated',
          payload: { conversationId: pair, userId: ned.userId, seq: two.seq },
        },
      ]);
      expect(about(EPHEMERAL_CHANNEL)).toEqual([
        { kind: 'typing', conversationId: pair, userId: ned.userId },
      ]);
    } finally {
      spy.disconnect();
    }
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
