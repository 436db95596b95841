/** Per-person limits in each conversation, in SQL. */
import type { Kysely } from 'kysely';
import type { RelationshipLimitRepo, RelationshipLimits } from '../../core/conversation.ports.ts';
import { toDate, ts, type Database } from './db.ts';

/** RelationshipLimitRepo over Kysely. */
export class RelationshipLimitStore implements RelationshipLimitRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(l: RelationshipLimits): Promise<void> {
    const values = {
      quiet_start: l.quietStart,
      quiet_end: l.quietEnd,
      time_zone: l.timeZone,
      note: l.note,
      updated_at: ts(l.updatedAt),
    };
    await this.db
      .insertInto('relationship_limits')
      .values({ conversation_id: l.conversationId, user_id: l.userId, ...values })
      .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doUpdateSet(values))
      .execute();
  }

  async list(conversationId: string): Promise<RelationshipLimits[]> {
    const rows = await this.db
      .selectFrom('relationship_limits')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .execute();
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      userId: r.user_id,
      quietStart: r.quiet_start,
      quietEnd: r.quiet_end,
      timeZone: r.time_zone,
      note: r.note,
      updatedAt: toDate(r.updated_at),
    }));
  }
}
