/** Co-reflection, shared intentions, worldview pages and the export over real HTTP, on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createOrg, signUp, type TestPerson } from '../support/conversations.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import { notes, ratings } from '../support/four-tasks.fixture.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(TEST_DATABASES)('the four tasks in practice ($name)', (db) => {
  let srv: TestServer;
  let ada: TestPerson;
  let ben: TestPerson;
  let relationshipId: string;
  let orgId: string;

  beforeAll(async () => {
    srv = await startTestServer(db, {
      AUTH_LIMIT_PER_IP: '10000',
      AUTH_LIMIT_PER_ACCOUNT: '10000',
    });
    const admin = await signUp(srv, 'Organizer');
    orgId = await createOrg(srv, admin);
    ada = await signUp(srv, 'Ada', orgId);
    ben = await signUp(srv, 'Ben', orgId);
    relationshipId = await connect(ada, ben, orgId);
  });
  afterAll(async () => srv?.close());

  const rounds = () => `/api/conversations/${relationshipId}/reflection-rounds`;

  it('refuses a reflection without ratings, and a stretch of time that ends before it starts', async () => {
    const round = await ada.client.post(rounds(), { title: 'Our call' });
    const bad = await ada.client.request('PUT', `/api/reflection-rounds/${round.body.id}/mine`, {
      ratings: { connection: 6, worldview: 3, mutuality: 3, movingToward: 3 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(['ratings.connection']);
    const backwards = await ada.client.post(rounds(), {
      title: 'Back then',
      periodStart: '2026-05-10',
      periodEnd: '2026-05-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toHaveProperty('periodEnd');
  });

  it('reveals reflections together only once both have written theirs', async () => {
    const round = (await ada.client.post(rounds(), { title: 'Our walk on Sunday' })).body;
    const mine = {
      ratings,
      notes: notes('Ada: I felt close when we slowed down.'),
      visibility: 'together',
    };
    await ada.client.request('PUT', `/api/reflection-rounds/${round.id}/mine`, mine);

    const before = await ben.client.get(`/api/reflection-rounds/${round.id}`);
    expect(before.body.others).toEqual([{ authorId: ada.id, reflection: null }]);
    expect(JSON.stringify(before.body)).not.toContain('Ada: I felt close');

    const written = await ben.client.request('PUT', `/api/reflection-rounds/${round.id}/mine`, {
      ratings: { ...ratings, connection: 5 },
      notes: notes('Ben: the quiet parts felt good to me.'),
      visibility: 'together',
    });
    expect(written.status).toBe(200);
    expect(written.body.others[0].reflection.notes.connection).toBe(
      'Ada: I felt close when we slowed down.',
    );
    const adaView = await ada.client.get(`/api/reflection-rounds/${round.id}`);
    expect(adaView.body.others[0].reflection.notes.connection).toBe(
      'Ben: the quiet parts felt good to me.',
    );

    // Taking it back to private hides it again at once.
    await ada.client.patch(`/api/reflections/${adaView.body.mine.id}`, { visibility: 'private' });
    const after = await ben.client.get(`/api/reflection-rounds/${round.id}`);
    expect(after.body.others).toEqual([]);
  });

  it('only circles can be practice circles', async () => {
    const res = await ada.client.request('PUT', `/api/conversations/${relationshipId}/practice`, {
      isPractice: true,
    });
    expect(res.status).toBe(400);
  });

  it('builds a shared intention together and keeps its history', async () => {
    const created = await ada.client.post(`/api/conversations/${relationshipId}/intentions`, {
      title: 'Evenings that feel like ours',
      why: 'We both want more rest.',
    });
    expect(created.status).toBe(201);
    const id = created.body.intention.id;
    const step = await ben.client.post(`/api/intentions/${id}/steps`, {
      text: 'Cook together on Friday',
    });
    const stepId = step.body.steps[0].id;
    await ada.client.patch(`/api/intentions/${id}/steps/${stepId}`, { taken: true });
    await ada.client.patch(`/api/intentions/${id}/steps/${stepId}`, { done: true });
    await ben.client.patch(`/api/intentions/${id}`, {
      title: 'Evenings that feel like ours, most weeks',
    });
    const detail = (
      await ben.client.post(`/api/intentions/${id}/check-ins`, { note: 'Friday went well.' })
    ).body;

    expect(detail.steps[0]).toMatchObject({ addedBy: ben.id, takenBy: ada.id, doneBy: ada.id });
    expect(detail.intention.title).toBe('Evenings that feel like ours, most weeks');
    expect(
      detail.history.map((h: { action: string; actorId: string }) => [h.action, h.actorId]),
    ).toEqual([
      ['created', ada.id],
      ['step_added', ben.id],
      ['step_taken', ada.id],
      ['step_done', ada.id],
      ['edited', ben.id],
      ['checked_in', ben.id],
    ]);
    expect(detail.history[4].detail).toEqual({ title: 'Evenings that feel like ours, most weeks' });
  });

  it('keeps personal intentions private until shared, and only the writer edits them', async () => {
    const created = await ada.client.post('/api/me/intentions', { title: 'Mornings outside' });
    const id = created.body.intention.id;
    expect((await ben.client.get(`/api/intentions/${id}`)).status).toBe(404);
    await ada.client.patch(`/api/intentions/${id}`, { sharedWith: relationshipId });
    const seen = await ben.client.get(`/api/intentions/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    expect((await ben.client.patch(`/api/intentions/${id}`, { title: 'x' })).status).toBe(403);
  });

  it('shares a worldview page with a relationship and revokes it at once', async () => {
    await ada.client.request('PUT', '/api/me/worldview', {
      body: 'I make sense of hard times through the people who stayed.',
      answers: { 'what-helps': 'Walking by the water.' },
    });
    expect((await ben.client.get(`/api/worldview/${ada.id}`)).status).toBe(404);
    await ada.client.request('PUT', `/api/me/worldview/readers/${relationshipId}`);
    const page = await ben.client.get(`/api/worldview/${ada.id}`);
    expect(page.body).toMatchObject({
      displayName: ada.name,
      answers: { 'what-helps': 'Walking by the water.' },
    });
    const listed = await ben.client.get(`/api/conversations/${relationshipId}/worldview-pages`);
    expect(listed.body.pages.map((p: { userId: string }) => p.userId)).toEqual([ada.id]);

    await ada.client.delete(`/api/me/worldview/readers/${relationshipId}`);
    expect((await ben.client.get(`/api/worldview/${ada.id}`)).status).toBe(404);
    expect(
      (await ben.client.get(`/api/conversations/${relationshipId}/worldview-pages`)).body.pages,
    ).toEqual([]);
  });

  it('refuses unknown prompt keys on a worldview page', async () => {
    const res = await ada.client.request('PUT', '/api/me/worldview', {
      body: '',
      answers: { diagnosis: 'x' },
    });
    expect(res.status).toBe(400);
  });

  it('marks a circle as a practice circle for any of its members', async () => {
    const circle = await ada.client.post('/api/circles', { orgId, name: 'Wednesday practice' });
    expect(circle.status).toBe(201);
    const practice = `/api/conversations/${circle.body.id}/practice`;
    expect((await ada.client.request('PUT', practice, { isPractice: true })).body).toEqual({
      isPractice: true,
    });
    const rounds = await ada.client.get(`/api/conversations/${circle.body.id}/reflection-rounds`);
    expect(rounds.body).toEqual({ practice: true, rounds: [] });
  });

  it('exports everything the person wrote, and nothing anyone else wrote', async () => {
    const json = await ada.client.get('/api/me/export');
    expect(json.status).toBe(200);
    expect(json.body.format).toBe('mutual-export-v1');
    const text = JSON.stringify(json.body);
    expect(text).toContain('Ada: I felt close');
    expect(text).toContain('Mornings outside');
    expect(text).toContain('Walking by the water.');
    expect(text).not.toContain('Ben: the quiet parts');
    expect(text).not.toContain('Friday went well.');
    // A shared intention Ada started and Ben renamed: her words, not his, and her why, which no one changed.
    const shared = json.body.intentions.find((i: { kind: string }) => i.kind === 'shared');
    expect([shared.title, shared.why]).toEqual([
      'Evenings that feel like ours',
      'We both want more rest.',
    ]);
    expect(text).not.toContain('most weeks');

    const html = await ada.client.get('/api/me/export/print');
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain('<h2>Reflections</h2>');
    expect(html.body).toContain('Walking by the water.');
    expect(html.body).not.toContain('<script');
  });
  it('ends access at once for someone who leaves the relationship', async () => {
    const cara = await signUp(srv, 'Cara', orgId);
    const rel = await connect(ada, cara, orgId);
    const round = (
      await ada.client.post(`/api/conversations/${rel}/reflection-rounds`, {
        title: 'Our first talk',
      })
    ).body;
    const written = await ada.client.request('PUT', `/api/reflection-rounds/${round.id}/mine`, {
      ratings,
      visibility: 'shared',
    });
    const shared = await ada.client.post(`/api/conversations/${rel}/intentions`, {
      title: 'Mornings outside, together',
    });
    await ada.client.request('PUT', `/api/me/worldview/readers/${rel}`);
    expect((await cara.client.get(`/api/reflections/${written.body.mine.id}`)).status).toBe(200);
    expect((await cara.client.get(`/api/worldview/${ada.id}`)).status).toBe(200);

    expect((await cara.client.post(`/api/conversations/${rel}/leave`)).status).toBe(200);
    expect((await cara.client.get(`/api/reflections/${written.body.mine.id}`)).status).toBe(404);
    expect((await cara.client.get(`/api/intentions/${shared.body.intention.id}`)).status).toBe(404);
    expect((await cara.client.get(`/api/worldview/${ada.id}`)).status).toBe(404);
    expect((await cara.client.get(`/api/conversations/${rel}/reflection-rounds`)).status).toBe(404);
  });

  it('withholds from a blocker what the blocked person shares in a circle they are both in, as their messages are', async () => {
    const gil = await signUp(srv, 'Gil', orgId);
    const hal = await signUp(srv, 'Hal', orgId);
    const circle = (await gil.client.post('/api/circles', { orgId, name: 'Thursday walkers' })).body
      .id as string;
    const invited = await gil.client.post(`/api/conversations/${circle}/invitations`, {
      userId: hal.id,
    });
    expect(
      (await hal.client.post(`/api/connection-invitations/${invited.body.id}/accept`)).status,
    ).toBe(200);
    await hal.client.request('PUT', '/api/me/worldview', {
      body: 'Long walks sort my thoughts out.',
      answers: {},
    });
    await hal.client.request('PUT', `/api/me/worldview/readers/${circle}`);
    const intention = (
      await hal.client.post('/api/me/intentions', {
        title: 'Walk the river path',
        sharedWith: circle,
      })
    ).body.intention.id as string;
    const round = (
      await gil.client.post(`/api/conversations/${circle}/reflection-rounds`, {
        title: 'Our first walk',
      })
    ).body.id as string;
    const halWrote = await hal.client.request('PUT', `/api/reflection-rounds/${round}/mine`, {
      ratings,
      visibility: 'shared',
    });
    await gil.client.request('PUT', `/api/reflection-rounds/${round}/mine`, {
      ratings,
      visibility: 'shared',
    });
    const seen = async () => ({
      page: (await gil.client.get(`/api/worldview/${hal.id}`)).status,
      pages: (await gil.client.get(`/api/conversations/${circle}/worldview-pages`)).body.pages
        .length as number,
      intention: (await gil.client.get(`/api/intentions/${intention}`)).status,
      listed: (
        (await gil.client.get(`/api/conversations/${circle}/intentions`)).body.intentions as Array<{
          id: string;
        }>
      ).some((i) => i.id === intention),
      reflection: (await gil.client.get(`/api/reflections/${halWrote.body.mine.id}`)).status,
      inRound:
        (await gil.client.get(`/api/reflection-rounds/${round}`)).body.others.find(
          (o: { authorId: string }) => o.authorId === hal.id,
        ).reflection !== null,
    });
    const open = {
      page: 200,
      pages: 1,
      intention: 200,
      listed: true,
      reflection: 200,
      inRound: true,
    };
    expect(await seen()).toEqual(open);
    expect((await gil.client.post('/api/blocks', { userId: hal.id })).status).toBe(200);
    expect(await seen()).toEqual({
      page: 404,
      pages: 0,
      intention: 404,
      listed: false,
      reflection: 404,
      inRound: false,
    });
    // Hal, who was blocked, sees nothing change on his side; unblocking shows it all again.
    expect((await hal.client.get(`/api/intentions/${intention}`)).status).toBe(200);
    expect((await gil.client.delete(`/api/blocks/${hal.id}`)).status).toBe(200);
    expect(await seen()).toEqual(open);
  });

  it('takes a personal intention back with its writer when they leave or block: nothing written later reaches the other', async () => {
    for (const act of ['leave', 'block'] as const) {
      const dan = await signUp(srv, act === 'leave' ? 'Dan' : 'Eve', orgId);
      const rel = await connect(ada, dan, orgId);
      const mine = await dan.client.post('/api/me/intentions', {
        title: 'Evenings with a book',
        sharedWith: rel,
      });
      const id = mine.body.intention.id as string;
      const listed = async () =>
        (await ada.client.get(`/api/conversations/${rel}/intentions`)).body.intentions.map(
          (i: { id: string }) => i.id,
        );
      expect((await ada.client.get(`/api/intentions/${id}`)).status).toBe(200);
      expect(await listed()).toContain(id);

      if (act === 'leave')
        expect((await dan.client.post(`/api/conversations/${rel}/leave`)).status).toBe(200);
      else expect((await dan.client.post('/api/blocks', { userId: ada.id })).status).toBe(200);
      await dan.client.post(`/api/intentions/${id}/check-ins`, { note: 'A quiet week of pages.' });
      // Ada keeps the relationship's history but no longer sees Dan's own intention, old or new.
      expect((await ada.client.get(`/api/intentions/${id}`)).status).toBe(404);
      expect(await listed()).not.toContain(id);
      const own = await dan.client.get(`/api/intentions/${id}`);
      expect([own.status, own.body.canEdit]).toEqual([200, true]);
    }
  });
});
