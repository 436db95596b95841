/** Messages in SQL, under their client-made ids, ordered by the per-conversation seq. */
import type { Kysely, Selectable } from 'kysely';
import type { Message } from '../../core/conversation.model.ts';
import type { MessageRepo } from '../../core/conversation.ports.ts';
import { toDate, toDateOrNull, ts, type Database, type MessagesTable } from './db.ts';

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

/** MessageRepo over Kysely. */
export class MessageStore implements MessageRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<Message | undefined> {
    const row = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toMessage(row);
  }

  async insertIfNew(m: Message): Promise<boolean> {
    // ON CONFLICT DO NOTHING rather than catching the error: on PostgreSQL an error aborts the transaction,
    // and a racing insert of the same id waits for the other to commit, then inserts nothing.
    const result = await this.db
      .insertInto('messages')
      .values({
        id: m.id,
        conversation_id: m.conversationId,
        seq: m.seq,
        author_id: m.authorId,
        text: m.text,
        created_at: ts(m.createdAt),
        edited_at: m.editedAt && ts(m.editedAt),
        deleted_at: m.deletedAt && ts(m.deletedAt),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async listAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }

  async listBefore(conversationId: string, beforeSeq: number, limit: number): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '<', beforeSeq)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toMessage).reverse();
  }

  async update(id: string, patch: Pick<Message, 'text' | 'editedAt' | 'deletedAt'>): Promise<void> {
    await this.db
      .updateTable('messages')
      .set({
        text: patch.text,
        edited_at: patch.editedAt && ts(patch.editedAt),
        deleted_at: patch.deletedAt && ts(patch.deletedAt),
      })
      .where('id', '=', id)
      .execute();
  }
}
