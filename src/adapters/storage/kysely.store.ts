/** The Store: every repository over one Kysely connection or transaction, one code path for both dialects. */
import type { GroupCommitter } from './group-commit.ts';
import type { Kysely } from 'kysely';
import type { Store } from '../../core/ports.ts';
import { BlockStore } from './block.store.ts';
import { ConnectionInvitationStore } from './connection-invitation.store.ts';
import { ConversationMemberStore } from './conversation-member.store.ts';
import { ConversationStore } from './conversation.store.ts';
import type { Database } from './db.ts';
import { InvitationStore } from './invitation.store.ts';
import { MembershipStore } from './membership.store.ts';
import { MessageStore } from './message.store.ts';
import { OrganizationStore } from './organization.store.ts';
import { RelationshipLimitStore } from './relationship-limit.store.ts';
import { SessionStore } from './session.store.ts';
import { UserStore } from './user.store.ts';

/**
 * Store over Kysely. Inside a transaction, `transaction` reuses it rather than nesting. On SQLite,
 * transactions go through a GroupCommitter so that a burst shares one commit (one fsync).
 */
export class KyselyStore implements Store {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly organizations: OrganizationStore;
  readonly memberships: MembershipStore;
  readonly invitations: InvitationStore;
  readonly conversations: ConversationStore;
  readonly conversationMembers: ConversationMemberStore;
  readonly messages: MessageStore;
  readonly blocks: BlockStore;
  readonly connectionInvitations: ConnectionInvitationStore;
  readonly relationshipLimits: RelationshipLimitStore;

  constructor(
    readonly db: Kysely<Database>,
    /** SQLite only: shares commits between transactions that arrive together (group-commit.ts). */
    private readonly committer?: GroupCommitter,
    /** Inside a transaction; the group committer's connection is not a Kysely transaction, so it says. */
    private readonly inTransaction = db.isTransaction,
  ) {
    this.users = new UserStore(db);
    this.sessions = new SessionStore(db);
    this.organizations = new OrganizationStore(db);
    this.memberships = new MembershipStore(db);
    this.invitations = new InvitationStore(db);
    this.conversations = new ConversationStore(db);
    this.conversationMembers = new ConversationMemberStore(db);
    this.messages = new MessageStore(db);
    this.blocks = new BlockStore(db);
    this.connectionInvitations = new ConnectionInvitationStore(db);
    this.relationshipLimits = new RelationshipLimitStore(db);
  }

  /**
   * Runs `work` in a transaction on this store's connection, for stores of other tables that share it
   * (four-tasks.store.ts): on SQLite through the group committer, like every other write.
   */
  transactionOn<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.committer) return this.committer.run(work);
    return this.db.transaction().execute(work);
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.transactionOn((trx) => work(new KyselyStore(trx, undefined, true)));
  }
}
