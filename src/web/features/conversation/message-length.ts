/** Whether a message is longer than the server takes, counted as the server counts (an emoji once). */
import { WS_MAX_TEXT } from '../../../contract/ws.ts';
import { copy, fill } from '../../copy.ts';

/** Why `text` cannot be sent as one message, or undefined when its length is fine. */
export function tooLongReason(text: string): string | undefined {
  if (text.length <= WS_MAX_TEXT) return undefined;
  const count = [...text].length;
  return count > WS_MAX_TEXT
    ? fill(copy.conversation.tooLong, { max: WS_MAX_TEXT, count })
    : undefined;
}
