import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, HOUR_MS } from '../lib/clock.ts';
import { TEST_DATABASES } from '../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../test/support/conversations.ts';
import type { ConversationService } from './conversation.service.ts';

const sqlite = TEST_DATABASES[0]!;

describe('ConversationService', () => {
  let app: TestApp;
  let clock: ManualClock;
  let svc: ConversationService;
  let a: string;
  let b: string;
  let c: string;
  let rel: string;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T21:30:00Z');
    app = await createTestApp(sqlite, {}, { clock });
    svc = app.ctx.conversations;
    const seeded = await seedOrg(app.ctx, 3);
    [a, b, c] = seeded.ids as [string, string, string];
    rel = await connectIds(app.ctx, seeded.orgId, a, b);
  });
  afterAll(async () => app?.close());

  const errorOf = async (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as { code: string },
    );

  it('shows each person’s limits to the other, with whether it is their quiet time now', async () => {
    expect(await svc.limits(b, rel)).toEqual([]);
    await svc.setLimits(a, rel, {
      quietStart: '22:00',
      quietEnd: '07:00',
      timeZone: 'Europe/London',
      note: ' Texts are best. ',
    });
    const seen = await svc.limits(b, rel);
    expect(seen).toEqual([
      expect.objectContaining({
        userId: a,
        quietStart: '22:00',
        note: 'Texts are best.',
        inQuietTime: false,
      }),
    ]);
    clock.advance(HOUR_MS);
    expect((await svc.limits(b, rel))[0]?.inQuietTime).toBe(true);
    expect(await svc.isInQuietTime(a, rel)).toBe(true);
    expect(await svc.isInQuietTime(b, rel)).toBe(false);
    expect((await svc.get(b, rel)).members.find((m) => m.userId === a)?.inQuietTime).toBe(true);
  });

  it('lets each person set only their own limits, and hides them from outsiders', async () => {
    await svc.setLimits(b, rel, { quietStart: null, quietEnd: null, timeZone: 'UTC', note: null });
    expect((await svc.limits(a, rel)).map((l) => l.userId).sort()).toEqual([a, b].sort());
    expect(await errorOf(svc.limits(c, rel))).toMatchObject({ code: 'not_found' });
    expect(
      await errorOf(
        svc.setLimits(c, rel, { quietStart: null, quietEnd: null, timeZone: 'UTC', note: null }),
      ),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(
      await errorOf(
        svc.setLimits(a, rel, { quietStart: '22:00', quietEnd: null, timeZone: 'UTC', note: null }),
      ),
    ).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('shares read markers only with opt-in, always showing people their own', async () => {
    await app.ctx.db.store.conversationMembers.markRead(rel, b, 0);
    const hidden = await svc.get(a, rel);
    expect(hidden.members.find((m) => m.userId === b)?.readUpTo).toBeNull();
    expect(hidden.members.find((m) => m.userId === a)?.readUpTo).toBe(0);
    expect(hidden.shareReadMarkers).toBe(false);
    await svc.setShareReadMarkers(b, rel, true);
    expect((await svc.get(a, rel)).members.find((m) => m.userId === b)?.readUpTo).toBe(0);
    expect((await svc.get(b, rel)).shareReadMarkers).toBe(true);
  });

  it('says whether the person can post: not once the other has left', async () => {
    expect((await svc.get(a, rel)).canPost).toBe(true);
    await app.ctx.connections.leave(b, rel);
    const after = await svc.get(a, rel);
    expect(after.canPost).toBe(false);
    expect(after.members.map((m) => m.userId)).toEqual([a]);
  });
});
