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
      intentions: await fourTasks.intentions.listByOwner(userId),
      steps: await fourTasks.intentions.listStepsByAuthor(userId),
      checkIns: await fourTasks.intentions.listCheckInsByAuthor(userId),
      worldview: (await fourTasks.worldview.find(userId)) ?? null,
      messages: await fourTasks.authoredMessages.listByAuthor(userId),
    };
  }
}
