/** The public support-resources route: reachable without a session, and it gives out names and resources only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.ts';
import { createOrgWithSupport, signUp, type TestPerson } from '../support/conversations.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PATH = '/api/support-resources';

const WARMLINE = {
  label: 'Evening warmline',
  contact: '555-0142, every evening 6 pm to midnight',
  note: 'Peers answer; you can stay anonymous.',
};
const RESPITE = { label: 'Harbour respite house', contact: 'harbour-respite.example.org' };
const CIRCLE_LINE = { label: 'Willow talk line', contact: '555-0199' };
const STATEMENT = 'We never contact outside services unless you ask us to.';

describe.each(TEST_DATABASES)('public support resources over HTTP ($name)', (db) => {
  let srv: TestServer;
  let founder: TestPerson;
  let peer: TestPerson;
  const ids: string[] = [];
  const slugs: string[] = [];

  beforeAll(async () => {
    srv = await startTestServer(db, { AUTH_LIMIT_PER_IP: '1000' });
    founder = await signUp(srv, 'Founder');
  });
  afterAll(async () => srv?.close());

  async function org(
    name: string,
    resources: object[],
    statement: string | null = STATEMENT,
  ): Promise<string> {
    const created = await createOrgWithSupport(srv, founder, name, resources, statement);
    ids.push(created.id);
    slugs.push(created.slug);
    return created.id;
  }

  it('is read-only: other methods find nothing there', async () => {
    const anon = srv.client();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await anon.request(method, PATH, {});
      expect(res.status, method).toBe(404);
    }
  });

  it('answers without a session, with nothing while no organization lists resources or a statement', async () => {
    const anon = srv.client();
    expect((await anon.get(PATH)).body).toEqual({ organizations: [] });
    await org('Quiet Meadow', [], null);
    const res = await anon.get(PATH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ organizations: [] });
    expect(JSON.stringify(res.body)).not.toContain('Quiet Meadow');
  });

  it('gives each organization’s name, resources and statement, and nothing else about it or its people', async () => {
    const harbour = await org('Harbour Peers', [WARMLINE, RESPITE]);
    await org('Willow Circle', [CIRCLE_LINE]);
    peer = await signUp(srv, 'Peer', harbour);

    const anon = srv.client();
    const res = await anon.get(PATH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organizations: [
        {
          name: 'Harbour Peers',
          resources: [WARMLINE, RESPITE],
          outsideServicesStatement: STATEMENT,
        },
        { name: 'Willow Circle', resources: [CIRCLE_LINE], outsideServicesStatement: STATEMENT },
      ],
    });
    for (const o of res.body.organizations as object[]) {
      expect(Object.keys(o).sort()).toEqual(['name', 'outsideServicesStatement', 'resources']);
    }
    const text = JSON.stringify(res.body);
    for (const secret of [...ids, ...slugs, founder.name, peer.name, founder.id, peer.id])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/isAdmin|slug|members|createdAt|"id"/);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('gives a signed-in person the same, and no more', async () => {
    const anon = await srv.client().get(PATH);
    const signedIn = await peer.client.get(PATH);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual(anon.body);
  });

  it('lists an organization that has written its statement, even before it lists resources', async () => {
    await org('Cedar Commons', [], STATEMENT);
    const res = await srv.client().get(PATH);
    expect(res.body.organizations).toContainEqual({
      name: 'Cedar Commons',
      resources: [],
      outsideServicesStatement: STATEMENT,
    });
  });
});
