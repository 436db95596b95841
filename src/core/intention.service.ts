/**
 * Moving toward: intentions people write together in a relationship or circle (everyone there may edit,
 * and every change is kept with who made it and when), and personal ones, private unless shared.
 */
import { isMember, requireMember } from './four-tasks-access.ts';
import type { FourTasksStore } from './four-tasks.ports.ts';
import type {
  Intention,
  IntentionChange,
  IntentionCheckIn,
  IntentionStatus,
  IntentionStep,
} from './four-tasks.model.ts';
import { forbidden, invalidField, notFound } from './errors.ts';
import type { Runtime, Store } from './ports.ts';

export interface IntentionDeps extends Runtime {
  store: Store;
  fourTasks: FourTasksStore;
}

/** An intention with everything on its page. */
export interface IntentionDetail {
  intention: Intention;
  steps: IntentionStep[];
  checkIns: IntentionCheckIn[];
  history: IntentionChange[];
  canEdit: boolean;
}

export interface IntentionPatch {
  title?: string | undefined;
  why?: string | undefined;
  status?: IntentionStatus | undefined;
  /** Personal intentions only: the conversation to share it with, or null to keep it to oneself. */
  sharedWith?: string | null | undefined;
}

export interface StepPatch {
  text?: string | undefined;
  /** True: the caller takes it on; false: lets it go. */
  taken?: boolean | undefined;
  done?: boolean | undefined;
}

export class IntentionService {
  constructor(private readonly deps: IntentionDeps) {}

  /**
   * The conversation's shared intentions and personal ones shared with it by someone still in it: one shared
   * by a person who left (or ended a relationship with a block) is theirs alone again.
   */
  async listForConversation(userId: string, conversationId: string): Promise<Intention[]> {
    await requireMember(this.deps.store, userId, conversationId);
    const all = await this.deps.fourTasks.intentions.listForConversation(conversationId);
    const hidden = new Set(await this.deps.store.blocks.blockedBy(userId));
    const present = new Map<string, boolean>();
    const out: Intention[] = [];
    for (const intention of all) {
      if (intention.kind === 'personal' && intention.ownerId !== userId) {
        // Withheld from someone who blocked its writer, as their messages are.
        if (hidden.has(intention.ownerId)) continue;
        let here = present.get(intention.ownerId);
        if (here === undefined)
          present.set(
            intention.ownerId,
            (here = await isMember(this.deps.store, intention.ownerId, conversationId)),
          );
        if (!here) continue;
      }
      out.push(intention);
    }
    return out;
  }

  /** The caller's personal intentions. */
  listPersonal(userId: string): Promise<Intention[]> {
    return this.deps.fourTasks.intentions.listPersonal(userId);
  }

  /** Starts a shared intention in a relationship or circle. */
  async createShared(
    userId: string,
    conversationId: string,
    input: { title: string; why: string },
  ): Promise<IntentionDetail> {
    await requireMember(this.deps.store, userId, conversationId);
    return this.create(userId, { kind: 'shared', conversationId, ...input });
  }

  /** Starts a personal intention, optionally shared with one conversation. */
  async createPersonal(
    userId: string,
    input: { title: string; why: string; sharedWith: string | null },
  ): Promise<IntentionDetail> {
    if (input.sharedWith) await requireMember(this.deps.store, userId, input.sharedWith);
    return this.create(userId, {
      kind: 'personal',
      conversationId: input.sharedWith,
      title: input.title,
      why: input.why,
    });
  }

  async get(userId: string, intentionId: string): Promise<IntentionDetail> {
    const { intention, canEdit } = await this.requireReadable(userId, intentionId);
    const repo = this.deps.fourTasks.intentions;
    const [steps, checkIns, history] = await Promise.all([
      repo.listSteps(intentionId),
      repo.listCheckIns(intentionId),
      repo.listChanges(intentionId),
    ]);
    return { intention, steps, checkIns, history, canEdit };
  }

  async update(
    userId: string,
    intentionId: string,
    patch: IntentionPatch,
  ): Promise<IntentionDetail> {
    const intention = await this.requireEditable(userId, intentionId);
    const { fourTasks, store, clock } = this.deps;
    if (patch.sharedWith !== undefined) {
      if (intention.kind !== 'personal') {
        throw invalidField(
          'sharedWith',
          'A shared intention already belongs to its relationship or circle.',
        );
      }
      if (patch.sharedWith) await requireMember(store, userId, patch.sharedWith);
    }
    const changed: Record<string, string | null> = {};
    if (patch.title !== undefined && patch.title !== intention.title) changed.title = patch.title;
    if (patch.why !== undefined && patch.why !== intention.why) changed.why = patch.why;
    if (patch.status !== undefined && patch.status !== intention.status)
      changed.status = patch.status;
    const sharing = patch.sharedWith !== undefined && patch.sharedWith !== intention.conversationId;
    if (Object.keys(changed).length > 0 || sharing) {
      const now = clock.now();
      await fourTasks.transaction(async (tx) => {
        await tx.intentions.update(intentionId, {
          ...(changed.title !== undefined ? { title: patch.title } : {}),
          ...(changed.why !== undefined ? { why: patch.why } : {}),
          ...(changed.status !== undefined ? { status: patch.status } : {}),
          ...(sharing ? { conversationId: patch.sharedWith ?? null } : {}),
          updatedAt: now,
        });
        if (Object.keys(changed).length > 0)
          await this.record(tx, intentionId, userId, 'edited', changed, now);
        if (sharing)
          await this.record(
            tx,
            intentionId,
            userId,
            patch.sharedWith ? 'shared' : 'unshared',
            {},
            now,
          );
      });
    }
    return this.get(userId, intentionId);
  }

  async addStep(userId: string, intentionId: string, text: string): Promise<IntentionDetail> {
    await this.requireEditable(userId, intentionId);
    const { fourTasks, clock, newId } = this.deps;
    const now = clock.now();
    await fourTasks.transaction(async (tx) => {
      await tx.intentions.insertStep({
        id: newId(),
        intentionId,
        text: text.trim(),
        addedBy: userId,
        takenBy: null,
        doneBy: null,
        doneAt: null,
        createdAt: now,
      });
      await this.record(tx, intentionId, userId, 'step_added', { step: text.trim() }, now);
    });
    return this.get(userId, intentionId);
  }

  async updateStep(
    userId: string,
    intentionId: string,
    stepId: string,
    patch: StepPatch,
  ): Promise<IntentionDetail> {
    await this.requireEditable(userId, intentionId);
    const { fourTasks, clock } = this.deps;
    const step = await fourTasks.intentions.findStep(stepId);
    if (!step || step.intentionId !== intentionId) throw notFound('step');
    const now = clock.now();
    await fourTasks.transaction(async (tx) => {
      const change: Partial<IntentionStep> = {};
      if (patch.text !== undefined && patch.text.trim() !== step.text) {
        change.text = patch.text.trim();
        await this.record(
          tx,
          intentionId,
          userId,
          'step_edited',
          { from: step.text, to: change.text },
          now,
        );
      }
      if (patch.taken !== undefined) {
        change.takenBy = patch.taken ? userId : null;
        await this.record(
          tx,
          intentionId,
          userId,
          patch.taken ? 'step_taken' : 'step_released',
          { step: step.text },
          now,
        );
      }
      if (patch.done !== undefined) {
        change.doneBy = patch.done ? userId : null;
        change.doneAt = patch.done ? now : null;
        await this.record(
          tx,
          intentionId,
          userId,
          patch.done ? 'step_done' : 'step_reopened',
          { step: step.text },
          now,
        );
      }
      await tx.intentions.updateStep(stepId, change);
    });
    return this.get(userId, intentionId);
  }

  /** A check-in: how it is going, in the writer's words. */
  async checkIn(userId: string, intentionId: string, note: string): Promise<IntentionDetail> {
    await this.requireEditable(userId, intentionId);
    const { fourTasks, clock, newId } = this.deps;
    const now = clock.now();
    await fourTasks.transaction(async (tx) => {
      await tx.intentions.insertCheckIn({
        id: newId(),
        intentionId,
        authorId: userId,
        note: note.trim(),
        createdAt: now,
      });
      await this.record(tx, intentionId, userId, 'checked_in', {}, now);
    });
    return this.get(userId, intentionId);
  }

  private async create(
    userId: string,
    input: Pick<Intention, 'kind' | 'conversationId' | 'title' | 'why'>,
  ): Promise<IntentionDetail> {
    const { fourTasks, clock, newId } = this.deps;
    const now = clock.now();
    const intention: Intention = {
      id: newId(),
      ...input,
      title: input.title.trim(),
      why: input.why.trim(),
      ownerId: userId,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    };
    await fourTasks.transaction(async (tx) => {
      await tx.intentions.insert(intention);
      await this.record(tx, intention.id, userId, 'created', { title: intention.title }, now);
    });
    return this.get(userId, intention.id);
  }

  private async record(
    tx: FourTasksStore,
    intentionId: string,
    actorId: string,
    action: string,
    detail: Record<string, string | null>,
    at: Date,
  ): Promise<void> {
    await tx.intentions.insertChange({
      id: this.deps.newId(),
      intentionId,
      actorId,
      action,
      detail: JSON.stringify(detail),
      at,
    });
  }

  /**
   * Shared: any current member reads and edits. Personal: the owner edits; members of the conversation it is
   * shared with read. Everyone else, admins included, gets not_found.
   */
  private async requireReadable(
    userId: string,
    intentionId: string,
  ): Promise<{ intention: Intention; canEdit: boolean }> {
    const intention = await this.deps.fourTasks.intentions.findById(intentionId);
    if (!intention) throw notFound('intention');
    const member =
      intention.conversationId !== null &&
      (await isMember(this.deps.store, userId, intention.conversationId));
    if (intention.kind === 'shared') {
      if (!member) throw notFound('intention');
      return { intention, canEdit: true };
    }
    if (intention.ownerId === userId) return { intention, canEdit: true };
    // Shared with a conversation its writer is still in (someone who left took it with them), and withheld
    // from someone who blocked its writer, as their messages are.
    if (
      !member ||
      !(await isMember(this.deps.store, intention.ownerId, intention.conversationId!)) ||
      (await this.deps.store.blocks.exists(userId, intention.ownerId))
    )
      throw notFound('intention');
    return { intention, canEdit: false };
  }

  private async requireEditable(userId: string, intentionId: string): Promise<Intention> {
    const { intention, canEdit } = await this.requireReadable(userId, intentionId);
    if (!canEdit) throw forbidden('Only the person who wrote a personal intention can change it.');
    return intention;
  }
}
