/**
 * Plays generated steps on a real socket for the fuzz test: sends each frame (one at a time, or all at once),
 * then a ping, and checks that what came back is exactly one of the answers the model allows.
 */
import { ClientFrame, type ServerFrame, WS_MAX_PAYLOAD } from '../../src/contract/ws.ts';
import { newId } from '../../src/lib/ids.ts';
import type { Probe } from './realtime.ts';
import type { Step } from './ws-frames.arbitrary.ts';
import { type ConvName, type MsgName, nestText, slotText } from './ws-frame-values.arbitrary.ts';
import { ANSWER_TYPES, type Outcome, refusal } from './ws-fuzz.answers.ts';
import type { SocketModel, StoreModel } from './ws-fuzz.model.ts';

/** Turns the names in generated frames into ids of the test's world. */
export interface Resolver {
  conv(c: ConvName): string;
  msg(m: MsgName): string;
}

/** A step ready to send: the bytes, and (asked when its answer is checked) what may answer it. */
interface Prepared {
  wire: string | Buffer;
  outcomes(): Outcome[];
  /** How many `subscribed` or `unsubscribed` answers it is owed (the first may follow the pong). */
  late: number;
  /** The conversation it unsubscribes from, for a valid unsubscribe. */
  unsubscribes?: string;
}

/** A ping of exactly `bytes` bytes (an extra field pads it). */
function paddedPing(bytes: number): string {
  const head = '{"type":"ping","ref":"padded","pad":"';
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

const short = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/**
 * Takes `outcome`'s answers out of `pool` if every one of them is there (answers that are not ANSWER_TYPES,
 * like message.updated, are looked for in `window` and left). Returns whether it did.
 */
function take(outcome: Outcome, pool: ServerFrame[], window: ServerFrame[]): boolean {
  const left = [...pool];
  for (const a of outcome.answers) {
    if (!ANSWER_TYPES.has(a.type)) {
      if (!window.some((f) => a.test(f))) return false;
      continue;
    }
    const i = left.findIndex((f) => a.test(f));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  pool.splice(0, pool.length, ...left);
  return true;
}

/** One person's sockets through generated steps, checked against `model`. */
export class FuzzRunner {
  constructor(
    private readonly model: StoreModel,
    private readonly resolve: Resolver,
  ) {}

  /** What to send for `step` and what may answer it; undefined for a frame that must close the socket. */
  private prepare(step: Step, socket: SocketModel): Prepared | undefined {
    const { model } = this;
    switch (step.kind) {
      case 'size':
        if (step.bytes > WS_MAX_PAYLOAD) return undefined;
        return step.binary
          ? {
              wire: Buffer.alloc(step.bytes, 0x20),
              outcomes: () => [refusal({ kind: 'binary' })],
              late: 0,
            }
          : {
              wire: paddedPing(step.bytes),
              outcomes: () => model.outcomes({ type: 'ping', ref: 'padded' }, socket),
              late: 0,
            };
      case 'object': {
        const wire = `{${step.fields.map(([k, v]) => `${JSON.stringify(k)}:${slotText(v, this.resolve)}`).join(',')}}`;
        const parsed = JSON.parse(wire) as Record<string, unknown>;
        // Random values: the contract says whether the frame is valid, and the first thing wrong.
        const checked = step.broken === 'contract' ? ClientFrame.safeParse(parsed) : undefined;
        const broken = checked?.error
          ? [checked.error.issues[0]!.path.join('.') || 'frame']
          : checked
            ? []
            : (step.broken as string[]);
        if (broken.length)
          return { wire, outcomes: () => [refusal({ kind: 'object', broken }, parsed)], late: 0 };
        return {
          wire,
          outcomes: () => model.outcomes(parsed, socket),
          late: model.lateAnswersFor(parsed),
          ...(parsed.type === 'unsubscribe'
            ? { unsubscribes: parsed.conversationId as string }
            : {}),
        };
      }
      case 'text':
        return { wire: step.text, outcomes: () => [refusal(step)], late: 0 };
      case 'nested':
        return {
          wire: nestText('arrays', step.depth),
          outcomes: () => [refusal(step)],
          late: 0,
        };
      case 'binary':
        return { wire: Buffer.from(step.bytes), outcomes: () => [refusal(step)], late: 0 };
    }
  }

  /**
   * Opens a socket with `open`, plays `steps` (each answered before the next, or with `burst` all sent at
   * once) and closes it. A frame over 64 KiB must close the socket with 1009 and ends the session.
   */
  async session(open: () => Promise<Probe>, steps: Step[], burst = false): Promise<void> {
    const probe = await open();
    const subs = new Set<string>();
    try {
      if (burst) await this.play(probe, steps, subs);
      else for (const step of steps) if (!(await this.play(probe, [step], subs))) break;
    } finally {
      probe.ws.terminate();
      await probe.closed;
    }
  }

  /** Sends `steps` at once and checks the answers in order; false once the socket is (rightly) closed. */
  private async play(probe: Probe, steps: Step[], subs: Set<string>): Promise<boolean> {
    const prepared: Array<{ p: Prepared; socket: SocketModel }> = [];
    for (const step of steps) {
      const socket: SocketModel = { subs };
      const p = this.prepare(step, socket);
      if (p) {
        prepared.push({ p, socket });
        continue;
      }
      if (step.kind !== 'size') throw new Error('only an oversized frame closes the socket');
      probe.sendRaw(step.binary ? Buffer.alloc(step.bytes, 0x20) : paddedPing(step.bytes));
      const timeout = new Promise<{ code: number }>((resolve) => {
        setTimeout(() => resolve({ code: 0 }), 3000).unref();
      });
      const { code } = await Promise.race([probe.closed, timeout]);
      if (code !== 1009)
        throw new Error(
          `a ${step.bytes}-byte frame ${code ? `closed the socket with ${code}` : 'left it open'}, not 1009`,
        );
      return false;
    }
    if (prepared.length > 1)
      prepared.forEach(({ socket }, i) => {
        const later = prepared.slice(i + 1).map(({ p }) => p.unsubscribes);
        socket.endsLater = new Set(later.filter((c) => c !== undefined));
      });
    const window = await this.exchange(
      probe,
      prepared.map(({ p }) => p.wire),
      prepared.reduce((n, { p }) => n + p.late, 0),
    );
    const pool = window.filter((f) => ANSWER_TYPES.has(f.type));
    const wrong: string[] = [];
    for (const [i, { p }] of prepared.entries()) {
      const outcomes = p.outcomes();
      const chosen = outcomes.find((o) => take(o, pool, window));
      // The frames after a wrong answer are still matched, so the model keeps what they stored.
      if (chosen) chosen.apply?.();
      else wrong.push(report(p.wire, outcomes, window, i));
    }
    if (wrong.length) throw new Error(wrong[0]);
    if (pool.length)
      throw new Error(
        `answers nothing asked for: ${pool.map((f) => short(JSON.stringify(f))).join(', ')}`,
      );
    return true;
  }

  /** Sends `wires` and a ping; returns what came back up to the pong and the `late` answers owed. */
  private async exchange(probe: Probe, wires: Array<string | Buffer>, late: number) {
    const from = probe.frames.length;
    for (const wire of wires) probe.sendRaw(wire);
    const ref = `probe:${newId()}`;
    probe.send({ type: 'ping', ref });
    const closed = probe.closed.then(({ code, reason }) =>
      Promise.reject(new Error(`the socket closed (${code} ${reason}) instead of answering`)),
    );
    closed.catch(() => undefined);
    await Promise.race([probe.wait((f) => f.type === 'pong' && f.ref === ref, 5000, from), closed]);
    const answered = () =>
      probe.frames.slice(from).filter((f) => f.type === 'subscribed' || f.type === 'unsubscribed')
        .length;
    const window = () =>
      probe.frames.slice(from).filter((f) => !(f.type === 'pong' && f.ref === ref));
    if (late > 0)
      await Promise.race([probe.wait(() => answered() >= late, 3000, from), closed]).catch(
        (error: unknown) => {
          if (answered() >= late) return;
          if (error instanceof Error && error.message.startsWith('the socket closed')) throw error;
          throw new Error(
            `${late - answered()} subscribe (or unsubscribe) frame(s) got no answer within 3 s; ` +
              `sent ${wires.map((w) => short(String(w), 200)).join(' ')}; got ${window()
                .map((f) => short(JSON.stringify(f)))
                .join(', ')}`,
            { cause: error },
          );
        },
      );
    return window();
  }
}

/** What went wrong with the answer to the `i`th frame sent at once, for the failure message. */
function report(
  wire: string | Buffer,
  outcomes: Outcome[],
  window: ServerFrame[],
  i: number,
): string {
  const expected = outcomes.map((o) => o.answers.map((a) => a.describe).join(' + ') || 'no answer');
  return [
    `frame ${i + 1} sent: ${short(typeof wire === 'string' ? wire : `<binary ${wire.length} bytes>`)}`,
    `expected: ${expected.join('  OR  ')}`,
    `got: ${window.map((f) => short(JSON.stringify(f))).join('\n     ') || 'nothing'}`,
  ].join('\n');
}
