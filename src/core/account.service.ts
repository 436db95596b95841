/** Accounts and sessions: sign up, sign in, sign out, authenticate a token, list and revoke sessions. */
import { addMs } from '../lib/clock.ts';
import { DomainError, conflict, notFound } from './errors.ts';
import type { EventPublisher } from './events.ts';
import type { Session, User } from './model.ts';
import { checkPassword } from './password-policy.ts';
import type { CommonPasswords, PasswordHasher, Runtime, Store, TokenService } from './ports.ts';
import type { SessionUses } from './session-uses.ts';

/** How long sessions live. */
export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  maxMs: number;
}

export interface AccountDeps extends Runtime {
  store: Store;
  hasher: PasswordHasher;
  tokens: TokenService;
  common: CommonPasswords;
  events: EventPublisher;
  sessions: SessionPolicy;
  /** Where use of a session is noted; written to the store in batches. */
  uses: SessionUses;
}

/** Where a sign-in comes from, kept so people can recognise their sessions. */
export interface ClientMeta {
  userAgent?: string | null | undefined;
}

/** A fresh session: the raw token goes to the cookie and is never stored. */
export interface IssuedSession {
  user: User;
  session: Session;
  token: string;
}

/** Sessions are touched at most this often, so reading pages does not write on every request. */
export const TOUCH_EVERY_MS = 60_000;

/** The same message for an unknown account and a wrong password, so neither can be told apart. */
export const SIGN_IN_FAILED = "That sign-in name and password don't match an account.";

/** Lower-cases and trims a login so "Sam@Example.org " and "sam@example.org" are one account. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export class AccountService {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly deps: AccountDeps) {}

  /** Creates an account and signs it in. */
  async signUp(
    input: { displayName: string; login: string; password: string },
    meta: ClientMeta = {},
  ): Promise<IssuedSession> {
    const { store, hasher, common, clock, newId } = this.deps;
    checkPassword(input.password, common);
    const login = normalizeLogin(input.login);
    if (await store.users.findByLogin(login)) {
      throw conflict('That sign-in name is already in use. Try signing in, or choose another.', {
        login: 'Already in use.',
      });
    }
    const user: User = {
      id: newId(),
      login,
      displayName: input.displayName.trim(),
      pronouns: null,
      passwordHash: await hasher.hash(input.password),
      presenceHidden: false,
      createdAt: clock.now(),
    };
    return store.transaction(async (tx) => {
      // A concurrent sign-up with the same login loses on the unique index; say so plainly.
      if (await tx.users.findByLogin(login)) {
        throw conflict('That sign-in name is already in use.', { login: 'Already in use.' });
      }
      await tx.users.insert(user);
      return this.issue(tx, user, meta);
    });
  }

  /** Checks a password and starts a new session; ends `previousToken`'s session (rotation). */
  async signIn(
    input: { login: string; password: string },
    meta: ClientMeta = {},
    previousToken?: string,
  ): Promise<IssuedSession> {
    const { store, hasher } = this.deps;
    const user = await store.users.findByLogin(normalizeLogin(input.login));
    // Unknown accounts still pay for one hash check, so timing does not reveal which logins exist.
    const ok = user
      ? await hasher.verify(user.passwordHash, input.password)
      : await hasher.verify(await this.getDummyHash(), input.password).then(() => false);
    if (!user || !ok) throw new DomainError('unauthorized', SIGN_IN_FAILED);
    if (previousToken) await this.signOut(previousToken);
    return this.issue(store, user, meta);
  }

  /** Ends the session behind `token`, if any. */
  async signOut(token: string): Promise<void> {
    const { store, tokens, clock, events } = this.deps;
    const session = await store.sessions.findByTokenHash(tokens.hash(token));
    if (!session || session.revokedAt) return;
    await store.sessions.revoke(session.userId, session.id, clock.now());
    await events.publish('session.revoked', { userId: session.userId, sessionIds: [session.id] });
  }

  /** Resolves a token to its live session and user, or undefined when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<{ user: User; session: Session } | undefined> {
    const { store, tokens, clock } = this.deps;
    const session = this.withUse(await store.sessions.findByTokenHash(tokens.hash(token)));
    if (!session || !this.isLive(session, clock.now())) return undefined;
    const user = await store.users.findById(session.userId);
    if (!user) return undefined;
    this.use(session, clock.now());
    return { user, session };
  }

  /** The person's live sessions, newest first. */
  async listSessions(userId: string): Promise<Session[]> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const live = await store.sessions.listLive(userId, now);
    return live.map((s) => this.withUse(s)).filter((s) => this.isLive(s, now));
  }

  /** Ends one of the person's own sessions; someone else's looks like it does not exist. */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    const { store, clock, events } = this.deps;
    const revoked = await store.sessions.revoke(userId, sessionId, clock.now());
    if (!revoked) throw notFound('session');
    await events.publish('session.revoked', { userId, sessionIds: [sessionId] });
  }

  /** Ends all of the person's sessions, optionally keeping the current one. */
  async revokeAllSessions(userId: string, exceptSessionId?: string): Promise<number> {
    const { store, clock, events } = this.deps;
    const ids = await store.sessions.revokeAll(userId, clock.now(), exceptSessionId);
    if (ids.length > 0) await events.publish('session.revoked', { userId, sessionIds: ids });
    return ids.length;
  }

  /** Changes how the person appears to others: name, pronouns, and whether they show as online. */
  async updateProfile(
    userId: string,
    patch: { displayName?: string; pronouns?: string | null; presenceHidden?: boolean },
  ): Promise<User> {
    const { store, events } = this.deps;
    const clean: { displayName?: string; pronouns?: string | null; presenceHidden?: boolean } = {};
    if (patch.displayName !== undefined) clean.displayName = patch.displayName.trim();
    if (patch.pronouns !== undefined) clean.pronouns = patch.pronouns?.trim() || null;
    if (patch.presenceHidden !== undefined) clean.presenceHidden = patch.presenceHidden;
    const before = await store.users.findById(userId);
    if (!before) throw notFound('account');
    await store.users.update(userId, clean);
    const user: User = { ...before, ...clean };
    // Every open socket of the person, on every node, shows or hides them at once.
    if (user.presenceHidden !== before.presenceHidden)
      await events.publish('presence.changed', { userId, hidden: user.presenceHidden });
    return user;
  }

  /** Sets a new password (checked against the password rule) and ends every session of the person. */
  async setPassword(userId: string, password: string): Promise<void> {
    const { store, hasher, common } = this.deps;
    checkPassword(password, common);
    await store.users.update(userId, { passwordHash: await hasher.hash(password) });
    await this.revokeAllSessions(userId);
  }

  /**
   * The session by id while it is live, for a socket that outlives requests: with `touch`, it counts as use
   * (at most once a minute, as a request does). Undefined once it was revoked, went idle or reached its end.
   */
  async liveSession(sessionId: string, touch: boolean): Promise<Session | undefined> {
    const { store, clock } = this.deps;
    const session = this.withUse(await store.sessions.findById(sessionId));
    const now = clock.now();
    if (!session || !this.isLive(session, now)) return undefined;
    if (touch) this.use(session, now);
    return session;
  }

  /** Writes the uses of sessions not yet stored, and takes no more (when the app closes). */
  async close(): Promise<void> {
    await this.deps.uses.close();
  }

  /** The session with its latest use, including one noted here and not yet written to the store. */
  private withUse<S extends Session | undefined>(session: S): S {
    const seen = session && this.deps.uses.seen(session.id);
    if (session && seen && seen > session.lastSeenAt) session.lastSeenAt = seen;
    return session;
  }

  /** Counts `now` as use of the session, at most once a minute. */
  private use(session: Session, now: Date): void {
    if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
    this.deps.uses.note(session.id, now);
    session.lastSeenAt = now;
  }

  /** When the session ends unless it is used again: after its idle time, or at its absolute end. */
  endsAt(session: Session): number {
    return Math.min(
      session.expiresAt.getTime(),
      session.lastSeenAt.getTime() + this.deps.sessions.idleMs,
    );
  }

  /** True when the session is neither revoked, idle too long, nor past its absolute end. */
  isLive(session: Session, now: Date): boolean {
    if (session.revokedAt) return false;
    if (now.getTime() >= session.expiresAt.getTime()) return false;
    return now.getTime() - session.lastSeenAt.getTime() < this.deps.sessions.idleMs;
  }

  private async issue(store: Store, user: User, meta: ClientMeta): Promise<IssuedSession> {
    const { tokens, clock, newId, sessions } = this.deps;
    const token = tokens.newToken();
    const now = clock.now();
    const session: Session = {
      id: newId(),
      userId: user.id,
      tokenHash: tokens.hash(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: addMs(now, sessions.maxMs),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      revokedAt: null,
    };
    await store.sessions.insert(session);
    return { user, session, token };
  }

  /**
   * Prepares the stand-in hash used for unknown accounts, so even the first failed sign-in after start
   * takes as long as any other. Safe to call without awaiting.
   */
  warmUp(): Promise<void> {
    return this.getDummyHash().then(() => undefined);
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash(this.deps.tokens.newToken());
    return this.dummyHash;
  }
}
