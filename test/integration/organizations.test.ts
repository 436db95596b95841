import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { newId } from '../../src/lib/ids.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import {
  type ApiClient,
  person,
  startTestServer,
  type TestServer,
} from '../support/test-server.ts';

describe.each(TEST_DATABASES)('organizations, setup and invitations over HTTP ($name)', (db) => {
  let srv: TestServer;
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let admin: ApiClient;
  let orgId: string;

  beforeAll(async () => {
    srv = await startTestServer(db, { AUTH_LIMIT_PER_IP: '1000' }, { clock });
  });
  afterAll(async () => srv?.close());

  async function member(name: string): Promise<ApiClient> {
    const c = srv.client();
    expect((await c.post('/api/auth/sign-up', person(name))).status).toBe(201);
    return c;
  }

  async function inviteLink(by: ApiClient, org: string, body: object = {}) {
    const res = await by.post(`/api/orgs/${org}/invitations`, body);
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string; path: string; expiresAt: string };
  }

  it('offers one-time setup on an empty database, then closes it', async () => {
    const anon = srv.client();
    expect((await anon.get('/api/setup')).body).toEqual({ needed: true });
    const bad = await anon.post('/api/setup', {
      organizationName: 'x',
      displayName: '',
      login: 'ok-name',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('organizationName');
    admin = srv.client();
    const res = await admin.post('/api/setup', {
      organizationName: 'Riverside Peer Collective',
      ...person('Founder'),
    });
    expect(res.status).toBe(201);
    expect(res.body.organizations).toEqual([
      expect.objectContaining({ name: 'Riverside Peer Collective', isAdmin: true }),
    ]);
    orgId = res.body.organizations[0].id;
    expect((await anon.get('/api/setup')).body).toEqual({ needed: false });
    const again = await srv
      .client()
      .post('/api/setup', { organizationName: 'Another', ...person('Late') });
    expect(again.status).toBe(409);
  });

  it('lets a person join by a single-use link, and refuses reuse with 410', async () => {
    const link = await inviteLink(admin, orgId);
    expect(link.path).toBe(`/join/${link.token}`);
    const preview = await srv.client().get(`/api/invitations/${link.token}`);
    expect(preview.body).toMatchObject({ orgName: 'Riverside Peer Collective', status: 'open' });
    // Read before joining: the organization's statement about outside services.
    const org = await admin.get(`/api/orgs/${orgId}`);
    expect(preview.body.outsideServicesStatement).toBe(org.body.outsideServicesStatement);
    expect(preview.body.outsideServicesStatement).not.toBe('');

    const newcomer = await member('Newcomer');
    const accepted = await newcomer.post('/api/invitations/accept', { token: link.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: orgId, isAdmin: false });

    const late = await member('Late');
    const reuse = await late.post('/api/invitations/accept', { token: link.token });
    expect(reuse.status).toBe(410);
    expect(reuse.body.error.message).toMatch(/already been used/);
    expect((await late.get(`/api/orgs/${orgId}`)).status).toBe(404);
  });

  it('refuses an expired invitation with 410 and an unknown one with 404', async () => {
    const link = await inviteLink(admin, orgId, { ttlHours: 1 });
    clock.advance(61 * 60_000);
    const p = await member('Patient');
    const expired = await p.post('/api/invitations/accept', { token: link.token });
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await p.post('/api/invitations/accept', { token: 'no-such-token' })).status).toBe(404);
  });

  it('hides one organization from another: 404, not 403', async () => {
    const outsider = await member('Outsider');
    for (const path of [
      `/api/orgs/${orgId}`,
      `/api/orgs/${orgId}/members`,
      `/api/orgs/${orgId}/invitations`,
    ]) {
      const res = await outsider.get(path);
      expect(res.status, path).toBe(404);
    }
    expect((await outsider.patch(`/api/orgs/${orgId}`, { name: 'Taken over' })).status).toBe(404);
    expect((await outsider.post(`/api/orgs/${orgId}/invitations`, {})).status).toBe(404);
    expect((await outsider.get(`/api/orgs/${newId()}`)).status).toBe(404);
    // Something that is no id at all is bad input, named as such.
    const malformed = await outsider.get(`/api/orgs/not-an-org`);
    expect([malformed.status, malformed.body.error.fields]).toEqual([
      400,
      { orgId: 'Must be a UUID.' },
    ]);
  });

  it('lets only admins manage settings and invitations (403 for members)', async () => {
    const link = await inviteLink(admin, orgId);
    const m = await member('Member');
    await m.post('/api/invitations/accept', { token: link.token });
    expect((await m.get(`/api/orgs/${orgId}`)).status).toBe(200);
    expect((await m.patch(`/api/orgs/${orgId}`, { name: 'Renamed' })).status).toBe(403);
    expect((await m.post(`/api/orgs/${orgId}/invitations`, {})).status).toBe(403);
    const updated = await admin.patch(`/api/orgs/${orgId}`, {
      outsideServicesStatement: 'We only involve outside services if you ask us to.',
      resources: [{ label: 'Warmline', contact: '555-0100' }],
    });
    expect(updated.status).toBe(200);
    expect((await m.get(`/api/orgs/${orgId}`)).body.resources).toEqual([
      { label: 'Warmline', contact: '555-0100' },
    ]);
    const bad = await admin.patch(`/api/orgs/${orgId}`, {
      resources: [{ label: '', contact: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['resources.0.label']);
  });

  it('lists members without logins, and keeps the last admin', async () => {
    const list = await admin.get(`/api/orgs/${orgId}/members`);
    expect(list.status).toBe(200);
    for (const m of list.body.members)
      expect(Object.keys(m).sort()).toEqual([
        'displayName',
        'isAdmin',
        'joinedAt',
        'pronouns',
        'userId',
      ]);
    const me = await admin.get('/api/me');
    const res = await admin.delete(`/api/orgs/${orgId}/members/${me.body.user.id}`);
    expect(res.status).toBe(409);
  });

  it('lets a person belong to several organizations', async () => {
    const linkA = await inviteLink(admin, orgId);
    const p = await member('Both');
    await p.post('/api/invitations/accept', { token: linkA.token });
    // A second organization made by the CLI's path (the service), with its own admin.
    const other = await member('OtherAdmin');
    const otherUser = (await other.get('/api/me')).body.user;
    const found = await srv.ctx.db.store.users.findById(otherUser.id);
    const orgB = await srv.ctx.organizations.create({ name: 'Hilltop Respite', admin: found! });
    const linkB = await inviteLink(other, orgB.id);
    await p.post('/api/invitations/accept', { token: linkB.token });
    const me = await p.get('/api/me');
    expect(me.body.organizations.map((o: { name: string }) => o.name).sort()).toEqual([
      'Hilltop Respite',
      'Riverside Peer Collective',
    ]);
    // Admin of A sees nothing of B.
    expect((await admin.get(`/api/orgs/${orgB.id}/members`)).status).toBe(404);
  });
});
