import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE_MS } from '../lib/clock.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { TEST_DATABASES } from '../../test/support/databases.ts';
import { SIGN_IN_FAILED } from './account.service.ts';

describe('AccountService (SQLite in memory, real argon2)', () => {
  const clock = new ManualClock('2026-03-01T00:00:00.000Z');
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(
      TEST_DATABASES[0]!,
      { SESSION_IDLE_MINUTES: '30', SESSION_MAX_DAYS: '1' },
      { clock },
    );
  });
  afterAll(async () => app?.close());

  it('ends a session after the idle timeout, and after the absolute lifetime even when active', async () => {
    const { accounts } = app.ctx;
    const { token } = await accounts.signUp({
      displayName: 'Idle',
      login: 'idle-one',
      password: 'slow tide evening',
    });
    clock.advance(29 * MINUTE_MS);
    expect(await accounts.authenticate(token)).toBeDefined();
    clock.advance(31 * MINUTE_MS);
    expect(await accounts.authenticate(token)).toBeUndefined();

    const active = await accounts.signIn({ login: 'idle-one', password: 'slow tide evening' });
    for (let i = 0; i < 50; i++) {
      clock.advance(29 * MINUTE_MS);
      if (!(await accounts.authenticate(active.token))) break;
    }
    expect(await accounts.authenticate(active.token)).toBeUndefined();
    expect(clock.now().getTime() - active.session.createdAt.getTime()).toBeLessThanOrEqual(
      24 * 60 * MINUTE_MS + 29 * MINUTE_MS,
    );
  });

  it('setPassword checks the rule, replaces the password and ends every session', async () => {
    const { accounts } = app.ctx;
    const { token, user } = await accounts.signUp({
      displayName: 'Reset',
      login: 'reset-one',
      password: 'first quiet meadow',
    });
    await expect(accounts.setPassword(user.id, 'qwerty123456')).rejects.toThrow(/commonly used/);
    await accounts.setPassword(user.id, 'second bright harbor');
    expect(await accounts.authenticate(token)).toBeUndefined();
    await expect(
      accounts.signIn({ login: 'reset-one', password: 'first quiet meadow' }),
    ).rejects.toThrow(SIGN_IN_FAILED);
    expect(
      (await accounts.signIn({ login: 'reset-one', password: 'second bright harbor' })).user.id,
    ).toBe(user.id);
  });

  it('stores only the hash of a session token', async () => {
    const { accounts, db } = app.ctx;
    const { token, session } = await accounts.signUp({
      displayName: 'Hash',
      login: 'hash-one',
      password: 'amber kite orchard',
    });
    const stored = await db.store.sessions.findById(session.id);
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('counts use at most once a minute, sees it at once, and writes it to the store in a batch that closing does not lose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutual-uses-'));
    const url = `sqlite:${join(dir, 'uses.db')}`;
    const usesClock = new ManualClock('2026-03-01T00:00:00.000Z');
    try {
      const first = await createTestApp({ name: 'sqlite', url }, {}, { clock: usesClock });
      const { accounts, db } = first.ctx;
      const { token, session, user } = await accounts.signUp({
        displayName: 'Uses',
        login: 'uses-one',
        password: 'quiet linen morning',
      });
      const signedUpAt = session.lastSeenAt;
      usesClock.advance(30 * 1000);
      expect((await accounts.authenticate(token))?.session.lastSeenAt).toEqual(signedUpAt);
      usesClock.advance(90 * 1000);
      const usedAt = usesClock.now();
      expect((await accounts.authenticate(token))?.session.lastSeenAt).toEqual(usedAt);
      // Not in the store yet, but this node already counts it: in the session list and on the next use.
      expect((await db.store.sessions.findById(session.id))?.lastSeenAt).toEqual(signedUpAt);
      expect((await accounts.listSessions(user.id)).map((s) => s.lastSeenAt)).toEqual([usedAt]);
      expect((await accounts.liveSession(session.id, false))?.lastSeenAt).toEqual(usedAt);
      await first.close();

      const second = await createTestApp({ name: 'sqlite', url }, {}, { clock: usesClock });
      try {
        expect((await second.ctx.db.store.sessions.findById(session.id))?.lastSeenAt).toEqual(
          usedAt,
        );
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
