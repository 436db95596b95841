/** The interfaces the domain needs from the outside world; adapters implement them, app/compose wires them. */
import type { Clock } from '../lib/clock.ts';
import type { IdGenerator } from '../lib/ids.ts';
import type {
  BlockRepo,
  ConnectionInvitationRepo,
  ConversationMemberRepo,
  ConversationRepo,
  MessageRepo,
  RelationshipLimitRepo,
} from './conversation.ports.ts';
import type { Invitation, MemberView, Membership, Organization, Session, User } from './model.ts';

/** People's accounts. */
export interface UserRepo {
  insert(user: User): Promise<void>;
  findById(id: string): Promise<User | undefined>;
  findByLogin(login: string): Promise<User | undefined>;
  update(
    id: string,
    patch: Partial<Pick<User, 'displayName' | 'pronouns' | 'passwordHash' | 'presenceHidden'>>,
  ): Promise<void>;
  /**
   * Locks both people's rows until the transaction ends, in id order (PostgreSQL; SQLite transactions are
   * serial): a block and an acceptance between the same two people run one after the other.
   */
  lockPair(a: string, b: string): Promise<void>;
}

/** Signed-in sessions, looked up by the hash of their token. */
export interface SessionRepo {
  insert(session: Session): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<Session | undefined>;
  findById(id: string): Promise<Session | undefined>;
  /**
   * Marks the sessions used at `at`, a hundred per statement, letting other work run between them (so not
   * for use inside a transaction); a session whose last use is later keeps it.
   */
  touch(ids: readonly string[], at: Date): Promise<void>;
  /** Revokes one session; resolves false when it was not the user's or already revoked. */
  revoke(userId: string, id: string, at: Date): Promise<boolean>;
  /** Revokes every live session of the user except `exceptId`; returns the ids revoked. */
  revokeAll(userId: string, at: Date, exceptId?: string): Promise<string[]>;
  listLive(userId: string, now: Date): Promise<Session[]>;
}

/** Organizations, with their settings. */
export interface OrganizationRepo {
  insert(org: Organization): Promise<void>;
  findById(id: string): Promise<Organization | undefined>;
  findBySlug(slug: string): Promise<Organization | undefined>;
  update(
    id: string,
    patch: Partial<Pick<Organization, 'name' | 'outsideServicesStatement' | 'resources'>>,
  ): Promise<void>;
  /** The organizations a person belongs to, with whether they are admin there. */
  listForUser(userId: string): Promise<Array<Organization & { isAdmin: boolean }>>;
  /** Every organization, by name: only for what each one offers to anyone (its support resources). */
  listAll(): Promise<Organization[]>;
  /** True when any organization anywhere has an admin: first-run setup is then closed. */
  anyAdminExists(): Promise<boolean>;
}

/** Who belongs to which organization. */
export interface MembershipRepo {
  insert(membership: Membership): Promise<void>;
  find(orgId: string, userId: string): Promise<Membership | undefined>;
  list(orgId: string): Promise<MemberView[]>;
  setAdmin(orgId: string, userId: string, isAdmin: boolean): Promise<void>;
  remove(orgId: string, userId: string): Promise<void>;
  countAdmins(orgId: string): Promise<number>;
}

/** Organization invitations. */
export interface InvitationRepo {
  insert(invitation: Invitation): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<Invitation | undefined>;
  findById(id: string): Promise<Invitation | undefined>;
  /** Marks it used only if it is still unused and unrevoked; false means someone got there first. */
  markUsed(id: string, userId: string, at: Date): Promise<boolean>;
  revoke(id: string, at: Date): Promise<void>;
  listOpen(orgId: string, now: Date): Promise<Invitation[]>;
}

/** All repositories over one connection or transaction. */
export interface Store {
  users: UserRepo;
  sessions: SessionRepo;
  organizations: OrganizationRepo;
  memberships: MembershipRepo;
  invitations: InvitationRepo;
  conversations: ConversationRepo;
  conversationMembers: ConversationMemberRepo;
  messages: MessageRepo;
  blocks: BlockRepo;
  connectionInvitations: ConnectionInvitationRepo;
  relationshipLimits: RelationshipLimitRepo;
  /** Runs `work` in one transaction: all of its writes commit together or not at all. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

/** Hashes and checks passwords (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Makes unguessable tokens and their one-way hashes. */
export interface TokenService {
  /** A new random token (at least 256 bits), safe for URLs and cookies. */
  newToken(): string;
  /** The value stored in place of the token. */
  hash(token: string): string;
}

/** Says whether a password is among the most commonly used ones. */
export interface CommonPasswords {
  isCommon(password: string): boolean;
}

/** What every service may depend on besides its stores. */
/** Runs `work` after `ms`; the returned function cancels it. */
export type Later = (work: () => Promise<void>, ms: number) => () => void;

export interface Runtime {
  clock: Clock;
  newId: IdGenerator;
}

/** A handler for one channel's messages. */
export type BusHandler = (message: unknown) => void;

/**
 * Fan-out between the processes of one installation. It carries hints and ephemeral events only:
 * the store is the truth, so a lost message is repaired by reading the store.
 */
export interface Bus {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; the returned function ends it. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Hit counts in fixed time windows that every node of an installation shares (Redis), so that a person's
 * limits hold however many nodes their requests reach. On one node there is none: its own limits are exact.
 */
export interface SharedCounter {
  /**
   * Counts one hit for `key` in the window of `windowMs` that holds `nowMs`; resolves to the window's count,
   * or undefined when the counter cannot be reached in time (the node's own limit still holds then).
   */
  hit(key: string, windowMs: number, nowMs: number): Promise<number | undefined>;
}
