/** Conversations in SQL: the rows, the per-conversation sequence counter, and each person's list with unread counts. */
import type { Kysely, Selectable } from 'kysely';
import type { ConversationKind, ConversationSummary } from '../../core/conversation.model.ts';
import type { ConversationRecord, ConversationRepo } from '../../core/conversation.ports.ts';
import { toDate, toDateOrNull, ts, type ConversationsTable, type Database } from './db.ts';
import { prepare } from './prepared.ts';

export const toConversation = (row: Selectable<ConversationsTable>): ConversationRecord => ({
  id: row.id,
  orgId: row.org_id,
  kind: row.kind as ConversationKind,
  name: row.name,
  pairKey: row.pair_key,
  lastSeq: Number(row.last_seq),
  membersCanInvite: Number(row.members_can_invite) === 1,
  createdAt: toDate(row.created_at),
  lastActivityAt: toDateOrNull(row.last_activity_at),
});

// One statement that both locks the row (PostgreSQL) and increments: concurrent posters queue here.
const takeNextSeq = prepare((db, a: { id: string; at: string }) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_activity_at: a.at }))
    .where('id', '=', a.id)
    .returning('last_seq'),
);

/** How many conversations one `lastSeqs` statement asks for. */
const LAST_SEQS_SLICE = 500;

/** ConversationRepo over Kysely. */
export class ConversationStore implements ConversationRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(c: ConversationRecord): Promise<void> {
    await this.db
      .insertInto('conversations')
      .values({
        id: c.id,
        org_id: c.orgId,
        kind: c.kind,
        name: c.name,
        pair_key: c.pairKey,
        last_seq: c.lastSeq,
        members_can_invite: c.membersCanInvite ? 1 : 0,
        created_at: ts(c.createdAt),
        last_activity_at: c.lastActivityAt && ts(c.lastActivityAt),
      })
      // Two acceptances racing to open the same pair's relationship: the second inserts nothing and re-reads.
      .onConflict((oc) => oc.columns(['org_id', 'pair_key']).doNothing())
      .execute();
  }

  async findById(id: string): Promise<ConversationRecord | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toConversation(row);
  }

  async findByPairKey(orgId: string, pairKey: string): Promise<ConversationRecord | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('pair_key', '=', pairKey)
      .executeTakeFirst();
    return row && toConversation(row);
  }

  async lock(id: string): Promise<ConversationRecord | undefined> {
    // A no-op update rather than SELECT … FOR UPDATE, which SQLite does not parse.
    const row = await this.db
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb.ref('last_seq') }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toConversation(row);
  }

  async nextSeq(id: string, at: Date): Promise<number | undefined> {
    const row = await takeNextSeq.first(this.db, { id, at: ts(at) });
    return row && Number(row.last_seq);
  }

  async lastSeqs(ids: readonly string[], activeSince?: Date): Promise<Map<string, number>> {
    const seqs = new Map<string, number>();
    // In slices, well under either database's limit on a statement's parameters.
    for (let i = 0; i < ids.length; i += LAST_SEQS_SLICE) {
      const rows = await this.db
        .selectFrom('conversations')
        .select(['id', 'last_seq'])
        .where('id', 'in', ids.slice(i, i + LAST_SEQS_SLICE))
        .$if(activeSince !== undefined, (q) => q.where('last_activity_at', '>=', ts(activeSince!)))
        .execute();
      for (const row of rows) seqs.set(row.id, Number(row.last_seq));
    }
    return seqs;
  }

  async update(
    id: string,
    patch: Partial<Pick<ConversationRecord, 'name' | 'membersCanInvite'>>,
  ): Promise<void> {
    const values: Partial<ConversationsTable> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.membersCanInvite !== undefined)
      values.members_can_invite = patch.membersCanInvite ? 1 : 0;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('conversations').set(values).where('id', '=', id).execute();
  }

  async listForUser(
    userId: string,
    only?: { conversationId: string },
  ): Promise<ConversationSummary[]> {
    const onlyId = only?.conversationId;
    const rows = await this.db
      .selectFrom('conversation_members as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .innerJoin('memberships as om', (join) =>
        join.onRef('om.org_id', '=', 'c.org_id').onRef('om.user_id', '=', 'm.user_id'),
      )
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('messages as msg')
          .select(eb.fn.countAll().as('n'))
          .whereRef('msg.conversation_id', '=', 'c.id')
          .whereRef('msg.seq', '>', 'm.last_read_seq')
          .where('msg.author_id', '!=', userId)
          .where('msg.deleted_at', 'is', null)
          // Messages from people this reader blocked are hidden from them, so they are not unread either.
          .where('msg.author_id', 'not in', (sub) =>
            sub.selectFrom('blocks').select('blocked_id').where('blocker_id', '=', userId),
          )
          .as('unread'),
      )
      .where('m.user_id', '=', userId)
      .where('m.left_at', 'is', null)
      .$if(onlyId !== undefined, (qb) => qb.where('c.id', '=', onlyId as string))
      .orderBy((eb) => eb.fn.coalesce('c.last_activity_at', 'c.created_at'), 'desc')
      .orderBy('c.id')
      .execute();
    if (rows.length === 0) return [];
    const members = await this.db
      .selectFrom('conversation_members')
      .select(['conversation_id', 'user_id'])
      .where(
        'conversation_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('left_at', 'is', null)
      .orderBy('joined_at')
      .execute();
    const byConversation = new Map<string, string[]>();
    for (const m of members) {
      const list = byConversation.get(m.conversation_id) ?? [];
      list.push(m.user_id);
      byConversation.set(m.conversation_id, list);
    }
    return rows.map((row) => {
      const c = toConversation(row);
      return {
        id: c.id,
        orgId: c.orgId,
        kind: c.kind,
        name: c.name,
        memberIds: byConversation.get(c.id) ?? [],
        pair: c.pairKey ? c.pairKey.split(':') : null,
        lastSeq: c.lastSeq,
        lastActivityAt: c.lastActivityAt,
        unread: Number(row.unread ?? 0),
      };
    });
  }
}
