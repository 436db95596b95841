/** Intentions, their steps, check-ins and history in SQL. */
import type { Kysely, Selectable } from 'kysely';
import type {
  Intention,
  IntentionChange,
  IntentionCheckIn,
  IntentionStep,
} from '../../core/four-tasks.model.ts';
import type { IntentionRepo } from '../../core/four-tasks.ports.ts';
import { toDate, toDateOrNull, ts } from './db.ts';
import type {
  FourTasksDatabase,
  IntentionCheckInsTable,
  IntentionStepsTable,
  IntentionsTable,
} from './four-tasks.db.ts';

const toIntention = (r: Selectable<IntentionsTable>): Intention => ({
  id: r.id,
  kind: r.kind as Intention['kind'],
  conversationId: r.conversation_id,
  ownerId: r.owner_id,
  title: r.title,
  why: r.why,
  status: r.status as Intention['status'],
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
});

const toStep = (r: Selectable<IntentionStepsTable>): IntentionStep => ({
  id: r.id,
  intentionId: r.intention_id,
  text: r.text,
  addedBy: r.added_by,
  takenBy: r.taken_by,
  doneBy: r.done_by,
  doneAt: toDateOrNull(r.done_at),
  createdAt: toDate(r.created_at),
});

const toCheckIn = (r: Selectable<IntentionCheckInsTable>): IntentionCheckIn => ({
  id: r.id,
  intentionId: r.intention_id,
  authorId: r.author_id,
  note: r.note,
  createdAt: toDate(r.created_at),
});

/** IntentionRepo over Kysely. */
export class IntentionStore implements IntentionRepo {
  constructor(private readonly db: Kysely<FourTasksDatabase>) {}

  async insert(i: Intention): Promise<void> {
    await this.db
      .insertInto('intentions')
      .values({
        id: i.id,
        kind: i.kind,
        conversation_id: i.conversationId,
        owner_id: i.ownerId,
        title: i.title,
        why: i.why,
        status: i.status,
        created_at: ts(i.createdAt),
        updated_at: ts(i.updatedAt),
      })
      .execute();
  }

  async findById(id: string): Promise<Intention | undefined> {
    const row = await this.db
      .selectFrom('intentions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toIntention(row);
  }

  async listForConversation(conversationId: string): Promise<Intention[]> {
    const rows = await this.db
      .selectFrom('intentions')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toIntention);
  }

  async listPersonal(ownerId: string): Promise<Intention[]> {
    const rows = await this.db
      .selectFrom('intentions')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('kind', '=', 'personal')
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toIntention);
  }

  async listByOwner(ownerId: string): Promise<Intention[]> {
    const rows = await this.db
      .selectFrom('intentions')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('created_at')
      .execute();
    return rows.map(toIntention);
  }

  async update(
    id: string,
    patch: Partial<Pick<Intention, 'title' | 'why' | 'status' | 'conversationId'>> & {
      updatedAt: Date;
    },
  ): Promise<void> {
    await this.db
      .updateTable('intentions')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.why !== undefined ? { why: patch.why } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.conversationId !== undefined ? { conversation_id: patch.conversationId } : {}),
        updated_at: ts(patch.updatedAt),
      })
      .where('id', '=', id)
      .execute();
  }

  async insertStep(s: IntentionStep): Promise<void> {
    await this.db
      .insertInto('intention_steps')
      .values({
        id: s.id,
        intention_id: s.intentionId,
        text: s.text,
        added_by: s.addedBy,
        taken_by: s.takenBy,
        done_by: s.doneBy,
        done_at: s.doneAt ? ts(s.doneAt) : null,
        created_at: ts(s.createdAt),
      })
      .execute();
  }

  async findStep(id: string): Promise<IntentionStep | undefined> {
    const row = await this.db
      .selectFrom('intention_steps')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStep(row);
  }

  async listSteps(intentionId: string): Promise<IntentionStep[]> {
    const rows = await this.db
      .selectFrom('intention_steps')
      .selectAll()
      .where('intention_id', '=', intentionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toStep);
  }

  async listStepsByAuthor(userId: string): Promise<IntentionStep[]> {
    const rows = await this.db
      .selectFrom('intention_steps')
      .selectAll()
      .where('added_by', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(toStep);
  }

  async updateStep(
    id: string,
    patch: Partial<Pick<IntentionStep, 'text' | 'takenBy' | 'doneBy' | 'doneAt'>>,
  ): Promise<void> {
    await this.db
      .updateTable('intention_steps')
      .set({
        ...(patch.text !== undefined ? { text: patch.text } : {}),
        ...(patch.takenBy !== undefined ? { taken_by: patch.takenBy } : {}),
        ...(patch.doneBy !== undefined ? { done_by: patch.doneBy } : {}),
        ...(patch.doneAt !== undefined ? { done_at: patch.doneAt ? ts(patch.doneAt) : null } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async insertCheckIn(c: IntentionCheckIn): Promise<void> {
    await this.db
      .insertInto('intention_check_ins')
      .values({
        id: c.id,
        intention_id: c.intentionId,
        author_id: c.authorId,
        note: c.note,
        created_at: ts(c.createdAt),
      })
      .execute();
  }

  async listCheckIns(intentionId: string): Promise<IntentionCheckIn[]> {
    const rows = await this.db
      .selectFrom('intention_check_ins')
      .selectAll()
      .where('intention_id', '=', intentionId)
      .orderBy('created_at')
      .execute();
    return rows.map(toCheckIn);
  }

  async listCheckInsByAuthor(userId: string): Promise<IntentionCheckIn[]> {
    const rows = await this.db
      .selectFrom('intention_check_ins')
      .selectAll()
      .where('author_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(toCheckIn);
  }

  async insertChange(c: IntentionChange): Promise<void> {
    await this.db
      .insertInto('intention_changes')
      .values({
        id: c.id,
        intention_id: c.intentionId,
        actor_id: c.actorId,
        action: c.action,
        detail: c.detail,
        at: ts(c.at),
      })
      .execute();
  }

  async listChanges(intentionId: string): Promise<IntentionChange[]> {
    const rows = await this.db
      .selectFrom('intention_changes')
      .selectAll()
      .where('intention_id', '=', intentionId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      intentionId: r.intention_id,
      actorId: r.actor_id,
      action: r.action,
      detail: r.detail,
      at: toDate(r.at),
    }));
  }
}
