/** Reflection rounds, reflections and practice circles in SQL. */
import type { Kysely, Selectable } from 'kysely';
import type { Reflection, ReflectionRound } from '../../core/four-tasks.model.ts';
import type { ReflectionRepo } from '../../core/four-tasks.ports.ts';
import { toDate, ts } from './db.ts';
import type {
  FourTasksDatabase,
  ReflectionRoundsTable,
  ReflectionsTable,
} from './four-tasks.db.ts';

const toRound = (r: Selectable<ReflectionRoundsTable>): ReflectionRound => ({
  id: r.id,
  conversationId: r.conversation_id,
  startedBy: r.started_by,
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  createdAt: toDate(r.created_at),
});

const toReflection = (r: Selectable<ReflectionsTable>): Reflection => ({
  id: r.id,
  roundId: r.round_id,
  conversationId: r.conversation_id,
  authorId: r.author_id,
  ratings: {
    connection: Number(r.rating_connection),
    worldview: Number(r.rating_worldview),
    mutuality: Number(r.rating_mutuality),
    movingToward: Number(r.rating_moving_toward),
  },
  notes: {
    connection: r.note_connection,
    worldview: r.note_worldview,
    mutuality: r.note_mutuality,
    movingToward: r.note_moving_toward,
  },
  tryNext: r.try_next,
  visibility: r.visibility as Reflection['visibility'],
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
});

/** ReflectionRepo over Kysely. */
export class ReflectionStore implements ReflectionRepo {
  constructor(private readonly db: Kysely<FourTasksDatabase>) {}

  async insertRound(round: ReflectionRound): Promise<void> {
    await this.db
      .insertInto('reflection_rounds')
      .values({
        id: round.id,
        conversation_id: round.conversationId,
        started_by: round.startedBy,
        title: round.title,
        period_start: round.periodStart,
        period_end: round.periodEnd,
        created_at: ts(round.createdAt),
      })
      .execute();
  }

  async findRound(id: string): Promise<ReflectionRound | undefined> {
    const row = await this.db
      .selectFrom('reflection_rounds')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRound(row);
  }

  async listRounds(conversationId: string): Promise<ReflectionRound[]> {
    const rows = await this.db
      .selectFrom('reflection_rounds')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRound);
  }

  async upsert(r: Reflection): Promise<void> {
    const values = {
      rating_connection: r.ratings.connection,
      rating_worldview: r.ratings.worldview,
      rating_mutuality: r.ratings.mutuality,
      rating_moving_toward: r.ratings.movingToward,
      note_connection: r.notes.connection,
      note_worldview: r.notes.worldview,
      note_mutuality: r.notes.mutuality,
      note_moving_toward: r.notes.movingToward,
      try_next: r.tryNext,
      visibility: r.visibility,
      updated_at: ts(r.updatedAt),
    };
    await this.db
      .insertInto('reflections')
      .values({
        id: r.id,
        round_id: r.roundId,
        conversation_id: r.conversationId,
        author_id: r.authorId,
        created_at: ts(r.createdAt),
        ...values,
      })
      .onConflict((oc) => oc.columns(['round_id', 'author_id']).doUpdateSet(values))
      .execute();
  }

  async findById(id: string): Promise<Reflection | undefined> {
    const row = await this.db
      .selectFrom('reflections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toReflection(row);
  }

  async findByAuthor(roundId: string, authorId: string): Promise<Reflection | undefined> {
    const row = await this.db
      .selectFrom('reflections')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('author_id', '=', authorId)
      .executeTakeFirst();
    return row && toReflection(row);
  }

  async listInRounds(roundIds: string[]): Promise<Reflection[]> {
    if (roundIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('reflections')
      .selectAll()
      .where('round_id', 'in', roundIds)
      .orderBy('created_at')
      .execute();
    return rows.map(toReflection);
  }

  async listByAuthor(authorId: string): Promise<Reflection[]> {
    const rows = await this.db
      .selectFrom('reflections')
      .selectAll()
      .where('author_id', '=', authorId)
      .orderBy('created_at')
      .execute();
    return rows.map(toReflection);
  }

  async setVisibility(id: string, visibility: Reflection['visibility'], at: Date): Promise<void> {
    await this.db
      .updateTable('reflections')
      .set({ visibility, updated_at: ts(at) })
      .where('id', '=', id)
      .execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('reflections').where('id', '=', id).execute();
  }

  async setPractice(conversationId: string, on: boolean, by: string, at: Date): Promise<void> {
    if (!on) {
      await this.db
        .deleteFrom('practice_circles')
        .where('conversation_id', '=', conversationId)
        .execute();
      return;
    }
    await this.db
      .insertInto('practice_circles')
      .values({ conversation_id: conversationId, marked_by: by, marked_at: ts(at) })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .execute();
  }

  async isPractice(conversationId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('practice_circles')
      .select('conversation_id')
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
