/** Gateway limits with short timers: per-connection and per-person rates, heartbeats and idle cleanup. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/contract/ws.ts';
import { DAY_MS, ManualClock } from '../../src/lib/clock.ts';
import { newId } from '../../src/lib/ids.ts';
import { startServer, type RunningServer } from '../../src/server/main.ts';
import { attachGateway, type Gateway } from '../../src/server/ws/gateway.ts';
import { EPHEMERAL_CHANNEL } from '../../src/server/ws/presence.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import {
  Probe,
  connectPair,
  makeCircle,
  makeOrg,
  makePeople,
  wsUrl,
  type TestPerson,
} from '../support/realtime.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** A short typing throttle, so a test can wait it out. */
const TYPING_EVERY_MS = 300;

describe.each(TEST_DATABASES)('real-time limits ($name)', (db) => {
  let app: TestApp;
  let server: RunningServer;
  let gateway: Gateway;
  let url: string;
  let ana: TestPerson, ben: TestPerson;
  let pair: string;

  beforeAll(async () => {
    app = await createTestApp(db);
    server = await startServer(app.ctx, {
      attach: [
        (s, ctx) =>
          (gateway = attachGateway(s, ctx, {
            heartbeatMs: 150,
            // A few sockets per turn of the event loop, so these tests go through a sliced sweep.
            heartbeatSlice: 2,
            connectionRate: { perSecond: 5, burst: 10 },
            personRate: { perSecond: 1, burst: 3 },
            closeAfterRefused: 30,
            typingEveryMs: TYPING_EVERY_MS,
          })),
      ],
    });
    url = wsUrl(`http://127.0.0.1:${server.port}`);
    [ana, ben] = (await makePeople(app.ctx, 2)) as [TestPerson, TestPerson];
    pair = await connectPair(app.ctx, await makeOrg(app.ctx, [ana, ben]), ana, ben);
  });
  afterAll(async () => {
    await server?.close();
    await app?.close().catch(() => undefined);
  });

  it('limits sends per person across their sockets, with retryAfterMs, and the sockets go on', async () => {
    const a1 = await Probe.open(url, ana.cookie);
    const a2 = await Probe.open(url, ana.cookie);
    const ids = Array.from({ length: 5 }, () => newId());
    ids.forEach((id, i) =>
      (i % 2 ? a2 : a1).send({ type: 'send', conversationId: pair, id, text: `burst ${i}` }),
    );
    await expect
      .poll(
        () =>
          a1.all('ack').length +
          a2.all('ack').length +
          a1.all('error').length +
          a2.all('error').length,
      )
      .toBe(5);
    const limited = [...a1.all('error'), ...a2.all('error')];
    expect(a1.all('ack').length + a2.all('ack').length).toBe(3);
    expect(limited).toHaveLength(2);
    expect(limited[0]).toMatchObject({ code: 'rate_limited', frame: 'send' });
    expect(limited[0]!.retryAfterMs).toBeGreaterThan(0);
    a1.send({ type: 'ping', ref: 'ok' });
    await a1.next('pong');
    a1.close();
    a2.close();
  });

  it('limits frames per connection and closes a socket that keeps flooding (4008)', async () => {
    const b = await Probe.open(url, ben.cookie);
    for (let i = 0; i < 15; i++) b.send({ type: 'ping' });
    await b.next('error', (e) => e.code === 'rate_limited');
    expect(b.all('pong').length).toBeLessThanOrEqual(11);
    for (let i = 0; i < 60; i++) b.send({ type: 'ping' });
    expect((await b.closed).code).toBe(CLOSE.RATE_LIMITED);
  });

  it('charges a long hello more of the allowance (one frame per 25 conversations), so hellos cannot multiply reads', async () => {
    const b = await Probe.open(url, ben.cookie);
    // 250 conversations: 1 + 10 frames of a burst of 10. The next frame must wait.
    const resume = Array.from({ length: 250 }, () => ({ conversationId: newId(), lastSeq: 0 }));
    b.send({ type: 'hello', ref: 'long', resume });
    // A ref of 40 emoji is one the contract takes (64 characters at most, an emoji counting once), so the
    // refusal echoes it, as any other answer would.
    const next = '\u{1F331}'.repeat(40);
    b.send({ type: 'ping', ref: next });
    expect(await b.next('error', (e) => e.ref === next)).toMatchObject({
      code: 'rate_limited',
      frame: 'ping',
    });
    await expect.poll(() => b.all('error').filter((e) => e.ref === 'long').length).toBe(250);
    b.close();
  });

  it('relays typing at most once per interval per socket and conversation, and again once it has passed', async () => {
    const [cai] = (await makePeople(app.ctx, 1, 'Cai')) as [TestPerson];
    const circle = await makeCircle(app.ctx, await makeOrg(app.ctx, [ana, ben, cai]), [
      ana,
      ben,
      cai,
    ]);
    const a = await Probe.open(url, ana.cookie);
    const b = await Probe.open(url, ben.cookie);
    const c = await Probe.open(url, cai.cookie);
    for (const s of [a, b, c]) await s.subscribe(circle);
    const typingOf = (userId: string) =>
      b.all('typing').filter((t) => t.conversationId === circle && t.userId === userId);

    a.send({ type: 'typing', conversationId: circle });
    a.send({ type: 'typing', conversationId: circle });
    // Once Ana's pong is back both of her frames went to the bus; Cai's typing goes after them on the same
    // bus, so when Ben has it, a second relay of Ana's would have come already.
    a.send({ type: 'ping', ref: 'both-handled' });
    await a.next('pong', (p) => p.ref === 'both-handled');
    c.send({ type: 'typing', conversationId: circle });
    await b.next('typing', (t) => t.userId === cai.userId);
    expect(typingOf(ana.userId)).toHaveLength(1);

    await new Promise((r) => setTimeout(r, TYPING_EVERY_MS + 100));
    const from = b.frames.length;
    a.send({ type: 'typing', conversationId: circle });
    await b.wait((f) => f.type === 'typing' && f.userId === ana.userId, 3000, from);
    expect(typingOf(ana.userId)).toHaveLength(2);
    expect(a.all('typing').filter((t) => t.userId === ana.userId)).toEqual([]);
    for (const s of [a, b, c]) s.close();
  });

  it('drops a socket that stops answering heartbeats', async () => {
    const b = await Probe.open(url, ben.cookie);
    await expect.poll(() => [...gateway.core.hub.ofUser(ben.userId)].length).toBe(1);
    // Stop reading: the peer can no longer answer pings, as when a phone loses its network.
    (b.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await expect
      .poll(() => [...gateway.core.hub.ofUser(ben.userId)].length, { timeout: 2000 })
      .toBe(0);
    b.ws.terminate();
  });

  it('forgets presence announced by a node that stopped repeating it (a crashed node)', async () => {
    const b = await Probe.open(url, ben.cookie);
    await b.subscribe(pair);
    // Another node says Ana is online here, then dies without saying goodbye.
    await app.ctx.bus.publish(EPHEMERAL_CHANNEL, {
      kind: 'presence',
      node: 'node-that-dies',
      userId: ana.userId,
      online: true,
      conversationIds: [pair],
    });
    await b.next('presence', (p) => p.userId === ana.userId && p.online);
    const offline = await b.next('presence', (p) => p.userId === ana.userId && !p.online, 2000);
    expect(offline.conversationId).toBe(pair);
    b.close();
  });

  it('pings every socket at each heartbeat, a slice at a time', async () => {
    const sockets = await Promise.all(
      Array.from({ length: 7 }, (_, i) => Probe.open(url, (i % 2 ? ana : ben).cookie)),
    );
    const pings = sockets.map(() => 0);
    sockets.forEach((s, i) => s.ws.on('ping', () => (pings[i] = pings[i]! + 1)));
    await expect.poll(() => Math.min(...pings), { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    sockets.forEach((s) => s.close());
  });

  it('keeps a socket that answers heartbeats', async () => {
    const a = await Probe.open(url, ana.cookie);
    await new Promise((r) => setTimeout(r, 600));
    a.send({ type: 'ping', ref: 'alive' });
    await a.next('pong');
    a.close();
  });
});

describe.each(TEST_DATABASES)('real-time session end by time ($name)', (db) => {
  let app: TestApp;
  let server: RunningServer;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    app = await createTestApp(db, {}, { clock });
    server = await startServer(app.ctx, {
      attach: [(s, ctx) => attachGateway(s, ctx, { heartbeatMs: 100 })],
    });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close().catch(() => undefined);
  });

  it('closes a socket (4001) at the next heartbeat once its session has reached its end', async () => {
    const [dee] = (await makePeople(app.ctx, 1, 'Dee')) as [TestPerson];
    const d = await Probe.open(wsUrl(`http://127.0.0.1:${server.port}`), dee.cookie);
    clock.advance(31 * DAY_MS);
    expect((await d.closed).code).toBe(CLOSE.SESSION_ENDED);
  });

  it('closes a socket (4001) once its session went unused for the idle time; what the person does on it counts as use, pings do not', async () => {
    const [eve, fay] = (await makePeople(app.ctx, 2, 'Eve')) as [TestPerson, TestPerson];
    const url = wsUrl(`http://127.0.0.1:${server.port}`);
    const active = await Probe.open(url, eve.cookie);
    const unused = await Probe.open(url, fay.cookie);
    clock.advance(13 * DAY_MS);
    active.send({ type: 'presence', visibility: 'visible' });
    active.send({ type: 'ping', ref: 'used' });
    await active.next('pong');
    // Fay's session has gone 15 days (more than the 14-day idle time) without use; Eve's 2.
    clock.advance(2 * DAY_MS);
    expect((await unused.closed).code).toBe(CLOSE.SESSION_ENDED);
    await new Promise((r) => setTimeout(r, 300));
    active.send({ type: 'ping', ref: 'still' });
    await active.next('pong');
    expect(await app.ctx.accounts.liveSession(eve.sessionId, false)).toBeDefined();
    // Only pings for 13 more days: the session ends 14 days after the last use all the same.
    clock.advance(11 * DAY_MS);
    active.send({ type: 'ping', ref: 'auto' });
    await active.next('pong');
    clock.advance(2 * DAY_MS);
    expect((await active.closed).code).toBe(CLOSE.SESSION_ENDED);
    expect(await app.ctx.accounts.liveSession(eve.sessionId, false)).toBeUndefined();
  });
});
