/** Message id retries whose answer depends on the store: run through the service on every test database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { TEST_DATABASES } from '../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../test/support/conversations.ts';
import type { MessagingService } from './messaging.service.ts';

describe.each(TEST_DATABASES)('message id retries on $name', (db) => {
  let app: TestApp;
  let svc: MessagingService;

  beforeAll(async () => {
    app = await createTestApp(db, {}, { clock: new ManualClock('2026-03-01T10:00:00Z') });
    svc = app.ctx.messaging;
  });
  afterAll(async () => app?.close());

  const errorOf = async (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as { code: string; fields?: Record<string, string> },
    );
  /** Two people in a fresh organization, connected: their ids and the relationship's. */
  const pair = async () => {
    const { orgId, ids } = await seedOrg(app.ctx, 2);
    const [x, y] = ids as [string, string];
    return { x, y, conv: await connectIds(app.ctx, orgId, x, y) };
  };
  const lastSeq = async (userId: string, conv: string) =>
    (await svc.page(userId, conv, { limit: 10 })).lastSeq;
  const ends = {
    block: (x: string, y: string, _conv: string) => app.ctx.connections.block(y, x),
    leave: (_x: string, y: string, conv: string) => app.ctx.connections.leave(y, conv),
  };

  it('refuses an id the other person already used in the same conversation, storing nothing', async () => {
    const { x, y, conv } = await pair();
    const input = { conversationId: conv, id: newId(), text: 'First words.' };
    const first = await svc.post(x, input);
    const error = await errorOf(svc.post(y, { ...input, text: 'Other words.' }));
    expect(error).toMatchObject({ code: 'conflict', fields: { id: expect.any(String) } });
    expect(await app.ctx.db.store.messages.findById(input.id)).toEqual(first.message);
    expect(await lastSeq(y, conv)).toBe(first.message.seq);
    expect(await svc.since(y, conv, 0, 10)).toEqual([first.message]);
  });

  it.each(['block', 'leave'] as const)(
    'returns the original to a retry after a %s, taking no new seq',
    async (end) => {
      const { x, y, conv } = await pair();
      const input = { conversationId: conv, id: newId(), text: 'Before the pause.' };
      const first = await svc.post(x, input);
      await ends[end](x, y, conv);
      expect(await svc.post(x, input)).toEqual({ message: first.message, duplicate: true });
      // The relationship went quiet: a new message is refused, so the retry's answer was not luck.
      expect(
        await errorOf(svc.post(x, { ...input, id: newId(), text: 'After the pause.' })),
      ).toMatchObject({ code: 'conflict' });
      expect(await lastSeq(x, conv)).toBe(first.message.seq);
    },
  );

  it.each(['block', 'leave'] as const)(
    'answers every retry racing a %s with the original, and the last seq stays',
    async (end) => {
      const { x, y, conv } = await pair();
      const input = { conversationId: conv, id: newId(), text: 'Said once.' };
      const first = await svc.post(x, input);
      // Each retry lands before or after the end commits, or waits on its lock; either way it is the same
      // message (docs/protocol.md, "Sending, acks and retries": the original seq with duplicate: true). The
      // retries start a few store round trips apart, so on either database some land on each side.
      const retry = async (i: number) => {
        for (let t = 0; t < 3 * i; t++) await app.ctx.db.store.users.findById(x);
        return svc.post(x, input);
      };
      const [, ...retries] = await Promise.all([
        ends[end](x, y, conv),
        ...Array.from({ length: 5 }, (_, i) => retry(i)),
      ]);
      expect(retries).toEqual(
        Array.from({ length: 5 }, () => ({ message: first.message, duplicate: true })),
      );
      expect(await lastSeq(x, conv)).toBe(first.message.seq);
      expect(
        await errorOf(svc.post(x, { ...input, id: newId(), text: 'Afterwards.' })),
      ).toMatchObject({ code: 'conflict' });
    },
  );
});
