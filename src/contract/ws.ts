/**
 * The real-time wire format: every frame a client may send and every frame the server sends over the
 * WebSocket at /ws, as zod schemas discriminated by `type`. docs/protocol.md explains how they are used.
 */
import { z } from 'zod';
import { isUuid } from '../lib/ids.ts';
import { UNSTORABLE_TEXT_MESSAGE, hasUnstorableText } from '../lib/storable-text.ts';
import { Id } from './fields.ts';
import { MessageView } from './conversations.ts';

/** The path the WebSocket gateway listens on. */
export const WS_PATH = '/ws';

/** The largest frame either side may send (bytes); a bigger one closes the connection with 1009. */
export const WS_MAX_PAYLOAD = 64 * 1024;

/** The longest message text, in characters. */
export const WS_MAX_TEXT = 8000;

/** Close codes the server uses (besides 1000 normal, 1001 going away, and 1002, 1007 and 1009 from the `ws` library). */
export const CLOSE = {
  /** The session behind the socket ended: signed out, revoked or expired. Do not reconnect until signed in. */
  SESSION_ENDED: 4001,
  /** The client kept sending far beyond the rate limit. Reconnect after a pause. */
  RATE_LIMITED: 4008,
  /** The client reads too slowly: more than a megabyte waits to be sent. Reconnect and resume. */
  TOO_FAR_BEHIND: 4013,
} as const;

const Seq = z.number().int().min(0);
/** An optional value the client chooses; the server echoes it on the reply or error to that frame. */
const Ref = z.string().max(64).optional();
/** A frame's `ref` as the server echoes it on any answer: whenever the contract takes it as a ref, even empty. */
export const echoedRef = (value: unknown): string | undefined => Ref.safeParse(value).data;
const Text = z
  .string()
  .min(1, 'A message needs some text.')
  .max(WS_MAX_TEXT, `Please keep a message to ${WS_MAX_TEXT} characters or fewer.`)
  // Stored as sent or not at all (lib/storable-text.ts).
  .refine((v) => !hasUnstorableText(v), UNSTORABLE_TEXT_MESSAGE);

/**
 * When a client last knew a conversation to be up to date: the `at` of the `subscribed` frame it got. On
 * resume the server also sends `message.updated` for messages up to `lastSeq` edited or deleted since.
 */
const ChangedSince = z.iso.datetime({
  message: 'Must be an ISO 8601 time in UTC, like a subscribed frame’s "at".',
});

/** A conversation the client already has up to `lastSeq` (0 when it has nothing yet). */
export const ResumePoint = z.object({
  conversationId: Id,
  lastSeq: Seq,
  changedSince: ChangedSince.optional(),
});
export type ResumePoint = z.infer<typeof ResumePoint>;

/** Every frame a client may send. */
export const ClientFrame = z.discriminatedUnion('type', [
  /** Optional first frame: resume several conversations and choose presence visibility. */
  z.object({
    type: z.literal('hello'),
    ref: Ref,
    resume: z.array(ResumePoint).max(500).default([]),
    presence: z.enum(['visible', 'hidden']).optional(),
  }),
  /** Receive a conversation live; with `lastSeq`, first receive everything after it from the store. */
  z.object({
    type: z.literal('subscribe'),
    ref: Ref,
    conversationId: Id,
    lastSeq: Seq.optional(),
    changedSince: ChangedSince.optional(),
  }),
  z.object({ type: z.literal('unsubscribe'), ref: Ref, conversationId: Id }),
  /**
   * Hear of new messages in every conversation of the person that this socket is not subscribed to, as
   * `conversation.activity` (no content): for lists with unread counts. Answered with `following`.
   */
  z.object({ type: z.literal('follow'), ref: Ref }),
  /** Post a message; `id` is made by the client (UUIDv7) and makes a retry safe. */
  z.object({ type: z.literal('send'), ref: Ref, conversationId: Id, id: Id, text: Text }),
  z.object({ type: z.literal('edit'), ref: Ref, conversationId: Id, id: Id, text: Text }),
  z.object({ type: z.literal('delete'), ref: Ref, conversationId: Id, id: Id }),
  /** The person has read up to `seq`. */
  z.object({ type: z.literal('read'), ref: Ref, conversationId: Id, seq: Seq }),
  /** The person is typing; the server forwards at most one every few seconds and stores nothing. */
  z.object({ type: z.literal('typing'), ref: Ref, conversationId: Id }),
  /** Show or hide this person's presence from now on. */
  z.object({ type: z.literal('presence'), ref: Ref, visibility: z.enum(['visible', 'hidden']) }),
  /** Application-level liveness check; answered with `pong`. */
  z.object({ type: z.literal('ping'), ref: Ref }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;
export type ClientFrameType = ClientFrame['type'];

/** A stored message as the client receives it: the same shape as over HTTP (deleted messages have empty text). */
export const WireMessage = MessageView;
export type WireMessage = z.infer<typeof WireMessage>;

/** What an error frame can say. */
export const WsErrorCode = z.enum([
  'malformed',
  'invalid_frame',
  'not_found',
  'forbidden',
  'invalid_input',
  'conflict',
  'gone',
  'rate_limited',
  'internal',
]);
export type WsErrorCode = z.infer<typeof WsErrorCode>;

/** Every frame the server sends. */
export const ServerFrame = z.discriminatedUnion('type', [
  /** First frame on every connection. */
  z.object({
    type: z.literal('welcome'),
    userId: z.string(),
    /** The person's own choice (their account's) not to show as online, nor typing. */
    presenceHidden: z.boolean(),
    heartbeatMs: z.number().int(),
    limits: z.object({ framesPerSecond: z.number(), maxPayload: z.number(), maxText: z.number() }),
  }),
  /**
   * The conversation is live on this socket; every message up to `seq` has been sent, in its latest
   * version as of `at` (server time). Keep `at` to resume with `changedSince`.
   */
  z.object({
    type: z.literal('subscribed'),
    ref: Ref,
    conversationId: z.string(),
    seq: Seq,
    at: z.string(),
  }),
  /**
   * No more frames for the conversation. `access_lost`: the person left, was removed or can no longer see it.
   * With a subscribe's `ref`: that subscription ended before it was live (its `subscribed` never comes).
   */
  z.object({
    type: z.literal('unsubscribed'),
    ref: Ref,
    conversationId: z.string(),
    reason: z.enum(['requested', 'access_lost']),
  }),
  /** The person joined a conversation (accepted a connection, joined a circle); they may subscribe to it. */
  z.object({ type: z.literal('conversation.access_gained'), conversationId: z.string() }),
  z.object({ type: z.literal('conversation.access_lost'), conversationId: z.string() }),
  /** Someone invited this person: read the invitations again. */
  z.object({ type: z.literal('invitations.changed') }),
  /** After `follow`: the conversations followed from now on (the person's, as they change). */
  z.object({ type: z.literal('following'), ref: Ref, conversationIds: z.array(z.string()) }),
  /**
   * A followed conversation this socket is not subscribed to reached `seq` (a new message): read its
   * unread count again. Never carries content.
   */
  z.object({ type: z.literal('conversation.activity'), conversationId: z.string(), seq: Seq }),
  /** Someone joined or left, or a circle's name or setting changed: read the conversation again. */
  z.object({ type: z.literal('conversation.changed'), conversationId: z.string() }),
  /** A message, in seq order per conversation, with no gaps after the client's resume point. */
  z.object({ type: z.literal('message'), message: WireMessage }),
  /** Sent only after the message is committed. `duplicate`: this id was stored before (a retry). */
  z.object({
    type: z.literal('ack'),
    ref: Ref,
    id: z.string(),
    conversationId: z.string(),
    seq: Seq,
    duplicate: z.boolean(),
  }),
  /** A message was edited or deleted (a tombstone: empty text, `deletedAt` set). */
  z.object({ type: z.literal('message.updated'), ref: Ref, message: WireMessage }),
  /** Someone who shares read markers has read up to `seq`. */
  z.object({
    type: z.literal('read.updated'),
    conversationId: z.string(),
    userId: z.string(),
    seq: Seq,
  }),
  /**
   * Only to the person who blocked or unblocked someone, on all their sockets: `blocked` — hide that
   * person's messages (already-shown ones too), typing and presence; unblocked — read history again to show them.
   */
  z.object({ type: z.literal('block.changed'), userId: z.string(), blocked: z.boolean() }),
  /**
   * Only to the person, on all their sockets: their account's choice not to show as online (nor typing)
   * changed, on this device or another. A client stops sending `typing` while `hidden`.
   */
  z.object({ type: z.literal('presence.changed'), hidden: z.boolean() }),
  /** Someone is typing (ephemeral; show for a few seconds). */
  z.object({ type: z.literal('typing'), conversationId: z.string(), userId: z.string() }),
  /** Someone's presence in a conversation you share (ephemeral). */
  z.object({
    type: z.literal('presence'),
    conversationId: z.string(),
    userId: z.string(),
    online: z.boolean(),
  }),
  z.object({ type: z.literal('pong'), ref: Ref }),
  /** Something about one frame was wrong; the connection goes on. */
  z.object({
    type: z.literal('error'),
    ref: Ref,
    code: WsErrorCode,
    message: z.string(),
    /** The frame type the error answers, when known. */
    frame: z.string().optional(),
    conversationId: z.string().optional(),
    id: z.string().optional(),
    retryAfterMs: z.number().int().optional(),
  }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
export type ServerFrameType = ServerFrame['type'];
/** The server frame of one type. */
export type ServerFrameOf<T extends ServerFrameType> = Extract<ServerFrame, { type: T }>;

/** Result of reading one raw frame from a client. */
export type ParsedClientFrame =
  | { ok: true; frame: ClientFrame }
  | {
      ok: false;
      code: 'malformed' | 'invalid_frame';
      message: string;
      frame?: string;
      ref?: string;
      conversationId?: string;
      id?: string;
    };

const KNOWN_TYPES = new Set<string>(ClientFrame.options.map((o) => o.shape.type.value));

/** Parses and validates a text frame, naming the problem precisely when it is not a valid client frame. */
export function parseClientFrame(raw: string): ParsedClientFrame {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'malformed', message: 'The frame is not valid JSON.' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      code: 'malformed',
      message: 'A frame must be a JSON object with a "type".',
    };
  }
  const record = data as Record<string, unknown>;
  // Echoed whenever the contract takes it as a ref (64 characters, an emoji counting once), even empty.
  const ref = echoedRef(record.ref);
  const type = record.type;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    const named =
      typeof type === 'string'
        ? `type "${type.slice(0, 40)}"`
        : type === undefined
          ? 'type: "type" is missing'
          : 'type: "type" must be a string';
    return {
      ok: false,
      code: 'invalid_frame',
      message: `Unknown frame ${named}; expected one of ${[...KNOWN_TYPES].join(', ')}.`,
      ...(ref !== undefined ? { ref } : {}),
    };
  }
  const parsed = ClientFrame.safeParse(data);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`);
  // The conversation and message ids, where they are valid, say which send or edit this was.
  const conversationId = isUuid(String(record.conversationId)) ? record.conversationId : undefined;
  const id = isUuid(String(record.id)) ? record.id : undefined;
  return {
    ok: false,
    code: 'invalid_frame',
    message: `Invalid "${type}" frame. ${problems.slice(0, 5).join('; ')}`,
    frame: type,
    ...(ref !== undefined ? { ref } : {}),
    ...(typeof conversationId === 'string' ? { conversationId } : {}),
    ...(typeof id === 'string' ? { id } : {}),
  };
}
