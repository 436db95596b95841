/** The database's tables as Kysely sees them. Timestamps are ISO-8601 UTC text and booleans 0/1 on both dialects. */

export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  pronouns: string | null;
  password_hash: string;
  created_at: string;
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

/** Kysely's own bookkeeping is not listed; every table the app owns is. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
}

/** Date to the stored form. */
export const ts = (date: Date): string => date.toISOString();
/** Stored form to Date. */
export const toDate = (value: string): Date => new Date(value);
export const toDateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));
