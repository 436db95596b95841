import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.ts';
import { person, startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(TEST_DATABASES)('accounts and sessions over HTTP ($name)', (db) => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer(db, { AUTH_LIMIT_PER_IP: '1000', AUTH_LIMIT_PER_ACCOUNT: '5' });
  });
  afterAll(async () => srv?.close());

  it('refuses requests without a session with 401 and a JSON error', async () => {
    const res = await srv.client().get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with clear errors', async () => {
    const c = srv.client();
    const bad = await c.request('POST', '/api/auth/sign-in', '{"login": "x",', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_json' });
    const text = await c.request('POST', '/api/auth/sign-in', 'login=x', {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    const huge = await c.post('/api/auth/sign-up', {
      ...person(),
      displayName: 'x'.repeat(70_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('names the fields that are wrong', async () => {
    const res = await srv
      .client()
      .post('/api/auth/sign-up', { displayName: '', login: 'a', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['displayName', 'login']),
    );
  });

  it('refuses short and common passwords, naming the password field', async () => {
    const short = await srv
      .client()
      .post('/api/auth/sign-up', { ...person(), password: 'eleven char' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toMatch(/at least 12/);
    const common = await srv
      .client()
      .post('/api/auth/sign-up', { ...person(), password: 'qwerty123456' });
    expect(common.status).toBe(400);
    expect(common.body.error.fields.password).toMatch(/commonly used/);
    const stretched = await srv
      .client()
      .post('/api/auth/sign-up', { ...person(), password: 'password1234' });
    expect(stretched.status).toBe(400);
  });

  it('signs up, signs in, lists sessions and signs out; cookies are HttpOnly and SameSite=Lax', async () => {
    const p = person('Avery');
    const c = srv.client();
    const up = await c.post('/api/auth/sign-up', p);
    expect(up.status).toBe(201);
    expect(up.body.user.displayName).toBe(p.displayName);
    expect(up.body.user).not.toHaveProperty('passwordHash');
    const cookie = up.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await c.get('/api/me')).status).toBe(200);

    const again = await c.post('/api/auth/sign-up', p);
    expect(again.status).toBe(409);

    const other = srv.client();
    const inRes = await other.post('/api/auth/sign-in', {
      login: p.login.toUpperCase(),
      password: p.password,
    });
    expect(inRes.status).toBe(200);
    const sessions = await other.get('/api/me/sessions');
    expect(sessions.body.sessions).toHaveLength(2);
    expect(sessions.body.sessions.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(
      1,
    );

    expect((await other.post('/api/auth/sign-out')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await c.get('/api/me')).status).toBe(200);
  });

  it('rotates the session on sign-in: the old token stops working', async () => {
    const p = person('Rowan');
    const c = srv.client();
    await c.post('/api/auth/sign-up', p);
    const before = c.cookieHeader;
    await c.post('/api/auth/sign-in', { login: p.login, password: p.password });
    expect(c.cookieHeader).not.toBe(before);
    const stale = await srv.client().request('GET', '/api/me', undefined, { cookie: before });
    expect(stale.status).toBe(401);
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const p = person('Quinn');
    await srv.client().post('/api/auth/sign-up', p);
    const wrong = await srv
      .client()
      .post('/api/auth/sign-in', { login: p.login, password: 'not the right password' });
    const unknown = await srv
      .client()
      .post('/api/auth/sign-in', { login: `nobody-${p.login}`, password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('revoking a session takes effect at once, and one cannot revoke another person’s session', async () => {
    const p = person('Jules');
    const phone = srv.client();
    const laptop = srv.client();
    await phone.post('/api/auth/sign-up', p);
    await laptop.post('/api/auth/sign-in', { login: p.login, password: p.password });
    const list = await laptop.get('/api/me/sessions');
    const phoneSession = list.body.sessions.find((s: { isCurrent: boolean }) => !s.isCurrent);

    const stranger = srv.client();
    await stranger.post('/api/auth/sign-up', person('Stranger'));
    expect((await stranger.delete(`/api/me/sessions/${phoneSession.id}`)).status).toBe(404);
    expect((await phone.get('/api/me')).status).toBe(200);

    expect((await laptop.delete(`/api/me/sessions/${phoneSession.id}`)).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);

    await phone.post('/api/auth/sign-in', { login: p.login, password: p.password });
    const revoked = await laptop.post('/api/me/sessions/revoke-all', { keepCurrent: true });
    expect(revoked.body.count).toBe(1);
    expect((await phone.get('/api/me')).status).toBe(401);
  });

  it('limits sign-in attempts per account with 429 and Retry-After', async () => {
    const p = person('Morgan');
    await srv.client().post('/api/auth/sign-up', p);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await srv
            .client()
            .post('/api/auth/sign-in', { login: p.login, password: 'wrong guess number x' })
        ).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await srv
      .client()
      .post('/api/auth/sign-in', { login: p.login, password: p.password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('sends security headers and a self-only CSP, and never leaks internals in errors', async () => {
    const res = await srv.client().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await srv.client().get('/readyz')).body).toEqual({ status: 'ok' });
    const missing = await srv.client().get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).not.toMatch(/at .*\.ts|select|stack/i);
  });
});

describe('per-IP limit on sign-up', () => {
  it('answers 429 once an address has used its attempts', async () => {
    const [sqlite] = TEST_DATABASES;
    const srv = await startTestServer(sqlite!, { AUTH_LIMIT_PER_IP: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await srv.client().post('/api/auth/sign-up', person())).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await srv.close();
    }
  });
});
