/** Sessions in SQL, found by token hash. */
import type { Kysely, Selectable } from 'kysely';
import type { Session } from '../../core/model.ts';
import type { SessionRepo } from '../../core/ports.ts';
import { toDate, toDateOrNull, ts, type Database, type SessionsTable } from './db.ts';

const toSession = (row: Selectable<SessionsTable>): Session => ({
  id: row.id,
  userId: row.user_id,
  tokenHash: row.token_hash,
  createdAt: toDate(row.created_at),
  lastSeenAt: toDate(row.last_seen_at),
  expiresAt: toDate(row.expires_at),
  userAgent: row.user_agent,
  revokedAt: toDateOrNull(row.revoked_at),
});

/**
 * Ids per statement when many sessions are marked used at once: well inside both databases' limits, and
 * short enough (about a millisecond on SQLite) not to hold up messages.
 */
const TOUCH_CHUNK = 100;

/** SessionRepo over Kysely. */
export class SessionStore implements SessionRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: Session): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        token_hash: s.tokenHash,
        created_at: ts(s.createdAt),
        last_seen_at: ts(s.lastSeenAt),
        expires_at: ts(s.expiresAt),
        user_agent: s.userAgent,
        revoked_at: s.revokedAt && ts(s.revokedAt),
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toSession(row);
  }

  async findById(id: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toSession(row);
  }

  async touch(ids: readonly string[], at: Date): Promise<void> {
    const when = ts(at);
    for (let i = 0; i < ids.length; i += TOUCH_CHUNK) {
      // Other work (messages) runs between chunks: a node that just took 10,000 sockets writes their
      // uses in many short steps, not one long one.
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      // Timestamps are stored in one fixed-width ISO form, so comparing them as text compares the times.
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: when })
        .where('id', 'in', ids.slice(i, i + TOUCH_CHUNK))
        .where('last_seen_at', '<', when)
        .execute();
    }
  }

  async revoke(userId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('sessions')
      .set({ revoked_at: ts(at) })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async revokeAll(userId: string, at: Date, exceptId?: string): Promise<string[]> {
    let query = this.db
      .updateTable('sessions')
      .set({ revoked_at: ts(at) })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptId) query = query.where('id', '!=', exceptId);
    const rows = await query.returning('id').execute();
    return rows.map((r) => r.id);
  }

  async listLive(userId: string, now: Date): Promise<Session[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', ts(now))
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toSession);
  }
}
