/** The database's tables as Kysely sees them. Timestamps are ISO-8601 UTC text and booleans 0/1 on both dialects. */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  pronouns: string | null;
  password_hash: string;
  created_at: string;
  /** 1: the person chose not to show as online (on every device). 0 unless set. */
  presence_hidden: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  slug: string;
  outside_services_statement: string;
  /** JSON array of SupportResource. */
  resources: string;
  created_at: string;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  is_admin: number;
  joined_at: string;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  token_hash: string;
  created_by: string;
  as_admin: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
}

export interface ConversationsTable {
  id: string;
  org_id: string;
  kind: string;
  name: string | null;
  pair_key: string | null;
  last_seq: number;
  members_can_invite: number;
  created_at: string;
  last_activity_at: string | null;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  joined_at: string;
  left_at: string | null;
  last_read_seq: number;
  share_read_markers: number;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  author_id: string;
  text: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface BlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: string;
}

export interface ConnectionInvitationsTable {
  id: string;
  org_id: string;
  kind: string;
  conversation_id: string | null;
  created_by: string;
  invitee_id: string | null;
  token_hash: string | null;
  status: string;
  created_at: string;
  expires_at: string;
  responded_at: string | null;
  used_by: string | null;
}

export interface RelationshipLimitsTable {
  conversation_id: string;
  user_id: string;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string;
  note: string | null;
  updated_at: string;
}

/** A device's push endpoint (Web Push); pushes carry no payload, so no keys are kept. */
export interface PushSubscriptionsTable {
  endpoint: string;
  user_id: string;
  session_id: string;
  created_at: string;
}

/** When a person last got a push for a conversation (one row per person and conversation). */
export interface PushNoticesTable {
  user_id: string;
  conversation_id: string;
  pushed_at: string;
}

/** Keys the installation makes for itself once and shares between its nodes. */
export interface ServerKeysTable {
  name: string;
  value: string;
  created_at: string;
}

/** Kysely's own bookkeeping is not listed; every table the app owns is. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
  blocks: BlocksTable;
  connection_invitations: ConnectionInvitationsTable;
  relationship_limits: RelationshipLimitsTable;
  push_subscriptions: PushSubscriptionsTable;
  push_notices: PushNoticesTable;
  server_keys: ServerKeysTable;
}

/** Date to the stored form. */
export const ts = (date: Date): string => date.toISOString();
/** Stored form to Date. */
export const toDate = (value: string): Date => new Date(value);
export const toDateOrNull = (value: string | null): Date | null =>
  value === null ? null : new Date(value);
