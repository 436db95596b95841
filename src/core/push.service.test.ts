import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, ManualClock, MINUTE_MS } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { POSTGRES_SKIP_REASON, TEST_DATABASES } from '../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../test/support/conversations.ts';
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
      sessionOf.set(userId, sessionId);
      await app.ctx.push.subscribe({ id: sessionId, userId }, `${SERVICE}/${userId}`);
    }
  });
  afterAll(async () => app?.close());

  const post = (author: string, conversationId: string) =>
    app.ctx.messaging.post(author, { conversationId, id: newId(), text: 'hello there' });
  const endpoint = (userId: string) => `${SERVICE}/${userId}`;
  /** A circle `creator` made, with `others` invited and accepted. */
  const circleOf = async (creator: string, name: string, others: string[]) => {
    const circle = await app.ctx.connections.createCircle(creator, { orgId, name });
    for (const p of others) {
      const { invitation } = await app.ctx.connections.inviteToCircle(creator, circle.id, {
        userId: p,
      });
      await app.ctx.connections.accept(p, invitation.id);
    }
    return circle;
  };

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
    const circle = await circleOf(a, 'Tuesday circle', [b, c]);
    await app.ctx.connections.block(c, a);
    await post(a, circle.id);
    await timers.runAll();
    expect(sender.take()).toEqual([endpoint(b)]);
  });

  it('sends nothing to a signed-out device, and forgets an endpoint the push service says is gone', async () => {
    const [a, b, , c] = ids as [string, string, string, string];
    clock.advance(11 * MINUTE_MS);
    const circle = await circleOf(a, 'Morning circle', [b, c]);
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

if (TEST_DATABASES.length === 1) console.warn(`[skip] push.service.test: ${POSTGRES_SKIP_REASON}`);
