/** Wire shapes for co-reflection: rounds, reflections and practice circles. */
import { z } from 'zod';

/** The four tasks as wire keys, in display order. */
export const FourTaskKey = z.enum(['connection', 'worldview', 'mutuality', 'movingToward']);
export type FourTaskKey = z.infer<typeof FourTaskKey>;

const Rating = z
  .number()
  .int()
  .min(1, 'Please choose from 1 to 5.')
  .max(5, 'Please choose from 1 to 5.');
const Note = z.string().max(4000, 'Please keep each note to 4,000 characters or fewer.');
/** A day that is on the calendar (not 2024-02-30), so what is stored can be read back as a date. */
const Day = z.iso.date('Please give a date that exists, as YYYY-MM-DD.');

export const ReflectionVisibility = z.enum(['private', 'shared', 'together']);
export type ReflectionVisibility = z.infer<typeof ReflectionVisibility>;

export const Ratings = z.object({
  connection: Rating,
  worldview: Rating,
  mutuality: Rating,
  movingToward: Rating,
});
export const Notes = z.object({
  connection: Note.default(''),
  worldview: Note.default(''),
  mutuality: Note.default(''),
  movingToward: Note.default(''),
});

export const StartRoundBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'Please say in a few words what you are reflecting on.')
      .max(120, 'Please keep this to 120 characters or fewer.'),
    periodStart: Day.nullable().default(null),
    periodEnd: Day.nullable().default(null),
  })
  .strict();

export const WriteReflectionBody = z
  .object({
    // Strict here, not in the shared shapes (views reuse Ratings): an unknown key is named, not dropped.
    ratings: Ratings.strict(),
    notes: Notes.strict().default({
      connection: '',
      worldview: '',
      mutuality: '',
      movingToward: '',
    }),
    tryNext: z.string().max(2000).nullable().default(null),
    visibility: ReflectionVisibility.default('private'),
  })
  .strict();

export const SetVisibilityBody = z.object({ visibility: ReflectionVisibility }).strict();
export const SetPracticeBody = z.object({ isPractice: z.boolean() }).strict();

export const ReflectionView = z.object({
  id: z.string(),
  roundId: z.string(),
  conversationId: z.string(),
  authorId: z.string(),
  ratings: Ratings,
  notes: z.object({
    connection: z.string(),
    worldview: z.string(),
    mutuality: z.string(),
    movingToward: z.string(),
  }),
  tryNext: z.string().nullable(),
  visibility: ReflectionVisibility,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReflectionView = z.infer<typeof ReflectionView>;

export const RoundView = z.object({
  id: z.string(),
  conversationId: z.string(),
  startedBy: z.string(),
  title: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  createdAt: z.string(),
  mine: ReflectionView.nullable(),
  /** Others who chose to share; `reflection` is null while held back until the caller has written theirs. */
  others: z.array(z.object({ authorId: z.string(), reflection: ReflectionView.nullable() })),
});
export type RoundView = z.infer<typeof RoundView>;

export const RoundList = z.object({ practice: z.boolean(), rounds: z.array(RoundView) });
export type RoundList = z.infer<typeof RoundList>;

export const PracticeView = z.object({ isPractice: z.boolean() });
