/** The four-tasks tables as Kysely sees them, added to the main `Database` with `withTables`. */
import type { Database } from './db.ts';

export interface PracticeCirclesTable {
  conversation_id: string;
  marked_by: string;
  marked_at: string;
}

export interface ReflectionRoundsTable {
  id: string;
  conversation_id: string;
  started_by: string;
  title: string;
  period_start: string | null;
  period_end: string | null;
  created_at: string;
}

export interface ReflectionsTable {
  id: string;
  round_id: string;
  conversation_id: string;
  author_id: string;
  rating_connection: number;
  rating_worldview: number;
  rating_mutuality: number;
  rating_moving_toward: number;
  note_connection: string;
  note_worldview: string;
  note_mutuality: string;
  note_moving_toward: string;
  try_next: string | null;
  visibility: string;
  created_at: string;
  updated_at: string;
}

export interface IntentionsTable {
  id: string;
  kind: string;
  conversation_id: string | null;
  owner_id: string;
  title: string;
  why: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface IntentionStepsTable {
  id: string;
  intention_id: string;
  text: string;
  added_by: string;
  taken_by: string | null;
  done_by: string | null;
  done_at: string | null;
  created_at: string;
}

export interface IntentionCheckInsTable {
  id: string;
  intention_id: string;
  author_id: string;
  note: string;
  created_at: string;
}

export interface IntentionChangesTable {
  id: string;
  intention_id: string;
  actor_id: string;
  action: string;
  detail: string;
  at: string;
}

export interface WorldviewPagesTable {
  user_id: string;
  body: string;
  answers: string;
  updated_at: string;
}

export interface WorldviewGrantsTable {
  user_id: string;
  conversation_id: string;
  granted_at: string;
}

/** Tables created by migration 0003. */
// A type alias (not an interface) so that it satisfies `withTables`' index-signature constraint.
export type FourTasksTables = {
  practice_circles: PracticeCirclesTable;
  reflection_rounds: ReflectionRoundsTable;
  reflections: ReflectionsTable;
  intentions: IntentionsTable;
  intention_steps: IntentionStepsTable;
  intention_check_ins: IntentionCheckInsTable;
  intention_changes: IntentionChangesTable;
  worldview_pages: WorldviewPagesTable;
  worldview_grants: WorldviewGrantsTable;
};

/** The whole database as the four-tasks stores see it. */
export type FourTasksDatabase = Database & FourTasksTables;
