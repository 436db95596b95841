import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ConversationDetail } from '../../src/contract/conversations.ts';
import { pairKey } from '../../src/core/connection.service.ts';
import { HOUR_MS, ManualClock, MINUTE_MS } from '../../src/lib/clock.ts';
import { newId } from '../../src/lib/ids.ts';
import { connect, createOrg, say, signUp, type TestPerson } from '../support/conversations.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type Detail = z.infer<typeof ConversationDetail>;

/** Types in place of values, keys sorted: two shapes are equal when the same keys hold the same kinds. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value === null || typeof value !== 'object') return value === null ? 'null' : typeof value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]),
  );
}

/** A conversation's detail with its people named as the caller sees them: "me" and "other". */
function relativeTo(detail: Detail, conv: string, me: TestPerson, other: TestPerson): unknown {
  const names = new Map([
    [conv, 'conversation'],
    [me.id, 'me'],
    [other.id, 'other'],
    [me.name, 'my name'],
    [other.name, 'their name'],
  ]);
  const relative = JSON.parse(JSON.stringify(detail), (_, v: unknown) =>
    typeof v === 'string' ? (names.get(v) ?? v) : v,
  ) as Detail;
  return {
    ...relative,
    members: relative.members.sort((x, y) => x.userId.localeCompare(y.userId)),
  };
}

/** The detail without what is only the caller's: their read marker, their settings, whether they may post. */
function withoutCallersOwn(detail: Detail): unknown {
  const { myReadUpTo: _r, shareReadMarkers: _s, canPost: _c, ...rest } = detail;
  return { ...rest, members: rest.members.map(({ readUpTo: _u, ...m }) => m) };
}

describe.each(TEST_DATABASES)('relationships, circles and messages over HTTP ($name)', (db) => {
  let srv: TestServer;
  let clock: ManualClock;
  let orgId: string;
  let ana: TestPerson;
  let ben: TestPerson;
  let relationshipId: string;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    srv = await startTestServer(db, { AUTH_LIMIT_PER_IP: '10000' }, { clock });
    ana = await signUp(srv, 'Ana');
    orgId = await createOrg(srv, ana);
    ben = await signUp(srv, 'Ben', orgId);
    relationshipId = await connect(ana, ben, orgId);
  });
  afterAll(async () => srv?.close());

  it('answers 401 without a session', async () => {
    const anon = srv.client();
    expect((await anon.get('/api/conversations')).status).toBe(401);
    const post = await anon.post(`/api/conversations/${relationshipId}/messages`, {
      id: newId(),
      text: 'hello',
    });
    expect(post.status).toBe(401);
    expect(post.body.error.code).toBe('unauthorized');
  });

  it('answers 400 naming the field for empty, oversized and malformed messages and queries', async () => {
    const empty = await say(ana, relationshipId, '   ');
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.text).toMatch(/write something/);
    const long = await say(ana, relationshipId, 'a'.repeat(8001));
    expect(long.status).toBe(400);
    expect(long.body.error.fields.text).toMatch(/8,000/);
    const exact = await say(ana, relationshipId, '🌱'.repeat(8000));
    expect(exact.status).toBe(201);
    const badId = await say(ana, relationshipId, 'hello', 'not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields.id).toBeDefined();
    const both = await ana.client.get(
      `/api/conversations/${relationshipId}/messages?after=1&before=3`,
    );
    expect(both.status).toBe(400);
    const negative = await ana.client.get(`/api/conversations/${relationshipId}/messages?after=-1`);
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields.after).toBeDefined();
  });

  it('refuses odd numbers, repeated names, malformed ids and unknown fields, naming each, and stores nothing', async () => {
    const before = (await ana.client.get(`/api/conversations/${relationshipId}`)).body.lastSeq;
    const history = (q: string) =>
      ana.client.get(`/api/conversations/${relationshipId}/messages?${q}`);
    for (const [q, field] of [
      ['after=', 'after'],
      ['after=%20', 'after'],
      ['after=0x10', 'after'],
      ['before=0b101', 'before'],
      ['limit=0x3', 'limit'],
      ['after=1e1', 'after'],
      ['after=3000000000', 'after'],
      ['after=3&after=10', 'after'],
      ['after[]=5', 'after[]'],
    ] as const) {
      const r = await history(q);
      expect([q, r.status, Object.keys(r.body.error?.fields ?? {})]).toEqual([q, 400, [field]]);
    }
    expect((await history('after=0&limit=2')).status).toBe(200);

    const paths = [
      ['DELETE', '/api/blocks/not-a-uuid', 'userId'],
      ['GET', '/api/conversations/not-a-uuid', 'conversationId'],
      ['GET', `/api/conversations/${relationshipId.toUpperCase()}`, 'conversationId'],
      ['PATCH', `/api/conversations/${relationshipId}/messages/42`, 'messageId'],
    ] as const;
    for (const [method, path, field] of paths) {
      const r = await ana.client.request(
        method,
        path,
        method === 'PATCH' ? { text: 'x' } : undefined,
      );
      expect([path, r.status, r.body.error.fields]).toEqual([
        path,
        400,
        { [field]: 'Must be a UUID.' },
      ]);
    }

    const bodies = [
      ['/api/circles', { orgId: 'zzz', name: 'Thursday circle' }, 'orgId'],
      ['/api/connection-invitations', { orgId, userId: 'zzz' }, 'userId'],
      ['/api/blocks', { userId: 'zzz' }, 'userId'],
      ['/api/me/intentions', { title: 'Walk more', sharedWith: 'zzz' }, 'sharedWith'],
    ] as const;
    for (const [path, body, field] of bodies) {
      const r = await ana.client.post(path, body);
      expect([path, r.status, Object.keys(r.body.error.fields)]).toEqual([path, 400, [field]]);
    }

    // A field the route does not take is named, not silently dropped (the author is never the caller's to set).
    const extra = await ana.client.post(`/api/conversations/${relationshipId}/messages`, {
      id: newId(),
      text: 'hi',
      authorId: ben.id,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields).toEqual({ authorId: '"authorId" is not accepted here.' });
    const limits = await ana.client.request('PUT', `/api/conversations/${relationshipId}/limits`, {
      userId: ben.id,
    });
    expect(limits.status).toBe(400);
    expect(limits.body.error.fields.userId).toMatch(/not accepted/);
    const everyone = await ana.client.post('/api/me/sessions/revoke-all', {
      keepCurrent: true,
      everyone: true,
    });
    expect(everyone.status).toBe(400);
    expect((await ana.client.get('/api/me')).status).toBe(200);

    for (const displayName of ['\u0000\u0007', '\u200b', ' \u200d ', 'Ana\u0007']) {
      const r = await ana.client.patch('/api/me', { displayName });
      expect([JSON.stringify(displayName), r.status, Object.keys(r.body.error.fields)]).toEqual([
        JSON.stringify(displayName),
        400,
        ['displayName'],
      ]);
    }
    expect((await ana.client.get('/api/me')).body.user.displayName).toBe(ana.name);
    // The presence choice is a yes or no, kept with the account.
    const odd = await ana.client.patch('/api/me', { presenceHidden: 'yes' });
    expect([odd.status, Object.keys(odd.body.error.fields)]).toEqual([400, ['presenceHidden']]);
    expect((await ana.client.get('/api/me')).body.user.presenceHidden).toBe(false);
    const hidden = await ana.client.patch('/api/me', { presenceHidden: true });
    expect([hidden.status, hidden.body.presenceHidden]).toEqual([200, true]);
    expect((await ana.client.get('/api/me')).body.user).toMatchObject({
      displayName: ana.name,
      presenceHidden: true,
    });
    expect((await ana.client.patch('/api/me', { presenceHidden: false })).body.presenceHidden).toBe(
      false,
    );
    const named = await ana.client.post('/api/circles', { orgId, name: '\u200b\u200b' });
    expect(named.status).toBe(400);
    expect(named.body.error.fields.name).toMatch(/name/);
    expect((await ana.client.get(`/api/conversations/${relationshipId}`)).body.lastSeq).toBe(
      before,
    );
  });

  it('answers 403 for a cross-site write and for changing someone else’s message', async () => {
    const cross = await ana.client.request(
      'POST',
      `/api/conversations/${relationshipId}/messages`,
      { id: newId(), text: 'hi' },
      { origin: 'https://elsewhere.example' },
    );
    expect(cross.status).toBe(403);
    const posted = await say(ana, relationshipId, 'What would you like this week to hold?');
    const edit = await ben.client.patch(
      `/api/conversations/${relationshipId}/messages/${posted.body.message.id}`,
      {
        text: 'changed',
      },
    );
    expect(edit.status).toBe(403);
    expect(
      (
        await ben.client.delete(
          `/api/conversations/${relationshipId}/messages/${posted.body.message.id}`,
        )
      ).status,
    ).toBe(403);
  });

  it('answers 404 to non-members and to people from another organization, for every conversation route', async () => {
    const cleo = await signUp(srv, 'Cleo', orgId);
    const dev = await signUp(srv, 'Dev');
    await createOrg(srv, dev, 'Riverside Circle');
    const base = `/api/conversations/${relationshipId}`;
    for (const outsider of [cleo, dev]) {
      const c = outsider.client;
      const answers = await Promise.all([
        c.get(base),
        c.get(`${base}/messages?after=0`),
        say(outsider, relationshipId, 'hello'),
        c.post(`${base}/read`, { seq: 1 }),
        c.get(`${base}/limits`),
        c.request('PUT', `${base}/settings`, { shareReadMarkers: true }),
        c.post(`${base}/leave`),
        c.post(`${base}/invitations`, {}),
        c.get(`/api/conversations/${newId()}`),
      ]);
      expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(404));
    }
    // Someone outside the organization cannot be reached out to, nor reach out into it.
    expect(
      (await ana.client.post('/api/connection-invitations', { orgId, userId: dev.id })).status,
    ).toBe(404);
    expect(
      (await dev.client.post('/api/connection-invitations', { orgId, userId: ana.id })).status,
    ).toBe(404);
    expect((await dev.client.post('/api/circles', { orgId, name: 'Not mine' })).status).toBe(404);
  });

  it('stores a message once with the next seq; a retry with the same id returns the original with 200', async () => {
    const id = newId();
    const first = await say(ben, relationshipId, 'I noticed something new today.', id);
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    const retry = await say(ben, relationshipId, 'I noticed something new today.', id);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ message: first.body.message, duplicate: true });
    const next = await say(ben, relationshipId, 'And something else.');
    expect(next.body.message.seq).toBe(first.body.message.seq + 1);
    // The same id in another conversation is refused rather than revealing or overwriting anything.
    const circle = await ben.client.post('/api/circles', { orgId, name: 'Evening walkers' });
    const reused = await say(ben, circle.body.id, 'hello', id);
    expect(reused.status).toBe(409);
  });

  it('pages history by seq: after for catch-up, before for scroll-back, newest page by default', async () => {
    const circle = (await ana.client.post('/api/circles', { orgId, name: 'Morning pages' })).body
      .id as string;
    for (let i = 1; i <= 7; i++)
      expect((await say(ana, circle, `note ${i}`)).body.message.seq).toBe(i);
    const url = `/api/conversations/${circle}/messages`;
    const after = await ana.client.get(`${url}?after=2&limit=3`);
    expect(after.body.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4, 5]);
    expect(after.body.lastSeq).toBe(7);
    const before = await ana.client.get(`${url}?before=5&limit=2`);
    expect(before.body.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4]);
    const newest = await ana.client.get(`${url}?limit=2`);
    expect(newest.body.messages.map((m: { seq: number }) => m.seq)).toEqual([6, 7]);
  });

  it('lets the author edit within 15 minutes and delete to a tombstone everyone sees', async () => {
    const posted = await say(ana, relationshipId, 'I would like us to try a walk.');
    const url = `/api/conversations/${relationshipId}/messages/${posted.body.message.id}`;
    const edited = await ana.client.patch(url, {
      text: 'I would like us to try a walk on Sunday.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.editedAt).not.toBeNull();
    clock.advance(15 * MINUTE_MS + 1000);
    const late = await ana.client.patch(url, { text: 'too late' });
    expect(late.status).toBe(409);
    const removed = await ana.client.delete(url);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ text: '', seq: posted.body.message.seq });
    expect(removed.body.deletedAt).not.toBeNull();
    const seen = await ben.client.get(
      `/api/conversations/${relationshipId}/messages?after=${posted.body.message.seq - 1}&limit=1`,
    );
    expect(seen.body.messages[0]).toMatchObject({ id: posted.body.message.id, text: '' });
    expect((await ana.client.patch(url, { text: 'back?' })).status).toBe(409);
  });

  it('counts unread messages per conversation and moves read markers forward only', async () => {
    await say(ana, relationshipId, 'How did the walk feel?');
    await say(ana, relationshipId, 'No rush to answer.');
    const before = await ben.client.get('/api/conversations');
    const row = before.body.conversations.find((c: { id: string }) => c.id === relationshipId);
    expect(row.unread).toBe(2);
    expect(
      (await ben.client.post(`/api/conversations/${relationshipId}/read`, { seq: row.lastSeq }))
        .status,
    ).toBe(200);
    await ben.client.post(`/api/conversations/${relationshipId}/read`, { seq: 1 });
    const after = await ben.client.get('/api/conversations');
    expect(
      after.body.conversations.find((c: { id: string }) => c.id === relationshipId).unread,
    ).toBe(0);
    const detail = await ben.client.get(`/api/conversations/${relationshipId}`);
    expect(detail.body.myReadUpTo).toBe(row.lastSeq);
  });

  it('shares read markers only after the person opts in', async () => {
    const url = `/api/conversations/${relationshipId}`;
    const hidden = await ana.client.get(url);
    expect(
      hidden.body.members.find((m: { userId: string }) => m.userId === ben.id).readUpTo,
    ).toBeNull();
    await ben.client.request('PUT', `${url}/settings`, { shareReadMarkers: true });
    const shown = await ana.client.get(url);
    expect(
      shown.body.members.find((m: { userId: string }) => m.userId === ben.id).readUpTo,
    ).toBeGreaterThan(0);
    await ben.client.request('PUT', `${url}/settings`, { shareReadMarkers: false });
  });

  it('shows each person’s limits to the other, with quiet time', async () => {
    const url = `/api/conversations/${relationshipId}/limits`;
    const bad = await ana.client.request('PUT', url, {
      quietStart: '25:00',
      quietEnd: '07:00',
      timeZone: 'UTC',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.quietStart).toBeDefined();
    const zone = await ana.client.request('PUT', url, {
      quietStart: '22:00',
      quietEnd: '07:00',
      timeZone: 'Mars/Olympus',
    });
    expect(zone.body.error.fields.timeZone).toBeDefined();
    const now = clock.now();
    const hh = String(now.getUTCHours()).padStart(2, '0');
    const next = String((now.getUTCHours() + 2) % 24).padStart(2, '0');
    const set = await ana.client.request('PUT', url, {
      quietStart: `${hh}:00`,
      quietEnd: `${next}:00`,
      timeZone: 'UTC',
      note: 'Evenings are for my kids; mornings are good.',
    });
    expect(set.status).toBe(200);
    const seen = await ben.client.get(url);
    expect(seen.body.limits).toEqual([
      expect.objectContaining({
        userId: ana.id,
        note: 'Evenings are for my kids; mornings are good.',
        inQuietTime: true,
      }),
    ]);
    const detail = await ben.client.get(`/api/conversations/${relationshipId}`);
    expect(
      detail.body.members.find((m: { userId: string }) => m.userId === ana.id).inQuietTime,
    ).toBe(true);
  });

  it('connects by single-use link within the same organization', async () => {
    const eli = await signUp(srv, 'Eli', orgId);
    const fay = await signUp(srv, 'Fay', orgId);
    const link = await eli.client.post('/api/connection-invitations', { orgId });
    expect(link.status).toBe(201);
    expect(link.body.token).toEqual(expect.any(String));
    expect(
      (await eli.client.post('/api/connection-invitations/accept-link', { token: link.body.token }))
        .status,
    ).toBe(409);
    const joined = await fay.client.post('/api/connection-invitations/accept-link', {
      token: link.body.token,
    });
    expect(joined.status).toBe(200);
    expect(joined.body.kind).toBe('relationship');
    const again = await ana.client.post('/api/connection-invitations/accept-link', {
      token: link.body.token,
    });
    expect(again.status).toBe(410);
    expect(
      (await fay.client.post('/api/connection-invitations/accept-link', { token: 'nope' })).status,
    ).toBe(404);
  });

  it('lists, declines and accepts in-app invitations; no one can message someone they are not connected with', async () => {
    const gus = await signUp(srv, 'Gus', orgId);
    const hal = await signUp(srv, 'Hal', orgId);
    const invite = await gus.client.post('/api/connection-invitations', { orgId, userId: hal.id });
    const mine = await hal.client.get('/api/connection-invitations');
    expect(mine.body.received).toEqual([
      expect.objectContaining({ id: invite.body.id, createdByName: gus.name }),
    ]);
    expect(
      (await gus.client.post(`/api/connection-invitations/${invite.body.id}/accept`)).status,
    ).toBe(404);
    expect(
      (await hal.client.post(`/api/connection-invitations/${invite.body.id}/decline`)).status,
    ).toBe(200);
    expect(
      (await hal.client.post(`/api/connection-invitations/${invite.body.id}/accept`)).status,
    ).toBe(410);
    expect((await hal.client.get('/api/conversations')).body.conversations).toEqual([]);
  });

  it('circles: any member invites, up to the circle’s say; leaving ends access', async () => {
    const ivy = await signUp(srv, 'Ivy', orgId);
    const jo = await signUp(srv, 'Jo', orgId);
    const kim = await signUp(srv, 'Kim', orgId);
    const circle = (await ivy.client.post('/api/circles', { orgId, name: 'Tuesday circle' })).body
      .id as string;
    const toJo = await ivy.client.post(`/api/conversations/${circle}/invitations`, {
      userId: jo.id,
    });
    await jo.client.post(`/api/connection-invitations/${toJo.body.id}/accept`);
    const toKim = await jo.client.post(`/api/conversations/${circle}/invitations`, {
      userId: kim.id,
    });
    expect(toKim.status).toBe(201);
    await kim.client.post(`/api/connection-invitations/${toKim.body.id}/accept`);
    expect((await kim.client.get(`/api/conversations/${circle}`)).body.members).toHaveLength(3);
    // An invitation made while the circle is open…
    const lou = await signUp(srv, 'Lou', orgId);
    const toLou = await kim.client.post(`/api/conversations/${circle}/invitations`, {
      userId: lou.id,
    });
    const closed = await kim.client.patch(`/api/conversations/${circle}`, {
      membersCanInvite: false,
    });
    expect(closed.body.membersCanInvite).toBe(false);
    // …waits while it is closed (closed means closed to new people), and works once it opens again.
    const waiting = await lou.client.post(`/api/connection-invitations/${toLou.body.id}/accept`);
    expect([waiting.status, waiting.body.error.message]).toEqual([
      409,
      'This circle is closed to new people for now. Your invitation stays open in case it opens again.',
    ]);
    expect((await lou.client.get(`/api/conversations/${circle}`)).status).toBe(404);
    await ivy.client.patch(`/api/conversations/${circle}`, { membersCanInvite: true });
    expect(
      (await lou.client.post(`/api/connection-invitations/${toLou.body.id}/accept`)).status,
    ).toBe(200);
    await ivy.client.patch(`/api/conversations/${circle}`, { membersCanInvite: false });
    expect((await ivy.client.post(`/api/conversations/${circle}/invitations`, {})).status).toBe(
      403,
    );
    expect((await kim.client.post(`/api/conversations/${circle}/leave`)).status).toBe(200);
    expect((await kim.client.get(`/api/conversations/${circle}/messages`)).status).toBe(404);
  });

  it('a block stops delivery at once and looks to the blocked person like the other left', async () => {
    const lee = await signUp(srv, 'Lee', orgId);
    const max = await signUp(srv, 'Max', orgId);
    const rel = await connect(lee, max, orgId);
    expect((await say(max, rel, 'Good morning.')).status).toBe(201);
    expect((await lee.client.post('/api/blocks', { userId: max.id })).status).toBe(200);
    // Lee no longer has the conversation; Max sees it go quiet, in the same words as if Lee had left.
    expect((await lee.client.get(`/api/conversations/${rel}`)).status).toBe(404);
    const quiet = await say(max, rel, 'Are you there?');
    expect(quiet.status).toBe(409);
    const view = await max.client.get(`/api/conversations/${rel}`);
    expect(view.body.canPost).toBe(false);
    expect(view.body.members.map((m: { userId: string }) => m.userId)).toEqual([max.id]);
    // Lee's earlier messages keep Lee's name, and the relationship stays named for Lee in Max's list.
    expect(view.body.formerMembers).toEqual([{ userId: lee.id, displayName: lee.name }]);
    const listed = (await max.client.get('/api/conversations')).body.conversations.find(
      (c: { id: string }) => c.id === rel,
    );
    expect([listed.memberIds, [...listed.pair].sort()]).toEqual([
      [max.id],
      [lee.id, max.id].sort(),
    ]);
    expect(JSON.stringify([quiet.body, view.body])).not.toMatch(/block/i);
    // Max can still reach out; it just goes unanswered, never shown to Lee.
    const again = await max.client.post('/api/connection-invitations', { orgId, userId: lee.id });
    expect(again.status).toBe(201);
    expect((await lee.client.get('/api/connection-invitations')).body.received).toEqual([]);
    // Only Lee sees whom Lee blocked, and can unblock; a bad id is named.
    expect((await lee.client.get('/api/blocks')).body).toEqual({
      people: [{ userId: max.id, displayName: max.name }],
    });
    expect((await max.client.get('/api/blocks')).body).toEqual({ people: [] });
    const bad = await lee.client.post('/api/blocks', { userId: '' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/userId/);
    expect((await lee.client.delete(`/api/blocks/${max.id}`)).status).toBe(200);
    expect((await lee.client.get('/api/blocks')).body).toEqual({ people: [] });

    // A circle's link works for the person its maker blocked as for anyone: refusing only them would show
    // the block. In the circle, the blocker sees their messages withheld.
    const pat = await signUp(srv, 'Pat', orgId);
    const quinn = await signUp(srv, 'Quinn', orgId);
    const circle = (await pat.client.post('/api/circles', { orgId, name: 'Open circle' })).body
      .id as string;
    const link = await pat.client.post(`/api/conversations/${circle}/invitations`, {});
    expect((await pat.client.post('/api/blocks', { userId: quinn.id })).status).toBe(200);
    const joined = await quinn.client.post('/api/connection-invitations/accept-link', {
      token: link.body.token,
    });
    expect([joined.status, joined.body.id]).toEqual([200, circle]);
    expect((await say(quinn, circle, 'Hello, circle.')).status).toBe(201);
    const seenByPat = await pat.client.get(`/api/conversations/${circle}/messages`);
    expect(seenByPat.body.messages.at(-1)).toMatchObject({
      authorId: quinn.id,
      text: '',
      hidden: true,
    });

    const nia = await signUp(srv, 'Nia', orgId);
    const oli = await signUp(srv, 'Oli', orgId);
    const left = await connect(nia, oli, orgId);
    await nia.client.post(`/api/conversations/${left}/leave`);
    const afterLeave = await say(oli, left, 'Are you there?');
    expect(afterLeave.body).toEqual(quiet.body);
    // Left or blocked, the one still there sees the same.
    expect((await oli.client.get(`/api/conversations/${left}`)).body.formerMembers).toEqual([
      { userId: nia.id, displayName: nia.name },
    ]);
  });

  it('shows a relationship the same to both people, whoever reached out', async () => {
    const [ada, bo, cy, dee] = [
      await signUp(srv, 'Ada', orgId),
      await signUp(srv, 'Bo', orgId),
      await signUp(srv, 'Cy', orgId),
      await signUp(srv, 'Dee', orgId),
    ];
    // Ada reaches out to Bo; Dee to Cy, the other way round (the later-made id invites the earlier one).
    const first = await connect(ada, bo, orgId);
    const second = await connect(dee, cy, orgId);
    const seen: Array<{ raw: Detail; relative: unknown }> = [];
    for (const [conv, me, other] of [
      [first, ada, bo],
      [first, bo, ada],
      [second, cy, dee],
      [second, dee, cy],
    ] as const) {
      const res = await me.client.get<Detail>(`/api/conversations/${conv}`);
      expect(res.status).toBe(200);
      seen.push({ raw: res.body, relative: relativeTo(res.body, conv, me, other) });
    }
    // Each person's own view, told as "me" and "the other": the inviter's reads the same as the invitee's,
    // first in its keys and kinds of value, then in every value.
    const relative = seen.map((v) => v.relative);
    const shapes = relative.map(shapeOf);
    expect(shapes.slice(1)).toEqual([shapes[0], shapes[0], shapes[0]]);
    expect(relative.slice(1)).toEqual([relative[0], relative[0], relative[0]]);
    // The same conversation seen by its two people differs only in what is the caller's own.
    const shared = seen.map((v) => withoutCallersOwn(v.raw));
    expect([shared[1], shared[3]]).toEqual([shared[0], shared[2]]);
  });
});

describe.each(TEST_DATABASES)('an expired single-use link ($name)', (db) => {
  let srv: TestServer;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    srv = await startTestServer(
      db,
      { AUTH_LIMIT_PER_IP: '10000', INVITATION_TTL_HOURS: '1' },
      { clock },
    );
  });
  afterAll(async () => srv?.close());

  it('answers 410 naming the problem, and connects no one', async () => {
    const eve = await signUp(srv, 'Eve');
    const orgId = await createOrg(srv, eve);
    const fin = await signUp(srv, 'Fin', orgId);
    const link = await eve.client.post('/api/connection-invitations', { orgId });
    expect(link.status).toBe(201);
    expect(Date.parse(link.body.expiresAt)).toBe(clock.now().getTime() + HOUR_MS);
    clock.advance(HOUR_MS + MINUTE_MS);

    const late = await fin.client.post('/api/connection-invitations/accept-link', {
      token: link.body.token,
    });
    expect(late.status).toBe(410);
    expect(late.headers.get('content-type')).toMatch(/^application\/json/);
    expect(late.body).toEqual({
      error: { code: 'gone', message: expect.stringMatching(/expired/i) },
    });
    for (const p of [eve, fin])
      expect((await p.client.get('/api/conversations')).body.conversations).toEqual([]);
    const { store } = srv.ctx.db;
    expect(await store.conversations.findByPairKey(orgId, pairKey(eve.id, fin.id))).toBeUndefined();
    expect(await store.connectionInvitations.findById(link.body.id)).toMatchObject({
      status: 'pending',
      usedBy: null,
      respondedAt: null,
    });
  });
});

describe('per-person limit on writing messages over HTTP', () => {
  it('answers 429 with Retry-After once a person has used a minute’s writes', async () => {
    const srv = await startTestServer(TEST_DATABASES[0]!, { AUTH_LIMIT_PER_IP: '10000' });
    try {
      const ana = await signUp(srv, 'Ana');
      const orgId = await createOrg(srv, ana);
      const circle = (await ana.client.post('/api/circles', { orgId, name: 'Notes to self' })).body
        .id as string;
      const statuses: number[] = [];
      for (let batch = 0; batch < 6; batch++) {
        const results = await Promise.all(
          Array.from({ length: 50 }, () => say(ana, circle, 'a line')),
        );
        statuses.push(...results.map((r) => r.status));
      }
      expect(statuses.every((s) => s === 201)).toBe(true);
      const over = await say(ana, circle, 'one more');
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await srv.close();
    }
  });
});
