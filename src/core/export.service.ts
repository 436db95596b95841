/** Everything a person wrote, gathered for them alone: reflections, intentions, worldview page, messages. */
import type { FourTasksStore } from './four-tasks.ports.ts';
import type {
  AuthoredMessage,
  Intention,
  IntentionCheckIn,
  IntentionStep,
  Reflection,
  ReflectionRound,
  WorldviewPage,
} from './four-tasks.model.ts';
import { notFound } from './errors.ts';
import type { Store } from './ports.ts';
import type { User } from './model.ts';

export interface ExportDeps {
  store: Store;
  fourTasks: FourTasksStore;
}

/** The person's own writing. Other people's words are never included (only the titles of the rounds they wrote in). */
export interface PersonalExport {
  user: User;
  reflections: Array<{ reflection: Reflection; round: ReflectionRound | null }>;
  intentions: Intention[];
  steps: IntentionStep[];
  checkIns: IntentionCheckIn[];
  worldview: WorldviewPage | null;
  messages: AuthoredMessage[];
}

export class ExportService {
  constructor(private readonly deps: ExportDeps) {}

  async collect(userId: string): Promise<PersonalExport> {
    const { store, fourTasks } = this.deps;
    const user = await store.users.findById(userId);
    if (!user) throw notFound('account');
    const reflections = await fourTasks.reflections.listByAuthor(userId);
    const rounds = new Map<string, ReflectionRound | null>();
    for (const r of reflections) {
      if (!rounds.has(r.roundId))
        rounds.set(r.roundId, (await fourTasks.reflections.findRound(r.roundId)) ?? null);
    }
    return {
      user,
      reflections: reflections.map((reflection) => ({
        reflection,
        round: rounds.get(reflection.roundId) ?? null,
      })),
      intentions: await this.ownWords(userId, await fourTasks.intentions.listByOwner(userId)),
      steps: await fourTasks.intentions.listStepsByAuthor(userId),
      checkIns: await fourTasks.intentions.listCheckInsByAuthor(userId),
      worldview: (await fourTasks.worldview.find(userId)) ?? null,
      messages: await fourTasks.authoredMessages.listByAuthor(userId),
    };
  }

  /**
   * The person's intentions in their own words. A shared intention is written by everyone in its
   * conversation: where someone else changed its title or why last, the export keeps what this person last
   * wrote there (from its history), or leaves it empty.
   */
  private async ownWords(userId: string, intentions: Intention[]): Promise<Intention[]> {
    const out: Intention[] = [];
    for (const intention of intentions) {
      if (intention.kind !== 'shared') {
        out.push(intention);
        continue;
      }
      const own: Partial<Record<'title' | 'why', string>> = {};
      const lastBy: Partial<Record<'title' | 'why', string>> = {};
      for (const change of await this.deps.fourTasks.intentions.listChanges(intention.id)) {
        if (change.action !== 'created' && change.action !== 'edited') continue;
        let detail: Record<string, unknown>;
        try {
          detail = JSON.parse(change.detail) as Record<string, unknown>;
        } catch {
          continue;
        }
        for (const field of ['title', 'why'] as const) {
          const value = detail[field];
          if (typeof value !== 'string') continue;
          lastBy[field] = change.actorId;
          if (change.actorId === userId) own[field] = value;
        }
      }
      const words = (field: 'title' | 'why') =>
        (lastBy[field] ?? userId) === userId ? intention[field] : (own[field] ?? '');
      out.push({ ...intention, title: words('title'), why: words('why') });
    }
    return out;
  }
}
