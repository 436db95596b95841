/** The WebSocket gateway over a real server and real sockets: handshake, frames, delivery, resume, revocation. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE, WS_MAX_PAYLOAD } from '../../src/contract/ws.ts';
import { newId } from '../../src/lib/ids.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import {
  Probe,
  connectPair,
  handshakeStatus,
  makeCircle,
  makeOrg,
  makePeople,
  newPair,
  wsUrl,
  type TestPerson,
} from '../support/realtime.ts';
import {
  person,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../support/test-server.ts';

/** The code `probe` closes with, or 'still open' after `timeoutMs`, so a socket that stays open fails fast. */
const closeCode = (probe: Probe, timeoutMs = 3000): Promise<number | 'still open'> =>
  Promise.race([
    probe.closed.then(({ code }) => code),
    new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), timeoutMs)),
  ]);

describe.each(TEST_DATABASES)('real-time gateway ($name)', (db) => {
  let srv: TestServer;
  let url: string;
  const logLines: string[] = [];
  let ana: TestPerson, ben: TestPerson, cai: TestPerson;
  let orgId: string;
  let pair: string;
  const open: Probe[] = [];
  const connect = async (p: TestPerson, headers: Record<string, string> = {}) => {
    const probe = await Probe.open(url, p.cookie, headers);
    open.push(probe);
    return probe;
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    srv = await startTestServer(
      db,
      {
        ALLOWED_ORIGINS: 'https://app.example.org',
        PUBLIC_URL: 'https://mutual.example.org',
        ARGON2_MEMORY_KIB: '19456',
      },
      { logger: pino({ level: 'warn' }, sink) },
    );
    url = wsUrl(srv.url);
    [ana, ben, cai] = (await makePeople(srv.ctx, 3)) as [TestPerson, TestPerson, TestPerson];
    orgId = await makeOrg(srv.ctx, [ana, ben, cai]);
    pair = await connectPair(srv.ctx, orgId, ana, ben);
  });
  afterEach(async () => {
    const closing = open.splice(0);
    for (const p of closing) p.ws.terminate();
    await Promise.all(closing.map((p) => p.closed));
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('refuses a handshake without a session cookie, or with an unknown one, with 401', async () => {
    expect(await handshakeStatus(url)).toBe(401);
    expect(await handshakeStatus(url, { cookie: 'mutual_session=not-a-real-token' })).toBe(401);
  });

  it('refuses a handshake from another site with 403, and accepts listed, public and same-host origins', async () => {
    const cookie = ana.cookie;
    expect(await handshakeStatus(url, { cookie, origin: 'https://evil.example.com' })).toBe(403);
    expect(await handshakeStatus(url, { cookie, origin: 'null' })).toBe(403);
    expect(await handshakeStatus(url, { cookie, origin: 'https://app.example.org' })).toBe(101);
    expect(await handshakeStatus(url, { cookie, origin: 'https://mutual.example.org' })).toBe(101);
    expect(await handshakeStatus(url, { cookie, origin: srv.url })).toBe(101);
  });

  it('answers 404 for an upgrade on another path', async () => {
    expect(
      await handshakeStatus(`${srv.url.replace('http', 'ws')}/elsewhere`, { cookie: ana.cookie }),
    ).toBe(404);
  });

  it('closes with 1009 when a frame is larger than 64 KiB', async () => {
    const a = await connect(ana);
    a.sendRaw('x'.repeat(WS_MAX_PAYLOAD + 1));
    expect(await closeCode(a)).toBe(1009);
  });

  it('pins the frame limit at 64 KiB: 65,537 bytes close with 1009, 65,536 bytes are read and answered', async () => {
    expect(WS_MAX_PAYLOAD).toBe(65_536);
    const over = await connect(ana);
    const tooBig = 'x'.repeat(65_537);
    expect(Buffer.byteLength(tooBig)).toBe(65_537);
    over.sendRaw(tooBig);
    expect(await closeCode(over)).toBe(1009);

    // Exactly at the limit: a send whose text is far over 8000 characters, refused as invalid, and the
    // socket goes on.
    const a = await connect(ana);
    const id = newId();
    const shell = JSON.stringify({
      type: 'send',
      ref: 'at-limit',
      conversationId: pair,
      id,
      text: '',
    });
    const atLimit = JSON.stringify({
      type: 'send',
      ref: 'at-limit',
      conversationId: pair,
      id,
      text: 'y'.repeat(65_536 - shell.length),
    });
    expect(Buffer.byteLength(atLimit)).toBe(65_536);
    a.sendRaw(atLimit);
    const outcome = await Promise.race([
      a.closed.then(({ code }) => `closed with ${code}`),
      a.next('error', (e) => e.ref === 'at-limit').then(() => 'answered'),
    ]);
    expect(outcome).toBe('answered');
    const refused = await a.next('error', (e) => e.ref === 'at-limit');
    expect(refused).toMatchObject({
      code: 'invalid_frame',
      frame: 'send',
      conversationId: pair,
      id,
    });
    expect(refused.message).toMatch(/text: Please keep a message to 8000 characters/);
    a.send({ type: 'ping', ref: 'after-limit' });
    expect(await a.next('pong', (p) => p.ref === 'after-limit')).toEqual({
      type: 'pong',
      ref: 'after-limit',
    });
    expect(await srv.ctx.messaging.since(ana.userId, pair, 0, 500)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id })]),
    );
  });

  it('answers malformed, unknown and invalid frames with an error naming the problem, and goes on', async () => {
    const a = await connect(ana);
    a.sendRaw('{"type": "send", ');
    expect(await a.next('error')).toMatchObject({
      code: 'malformed',
      message: expect.stringMatching(/not valid JSON/),
    });
    a.send({ type: 'shout', ref: 'r1' });
    expect(await a.next('error', (e) => e.ref === 'r1')).toMatchObject({
      code: 'invalid_frame',
      message: expect.stringMatching(/Unknown frame type "shout"/),
    });
    a.send({ type: 'send', ref: 'r2', conversationId: pair, id: 'not-a-uuid', text: '' });
    const invalid = await a.next('error', (e) => e.ref === 'r2');
    expect(invalid).toMatchObject({ code: 'invalid_frame', frame: 'send', conversationId: pair });
    expect(invalid).not.toHaveProperty('id');
    expect(invalid.message).toMatch(/id: Must be a UUID/);
    expect(invalid.message).toMatch(/text:/);
    const id = newId();
    a.sendRaw(JSON.stringify({ type: 'send', ref: 'r3', conversationId: pair, id, text: 7 }));
    expect(await a.next('error', (e) => e.ref === 'r3')).toMatchObject({
      conversationId: pair,
      id,
    });
    a.send({ type: 5, ref: 'r4' });
    expect((await a.next('error', (e) => e.ref === 'r4')).message).toMatch(
      /"type" must be a string/,
    );
    a.sendRaw(Buffer.from([1, 2, 3]));
    expect(await a.next('error', (e) => /binary/.test(e.message))).toMatchObject({
      code: 'malformed',
    });
    a.send({ type: 'ping', ref: 'still-here' });
    expect(await a.next('pong')).toEqual({ type: 'pong', ref: 'still-here' });
  });

  it('refuses to subscribe or post to a conversation the person is not in, and logs who, what and when', async () => {
    const c = await connect(cai);
    c.send({ type: 'subscribe', ref: 's', conversationId: pair });
    expect(await c.next('error', (e) => e.ref === 's')).toMatchObject({
      code: 'not_found',
      conversationId: pair,
    });
    const id = newId();
    c.send({
      type: 'send',
      ref: 'p',
      conversationId: pair,
      id,
      text: 'a secret that must never be logged',
    });
    expect(await c.next('error', (e) => e.ref === 'p')).toMatchObject({ code: 'not_found', id });
    const made = newId();
    c.send({ type: 'subscribe', ref: 'm', conversationId: made });
    expect(await c.next('error', (e) => e.ref === 'm')).toMatchObject({ code: 'not_found' });
    expect(await srv.ctx.messaging.since(ana.userId, pair, 0, 50)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id })]),
    );
    const refused = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.userId === cai.userId && l.conversationId === pair);
    expect(refused.map((l) => l.action)).toEqual(expect.arrayContaining(['subscribe', 'send']));
    expect(refused[0]).toHaveProperty('at');
    // Over HTTP the same: refused, and logged the same way.
    const viaHttp = await fetch(`${srv.url}/api/conversations/${pair}/messages`, {
      method: 'POST',
      headers: { cookie: cai.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ id: newId(), text: 'another secret that must never be logged' }),
    });
    expect(viaHttp.status).toBe(404);
    const httpRefused = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.userId === cai.userId && l.conversationId === pair && l.at);
    expect(httpRefused.map((l) => l.action)).toContain(
      'POST /api/conversations/:conversationId/messages',
    );
    expect(logLines.join('\n')).not.toMatch(/never be logged/);
  });

  it('acks a send only after it is stored, then delivers it with its seq to the other member', async () => {
    const a = await connect(ana);
    const b = await connect(ben);
    const start = await b.subscribe(pair);
    await a.subscribe(pair);
    const id = newId();
    const ack = await a.post(pair, 'hello from ana', id);
    expect(ack).toMatchObject({ id, conversationId: pair, seq: start.seq + 1, duplicate: false });
    const stored = await srv.ctx.messaging.since(ben.userId, pair, start.seq, 10);
    expect(stored.map((m) => m.id)).toEqual([id]);
    const got = await b.next('message', (f) => f.message.id === id);
    expect(got.message).toMatchObject({
      seq: ack.seq,
      authorId: ana.userId,
      text: 'hello from ana',
      conversationId: pair,
    });
    // The sender's own socket gets it too, so its other devices and its local echo agree on the seq.
    await a.next('message', (f) => f.message.id === id);

    // A retry with the same id returns the original: same seq, nothing new delivered.
    const again = await a.post(pair, 'hello from ana', id);
    expect(again).toMatchObject({ seq: ack.seq, duplicate: true });
    await b.post(pair, 'and back');
    await a.next('message', (f) => f.message.text === 'and back');
    expect(b.all('message').filter((f) => f.message.id === id)).toHaveLength(1);
  });

  it('delivers over the socket what was posted over HTTP, and an HTTP retry stays one message', async () => {
    const b = await connect(ben);
    const start = await b.subscribe(pair);
    const http = srv.client();
    const id = newId();
    const headers = { cookie: ana.cookie, 'content-type': 'application/json' };
    const res = await http.request(
      'POST',
      `/api/conversations/${pair}/messages`,
      { id, text: 'from the web form' },
      headers,
    );
    expect(res.status).toBe(201);
    const got = await b.next('message', (f) => f.message.id === id);
    expect(got.message.seq).toBe(start.seq + 1);
    const again = await http.request(
      'POST',
      `/api/conversations/${pair}/messages`,
      { id, text: 'from the web form' },
      headers,
    );
    expect(again.body).toMatchObject({ duplicate: true });
    const a = await connect(ana);
    await a.post(pair, 'after the retry');
    await b.next('message', (f) => f.message.text === 'after the retry');
    expect(b.all('message').filter((f) => f.message.id === id)).toHaveLength(1);
  });

  it('resumes after a reconnect with exactly the missed messages, in order', async () => {
    const b1 = await connect(ben);
    const sub = await b1.subscribe(pair);
    const a = await connect(ana);
    await a.post(pair, 'seen live');
    const live = await b1.next('message', (f) => f.message.text === 'seen live');
    b1.close();
    await b1.closed;
    const missed = [];
    for (let i = 1; i <= 5; i++) missed.push((await a.post(pair, `missed ${i}`)).seq);
    const b2 = await connect(ben);
    b2.send({ type: 'hello', resume: [{ conversationId: pair, lastSeq: live.message.seq }] });
    const synced = await b2.next('subscribed', (f) => f.conversationId === pair);
    expect(synced.seq).toBe(missed.at(-1));
    expect(b2.all('message').map((f) => f.message.seq)).toEqual(missed);
    expect(b2.all('message').map((f) => f.message.text)).toEqual([
      'missed 1',
      'missed 2',
      'missed 3',
      'missed 4',
      'missed 5',
    ]);
    expect(sub.seq).toBeLessThan(live.message.seq);
  });

  it('answers every subscribe, even several in a row, and takes a lastSeq past the end as the end', async () => {
    const a = await connect(ana);
    const last = (await a.post(pair, 'the newest so far')).seq;
    const b = await connect(ben);
    b.send({ type: 'subscribe', ref: 's1', conversationId: pair, lastSeq: 999_999 });
    b.send({ type: 'subscribe', ref: 's2', conversationId: pair, lastSeq: 2 ** 31 - 1 });
    b.send({ type: 'subscribe', ref: 's3', conversationId: pair });
    await b.next('subscribed', (f) => f.ref === 's3');
    expect(b.all('subscribed').map((f) => [f.ref, f.seq])).toEqual([
      ['s1', last],
      ['s2', last],
      ['s3', last],
    ]);
    // The socket is current, so the next message arrives live.
    const next = await a.post(pair, 'after the odd subscribes');
    expect((await b.next('message', (f) => f.message.id === next.id)).message.seq).toBe(last + 1);
    expect(b.all('message').map((f) => f.message.seq)).toEqual([last + 1]);
  });

  it('stops sending a conversation after unsubscribe', async () => {
    const a = await connect(ana);
    const b = await connect(ben);
    await b.subscribe(pair);
    b.send({ type: 'unsubscribe', ref: 'u', conversationId: pair });
    expect(await b.next('unsubscribed', (f) => f.ref === 'u')).toMatchObject({
      conversationId: pair,
      reason: 'requested',
    });
    const ack = await a.post(pair, 'after unsubscribe');
    b.send({ type: 'ping', ref: 'later' });
    await b.next('pong', (p) => p.ref === 'later');
    await new Promise((r) => setTimeout(r, 100));
    expect(b.all('message').some((f) => f.message.id === ack.id)).toBe(false);
  });

  it('resumes across several store pages: 450 missed messages arrive once each, in order', async () => {
    const circle = await makeCircle(srv.ctx, orgId, [ana, ben]);
    const before = await connect(ben);
    await before.subscribe(circle);
    before.close();
    await before.closed;
    // Posted through the service, as other people on other devices would (no per-socket rate limit).
    for (let i = 1; i <= 450; i++)
      await srv.ctx.messaging.post(ana.userId, {
        conversationId: circle,
        id: newId(),
        text: `page test ${i}`,
      });
    const b = await connect(ben);
    b.send({ type: 'hello', resume: [{ conversationId: circle, lastSeq: 0 }] });
    expect(await b.next('subscribed', (f) => f.conversationId === circle, 10_000)).toMatchObject({
      seq: 450,
    });
    const seqs = b
      .all('message')
      .filter((f) => f.message.conversationId === circle)
      .map((f) => f.message.seq);
    expect(seqs).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
  });

  it('closes open sockets within a second of sign-out and of session revocation (4001)', async () => {
    const [dee] = await makePeople(srv.ctx, 1, 'Dee');
    const s = await connect(dee!);
    const t0 = Date.now();
    await srv.ctx.accounts.signOut(dee!.token);
    expect((await s.closed).code).toBe(CLOSE.SESSION_ENDED);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await handshakeStatus(url, { cookie: dee!.cookie })).toBe(401);

    const signedIn = await srv.ctx.accounts
      .signIn({
        login: (await srv.ctx.db.store.users.findById(dee!.userId))!.login,
        password: 'wrong',
      })
      .catch(() => undefined);
    expect(signedIn).toBeUndefined();
    const [eli] = await makePeople(srv.ctx, 1, 'Eli');
    const e = await connect(eli!);
    const t1 = Date.now();
    await srv.ctx.accounts.revokeAllSessions(eli!.userId);
    expect((await e.closed).code).toBe(CLOSE.SESSION_ENDED);
    expect(Date.now() - t1).toBeLessThan(1000);
  });

  it('revoking one session over HTTP closes only its socket (4001) within a second; ending all others keeps the current one', async () => {
    const p = person('Kit');
    const phone = srv.client();
    const laptop = srv.client();
    const tablet = srv.client();
    const desk = srv.client();
    expect((await phone.post('/api/auth/sign-up', p)).status).toBe(201);
    for (const device of [laptop, tablet, desk])
      expect(
        (await device.post('/api/auth/sign-in', { login: p.login, password: p.password })).status,
      ).toBe(200);
    const socketOf = async (device: ApiClient) => {
      const probe = await Probe.open(url, device.cookieHeader);
      open.push(probe);
      return probe;
    };
    const answers = async (s: Probe, ref: string) => {
      s.send({ type: 'ping', ref });
      return s.next('pong', (f) => f.ref === ref);
    };
    const [onPhone, onLaptop, onTablet, onDesk] = (await Promise.all(
      [phone, laptop, tablet, desk].map(socketOf),
    )) as [Probe, Probe, Probe, Probe];
    const mine = await phone.get<{ sessions: Array<{ id: string; isCurrent: boolean }> }>(
      '/api/me/sessions',
    );
    const phoneSession = mine.body.sessions.find((s) => s.isCurrent)!.id;

    const t0 = Date.now();
    expect((await laptop.delete(`/api/me/sessions/${phoneSession}`)).status).toBe(200);
    expect(await closeCode(onPhone)).toBe(CLOSE.SESSION_ENDED);
    expect(Date.now() - t0).toBeLessThan(1000);
    await answers(onLaptop, 'laptop-1');
    await answers(onTablet, 'tablet-1');
    await answers(onDesk, 'desk-1');

    const t1 = Date.now();
    const ended = await laptop.post('/api/me/sessions/revoke-all', { keepCurrent: true });
    expect(ended.body).toEqual({ count: 2 });
    expect(await closeCode(onTablet)).toBe(CLOSE.SESSION_ENDED);
    expect(await closeCode(onDesk)).toBe(CLOSE.SESSION_ENDED);
    expect(Date.now() - t1).toBeLessThan(1000);
    await answers(onLaptop, 'laptop-2');
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect(await handshakeStatus(url, { cookie: desk.cookieHeader })).toBe(401);
  });

  it('stops delivery within a second when a person leaves or blocks', async () => {
    const {
      people: [fay, gus],
      conversationId: conv,
    } = await newPair(srv.ctx, 'Fay');
    const f = await connect(fay);
    const g = await connect(gus);
    await f.subscribe(conv);
    await g.subscribe(conv);
    const t0 = Date.now();
    await srv.ctx.connections.block(fay.userId, gus.userId);
    await f.next(
      'unsubscribed',
      (u) => u.conversationId === conv && u.reason === 'access_lost',
      1000,
    );
    expect(Date.now() - t0).toBeLessThan(1000);
    g.send({ type: 'send', conversationId: conv, id: newId(), text: 'after the block' });
    await g.next('error', (e) => e.conversationId === conv);
    f.send({ type: 'subscribe', ref: 'again', conversationId: conv });
    expect(await f.next('error', (e) => e.ref === 'again')).toMatchObject({ code: 'not_found' });
    expect(f.all('message').filter((m) => m.message.text === 'after the block')).toHaveLength(0);

    // Leaving a circle: the one who left stops receiving, the others go on.
    const circle = await makeCircle(srv.ctx, orgId, [ana, ben, cai]);
    const c = await connect(cai);
    const a = await connect(ana);
    // Cai's second device, not subscribed to the circle, hears of the leave to update its list.
    const c2 = await connect(cai);
    await c.subscribe(circle);
    await a.subscribe(circle);
    await srv.ctx.connections.leave(cai.userId, circle);
    await c.next('unsubscribed', (u) => u.conversationId === circle, 1000);
    expect(await c2.next('conversation.access_lost', undefined, 1000)).toEqual({
      type: 'conversation.access_lost',
      conversationId: circle,
    });
    expect(c.all('conversation.access_lost')).toEqual([]);
    await a.post(circle, 'only for those still here');
    await a.next('message', (m) => m.message.text === 'only for those still here');
    expect(c.all('message').some((m) => m.message.text === 'only for those still here')).toBe(
      false,
    );
  });

  it('tells the blocked person’s subscribed socket within a second, as a leave, and never of a block', async () => {
    const {
      people: [kay, lou],
      conversationId: rel,
    } = await newPair(srv.ctx, 'Kay');
    const k = await connect(kay);
    const l = await connect(lou);
    await k.subscribe(rel);
    await l.subscribe(rel);
    const note = await k.post(rel, 'a note before');
    await l.next('message', (m) => m.message.id === note.id);
    const from = l.frames.length;

    const t0 = Date.now();
    const res = await srv
      .client()
      .request('POST', '/api/blocks', { userId: lou.userId }, { cookie: kay.cookie });
    expect(res.status).toBe(200);
    expect(
      await l.wait(
        (f) => f.type === 'conversation.changed' && f.conversationId === rel,
        1000,
        from,
      ),
    ).toEqual({ type: 'conversation.changed', conversationId: rel });
    expect(Date.now() - t0).toBeLessThan(1000);
    // The blocker hears of the block; the blocked person never does, on any frame.
    await k.next('block.changed', (f) => f.userId === lou.userId && f.blocked);
    l.send({ type: 'ping', ref: 'settled' });
    await l.next('pong', (f) => f.ref === 'settled');
    expect(l.all('block.changed')).toEqual([]);
    expect(JSON.stringify(l.frames)).not.toMatch(/block/i);
  });

  it("in a circle, hides a blocked person's messages, typing and presence from the blocker only, at once and after a reconnect", async () => {
    const [hal, ivy, jon] = (await makePeople(srv.ctx, 3, 'Hal')) as [
      TestPerson,
      TestPerson,
      TestPerson,
    ];
    const org = await makeOrg(srv.ctx, [hal, ivy, jon]);
    const circle = await makeCircle(srv.ctx, org, [hal, ivy, jon]);
    const h = await connect(hal);
    const i = await connect(ivy);
    const j = await connect(jon);
    for (const p of [h, i, j]) await p.subscribe(circle);
    const before = await i.post(circle, 'said before the block');
    await h.next('message', (m) => m.message.seq === before.seq);

    const t0 = Date.now();
    await srv.ctx.connections.block(hal.userId, ivy.userId);
    await h.next('block.changed', (f) => f.userId === ivy.userId && f.blocked, 1000);
    expect(Date.now() - t0).toBeLessThan(1000);

    // Ivy's next message reaches Hal at its seq, with the text withheld; Jon and Ivy see it whole.
    const after = await i.post(circle, 'said after the block');
    const seen = await h.next('message', (m) => m.message.seq === after.seq);
    expect(seen.message).toMatchObject({ authorId: ivy.userId, text: '', hidden: true });
    const whole = await j.next('message', (m) => m.message.seq === after.seq);
    expect(whole.message.text).toBe('said after the block');
    expect(whole.message.hidden).toBeUndefined();
    expect((await i.next('message', (m) => m.message.seq === after.seq)).message.hidden).toBe(
      undefined,
    );
    // Hal's own sequence stays gap-free: every seq arrives, in order.
    const halSeqs = h.all('message').map((m) => m.message.seq);
    expect(halSeqs).toEqual([before.seq, after.seq]);
    // Nothing of what Ivy wrote reaches Hal's socket after the block.
    expect(JSON.stringify(h.frames)).not.toContain('said after the block');

    // Typing: Jon hears Ivy, Hal does not.
    i.send({ type: 'typing', conversationId: circle });
    await j.next('typing', (t) => t.userId === ivy.userId);
    await h.post(circle, 'a marker after the typing');
    await j.next('message', (m) => m.message.text === 'a marker after the typing');
    expect(h.all('typing').some((t) => t.userId === ivy.userId)).toBe(false);

    // After a reconnect, catch-up and HTTP history hide her messages from Hal, and only from Hal.
    const h2 = await connect(hal);
    await h2.subscribe(circle, 0);
    const caughtUp = h2.all('message').filter((m) => m.message.authorId === ivy.userId);
    expect(caughtUp.map((m) => [m.message.seq, m.message.text, m.message.hidden])).toEqual([
      [before.seq, '', true],
      [after.seq, '', true],
    ]);
    expect(h2.all('presence').some((p) => p.userId === ivy.userId)).toBe(false);
    const page = await srv.ctx.messaging.page(hal.userId, circle, { limit: 50 });
    expect(page.messages.filter((m) => m.hidden).map((m) => m.seq)).toEqual([
      before.seq,
      after.seq,
    ]);
    const jonsPage = await srv.ctx.messaging.page(jon.userId, circle, { limit: 50 });
    expect(jonsPage.messages.some((m) => m.hidden)).toBe(false);
    const list = await srv.ctx.messaging.listConversations(hal.userId);
    expect(list.find((c) => c.id === circle)?.unread).toBe(0);

    // Unblocking shows her messages again, and her presence.
    const fromUnblock = h.frames.length;
    await srv.ctx.connections.unblock(hal.userId, ivy.userId);
    await h.next('block.changed', (f) => f.userId === ivy.userId && !f.blocked, 1000);
    await h.wait(
      (f) => f.type === 'presence' && f.userId === ivy.userId && f.online,
      1000,
      fromUnblock,
    );
    const again = await i.post(circle, 'said after the unblock');
    expect((await h.next('message', (m) => m.message.seq === again.seq)).message.text).toBe(
      'said after the unblock',
    );
  });

  it('on resume with changedSince, sends the edits and deletes made meanwhile to messages the client had', async () => {
    const circle = await makeCircle(srv.ctx, orgId, [ana, ben]);
    const a = await connect(ana);
    const b = await connect(ben);
    const { at } = await a.subscribe(circle);
    await b.subscribe(circle);
    expect(Number.isNaN(Date.parse(at))).toBe(false);
    const first = await b.post(circle, 'the first version');
    const second = await b.post(circle, 'soon removed');
    const third = await b.post(circle, 'left alone');
    await a.next('message', (m) => m.message.seq === third.seq);
    a.ws.terminate();
    await a.closed;

    // While Ana is away, Ben edits one message and deletes another.
    b.send({
      type: 'edit',
      ref: 'e',
      conversationId: circle,
      id: first.id,
      text: 'the second version',
    });
    await b.next('message.updated', (u) => u.ref === 'e');
    b.send({ type: 'delete', ref: 'd', conversationId: circle, id: second.id });
    await b.next('message.updated', (u) => u.ref === 'd');

    const again = await connect(ana);
    again.send({ type: 'subscribe', conversationId: circle, lastSeq: third.seq, changedSince: at });
    await again.next('subscribed', (f) => f.conversationId === circle);
    // `subscribed` means current as of its `at`: the replayed changes come before it.
    const order = again.frames
      .map((f) => f.type)
      .filter((t) => t !== 'welcome' && t !== 'presence');
    expect(order).toEqual(['message.updated', 'message.updated', 'subscribed']);
    const updates = again.all('message.updated').map((u) => u.message);
    expect(updates.map((m) => [m.seq, m.text, m.deletedAt !== null])).toEqual([
      [first.seq, 'the second version', false],
      [second.seq, '', true],
    ]);
    expect(again.all('message')).toEqual([]);

    // Without changedSince nothing is replayed; a malformed one is named.
    const plain = await connect(ana);
    await plain.subscribe(circle, third.seq);
    plain.send({ type: 'ping', ref: 'p' });
    await plain.next('pong');
    expect(plain.all('message.updated')).toEqual([]);
    plain.send({
      type: 'subscribe',
      ref: 'bad',
      conversationId: circle,
      lastSeq: 1,
      changedSince: 'yesterday',
    });
    const refused = await plain.next('error', (e) => e.ref === 'bad');
    expect(refused).toMatchObject({ code: 'invalid_frame' });
    expect(refused.message).toMatch(/changedSince/);
  });

  it('tells every socket of someone removed from an organization of each conversation they lost there', async () => {
    const {
      people: [admin, rem],
      orgId: org,
      conversationId: rel,
    } = await newPair(srv.ctx, 'Rem');
    const circle = await makeCircle(srv.ctx, org, [admin, rem]);
    const watching = await connect(rem);
    await watching.subscribe(rel);
    const elsewhere = await connect(rem);
    elsewhere.send({ type: 'ping', ref: 'ready' });
    await elsewhere.next('pong');
    await srv.ctx.organizations.removeMember(org, admin.userId, rem.userId);
    expect(await watching.next('unsubscribed', (f) => f.conversationId === rel)).toMatchObject({
      reason: 'access_lost',
    });
    await watching.next('conversation.access_lost', (f) => f.conversationId === circle);
    await elsewhere.next('conversation.access_lost', (f) => f.conversationId === circle);
    await elsewhere.next('conversation.access_lost', (f) => f.conversationId === rel);
    // Conversations elsewhere (the shared organization's) are untouched.
    expect(
      [...watching.all('conversation.access_lost'), ...elsewhere.all('conversation.access_lost')]
        .map((f) => f.conversationId)
        .sort(),
    ).toEqual([circle, circle, rel].sort());
  });

  it('tells the others in a conversation when someone joins or leaves or its settings or someone’s limits change, a block looking like a leave', async () => {
    const [x, y, z] = (await makePeople(srv.ctx, 3, 'Chg')) as [TestPerson, TestPerson, TestPerson];
    const org = await makeOrg(srv.ctx, [x, y, z]);
    const circle = await makeCircle(srv.ctx, org, [x, y]);
    const rel = await connectPair(srv.ctx, org, x, z);
    const watch = await connect(x);
    await watch.subscribe(circle);
    await watch.subscribe(rel);
    const changes = () =>
      watch
        .all('conversation.changed')
        .map((f) => (f.conversationId === circle ? 'circle' : 'rel'));
    const { invitation } = await srv.ctx.connections.inviteToCircle(x.userId, circle, {
      userId: z.userId,
    });
    await srv.ctx.connections.accept(z.userId, invitation.id);
    await expect.poll(changes).toEqual(['circle']);
    await srv.ctx.connections.updateCircle(y.userId, circle, { membersCanInvite: false });
    await expect.poll(changes).toEqual(['circle', 'circle']);
    await srv.ctx.conversations.setLimits(z.userId, circle, {
      quietStart: '22:00',
      quietEnd: '07:00',
      timeZone: 'UTC',
      note: null,
    });
    await expect.poll(changes).toEqual(['circle', 'circle', 'circle']);
    await srv.ctx.connections.leave(y.userId, circle);
    await expect.poll(changes).toEqual(['circle', 'circle', 'circle', 'circle']);
    // z blocks x in their relationship: x hears the same as when someone leaves, and nothing more.
    await srv.ctx.connections.block(z.userId, x.userId);
    await expect.poll(changes).toEqual(['circle', 'circle', 'circle', 'circle', 'rel']);
    watch.send({ type: 'ping', ref: 'settled' });
    await watch.next('pong');
    expect(watch.all('block.changed')).toEqual([]);
  });

  it('tells a person’s open sockets of an invitation at once, but never of one from someone they blocked', async () => {
    const [x, y, z] = (await makePeople(srv.ctx, 3, 'Inv')) as [TestPerson, TestPerson, TestPerson];
    const org = await makeOrg(srv.ctx, [x, y, z]);
    const ySocket = await connect(y);
    const zSocket = await connect(z);
    await srv.ctx.connections.block(z.userId, x.userId);
    await srv.ctx.connections.inviteToRelationship(x.userId, { orgId: org, userId: z.userId });
    await srv.ctx.connections.inviteToRelationship(x.userId, { orgId: org, userId: y.userId });
    await ySocket.next('invitations.changed');
    zSocket.send({ type: 'ping', ref: 'settled' });
    await zSocket.next('pong');
    expect(zSocket.all('invitations.changed')).toEqual([]);
  });

  it('tells a following socket of new messages in conversations it is not subscribed to, once each and without content, as joins and leaves change them', async () => {
    const [x, y, z] = (await makePeople(srv.ctx, 3, 'Fol')) as [TestPerson, TestPerson, TestPerson];
    const org = await makeOrg(srv.ctx, [x, y, z]);
    const rel = await connectPair(srv.ctx, org, x, y);
    const circle = await makeCircle(srv.ctx, org, [x, y]);
    const apart = await makeCircle(srv.ctx, org, [y, z]);
    const list = await connect(x);
    list.send({ type: 'follow', ref: 'f' });
    const following = await list.next('following');
    expect(following.ref).toBe('f');
    expect([...following.conversationIds].sort()).toEqual([rel, circle].sort());
    const open = await connect(x);
    await open.subscribe(circle);
    const activity = () =>
      list
        .all('conversation.activity')
        .map((f) => [f.conversationId === rel ? 'rel' : 'circle', f.seq]);

    const speaker = await connect(y);
    const first = await speaker.post(rel, 'a first note for the list');
    await speaker.post(apart, 'a note in a circle x is not in');
    const inCircle = await speaker.post(circle, 'a note in the shared circle');
    await expect.poll(activity).toEqual([
      ['rel', first.seq],
      ['circle', inCircle.seq],
    ]);
    const frame = list.all('conversation.activity')[0]!;
    expect(Object.keys(frame).sort()).toEqual(['conversationId', 'seq', 'type']);
    // The socket that is subscribed gets the message itself, never an activity frame.
    await open.next('message', (f) => f.message.seq === inCircle.seq);
    expect(open.all('conversation.activity')).toEqual([]);

    // Subscribed now: the message comes instead, and nothing twice.
    await list.subscribe(rel);
    const second = await speaker.post(rel, 'a second note, to an open page');
    await list.next('message', (f) => f.message.seq === second.seq);
    expect(activity()).toHaveLength(2);

    // A circle joined later is followed from then on; one left is not.
    const { invitation } = await srv.ctx.connections.inviteToCircle(y.userId, apart, {
      userId: x.userId,
    });
    await srv.ctx.connections.accept(x.userId, invitation.id);
    await list.next('conversation.access_gained', (f) => f.conversationId === apart);
    await srv.ctx.connections.leave(x.userId, circle);
    await list.next('conversation.access_lost', (f) => f.conversationId === circle);
    const later = await speaker.post(apart, 'a note after x joined');
    await speaker.post(circle, 'a note after x left');
    await list.next('conversation.activity', (f) => f.conversationId === apart);
    list.send({ type: 'ping', ref: 'settled' });
    await list.next('pong');
    expect(list.all('conversation.activity').map((f) => [f.conversationId, f.seq])).toEqual([
      [rel, first.seq],
      [circle, inCircle.seq],
      [apart, later.seq],
    ]);
    // Someone who never followed hears none of it.
    const quiet = await connect(z);
    await speaker.post(apart, 'one more');
    quiet.send({ type: 'ping', ref: 'settled' });
    await quiet.next('pong');
    expect(quiet.all('conversation.activity')).toEqual([]);
  });

  it('no longer shows someone online in a relationship they left or a conversation a block ended, then or later', async () => {
    for (const act of ['leave', 'block'] as const) {
      const {
        people: [x, y],
        orgId: org,
        conversationId: rel,
      } = await newPair(srv.ctx, `Gone${act}`);
      const circle = await makeCircle(srv.ctx, org, [x, y]);
      await connect(x); // x is online, and visible
      const watch = await connect(y);
      await watch.subscribe(rel);
      await watch.subscribe(circle);
      await watch.next('presence', (f) => f.userId === x.userId && f.conversationId === rel);
      if (act === 'leave') await srv.ctx.connections.leave(x.userId, rel);
      else await srv.ctx.connections.block(x.userId, y.userId);
      expect(
        await watch.next(
          'presence',
          (f) => f.userId === x.userId && f.conversationId === rel && !f.online,
        ),
      ).toBeDefined();
      // Still online where they still are together (a block hides only the blocked person from the blocker).
      const fresh = await connect(y);
      await fresh.subscribe(rel);
      await fresh.subscribe(circle);
      await fresh.next('presence', (f) => f.userId === x.userId && f.conversationId === circle);
      expect(
        fresh
          .all('presence')
          .filter((f) => f.userId === x.userId)
          .map((f) => f.conversationId),
      ).toEqual([circle]);
    }
  });

  it('keeps a person’s choice to hide their presence with their account: every socket, on every device, follows it', async () => {
    const {
      people: [x, y],
      conversationId: rel,
    } = await newPair(srv.ctx, 'Shy');
    const watch = await connect(y);
    await watch.subscribe(rel);
    const phone = await connect(x);
    await watch.next('presence', (f) => f.userId === x.userId && f.online);
    expect((await phone.next('welcome')).presenceHidden).toBe(false);
    // Chosen in Settings (any device): the open socket goes hidden at once, and is told (its client then
    // sends no typing).
    await srv.ctx.accounts.updateProfile(x.userId, { presenceHidden: true });
    await watch.next('presence', (f) => f.userId === x.userId && !f.online);
    expect((await phone.next('presence.changed')).hidden).toBe(true);
    expect(watch.all('presence.changed')).toEqual([]);
    // Another device, opened later and saying nothing about presence, stays hidden too, even asking to be seen.
    const laptop = await connect(x);
    expect((await laptop.next('welcome')).presenceHidden).toBe(true);
    laptop.send({ type: 'hello', resume: [], presence: 'visible' });
    phone.send({ type: 'presence', visibility: 'visible' });
    for (const s of [laptop, phone]) {
      s.send({ type: 'ping' });
      await s.next('pong');
    }
    await new Promise((r) => setTimeout(r, 1200));
    const fresh = await connect(y);
    await fresh.subscribe(rel);
    fresh.send({ type: 'ping' });
    await fresh.next('pong');
    expect(fresh.all('presence').filter((f) => f.userId === x.userId)).toEqual([]);
    expect(
      watch
        .all('presence')
        .filter((f) => f.userId === x.userId)
        .map((f) => f.online),
    ).toEqual([true, false]);
    // Shown again: every socket of theirs shows online.
    await srv.ctx.accounts.updateProfile(x.userId, { presenceHidden: false });
    await watch.next('presence', (f) => f.userId === x.userId && f.online, 3000);
    for (const s of [phone, laptop])
      expect(
        (await s.next('presence.changed', (f) => !f.hidden)).hidden,
        'each socket of theirs is told',
      ).toBe(false);
    expect((await srv.ctx.db.store.users.findById(x.userId))?.presenceHidden).toBe(false);
  });

  it('does not show someone typing while they are hidden, by their account or by that socket', async () => {
    const {
      people: [x, y],
      conversationId: rel,
    } = await newPair(srv.ctx, 'Quiet');
    const watch = await connect(y);
    await watch.subscribe(rel);
    // Typing says someone is here as plainly as presence does, so a hidden person's typing stays with them.
    await srv.ctx.accounts.updateProfile(x.userId, { presenceHidden: true });
    const phone = await connect(x);
    await phone.subscribe(rel);
    phone.send({ type: 'typing', conversationId: rel });
    await phone.post(rel, 'a marker after typing while hidden');
    await watch.next('message', (m) => m.message.text === 'a marker after typing while hidden');
    const laptop = await connect(x);
    laptop.send({ type: 'presence', visibility: 'hidden' });
    await laptop.subscribe(rel);
    await srv.ctx.accounts.updateProfile(x.userId, { presenceHidden: false });
    await watch.next('presence', (f) => f.userId === x.userId && f.online, 3000);
    laptop.send({ type: 'typing', conversationId: rel });
    await phone.post(rel, 'a marker after typing on a hidden socket');
    await watch.next(
      'message',
      (m) => m.message.text === 'a marker after typing on a hidden socket',
    );
    expect(watch.all('typing')).toEqual([]);
    // Seen again, on a socket that shows them: their typing is shown.
    phone.send({ type: 'typing', conversationId: rel });
    await watch.next('typing', (t) => t.userId === x.userId);
  });

  it('never shows online, even for a moment, someone whose hello asks to stay hidden', async () => {
    const circle = await makeCircle(srv.ctx, orgId, [ana, cai]);
    const a = await connect(ana);
    await a.subscribe(circle);
    const hidden = await connect(cai);
    hidden.send({
      type: 'hello',
      resume: [{ conversationId: circle, lastSeq: 0 }],
      presence: 'hidden',
    });
    await hidden.next('subscribed');
    // Past the second a socket without frames waits before it shows online.
    await new Promise((r) => setTimeout(r, 1300));
    a.send({ type: 'ping', ref: 'after' });
    await a.next('pong');
    expect(a.all('presence').filter((p) => p.userId === cai.userId)).toEqual([]);
    // A hello that does not ask shows the person online at once.
    const shown = await connect(cai);
    shown.send({ type: 'hello', resume: [] });
    expect(
      await a.next('presence', (p) => p.userId === cai.userId && p.conversationId === circle),
    ).toMatchObject({ online: true });
  });

  it('names the refused frame in a rate-limit error, so the client knows which to send again', async () => {
    const a = await connect(ana);
    for (let i = 0; i < 70; i++) a.send({ type: 'ping', ref: `p${i}` });
    const id = newId();
    a.send({ type: 'send', ref: 'my-send', conversationId: pair, id, text: 'one too many' });
    expect(await a.next('error', (e) => e.ref === 'my-send')).toMatchObject({
      code: 'rate_limited',
      frame: 'send',
      conversationId: pair,
      id,
      retryAfterMs: expect.any(Number),
    });
  });

  it('relays edits and deletes, shared read markers, typing (throttled) and presence', async () => {
    const circle = await makeCircle(srv.ctx, orgId, [ana, ben]);
    const b = await connect(ben);
    await b.subscribe(circle);
    const a = await connect(ana);
    expect(
      await b.next('presence', (p) => p.userId === ana.userId && p.conversationId === circle),
    ).toMatchObject({ online: true });
    await a.subscribe(circle);
    const ack = await a.post(circle, 'first words');
    await b.next('message', (m) => m.message.id === ack.id);
    a.send({ type: 'edit', conversationId: circle, id: ack.id, text: 'first words, edited' });
    expect((await b.next('message.updated', (m) => m.message.id === ack.id)).message).toMatchObject(
      { text: 'first words, edited', seq: ack.seq },
    );
    a.send({ type: 'delete', conversationId: circle, id: ack.id });
    const tomb = await b.next(
      'message.updated',
      (m) => m.message.id === ack.id && m.message.deletedAt !== null,
    );
    expect(tomb.message.text).toBe('');

    // Read markers are private by default: nothing is sent until the reader chooses to share them.
    b.send({ type: 'read', conversationId: circle, seq: ack.seq });
    a.send({ type: 'ping', ref: 'after-private-read' });
    await a.next('pong', (p) => p.ref === 'after-private-read');
    await new Promise((r) => setTimeout(r, 100));
    expect(a.all('read.updated')).toHaveLength(0);
    await srv.ctx.conversations.setShareReadMarkers(ben.userId, circle, true);
    const second = await a.post(circle, 'second words');
    await b.next('message', (m) => m.message.id === second.id);
    b.send({ type: 'read', conversationId: circle, seq: second.seq });
    expect(await a.next('read.updated', (r) => r.userId === ben.userId)).toMatchObject({
      conversationId: circle,
      seq: second.seq,
    });

    a.send({ type: 'typing', conversationId: circle });
    a.send({ type: 'typing', conversationId: circle });
    await b.next('typing', (t) => t.userId === ana.userId);
    a.send({ type: 'ping', ref: 'flush' });
    await a.next('pong', (p) => p.ref === 'flush');
    await new Promise((r) => setTimeout(r, 100));
    expect(b.all('typing')).toHaveLength(1);
    expect(a.all('typing')).toHaveLength(0);

    a.send({ type: 'presence', visibility: 'hidden' });
    expect(await b.next('presence', (p) => p.userId === ana.userId && !p.online)).toMatchObject({
      conversationId: circle,
    });
  });
});
