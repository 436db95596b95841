/**
 * Records for the four tasks in practice: reflections, shared and personal intentions, worldview pages.
 * Everything here belongs to the people who wrote it; nothing casts anyone as helper or helped.
 */

/** The four tasks, in the order the product shows them. */
export const FOUR_TASKS = ['connection', 'worldview', 'mutuality', 'movingToward'] as const;
export type FourTask = (typeof FOUR_TASKS)[number];

/** Who may read a reflection besides its author. */
export type ReflectionVisibility = 'private' | 'shared' | 'together';

/** Something to reflect on together: a conversation or a stretch of time in a relationship or circle. */
export interface ReflectionRound {
  id: string;
  conversationId: string;
  startedBy: string;
  /** The people's own words for what they are reflecting on, e.g. "our call on Tuesday". */
  title: string;
  /** Calendar days `YYYY-MM-DD`; both null when the round is about a single conversation. */
  periodStart: string | null;
  periodEnd: string | null;
  createdAt: Date;
}

/** One person's reflection in a round. Private unless its author chooses otherwise. */
export interface Reflection {
  id: string;
  roundId: string;
  conversationId: string;
  authorId: string;
  /** 1–5 per task: how present it was between us. */
  ratings: Record<FourTask, number>;
  notes: Record<FourTask, string>;
  tryNext: string | null;
  visibility: ReflectionVisibility;
  createdAt: Date;
  updatedAt: Date;
}

export type IntentionStatus = 'open' | 'reached' | 'set_aside';

/**
 * Something people want to create. Shared intentions belong to a relationship or circle and everyone in it
 * may edit them; personal ones belong to one person and are private unless shared with a conversation.
 */
export interface Intention {
  id: string;
  kind: 'shared' | 'personal';
  /** Shared: the conversation it belongs to. Personal: the one it is shared with, or null (private). */
  conversationId: string | null;
  ownerId: string;
  title: string;
  why: string;
  status: IntentionStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** A small next step anyone with edit rights may add, take on, or mark done. */
export interface IntentionStep {
  id: string;
  intentionId: string;
  text: string;
  addedBy: string;
  takenBy: string | null;
  doneBy: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

/** A note over time: how it is going. */
export interface IntentionCheckIn {
  id: string;
  intentionId: string;
  authorId: string;
  note: string;
  createdAt: Date;
}

/** One entry in an intention's history: who changed what, and when. */
export interface IntentionChange {
  id: string;
  intentionId: string;
  actorId: string;
  /** e.g. 'created', 'edited', 'step_added', 'step_taken', 'step_done', 'checked_in'. */
  action: string;
  /** A short plain description of what changed (field names and new values; never anyone's private words). */
  detail: string;
  at: Date;
}

/** A person's own page about how they make sense of their experience. No diagnosis or symptom fields. */
export interface WorldviewPage {
  userId: string;
  /** Their words. */
  body: string;
  /** Answers to optional prompts, by prompt key. */
  answers: Record<string, string>;
  updatedAt: Date;
}

/** "The people in this conversation may read my page." Deleting it revokes access at once. */
export interface WorldviewGrant {
  userId: string;
  conversationId: string;
  grantedAt: Date;
}

/** A message the person wrote, for their export. */
export interface AuthoredMessage {
  id: string;
  conversationId: string;
  text: string;
  createdAt: Date;
  editedAt: Date | null;
}
