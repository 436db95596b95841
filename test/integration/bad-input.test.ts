/**
 * Bad input to every route in the contract, as a property. Signed in as a member (and admin) of an
 * organization with data stored, each route gets many malformed requests; each must be a 4xx with the JSON
 * error shape naming the field that was wrong, and nothing stored may change. Routes are enumerated from
 * the contract: one without a case below fails the run. FC_SEED replays a run, FC_RUNS sets requests per
 * route. Longer than our usual file on purpose: the route table, the generators and the world they run
 * against only make sense together, and a split would scatter one idea over three files.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HistoryQuery } from '../../src/contract/conversations.ts';
import { ErrorBody } from '../../src/contract/errors.ts';
import { buildPath, type RouteDef } from '../../src/contract/route.ts';
import { routes, type RouteName } from '../../src/contract/routes.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { isUuid, newId } from '../../src/lib/ids.ts';
import { connect, createOrg, joinOrg, signUp, type TestPerson } from '../support/conversations.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import { person, startTestServer, type TestServer } from '../support/test-server.ts';

const SEED = Number(process.env.FC_SEED ?? 20240611);
const RUNS = Number(process.env.FC_RUNS ?? 100);
const BODY_LIMIT = 64 * 1024;

/** The kinds of stored thing a path parameter or a body field names. */
const KINDS = [
  'conversation',
  'message',
  'session',
  'org',
  'user',
  'orgInvitation',
  'connectionInvitation',
  'round',
  'reflection',
  'intention',
  'step',
  'token',
] as const;
type Kind = (typeof KINDS)[number];
type Ids = Record<Kind, string[]>;

interface World {
  ana: TestPerson;
  login: string;
  password: string;
  orgId: string;
  /** Per kind, the one the caller may use: what a path parameter is unless a case says otherwise. */
  mine: Record<Kind, string>;
  /** Per kind, ids the caller may not use: someone else's, another organization's, under another parent. */
  foreign: Ids;
  /** Per kind, every id made, so one kind's id can be tried where another's goes. */
  made: Ids;
  named: Record<
    'circle' | 'personalIntention' | 'sent' | 'ben' | 'cleo' | 'outsiderMessage',
    string
  >;
}

/** What the answer to a bad request must be, beyond "a 4xx with the error shape". */
interface Expect {
  status?: number;
  code?: string;
  /** The input field the error must name (`a.b` when nested, `_` for the body as a whole). */
  field?: string;
  /** Removing what is not there may answer 2xx (nothing to do), as long as nothing changes. */
  mayBeNoOp?: boolean;
}

interface BadRequest {
  label: string;
  params: Record<string, string>;
  query?: string;
  /** Sent as application/json unless `contentType` says otherwise. */
  body?: string;
  contentType?: string;
  expect: Expect;
}

/** A request the contract lets through that the server must still refuse. */
interface Semantic {
  label: string;
  body: unknown;
  expect: Expect;
  params?: Record<string, string>;
}

/** How to make one route's requests: a valid one, so that one thing at a time can be made wrong. */
interface RouteCase {
  params?: (w: World) => Record<string, string>;
  /** A valid body: given exactly when the route takes one. */
  body?: (w: World) => Record<string, unknown>;
  /** Body fields that name stored things, to swap for someone else's or unknown ids. */
  refs?: Record<string, Kind>;
  /** More ids, per path parameter, that this route must refuse. */
  foreign?: (w: World) => Record<string, string[]>;
  semantic?: (w: World) => Semantic[];
  /** Removes something (unblock, revoke a grant): an unknown id has nothing to remove. */
  idempotent?: true;
}

const words = (text: string) => text.split(' ');
const refused = (field?: string, status = 400): Expect => ({ status, ...(field ? { field } : {}) });
const bad = (label: string, body: unknown, expect: Expect, params?: Record<string, string>) => ({
  label,
  body,
  expect,
  ...(params ? { params } : {}),
});
const ratings = { connection: 4, worldview: 3, mutuality: 4, movingToward: 2 };
const quiet = { quietStart: '22:00', quietEnd: '07:00', timeZone: 'UTC' };
const round = { title: 'Our walk on Sunday' };
const IMPOSSIBLE_DAYS = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31'];

const CASES: Record<RouteName, RouteCase> = {
  signUp: {
    body: () => person('Quill'),
    semantic: (w) => [
      bad('a common password', { ...person('Quill'), password: 'password' }, refused('password')),
      bad('a login in use', { ...person('Quill'), login: w.login }, refused('login', 409)),
    ],
  },
  signIn: {
    body: (w) => ({ login: w.login, password: w.password }),
    semantic: (w) => [
      bad('a wrong password', { login: w.login, password: 'x' }, { status: 401 }),
      bad('an unknown login', { login: 'nobody@example.org', password: 'x' }, { status: 401 }),
    ],
  },
  signOut: {},
  me: {},
  updateMe: {
    body: () => ({ displayName: 'Ana Example', pronouns: 'she/her', presenceHidden: false }),
  },
  listSessions: {},
  revokeSession: {},
  revokeAllSessions: { body: () => ({ keepCurrent: true }) },
  setupStatus: {},
  listSupportResources: {},
  setup: {
    body: () => ({ organizationName: 'Quay Peers', ...person('Quill') }),
    semantic: () => [
      bad(
        'setting up again',
        { organizationName: 'Quay Peers', ...person('Quill') },
        { status: 409 },
      ),
    ],
  },
  getOrganization: {},
  updateOrganization: {
    body: () => ({
      name: 'Harbour Peers Together',
      outsideServicesStatement: 'We never involve outside services without asking you first.',
      resources: [{ label: 'Warmline', contact: '555-0100', note: 'Evenings, 6 to 11.' }],
    }),
  },
  listMembers: {},
  setMemberAdmin: { body: () => ({ isAdmin: false }) },
  removeMember: {},
  createInvitation: { body: () => ({ asAdmin: false, ttlHours: 24 }) },
  listInvitations: {},
  revokeInvitation: {},
  previewInvitation: {},
  acceptInvitation: {
    body: () => ({ token: 'not-a-real-token-but-the-right-shape' }),
    semantic: () => [bad('an unknown token', { token: 'tok-unknown-1' }, { status: 404 })],
  },
  listConversations: {},
  getConversation: {},
  listMessages: {},
  postMessage: {
    body: () => ({ id: newId(), text: 'What would you like this week to hold?' }),
    semantic: (w) => [
      bad('an id that is not a UUID', { id: 'message-1', text: 'Hi.' }, refused('id')),
      bad('an upper-case id', { id: newId().toUpperCase(), text: 'Hi.' }, refused('id')),
      bad(
        'another organization’s message id',
        { id: w.named.outsiderMessage, text: 'Hi.' },
        { status: 409 },
      ),
    ],
  },
  editMessage: { body: () => ({ text: 'What would you like the weekend to hold?' }) },
  deleteMessage: {},
  markRead: { body: () => ({ seq: 1 }) },
  updateSettings: { body: () => ({ shareReadMarkers: true }) },
  getLimits: {},
  putLimits: {
    body: () => ({ ...quiet, timeZone: 'Europe/Berlin', note: 'Evenings are quiet for me.' }),
    semantic: () => [
      bad('an unknown time zone', { ...quiet, timeZone: 'Mars/Olympus' }, refused('timeZone')),
      bad('a start without an end', { ...quiet, quietEnd: null }, refused('quietEnd')),
      bad('an end without a start', { ...quiet, quietStart: null }, refused('quietStart')),
      bad('an empty window', { ...quiet, quietEnd: '22:00' }, refused('quietEnd')),
    ],
  },
  leave: {},
  updateCircle: {
    params: (w) => ({ conversationId: w.named.circle }),
    body: () => ({ name: 'Evening walkers', membersCanInvite: true }),
    semantic: (w) => [
      bad(
        'a relationship renamed',
        { name: 'Ours' },
        { status: 409 },
        { conversationId: w.mine.conversation },
      ),
    ],
  },
  inviteToCircle: {
    params: (w) => ({ conversationId: w.named.circle }),
    body: (w) => ({ userId: w.named.cleo }),
    refs: { userId: 'user' },
    semantic: (w) => [
      bad(
        'into a relationship',
        { userId: w.named.cleo },
        { status: 409 },
        {
          conversationId: w.mine.conversation,
        },
      ),
      bad('inviting oneself', { userId: w.ana.id }, {}),
    ],
  },
  createCircle: {
    body: (w) => ({ orgId: w.orgId, name: 'Morning pages', membersCanInvite: true }),
    refs: { orgId: 'org' },
  },
  inviteToConnect: {
    body: (w) => ({ orgId: w.orgId, userId: w.named.cleo }),
    refs: { orgId: 'org', userId: 'user' },
    semantic: (w) => [
      bad('reaching out to oneself', { orgId: w.orgId, userId: w.ana.id }, refused('userId')),
    ],
  },
  listConnectionInvitations: {},
  acceptConnectionLink: {
    body: () => ({ token: 'not-a-real-token-but-the-right-shape' }),
    semantic: () => [bad('an unknown token', { token: 'tok-unknown-2' }, { status: 404 })],
  },
  acceptConnectionInvitation: { foreign: (w) => ({ invitationId: [w.named.sent] }) },
  declineConnectionInvitation: { foreign: (w) => ({ invitationId: [w.named.sent] }) },
  withdrawConnectionInvitation: {
    params: (w) => ({ invitationId: w.named.sent }),
    foreign: (w) => ({ invitationId: [w.mine.connectionInvitation] }),
  },
  listBlocks: {},
  block: {
    body: (w) => ({ userId: w.named.ben }),
    refs: { userId: 'user' },
    semantic: (w) => [bad('blocking oneself', { userId: w.ana.id }, refused('userId'))],
  },
  unblock: { params: (w) => ({ userId: w.named.ben }), idempotent: true },
  listReflectionRounds: {},
  startReflectionRound: {
    body: () => ({ ...round, periodStart: '2024-05-01', periodEnd: '2024-05-07' }),
    semantic: () => [
      bad(
        'an end before the start',
        { ...round, periodStart: '2024-05-07', periodEnd: '2024-05-01' },
        refused('periodEnd'),
      ),
      ...IMPOSSIBLE_DAYS.flatMap((day) => [
        bad(`no such day ${day}`, { ...round, periodStart: day }, refused('periodStart')),
        bad(
          `no such day ${day}`,
          { ...round, periodStart: '2023-01-01', periodEnd: day },
          refused('periodEnd'),
        ),
      ]),
    ],
  },
  getReflectionRound: {},
  writeReflection: {
    body: () => ({
      ratings,
      notes: {
        connection: 'We stayed with it.',
        worldview: 'I asked how they saw it.',
        mutuality: '',
      },
      tryNext: 'Ask more open questions.',
      visibility: 'shared',
    }),
  },
  getReflection: {},
  setReflectionVisibility: { body: () => ({ visibility: 'together' }) },
  deleteReflection: {},
  setPracticeCircle: {
    params: (w) => ({ conversationId: w.named.circle }),
    body: () => ({ isPractice: true }),
    semantic: (w) => [
      bad('a relationship', { isPractice: true }, refused('isPractice'), {
        conversationId: w.mine.conversation,
      }),
    ],
  },
  listConversationIntentions: {},
  createSharedIntention: {
    body: () => ({ title: 'Walk on Sundays', why: 'So we both feel heard.' }),
  },
  listPersonalIntentions: {},
  createPersonalIntention: {
    body: (w) => ({
      title: 'Sleep before midnight',
      why: 'Mornings.',
      sharedWith: w.mine.conversation,
    }),
    refs: { sharedWith: 'conversation' },
  },
  getIntention: {},
  updateIntention: {
    body: () => ({ title: 'Walk on Saturdays', why: 'It suits us both.', status: 'open' }),
    semantic: (w) => [
      bad('a shared intention moved', { sharedWith: w.named.circle }, refused('sharedWith')),
      ...w.foreign.conversation.map((id) =>
        bad(
          'shared with someone else’s conversation',
          { sharedWith: id },
          {},
          {
            intentionId: w.named.personalIntention,
          },
        ),
      ),
    ],
  },
  addIntentionStep: { body: () => ({ text: 'Try a slow walk on Sunday' }) },
  updateIntentionStep: { body: () => ({ text: 'Try a slow walk', taken: true, done: false }) },
  checkInOnIntention: { body: () => ({ note: 'We walked once; it felt good.' }) },
  getMyWorldview: {},
  saveMyWorldview: {
    body: () => ({
      body: 'I make sense of things by walking.',
      answers: { 'what-helps': 'Long walks.' },
    }),
  },
  grantWorldview: {},
  revokeWorldview: { idempotent: true },
  listSharedWorldviews: {},
  getWorldview: { params: (w) => ({ userId: w.named.ben }) },
  exportJson: {},
  exportPrintable: {},
  getPush: {},
  subscribePush: {
    body: () => ({ endpoint: 'https://fcm.googleapis.com/fcm/send/bad-input-test' }),
    semantic: () =>
      words('https://push.example.org/1 http://fcm.googleapis.com/x javascript:void(0)').map(
        (endpoint) => bad(`not a push service: ${endpoint}`, { endpoint }, refused('endpoint')),
      ),
  },
  unsubscribePush: {},
};

/** The kind of thing a path parameter names; a parameter nobody described fails the run. */
function paramKind(path: string, name: string): Kind {
  if (name === 'invitationId')
    return path.startsWith('/api/orgs/') ? 'orgInvitation' : 'connectionInvitation';
  const kind = name === 'orgId' ? 'org' : name.replace(/Id$/, '');
  if (!(KINDS as readonly string[]).includes(kind))
    throw new Error(`no generator for the path parameter :${name} of ${path}`);
  return kind as Kind;
}

const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

// Values ---------------------------------------------------------------------------------------------

const uuid = fc.uuid().filter(isUuid);
const encodable = (v: string) => {
  try {
    return encodeURIComponent(v) !== '';
  } catch {
    return false;
  }
};

/** Path parameter values that are not ids ('.' and '..' would change the path itself, so are left out). */
const notAnId = fc
  .oneof(
    fc.constantFrom(...words('0 -1 1.5 NaN null undefined [] {} me % / ? # é 🌱 1e9 0x10')),
    fc.constantFrom(' ', '\u0000', 'x'.repeat(3000)),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
    uuid.map((u) => u.toUpperCase()),
    uuid.map((u) => `${u} `),
    uuid.map((u) => `{${u}}`),
    uuid.map((u) => u.slice(1)),
    uuid.map((u) => u.replaceAll('-', '')),
  )
  .filter((v) => !isUuid(v) && v !== '.' && v !== '..' && encodable(v));

/** JSON values to put where a field goes; the contract decides which of them are wrong there. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('', ' ', ' \n\t ', null, true, false, [], {}, [1, 2], { a: 1 }),
  fc.constantFrom<unknown>(0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 31, 2 ** 53, 2 ** 64),
  fc.constantFrom<unknown>(...words('1 true null 2024-02-30 25:00 not-a-uuid')),
  fc.constantFrom(301, 4_001, 8_001, 20_001, 70_000).map((n) => 'x'.repeat(n)),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Text a database cannot keep as sent: a NUL (PostgreSQL refuses it) or half of a surrogate pair. */
const unstorable = fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\u0000b');

const notJson = fc
  .oneof(
    fc.constantFrom(...words('{ {"a":} {\'a\':1} NaN undefined {"a":NaN} {"a":-Infinity} tru')),
    fc.constantFrom(...words('{"a":0x10} {"a":01} {"a":+1} [1,] {"a":1,} "unterminated <a/>')),
    fc.string({ minLength: 1, maxLength: 40 }),
  )
  .filter((t) => {
    if (t.trim() === '') return false;
    try {
      JSON.parse(t);
      return false;
    } catch {
      return true;
    }
  });
const wrongRoot = fc.constantFrom(...words('null true 0 -1 1e400 "text" [] [{}]'));
const deepNesting = fc.constantFrom(1_000, 20_000).map((n) => '['.repeat(n) + ']'.repeat(n));
const wrongType = fc.constantFrom(
  ...words('text/plain text/json application/x-www-form-urlencoded application/xml'),
  ...words('application/jsonp application/octet-stream multipart/form-data;boundary=x'),
);

const queryName = fc.oneof(
  fc.constantFrom(...words('x after limit page orgId debug a[] a.b A __proto__ constructor')),
  fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,15}$/),
);
const queryValue = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'x'.repeat(2000)),
  fc.constantFrom(...words('-1 +1 1.5 1e3 0x10 0b1 NaN Infinity abc null 0 201')),
  fc.constantFrom(...words('2147483648 99999999999 00000000001')),
  fc.integer().map(String),
  fc.string({ maxLength: 12 }),
);
/** Names no body takes ("x_" names, and a few that would mean something if they were taken). */
const extraKey = fc.oneof(
  fc.constantFrom(...words('authorId isAdmin id userId ownerId constructor toString a.b')),
  fc.stringMatching(/^x_[a-zA-Z0-9_]{0,12}$/),
);

const pairs = (entries: [string, string][]) =>
  entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** Query strings the history route must refuse, each naming the one parameter that is wrong. */
const historyQuery: fc.Arbitrary<{ query: string; expect: Expect }> = fc.oneof(
  fc
    .tuple(fc.constantFrom('after', 'before', 'limit'), queryValue)
    .filter(([n, v]) => !HistoryQuery.safeParse({ [n]: v }).success)
    .map(([n, v]) => ({ query: pairs([[n, v]]), expect: refused(n) })),
  fc
    .tuple(fc.constantFrom('after', 'before', 'limit'), fc.nat(99), fc.nat(99))
    .map(([n, a, b]) => ({
      query: pairs([
        [n, String(a + 1)],
        [n, String(b + 1)],
      ]),
      expect: refused(n),
    })),
  fc.tuple(fc.nat(1000), fc.nat(1000)).map(([a, b]) => ({
    query: pairs([
      ['after', String(a)],
      ['before', String(b)],
    ]),
    expect: refused('before'),
  })),
);

// JSON paths -----------------------------------------------------------------------------------------

type Path = (string | number)[];
const show = (path: Path) => path.join('.');

/** Every path below `value` (not the root itself). */
function pathsIn(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = [...at, Array.isArray(value) ? Number(k) : k];
    return [here, ...pathsIn(v, here)];
  });
}

const getAt = (value: unknown, path: Path): unknown => path.reduce<any>((v, k) => v?.[k], value);

/** A copy of `value` with `path` set to `to`, or removed when `to` is REMOVE. */
const REMOVE = Symbol('remove');
function withAt(value: unknown, path: Path, to: unknown): unknown {
  const copy = structuredClone(value);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path.at(-1)!;
  if (to === REMOVE) delete parent[key];
  else parent[key] = to;
  return copy;
}

/** True when `fields` names `field`, something inside it, or what holds it (but not just the whole body). */
function namesField(fields: Record<string, string> | undefined, field: string): boolean {
  return Object.keys(fields ?? {}).some(
    (k) => k === field || k.startsWith(`${field}.`) || (k !== '_' && field.startsWith(`${k}.`)),
  );
}

// Bad requests per route -------------------------------------------------------------------------------

/** `make` over one of `items`, or nothing when there are none. */
function someOf<T>(items: T[], make: (item: fc.Arbitrary<T>) => fc.Arbitrary<BadRequest>) {
  return items.length ? [make(fc.constantFrom(...items))] : [];
}

function badRequests(name: RouteName, w: World): fc.Arbitrary<BadRequest> {
  const def: RouteDef = routes[name];
  const rc = CASES[name];
  const names = paramNames(def.path);
  const params = {
    ...Object.fromEntries(names.map((p) => [p, w.mine[paramKind(def.path, p)]])),
    ...rc.params?.(w),
  };
  const base = rc.body?.(w);
  const baseText = base && JSON.stringify(base);
  const req = (label: string, expect: Expect, over: Partial<BadRequest> = {}): BadRequest => ({
    label,
    params,
    ...(baseText ? { body: baseText } : {}),
    ...over,
    expect,
  });
  const otherKinds = (kind: Kind) => KINDS.filter((k) => k !== kind).flatMap((k) => w.made[k]);
  const queryShape: object = def.query instanceof z.ZodObject ? def.query.shape : {};
  const arbs: fc.Arbitrary<BadRequest>[] = [
    // A route without a query takes none; the history query is checked one name at a time.
    fc
      .tuple(queryName, queryValue)
      .filter(([n]) => !Object.hasOwn(queryShape, n))
      .map(([n, v]) => req(`query ${n}`, refused(n), { query: pairs([[n, v]]) })),
    ...(def.query ? [historyQuery.map((q) => req(`query ${q.query}`, q.expect, q))] : []),
  ];

  // Path parameters: not an id, an id nobody made, ids of things that are not the caller's to use.
  for (const p of names) {
    const kind = paramKind(def.path, p);
    const pool = [...w.foreign[kind], ...(rc.foreign?.(w)[p] ?? [])];
    if (kind !== 'token') pool.push(...otherKinds(kind));
    const mayBeNoOp = rc.idempotent ?? false;
    const at = (label: string, expect: Expect) => (v: string) =>
      req(`:${p} ${label}`, expect, { params: { ...params, [p]: v } });
    arbs.push(
      notAnId.map(at('not an id', kind === 'token' ? {} : refused(p))),
      uuid.map(at('unknown', { mayBeNoOp })),
      fc.constantFrom(...pool).map(at('not the caller’s', { mayBeNoOp })),
    );
  }
  if (def.method === 'get') return fc.oneof(...arbs);

  // Bodies that are not JSON, not an object, or not sent as JSON.
  arbs.push(
    notJson.map((t) => req('not JSON', { status: 400, code: 'invalid_json' }, { body: t })),
    wrongRoot.map((t) => req(`body ${t}`, refused('_'), { body: t })),
    deepNesting.map((t) => req('deeply nested', refused(), { body: t })),
    wrongType.map((t) =>
      req(`sent as ${t}`, { status: 415 }, { contentType: t, body: baseText ?? 'a=1' }),
    ),
  );
  const proto = (text: string) =>
    req('__proto__', refused('__proto__'), { body: `{"__proto__":{"isAdmin":true}${text}` });
  if (!def.body || !base) {
    // A route that takes no body names any field it is sent.
    arbs.push(
      fc
        .tuple(extraKey, fc.jsonValue({ maxDepth: 1 }))
        .map(([k, v]) => req(`body field ${k}`, refused(k), { body: JSON.stringify({ [k]: v }) })),
      fc.constant(proto('}')),
    );
    return fc.oneof(...arbs);
  }

  const schema = def.body;
  const invalid = (value: unknown) => !schema.safeParse(value).success;
  const bodyShape: object = schema instanceof z.ZodObject ? schema.shape : {};
  const keys = Object.keys(bodyShape).map((k) => [k]);
  const replaceable = [...pathsIn(base), ...keys.filter((k) => !Object.hasOwn(base, k[0]!))];
  const required = pathsIn(base).filter(
    (p) => typeof p.at(-1) === 'string' && invalid(withAt(base, p, REMOVE)),
  );
  const objects = [[], ...pathsIn(base)].filter((p) => {
    const v = getAt(base, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const strings = pathsIn(base).filter((p) => typeof getAt(base, p) === 'string');
  const mutated = (label: string, value: unknown, field: Path) =>
    req(label, refused(show(field)), { body: JSON.stringify(value) });

  arbs.push(
    // One field of the wrong type, empty, too long or out of range.
    fc
      .tuple(fc.constantFrom(...replaceable), wrongValue)
      .map(([p, v]) => ({ p, v, value: withAt(base, p, v) }))
      .filter(({ value }) => invalid(value))
      .map(({ p, v, value }) =>
        mutated(`${show(p)} = ${JSON.stringify(v).slice(0, 40)}`, value, p),
      ),
    // A field the route does not take, at the top or inside any object.
    fc
      .tuple(fc.constantFrom(...objects), extraKey, fc.jsonValue({ maxDepth: 1 }))
      .filter(
        ([p, k]) =>
          !Object.hasOwn(getAt(base, p) as object, k) &&
          !(!p.length && Object.hasOwn(bodyShape, k)),
      )
      .map(([p, k, v]) => ({ p: [...p, k], v }))
      .map(({ p, v }) => mutated(`extra ${show(p)}`, withAt(base, p, v), p)),
    fc.constant(proto(`,${baseText!.slice(1)}`)),
    // A number the JSON grammar does not have, in place of a field's value.
    fc
      .tuple(
        fc.constantFrom(...replaceable),
        fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e', '0x1'),
      )
      .map(([p, literal]) => {
        const text = JSON.stringify(withAt(base, p, '#')).replace('"#"', literal);
        return req(
          `${show(p)} = ${literal}`,
          { status: 400, code: 'invalid_json' },
          { body: text },
        );
      }),
    // Text a database cannot keep as sent, in any text field.
    ...someOf(strings, (path) =>
      fc.tuple(path, unstorable, fc.nat()).map(([p, text, n]) => {
        const s = getAt(base, p) as string;
        const i = n % (s.length + 1);
        const value = withAt(base, p, s.slice(0, i) + text + s.slice(i));
        return mutated(`${show(p)} holds ${JSON.stringify(text)}`, value, p);
      }),
    ),
    // A required field left out.
    ...someOf(required, (path) =>
      path.map((p) => mutated(`no ${show(p)}`, withAt(base, p, REMOVE), p)),
    ),
  );
  // Ids in the body that name someone else's things, or nothing at all.
  for (const [field, kind] of Object.entries(rc.refs ?? {})) {
    arbs.push(
      fc
        .oneof(uuid, fc.constantFrom(...w.foreign[kind], ...otherKinds(kind)))
        .map((id) => req(`${field} ${id}`, {}, { body: JSON.stringify({ ...base, [field]: id }) })),
    );
  }
  arbs.push(
    ...someOf(rc.semantic?.(w) ?? [], (semantic) =>
      semantic.map((s) =>
        req(s.label, s.expect, {
          params: { ...params, ...s.params },
          body: JSON.stringify(s.body),
        }),
      ),
    ),
  );
  return fc.oneof(...arbs);
}

// The world, and what is stored ------------------------------------------------------------------------

async function ok(res: Promise<{ status: number; body: any }>, status = 200): Promise<any> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/**
 * Ana, admin and member of an organization: a relationship with Ben (messages both ways), a circle, a
 * reflection round with her shared and Ben's private reflection, shared and personal intentions with steps,
 * a worldview page, invitations both ways, a second session. Around her: Ben and Cleo's relationship, Ben's
 * private intention, and an outsider (Dev) in another organization with his own of everything.
 */
async function buildWorld(srv: TestServer): Promise<World> {
  const creds = person('Ana');
  const client = srv.client();
  const ana = {
    id: (await ok(client.post('/api/auth/sign-up', creds), 201)).user.id,
    name: creds.displayName,
    client,
  };
  const orgId = await createOrg(srv, ana);
  const ben = await signUp(srv, 'Ben', orgId);
  const cleo = await signUp(srv, 'Cleo', orgId);
  const eve = await signUp(srv, 'Eve', orgId);
  const dev = await signUp(srv, 'Dev');
  const devOrg = await createOrg(srv, dev, 'Riverside Peers');
  const fay = await signUp(srv, 'Fay');
  await joinOrg(srv, devOrg, fay.id);

  await ok(
    srv.client().post('/api/auth/sign-in', { login: creds.login, password: creds.password }),
  );
  const sessionOf = async (p: TestPerson, current: boolean) =>
    (
      (await ok(p.client.get('/api/me/sessions'))).sessions as { id: string; isCurrent: boolean }[]
    ).find((s) => s.isCurrent === current)!.id;

  const rel = await connect(ana, ben, orgId);
  const benCleo = await connect(ben, cleo, orgId);
  const devFay = await connect(dev, fay, devOrg);
  const circle = (
    await ok(ana.client.post('/api/circles', { orgId, name: 'Thursday practice' }), 201)
  ).id;
  const say = async (p: TestPerson, conversationId: string, text: string) =>
    (
      await ok(
        p.client.post(`/api/conversations/${conversationId}/messages`, { id: newId(), text }),
        201,
      )
    ).message.id as string;
  const startRound = async (p: TestPerson, conversationId: string) =>
    (await ok(p.client.post(`/api/conversations/${conversationId}/reflection-rounds`, round), 201))
      .id as string;
  const reflect = async (p: TestPerson, roundId: string, visibility: string) =>
    (
      await ok(
        p.client.request('PUT', `/api/reflection-rounds/${roundId}/mine`, { ratings, visibility }),
      )
    ).mine.id as string;
  const intend = async (p: TestPerson, path: string) => {
    const made = await ok(p.client.post(path, { title: 'Walk on Sundays' }), 201);
    const { steps } = await ok(
      p.client.post(`/api/intentions/${made.intention.id}/steps`, { text: 'Begin' }),
      201,
    );
    return { id: made.intention.id as string, step: steps[0].id as string };
  };
  const invite = async (p: TestPerson, body: object) =>
    await ok(p.client.post('/api/connection-invitations', body), 201);

  const msg = {
    mine: await say(ana, rel, 'How did the week feel for you?'),
    ben: await say(ben, rel, 'Slower than I hoped, and that was fine.'),
    circle: await say(ana, circle, 'Welcome, everyone.'),
    dev: await say(dev, devFay, 'Good morning.'),
  };
  const rounds = { mine: await startRound(ana, rel), dev: await startRound(dev, devFay) };
  const refl = {
    mine: await reflect(ana, rounds.mine, 'shared'),
    ben: await reflect(ben, rounds.mine, 'private'),
    dev: await reflect(dev, rounds.dev, 'shared'),
  };
  const intent = {
    shared: await intend(ana, `/api/conversations/${rel}/intentions`),
    personal: await intend(ana, '/api/me/intentions'),
    ben: await intend(ben, '/api/me/intentions'),
    dev: await intend(dev, `/api/conversations/${devFay}/intentions`),
  };
  await ok(ana.client.request('PUT', '/api/me/worldview', { body: 'Walking helps me think.' }));
  await ok(ana.client.request('PUT', `/api/me/worldview/readers/${rel}`));
  const orgInvite = await ok(ana.client.post(`/api/orgs/${orgId}/invitations`, {}), 201);
  const devOrgInvite = await ok(dev.client.post(`/api/orgs/${devOrg}/invitations`, {}), 201);
  const conn = {
    received: (await invite(eve, { orgId, userId: ana.id })).id,
    sent: (await invite(ana, { orgId, userId: cleo.id })).id,
    ben: (await invite(ben, { orgId, userId: eve.id })).id,
    dev: await invite(dev, { orgId: devOrg }),
  };

  const mine: Record<Kind, string> = {
    conversation: rel,
    message: msg.mine,
    session: await sessionOf(ana, false),
    org: orgId,
    user: cleo.id,
    orgInvitation: orgInvite.id,
    connectionInvitation: conn.received,
    round: rounds.mine,
    reflection: refl.mine,
    intention: intent.shared.id,
    step: intent.shared.step,
    token: orgInvite.token,
  };
  const foreign: Ids = {
    conversation: [benCleo, devFay],
    message: [msg.ben, msg.circle, msg.dev],
    session: [await sessionOf(ben, true), await sessionOf(dev, true)],
    org: [devOrg],
    user: [dev.id, fay.id],
    orgInvitation: [devOrgInvite.id],
    connectionInvitation: [conn.ben, conn.dev.id],
    round: [rounds.dev],
    reflection: [refl.ben, refl.dev],
    intention: [intent.ben.id, intent.dev.id],
    step: [intent.personal.step, intent.ben.step, intent.dev.step],
    token: ['tok-unknown-3', 'x'.repeat(3000), conn.dev.token, '%00'],
  };
  const made: Ids = {
    ...foreign,
    conversation: [...foreign.conversation, rel, circle],
    message: [...foreign.message, msg.mine],
    session: [...foreign.session, mine.session],
    org: [devOrg, orgId],
    user: [ana.id, ben.id, cleo.id, eve.id, dev.id, fay.id],
    orgInvitation: [...foreign.orgInvitation, orgInvite.id],
    connectionInvitation: [...foreign.connectionInvitation, conn.received, conn.sent],
    round: [...foreign.round, rounds.mine],
    reflection: [...foreign.reflection, refl.mine],
    intention: [...foreign.intention, intent.shared.id, intent.personal.id],
    step: [...foreign.step, intent.shared.step],
    token: [],
  };
  const named = {
    circle,
    personalIntention: intent.personal.id,
    sent: conn.sent,
    ben: ben.id,
    cleo: cleo.id,
    outsiderMessage: msg.dev,
  };
  return { ana, login: creds.login, password: creds.password, orgId, mine, foreign, made, named };
}

/** Every table's rows, each as JSON, sorted: what "nothing stored changed" is checked against. */
async function snapshot(srv: TestServer): Promise<Record<string, string[]>> {
  const { db } = srv.ctx.db.store;
  const tables =
    srv.ctx.db.connection.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<object>`select * from ${sql.table(name)}`.execute(db);
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Rows added and removed, per table that changed. */
function changes(before: Record<string, string[]>, after: Record<string, string[]>) {
  const out: Record<string, { added: string[]; removed: string[] }> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table]);
    const now = new Set(after[table]);
    const added = [...now].filter((r) => !was.has(r));
    const removed = [...was].filter((r) => !now.has(r));
    if (added.length || removed.length) out[table] = { added, removed };
  }
  return out;
}

interface Answer {
  path: string;
  status: number;
  type: string;
  text: string;
  body: unknown;
}

/** What is wrong with the answer to `req`, or undefined when it is the clear refusal it should be. */
function problemWith(def: RouteDef, req: BadRequest, res: Answer): string | undefined {
  const { status } = res;
  const tooBig = req.body !== undefined && Buffer.byteLength(req.body) > BODY_LIMIT;
  const want: Expect = tooBig ? { status: 413, code: 'payload_too_large' } : req.expect;
  if (status >= 500) return `answered ${status}`;
  if (status < 400)
    return want.mayBeNoOp && status < 300 ? undefined : `accepted bad input (${status})`;
  if (status === 401 && def.access === 'signed-in') return 'the session was lost (401)';
  if (!/^application\/json\b/.test(res.type) || !ErrorBody.safeParse(res.body).success)
    return 'answered without the JSON error shape';
  // The fields as sent: a parsed copy would drop one named "__proto__".
  const { code, fields } = (res.body as ErrorBody).error;
  if (want.status !== undefined && status !== want.status)
    return `answered ${status}, not ${want.status}`;
  if (want.code !== undefined && code !== want.code) return `answered ${code}, not ${want.code}`;
  if (want.field && !namesField(fields, want.field)) return `did not name the field ${want.field}`;
  return undefined;
}

describe.each(TEST_DATABASES)('bad input to every route ($name)', (db) => {
  let srv: TestServer;
  let w: World;
  let initial: Record<string, string[]>;

  beforeAll(async () => {
    srv = await startTestServer(
      db,
      { AUTH_LIMIT_PER_IP: '100000', AUTH_LIMIT_PER_ACCOUNT: '100000' },
      { clock: new ManualClock(new Date('2024-06-11T09:00:00Z')) },
    );
    w = await buildWorld(srv);
    initial = await snapshot(srv);
  });
  afterAll(async () => srv?.close());

  async function send(def: RouteDef, req: BadRequest): Promise<Answer> {
    const headers: Record<string, string> = { cookie: w.ana.client.cookieHeader };
    if (req.body !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
    const path = buildPath(def.path, req.params) + (req.query !== undefined ? `?${req.query}` : '');
    const res = await fetch(`${srv.url}${path}`, {
      method: def.method.toUpperCase(),
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: problemWith says so.
    }
    return { path, status: res.status, type: res.headers.get('content-type') ?? '', text, body };
  }

  it('has a case for every route in the contract, with a valid body where the route takes one', () => {
    const names = Object.keys(routes) as RouteName[];
    expect(names.filter((n) => !(n in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((n) => !(n in routes))).toEqual([]);
    for (const name of names) {
      const def: RouteDef = routes[name];
      for (const p of paramNames(def.path)) paramKind(def.path, p);
      const body = CASES[name].body?.(w);
      expect([name, body !== undefined]).toEqual([name, def.body !== undefined]);
      if (def.body)
        expect([name, def.body.safeParse(body).error?.issues]).toEqual([name, undefined]);
    }
  });

  for (const name of Object.keys(routes) as RouteName[]) {
    const def: RouteDef = routes[name];
    const title = `${name} (${def.method.toUpperCase()} ${def.path})`;
    it(`${title} refuses bad input clearly and changes nothing`, async () => {
      if (!(name in CASES)) throw new Error(`no bad-input generator for the route ${name}`);
      const before = await snapshot(srv);
      await fc.assert(
        fc.asyncProperty(badRequests(name, w), async (req) => {
          const res = await send(def, req);
          const problem = problemWith(def, req, res);
          if (problem) {
            throw new Error(
              `${def.method.toUpperCase()} ${res.path.slice(0, 200)} (${req.label}): ${problem}\n` +
                `sent ${req.body === undefined ? '' : (req.contentType ?? 'json')} ${req.body?.slice(0, 200) ?? ''}\n` +
                `got ${res.status} ${res.text.slice(0, 300)}`,
            );
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Against what was stored before this route's requests, so a change is laid at this route's door.
      expect(changes(before, await snapshot(srv))).toEqual({});
    });
  }

  it('refuses a body over the size limit with 413 and the error shape', async () => {
    const text = JSON.stringify({ id: newId(), text: 'x'.repeat(BODY_LIMIT) });
    const params = { conversationId: w.mine.conversation };
    const res = await send(routes.postMessage, { label: 'huge', params, body: text, expect: {} });
    expect([res.status, (res.body as ErrorBody).error.code]).toEqual([413, 'payload_too_large']);
  });

  it('changed nothing stored over the whole run', async () => {
    expect(changes(initial, await snapshot(srv))).toEqual({});
  });
});
