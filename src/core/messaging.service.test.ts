import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE_MS } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { TEST_DATABASES } from '../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../test/support/conversations.ts';
import { EVENTS_CHANNEL, type EventEnvelope } from './bus-events.ts';
import type { Audience } from './conversation.model.ts';
import type { MessagingService } from './messaging.service.ts';

const sqlite = TEST_DATABASES[0]!;

describe('MessagingService', () => {
  let app: TestApp;
  let clock: ManualClock;
  let svc: MessagingService;
  let orgId: string;
  let a: string;
  let b: string;
  let c: string;
  let rel: string;
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T10:00:00Z');
    app = await createTestApp(sqlite, {}, { clock });
    svc = app.ctx.messaging;
    const seeded = await seedOrg(app.ctx, 3);
    orgId = seeded.orgId;
    [a, b, c] = seeded.ids as [string, string, string];
    rel = await connectIds(app.ctx, orgId, a, b);
    await app.ctx.bus.subscribe(EVENTS_CHANNEL, (m) => events.push(m as EventEnvelope));
  });
  afterAll(async () => app?.close());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** A circle `creator` made in `org`, with `others` invited and accepted. */
  const circleOf = async (org: string, name: string, creator: string, others: string[]) => {
    const circle = await app.ctx.connections.createCircle(creator, { orgId: org, name });
    for (const p of others) {
      const { invitation } = await app.ctx.connections.inviteToCircle(creator, circle.id, {
        userId: p,
      });
      await app.ctx.connections.accept(p, invitation.id);
    }
    return circle;
  };
  const errorOf = async (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as { code: string; fields?: Record<string, string> },
    );

  it('refuses blank and over-long text and ids that are not UUIDs, naming the field', async () => {
    expect(
      await errorOf(svc.post(a, { conversationId: rel, id: newId(), text: ' \n ' })),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { text: expect.any(String) },
    });
    expect(
      (await errorOf(svc.post(a, { conversationId: rel, id: newId(), text: 'x'.repeat(8001) })))
        ?.fields,
    ).toHaveProperty('text');
    expect(
      (await errorOf(svc.post(a, { conversationId: rel, id: 'abc', text: 'hi' })))?.fields,
    ).toHaveProperty('id');
    // A NUL (PostgreSQL cannot keep one) or half of an emoji (kept as U+FFFD) would not be stored as sent.
    for (const text of ['a\u0000b', 'x\uD83Cy', 'half \uDF3F'])
      expect(
        (await errorOf(svc.post(a, { conversationId: rel, id: newId(), text })))?.fields,
        JSON.stringify(text),
      ).toHaveProperty('text');
    // 8,000 emoji are 16,000 UTF-16 units but 8,000 characters: allowed.
    expect(
      (await svc.post(a, { conversationId: rel, id: newId(), text: '🌿'.repeat(8000) })).duplicate,
    ).toBe(false);
  });

  it('hides conversations from non-members with not_found', async () => {
    expect(
      await errorOf(svc.post(c, { conversationId: rel, id: newId(), text: 'hi' })),
    ).toMatchObject({ code: 'not_found' });
    expect(await errorOf(svc.since(c, rel, 0, 10))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(svc.requireMember(c, rel))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(svc.requireMember(a, newId()))).toMatchObject({ code: 'not_found' });
  });

  it('publishes a hint without text after commit, and nothing for a retry', async () => {
    events.length = 0;
    const id = newId();
    const first = await svc.post(b, {
      conversationId: rel,
      id,
      text: 'Something I want to share with you.',
    });
    const again = await svc.post(b, {
      conversationId: rel,
      id,
      text: 'Something I want to share with you.',
    });
    await settle();
    expect(again).toEqual({ message: first.message, duplicate: true });
    expect(events).toEqual([
      {
        name: 'message.posted',
        payload: { conversationId: rel, seq: first.message.seq, messageId: id },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('share');
  });

  it('hands a newly stored message to onStored before the hint goes out, and not a retry', async () => {
    events.length = 0;
    const order: string[] = [];
    const stored: unknown[] = [];
    const off = await app.ctx.bus.subscribe(EVENTS_CHANNEL, () => order.push('hint'));
    const input = { conversationId: rel, id: newId(), text: 'A thought for later.' };
    const onStored = (m: unknown) => {
      order.push('stored');
      stored.push(m);
    };
    const first = await svc.post(a, input, onStored);
    await svc.post(a, input, onStored);
    await settle();
    await off();
    expect(stored).toEqual([first.message]);
    expect(order).toEqual(['stored', 'hint']);
  });

  it('gives onStored, for a circle, who was a member when the message was stored', async () => {
    const circle = await circleOf(orgId, 'Audience', a, [b, c]);
    const seen: Array<readonly string[] | undefined> = [];
    const record = (_m: unknown, audience?: Audience) => void seen.push(audience?.members);
    await svc.post(a, { conversationId: circle.id, id: newId(), text: 'to all three' }, record);
    await app.ctx.connections.leave(c, circle.id);
    await svc.post(a, { conversationId: circle.id, id: newId(), text: 'after one left' }, record);
    await svc.post(a, { conversationId: rel, id: newId(), text: 'in a relationship' }, record);
    expect(seen.map((ids) => ids && [...ids].sort())).toEqual([
      [a, b, c].sort(),
      [a, b].sort(),
      undefined,
    ]);
  });

  it('reads, with a circle’s messages for a node’s cache, who is a member now', async () => {
    const circle = await circleOf(orgId, 'Readers', a, [b, c]);
    expect(await svc.sinceForAll(a, circle.id, 0, 10)).toEqual({ messages: [] });
    await svc.post(a, { conversationId: circle.id, id: newId(), text: 'to all three' });
    const before = await svc.sinceForAll(b, circle.id, 0, 10);
    expect(before.messages.map((m) => m.seq)).toEqual([1]);
    expect([...(before.audience?.members ?? [])].sort()).toEqual([a, b, c].sort());
    expect(before.audience?.blocked.size).toBe(0);
    await app.ctx.connections.leave(c, circle.id);
    await svc.post(a, { conversationId: circle.id, id: newId(), text: 'after one left' });
    const after = await svc.sinceForAll(b, circle.id, 1, 10);
    expect(after.messages.map((m) => m.seq)).toEqual([2]);
    expect([...(after.audience?.members ?? [])].sort()).toEqual([a, b].sort());
    expect(await errorOf(svc.sinceForAll(c, circle.id, 0, 10))).toMatchObject({
      code: 'not_found',
    });
    // A relationship has no audience to check: nothing can be posted once either person left.
    const pair = await svc.sinceForAll(a, rel, 0, 1);
    expect(pair.messages).toHaveLength(1);
    expect(pair.audience).toBeUndefined();
  });

  it('reads, with a circle’s audience, whom each member blocked, when posting and when reading', async () => {
    const { orgId: other, ids } = await seedOrg(app.ctx, 3, 'Blocks');
    const [x, y, z] = ids as [string, string, string];
    const circle = await circleOf(other, 'Quiet', x, [y, z]);
    await app.ctx.connections.block(y, x);
    const seen: Array<Audience | undefined> = [];
    await svc.post(x, { conversationId: circle.id, id: newId(), text: 'to all' }, (_m, audience) =>
      seen.push(audience),
    );
    expect(seen[0]?.blocked).toEqual(new Map([[y, new Set([x])]]));
    expect([...(seen[0]?.members ?? [])].sort()).toEqual([x, y, z].sort());
    expect((await svc.sinceForAll(z, circle.id, 0, 10)).audience?.blocked).toEqual(
      new Map([[y, new Set([x])]]),
    );
    await app.ctx.connections.unblock(y, x);
    expect((await svc.sinceForAll(z, circle.id, 0, 10)).audience?.blocked.size).toBe(0);
  });

  it('replays changes as the reader may see them now: an author they blocked comes without text', async () => {
    const { orgId: other, ids } = await seedOrg(app.ctx, 3, 'Replay');
    const [x, y, z] = ids as [string, string, string];
    const circle = await circleOf(other, 'Evenings', x, [y, z]);
    const posted = await svc.post(x, { conversationId: circle.id, id: newId(), text: 'at six' });
    const since = clock.now();
    clock.advance(60_000);
    await svc.edit(x, { conversationId: circle.id, id: posted.message.id, text: 'at seven' });
    await app.ctx.connections.block(y, x);
    const seq = posted.message.seq;
    const forY = await svc.changedSince(y, circle.id, seq, since, 10);
    expect(forY.map((m) => [m.seq, m.text, m.hidden])).toEqual([[seq, '', true]]);
    const forZ = await svc.changedSince(z, circle.id, seq, since, 10);
    expect(forZ.map((m) => [m.seq, m.text, m.hidden])).toEqual([[seq, 'at seven', undefined]]);
  });

  it('refuses an id already used by another person or in another conversation', async () => {
    const id = newId();
    await svc.post(a, { conversationId: rel, id, text: 'hello' });
    expect(await errorOf(svc.post(b, { conversationId: rel, id, text: 'hello' }))).toMatchObject({
      code: 'conflict',
    });
    const circle = await app.ctx.connections.createCircle(a, { orgId, name: 'Mornings' });
    expect(
      await errorOf(svc.post(a, { conversationId: circle.id, id, text: 'hello' })),
    ).toMatchObject({ code: 'conflict' });
  });

  it('returns history after and before a seq, clamping the page size to 1..200', async () => {
    const all = await svc.since(a, rel, 0, 1000);
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    expect((await svc.since(a, rel, 0, 0)).length).toBe(1);
    expect((await svc.before(a, rel, 3, 10)).map((m) => m.seq)).toEqual([1, 2]);
    expect(await errorOf(svc.since(a, rel, -1, 10))).toMatchObject({ code: 'invalid_input' });
  });

  it('lets only the author edit, within 15 minutes', async () => {
    const { message } = await svc.post(a, {
      conversationId: rel,
      id: newId(),
      text: 'Let us meet at 5.',
    });
    const input = { conversationId: rel, id: message.id, text: 'Let us meet at 6.' };
    expect(await errorOf(svc.edit(b, input))).toMatchObject({ code: 'forbidden' });
    clock.advance(14 * MINUTE_MS);
    const edited = await svc.edit(a, input);
    expect(edited).toMatchObject({
      text: 'Let us meet at 6.',
      seq: message.seq,
      editedAt: clock.now(),
    });
    clock.advance(MINUTE_MS + 1);
    expect(await errorOf(svc.edit(a, { ...input, text: 'Or 7?' }))).toMatchObject({
      code: 'conflict',
    });
    expect(await errorOf(svc.edit(a, { ...input, id: newId() }))).toMatchObject({
      code: 'not_found',
    });
  });

  it('deletes to a tombstone that keeps its seq, author only, any time', async () => {
    const { message } = await svc.post(b, { conversationId: rel, id: newId(), text: 'A thought.' });
    clock.advance(60 * MINUTE_MS);
    expect(await errorOf(svc.remove(a, { conversationId: rel, id: message.id }))).toMatchObject({
      code: 'forbidden',
    });
    const gone = await svc.remove(b, { conversationId: rel, id: message.id });
    expect(gone).toMatchObject({ text: '', seq: message.seq, deletedAt: clock.now() });
    expect((await svc.since(a, rel, message.seq - 1, 1))[0]).toEqual(gone);
    expect(await svc.remove(b, { conversationId: rel, id: message.id })).toEqual(gone);
  });

  it('counts unread per conversation; posting marks one’s own side read; markers never move back', async () => {
    await svc.post(a, { conversationId: rel, id: newId(), text: 'one' });
    await svc.post(a, { conversationId: rel, id: newId(), text: 'two' });
    const forB = (await svc.listConversations(b)).find((x) => x.id === rel)!;
    expect(forB.unread).toBe(2);
    expect(forB.memberIds.sort()).toEqual([a, b].sort());
    expect((await svc.listConversations(a)).find((x) => x.id === rel)!.unread).toBe(0);
    await svc.markRead(b, rel, forB.lastSeq + 50);
    expect((await svc.listConversations(b)).find((x) => x.id === rel)!.unread).toBe(0);
    await svc.markRead(b, rel, 1);
    expect((await app.ctx.db.store.conversationMembers.find(rel, b))?.lastReadSeq).toBe(
      forB.lastSeq,
    );
  });

  it('announces read markers only for people who share them', async () => {
    events.length = 0;
    const { message } = await svc.post(a, { conversationId: rel, id: newId(), text: 'three' });
    await svc.markRead(b, rel, message.seq);
    await settle();
    expect(events.filter((e) => e.name === 'read.updated')).toEqual([]);
    await app.ctx.conversations.setShareReadMarkers(b, rel, true);
    const next = await svc.post(a, { conversationId: rel, id: newId(), text: 'four' });
    await svc.markRead(b, rel, next.message.seq);
    await settle();
    expect(events.filter((e) => e.name === 'read.updated')).toEqual([
      { name: 'read.updated', payload: { conversationId: rel, userId: b, seq: next.message.seq } },
    ]);
  });

  it('returns the original to a retry after the relationship went quiet, and refuses new messages', async () => {
    const { orgId: other, ids } = await seedOrg(app.ctx, 2);
    const [x, y] = ids as [string, string];
    const conv = await connectIds(app.ctx, other, x, y);
    const input = { conversationId: conv, id: newId(), text: 'Sent before the pause.' };
    const first = await svc.post(x, input);
    await app.ctx.connections.block(y, x);
    expect(await svc.post(x, input)).toEqual({ message: first.message, duplicate: true });
    expect(
      await errorOf(svc.post(x, { ...input, id: newId(), text: 'After the pause.' })),
    ).toMatchObject({ code: 'conflict' });
    // No seq was taken by the refused post or the retry.
    const { lastSeq } = await svc.page(x, conv, { limit: 10 });
    expect(lastSeq).toBe(first.message.seq);
  });

  it('gives back the seq a retry took when its id is already stored', async () => {
    const input = { conversationId: rel, id: newId(), text: 'Once is enough.' };
    const first = await svc.post(a, input);
    expect(await svc.post(a, input)).toEqual({ message: first.message, duplicate: true });
    const next = await svc.post(b, { conversationId: rel, id: newId(), text: 'Next one.' });
    expect(next.message.seq).toBe(first.message.seq + 1);
  });

  it('ends access when someone leaves the organization', async () => {
    const { orgId: other, ids } = await seedOrg(app.ctx, 2);
    const [x, y] = ids as [string, string];
    const conv = await connectIds(app.ctx, other, x, y);
    await app.ctx.db.store.memberships.remove(other, y);
    expect(await errorOf(svc.requireMember(y, conv))).toMatchObject({ code: 'not_found' });
    expect((await svc.listConversations(y)).some((s) => s.id === conv)).toBe(false);
    expect(
      await errorOf(svc.post(x, { conversationId: conv, id: newId(), text: 'hi' })),
    ).toMatchObject({ code: 'conflict' });
  });
});
