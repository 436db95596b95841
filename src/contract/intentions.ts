/** Wire shapes for shared and personal intentions, their steps, check-ins and history. */
import { z } from 'zod';
import { Id } from './fields.ts';

const Title = z
  .string()
  .trim()
  .min(1, 'Please say what you want to create.')
  .max(200, 'Please keep this to 200 characters or fewer.');
const Why = z.string().trim().max(4000, 'Please keep this to 4,000 characters or fewer.');
const StepText = z
  .string()
  .trim()
  .min(1, 'Please describe the step.')
  .max(300, 'Please keep a step to 300 characters or fewer.');

export const IntentionStatus = z.enum(['open', 'reached', 'set_aside']);

export const CreateSharedIntentionBody = z.object({ title: Title, why: Why.default('') }).strict();
export const CreatePersonalIntentionBody = z
  .object({ title: Title, why: Why.default(''), sharedWith: Id.nullable().default(null) })
  .strict();

export const UpdateIntentionBody = z
  .object({
    title: Title.optional(),
    why: Why.optional(),
    status: IntentionStatus.optional(),
    sharedWith: Id.nullable().optional(),
  })
  .strict();

export const AddStepBody = z.object({ text: StepText }).strict();
export const UpdateStepBody = z
  .object({
    text: StepText.optional(),
    taken: z.boolean().optional(),
    done: z.boolean().optional(),
  })
  .strict();
export const CheckInBody = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, 'Please write a few words.')
      .max(4000, 'Please keep this to 4,000 characters or fewer.'),
  })
  .strict();

export const IntentionView = z.object({
  id: z.string(),
  kind: z.enum(['shared', 'personal']),
  conversationId: z.string().nullable(),
  ownerId: z.string(),
  title: z.string(),
  why: z.string(),
  status: IntentionStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntentionView = z.infer<typeof IntentionView>;
export const IntentionList = z.object({ intentions: z.array(IntentionView) });

export const StepView = z.object({
  id: z.string(),
  text: z.string(),
  addedBy: z.string(),
  takenBy: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export const CheckInView = z.object({
  id: z.string(),
  authorId: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export const ChangeView = z.object({
  id: z.string(),
  actorId: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.string().nullable()),
  at: z.string(),
});

export const IntentionDetail = z.object({
  intention: IntentionView,
  steps: z.array(StepView),
  checkIns: z.array(CheckInView),
  history: z.array(ChangeView),
  canEdit: z.boolean(),
});
export type IntentionDetail = z.infer<typeof IntentionDetail>;
