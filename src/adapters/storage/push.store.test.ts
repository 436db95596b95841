import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE_MS } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import { POSTGRES_SKIP_REASON, TEST_DATABASES } from '../../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../../test/support/conversations.ts';
import { PushStore } from './push.store.ts';

const SPELL = 10 * MINUTE_MS;

describe.each(TEST_DATABASES)('PushStore on $name', (db) => {
  let app: TestApp;
  let clock: ManualClock;
  let store: PushStore;
  let orgId: string;
  let ids: string[];

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T10:00:00Z');
    app = await createTestApp(db, { PUSH_SERVICES: 'none' }, { clock });
    store = new PushStore(app.ctx.db.store.db);
    ({ orgId, ids } = await seedOrg(app.ctx, 3));
  });
  afterAll(async () => app?.close());

  const post = (author: string, conversationId: string) =>
    app.ctx.messaging.post(author, { conversationId, id: newId(), text: 'hello there' });
  const claim = (userId: string, conversationId: string) =>
    store.claimPush(userId, conversationId, clock.now(), new Date(clock.now().getTime() - SPELL));

  it('claims a push once per quiet spell, and only when a message came since the last one', async () => {
    const [a, b, c] = ids as [string, string, string];
    const ab = await connectIds(app.ctx, orgId, a, b);
    const ac = await connectIds(app.ctx, orgId, a, c);
    await post(a, ab);
    clock.advance(60_000);
    expect(await claim(b, ab)).toBe(true);
    expect(await claim(b, ab)).toBe(false);
    // Another person, or another conversation, is a claim of its own.
    expect(await claim(a, ab)).toBe(true);
    await post(a, ac);
    expect(await claim(c, ac)).toBe(true);

    // Something new within the spell after the push: no.
    clock.advance(5 * MINUTE_MS);
    await post(a, ab);
    expect(await claim(b, ab)).toBe(false);
    // The spell is over: yes, once, for that new message.
    clock.advance(6 * MINUTE_MS);
    expect(await claim(b, ab)).toBe(true);
    expect(await claim(b, ab)).toBe(false);
    // The spell is over but nothing new came: the last push covers every message.
    expect(await claim(c, ac)).toBe(false);
    await post(a, ac);
    clock.advance(60_000);
    expect(await claim(c, ac)).toBe(true);
  });

  it('gives a push to one of many claims made at once', async () => {
    const [, b, c] = ids as [string, string, string];
    const bc = await connectIds(app.ctx, orgId, b, c);
    clock.advance(SPELL * 2);
    await post(b, bc);
    clock.advance(60_000);
    const won = await Promise.all(Array.from({ length: 6 }, () => claim(c, bc)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });
});

if (TEST_DATABASES.length === 1) console.warn(`[skip] push.store.test: ${POSTGRES_SKIP_REASON}`);
