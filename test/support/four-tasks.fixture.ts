/** A small world for the four-tasks tests: one organization with an author, another member, a bystander, an admin; and an outsider. */
import { expect } from 'vitest';
import { newId } from '../../src/lib/ids.ts';
import { connect, createOrg, signUp, type TestPerson } from './conversations.ts';
import type { TestServer } from './test-server.ts';

/** The five kinds of caller every four-tasks route is checked against. */
export type Actor = 'author' | 'otherMember' | 'nonMember' | 'admin' | 'otherOrg';
export const ACTORS: Actor[] = ['author', 'otherMember', 'nonMember', 'admin', 'otherOrg'];

/** Words written by the author; where each may appear is exactly what the matrix checks. */
export const MARK = {
  sharedReflection: 'mark-shared-reflection-7c1',
  privateReflection: 'mark-private-reflection-7c2',
  togetherReflection: 'mark-together-reflection-7c3',
  sharedIntention: 'mark-shared-intention-7c4',
  privateIntention: 'mark-private-intention-7c5',
  sharedPersonalIntention: 'mark-shared-personal-intention-7c6',
  worldview: 'mark-worldview-7c7',
  message: 'mark-message-7c8',
} as const;

export interface FourTasksWorld {
  people: Record<Actor, TestPerson>;
  orgId: string;
  relationshipId: string;
  circleId: string;
  rounds: { shared: string; private: string; together: string };
  reflections: { shared: string; private: string; together: string };
  intentions: { shared: string; private: string; sharedPersonal: string };
  stepId: string;
}

export const ratings = { connection: 4, worldview: 3, mutuality: 4, movingToward: 2 };
export const notes = (text: string) => ({
  connection: text,
  worldview: 'We stayed curious about how each of us saw it.',
  mutuality: 'We both said what we needed.',
  movingToward: 'We talked about what we want next.',
});

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** Builds the world over real HTTP (circle membership is added through the store, as a circle invite would). */
export async function buildWorld(srv: TestServer): Promise<FourTasksWorld> {
  const admin = await signUp(srv, 'Organizer');
  const orgId = await createOrg(srv, admin);
  const author = await signUp(srv, 'Rowan', orgId);
  const otherMember = await signUp(srv, 'Sam', orgId);
  const nonMember = await signUp(srv, 'Jules', orgId);
  const otherOrg = await signUp(srv, 'Kit');
  await createOrg(srv, otherOrg, 'Elsewhere Peers');
  const people = { author, otherMember, nonMember, admin, otherOrg };

  const relationshipId = await connect(author, otherMember, orgId);
  const circle = await ok(
    author.client.post('/api/circles', { orgId, name: 'Thursday practice' }),
    201,
  );
  const circleId = circle.id as string;
  await srv.ctx.db.store.conversationMembers.join(circleId, otherMember.id, srv.ctx.clock.now());

  const a = author.client;
  const base = `/api/conversations/${relationshipId}`;
  const round = async (title: string) =>
    (await ok(a.post(`${base}/reflection-rounds`, { title }), 201)).id as string;
  const rounds = {
    shared: await round('Our call on Tuesday'),
    private: await round('The last two weeks'),
    together: await round('Our walk on Sunday'),
  };
  const write = async (roundId: string, text: string, visibility: string) =>
    (
      await ok(
        a.request('PUT', `/api/reflection-rounds/${roundId}/mine`, {
          ratings,
          notes: notes(text),
          visibility,
        }),
      )
    ).mine.id as string;
  const reflections = {
    shared: await write(rounds.shared, MARK.sharedReflection, 'shared'),
    private: await write(rounds.private, MARK.privateReflection, 'private'),
    together: await write(rounds.together, MARK.togetherReflection, 'together'),
  };

  const shared = await ok(
    a.post(`${base}/intentions`, {
      title: MARK.sharedIntention,
      why: 'So that we both feel heard.',
    }),
    201,
  );
  const priv = await ok(a.post('/api/me/intentions', { title: MARK.privateIntention }), 201);
  const sharedPersonal = await ok(
    a.post('/api/me/intentions', {
      title: MARK.sharedPersonalIntention,
      sharedWith: relationshipId,
    }),
    201,
  );
  const withStep = await ok(
    a.post(`/api/intentions/${shared.intention.id}/steps`, {
      text: 'Try a slow walk together on Sunday',
    }),
    201,
  );

  await ok(
    a.request('PUT', '/api/me/worldview', {
      body: MARK.worldview,
      answers: { 'what-helps': 'Long walks.' },
    }),
  );
  await ok(a.request('PUT', `/api/me/worldview/readers/${relationshipId}`));
  await ok(a.post(`${base}/messages`, { id: newId(), text: MARK.message }), 201);

  return {
    people,
    orgId,
    relationshipId,
    circleId,
    rounds,
    reflections,
    intentions: {
      shared: shared.intention.id,
      private: priv.intention.id,
      sharedPersonal: sharedPersonal.intention.id,
    },
    stepId: withStep.steps[0].id,
  };
}
