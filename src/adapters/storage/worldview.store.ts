/** Worldview pages and their per-conversation readers in SQL. */
import type { Kysely } from 'kysely';
import type { WorldviewGrant, WorldviewPage } from '../../core/four-tasks.model.ts';
import type { WorldviewRepo } from '../../core/four-tasks.ports.ts';
import { toDate, ts } from './db.ts';
import type { FourTasksDatabase } from './four-tasks.db.ts';

const toGrant = (r: {
  user_id: string;
  conversation_id: string;
  granted_at: string;
}): WorldviewGrant => ({
  userId: r.user_id,
  conversationId: r.conversation_id,
  grantedAt: toDate(r.granted_at),
});

/** WorldviewRepo over Kysely. */
export class WorldviewStore implements WorldviewRepo {
  constructor(private readonly db: Kysely<FourTasksDatabase>) {}

  async find(userId: string): Promise<WorldviewPage | undefined> {
    const row = await this.db
      .selectFrom('worldview_pages')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return (
      row && {
        userId: row.user_id,
        body: row.body,
        answers: JSON.parse(row.answers) as Record<string, string>,
        updatedAt: toDate(row.updated_at),
      }
    );
  }

  async upsert(page: WorldviewPage): Promise<void> {
    const values = {
      body: page.body,
      answers: JSON.stringify(page.answers),
      updated_at: ts(page.updatedAt),
    };
    await this.db
      .insertInto('worldview_pages')
      .values({ user_id: page.userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
  }

  async listGrants(userId: string): Promise<WorldviewGrant[]> {
    const rows = await this.db
      .selectFrom('worldview_grants')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('granted_at')
      .execute();
    return rows.map(toGrant);
  }

  async findGrant(userId: string, conversationId: string): Promise<WorldviewGrant | undefined> {
    const row = await this.db
      .selectFrom('worldview_grants')
      .selectAll()
      .where('user_id', '=', userId)
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row && toGrant(row);
  }

  async listGrantsInto(conversationId: string): Promise<WorldviewGrant[]> {
    const rows = await this.db
      .selectFrom('worldview_grants')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('granted_at')
      .execute();
    return rows.map(toGrant);
  }

  async grant(g: WorldviewGrant): Promise<void> {
    await this.db
      .insertInto('worldview_grants')
      .values({ user_id: g.userId, conversation_id: g.conversationId, granted_at: ts(g.grantedAt) })
      .onConflict((oc) => oc.columns(['user_id', 'conversation_id']).doNothing())
      .execute();
  }

  async revoke(userId: string, conversationId: string): Promise<void> {
    await this.db
      .deleteFrom('worldview_grants')
      .where('user_id', '=', userId)
      .where('conversation_id', '=', conversationId)
      .execute();
  }
}
