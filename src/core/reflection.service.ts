/**
 * Co-reflection: people in a relationship or circle reflect on a conversation or a stretch of time, each in
 * their own words. A reflection is private to its author unless they share it; "together" shows it to
 * another person only once that person has written theirs, so neither anchors on the other.
 */
import { isMember, requireMember } from './four-tasks-access.ts';
import type { FourTasksStore } from './four-tasks.ports.ts';
import type {
  FourTask,
  Reflection,
  ReflectionRound,
  ReflectionVisibility,
} from './four-tasks.model.ts';
import { invalidField, notFound } from './errors.ts';
import type { Runtime, Store } from './ports.ts';

export interface ReflectionDeps extends Runtime {
  store: Store;
  fourTasks: FourTasksStore;
}

/** What a person writes. */
export interface ReflectionInput {
  ratings: Record<FourTask, number>;
  notes: Record<FourTask, string>;
  tryNext: string | null;
  visibility: ReflectionVisibility;
}

/** Another person's reflection in a round, as the viewer may see it. */
export interface OthersReflection {
  authorId: string;
  /** Null while it is held back until the viewer has written theirs. */
  reflection: Reflection | null;
}

/** A round as one member sees it. */
export interface RoundView {
  round: ReflectionRound;
  mine: Reflection | null;
  /** Others who chose to share (now or together); private reflections are not even counted. */
  others: OthersReflection[];
}

/** True when `viewer` (who wrote `viewersOwn`, if anything) may read `reflection`. */
export function canRead(
  reflection: Reflection,
  viewerId: string,
  viewersOwn: Reflection | undefined,
): boolean {
  if (reflection.authorId === viewerId) return true;
  if (reflection.visibility === 'shared') return true;
  if (reflection.visibility === 'together')
    return viewersOwn !== undefined && viewersOwn.visibility !== 'private';
  return false;
}

export class ReflectionService {
  constructor(private readonly deps: ReflectionDeps) {}

  /** The rounds of a conversation, newest first, with what the caller may read in each. */
  async listRounds(
    userId: string,
    conversationId: string,
  ): Promise<{ practice: boolean; rounds: RoundView[] }> {
    const { store, fourTasks } = this.deps;
    await requireMember(store, userId, conversationId);
    const rounds = await fourTasks.reflections.listRounds(conversationId);
    const all = await fourTasks.reflections.listInRounds(rounds.map((r) => r.id));
    const hidden = await this.hiddenFor(userId);
    return {
      practice: await fourTasks.reflections.isPractice(conversationId),
      rounds: rounds.map((round) =>
        this.view(
          round,
          all.filter((r) => r.roundId === round.id),
          userId,
          hidden,
        ),
      ),
    };
  }

  /** Opens something to reflect on, in the people's own words. */
  async startRound(
    userId: string,
    conversationId: string,
    input: { title: string; periodStart: string | null; periodEnd: string | null },
  ): Promise<RoundView> {
    const { store, fourTasks, clock, newId } = this.deps;
    await requireMember(store, userId, conversationId);
    if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) {
      throw invalidField('periodEnd', 'The end of the stretch of time comes before its start.');
    }
    const round: ReflectionRound = {
      id: newId(),
      conversationId,
      startedBy: userId,
      title: input.title.trim(),
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      createdAt: clock.now(),
    };
    await fourTasks.reflections.insertRound(round);
    return { round, mine: null, others: [] };
  }

  /** Writes or rewrites the caller's reflection in a round. */
  async write(userId: string, roundId: string, input: ReflectionInput): Promise<RoundView> {
    const { fourTasks, clock, newId } = this.deps;
    const round = await this.requireRound(userId, roundId);
    const existing = await fourTasks.reflections.findByAuthor(roundId, userId);
    const now = clock.now();
    await fourTasks.reflections.upsert({
      id: existing?.id ?? newId(),
      roundId,
      conversationId: round.conversationId,
      authorId: userId,
      ratings: input.ratings,
      notes: input.notes,
      tryNext: input.tryNext?.trim() || null,
      visibility: input.visibility,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    return this.round(userId, roundId);
  }

  /** One round as the caller sees it. */
  async round(userId: string, roundId: string): Promise<RoundView> {
    const round = await this.requireRound(userId, roundId);
    return this.view(
      round,
      await this.deps.fourTasks.reflections.listInRounds([roundId]),
      userId,
      await this.hiddenFor(userId),
    );
  }

  /** One reflection, if the caller may read it; otherwise it does not exist for them. */
  async get(userId: string, reflectionId: string): Promise<Reflection> {
    const { store, fourTasks } = this.deps;
    const reflection = await fourTasks.reflections.findById(reflectionId);
    if (!reflection) throw notFound('reflection');
    if (reflection.authorId === userId) return reflection;
    if (!(await isMember(store, userId, reflection.conversationId))) throw notFound('reflection');
    // Withheld from someone who blocked its writer, as their messages are.
    if (await store.blocks.exists(userId, reflection.authorId)) throw notFound('reflection');
    const own = await fourTasks.reflections.findByAuthor(reflection.roundId, userId);
    if (!canRead(reflection, userId, own)) throw notFound('reflection');
    return reflection;
  }

  /** The author chooses who may read it; making it private again takes effect at once. */
  async setVisibility(
    userId: string,
    reflectionId: string,
    visibility: ReflectionVisibility,
  ): Promise<Reflection> {
    const { fourTasks, clock } = this.deps;
    await this.requireOwn(userId, reflectionId);
    await fourTasks.reflections.setVisibility(reflectionId, visibility, clock.now());
    return this.requireOwn(userId, reflectionId);
  }

  /** The author removes their reflection. */
  async remove(userId: string, reflectionId: string): Promise<void> {
    await this.requireOwn(userId, reflectionId);
    await this.deps.fourTasks.reflections.remove(reflectionId);
  }

  /** Any member of a circle may mark it as a practice circle (for co-reflection), or unmark it. */
  async setPractice(userId: string, conversationId: string, on: boolean): Promise<boolean> {
    const { store, fourTasks, clock } = this.deps;
    const conversation = await requireMember(store, userId, conversationId);
    if (conversation.kind !== 'circle') {
      throw invalidField('isPractice', 'Only a circle can be a practice circle.');
    }
    await fourTasks.reflections.setPractice(conversationId, on, userId, clock.now());
    return on;
  }

  private async requireRound(userId: string, roundId: string): Promise<ReflectionRound> {
    const round = await this.deps.fourTasks.reflections.findRound(roundId);
    if (!round) throw notFound('reflection');
    await requireMember(this.deps.store, userId, round.conversationId, 'reflection');
    return round;
  }

  private async requireOwn(userId: string, reflectionId: string): Promise<Reflection> {
    const reflection = await this.deps.fourTasks.reflections.findById(reflectionId);
    if (!reflection || reflection.authorId !== userId) throw notFound('reflection');
    return reflection;
  }

  /** The people the caller blocked: in a circle they share, what those people write is withheld from them. */
  private async hiddenFor(userId: string): Promise<ReadonlySet<string>> {
    return new Set(await this.deps.store.blocks.blockedBy(userId));
  }

  private view(
    round: ReflectionRound,
    reflections: Reflection[],
    userId: string,
    hidden: ReadonlySet<string>,
  ): RoundView {
    const mine = reflections.find((r) => r.authorId === userId);
    return {
      round,
      mine: mine ?? null,
      others: reflections
        .filter((r) => r.authorId !== userId && r.visibility !== 'private')
        .map((r) => ({
          authorId: r.authorId,
          reflection: !hidden.has(r.authorId) && canRead(r, userId, mine) ? r : null,
        })),
    };
  }
}
