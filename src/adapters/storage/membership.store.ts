/** Memberships in SQL. */
import type { Kysely } from 'kysely';
import type { MemberView, Membership } from '../../core/model.ts';
import type { MembershipRepo } from '../../core/ports.ts';
import { toDate, ts, type Database } from './db.ts';

/** MembershipRepo over Kysely. */
export class MembershipStore implements MembershipRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(m: Membership): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({
        org_id: m.orgId,
        user_id: m.userId,
        is_admin: m.isAdmin ? 1 : 0,
        joined_at: ts(m.joinedAt),
      })
      .execute();
  }

  async find(orgId: string, userId: string): Promise<Membership | undefined> {
    const row = await this.db
      .selectFrom('memberships')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return (
      row && {
        orgId: row.org_id,
        userId: row.user_id,
        isAdmin: Number(row.is_admin) === 1,
        joinedAt: toDate(row.joined_at),
      }
    );
  }

  async list(orgId: string): Promise<MemberView[]> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.is_admin', 'm.joined_at', 'u.display_name', 'u.pronouns'])
      .where('m.org_id', '=', orgId)
      .orderBy('u.display_name')
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      pronouns: r.pronouns,
      isAdmin: Number(r.is_admin) === 1,
      joinedAt: toDate(r.joined_at),
    }));
  }

  async setAdmin(orgId: string, userId: string, isAdmin: boolean): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ is_admin: isAdmin ? 1 : 0 })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
  }

  async remove(orgId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('memberships')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
  }

  async countAdmins(orgId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .where('is_admin', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
