import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InProcessBus } from '../adapters/bus/in-process.bus.ts';
import { DAY_MS, ManualClock, MINUTE_MS } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import {
  createPgSchema,
  POSTGRES_SKIP_REASON,
  TEST_DATABASES,
  type TestDatabase,
} from '../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../test/support/conversations.ts';
import type { Bus, SharedClaims } from './ports.ts';
import type { PushOutcome, PushSender } from './push.ports.ts';
import { isAllowedEndpoint, type Later, PUSH_TOPIC } from './push.service.ts';

const SERVICE = 'https://push.example.net';

/** Records each push; answers with whatever `answer` says for that endpoint. */
class FakeSender implements PushSender {
  readonly publicKey = 'test-key';
  readonly sent: Array<{ endpoint: string; topic: string; ttlSeconds: number }> = [];
  answer: (endpoint: string) => PushOutcome = () => 'sent';
  async send(endpoint: string, o: { topic: string; ttlSeconds: number }): Promise<PushOutcome> {
    this.sent.push({ endpoint, ...o });
    return this.answer(endpoint);
  }
  take(): string[] {
    return this.sent.splice(0).map((s) => s.endpoint);
  }
}

/** Timers run only when the test says. */
class ManualLater {
  readonly jobs: Array<{ work: () => Promise<void>; ms: number }> = [];
  readonly later: Later = (work, ms) => {
    const job = { work, ms };
    this.jobs.push(job);
    return () => this.jobs.splice(this.jobs.indexOf(job) >>> 0, 1);
  };
  async runAll(): Promise<void> {
    for (const job of this.jobs.splice(0)) await job.work();
  }
}

const endpoint = (userId: string) => `${SERVICE}/${userId}`;

/** Signs each person in on one device that subscribes to `SERVICE/<their id>`; their session ids. */
async function subscribeEach(
  app: TestApp,
  clock: ManualClock,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const sessions = new Map<string, string>();
  for (const userId of ids) {
    const sessionId = newId();
    await app.ctx.db.store.sessions.insert({
      id: sessionId,
      userId,
      tokenHash: `hash-${sessionId}`,
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 30 * DAY_MS),
      userAgent: null,
      revokedAt: null,
    });
    sessions.set(userId, sessionId);
    await app.ctx.push.subscribe({ id: sessionId, userId }, `${SERVICE}/${userId}`);
  }
  return sessions;
}

/** A circle `creator` made, with `others` invited and accepted. */
async function circleOf(
  app: TestApp,
  orgId: string,
  creator: string,
  name: string,
  others: string[],
) {
  const circle = await app.ctx.connections.createCircle(creator, { orgId, name });
  for (const p of others) {
    const { invitation } = await app.ctx.connections.inviteToCircle(creator, circle.id, {
      userId: p,
    });
    await app.ctx.connections.accept(p, invitation.id);
  }
  return circle;
}

describe('isAllowedEndpoint', () => {
  const allowed = ['https://fcm.googleapis.com', 'https://*.push.apple.com', 'http://127.0.0.1:9'];
  it.each([
    ['https://fcm.googleapis.com/fcm/send/abc', true],
    ['https://web.push.apple.com/QGx', true],
    ['https://push.apple.com.evil.example/x', false],
    ['https://evilpush.apple.com/x', false],
    ['http://fcm.googleapis.com/fcm/send/abc', false],
    ['https://fcm.googleapis.com:8443/x', false],
    ['https://user:pw@fcm.googleapis.com/x', false],
    ['http://127.0.0.1:9/push/1', true],
    ['http://127.0.0.1:10/push/1', false],
    ['http://10.0.0.1/push', false],
    ['not a url', false],
  ])('%s → %s', (endpoint, expected) => {
    expect(isAllowedEndpoint(endpoint, allowed)).toBe(expected);
  });
});

describe.each(TEST_DATABASES)('PushService on $name', (db) => {
  let app: TestApp;
  let clock: ManualClock;
  const sender = new FakeSender();
  const timers = new ManualLater();
  let orgId: string;
  let ids: string[];
  const sessionOf = new Map<string, string>();

  beforeAll(async () => {
    // 10:00 UTC on a Sunday.
    clock = new ManualClock('2026-03-01T10:00:00Z');
    app = await createTestApp(
      db,
      { PUSH_SERVICES: SERVICE, PUSH_DELAY_SECONDS: '60' },
      { clock, pushSender: sender, pushLater: timers.later },
    );
    ({ orgId, ids } = await seedOrg(app.ctx, 4));
    for (const [userId, sessionId] of await subscribeEach(app, clock, ids))
      sessionOf.set(userId, sessionId);
  });
  afterAll(async () => app?.close());

  const post = (author: string, conversationId: string) =>
    app.ctx.messaging.post(author, { conversationId, id: newId(), text: 'hello there' });

  it('waits, then pushes once to each member the conversation is unread for: never to the author', async () => {
    const [a, b] = ids as [string, string];
    const rel = await connectIds(app.ctx, orgId, a, b);
    await post(a, rel);
    await post(a, rel);
    await post(a, rel);
    // One check for the conversation, after the delay: nothing goes out at once.
    expect(timers.jobs.map((j) => j.ms)).toEqual([60_000]);
    expect(sender.sent).toEqual([]);
    await timers.runAll();
    expect(sender.sent).toEqual([
      { endpoint: endpoint(b), topic: PUSH_TOPIC, ttlSeconds: 12 * 60 * 60 },
    ]);
    sender.take();

    // Within the quiet spell after a push, the same conversation brings no other.
    clock.advance(5 * MINUTE_MS);
    await post(a, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([]);
    clock.advance(6 * MINUTE_MS);
    await post(a, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(b)]);
    clock.advance(11 * MINUTE_MS);
  });

  it('sends nothing when the message was read before the check', async () => {
    const [, b, c] = ids as [string, string, string];
    const rel = await connectIds(app.ctx, orgId, b, c);
    const { message } = await post(b, rel);
    await app.ctx.messaging.markRead(c, rel, message.seq);
    await timers.runAll();
    expect(sender.take()).toEqual([]);
  });

  it('sends nothing during the person’s own quiet hours in that conversation', async () => {
    const [, , c, d] = ids as [string, string, string, string];
    const rel = await connectIds(app.ctx, orgId, c, d);
    await app.ctx.conversations.setLimits(d, rel, {
      quietStart: '09:00',
      quietEnd: '12:00',
      timeZone: 'UTC',
      note: null,
    });
    // The other person's quiet hours do not silence c (posting reads up to one's own message, so only d posts).
    await post(d, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(c)]);
    // d's own quiet hours (09:00–12:00 UTC; it is after 10:00): nothing for d.
    clock.advance(11 * MINUTE_MS);
    await post(c, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([]);
    clock.advance(11 * MINUTE_MS);
    await app.ctx.conversations.setLimits(d, rel, {
      quietStart: '22:00',
      quietEnd: '07:00',
      timeZone: 'UTC',
      note: null,
    });
    await post(c, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(d)]);
  });

  it('sends nothing for a message from someone the person blocked', async () => {
    const [a, b, c] = ids as [string, string, string];
    const circle = await circleOf(app, orgId, a, 'Tuesday circle', [b, c]);
    await app.ctx.connections.block(c, a);
    await post(a, circle.id);
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(b)]);
  });

  it('sends nothing to a signed-out device, and forgets an endpoint the push service says is gone', async () => {
    const [a, b, , c] = ids as [string, string, string, string];
    clock.advance(11 * MINUTE_MS);
    const circle = await circleOf(app, orgId, a, 'Morning circle', [b, c]);
    await app.ctx.db.store.sessions.revoke(b, sessionOf.get(b)!, clock.now());
    sender.answer = (e) => (e === endpoint(c) ? 'gone' : 'sent');
    await post(a, circle.id);
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(c)]);
    expect(await app.ctx.push.status(sessionOf.get(c)!)).toMatchObject({ subscribed: false });
    sender.answer = () => 'sent';
  });

  it('keeps only endpoints on the allowed push services, and a device’s endpoint moves with its session', async () => {
    const [a] = ids as [string];
    const session = { id: sessionOf.get(a)!, userId: a };
    for (const bad of ['https://elsewhere.example/x', 'http://push.example.net/x']) {
      await expect(app.ctx.push.subscribe(session, bad)).rejects.toMatchObject({
        code: 'invalid_input',
        fields: { endpoint: expect.stringContaining('notice services') },
      });
    }
    expect(await app.ctx.push.status(session.id)).toEqual({
      enabled: true,
      publicKey: 'test-key',
      subscribed: true,
    });
    // A session keeps one endpoint: a new one replaces the old, so pushes go to one place per device.
    await app.ctx.push.subscribe(session, `${SERVICE}/renewed`);
    const rel = await connectIds(app.ctx, orgId, ids[3]!, a);
    await post(ids[3]!, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([`${SERVICE}/renewed`]);
    expect(await app.ctx.push.unsubscribe(session.id)).toBe(true);
    expect(await app.ctx.push.unsubscribe(session.id)).toBe(false);
    expect((await app.ctx.push.status(session.id)).subscribed).toBe(false);
  });
});

/** Claims shared by "nodes" in one process, kept for their time on the test's clock. */
function memoryClaims(clock: ManualClock): SharedClaims {
  const until = new Map<string, number>();
  return {
    async claim(key, ttlMs) {
      const now = clock.now().getTime();
      if ((until.get(key) ?? 0) > now) return false;
      until.set(key, now + ttlMs);
      return true;
    },
  };
}

/** A node's bus that also keeps claims shared with other nodes, as the Redis bus does. */
class ClaimingBus extends InProcessBus {
  constructor(private readonly shared: SharedClaims) {
    super();
  }
  claims(): SharedClaims {
    return this.shared;
  }
}

describe.each(TEST_DATABASES)(
  'PushService on several nodes, or after a restart, on $name',
  (db) => {
    let dir: string;
    let schema: { schema: string; drop(): Promise<void> } | undefined;
    let data: TestDatabase;
    let clock: ManualClock;
    let sender: FakeSender;
    const apps: TestApp[] = [];
    beforeEach(async () => {
      // Every node uses the same data: a file for SQLite, one schema for PostgreSQL.
      dir = mkdtempSync(join(tmpdir(), 'mutual-push-'));
      schema = db.name === 'postgres' ? await createPgSchema(db.url) : undefined;
      data = db.name === 'sqlite' ? { ...db, url: `sqlite:${join(dir, 'mutual.db')}` } : db;
      clock = new ManualClock('2026-03-01T10:00:00Z');
      sender = new FakeSender();
    });
    afterEach(async () => {
      for (const app of apps.splice(0)) await app.close();
      await schema?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Starts a node on the shared data, its push checks on `timers`. */
    const start = async (timers: ManualLater, bus?: Bus) => {
      const app = await createTestApp(
        data,
        { PUSH_SERVICES: SERVICE, PUSH_DELAY_SECONDS: '60' },
        {
          clock,
          pushSender: sender,
          pushLater: timers.later,
          ...(bus ? { bus } : {}),
          ...(schema ? { pgSchema: schema.schema } : {}),
        },
      );
      apps.push(app);
      return app;
    };

    it('checks the conversations whose checks it dropped, when they would have run, and pushes only what is unread', async () => {
      const before = new ManualLater();
      const first = await start(before);
      const { orgId, ids } = await seedOrg(first.ctx, 3);
      const [a, b, c] = ids as [string, string, string];
      await subscribeEach(first, clock, ids);
      const say = (author: string, conversationId: string) =>
        first.ctx.messaging.post(author, { conversationId, id: newId(), text: 'hello there' });

      // Eleven minutes ago: pushed then, and too old to check again.
      const earlier = await connectIds(first.ctx, orgId, a, b);
      await say(a, earlier);
      await before.runAll();
      expect(sender.take()).toEqual([endpoint(b)]);
      clock.advance(11 * MINUTE_MS);
      // Twenty seconds before the node stops: one stays unread for b, the other c has read.
      const circle = await circleOf(first, orgId, a, 'Friday circle', [b]);
      await say(a, circle.id);
      const read = await connectIds(first.ctx, orgId, a, c);
      const { message } = await say(a, read);
      await first.ctx.messaging.markRead(c, read, message.seq);
      expect(before.jobs).toHaveLength(2);
      clock.advance(20_000);
      // The node stops before its checks are due: they were only in its memory.
      await apps.shift()!.close();
      expect(before.jobs).toEqual([]);

      const after = new ManualLater();
      await start(after);
      // One check each for the two conversations active in the last ten minutes, due 60 s after their message.
      expect(after.jobs.map((j) => j.ms)).toEqual([40_000, 40_000]);
      expect(sender.sent).toEqual([]);
      await after.runAll();
      expect(sender.take()).toEqual([endpoint(b)]);
    });

    it('two nodes that share claims push a conversation to a person once per quiet spell, whichever node stored it', async () => {
      const claims = memoryClaims(clock);
      const [onA, onB] = [new ManualLater(), new ManualLater()];
      const nodeA = await start(onA, new ClaimingBus(claims));
      const nodeB = await start(onB, new ClaimingBus(claims));
      const { orgId, ids } = await seedOrg(nodeA.ctx, 3);
      const [a, b, c] = ids as [string, string, string];
      await subscribeEach(nodeA, clock, ids);
      const circle = await circleOf(nodeA, orgId, a, 'Monday circle', [b, c]);
      // a writes through node A, b through node B: each node checks the circle once.
      await nodeA.ctx.messaging.post(a, { conversationId: circle.id, id: newId(), text: 'hi' });
      await nodeB.ctx.messaging.post(b, { conversationId: circle.id, id: newId(), text: 'hey' });
      expect([onA.jobs.length, onB.jobs.length]).toEqual([1, 1]);
      await onA.runAll();
      await onB.runAll();
      // a has b's message unread and c both; b read up to their own. Each gets one push, not one per node.
      expect(sender.take().sort()).toEqual([endpoint(a), endpoint(c)].sort());

      // Once the spell is over, either node may push again.
      clock.advance(11 * MINUTE_MS);
      await nodeB.ctx.messaging.post(b, { conversationId: circle.id, id: newId(), text: 'again' });
      await onB.runAll();
      expect(sender.take().sort()).toEqual([endpoint(a), endpoint(c)].sort());
    });
  },
);

if (TEST_DATABASES.length === 1) console.warn(`[skip] push.service.test: ${POSTGRES_SKIP_REASON}`);
