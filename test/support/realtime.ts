/** Real-time test helpers: people, organizations and conversations made through the services, and a WebSocket probe. */
import { type AddressInfo, type Socket, connect, createServer } from 'node:net';
import WebSocket from 'ws';
import type { AppContext } from '../../src/app/compose.ts';
import type {
  ClientFrame,
  ServerFrame,
  ServerFrameOf,
  ServerFrameType,
} from '../../src/contract/ws.ts';
import { newId } from '../../src/lib/ids.ts';
import { person } from './test-server.ts';

/** Someone signed up, with the cookie their browser would send. */
export interface TestPerson {
  userId: string;
  sessionId: string;
  token: string;
  cookie: string;
}

/** Signs up `n` people through the account service. */
export async function makePeople(ctx: AppContext, n: number, name = 'Peer'): Promise<TestPerson[]> {
  const out: TestPerson[] = [];
  for (let i = 0; i < n; i++) {
    const issued = await ctx.accounts.signUp(person(name));
    out.push({
      userId: issued.user.id,
      sessionId: issued.session.id,
      token: issued.token,
      cookie: `mutual_session=${issued.token}`,
    });
  }
  return out;
}

/** An organization with everyone in it (the first person is its admin). */
export async function makeOrg(ctx: AppContext, people: TestPerson[]): Promise<string> {
  const [first, ...rest] = people;
  const admin = await ctx.db.store.users.findById(first!.userId);
  const org = await ctx.organizations.create({ name: `Org ${newId().slice(-6)}`, admin: admin! });
  const now = ctx.clock.now();
  for (const p of rest)
    await ctx.db.store.memberships.insert({
      orgId: org.id,
      userId: p.userId,
      isAdmin: false,
      joinedAt: now,
    });
  return org.id;
}

/** Connects two people by mutual consent (one invites, the other accepts); returns the conversation id. */
export async function connectPair(
  ctx: AppContext,
  orgId: string,
  a: TestPerson,
  b: TestPerson,
): Promise<string> {
  const { invitation } = await ctx.connections.inviteToRelationship(a.userId, {
    orgId,
    userId: b.userId,
  });
  const conversation = await ctx.connections.accept(b.userId, invitation.id);
  return conversation.id;
}

/** Two new people in an organization of their own, connected by mutual consent. */
export async function newPair(
  ctx: AppContext,
  name: string,
): Promise<{ people: [TestPerson, TestPerson]; orgId: string; conversationId: string }> {
  const people = (await makePeople(ctx, 2, name)) as [TestPerson, TestPerson];
  const orgId = await makeOrg(ctx, people);
  return { people, orgId, conversationId: await connectPair(ctx, orgId, ...people) };
}

/** A circle started by the first person, with the others invited and accepted. */
export async function makeCircle(
  ctx: AppContext,
  orgId: string,
  members: Array<Pick<TestPerson, 'userId'>>,
): Promise<string> {
  const [first, ...rest] = members;
  const circle = await ctx.connections.createCircle(first!.userId, {
    orgId,
    name: `Circle ${newId().slice(-6)}`,
  });
  for (const p of rest) {
    const { invitation } = await ctx.connections.inviteToCircle(first!.userId, circle.id, {
      userId: p.userId,
    });
    await ctx.connections.accept(p.userId, invitation.id);
  }
  return circle.id;
}

/** A TCP link to a server (such as Redis) that a test can cut, as a network outage would, and restore. */
export interface CuttableLink {
  /** `target` with its host and port replaced by the link's. */
  url: string;
  /** Drops every connection through the link and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  /**
   * From now on, holds back what a client sends from its first SUBSCRIBE command on (Redis has not heard
   * it, so it has not subscribed) until `releaseSubscribes`, as a slow link would.
   */
  holdSubscribes(): void;
  releaseSubscribes(): void;
  close(): Promise<void>;
}

/** Opens a cuttable link to the host and port of `target` (a URL such as redis://127.0.0.1:6379). */
export async function cuttableLink(target: string): Promise<CuttableLink> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  let isCut = false;
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };
  let holding = false;
  const held: Array<() => void> = [];
  const server = createServer((inbound) => {
    if (isCut) return void inbound.destroy();
    const outbound = connect(Number(to.port || 6379), to.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        inbound.destroy();
        outbound.destroy();
      });
    }
    // Client to server chunk by chunk, so a SUBSCRIBE can be held back (with all that follows it).
    let holdingThis = false;
    inbound.on('data', (chunk: Buffer) => {
      if (!holdingThis && holding && /subscribe/i.test(chunk.toString('latin1')))
        holdingThis = true;
      if (holdingThis && holding) held.push(() => outbound.write(chunk));
      else outbound.write(chunk);
    });
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    cut: () => {
      isCut = true;
      dropAll();
    },
    restore: () => {
      isCut = false;
    },
    holdSubscribes: () => {
      holding = true;
    },
    releaseSubscribes: () => {
      holding = false;
      for (const send of held.splice(0)) send();
    },
    close: () =>
      new Promise((resolve) => {
        isCut = true;
        dropAll();
        server.close(() => resolve());
      }),
  };
}

/** The ws:// address of a server's gateway. */
export const wsUrl = (httpUrl: string): string => `${httpUrl.replace(/^http/, 'ws')}/ws`;

/** A handshake that did not become a WebSocket: its HTTP status. */
export function handshakeStatus(
  url: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', (e) => reject(e));
  });
}

/** A WebSocket that records every frame and lets tests await the ones they expect. */
export class Probe {
  readonly frames: ServerFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString('utf8')) as ServerFrame);
      for (const w of this.waiters) w();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.on('error', () => undefined);
  }

  /** Opens a socket with `cookie` and waits for the welcome frame. */
  static async open(
    url: string,
    cookie: string,
    headers: Record<string, string> = {},
  ): Promise<Probe> {
    const ws = new WebSocket(url, { headers: { cookie, ...headers } });
    const probe = new Probe(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_q, res) =>
        reject(new Error(`handshake answered ${res.statusCode}`)),
      );
    });
    await probe.next('welcome');
    return probe;
  }

  send(frame: ClientFrame | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Resolves with the first recorded frame (from `from` on) matching; waits up to `timeoutMs`. */
  wait<T extends ServerFrame = ServerFrame>(
    match: (f: ServerFrame) => boolean,
    timeoutMs = 3000,
    from = 0,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.frames.slice(from).find(match);
        if (!found) return false;
        this.waiters = this.waiters.filter((w) => w !== onFrame);
        clearTimeout(timer);
        resolve(found as T);
        return true;
      };
      const onFrame = () => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== onFrame);
        reject(
          new Error(
            `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-5))}`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.waiters.push(onFrame);
    });
  }

  /** The first frame of `type` (optionally matching `where`). */
  next<T extends ServerFrameType>(
    type: T,
    where: (f: ServerFrameOf<T>) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<ServerFrameOf<T>> {
    return this.wait<ServerFrameOf<T>>(
      (f) => f.type === type && where(f as ServerFrameOf<T>),
      timeoutMs,
    );
  }

  /** Frames of `type` recorded so far. */
  all<T extends ServerFrameType>(type: T): Array<ServerFrameOf<T>> {
    return this.frames.filter((f): f is ServerFrameOf<T> => f.type === type);
  }

  /** Subscribes and waits for `subscribed`. */
  async subscribe(conversationId: string, lastSeq?: number): Promise<ServerFrameOf<'subscribed'>> {
    this.send({ type: 'subscribe', conversationId, ...(lastSeq !== undefined ? { lastSeq } : {}) });
    return this.next('subscribed', (f) => f.conversationId === conversationId);
  }

  /** Sends a message and waits for its ack. */
  async post(conversationId: string, text: string, id = newId()): Promise<ServerFrameOf<'ack'>> {
    const from = this.frames.length;
    this.send({ type: 'send', conversationId, id, text });
    return this.wait<ServerFrameOf<'ack'>>((f) => f.type === 'ack' && f.id === id, 3000, from);
  }

  close(): void {
    this.ws.close();
  }
}
