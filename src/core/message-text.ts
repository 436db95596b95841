/** The rules a message's text and client-made id must meet, checked in the core so every transport agrees. */
import { isUuid } from '../lib/ids.ts';
import { UNSTORABLE_TEXT_MESSAGE, hasUnstorableText } from '../lib/storable-text.ts';
import { invalidField } from './errors.ts';

/** The longest message, in characters (Unicode code points, so an emoji counts once). */
export const MAX_MESSAGE_CHARS = 8000;

/**
 * Returns the text unchanged, or throws a field error on `text` when it is blank, too long, or holds a
 * character the store could not keep as sent.
 */
export function checkMessageText(text: string): string {
  if (text.trim() === '') throw invalidField('text', 'Please write something before sending.');
  if (hasUnstorableText(text)) throw invalidField('text', UNSTORABLE_TEXT_MESSAGE);
  if (text.length > MAX_MESSAGE_CHARS && [...text].length > MAX_MESSAGE_CHARS) {
    throw invalidField(
      'text',
      `Please keep a message to ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters or fewer.`,
    );
  }
  return text;
}

/** Throws a field error on `id` unless it is a lower-case UUID made by the sending client. */
export function checkMessageId(id: string): string {
  if (!isUuid(id))
    throw invalidField(
      'id',
      'A message id must be a lower-case UUID (v7 recommended) made by the client.',
    );
  return id;
}
