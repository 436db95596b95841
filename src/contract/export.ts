/** Wire shape of a person's export: everything they wrote, and nothing anyone else wrote. */
import { z } from 'zod';
import { IntentionView } from './intentions.ts';
import { ReflectionView } from './reflections.ts';

export const PersonalExport = z.object({
  format: z.literal('mutual-export-v1'),
  exportedAt: z.string(),
  person: z.object({ id: z.string(), displayName: z.string(), pronouns: z.string().nullable() }),
  reflections: z.array(
    ReflectionView.extend({
      /** What was reflected on, as titled when the round was started. */
      about: z.string().nullable(),
    }),
  ),
  intentions: z.array(IntentionView),
  steps: z.array(
    z.object({ id: z.string(), intentionId: z.string(), text: z.string(), createdAt: z.string() }),
  ),
  checkIns: z.array(
    z.object({ id: z.string(), intentionId: z.string(), note: z.string(), createdAt: z.string() }),
  ),
  worldview: z
    .object({ body: z.string(), answers: z.record(z.string(), z.string()), updatedAt: z.string() })
    .nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      conversationId: z.string(),
      text: z.string(),
      createdAt: z.string(),
      editedAt: z.string().nullable(),
    }),
  ),
});
export type PersonalExport = z.infer<typeof PersonalExport>;
