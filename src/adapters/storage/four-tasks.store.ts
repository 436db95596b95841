/** The four-tasks repositories over one Kysely connection or transaction, plus the export's message read. */
import type { Kysely } from 'kysely';
import type { AuthoredMessage } from '../../core/four-tasks.model.ts';
import type { AuthoredMessageRepo, FourTasksStore } from '../../core/four-tasks.ports.ts';
import { toDate, toDateOrNull, type Database } from './db.ts';
import type { FourTasksDatabase, FourTasksTables } from './four-tasks.db.ts';
import { IntentionStore } from './intention.store.ts';
import { ReflectionStore } from './reflection.store.ts';
import { WorldviewStore } from './worldview.store.ts';

class AuthoredMessageStore implements AuthoredMessageRepo {
  constructor(private readonly db: Kysely<FourTasksDatabase>) {}

  async listByAuthor(userId: string): Promise<AuthoredMessage[]> {
    const rows = await this.db
      .selectFrom('messages')
      .select(['id', 'conversation_id', 'text', 'created_at', 'edited_at'])
      .where('author_id', '=', userId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      text: r.text,
      createdAt: toDate(r.created_at),
      editedAt: toDateOrNull(r.edited_at),
    }));
  }
}

/** FourTasksStore over Kysely. Inside a transaction, `transaction` reuses it rather than nesting. */
export class FourTasksKyselyStore implements FourTasksStore {
  readonly reflections: ReflectionStore;
  readonly intentions: IntentionStore;
  readonly worldview: WorldviewStore;
  readonly authoredMessages: AuthoredMessageRepo;
  private readonly db: Kysely<FourTasksDatabase>;

  /**
   * Takes the app's main connection; the four-tasks tables are added to its type here. `transactionOn`
   * runs a transaction on it (KyselyStore.transactionOn: the group committer on SQLite); without it,
   * Kysely's own transaction.
   */
  constructor(
    db: Kysely<Database> | Kysely<FourTasksDatabase>,
    private readonly transactionOn?: <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>,
    /** Inside a transaction; the group committer's connection is not a Kysely transaction, so it says. */
    private readonly inTransaction = db.isTransaction,
  ) {
    this.db = (db as Kysely<Database>).withTables<FourTasksTables>();
    this.reflections = new ReflectionStore(this.db);
    this.intentions = new IntentionStore(this.db);
    this.worldview = new WorldviewStore(this.db);
    this.authoredMessages = new AuthoredMessageStore(this.db);
  }

  async transaction<T>(work: (store: FourTasksStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    const inside = (trx: Kysely<Database>) =>
      work(new FourTasksKyselyStore(trx, this.transactionOn, true));
    if (this.transactionOn) return this.transactionOn(inside);
    return (this.db as unknown as Kysely<Database>).transaction().execute(inside);
  }
}
