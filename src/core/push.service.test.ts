import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, ManualClock, MINUTE_MS } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import {
  createPgSchema,
  POSTGRES_SKIP_REASON,
  TEST_DATABASES,
  type TestDatabase,
} from '../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { startTestServer } from '../../test/support/test-server.ts';
import { connectIds, seedOrg } from '../../test/support/conversations.ts';
import { ManualLater } from '../../test/support/manual-later.ts';
import type { PushOutcome, PushSender } from './push.ports.ts';
import { isAllowedEndpoint, PUSH_TOPIC } from './push.service.ts';

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

/** Sets `userId`'s quiet hours in `conversationId`, in UTC, from `start` to `end` ('HH:MM'). */
const quietInUtc = (
  app: TestApp,
  userId: string,
  conversationId: string,
  start: string,
  end: string,
) =>
  app.ctx.conversations.setLimits(userId, conversationId, {
    quietStart: start,
    quietEnd: end,
    timeZone: 'UTC',
    note: null,
  });

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
    await quietInUtc(app, d, rel, '09:00', '12:00');
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
    await quietInUtc(app, d, rel, '22:00', '07:00');
    await post(c, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(d)]);
  });

  const hhmm = (t: Date) => t.toISOString().slice(11, 16);
  /**
   * Two new people with a device each, connected; the second (d) in quiet hours there (UTC) from an hour ago
   * until `quietEnd`.
   */
  const quietPair = async (quietEnd: string) => {
    const two = await seedOrg(app.ctx, 2);
    const [a, d] = two.ids as [string, string];
    await subscribeEach(app, clock, [a, d]);
    const rel = await connectIds(app.ctx, two.orgId, a, d);
    await quietInUtc(app, d, rel, hhmm(new Date(clock.now().getTime() - 60 * MINUTE_MS)), quietEnd);
    return { a, d, rel };
  };

  it('pushes a message that came during quiet hours when they end, if it is still unread', async () => {
    const now = clock.now();
    const { a, d, rel } = await quietPair('23:00');
    await post(a, rel);
    await timers.runAll();
    expect(sender.take()).toEqual([]);
    // The next check waits for the end of d's quiet hours, to the minute.
    const endOfQuiet = new Date(`${now.toISOString().slice(0, 10)}T23:00:00Z`).getTime();
    const due = clock.now().getTime() + timers.jobs.map((j) => j.ms)[0]!;
    expect(timers.jobs).toHaveLength(1);
    expect(due).toBe(endOfQuiet);
    // A message meanwhile brings its own check sooner, which waits again for d.
    clock.advance(30 * MINUTE_MS);
    await post(a, rel);
    expect(timers.jobs.map((j) => j.ms)).toEqual([60_000]);
    await timers.runAll();
    expect(sender.take()).toEqual([]);
    expect(clock.now().getTime() + timers.jobs[0]!.ms).toBe(endOfQuiet);
    // Quiet hours over, still unread: the notice goes out now, once.
    clock.advance(endOfQuiet - clock.now().getTime());
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(d)]);
    expect(timers.jobs).toEqual([]);
    clock.advance(11 * MINUTE_MS);
  });

  it('sends nothing when quiet hours end if the message was read meanwhile', async () => {
    const {
      a: b,
      d,
      rel,
    } = await quietPair(hhmm(new Date(clock.now().getTime() + 120 * MINUTE_MS)));
    const { message } = await post(b, rel);
    await timers.runAll();
    expect(timers.jobs).toHaveLength(1);
    await app.ctx.messaging.markRead(d, rel, message.seq);
    clock.advance(121 * MINUTE_MS);
    await timers.runAll();
    expect(sender.take()).toEqual([]);
    expect(timers.jobs).toEqual([]);
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

    /** Starts a node (a real server) on the shared data, its push checks on `timers`. */
    const start = async (timers: ManualLater) => {
      const app = await startTestServer(
        data,
        { PUSH_SERVICES: SERVICE, PUSH_DELAY_SECONDS: '60' },
        {
          clock,
          pushSender: sender,
          pushLater: timers.later,
          ...(schema ? { pgSchema: schema.schema } : {}),
        },
      );
      apps.push(app);
      return app;
    };

    it('after a restart, pushes what no node pushed, when it would have gone out, and nothing twice', async () => {
      const first = new ManualLater();
      const one = await start(first);
      const { orgId, ids } = await seedOrg(one.ctx, 3);
      const [a, b, c] = ids as [string, string, string];
      await subscribeEach(one, clock, ids);
      const say = (app: TestApp, author: string, conversationId: string) =>
        app.ctx.messaging.post(author, { conversationId, id: newId(), text: 'hello there' });

      // Node one pushes one conversation, then stops 20 s after a message in another, before its check.
      const ab = await connectIds(one.ctx, orgId, a, b);
      await say(one, a, ab);
      await first.runAll();
      expect(sender.take()).toEqual([endpoint(b)]);
      const ac = await connectIds(one.ctx, orgId, a, c);
      await say(one, a, ac);
      clock.advance(20_000);
      await apps.shift()!.close();
      expect(first.jobs).toEqual([]);

      // Node two starts half an hour later, longer than the quiet spell: the lost check runs at once.
      clock.advance(30 * MINUTE_MS);
      const second = new ManualLater();
      const two = await start(second);
      expect(second.jobs.map((j) => j.ms)).toEqual([0]);
      await second.runAll();
      expect(sender.take()).toEqual([endpoint(c)]);
      // It pushes a new circle's message to b just before it stops.
      const circle = await circleOf(two, orgId, a, 'Friday circle', [b]);
      await say(two, a, circle.id);
      await second.runAll();
      expect(sender.take()).toEqual([endpoint(b)]);
      // Twenty seconds before it stops: one message stays unread for b, the other c has read.
      clock.advance(MINUTE_MS);
      await say(two, a, ab);
      const { message } = await say(two, a, ac);
      await two.ctx.messaging.markRead(c, ac, message.seq);
      clock.advance(20_000);
      await apps.shift()!.close();

      // Node three checks only the conversation with a message that is unread and was never pushed, when
      // its check would have run; the circle's push is not sent again.
      const third = new ManualLater();
      await start(third);
      expect(third.jobs.map((j) => j.ms)).toEqual([40_000]);
      await third.runAll();
      expect(sender.take()).toEqual([endpoint(b)]);
    });

    it('after a restart, still pushes when long quiet hours end, for a message from their start', async () => {
      const first = new ManualLater();
      const one = await start(first);
      const { orgId, ids } = await seedOrg(one.ctx, 2);
      const [a, b] = ids as [string, string];
      await subscribeEach(one, clock, ids);
      const ab = await connectIds(one.ctx, orgId, a, b);
      // b's quiet hours there run 20:00–10:00 UTC, fourteen hours.
      await quietInUtc(one, b, ab, '20:00', '10:00');
      clock.advance(10 * 60 * MINUTE_MS + 5 * MINUTE_MS);
      await one.ctx.messaging.post(a, { conversationId: ab, id: newId(), text: 'evening note' });
      await first.runAll();
      expect(sender.take()).toEqual([]);
      // Waiting for 10:00 when the node stops; it starts again at 09:00, thirteen hours after the message.
      expect(first.jobs).toHaveLength(1);
      await apps.shift()!.close();
      clock.advance(12 * 60 * MINUTE_MS + 55 * MINUTE_MS);
      const second = new ManualLater();
      await start(second);
      expect(second.jobs.map((j) => j.ms)).toEqual([0]);
      await second.runAll();
      expect(sender.take()).toEqual([]);
      expect(second.jobs.map((j) => j.ms)).toEqual([60 * MINUTE_MS]);
      clock.advance(60 * MINUTE_MS);
      await second.runAll();
      expect(sender.take()).toEqual([endpoint(b)]);
    });

    it('two nodes push a conversation to a person once per quiet spell, whichever node stored it', async () => {
      const [onA, onB] = [new ManualLater(), new ManualLater()];
      const nodeA = await start(onA);
      const nodeB = await start(onB);
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
