/** Wire shapes for accounts and sessions. */
import { z } from 'zod';
import { visible } from './fields.ts';

const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,63}$/i;

/** An email address or a username (3–64 letters, digits, dots, dashes, underscores). */
export const Login = z
  .string()
  .trim()
  .min(1, 'Please enter an email or username.')
  .max(254, 'That is longer than an email or username can be.')
  .refine((v) => USERNAME_RE.test(v) || z.email().safeParse(v).success, {
    message:
      'Use an email address, or a username of 3–64 letters, digits, dots, dashes or underscores.',
  });

const ENTER_NAME = 'Please enter the name you would like others to see.';
export const DisplayName = visible(
  z.string().trim().min(1, ENTER_NAME).max(80, 'Please keep the name to 80 characters or fewer.'),
  ENTER_NAME,
);

/** Length and commonness are checked by the server's password rule; this only bounds the size. */
export const Password = z
  .string()
  .min(1, 'Please enter a password.')
  .max(4096, 'That password is too long.');

export const SignUpBody = z
  .object({ displayName: DisplayName, login: Login, password: Password })
  .strict();
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z
  .object({
    login: z.string().trim().min(1, 'Please enter your email or username.').max(254),
    password: Password,
  })
  .strict();
export type SignInBody = z.infer<typeof SignInBody>;

export const UserView = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  /** The person chose not to show as online, on every device. */
  presenceHidden: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const MembershipSummary = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  isAdmin: z.boolean(),
});

/** Who is signed in and where they belong. */
export const MeResponse = z.object({ user: UserView, organizations: z.array(MembershipSummary) });
export type MeResponse = z.infer<typeof MeResponse>;

export const UpdateProfileBody = z
  .object({
    displayName: DisplayName.optional(),
    pronouns: z
      .string()
      .trim()
      .max(40, 'Please keep pronouns to 40 characters or fewer.')
      .nullable()
      .optional(),
    presenceHidden: z.boolean().optional(),
  })
  .strict();

export const SessionView = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
  /** This device gets notices when Mutual is closed; signing it out ends them. */
  pushNotices: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ sessions: z.array(SessionView) });

export const RevokeAllBody = z.object({ keepCurrent: z.boolean().default(true) }).strict();

export const Ok = z.object({ ok: z.literal(true) });
export const Count = z.object({ count: z.number().int() });
