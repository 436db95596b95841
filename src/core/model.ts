/** The records the domain works with. Symmetric by design: no field casts anyone as helper or helped. */

/** A person with an account. */
export interface User {
  id: string;
  /** Email or username, stored lower-cased; unique. */
  login: string;
  displayName: string;
  pronouns: string | null;
  passwordHash: string;
  createdAt: Date;
  /** The person chose not to show as online; it holds on every device and node. */
  presenceHidden: boolean;
}

/** A signed-in browser or device. Only the token's hash is ever stored. */
export interface Session {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** The absolute end of the session, whatever the activity. */
  expiresAt: Date;
  userAgent: string | null;
  revokedAt: Date | null;
}

/** Something an organization offers people: its warmline, respite, a crisis line. */
export interface SupportResource {
  label: string;
  /** A phone number, web address or plain description of how to reach it. */
  contact: string;
  note?: string | undefined;
}

/** A peer organization: the tenant boundary. */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  /** The organization's plain statement of when, if ever, it involves outside services. */
  outsideServicesStatement: string;
  resources: SupportResource[];
  createdAt: Date;
}

/** A person's place in an organization. Admins manage settings and invitations, never content. */
export interface Membership {
  orgId: string;
  userId: string;
  isAdmin: boolean;
  joinedAt: Date;
}

/** A member as listed to other members: no login, no contact details. */
export interface MemberView {
  userId: string;
  displayName: string;
  pronouns: string | null;
  isAdmin: boolean;
  joinedAt: Date;
}

/** A single-use, expiring link that lets someone join an organization. */
export interface Invitation {
  id: string;
  orgId: string;
  tokenHash: string;
  createdBy: string;
  asAdmin: boolean;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
  revokedAt: Date | null;
}
