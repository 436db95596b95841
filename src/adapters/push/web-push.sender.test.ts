import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVapidKey, vapidPublicKey, WebPushSender } from './web-push.sender.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A push service on loopback: answers by path (/gone → 410, /broken → 500, /moved → 307, /slow never). */
function fakePushService(): Promise<{ server: Server; origin: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/slow') return;
      if (req.url === '/moved') {
        res.writeHead(307, { location: '/ok' }).end();
        return;
      }
      res.writeHead(req.url === '/gone' ? 410 : req.url === '/broken' ? 500 : 201).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        received,
      }),
    ),
  );
}

/** The uncompressed public point back to a key node can verify with. */
function publicKeyFrom(raw: string) {
  const point = Buffer.from(raw, 'base64url');
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
}

describe('WebPushSender', () => {
  let push: Awaited<ReturnType<typeof fakePushService>>;
  const key = newVapidKey();
  const now = Date.parse('2026-03-01T10:00:00Z');
  const sender = new WebPushSender({
    key,
    subject: 'mailto:admin@example.org',
    timeoutMs: 300,
    now: () => now,
  });
  const options = { topic: 'mutual-new', ttlSeconds: 3600 };

  beforeAll(async () => {
    push = await fakePushService();
  });
  afterAll(() => {
    push.server.closeAllConnections();
    push.server.close();
  });

  it('sends an empty push signed with the installation’s VAPID key', async () => {
    expect(await sender.send(`${push.origin}/ok`, options)).toBe('sent');
    const got = push.received.at(-1)!;
    expect(got.body).toBe('');
    expect(got.headers['content-length']).toBe('0');
    expect(got.headers['content-type']).toBeUndefined();
    expect(got.headers).toMatchObject({ ttl: '3600', topic: 'mutual-new', urgency: 'normal' });
    const auth = /^vapid t=([^,]+), k=(.+)$/.exec(got.headers.authorization ?? '');
    expect(auth).not.toBeNull();
    const [, token, k] = auth!;
    expect(k).toBe(sender.publicKey);
    expect(Buffer.from(k!, 'base64url')).toHaveLength(65);
    const [header, claims, signature] = token!.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      typ: 'JWT',
      alg: 'ES256',
    });
    expect(JSON.parse(Buffer.from(claims, 'base64url').toString())).toEqual({
      aud: push.origin,
      exp: now / 1000 + 12 * 60 * 60,
      sub: 'mailto:admin@example.org',
    });
    const signed = verify(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      { key: publicKeyFrom(k!), dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(signed).toBe(true);
    // Another installation's key does not verify it.
    expect(
      verify(
        'sha256',
        Buffer.from(`${header}.${claims}`),
        { key: publicKeyFrom(vapidPublicKey(newVapidKey())), dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(false);
  });

  it('says gone for 410, failed for errors, redirects and silence', async () => {
    expect(await sender.send(`${push.origin}/gone`, options)).toBe('gone');
    expect(await sender.send(`${push.origin}/broken`, options)).toBe('failed');
    const before = push.received.length;
    expect(await sender.send(`${push.origin}/moved`, options)).toBe('failed');
    // The redirect was not followed.
    expect(push.received.slice(before).map((r) => r.path)).toEqual(['/moved']);
    expect(await sender.send(`${push.origin}/slow`, options)).toBe('failed');
    expect(await sender.send('http://127.0.0.1:9/closed', options)).toBe('failed');
  });

  it('refuses a stored key that is not a P-256 private key', () => {
    expect(() => vapidPublicKey(JSON.stringify({ kty: 'EC', crv: 'P-384' }))).toThrow(/P-256/);
  });
});
