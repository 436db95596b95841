/**
 * Notices when Mutual is closed (Web Push), opt-in per device. A push carries nothing: not what was written,
 * not who wrote it, not where (IPS.md: no surveillance; the push service learns only that a device has
 * something new). It goes out only when a message has stayed unread for a while (someone reading in an open
 * tab gets none), never during the person's own quiet hours in that conversation (one still unread when they
 * end goes out then), and never for a message they do not see (their own, or from someone they blocked: both
 * are left out of unread counts).
 */
import { invalidField } from './errors.ts';
import type { Later, Runtime, Store } from './ports.ts';
import type { PushRepo, PushSender } from './push.ports.ts';
import { msUntilQuietEnds } from './quiet-hours.ts';

export interface PushDeps extends Pick<Runtime, 'clock'> {
  store: Store;
  push: PushRepo;
  /** Undefined when this installation sends no pushes (PUSH_SERVICES=none). */
  sender: PushSender | undefined;
  /** Where endpoints may point: origins like https://fcm.googleapis.com, or https://*.push.apple.com. */
  allowedServices: readonly string[];
  /** How long a message stays unread before its push goes out. */
  delayMs: number;
  /** A session unused this long has ended (the account service's rule): its device gets nothing. */
  sessionIdleMs: number;
  /**
   * After a push, the same conversation brings the same person no other for this long. The store keeps when
   * each push went out, so the spell holds across nodes and restarts.
   */
  quietAfterPushMs: number;
  /** The timers the checks wait on (compose gives real ones; tests run them by hand). */
  later: Later;
  /** Told of each push service that failed (never an endpoint or a person: logs carry neither). */
  onFailure?: (service: string) => void;
  /** Told when a check itself failed (the store could not be read, say). */
  onError?: (error: unknown) => void;
}

/** How long a push service may hold a push for a device that is off. */
export const PUSH_TTL_SECONDS = 12 * 60 * 60;
/**
 * How far back a node that starts looks for checks it may have dropped: a day, since the longest quiet hours
 * end within one, and a check that waited for them must not be lost to a restart.
 */
const RESUME_WINDOW_MS = 24 * 60 * 60 * 1000;
/** One topic for every push: an undelivered push is replaced by the next, so a device gets one, not many. */
export const PUSH_TOPIC = 'mutual-new';

/** One entry of PUSH_SERVICES: `https://host`, `https://*.host` (any subdomain), optionally with a port. */
export function parsePushService(
  entry: string,
): { scheme: string; wildcard: boolean; host: string; port: string } | undefined {
  const m = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(?::(\d+))?\/?$/i.exec(entry);
  return m
    ? { scheme: m[1]!, wildcard: !!m[2], host: m[3]!.toLowerCase(), port: m[4] ?? '' }
    : undefined;
}

/** True when `endpoint` is an address on one of the allowed push services. */
export function isAllowedEndpoint(endpoint: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const hostname = url.hostname.toLowerCase();
  return allowed.some((entry) => {
    const service = parsePushService(entry);
    if (!service || url.protocol !== `${service.scheme}:` || url.port !== service.port)
      return false;
    return service.wildcard ? hostname.endsWith(`.${service.host}`) : hostname === service.host;
  });
}

export class PushService {
  /** The one check waiting per conversation: when it is due (ms since the epoch), and how to cancel it. */
  private readonly pending = new Map<string, { due: number; cancel: () => void }>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly deps: PushDeps) {}

  get enabled(): boolean {
    return this.deps.sender !== undefined;
  }

  /** Whether pushes go out here, the key to subscribe with, and whether this session has subscribed. */
  async status(
    sessionId: string,
  ): Promise<{ enabled: boolean; publicKey: string | null; subscribed: boolean }> {
    const { sender, push } = this.deps;
    return {
      enabled: this.enabled,
      publicKey: sender?.publicKey ?? null,
      subscribed: sender ? await push.hasForSession(sessionId) : false,
    };
  }

  /** Keeps this device's endpoint for the person, tied to the session (signing out ends it). */
  async subscribe(session: { id: string; userId: string }, endpoint: string): Promise<void> {
    if (!this.enabled)
      throw invalidField('endpoint', 'This Mutual sends no notices to closed browsers.');
    if (!isAllowedEndpoint(endpoint, this.deps.allowedServices))
      throw invalidField(
        'endpoint',
        'Mutual sends notices only through the notice services browsers use; this endpoint is not one of them.',
      );
    await this.deps.push.save({
      endpoint,
      userId: session.userId,
      sessionId: session.id,
      createdAt: this.deps.clock.now(),
    });
  }

  /** Which of the person's sessions (devices) get notices when Mutual is closed. */
  async sessionsWithNotices(userId: string): Promise<Set<string>> {
    return this.enabled ? this.deps.push.sessionsWithEndpoints(userId) : new Set();
  }

  /** Forgets this device's endpoint; true when there was one. */
  async unsubscribe(sessionId: string): Promise<boolean> {
    return (await this.deps.push.removeForSession(sessionId)) > 0;
  }

  /**
   * A message reached `conversationId` (on this node: each post is seen here once, however many nodes share
   * the bus). Costs the message path nothing but a timer: one check per conversation after the delay, which
   * covers every message that arrived meanwhile.
   */
  messagePosted(conversationId: string): void {
    this.schedule(conversationId, this.deps.delayMs);
  }

  /**
   * Run once when the node starts. A check waits in this node's memory, so a node that stopped (a restart, a
   * crash) dropped the checks it had not yet run. This schedules a check, due when its message's would have
   * been (at once if that time has passed), for every conversation with a message in the last RESUME_WINDOW_MS
   * that a member with an endpoint got no push for since. Each check still pushes only what is unread. Returns
   * how many conversations it scheduled.
   */
  async resume(): Promise<number> {
    if (!this.enabled || this.closed) return 0;
    const now = this.deps.clock.now().getTime();
    const unpushed = await this.deps.push.unpushedSince(new Date(now - RESUME_WINDOW_MS));
    for (const { conversationId, lastActivityAt } of unpushed)
      this.schedule(
        conversationId,
        Math.max(0, lastActivityAt.getTime() + this.deps.delayMs - now),
      );
    return unpushed.length;
  }

  /**
   * One check of the conversation after `ms`. A conversation has at most one waiting: the earliest due (a
   * check covers every member, and sets the next one for whoever is still in quiet hours).
   */
  private schedule(conversationId: string, ms: number): void {
    if (!this.enabled || this.closed) return;
    const due = this.deps.clock.now().getTime() + ms;
    const waiting = this.pending.get(conversationId);
    if (waiting) {
      if (waiting.due <= due) return;
      waiting.cancel();
    }
    const cancel = this.deps.later(() => {
      this.pending.delete(conversationId);
      const run = this.check(conversationId).catch((e: unknown) => this.deps.onError?.(e));
      this.running.add(run);
      return run.finally(() => this.running.delete(run));
    }, ms);
    this.pending.set(conversationId, { due, cancel });
  }

  /**
   * Pushes to the devices of each member with one: if the conversation is still unread for them, they are
   * not in their quiet hours there, and it brought them no push during the last quiet spell nor since its
   * last message (the store decides that, once for every node). For someone in quiet hours with something
   * unread, the conversation is checked again when those hours end.
   */
  private async check(conversationId: string): Promise<void> {
    const { store, push, sender, clock } = this.deps;
    if (!sender || this.closed) return;
    const now = clock.now();
    const live = await push.liveEndpointsIn(
      conversationId,
      now,
      new Date(now.getTime() - this.deps.sessionIdleMs),
    );
    if (live.length === 0) return;
    const limits = await store.relationshipLimits.list(conversationId);
    const quietSince = new Date(now.getTime() - this.deps.quietAfterPushMs);
    for (const userId of new Set(live.map((l) => l.userId))) {
      const mine = limits.find((l) => l.userId === userId);
      const quietFor = mine && msUntilQuietEnds(mine, now);
      const [summary] = await store.conversations.listForUser(userId, { conversationId });
      if (!summary || summary.unread === 0) continue;
      if (quietFor !== undefined) {
        this.schedule(conversationId, quietFor);
        continue;
      }
      if (!(await push.claimPush(userId, conversationId, now, quietSince))) continue;
      for (const { endpoint } of live.filter((l) => l.userId === userId)) {
        const outcome = await sender.send(endpoint, {
          topic: PUSH_TOPIC,
          ttlSeconds: PUSH_TTL_SECONDS,
        });
        if (outcome === 'gone') await push.removeEndpoint(endpoint);
        else if (outcome === 'failed') this.deps.onFailure?.(new URL(endpoint).host);
      }
    }
  }

  /** Waits for checks already running (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Cancels every check not yet due and lets running ones finish. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { cancel } of this.pending.values()) cancel();
    this.pending.clear();
    await this.settled();
  }
}
