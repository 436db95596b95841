/** Wire shapes for organizations, members, invitations and first-run setup. */
import { z } from 'zod';
import { visible } from './fields.ts';
import { DisplayName, Login, MeResponse, Password } from './accounts.ts';

const NAME_TOO_SHORT = 'Please enter a name of at least 2 characters.';
export const OrganizationName = visible(
  z
    .string()
    .trim()
    .min(2, NAME_TOO_SHORT)
    .max(120, 'Please keep the name to 120 characters or fewer.'),
  NAME_TOO_SHORT,
);

export const SupportResource = z.object({
  label: z.string().trim().min(1, 'Each resource needs a name.').max(120),
  contact: z.string().trim().min(1, 'Each resource needs a way to reach it.').max(300),
  note: z.string().trim().max(500).optional(),
});

export const OrganizationView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  outsideServicesStatement: z.string(),
  resources: z.array(SupportResource),
  isAdmin: z.boolean(),
});
export type OrganizationView = z.infer<typeof OrganizationView>;

/**
 * One organization's support as anyone may read it, signed in or not: its name, its resources and its
 * statement about outside services (shown before anyone shares anything), nothing more.
 */
export const PublicSupport = z.object({
  name: z.string(),
  resources: z.array(SupportResource),
  outsideServicesStatement: z.string(),
});
/** Every organization here that lists support resources or a statement, by name. */
export const PublicSupportList = z.object({ organizations: z.array(PublicSupport) });
export type PublicSupportList = z.infer<typeof PublicSupportList>;

export const UpdateOrganizationBody = z
  .object({
    name: OrganizationName.optional(),
    outsideServicesStatement: z.string().trim().min(1).max(4000).optional(),
    // Strict inside too: a resource field we do not keep is named rather than silently dropped.
    resources: z.array(SupportResource.strict()).max(20).optional(),
  })
  .strict();

export const MemberView = z.object({
  userId: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  isAdmin: z.boolean(),
  joinedAt: z.string(),
});
export const MemberList = z.object({ members: z.array(MemberView) });

export const CreateInvitationBody = z
  .object({
    asAdmin: z.boolean().default(false),
    ttlHours: z
      .number()
      .int()
      .min(1, 'At least 1 hour.')
      .max(720, 'At most 30 days (720 hours).')
      .optional(),
  })
  .strict();

export const InvitationView = z.object({
  id: z.string(),
  asAdmin: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export const InvitationList = z.object({ invitations: z.array(InvitationView) });

/** Returned once when an invitation is made: the link's token is never shown again. */
export const InvitationCreated = InvitationView.extend({ token: z.string(), path: z.string() });

export const InvitationPreview = z.object({
  orgName: z.string(),
  /** The organization's statement about outside services, read before joining. */
  outsideServicesStatement: z.string(),
  expiresAt: z.string(),
  status: z.enum(['open', 'used', 'expired', 'revoked']),
});

export const AcceptInvitationBody = z.object({ token: z.string().min(1).max(200) }).strict();

export const SetMemberAdminBody = z.object({ isAdmin: z.boolean() }).strict();

export const SetupStatus = z.object({ needed: z.boolean() });
export const SetupBody = z
  .object({
    organizationName: OrganizationName,
    displayName: DisplayName,
    login: Login,
    password: Password,
  })
  .strict();
export const SetupResult = MeResponse;
