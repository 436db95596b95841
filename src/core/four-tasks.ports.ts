/**
 * The repositories behind reflections, intentions and worldview pages. Kept apart from `Store` so that the
 * central store does not grow a repository per feature; services take both. Its tables share the main connection.
 */
import type {
  AuthoredMessage,
  Intention,
  IntentionChange,
  IntentionCheckIn,
  IntentionStep,
  Reflection,
  ReflectionRound,
  WorldviewGrant,
  WorldviewPage,
} from './four-tasks.model.ts';

/** Reflection rounds, reflections and which circles are practice circles. */
export interface ReflectionRepo {
  insertRound(round: ReflectionRound): Promise<void>;
  findRound(id: string): Promise<ReflectionRound | undefined>;
  /** Newest first. */
  listRounds(conversationId: string): Promise<ReflectionRound[]>;
  /** Inserts, or replaces the author's reflection in that round (one per person per round). */
  upsert(reflection: Reflection): Promise<void>;
  findById(id: string): Promise<Reflection | undefined>;
  findByAuthor(roundId: string, authorId: string): Promise<Reflection | undefined>;
  /** Every reflection in the given rounds, whoever wrote it: the service decides who sees what. */
  listInRounds(roundIds: string[]): Promise<Reflection[]>;
  listByAuthor(authorId: string): Promise<Reflection[]>;
  setVisibility(id: string, visibility: Reflection['visibility'], at: Date): Promise<void>;
  remove(id: string): Promise<void>;
  /** Marks or unmarks a circle as a practice circle (a circle for co-reflection). */
  setPractice(conversationId: string, on: boolean, by: string, at: Date): Promise<void>;
  isPractice(conversationId: string): Promise<boolean>;
}

/** Intentions with their steps, check-ins and history. */
export interface IntentionRepo {
  insert(intention: Intention): Promise<void>;
  findById(id: string): Promise<Intention | undefined>;
  /** Shared intentions of the conversation and personal ones shared with it. */
  listForConversation(conversationId: string): Promise<Intention[]>;
  /** The person's personal intentions, shared or not. */
  listPersonal(ownerId: string): Promise<Intention[]>;
  /** Every intention the person started, shared or personal. */
  listByOwner(ownerId: string): Promise<Intention[]>;
  update(
    id: string,
    patch: Partial<Pick<Intention, 'title' | 'why' | 'status' | 'conversationId'>> & {
      updatedAt: Date;
    },
  ): Promise<void>;
  insertStep(step: IntentionStep): Promise<void>;
  findStep(id: string): Promise<IntentionStep | undefined>;
  listSteps(intentionId: string): Promise<IntentionStep[]>;
  listStepsByAuthor(userId: string): Promise<IntentionStep[]>;
  updateStep(
    id: string,
    patch: Partial<Pick<IntentionStep, 'text' | 'takenBy' | 'doneBy' | 'doneAt'>>,
  ): Promise<void>;
  insertCheckIn(checkIn: IntentionCheckIn): Promise<void>;
  listCheckIns(intentionId: string): Promise<IntentionCheckIn[]>;
  listCheckInsByAuthor(userId: string): Promise<IntentionCheckIn[]>;
  insertChange(change: IntentionChange): Promise<void>;
  /** Oldest first. */
  listChanges(intentionId: string): Promise<IntentionChange[]>;
}

/** Worldview pages and who may read them. */
export interface WorldviewRepo {
  find(userId: string): Promise<WorldviewPage | undefined>;
  upsert(page: WorldviewPage): Promise<void>;
  listGrants(userId: string): Promise<WorldviewGrant[]>;
  findGrant(userId: string, conversationId: string): Promise<WorldviewGrant | undefined>;
  /** Grants made into one conversation, by whoever made them. */
  listGrantsInto(conversationId: string): Promise<WorldviewGrant[]>;
  grant(grant: WorldviewGrant): Promise<void>;
  /** Removes the grant; takes effect for the very next read. */
  revoke(userId: string, conversationId: string): Promise<void>;
}

/** Reads the messages a person wrote, for their own export. */
export interface AuthoredMessageRepo {
  /** Not deleted, oldest first. */
  listByAuthor(userId: string): Promise<AuthoredMessage[]>;
}

/** The four-tasks repositories over one connection or transaction. */
export interface FourTasksStore {
  reflections: ReflectionRepo;
  intentions: IntentionRepo;
  worldview: WorldviewRepo;
  authoredMessages: AuthoredMessageRepo;
  /** All writes of `work` commit together. Never call the main Store inside it (one SQLite connection). */
  transaction<T>(work: (store: FourTasksStore) => Promise<T>): Promise<T>;
}
