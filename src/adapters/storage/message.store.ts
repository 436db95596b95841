/** Messages in SQL, under their client-made ids, ordered by the per-conversation seq. */
import type { Kysely, Selectable } from 'kysely';
import type { Message } from '../../core/conversation.model.ts';
import type { MessageRepo } from '../../core/conversation.ports.ts';
import { toDate, toDateOrNull, ts, type Database, type MessagesTable } from './db.ts';
import { prepare } from './prepared.ts';

const toMessage = (row: Selectable<MessagesTable>): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  seq: Number(row.seq),
  authorId: row.author_id,
  text: row.text,
  createdAt: toDate(row.created_at),
  editedAt: toDateOrNull(row.edited_at),
  deletedAt: toDateOrNull(row.deleted_at),
});

const byId = prepare((db, a: { id: string }) =>
  db.selectFrom('messages').selectAll().where('id', '=', a.id),
);

const insertNew = prepare((db, a: Selectable<MessagesTable>) =>
  db
    .insertInto('messages')
    .values({
      id: a.id,
      conversation_id: a.conversation_id,
      seq: a.seq,
      author_id: a.author_id,
      text: a.text,
      created_at: a.created_at,
      edited_at: a.edited_at,
      deleted_at: a.deleted_at,
    })
    .onConflict((oc) => oc.column('id').doNothing()),
);

/** One page of a conversation's history on one side of a seq: after it ascending, before it descending. */
const historyPage = (side: '>' | '<') =>
  prepare((db, a: { conversationId: string; seq: number; limit: number }) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', a.conversationId)
      .where('seq', side, a.seq)
      .orderBy('seq', side === '>' ? 'asc' : 'desc')
      .limit(a.limit),
  );
const after = historyPage('>');
const before = historyPage('<');

/** MessageRepo over Kysely. */
export class MessageStore implements MessageRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<Message | undefined> {
    const row = await byId.first(this.db, { id });
    return row && toMessage(row);
  }

  async insertIfNew(m: Message): Promise<boolean> {
    // ON CONFLICT DO NOTHING rather than catching the error: on PostgreSQL an error aborts the transaction,
    // and a racing insert of the same id waits for the other to commit, then inserts nothing.
    const result = await insertNew.run(this.db, {
      id: m.id,
      conversation_id: m.conversationId,
      seq: m.seq,
      author_id: m.authorId,
      text: m.text,
      created_at: ts(m.createdAt),
      edited_at: m.editedAt && ts(m.editedAt),
      deleted_at: m.deletedAt && ts(m.deletedAt),
    });
    return Number(result.numAffectedRows ?? 0n) === 1;
  }

  async listAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    const { rows } = await after.run(this.db, { conversationId, seq: afterSeq, limit });
    return rows.map(toMessage);
  }

  async listBefore(conversationId: string, beforeSeq: number, limit: number): Promise<Message[]> {
    const { rows } = await before.run(this.db, { conversationId, seq: beforeSeq, limit });
    return rows.map(toMessage).reverse();
  }

  async listChangedSince(
    conversationId: string,
    upToSeq: number,
    since: Date,
    limit: number,
  ): Promise<Message[]> {
    const at = ts(since);
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '<=', upToSeq)
      .where((eb) => eb.or([eb('edited_at', '>=', at), eb('deleted_at', '>=', at)]))
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }

  // Each write names only what it changes and skips a deleted message, so an edit racing a delete (read
  // committed on PostgreSQL) can never bring the deleted words back.
  async edit(id: string, text: string, editedAt: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('messages')
      .set({ text, edited_at: ts(editedAt) })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async tombstone(id: string, deletedAt: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('messages')
      .set({ text: '', deleted_at: ts(deletedAt) })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
