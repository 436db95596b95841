/**
 * The authorization matrix for reflections, intentions, worldview pages and the export: every route ×
 * {author, other member, non-member in the same organization, admin, other organization} (plus signed out),
 * on SQLite and PostgreSQL. Admins are treated like anyone outside the relationship: 404, never content.
 * Insights have no route of their own (they are computed in the browser), so their data paths — the message
 * history route and the ws subscription — are checked for the same five callers. The four-tasks features
 * publish no ws events of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fourTasksRoutes } from '../../src/contract/four-tasks.routes.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import {
  ACTORS,
  type Actor,
  buildWorld,
  type FourTasksWorld,
  MARK,
  notes,
  ratings,
} from '../support/four-tasks.fixture.ts';
import { Probe, wsUrl } from '../support/realtime.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type RouteName = keyof typeof fourTasksRoutes;
type Expect = Record<Actor, number>;

/** One row of the matrix: a route, how to call it as each actor, and the status each must get. */
interface Case {
  route: RouteName;
  label: string;
  path: (w: FourTasksWorld, actor: Actor) => string;
  body?: (w: FourTasksWorld, actor: Actor) => unknown;
  /** Runs before the call, e.g. to make something fresh for a destructive request. */
  prepare?: (w: FourTasksWorld, actor: Actor, srv: TestServer) => Promise<Partial<FourTasksWorld>>;
  expect: Expect;
}

const membersOnly = (ok: number): Expect => ({
  author: ok,
  otherMember: ok,
  nonMember: 404,
  admin: 404,
  otherOrg: 404,
});
const authorOnly = (ok: number): Expect => ({
  author: ok,
  otherMember: 404,
  nonMember: 404,
  admin: 404,
  otherOrg: 404,
});
const everyone = (ok: number): Expect => ({
  author: ok,
  otherMember: ok,
  nonMember: ok,
  admin: ok,
  otherOrg: ok,
});

const rel = (w: FourTasksWorld) => `/api/conversations/${w.relationshipId}`;
const reflection = {
  ratings,
  notes: notes('We found our way back after a quiet start.'),
  visibility: 'shared',
};

const CASES: Case[] = [
  {
    route: 'listReflectionRounds',
    label: 'rounds in the relationship',
    path: (w) => `${rel(w)}/reflection-rounds`,
    expect: membersOnly(200),
  },
  {
    route: 'startReflectionRound',
    label: 'start a round',
    path: (w) => `${rel(w)}/reflection-rounds`,
    body: () => ({ title: 'Our morning check-in' }),
    expect: membersOnly(201),
  },
  {
    route: 'getReflectionRound',
    label: 'a round',
    path: (w) => `/api/reflection-rounds/${w.rounds.shared}`,
    expect: membersOnly(200),
  },
  {
    route: 'writeReflection',
    label: 'write my reflection in a round',
    path: (w) => `/api/reflection-rounds/${w.rounds.private}/mine`,
    body: (_w, actor) =>
      actor === 'author'
        ? { ratings, notes: notes(MARK.privateReflection), visibility: 'private' }
        : reflection,
    expect: membersOnly(200),
  },
  {
    route: 'getReflection',
    label: 'a shared reflection',
    path: (w) => `/api/reflections/${w.reflections.shared}`,
    expect: membersOnly(200),
  },
  {
    route: 'getReflection',
    label: 'a private reflection',
    path: (w) => `/api/reflections/${w.reflections.private}`,
    expect: authorOnly(200),
  },
  {
    route: 'getReflection',
    label: 'a reveal-together reflection before the other has written',
    path: (w) => `/api/reflections/${w.reflections.together}`,
    expect: authorOnly(200),
  },
  {
    route: 'setReflectionVisibility',
    label: 'choose who reads a reflection',
    path: (w) => `/api/reflections/${w.reflections.private}`,
    body: () => ({ visibility: 'private' }),
    expect: authorOnly(200),
  },
  {
    route: 'deleteReflection',
    label: 'remove a reflection',
    prepare: async (w, _actor, srv) => {
      const c = w.people.author.client;
      const round = await c.post(`${rel(w)}/reflection-rounds`, {
        title: 'A round to remove from',
      });
      const written = await c.request('PUT', `/api/reflection-rounds/${round.body.id}/mine`, {
        ratings,
        visibility: 'shared',
      });
      void srv;
      return { reflections: { ...w.reflections, shared: written.body.mine.id } };
    },
    path: (w) => `/api/reflections/${w.reflections.shared}`,
    expect: authorOnly(200),
  },
  {
    route: 'setPracticeCircle',
    label: 'mark a circle as a practice circle',
    path: (w) => `/api/conversations/${w.circleId}/practice`,
    body: () => ({ isPractice: true }),
    expect: membersOnly(200),
  },

  {
    route: 'listConversationIntentions',
    label: 'intentions in the relationship',
    path: (w) => `${rel(w)}/intentions`,
    expect: membersOnly(200),
  },
  {
    route: 'createSharedIntention',
    label: 'start a shared intention',
    path: (w) => `${rel(w)}/intentions`,
    body: () => ({ title: 'Evenings that feel like ours' }),
    expect: membersOnly(201),
  },
  {
    route: 'listPersonalIntentions',
    label: 'my personal intentions',
    path: () => '/api/me/intentions',
    expect: everyone(200),
  },
  {
    route: 'createPersonalIntention',
    label: 'a personal intention shared with the relationship',
    path: () => '/api/me/intentions',
    body: (w) => ({ title: 'Mornings outside', sharedWith: w.relationshipId }),
    expect: membersOnly(201),
  },
  {
    route: 'getIntention',
    label: 'a shared intention',
    path: (w) => `/api/intentions/${w.intentions.shared}`,
    expect: membersOnly(200),
  },
  {
    route: 'getIntention',
    label: 'a private personal intention',
    path: (w) => `/api/intentions/${w.intentions.private}`,
    expect: authorOnly(200),
  },
  {
    route: 'getIntention',
    label: 'a personal intention shared with the relationship',
    path: (w) => `/api/intentions/${w.intentions.sharedPersonal}`,
    expect: membersOnly(200),
  },
  {
    route: 'updateIntention',
    label: 'edit a shared intention',
    path: (w) => `/api/intentions/${w.intentions.shared}`,
    body: () => ({ why: 'So that we both feel heard, and rested.' }),
    expect: membersOnly(200),
  },
  {
    route: 'updateIntention',
    label: 'edit a private personal intention',
    path: (w) => `/api/intentions/${w.intentions.private}`,
    body: () => ({ status: 'open' }),
    expect: authorOnly(200),
  },
  {
    route: 'updateIntention',
    label: 'edit someone’s shared personal intention',
    path: (w) => `/api/intentions/${w.intentions.sharedPersonal}`,
    body: () => ({ status: 'open' }),
    expect: { ...membersOnly(200), otherMember: 403 },
  },
  {
    route: 'addIntentionStep',
    label: 'add a step to a shared intention',
    path: (w) => `/api/intentions/${w.intentions.shared}/steps`,
    body: () => ({ text: 'Cook together on Friday' }),
    expect: membersOnly(201),
  },
  {
    route: 'addIntentionStep',
    label: 'add a step to someone’s shared personal intention',
    path: (w) => `/api/intentions/${w.intentions.sharedPersonal}/steps`,
    body: () => ({ text: 'A small step' }),
    expect: { ...membersOnly(201), otherMember: 403 },
  },
  {
    route: 'updateIntentionStep',
    label: 'take on and finish a step',
    path: (w) => `/api/intentions/${w.intentions.shared}/steps/${w.stepId}`,
    body: () => ({ taken: true, done: true }),
    expect: membersOnly(200),
  },
  {
    route: 'checkInOnIntention',
    label: 'check in on a shared intention',
    path: (w) => `/api/intentions/${w.intentions.shared}/check-ins`,
    body: () => ({ note: 'We walked twice this week.' }),
    expect: membersOnly(201),
  },

  {
    route: 'getMyWorldview',
    label: 'my own page',
    path: () => '/api/me/worldview',
    expect: everyone(200),
  },
  {
    route: 'saveMyWorldview',
    label: 'save my own page',
    path: () => '/api/me/worldview',
    body: (_w, actor) => ({
      body: actor === 'author' ? MARK.worldview : 'I make sense of things by walking.',
    }),
    expect: everyone(200),
  },
  {
    route: 'grantWorldview',
    label: 'let the relationship read my page',
    path: (w) => `/api/me/worldview/readers/${w.relationshipId}`,
    expect: membersOnly(200),
  },
  {
    route: 'revokeWorldview',
    label: 'stop a conversation reading my page',
    path: (w) => `/api/me/worldview/readers/${w.circleId}`,
    expect: everyone(200),
  },
  {
    route: 'listSharedWorldviews',
    label: 'pages shared with the relationship',
    path: (w) => `${rel(w)}/worldview-pages`,
    expect: membersOnly(200),
  },
  {
    route: 'getWorldview',
    label: 'the author’s page',
    path: (w) => `/api/worldview/${w.people.author.id}`,
    expect: membersOnly(200),
  },

  { route: 'exportJson', label: 'my export', path: () => '/api/me/export', expect: everyone(200) },
  {
    route: 'exportPrintable',
    label: 'my printable export',
    path: () => '/api/me/export/print',
    expect: everyone(200),
  },
];

/** What each actor may ever see of the author's words, in any response. */
const ALLOWED: Record<Actor, string[]> = {
  author: Object.values(MARK),
  otherMember: [
    MARK.sharedReflection,
    MARK.sharedIntention,
    MARK.sharedPersonalIntention,
    MARK.worldview,
    MARK.message,
  ],
  nonMember: [],
  admin: [],
  otherOrg: [],
};

function statusFor(actor: Actor | 'signedOut', c: Case): number {
  return actor === 'signedOut' ? 401 : c.expect[actor];
}

describe.each(TEST_DATABASES)('four-tasks authorization matrix ($name)', (db) => {
  let srv: TestServer;
  let world: FourTasksWorld;

  beforeAll(async () => {
    srv = await startTestServer(db, {
      AUTH_LIMIT_PER_IP: '10000',
      AUTH_LIMIT_PER_ACCOUNT: '10000',
    });
    world = await buildWorld(srv);
  });
  afterAll(async () => srv?.close());

  it('covers every four-tasks route', () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect(Object.keys(fourTasksRoutes).filter((name) => !covered.has(name as RouteName))).toEqual(
      [],
    );
  });

  // Insights are computed in the browser from messages the person can already read, so their data paths
  // are the message history route and the real-time subscription: both must refuse anyone outside.
  describe('insights data: GET /api/conversations/:conversationId/messages', () => {
    for (const actor of ACTORS) {
      const ok = actor === 'author' || actor === 'otherMember';
      it(`${actor} → ${ok ? 200 : 404}`, async () => {
        const res = await world.people[actor].client.get(
          `/api/conversations/${world.relationshipId}/messages?after=0&limit=200`,
        );
        expect(res.status).toBe(ok ? 200 : 404);
        expect(JSON.stringify(res.body).includes(MARK.message)).toBe(ok);
      });
    }
  });

  describe('insights data: ws subscribe to the relationship', () => {
    for (const actor of ACTORS) {
      const ok = actor === 'author' || actor === 'otherMember';
      it(`${actor} → ${ok ? 'subscribed with history' : 'not_found, nothing sent'}`, async () => {
        const probe = await Probe.open(wsUrl(srv.url), world.people[actor].client.cookieHeader);
        try {
          probe.send({
            type: 'subscribe',
            ref: 'insights',
            conversationId: world.relationshipId,
            lastSeq: 0,
          });
          if (ok) {
            await probe.next('subscribed', (f) => f.conversationId === world.relationshipId);
            await probe.wait((f) => JSON.stringify(f).includes(MARK.message));
          } else {
            expect(await probe.next('error', (e) => e.ref === 'insights')).toMatchObject({
              code: 'not_found',
            });
            expect(JSON.stringify(probe.frames)).not.toContain(MARK.message);
          }
        } finally {
          probe.close();
        }
      });
    }
  });

  for (const c of CASES) {
    const def = fourTasksRoutes[c.route];
    describe(`${def.method.toUpperCase()} ${def.path} — ${c.label}`, () => {
      for (const actor of [...ACTORS, 'signedOut'] as const) {
        it(`${actor} → ${statusFor(actor, c)}`, async () => {
          const w = c.prepare
            ? {
                ...world,
                ...(await c.prepare(world, actor === 'signedOut' ? 'nonMember' : actor, srv)),
              }
            : world;
          const client = actor === 'signedOut' ? srv.client() : w.people[actor].client;
          const as = actor === 'signedOut' ? 'nonMember' : actor;
          const body = c.body?.(w, as);
          const res = await client.request(def.method.toUpperCase(), c.path(w, as), body);
          expect(res.status, JSON.stringify(res.body)).toBe(statusFor(actor, c));
          if (res.status >= 400) {
            expect(res.body.error.code).toMatch(/^(not_found|forbidden|unauthorized)$/);
          }
          const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
          const allowed = actor === 'signedOut' ? [] : ALLOWED[actor];
          for (const mark of Object.values(MARK)) {
            if (!allowed.includes(mark))
              expect(text, `${actor} must not see ${mark}`).not.toContain(mark);
          }
          // An export holds only the caller's own words, never even what others shared with them.
          if (c.route.startsWith('export') && actor !== 'author') {
            for (const mark of Object.values(MARK)) expect(text).not.toContain(mark);
          }
        });
      }
    });
  }
});
