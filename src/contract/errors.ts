/** The one error shape every HTTP route returns. */
import { z } from 'zod';

/** `{ error: { code, message, fields? } }`: `fields` maps an input field to what is wrong with it. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
