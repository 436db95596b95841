/** Test helpers for conversations: people in an organization, connected over real HTTP. */
import { expect } from 'vitest';
import type { AppContext } from '../../src/app/compose.ts';
import { newId } from '../../src/lib/ids.ts';
import { person, type ApiClient, type TestServer } from './test-server.ts';

/** A signed-up person with their own cookie-keeping client. */
export interface TestPerson {
  id: string;
  name: string;
  client: ApiClient;
}

/** Signs a person up over HTTP and, when `orgId` is given, adds them to that organization. */
export async function signUp(srv: TestServer, name: string, orgId?: string): Promise<TestPerson> {
  const client = srv.client();
  const p = person(name);
  const res = await client.post('/api/auth/sign-up', p);
  expect(res.status).toBe(201);
  const id = res.body.user.id as string;
  if (orgId) await joinOrg(srv, orgId, id);
  return { id, name: p.displayName, client };
}

/** Creates an organization (its first admin is `admin`). */
export async function createOrg(
  srv: TestServer,
  admin: TestPerson,
  name = 'Harbour Peers',
): Promise<string> {
  const user = await srv.ctx.db.store.users.findById(admin.id);
  if (!user) throw new Error('no such user');
  const org = await srv.ctx.organizations.create({
    name: `${name} ${newId().slice(-6)}`,
    admin: user,
  });
  return org.id;
}

/**
 * Creates an organization named exactly `name` (its first admin is `admin`) and sets its support page over
 * HTTP: `resources`, and the statement about outside services unless `statement` is null (then the
 * default, "not yet written", stays).
 */
export async function createOrgWithSupport(
  srv: TestServer,
  admin: TestPerson,
  name: string,
  resources: object[],
  statement: string | null,
): Promise<{ id: string; slug: string }> {
  const user = await srv.ctx.db.store.users.findById(admin.id);
  if (!user) throw new Error('no such user');
  const org = await srv.ctx.organizations.create({ name, admin: user });
  const res = await admin.client.patch(`/api/orgs/${org.id}`, {
    resources,
    ...(statement === null ? {} : { outsideServicesStatement: statement }),
  });
  if (res.status !== 200) throw new Error(`setting the support page answered ${res.status}`);
  return { id: org.id, slug: org.slug };
}

export async function joinOrg(
  srv: Pick<TestServer, 'ctx'>,
  orgId: string,
  userId: string,
): Promise<void> {
  await srv.ctx.db.store.memberships.insert({
    orgId,
    userId,
    isAdmin: false,
    joinedAt: srv.ctx.clock.now(),
  });
}

/** `a` reaches out to `b` in-app and `b` accepts: returns the relationship's id. */
export async function connect(a: TestPerson, b: TestPerson, orgId: string): Promise<string> {
  const invite = await a.client.post('/api/connection-invitations', { orgId, userId: b.id });
  expect(invite.status).toBe(201);
  const accepted = await b.client.post(`/api/connection-invitations/${invite.body.id}/accept`);
  expect(accepted.status).toBe(200);
  return accepted.body.id as string;
}

/** Posts a message with a fresh client id. */
export function say(p: TestPerson, conversationId: string, text: string, id = newId()) {
  return p.client.post(`/api/conversations/${conversationId}/messages`, { id, text });
}

/** Inserts `n` people straight into the store (no password hashing) and one organization holding them all. */
export async function seedOrg(
  ctx: AppContext,
  n: number,
  name = 'Peer',
): Promise<{ orgId: string; ids: string[] }> {
  const { store } = ctx.db;
  const now = ctx.clock.now();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    await store.users.insert({
      id,
      login: `${name.toLowerCase()}-${id}@example.org`,
      displayName: `${name} ${i + 1}`,
      pronouns: null,
      passwordHash: 'not-a-real-hash',
      presenceHidden: false,
      createdAt: now,
    });
    ids.push(id);
  }
  const admin = await store.users.findById(ids[0]!);
  const org = await ctx.organizations.create({ name: `Org ${newId().slice(-6)}`, admin: admin! });
  for (const id of ids.slice(1)) await joinOrg({ ctx }, org.id, id);
  return { orgId: org.id, ids };
}

/** Connects two people through the service (one invites in-app, the other accepts). */
export async function connectIds(
  ctx: AppContext,
  orgId: string,
  a: string,
  b: string,
): Promise<string> {
  const { invitation } = await ctx.connections.inviteToRelationship(a, { orgId, userId: b });
  return (await ctx.connections.accept(b, invitation.id)).id;
}
