/** Field rules that several contracts share: ids and names people read. */
import { z } from 'zod';
import { isUuid } from '../lib/ids.ts';

/** What a bad id is told; the same words over HTTP and the real-time channel. */
export const ID_MESSAGE = 'Must be a UUID.';

/** An id Mutual made (a lower-case UUID, as the store keeps them). */
export const Id = z.string(ID_MESSAGE).refine(isUuid, ID_MESSAGE);

/** Control characters (a tab, a bell, a NUL …) have no place in a name. */
const CONTROL_RE = /\p{Cc}/u;
/** Something a reader can see: not only spaces, joiners and other invisible marks. */
const VISIBLE_RE = /[^\p{Z}\p{Cf}\p{Cc}\s]/u;

/** `name` (a string rule with its length limits) that also shows on screen and holds no control characters. */
export const visible = (name: z.ZodString, empty: string) =>
  name
    .refine((v) => !CONTROL_RE.test(v), 'Please use only letters, digits, spaces and punctuation.')
    .refine((v) => VISIBLE_RE.test(v), empty);

/** What a route without a body (or without a query) accepts: nothing, so any field sent is named. */
export const NoInput = z.object({}).strict();
