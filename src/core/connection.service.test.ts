import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, DAY_MS } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { TEST_DATABASES } from '../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { connectIds, seedOrg } from '../../test/support/conversations.ts';
import { EVENTS_CHANNEL, type EventEnvelope } from './bus-events.ts';
import { MAX_CIRCLE_SIZE, type ConnectionService } from './connection.service.ts';

const sqlite = TEST_DATABASES[0]!;

describe('ConnectionService', () => {
  let app: TestApp;
  let clock: ManualClock;
  let svc: ConnectionService;
  let orgId: string;
  let ids: string[];
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T10:00:00Z');
    app = await createTestApp(sqlite, { INVITATION_TTL_HOURS: '48' }, { clock });
    svc = app.ctx.connections;
    ({ orgId, ids } = await seedOrg(app.ctx, 70));
    await app.ctx.bus.subscribe(EVENTS_CHANNEL, (m) => events.push(m as EventEnvelope));
  });
  afterAll(async () => app?.close());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const errorOf = async (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
  const person = (i: number) => ids[i]!;

  it('connects two people only when the other accepts; the same pair shares one relationship', async () => {
    const [a, b] = [person(0), person(1)];
    const { invitation, token } = await svc.inviteToRelationship(a, { orgId, userId: b });
    expect(token).toBeNull();
    expect((await svc.inviteToRelationship(a, { orgId, userId: b })).invitation.id).toBe(
      invitation.id,
    );
    expect(await errorOf(svc.inviteToRelationship(b, { orgId, userId: a }))).toMatchObject({
      code: 'conflict',
    });
    expect(await app.ctx.messaging.listConversations(a)).toEqual([]);
    expect(await errorOf(svc.accept(a, invitation.id))).toMatchObject({ code: 'not_found' });
    events.length = 0;
    const rel = await svc.accept(b, invitation.id);
    await settle();
    expect(rel).toMatchObject({ kind: 'relationship', name: null });
    expect(events).toEqual([
      { name: 'conversation.access_gained', payload: { conversationId: rel.id, userIds: [a, b] } },
    ]);
    expect(await errorOf(svc.inviteToRelationship(b, { orgId, userId: a }))).toMatchObject({
      code: 'conflict',
    });

    // After leaving, a new invitation brings both back into the same relationship, history and all.
    await svc.leave(a, rel.id);
    const again = await svc.inviteToRelationship(b, { orgId, userId: a });
    expect((await svc.accept(a, again.invitation.id)).id).toBe(rel.id);
  });

  it('keeps invitations within the organization and refuses reaching out to oneself', async () => {
    const { orgId: other, ids: outsiders } = await seedOrg(app.ctx, 1, 'Outside');
    expect(
      await errorOf(svc.inviteToRelationship(person(0), { orgId, userId: outsiders[0]! })),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await errorOf(svc.inviteToRelationship(person(0), { orgId: other, userId: outsiders[0]! })),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await errorOf(svc.inviteToRelationship(person(0), { orgId, userId: person(0) })),
    ).toMatchObject({ code: 'invalid_input' });
    const link = await svc.inviteToRelationship(person(2), { orgId });
    expect(await errorOf(svc.acceptLink(outsiders[0]!, link.token!))).toMatchObject({
      code: 'not_found',
    });
  });

  it('link invitations work once, before they expire, and store only a hash', async () => {
    const { invitation, token } = await svc.inviteToRelationship(person(3), { orgId });
    expect(token).toEqual(expect.any(String));
    const stored = await app.ctx.db.store.connectionInvitations.findById(invitation.id);
    expect(stored?.tokenHash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token!);
    await svc.acceptLink(person(4), token!);
    expect(await errorOf(svc.acceptLink(person(5), token!))).toMatchObject({ code: 'gone' });
    const late = await svc.inviteToRelationship(person(3), { orgId });
    clock.advance(2 * DAY_MS + 1);
    expect(await errorOf(svc.acceptLink(person(6), late.token!))).toMatchObject({ code: 'gone' });
  });

  it('declined and withdrawn invitations close; only the right person can do either', async () => {
    const [a, b] = [person(7), person(8)];
    const one = await svc.inviteToRelationship(a, { orgId, userId: b });
    expect(await errorOf(svc.decline(a, one.invitation.id))).toMatchObject({ code: 'not_found' });
    await svc.decline(b, one.invitation.id);
    expect((await svc.listInvitations(a)).sent).toEqual([]);
    const two = await svc.inviteToRelationship(a, { orgId, userId: b });
    expect((await svc.listInvitations(b)).received.map((i) => i.id)).toEqual([two.invitation.id]);
    expect(await errorOf(svc.withdraw(b, two.invitation.id))).toMatchObject({ code: 'not_found' });
    await svc.withdraw(a, two.invitation.id);
    expect(await errorOf(svc.accept(b, two.invitation.id))).toMatchObject({ code: 'gone' });
  });

  it('a block ends delivery at once and is never shown to the blocked person', async () => {
    const [a, b] = [person(9), person(10)];
    const rel = await connectIds(app.ctx, orgId, a, b);
    events.length = 0;
    await svc.block(a, b);
    await settle();
    // The relationship ends for the blocker; only the blocker's own sockets hear of the block itself.
    expect(events).toEqual([
      { name: 'conversation.access_lost', payload: { conversationId: rel, userIds: [a] } },
      { name: 'block.changed', payload: { blockerId: a, otherId: b, blocked: true } },
    ]);
    expect(await errorOf(app.ctx.messaging.requireMember(a, rel))).toMatchObject({
      code: 'not_found',
    });
    const quiet = await errorOf(
      app.ctx.messaging.post(b, { conversationId: rel, id: newId(), text: 'hello?' }),
    );
    expect(quiet).toMatchObject({ code: 'conflict' });
    expect(quiet?.message).not.toMatch(/block/i);
    // The blocked person can still send an invitation; it is never shown and can never be accepted.
    const hidden = await svc.inviteToRelationship(b, { orgId, userId: a });
    expect((await svc.listInvitations(b)).sent.map((i) => i.id)).toContain(hidden.invitation.id);
    expect((await svc.listInvitations(a)).received).toEqual([]);
    expect(await errorOf(svc.accept(a, hidden.invitation.id))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(svc.inviteToRelationship(a, { orgId, userId: b }))).toMatchObject({
      code: 'conflict',
    });
    // After unblocking, the unanswered invitation shows up again; reconnecting still takes both saying yes.
    events.length = 0;
    await svc.unblock(a, b);
    await settle();
    expect(events).toEqual([
      { name: 'block.changed', payload: { blockerId: a, otherId: b, blocked: false } },
    ]);
    expect((await svc.listInvitations(a)).received.map((i) => i.id)).toEqual([
      hidden.invitation.id,
    ]);
    expect((await svc.accept(a, hidden.invitation.id)).id).toBe(rel);
  });

  it('blocking withdraws the blocker’s open invitations to that person', async () => {
    const [a, b] = [person(11), person(12)];
    const open = await svc.inviteToRelationship(a, { orgId, userId: b });
    await svc.block(a, b);
    expect(await errorOf(svc.accept(b, open.invitation.id))).toMatchObject({ code: 'gone' });
    expect(await errorOf(svc.block(a, newId()))).toMatchObject({ code: 'not_found' });
  });

  it('circles: any member invites unless the circle is closed; at most 50 people', async () => {
    const first = person(13);
    const circle = await svc.createCircle(first, { orgId, name: '  Thursday circle ' });
    expect(circle).toMatchObject({
      kind: 'circle',
      name: 'Thursday circle',
      membersCanInvite: true,
    });
    let inviter = first;
    for (let i = 14; i < 13 + MAX_CIRCLE_SIZE; i++) {
      const { invitation } = await svc.inviteToCircle(inviter, circle.id, { userId: person(i) });
      await svc.accept(person(i), invitation.id);
      inviter = person(i);
    }
    expect(await app.ctx.db.store.conversationMembers.countActive(circle.id)).toBe(MAX_CIRCLE_SIZE);
    const extra = await svc.inviteToCircle(first, circle.id, {
      userId: person(13 + MAX_CIRCLE_SIZE),
    });
    expect(
      await errorOf(svc.accept(person(13 + MAX_CIRCLE_SIZE), extra.invitation.id)),
    ).toMatchObject({ code: 'conflict' });
    await svc.updateCircle(person(20), circle.id, { membersCanInvite: false });
    expect(await errorOf(svc.inviteToCircle(first, circle.id, {}))).toMatchObject({
      code: 'forbidden',
    });
    expect(await errorOf(svc.inviteToCircle(person(0), circle.id, {}))).toMatchObject({
      code: 'not_found',
    });
  });

  it('a relationship takes no invitations and has no circle settings', async () => {
    const rel = await connectIds(app.ctx, orgId, person(0), person(5));
    expect(await errorOf(svc.inviteToCircle(person(0), rel, { userId: person(6) }))).toMatchObject({
      code: 'conflict',
    });
    expect(await errorOf(svc.updateCircle(person(0), rel, { name: 'x' }))).toMatchObject({
      code: 'conflict',
    });
  });
});
