/** Connection invitations in SQL; responding is a conditional update, so each works exactly once. */
import type { Kysely, Selectable } from 'kysely';
import type { ConversationKind } from '../../core/conversation.model.ts';
import type {
  ConnectionInvitation,
  ConnectionInvitationRepo,
  ConnectionInvitationView,
  InvitationStatus,
} from '../../core/conversation.ports.ts';
import { toDate, toDateOrNull, ts, type ConnectionInvitationsTable, type Database } from './db.ts';

const toInvitation = (row: Selectable<ConnectionInvitationsTable>): ConnectionInvitation => ({
  id: row.id,
  orgId: row.org_id,
  kind: row.kind as ConversationKind,
  conversationId: row.conversation_id,
  createdBy: row.created_by,
  inviteeId: row.invitee_id,
  tokenHash: row.token_hash,
  status: row.status as InvitationStatus,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  respondedAt: toDateOrNull(row.responded_at),
  usedBy: row.used_by,
});

/** ConnectionInvitationRepo over Kysely. */
export class ConnectionInvitationStore implements ConnectionInvitationRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(i: ConnectionInvitation): Promise<void> {
    await this.db
      .insertInto('connection_invitations')
      .values({
        id: i.id,
        org_id: i.orgId,
        kind: i.kind,
        conversation_id: i.conversationId,
        created_by: i.createdBy,
        invitee_id: i.inviteeId,
        token_hash: i.tokenHash,
        status: i.status,
        created_at: ts(i.createdAt),
        expires_at: ts(i.expiresAt),
        responded_at: i.respondedAt && ts(i.respondedAt),
        used_by: i.usedBy,
      })
      .execute();
  }

  async findById(id: string): Promise<ConnectionInvitation | undefined> {
    const row = await this.db
      .selectFrom('connection_invitations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toInvitation(row);
  }

  async findByTokenHash(tokenHash: string): Promise<ConnectionInvitation | undefined> {
    const row = await this.db
      .selectFrom('connection_invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toInvitation(row);
  }

  async findPending(
    createdBy: string,
    inviteeId: string,
    conversationId: string | null,
    now: Date,
  ): Promise<ConnectionInvitation | undefined> {
    const row = await this.db
      .selectFrom('connection_invitations')
      .selectAll()
      .where('created_by', '=', createdBy)
      .where('invitee_id', '=', inviteeId)
      .where('conversation_id', conversationId === null ? 'is' : '=', conversationId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', ts(now))
      .executeTakeFirst();
    return row && toInvitation(row);
  }

  async respond(
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    at: Date,
    usedBy: string | null,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('connection_invitations')
      .set({ status, responded_at: ts(at), used_by: usedBy })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listReceived(userId: string, now: Date): Promise<ConnectionInvitationView[]> {
    return this.listViews(now, (q) =>
      q
        .where('i.invitee_id', '=', userId)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('blocks as b')
                .select('b.blocker_id')
                .where('b.blocker_id', '=', userId)
                .whereRef('b.blocked_id', '=', 'i.created_by'),
            ),
          ),
        ),
    );
  }

  async listSent(userId: string, now: Date): Promise<ConnectionInvitationView[]> {
    return this.listViews(now, (q) => q.where('i.created_by', '=', userId));
  }

  async closeRelationshipInvitations(a: string, b: string, at: Date): Promise<void> {
    await this.db
      .updateTable('connection_invitations')
      .set({ status: 'withdrawn', responded_at: ts(at) })
      .where('kind', '=', 'relationship')
      .where((eb) =>
        eb.or([
          eb.and([eb('created_by', '=', a), eb('invitee_id', '=', b)]),
          eb.and([eb('created_by', '=', b), eb('invitee_id', '=', a)]),
        ]),
      )
      .where('status', '=', 'pending')
      .execute();
  }

  private async listViews(
    now: Date,
    filter: (
      q: ReturnType<ConnectionInvitationStore['baseView']>,
    ) => ReturnType<ConnectionInvitationStore['baseView']>,
  ): Promise<ConnectionInvitationView[]> {
    const rows = await filter(this.baseView())
      .where('i.status', '=', 'pending')
      .where('i.expires_at', '>', ts(now))
      .orderBy('i.created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      ...toInvitation(r),
      createdByName: r.created_by_name,
      inviteeName: r.invitee_name,
      circleName: r.circle_name,
    }));
  }

  private baseView() {
    return this.db
      .selectFrom('connection_invitations as i')
      .innerJoin('users as cu', 'cu.id', 'i.created_by')
      .leftJoin('users as iu', 'iu.id', 'i.invitee_id')
      .leftJoin('conversations as c', 'c.id', 'i.conversation_id')
      .selectAll('i')
      .select([
        'cu.display_name as created_by_name',
        'iu.display_name as invitee_name',
        'c.name as circle_name',
      ]);
  }
}
