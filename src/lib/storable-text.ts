/**
 * Text the stores can keep exactly as sent. PostgreSQL refuses a NUL, and half of a surrogate pair (a cut
 * emoji) has no UTF-8 form, so it would be kept as U+FFFD: text holding either is refused wherever it
 * enters (HTTP bodies, real-time frames, the core's message check), with this one rule and message.
 */
const UNSTORABLE = /[\0\p{Cs}]/u;

export const UNSTORABLE_TEXT_MESSAGE =
  'The text holds a character that cannot be stored (a NUL, or half of an emoji). Please remove it.';

/** Whether `text` holds a NUL or half of a surrogate pair. */
export const hasUnstorableText = (text: string): boolean => UNSTORABLE.test(text);
