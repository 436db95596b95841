/** Wire shapes for relationships, circles, connection invitations, messages, read markers and limits. */
import { z } from 'zod';
import { Id, visible } from './fields.ts';

/** The longest message, in characters (code points); the server checks the same rule. */
export const MAX_MESSAGE_CHARS = 8000;

export const MessageText = z
  .string({ error: 'Please write something before sending.' })
  .refine((v) => v.trim() !== '', 'Please write something before sending.')
  .refine(
    (v) => [...v].length <= MAX_MESSAGE_CHARS,
    `Please keep a message to 8,000 characters or fewer.`,
  );

export const ConversationKind = z.enum(['relationship', 'circle']);

/** A conversation in the person's list. `name` is null for a relationship: show the other person's name. */
export const ConversationView = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: ConversationKind,
  name: z.string().nullable(),
  memberIds: z.array(z.string()),
  /** A relationship's two people, still in it or not (its name stays when one leaves); null for a circle. */
  pair: z.array(z.string()).nullable(),
  lastSeq: z.number().int(),
  lastActivityAt: z.string().nullable(),
  unread: z.number().int(),
});
export type ConversationView = z.infer<typeof ConversationView>;
export const ConversationList = z.object({ conversations: z.array(ConversationView) });

/** A conversation's record as returned when it is created or joined. */
export const ConversationRef = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: ConversationKind,
  name: z.string().nullable(),
  membersCanInvite: z.boolean(),
});

/** A current member; `readUpTo` is null unless that person shares read markers. */
export const MemberDetail = z.object({
  userId: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  joinedAt: z.string(),
  readUpTo: z.number().int().nullable(),
  inQuietTime: z.boolean(),
});

export const ConversationDetail = ConversationRef.extend({
  lastSeq: z.number().int(),
  lastActivityAt: z.string().nullable(),
  members: z.array(MemberDetail),
  /** People who were in it and are no longer, so their messages keep their names. */
  formerMembers: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  myReadUpTo: z.number().int(),
  shareReadMarkers: z.boolean(),
  canPost: z.boolean(),
});

export const MessageView = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  authorId: z.string(),
  text: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  /** Only in the view of someone who blocked the author: the text is withheld (empty); the seq stays. */
  hidden: z.literal(true).optional(),
});
export type MessageView = z.infer<typeof MessageView>;

export const PostMessageBody = z
  .object({ id: z.string().min(1, 'Please give the message an id.').max(64), text: MessageText })
  .strict();
export const PostMessageResult = z.object({ message: MessageView, duplicate: z.boolean() });
export const EditMessageBody = z.object({ text: MessageText }).strict();

/** A whole number written in digits only: no sign, exponent, hex or blank that `Number()` would take. */
const digits = (max: number, tooBig: string) =>
  z
    .union([z.number(), z.string()], 'Use a whole number (0 or more).')
    .transform((v, ctx) => {
      const text = String(v);
      if (/^\d{1,10}$/.test(text)) return Number(text);
      ctx.addIssue({ code: 'custom', message: 'Use a whole number (0 or more).', input: v });
      return z.NEVER;
    })
    .pipe(z.number().max(max, tooBig));
/** Seqs stay below 2^31 (the stores keep them in 32-bit integer columns). */
const SeqParam = digits(2 ** 31 - 1, 'Use a seq below 2147483648.');

/** `after` (catch-up) or `before` (scroll-back), not both; without either, the newest page. */
export const HistoryQuery = z
  .object({
    after: SeqParam.optional(),
    before: SeqParam.optional(),
    limit: digits(200, 'At most 200.').pipe(z.number().min(1, 'At least 1.')).default(50),
  })
  .strict()
  .refine((q) => q.after === undefined || q.before === undefined, {
    message: 'Use either after or before, not both.',
    path: ['before'],
  });
export const MessagePage = z.object({ messages: z.array(MessageView), lastSeq: z.number().int() });

export const MarkReadBody = z.object({ seq: z.number().int().min(0, 'Use 0 or more.') }).strict();
export const ConversationSettingsBody = z.object({ shareReadMarkers: z.boolean() }).strict();

const Clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please use a 24-hour time like 21:30.')
  .nullable();

export const LimitsBody = z
  .object({
    quietStart: Clock,
    quietEnd: Clock,
    timeZone: z.string().min(1, 'Please choose a time zone.').max(64),
    note: z
      .string()
      .max(500, 'Please keep the note to 500 characters or fewer.')
      .nullable()
      .default(null),
  })
  .strict();

/** One person's limits as everyone in the conversation sees them. */
export const LimitsView = z.object({
  userId: z.string(),
  displayName: z.string(),
  quietStart: z.string().nullable(),
  quietEnd: z.string().nullable(),
  timeZone: z.string(),
  note: z.string().nullable(),
  inQuietTime: z.boolean(),
});
export const LimitsList = z.object({ limits: z.array(LimitsView) });

export const CreateRelationshipInvitationBody = z
  .object({ orgId: Id, userId: Id.optional() })
  .strict();
export const CreateCircleInvitationBody = z.object({ userId: Id.optional() }).strict();

export const ConnectionInvitationView = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: ConversationKind,
  conversationId: z.string().nullable(),
  circleName: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string(),
  inviteeId: z.string().nullable(),
  inviteeName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export const ConnectionInvitationList = z.object({
  received: z.array(ConnectionInvitationView),
  sent: z.array(ConnectionInvitationView),
});

/** A new invitation; for a link, `token` and `path` are shown this once only. */
export const ConnectionInvitationCreated = z.object({
  id: z.string(),
  kind: ConversationKind,
  expiresAt: z.string(),
  token: z.string().nullable(),
  path: z.string().nullable(),
});

export const AcceptLinkBody = z.object({ token: z.string().min(1).max(200) }).strict();

const NAME_THE_CIRCLE = 'Please give the circle a name.';
export const CircleName = visible(
  z
    .string()
    .trim()
    .min(1, NAME_THE_CIRCLE)
    .max(80, 'Please keep the name to 80 characters or fewer.'),
  NAME_THE_CIRCLE,
);
export const CreateCircleBody = z
  .object({ orgId: Id, name: CircleName, membersCanInvite: z.boolean().default(true) })
  .strict();
export const UpdateCircleBody = z
  .object({ name: CircleName.optional(), membersCanInvite: z.boolean().optional() })
  .strict();

export const BlockBody = z.object({ userId: Id }).strict();
/** The people the caller blocked, so they can unblock; only the caller ever sees this list. */
export const BlockedList = z.object({
  people: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});
