/** Organization invitations in SQL; using one is a conditional update, so a link works exactly once. */
import type { Kysely, Selectable } from 'kysely';
import type { Invitation } from '../../core/model.ts';
import type { InvitationRepo } from '../../core/ports.ts';
import { toDate, toDateOrNull, ts, type Database, type InvitationsTable } from './db.ts';

const toInvitation = (row: Selectable<InvitationsTable>): Invitation => ({
  id: row.id,
  orgId: row.org_id,
  tokenHash: row.token_hash,
  createdBy: row.created_by,
  asAdmin: Number(row.as_admin) === 1,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  usedAt: toDateOrNull(row.used_at),
  usedBy: row.used_by,
  revokedAt: toDateOrNull(row.revoked_at),
});

/** InvitationRepo over Kysely. */
export class InvitationStore implements InvitationRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(i: Invitation): Promise<void> {
    await this.db
      .insertInto('invitations')
      .values({
        id: i.id,
        org_id: i.orgId,
        token_hash: i.tokenHash,
        created_by: i.createdBy,
        as_admin: i.asAdmin ? 1 : 0,
        created_at: ts(i.createdAt),
        expires_at: ts(i.expiresAt),
        used_at: i.usedAt && ts(i.usedAt),
        used_by: i.usedBy,
        revoked_at: i.revokedAt && ts(i.revokedAt),
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | undefined> {
    const row = await this.db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toInvitation(row);
  }

  async findById(id: string): Promise<Invitation | undefined> {
    const row = await this.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toInvitation(row);
  }

  async markUsed(id: string, userId: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ used_at: ts(at), used_by: userId })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('invitations')
      .set({ revoked_at: ts(at) })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async listOpen(orgId: string, now: Date): Promise<Invitation[]> {
    const rows = await this.db
      .selectFrom('invitations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', ts(now))
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toInvitation);
  }
}
