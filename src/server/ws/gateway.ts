/**
 * The WebSocket gateway at /ws on the same HTTP server: checks Origin and the session cookie at the
 * handshake, validates every frame against contract/ws.ts, rate-limits, heartbeats, and hands frames
 * to the messaging service. Delivery to sockets is the hub's job, woken by the relay.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocketServer, type WebSocket } from 'ws';
import type { AppContext } from '../../app/compose.ts';
import {
  CLOSE,
  WS_MAX_PAYLOAD,
  WS_MAX_TEXT,
  WS_PATH,
  echoedRef,
  parseClientFrame,
} from '../../contract/ws.ts';
import { TOUCH_EVERY_MS } from '../../core/account.service.ts';
import type { MessagingApi } from '../../core/conversation.model.ts';
import { newId } from '../../lib/ids.ts';
import { forEachInSlices } from '../../lib/slices.ts';
import type { Attachment } from '../main.ts';
import { Connection } from './connection.ts';
import { DEFAULT_GATEWAY_OPTIONS, GatewayCore, type GatewayOptions } from './core.ts';
import { handleFrame } from './frames.ts';
import { isAllowedOrigin, sessionTokenFrom } from './origin.ts';
import { fullBucket, take } from './rate.ts';
import { startRelay } from './relay.ts';

/** The running gateway: an Attachment, plus its state for tests and benchmarks. */
export interface Gateway extends Attachment {
  core: GatewayCore;
  /** Resolves once the relay listens on the bus. */
  ready: Promise<void>;
}

/** Where the gateway gets the messaging service from (the app context by default). */
export interface GatewaySetup extends Partial<GatewayOptions> {
  messaging?: (ctx: AppContext) => MessagingApi | undefined;
}

const fromContext = (ctx: AppContext): MessagingApi | undefined => ctx.messaging;

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

/** How long a new socket may take to send its first frame (a hello may hide presence) before it shows online. */
const PRESENCE_SETTLES_MS = 1000;

/** The refused frame's type, ref, conversation and message id, if it says them, so the client knows which. */
function whichFrame(text: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const f = raw as Record<string, unknown>;
  const out: Record<string, string> = {};
  const pick = (from: string, to: string, max: number) => {
    const v = f[from];
    if (typeof v === 'string' && v.length <= max) out[to] = v;
  };
  pick('type', 'frame', 32);
  // Measured as the contract measures a ref, so a refusal echoes every ref an answer would.
  const ref = echoedRef(f.ref);
  if (ref !== undefined) out.ref = ref;
  pick('conversationId', 'conversationId', 64);
  pick('id', 'id', 64);
  return out;
}

function reject(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({
    error: {
      code:
        ({ 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' } as Record<number, string>)[
          status
        ] ?? 'unavailable',
      message: reason,
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** What a node logs (warn) when its heartbeat check found sockets behind the store: a hint was lost. */
export const CAUGHT_UP_LOG = 'ws: sockets behind the store caught up';

/** Attaches the gateway to `server`. */
export function attachGateway(server: Server, ctx: AppContext, setup: GatewaySetup = {}): Gateway {
  const options: GatewayOptions = {
    ...DEFAULT_GATEWAY_OPTIONS,
    heartbeatMs: ctx.config.wsHeartbeatSeconds * 1000,
    ...setup,
  };
  const getMessaging = setup.messaging ?? fromContext;
  const core = new GatewayCore(
    () => getMessaging(ctx),
    ctx.bus,
    ctx.logger,
    ctx.clock,
    options,
    newId(),
    ctx.sharedCounter,
  );
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WS_MAX_PAYLOAD,
    perMessageDeflate: false,
    clientTracking: false,
  });
  let nextId = 1;
  let stopping = false;

  let stopRelay: (() => Promise<void>) | undefined;
  const ready = startRelay(core).then((stop) => {
    stopRelay = stop;
  });
  ready.catch((error: unknown) =>
    ctx.logger.error({ err: error }, 'ws: relay could not subscribe to the bus'),
  );

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => undefined);
    void upgrade(req, socket, head);
  };

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== WS_PATH || stopping) return reject(socket, 404, 'Not Found');
    if (!isAllowedOrigin(req.headers.origin, req.headers.host, ctx.config)) {
      ctx.logger.warn(
        { origin: req.headers.origin?.slice(0, 200) },
        'ws: refused a handshake from another origin',
      );
      return reject(socket, 403, 'Forbidden');
    }
    const token = sessionTokenFrom(req);
    let auth: Awaited<ReturnType<AppContext['accounts']['authenticate']>>;
    let hides: ReadonlySet<string> | undefined;
    try {
      auth = token ? await ctx.accounts.authenticate(token) : undefined;
      // Whom this person blocked: their messages reach this socket with the text withheld.
      if (auth) hides = await core.messaging()?.hiddenAuthors(auth.user.id);
    } catch (error) {
      ctx.logger.error({ err: error }, 'ws: authentication failed');
      return reject(socket, 503, 'Service Unavailable');
    }
    if (!auth) return reject(socket, 401, 'Unauthorized');
    if (socket.destroyed) return;
    const { user, session } = auth;
    const hidden = /[?&]presence=hidden(&|$)/.test(req.url ?? '');
    wss.handleUpgrade(req, socket, head, (ws) =>
      open(
        ws,
        user.id,
        session.id,
        ctx.accounts.endsAt(session),
        !hidden,
        user.presenceHidden,
        hides,
      ),
    );
  }

  function open(
    ws: WebSocket,
    userId: string,
    sessionId: string,
    endsAt: number,
    visible: boolean,
    personHidden: boolean,
    hides: ReadonlySet<string> | undefined,
  ): void {
    const now = ctx.clock.now().getTime();
    const conn = new Connection(
      nextId++,
      ws,
      userId,
      sessionId,
      endsAt,
      fullBucket(options.connectionRate, now),
    );
    conn.socketHidden = !visible;
    conn.personHidden = personHidden;
    // The handshake's authentication counted as use of the session.
    conn.sessionUsedAt = now;
    if (hides?.size) conn.hides = hides;
    core.hub.add(conn);
    let queue = Promise.resolve();

    ws.on('pong', () => {
      conn.isAlive = true;
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      conn.closed = true;
      core.hub.remove(conn);
      if (conn.presenceVisible && !conn.presencePending)
        void core.announcePresence(userId).catch(() => undefined);
    });
    ws.on('message', (data, isBinary) => {
      if (conn.closed) return;
      const now = ctx.clock.now().getTime();
      const waitMs = take(conn.bucket, options.connectionRate, now);
      if (waitMs > 0) {
        conn.refused += 1;
        if (conn.refused > options.closeAfterRefused)
          return conn.close(CLOSE.RATE_LIMITED, 'rate limit');
        return conn.send({
          type: 'error',
          code: 'rate_limited',
          message: 'Too many frames; slow down.',
          retryAfterMs: waitMs,
          ...(isBinary ? {} : whichFrame(textOf(data))),
        });
      }
      if (isBinary)
        return conn.send({
          type: 'error',
          code: 'malformed',
          message: 'Frames must be text (JSON), not binary.',
        });
      const parsed = parseClientFrame(textOf(data));
      if (!parsed.ok) {
        const { ok: _ok, ...problem } = parsed;
        return conn.send({ type: 'error', ...problem });
      }
      const { frame } = parsed;
      // A hello resumes many conversations at once, each a store read: a long one costs more of the
      // socket's frame allowance (one frame more per 25 conversations), so hellos cannot multiply reads.
      if (frame.type === 'hello') conn.bucket.tokens -= Math.floor(frame.resume.length / 25);
      if (conn.presencePending) {
        // The first frame settles presence: a hello that asks to be hidden is never shown online first.
        conn.presencePending = false;
        if (frame.type === 'hello' && frame.presence)
          conn.socketHidden = frame.presence === 'hidden';
        if (conn.presenceVisible) void core.announcePresence(userId).catch(() => undefined);
      }
      // One frame at a time per socket, so a person's sends are stored in the order they sent them.
      // What the person does here is use of their session, as a request is (a ping is not: clients send
      // those on their own). Once a minute, or when the session may have ended, the store says first.
      const use = frame.type !== 'ping' && now - conn.sessionUsedAt >= TOUCH_EVERY_MS;
      if (use || now >= conn.sessionEndsAt) {
        if (use) conn.sessionUsedAt = now;
        queue = queue
          .then(() => checkSession(conn, use))
          .then((live) => (live ? handleFrame(core, conn, frame) : undefined));
      } else queue = queue.then(() => handleFrame(core, conn, frame));
    });

    conn.send({
      type: 'welcome',
      userId,
      presenceHidden: personHidden,
      heartbeatMs: options.heartbeatMs,
      limits: {
        framesPerSecond: options.connectionRate.perSecond,
        maxPayload: WS_MAX_PAYLOAD,
        maxText: WS_MAX_TEXT,
      },
    });
    // Presence is announced with the first frame (a hello may ask to stay hidden), or after a second.
    conn.presencePending = true;
    setTimeout(() => {
      if (!conn.presencePending || conn.closed) return;
      conn.presencePending = false;
      if (conn.presenceVisible) void core.announcePresence(userId).catch(() => undefined);
    }, PRESENCE_SETTLES_MS).unref();
  }

  /**
   * Whether the socket's session is still live (with `use`, counting this as use of it); closes the socket
   * (4001) when it is not. If the store cannot answer, the socket stays: the next check asks again.
   */
  async function checkSession(conn: Connection, use: boolean): Promise<boolean> {
    try {
      const session = await ctx.accounts.liveSession(conn.sessionId, use);
      if (!session) {
        conn.close(CLOSE.SESSION_ENDED, 'session ended');
        return false;
      }
      conn.sessionEndsAt = ctx.accounts.endsAt(session);
      return !conn.closed;
    } catch (error) {
      ctx.logger.warn({ err: error }, 'ws: could not check a session');
      return !conn.closed;
    }
  }

  // One sweep per heartbeat, a slice of sockets per turn of the event loop: pinging 10,000 sockets in one
  // go would hold every message on the node for over 100 ms.
  let sweeping = false;
  const sweep = async (): Promise<void> => {
    const now = ctx.clock.now().getTime();
    // Sockets whose session may have ended (idle, or at its absolute end): the store decides, after the pings.
    const due: Connection[] = [];
    await forEachInSlices(
      [...core.hub.connections],
      options.heartbeatSlice,
      (conn) => {
        if (conn.closed) return;
        if (now >= conn.sessionEndsAt) due.push(conn);
        if (!conn.isAlive) {
          conn.closed = true;
          conn.socket.terminate();
          return;
        }
        conn.isAlive = false;
        conn.refused = 0;
        conn.socket.ping();
      },
      () => stopping,
    );
    for (const conn of due) if (!conn.closed && !stopping) await checkSession(conn, false);
    if (stopping) return;
    // A hint the bus lost (a Redis restart at the wrong moment) is repaired here at the latest.
    await core.hub.catchUpWithStore(Math.min(1000, options.heartbeatMs / 2)).then(
      (behind) => {
        if (behind > 0) ctx.logger.warn({ conversations: behind }, CAUGHT_UP_LOG);
      },
      (error: unknown) =>
        ctx.logger.warn({ err: error }, 'ws: could not compare sockets with the store'),
    );
    if (!stopping) await core.refreshPresence();
  };
  const heartbeat = setInterval(() => {
    // A sweep still running when the next heartbeat is due (a very short heartbeat) is not doubled.
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((error: unknown) =>
        ctx.logger.warn({ err: error }, 'ws: heartbeat or presence refresh failed'),
      )
      .finally(() => {
        sweeping = false;
      });
  }, options.heartbeatMs);
  heartbeat.unref();

  server.on('upgrade', onUpgrade);

  return {
    core,
    ready,
    async close() {
      stopping = true;
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const conn of [...core.hub.connections]) conn.close(1001, 'server stopping');
      await ready.catch(() => undefined);
      await stopRelay?.().catch(() => undefined);
      // Sockets that do not finish the closing handshake promptly are cut off. The timer stays
      // referenced: during shutdown it may be the only thing keeping the process alive.
      await new Promise((r) => setTimeout(r, 50));
      for (const conn of [...core.hub.connections]) conn.socket.terminate();
      wss.close();
    },
  };
}

/** The gateway as an `Attach` hook for startServer. */
export const gatewayAttachment =
  (setup: GatewaySetup = {}) =>
  (server: Server, ctx: AppContext): Gateway =>
    attachGateway(server, ctx, setup);
