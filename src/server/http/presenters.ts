/** Domain records to wire shapes: only what the contract names ever leaves the server. */
import type { z } from 'zod';
import type { MeResponse, SessionView, UserView } from '../../contract/accounts.ts';
import type {
  InvitationView,
  MemberView as MemberViewSchema,
  OrganizationView,
  PublicSupportList,
} from '../../contract/organizations.ts';
import type { Invitation, MemberView, Organization, Session, User } from '../../core/model.ts';

export const presentUser = (u: User): UserView => ({
  id: u.id,
  login: u.login,
  displayName: u.displayName,
  pronouns: u.pronouns,
  presenceHidden: u.presenceHidden,
});

export const presentMe = (
  u: User,
  orgs: Array<Organization & { isAdmin: boolean }>,
): MeResponse => ({
  user: presentUser(u),
  organizations: orgs.map((o) => ({ id: o.id, name: o.name, slug: o.slug, isAdmin: o.isAdmin })),
});

export const presentSession = (
  s: Session,
  currentId: string,
  pushNotices: boolean,
): SessionView => ({
  id: s.id,
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  userAgent: s.userAgent,
  isCurrent: s.id === currentId,
  pushNotices,
});

export const presentOrganization = (o: Organization, isAdmin: boolean): OrganizationView => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  outsideServicesStatement: o.outsideServicesStatement,
  resources: o.resources,
  isAdmin,
});

/**
 * Only the name, the resources and the statement: nothing else about an organization or its people leaves
 * without a session.
 */
export const presentPublicSupport = (
  orgs: Array<Pick<Organization, 'name' | 'resources' | 'outsideServicesStatement'>>,
): PublicSupportList => ({
  organizations: orgs.map((o) => ({
    name: o.name,
    resources: o.resources.map((r) => ({
      label: r.label,
      contact: r.contact,
      ...(r.note ? { note: r.note } : {}),
    })),
    outsideServicesStatement: o.outsideServicesStatement,
  })),
});

export const presentMember = (m: MemberView): z.infer<typeof MemberViewSchema> => ({
  userId: m.userId,
  displayName: m.displayName,
  pronouns: m.pronouns,
  isAdmin: m.isAdmin,
  joinedAt: m.joinedAt.toISOString(),
});

export const presentInvitation = (i: Invitation): z.infer<typeof InvitationView> => ({
  id: i.id,
  asAdmin: i.asAdmin,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});
