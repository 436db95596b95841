/**
 * The answers the fuzz test expects: error frames that name the problem, documented replies, and what a
 * frame that is not a valid client frame must get (docs/protocol.md).
 */
import type { ServerFrame, ServerFrameType, WsErrorCode } from '../../src/contract/ws.ts';
import { isUuid } from '../../src/lib/ids.ts';

/** One frame the gateway must send in answer, found by `test`. */
export interface Answer {
  type: ServerFrameType;
  describe: string;
  test(frame: ServerFrame): boolean;
}

/** One acceptable way of answering: exactly these answers (any order), then `apply` updates the model. */
export interface Outcome {
  answers: Answer[];
  apply?(): void;
}

/** Frames that answer a client frame; anything else (messages, presence, activity) may come at any time. */
export const ANSWER_TYPES = new Set<ServerFrameType>([
  'error',
  'pong',
  'subscribed',
  'unsubscribed',
  'following',
  'ack',
]);

export type Frame = Record<string, unknown>;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether an error message names `path` as zod issues do (`path: what is wrong`). */
const names = (message: string, path: string): boolean =>
  path === 'type'
    ? /\btype\b/.test(message)
    : new RegExp(`(^|[\\s.;])${escape(path)}: `).test(message);

/** The ref a reply must echo: a string the contract takes (at most 64 characters), or none. */
export const refOf = (frame: Frame): string | undefined =>
  typeof frame.ref === 'string' && [...frame.ref].length <= 64 ? frame.ref : undefined;

/** An error frame: one of `codes`, echoing `echo` exactly (undefined = absent), naming each of `paths`. */
export function errorAnswer(
  codes: WsErrorCode[],
  echo: { ref: string | undefined; frame?: string; conversationId?: string; id?: string },
  paths: string[] = [],
): Answer {
  return {
    type: 'error',
    describe: `error ${codes.join('|')} ${JSON.stringify(echo)} naming ${paths.join(', ') || '-'}`,
    test: (f) =>
      f.type === 'error' &&
      codes.includes(f.code) &&
      f.message.length > 0 &&
      f.ref === echo.ref &&
      f.frame === echo.frame &&
      f.conversationId === echo.conversationId &&
      f.id === echo.id &&
      paths.every((p) => names(f.message, p)),
  };
}

export function reply<T extends ServerFrameType>(
  type: T,
  fields: Record<string, unknown>,
  more: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true,
): Answer {
  return {
    type,
    describe: `${type} ${JSON.stringify(fields)}`,
    test: (f) =>
      f.type === type &&
      Object.entries(fields).every(([k, v]) => (f as Record<string, unknown>)[k] === v) &&
      more(f as Extract<ServerFrame, { type: T }>),
  };
}

/** What the gateway must answer to a frame that is not a valid client frame. */
export function refusal(
  step: { kind: 'text' | 'nested' | 'binary' } | { kind: 'object'; broken: string[] },
  parsed?: Frame,
): Outcome {
  if (step.kind !== 'object' || !parsed)
    return { answers: [errorAnswer(['malformed'], { ref: undefined })] };
  if (step.broken.includes('type'))
    return { answers: [errorAnswer(['invalid_frame'], { ref: refOf(parsed) }, ['type'])] };
  const uuid = (v: unknown) => (typeof v === 'string' && isUuid(v) ? v : undefined);
  const echo = {
    ref: step.broken.includes('ref') ? undefined : refOf(parsed),
    frame: parsed.type as string,
    conversationId: uuid(parsed.conversationId),
    id: uuid(parsed.id),
  };
  return { answers: [errorAnswer(['invalid_frame'], echo, step.broken)] };
}
