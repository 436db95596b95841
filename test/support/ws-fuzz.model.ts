/**
 * The fuzz test's oracle for valid frames: a model of what one person's frames store, and from it the
 * answers the gateway owes each frame (docs/protocol.md).
 */
import {
  type Answer,
  type Frame,
  type Outcome,
  errorAnswer,
  refOf,
  reply,
} from './ws-fuzz.answers.ts';

/** A stored message as the model expects it. */
export interface ModelMessage {
  id: string;
  conversationId: string;
  seq: number;
  authorId: string;
  text: string;
  /** The text it was sent with (what live `message` frames carry). */
  postedText: string;
  edited: boolean;
  deleted: boolean;
  /** Changed or made by the fuzzed frames: the store check compares it with this model, not the snapshot. */
  touched: boolean;
}

/** Text the service refuses: nothing but white space. */
const isBlank = (text: string) => text.trim() === '';
/** Text that cannot be stored as UTF-8 exactly as it is (NUL, lone surrogates): refused, or stored exactly. */
const isDoubtful = (text: string) => text.includes('\u0000') || /\p{Cs}/u.test(text);

/** What the model knows of one socket. */
export interface SocketModel {
  /** The conversations it is subscribed to. */
  subs: Set<string>;
  /**
   * Frames sent at once (not each answered before the next): the conversations a later frame of the same
   * batch unsubscribes from. Undefined when each frame is answered before the next is sent.
   */
  endsLater?: Set<string>;
}

/** The person's view of the store, as their valid frames change it. */
export class StoreModel {
  readonly messages = new Map<string, ModelMessage>();
  readonly lastSeq = new Map<string, number>();
  readonly readUpTo = new Map<string, number>();
  /** The person's own messages, for frames that name one by index. */
  readonly mine: string[] = [];

  constructor(
    readonly me: string,
    /** The conversations the person is in. */
    readonly memberOf: ReadonlySet<string>,
  ) {}

  /**
   * How many answers to a valid frame may come after the pong that follows it: one per subscribe to a
   * conversation of the person (its `subscribed`, or an `unsubscribed`); counted with `unsubscribe`'s own.
   */
  lateAnswersFor(frame: Frame): number {
    if (frame.type === 'unsubscribe') return 1;
    if (frame.type === 'subscribe')
      return this.memberOf.has(frame.conversationId as string) ? 1 : 0;
    if (frame.type !== 'hello') return 0;
    const resume = (frame.resume as Frame[] | undefined) ?? [];
    return resume.filter((p) => this.memberOf.has(p.conversationId as string)).length;
  }

  /** Every acceptable answer to a valid frame, given what the model knows of the socket. */
  outcomes(frame: Frame, socket: SocketModel): Outcome[] {
    const { subs } = socket;
    const ref = refOf(frame);
    const conversationId = frame.conversationId as string;
    const member = this.memberOf.has(conversationId);
    const notFound = (type: string, id?: string) =>
      errorAnswer(['not_found'], { ref, frame: type, conversationId, ...(id ? { id } : {}) });
    switch (frame.type) {
      case 'ping':
        return [{ answers: [reply('pong', { ref })] }];
      case 'presence':
        return [{ answers: [] }];
      case 'follow':
        return [
          {
            answers: [
              reply(
                'following',
                { ref },
                (f) => [...f.conversationIds].sort().join() === [...this.memberOf].sort().join(),
              ),
            ],
          },
        ];
      case 'unsubscribe':
        return [
          {
            answers: [reply('unsubscribed', { ref, conversationId, reason: 'requested' })],
            apply: () => subs.delete(conversationId),
          },
        ];
      case 'subscribe':
        return [this.subscribing(conversationId, ref, socket)];
      case 'hello': {
        const each = ((frame.resume as Frame[] | undefined) ?? []).map((p) =>
          this.subscribing(p.conversationId as string, ref, socket),
        );
        return [
          {
            answers: each.flatMap((o) => o.answers),
            apply: () => each.forEach((o) => o.apply?.()),
          },
        ];
      }
      case 'typing':
        return [
          {
            answers: subs.has(conversationId)
              ? []
              : [errorAnswer(['invalid_input'], { ref, frame: 'typing', conversationId })],
          },
        ];
      case 'read': {
        if (!member) return [{ answers: [notFound('read')] }];
        const target = Math.min(frame.seq as number, this.lastSeq.get(conversationId) ?? 0);
        return [
          {
            answers: [],
            apply: () =>
              this.readUpTo.set(
                conversationId,
                Math.max(this.readUpTo.get(conversationId) ?? 0, target),
              ),
          },
        ];
      }
      case 'send':
      case 'edit':
      case 'delete': {
        const id = frame.id as string;
        const text = frame.text as string | undefined;
        if (text !== undefined && isBlank(text))
          return [
            {
              answers: [
                errorAnswer(['invalid_input'], { ref, frame: frame.type, conversationId, id }),
              ],
            },
          ];
        const handled = member
          ? this.changing(frame.type, conversationId, id, text, ref)
          : { answers: [notFound(frame.type, id)] };
        if (text === undefined || !isDoubtful(text)) return [handled];
        const named = errorAnswer(
          ['invalid_frame'],
          { ref, frame: frame.type, conversationId, id },
          ['text'],
        );
        return [{ answers: [named] }, handled];
      }
      default:
        throw new Error(`no model for frame type ${String(frame.type)}`);
    }
  }

  private subscribing(
    conversationId: string,
    ref: string | undefined,
    socket: SocketModel,
  ): Outcome {
    if (!this.memberOf.has(conversationId))
      return {
        answers: [errorAnswer(['not_found'], { ref, frame: 'subscribe', conversationId })],
      };
    const seq = this.lastSeq.get(conversationId) ?? 0;
    const { endsLater } = socket;
    return {
      answers: [
        {
          type: 'subscribed',
          describe: `subscribed ${JSON.stringify({ ref, conversationId, seq })}${endsLater?.has(conversationId) ? ' or unsubscribed' : ''}`,
          test: (f) =>
            // Frames sent at once: a send after the subscribe may be caught up before it is answered.
            (f.type === 'subscribed' &&
              f.ref === ref &&
              f.conversationId === conversationId &&
              (endsLater ? f.seq >= seq : f.seq === seq)) ||
            // An unsubscribe sent with it may end it before its catch-up is done.
            (f.type === 'unsubscribed' &&
              f.ref === ref &&
              f.conversationId === conversationId &&
              f.reason === 'requested' &&
              endsLater?.has(conversationId) === true),
        },
      ],
      apply: () => socket.subs.add(conversationId),
    };
  }

  /** A send, edit or delete by a member of the conversation. */
  private changing(
    type: 'send' | 'edit' | 'delete',
    conversationId: string,
    id: string,
    text: string | undefined,
    ref: string | undefined,
  ): Outcome {
    const echo = { ref, frame: type, conversationId, id };
    const existing = this.messages.get(id);
    if (type === 'send') {
      if (existing) {
        if (existing.conversationId !== conversationId || existing.authorId !== this.me)
          return { answers: [errorAnswer(['conflict'], echo)] };
        return {
          answers: [reply('ack', { ref, id, conversationId, seq: existing.seq, duplicate: true })],
        };
      }
      const seq = (this.lastSeq.get(conversationId) ?? 0) + 1;
      return {
        answers: [reply('ack', { ref, id, conversationId, seq, duplicate: false })],
        apply: () => {
          const t = text!;
          this.messages.set(id, {
            id,
            conversationId,
            seq,
            authorId: this.me,
            text: t,
            postedText: t,
            edited: false,
            deleted: false,
            touched: true,
          });
          this.mine.push(id);
          this.lastSeq.set(conversationId, seq);
          this.readUpTo.set(conversationId, Math.max(this.readUpTo.get(conversationId) ?? 0, seq));
        },
      };
    }
    if (!existing || existing.conversationId !== conversationId)
      return { answers: [errorAnswer(['not_found'], echo)] };
    if (existing.authorId !== this.me) return { answers: [errorAnswer(['forbidden'], echo)] };
    if (type === 'edit' && existing.deleted) return { answers: [errorAnswer(['conflict'], echo)] };
    const after = type === 'delete' ? '' : text!;
    const updated: Answer = {
      type: 'message.updated',
      describe: `message.updated ${JSON.stringify({ ref, id, text: after.slice(0, 40) })}`,
      test: (f) =>
        f.type === 'message.updated' &&
        f.ref === ref &&
        f.message.id === id &&
        f.message.seq === existing.seq &&
        f.message.text === after &&
        (f.message.deletedAt !== null) === (type === 'delete'),
    };
    return {
      answers: [updated],
      apply: () => {
        if (type === 'delete') existing.deleted = true;
        else existing.edited ||= existing.text !== after;
        existing.text = after;
        existing.touched = true;
      },
    };
  }
}
