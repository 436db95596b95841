/** Push endpoints and the installation's own keys, in SQL. */
import type { Kysely } from 'kysely';
import type { PushRepo, PushSubscriptionRecord } from '../../core/push.ports.ts';
import { toDate, ts, type Database } from './db.ts';

/** PushRepo over Kysely. */
export class PushStore implements PushRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async save(s: PushSubscriptionRecord): Promise<void> {
    // One endpoint per session: a browser has one subscription per site, so a new one replaces the old.
    await this.db
      .deleteFrom('push_subscriptions')
      .where('session_id', '=', s.sessionId)
      .where('endpoint', '!=', s.endpoint)
      .execute();
    await this.db
      .insertInto('push_subscriptions')
      .values({
        endpoint: s.endpoint,
        user_id: s.userId,
        session_id: s.sessionId,
        created_at: ts(s.createdAt),
      })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          user_id: s.userId,
          session_id: s.sessionId,
          created_at: ts(s.createdAt),
        }),
      )
      .execute();
  }

  async removeForSession(sessionId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('push_subscriptions')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async removeEndpoint(endpoint: string): Promise<void> {
    await this.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).execute();
  }

  async hasForSession(sessionId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async sessionsWithEndpoints(userId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('push_subscriptions')
      .select('session_id')
      .where('user_id', '=', userId)
      .execute();
    return new Set(rows.map((r) => r.session_id));
  }

  async liveEndpointsIn(
    conversationId: string,
    now: Date,
    seenSince: Date,
  ): Promise<Array<{ userId: string; endpoint: string }>> {
    const rows = await this.db
      .selectFrom('conversation_members as m')
      .innerJoin('push_subscriptions as p', 'p.user_id', 'm.user_id')
      .innerJoin('sessions as s', 's.id', 'p.session_id')
      .select(['p.user_id', 'p.endpoint'])
      .where('m.conversation_id', '=', conversationId)
      .where('m.left_at', 'is', null)
      .whereRef('s.user_id', '=', 'p.user_id')
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', ts(now))
      .where('s.last_seen_at', '>', ts(seenSince))
      .orderBy('p.user_id')
      .orderBy('p.endpoint')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, endpoint: r.endpoint }));
  }

  async unpushedSince(
    since: Date,
  ): Promise<Array<{ conversationId: string; lastActivityAt: Date }>> {
    const rows = await this.db
      .selectFrom('conversations as c')
      .innerJoin('conversation_members as m', 'm.conversation_id', 'c.id')
      .innerJoin('push_subscriptions as p', 'p.user_id', 'm.user_id')
      .leftJoin('push_notices as n', (join) =>
        join.onRef('n.conversation_id', '=', 'c.id').onRef('n.user_id', '=', 'm.user_id'),
      )
      .select(['c.id', 'c.last_activity_at'])
      .distinct()
      .where('m.left_at', 'is', null)
      .whereRef('m.last_read_seq', '<', 'c.last_seq')
      .where('c.last_activity_at', '>=', ts(since))
      .where((eb) =>
        eb.or([
          eb('n.pushed_at', 'is', null),
          eb('n.pushed_at', '<', eb.ref('c.last_activity_at')),
        ]),
      )
      .orderBy('c.id')
      .execute();
    return rows.flatMap((r) =>
      r.last_activity_at === null
        ? []
        : [{ conversationId: r.id, lastActivityAt: toDate(r.last_activity_at) }],
    );
  }

  async claimPush(
    userId: string,
    conversationId: string,
    at: Date,
    quietSince: Date,
  ): Promise<boolean> {
    const result = await this.db
      .insertInto('push_notices')
      .values({ user_id: userId, conversation_id: conversationId, pushed_at: ts(at) })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'conversation_id'])
          .doUpdateSet({ pushed_at: ts(at) })
          .where('push_notices.pushed_at', '<=', ts(quietSince))
          .where((eb) =>
            eb(
              'push_notices.pushed_at',
              '<',
              eb
                .selectFrom('conversations')
                .select('last_activity_at')
                .where('conversations.id', '=', conversationId),
            ),
          ),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async serverKey(name: string, make: () => string, at: Date): Promise<string> {
    const existing = await this.read(name);
    if (existing !== undefined) return existing;
    await this.db
      .insertInto('server_keys')
      .values({ name, value: make(), created_at: ts(at) })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const stored = await this.read(name);
    if (stored === undefined) throw new Error(`the server key ${name} could not be stored`);
    return stored;
  }

  private async read(name: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('server_keys')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.value;
  }
}
