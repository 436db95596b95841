/**
 * Notices when Mutual is closed, over HTTP and through a real Web Push sender to a push service on
 * loopback: a device subscribes, a message stays unread, one empty, signed push arrives.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createOrg, say, signUp, type TestPerson } from '../support/conversations.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe.each(TEST_DATABASES)('notices when Mutual is closed ($name)', (db) => {
  let push: Server;
  let origin: string;
  const received: Received[] = [];
  let srv: TestServer;
  let orgId: string;
  let ana: TestPerson;
  let ben: TestPerson;
  let rel: string;

  beforeAll(async () => {
    push = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => push.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(push.address() as AddressInfo).port}`;
    srv = await startTestServer(db, {
      AUTH_LIMIT_PER_IP: '10000',
      PUSH_SERVICES: origin,
      PUSH_DELAY_SECONDS: '0',
      PUSH_CONTACT: 'mailto:admin@example.org',
    });
    ana = await signUp(srv, 'Ana');
    orgId = await createOrg(srv, ana);
    ben = await signUp(srv, 'Ben', orgId);
    rel = await connect(ana, ben, orgId);
  });
  afterAll(async () => {
    await srv?.close();
    push?.closeAllConnections();
    push?.close();
  });

  /** Waits until the push checks that are due have run. */
  const checksDone = async () => {
    await new Promise((r) => setTimeout(r, 50));
    await srv.ctx.push.settled();
  };

  it('answers 401 without a session', async () => {
    const anon = srv.client();
    expect((await anon.get('/api/push')).status).toBe(401);
    expect(
      (await anon.request('PUT', '/api/push/subscription', { endpoint: `${origin}/x` })).status,
    ).toBe(401);
  });

  it('gives the key to subscribe with, and refuses endpoints elsewhere, naming the field', async () => {
    const status = await ana.client.get('/api/push');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ enabled: true, subscribed: false });
    expect(Buffer.from(status.body.publicKey as string, 'base64url')).toHaveLength(65);
    for (const endpoint of ['nope', 'https://elsewhere.example/push', '', 'x'.repeat(1001)]) {
      const res = await ana.client.request('PUT', '/api/push/subscription', { endpoint });
      expect(res.status).toBe(400);
      expect(res.body.error.fields.endpoint).toEqual(expect.any(String));
    }
    const missing = await ana.client.request('PUT', '/api/push/subscription', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.endpoint).toEqual(expect.any(String));
    expect((await ana.client.get('/api/push')).body.subscribed).toBe(false);
  });

  it('pushes once, with nothing in it, when a message stays unread: not to its author', async () => {
    for (const [p, path] of [
      [ana, '/ana-device'],
      [ben, '/ben-device'],
    ] as const) {
      const res = await p.client.request('PUT', '/api/push/subscription', {
        endpoint: `${origin}${path}`,
      });
      expect(res.status).toBe(200);
      expect((await p.client.get('/api/push')).body.subscribed).toBe(true);
      // The person can see which of their devices get them (and sign that device out there).
      const sessions = (await p.client.get('/api/me/sessions')).body.sessions as Array<{
        isCurrent: boolean;
        pushNotices: boolean;
      }>;
      expect(sessions.map((s) => [s.isCurrent, s.pushNotices])).toEqual([[true, true]]);
    }
    expect((await say(ana, rel, 'Are you around this evening?')).status).toBe(201);
    await checksDone();
    expect(received.map((r) => r.path)).toEqual(['/ben-device']);
    const [got] = received.splice(0);
    expect(got!.body).toBe('');
    expect(got!.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]{87}$/);
    // Nothing in the request names a person, a conversation or what was written.
    const all = JSON.stringify(got!.headers) + got!.path;
    for (const secret of [ana.id, ben.id, rel, 'evening']) expect(all).not.toContain(secret);
  });

  it('stops when the device signs out', async () => {
    expect((await ben.client.post('/api/auth/sign-out')).status).toBe(200);
    expect((await say(ana, rel, 'Here whenever you like.')).status).toBe(201);
    await checksDone();
    expect(received).toEqual([]);
  });

  it('stops when the person turns it off on that device', async () => {
    const res = await ana.client.request('DELETE', '/api/push/subscription');
    expect(res.status).toBe(200);
    expect((await ana.client.get('/api/push')).body.subscribed).toBe(false);
    const sessions = (await ana.client.get('/api/me/sessions')).body.sessions as Array<{
      pushNotices: boolean;
    }>;
    expect(sessions.map((s) => s.pushNotices)).toEqual([false]);
  });
});

describe.each(TEST_DATABASES)('with PUSH_SERVICES=none ($name)', (db) => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer(db, { AUTH_LIMIT_PER_IP: '10000', PUSH_SERVICES: 'none' });
  });
  afterAll(async () => srv?.close());

  it('says pushes are off, and keeps no endpoint', async () => {
    const ana = await signUp(srv, 'Ana');
    expect((await ana.client.get('/api/push')).body).toEqual({
      enabled: false,
      publicKey: null,
      subscribed: false,
    });
    const res = await ana.client.request('PUT', '/api/push/subscription', {
      endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.endpoint).toMatch(/no notices/);
  });
});
