/**
 * The conversation storage contract, run on every database (SQLite always, PostgreSQL when TEST_DATABASE_URL
 * is set): sequence numbers stay gap-free and unique under concurrent posting, and retries never duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { TEST_DATABASES } from '../../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../../test/support/conversations.ts';

describe.each(TEST_DATABASES)('conversation storage contract ($name)', (db) => {
  let app: TestApp;
  let orgId: string;
  let ids: string[];

  beforeAll(async () => {
    app = await createTestApp(db);
    ({ orgId, ids } = await seedOrg(app.ctx, 6));
  });
  afterAll(async () => app?.close());

  const store = () => app.ctx.db.store;
  const messaging = () => app.ctx.messaging;

  it('assigns 1..200 with no gaps or repeats to 200 concurrent posts in one conversation', async () => {
    const [a, b] = ids as [string, string];
    const conversationId = await connectIds(app.ctx, orgId, a, b);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        messaging().post(i % 2 ? a : b, { conversationId, id: newId(), text: `note ${i}` }),
      ),
    );
    const seqs = results.map((r) => r.message.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    const stored = await store().messages.listAfter(conversationId, 0, 500);
    expect(stored.map((m) => m.seq)).toEqual(seqs);
    expect((await store().conversations.findById(conversationId))?.lastSeq).toBe(200);
    // Every reader gets the same order: the store's order is the acknowledged one.
    for (const r of results) expect(stored[r.message.seq - 1]?.id).toBe(r.message.id);
  });

  it('stores one row when the same id is posted concurrently, and consumes no seq for the retries', async () => {
    const [, , c, d] = ids as [string, string, string, string];
    const conversationId = await connectIds(app.ctx, orgId, c, d);
    const id = newId();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        messaging().post(c, { conversationId, id, text: 'Once only.' }),
      ),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.seq))).toEqual(new Set([1]));
    const next = await messaging().post(d, { conversationId, id: newId(), text: 'Next.' });
    expect(next.message.seq).toBe(2);
    expect(await store().messages.listAfter(conversationId, 0, 10)).toHaveLength(2);
  });

  it('keeps seqs gap-free when posts, retries and edits interleave across conversations', async () => {
    const [a, b, c] = ids as [string, string, string];
    const one = await connectIds(app.ctx, orgId, a, c);
    const two = await connectIds(app.ctx, orgId, b, c);
    const planned = Array.from({ length: 60 }, (_, i) => ({
      conversationId: i % 2 ? one : two,
      author: i % 2 ? a : b,
      id: newId(),
    }));
    // Every message is sent twice at once, as a client would after a lost acknowledgement.
    await Promise.all(
      [...planned, ...planned].map((p) =>
        messaging().post(p.author, { conversationId: p.conversationId, id: p.id, text: 'hi' }),
      ),
    );
    for (const conversationId of [one, two]) {
      const seqs = (await store().messages.listAfter(conversationId, 0, 100)).map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    }
  });

  it('reads the last seq of many conversations at once, leaving out ids it does not hold, and those quiet since a time', async () => {
    const own = await seedOrg(app.ctx, 3);
    const [a, b, c] = own.ids as [string, string, string];
    const first = await connectIds(app.ctx, own.orgId, a, c);
    const second = await connectIds(app.ctx, own.orgId, b, c);
    for (let i = 0; i < 3; i++)
      await messaging().post(a, { conversationId: first, id: newId(), text: `n${i}` });
    await messaging().post(b, { conversationId: second, id: newId(), text: 'one' });
    // More ids than one statement asks for (500), the known ones at both ends.
    const unknown = Array.from({ length: 1100 }, () => newId());
    const seqs = await store().conversations.lastSeqs([first, ...unknown, second]);
    expect(Object.fromEntries(seqs)).toEqual({
      [first]: (await store().conversations.findById(first))?.lastSeq,
      [second]: (await store().conversations.findById(second))?.lastSeq,
    });
    expect(seqs.get(first)).toBeGreaterThanOrEqual(3);
    expect(await store().conversations.lastSeqs([])).toEqual(new Map());
    // Only those with a message posted since a time (a node's bus came back after a break).
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await pause();
    const since = new Date();
    await pause();
    await messaging().post(b, { conversationId: second, id: newId(), text: 'two' });
    const active = await store().conversations.lastSeqs([first, ...unknown, second], since);
    expect(Object.fromEntries(active)).toEqual({ [second]: (seqs.get(second) ?? 0) + 1 });
    expect(await store().conversations.lastSeqs([first], new Date(0))).toEqual(
      new Map([[first, seqs.get(first)]]),
    );
  });

  it('lists after and before a seq in ascending order', async () => {
    const [a, , , , e] = ids as [string, string, string, string, string];
    const circle = await app.ctx.connections.createCircle(a, { orgId, name: 'Paging' });
    for (let i = 0; i < 10; i++)
      await messaging().post(a, { conversationId: circle.id, id: newId(), text: `${i}` });
    expect((await store().messages.listAfter(circle.id, 7, 5)).map((m) => m.seq)).toEqual([
      8, 9, 10,
    ]);
    expect((await store().messages.listBefore(circle.id, 4, 5)).map((m) => m.seq)).toEqual([
      1, 2, 3,
    ]);
    expect((await store().messages.listBefore(circle.id, 11, 2)).map((m) => m.seq)).toEqual([
      9, 10,
    ]);
    expect(await store().conversationMembers.findActive(circle.id, e)).toBeUndefined();
  });

  it('finds access (member and conversation in one read) under the same rule as findActive', async () => {
    // An organization of its own, since one of its people leaves it.
    const own = await seedOrg(app.ctx, 3);
    const [a, b, e] = own.ids as [string, string, string];
    const circle = await app.ctx.connections.createCircle(a, { orgId: own.orgId, name: 'Access' });
    await messaging().post(a, { conversationId: circle.id, id: newId(), text: 'one' });
    const access = await store().conversationMembers.findAccess(circle.id, a);
    expect(access?.member).toEqual(await store().conversationMembers.findActive(circle.id, a));
    expect(access?.conversation).toEqual(await store().conversations.findById(circle.id));
    expect(access?.conversation.lastSeq).toBe(1);
    expect(await store().conversationMembers.findAccess(circle.id, e)).toBeUndefined();
    const pair = await connectIds(app.ctx, own.orgId, a, b);
    await app.ctx.db.store.memberships.remove(own.orgId, b);
    expect(await store().conversationMembers.findAccess(pair, b)).toBeUndefined();
    expect(await store().conversationMembers.findAccess(pair, a)).toBeDefined();
  });

  it('says whether the other person in a relationship can still be reached', async () => {
    const own = await seedOrg(app.ctx, 4);
    const [a, b, c, d] = own.ids as [string, string, string, string];
    const members = () => store().conversationMembers;
    const ab = await connectIds(app.ctx, own.orgId, a, b);
    expect(await members().hasOpenPeer(ab, a)).toBe(true);
    expect(await members().hasOpenPeer(ab, b)).toBe(true);
    // A block either way closes it for both, and lifting it opens it again.
    await store().blocks.insert(b, a, new Date());
    expect(await members().hasOpenPeer(ab, a)).toBe(false);
    expect(await members().hasOpenPeer(ab, b)).toBe(false);
    await store().blocks.remove(b, a);
    expect(await members().hasOpenPeer(ab, a)).toBe(true);
    // A block with someone else does not matter here.
    await store().blocks.insert(a, c, new Date());
    expect(await members().hasOpenPeer(ab, a)).toBe(true);
    // Leaving the relationship, or the organization, closes it.
    const cd = await connectIds(app.ctx, own.orgId, c, d);
    await app.ctx.connections.leave(d, cd);
    expect(await members().hasOpenPeer(cd, c)).toBe(false);
    await app.ctx.db.store.memberships.remove(own.orgId, b);
    expect(await members().hasOpenPeer(ab, a)).toBe(false);
  });

  it('reads a circle’s audience: its current members and whom each of them blocked', async () => {
    const own = await seedOrg(app.ctx, 5, 'Audience');
    const [a, b, c, d, e] = own.ids as [string, string, string, string, string];
    const circle = await app.ctx.connections.createCircle(a, { orgId: own.orgId, name: 'Aud' });
    for (const p of [b, c, d]) {
      const { invitation } = await app.ctx.connections.inviteToCircle(a, circle.id, { userId: p });
      await app.ctx.connections.accept(p, invitation.id);
    }
    const audience = () => store().conversationMembers.audience(circle.id);
    expect([...(await audience()).members].sort()).toEqual([a, b, c, d].sort());
    expect((await audience()).blocked).toEqual(new Map());
    // Two blocks by one member (one of someone outside the circle), one by another; a member who left
    // and a member who left the organization are out, with their blocks.
    await store().blocks.insert(b, a, new Date());
    await store().blocks.insert(b, e, new Date());
    await store().blocks.insert(c, a, new Date());
    await store().blocks.insert(d, a, new Date());
    await app.ctx.connections.leave(c, circle.id);
    await app.ctx.db.store.memberships.remove(own.orgId, d);
    const now = await audience();
    expect([...now.members].sort()).toEqual([a, b].sort());
    expect(now.blocked).toEqual(new Map([[b, new Set([a, e])]]));
  });

  it('moves read markers forward only and counts unread from others', async () => {
    const [a, , , , e, f] = ids as [string, string, string, string, string, string];
    const conversationId = await connectIds(app.ctx, orgId, e, f);
    for (let i = 0; i < 3; i++)
      await messaging().post(e, { conversationId, id: newId(), text: 'hello' });
    const members = store().conversationMembers;
    expect(await members.markRead(conversationId, f, 2)).toBe(2);
    expect(await members.markRead(conversationId, f, 1)).toBe(2);
    const list = await store().conversations.listForUser(f);
    expect(list.find((c) => c.id === conversationId)).toMatchObject({ unread: 1, lastSeq: 3 });
    expect(
      (await store().conversations.listForUser(e)).find((c) => c.id === conversationId)?.unread,
    ).toBe(0);
    expect((await store().conversations.listForUser(a)).some((c) => c.id === conversationId)).toBe(
      false,
    );
    // Asked for one conversation: just that one, with the same count, or none for someone not in it.
    const only = { conversationId };
    await connectIds(app.ctx, orgId, a, f);
    const all = await store().conversations.listForUser(f);
    expect(all).toHaveLength(2);
    expect(await store().conversations.listForUser(f, only)).toEqual(
      all.filter((c) => c.id === conversationId),
    );
    expect(await store().conversations.listForUser(a, only)).toEqual([]);
  });

  it('lists whom a person blocked, and leaves their messages out of that person’s unread count', async () => {
    const crowd = await seedOrg(app.ctx, 3, 'Quiet');
    const [x, y, z] = crowd.ids as [string, string, string];
    const circle = await app.ctx.connections.createCircle(x, { orgId: crowd.orgId, name: 'Q' });
    for (const p of [y, z]) {
      const { invitation } = await app.ctx.connections.inviteToCircle(x, circle.id, { userId: p });
      await app.ctx.connections.accept(p, invitation.id);
    }
    await messaging().post(y, { conversationId: circle.id, id: newId(), text: 'one' });
    await messaging().post(z, { conversationId: circle.id, id: newId(), text: 'two' });
    const unread = async (who: string) =>
      (await store().conversations.listForUser(who)).find((c) => c.id === circle.id)?.unread;
    expect(await unread(x)).toBe(2);
    await app.ctx.connections.block(x, y);
    expect(await store().blocks.blockedBy(x)).toEqual([y]);
    expect(await store().blocks.blockedBy(y)).toEqual([]);
    expect(await unread(x)).toBe(1);
    // The block is one-way: the blocked person still counts the blocker's messages.
    await messaging().post(x, { conversationId: circle.id, id: newId(), text: 'three' });
    expect(await unread(y)).toBe(2);
  });

  it('never lets concurrent acceptances take a circle past 50 people', async () => {
    const crowd = await seedOrg(app.ctx, 55, 'Crowd');
    const [first, ...rest] = crowd.ids as [string, ...string[]];
    const circle = await app.ctx.connections.createCircle(first, {
      orgId: crowd.orgId,
      name: 'Full house',
    });
    const invite = async (userId: string) =>
      (await app.ctx.connections.inviteToCircle(first, circle.id, { userId })).invitation.id;
    for (const userId of rest.slice(0, 47))
      await app.ctx.connections.accept(userId, await invite(userId));
    const late = rest.slice(47, 54);
    const invitations = await Promise.all(late.map(invite));
    const outcomes = await Promise.allSettled(
      late.map((userId, i) => app.ctx.connections.accept(userId, invitations[i]!)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    expect(await store().conversationMembers.countActive(circle.id)).toBe(50);
  });

  it('opens one relationship when invitations in both directions are accepted at once', async () => {
    const pair = await seedOrg(app.ctx, 2, 'Pair');
    const [a, b] = pair.ids as [string, string];
    const now = app.ctx.clock.now();
    const invitation = (createdBy: string, inviteeId: string) => ({
      id: newId(),
      orgId: pair.orgId,
      kind: 'relationship' as const,
      conversationId: null,
      createdBy,
      inviteeId,
      tokenHash: null,
      status: 'pending' as const,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 60_000),
      respondedAt: null,
      usedBy: null,
    });
    // Written straight to the store: the service would refuse the second while the first is open.
    const ab = invitation(a, b);
    const ba = invitation(b, a);
    await store().connectionInvitations.insert(ab);
    await store().connectionInvitations.insert(ba);
    const [one, two] = await Promise.all([
      app.ctx.connections.accept(b, ab.id),
      app.ctx.connections.accept(a, ba.id),
    ]);
    expect(one.id).toBe(two.id);
  });

  it('answers an invitation exactly once', async () => {
    const [a, b] = ids as [string, string];
    const { invitation } = await app.ctx.connections.inviteToRelationship(a, { orgId });
    const now = app.ctx.clock.now();
    const answers = await Promise.all(
      [a, b, a, b].map((by) =>
        store().connectionInvitations.respond(invitation.id, 'accepted', now, by),
      ),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
  });
});
