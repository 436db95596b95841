/**
 * fast-check generators of the values inside client frames, for the real-time fuzz test: values each field
 * must take, and values it must refuse. Conversations and messages are named, and resolved to ids when sent.
 */
import fc from 'fast-check';
import { WS_MAX_TEXT } from '../../src/contract/ws.ts';
import { isUuid } from '../../src/lib/ids.ts';

/** A conversation a frame names: the person's, someone else's, one they left, or an id of no conversation. */
export type ConvName =
  | 'pair'
  | 'circle'
  | 'outside'
  /** A circle the person left. */
  | 'former'
  /** A message's id where a conversation's belongs. */
  | 'aMessage'
  | { nowhere: string };
/** A message a frame names: a new id, one of the person's own (by index), or someone else's. */
export type MsgName =
  | { fresh: string }
  | { mine: number }
  | 'bens'
  | 'outsiders'
  /** A conversation's id where a message's belongs. */
  | 'aConversation';

/** One value of a frame as it goes on the wire; names are resolved to ids when the frame is sent. */
export type Slot =
  | { raw: string }
  | { conv: ConvName }
  | { msg: MsgName }
  | { obj: Array<[string, Slot]> }
  | { arr: Slot[] }
  /** `text` repeated `times` times, as a JSON string. */
  | { repeat: string; times: number }
  /** `times` copies of `slot`, as a JSON array. */
  | { copies: Slot; times: number }
  /** Arrays (or objects) nested `depth` deep. */
  | { nest: 'arrays' | 'objects'; depth: number };

/** What a field holds, for choosing its values. */
export type Kind = 'ref' | 'conv' | 'msg' | 'text' | 'seq' | 'since' | 'visibility' | 'resume';

export const raw = (value: unknown): Slot => ({ raw: JSON.stringify(value) });
export const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
/** Whether raw JSON text is a seq the contract must take: a safe whole number of 0 or more (-0 and 1.0 too). */
const isSeq = (text: string): boolean => {
  const v: unknown = JSON.parse(text);
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
};

// ---- values of the right shape

export const someConv: fc.Arbitrary<Slot> = fc
  .oneof(
    { arbitrary: fc.constant<ConvName>('pair'), weight: 5 },
    { arbitrary: fc.constant<ConvName>('circle'), weight: 2 },
    { arbitrary: fc.constantFrom<ConvName>('outside', 'former', 'aMessage'), weight: 2 },
    { arbitrary: fc.uuid().map((u): ConvName => ({ nowhere: u })), weight: 1 },
  )
  .map((c) => ({ conv: c }));
export const someMsg: fc.Arbitrary<Slot> = fc
  .oneof(
    { arbitrary: fc.uuid().map((u): MsgName => ({ fresh: u })), weight: 4 },
    { arbitrary: fc.nat(50).map((i): MsgName => ({ mine: i })), weight: 3 },
    { arbitrary: fc.constantFrom<MsgName>('bens', 'outsiders', 'aConversation'), weight: 1 },
  )
  .map((m) => ({ msg: m }));
/** Characters people and programs send: any grapheme, controls, joiners, direction marks, a BOM. */
const odd = fc.constantFrom(
  '\n',
  '\t',
  '\r',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u200b',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\uffff',
  '😀',
  '👩🏽‍🌾',
);
export const someText: fc.Arbitrary<Slot> = fc
  .oneof<fc.MaybeWeightedArbitrary<string | Slot>[]>(
    {
      arbitrary: fc.string({
        unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), odd),
        minLength: 1,
        maxLength: 80,
      }),
      weight: 6,
    },
    // Blank once trimmed: the service refuses it.
    { arbitrary: fc.constantFrom(' ', '\n\t ', '\u00a0', '\u3000 '), weight: 1 },
    // Long, up to the limit in characters (code points): an emoji counts once.
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('a', 'é', '😀', '𝄞'),
          fc.integer({ min: WS_MAX_TEXT - 10, max: WS_MAX_TEXT }),
        )
        .map(([c, n]): Slot => ({ repeat: c, times: n })),
      weight: 1,
    },
    // Not storable as UTF-8 text as it stands (NUL, lone surrogates): refused by name, or stored exactly.
    {
      arbitrary: fc.constantFrom('a\u0000b', '\u0000', 'x\ud800y', '\udc00', '😀\ud83d'),
      weight: 1,
    },
  )
  .map((t) => (typeof t === 'string' ? raw(t) : t));
export const someSeq: fc.Arbitrary<Slot> = fc
  .oneof(
    fc.nat(60).map(String),
    fc.constantFrom('0', '-0', '1.0', '2e0', '2147483647', '2147483648', '9007199254740991'),
  )
  .map((t) => ({ raw: t }));
const someSince: fc.Arbitrary<Slot> = fc
  .date({
    min: new Date('0000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => raw(d.toISOString()));
const someVisibility = fc.constantFrom('visible', 'hidden').map(raw);
const resumeEntry: fc.Arbitrary<Slot> = fc
  .tuple(someConv, someSeq, fc.option(someSince, { nil: undefined }))
  .map(([c, s, since]) => ({
    obj: [
      ['conversationId', c],
      ['lastSeq', s],
      ...(since ? [['changedSince', since] as [string, Slot]] : []),
    ],
  }));
const someResume: fc.Arbitrary<Slot> = fc
  .array(resumeEntry, { maxLength: 4 })
  .map((arr) => ({ arr }));

/** A ref the contract takes (a string of at most 64 characters, an emoji counting once), or none. */
export const someRef = fc.option(
  fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 64 }),
    fc.string({ unit: 'grapheme', maxLength: 16 }).filter((s) => [...s].length <= 64),
    fc.integer({ min: 33, max: 64 }).map((n) => '🌱'.repeat(n)),
  ),
  { nil: undefined },
);

export const GOOD: Record<Kind, fc.Arbitrary<Slot>> = {
  ref: someRef.filter((r) => r !== undefined).map(raw),
  conv: someConv,
  msg: someMsg,
  text: someText,
  seq: someSeq,
  since: someSince,
  visibility: someVisibility,
  resume: someResume,
};

// ---- values of the wrong shape

/** A field gone wrong: its wrong value (none when missing) and the paths the error must name. */
export interface Wrong {
  slot: Slot | undefined;
  names: string[];
}
const wrong = (key: string, arb: fc.Arbitrary<Slot>): fc.Arbitrary<Wrong> =>
  arb.map((slot) => ({ slot, names: [key] }));

export const nonString = fc.oneof(
  fc.integer().map(raw),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(raw),
  fc.boolean().map(raw),
  fc.constant<Slot>({ raw: 'null' }),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }).map(raw),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.nat()).map(raw),
);
const notAnId = fc.oneof(
  nonString,
  fc
    .oneof(
      fc.string({ maxLength: 40 }),
      fc.uuid().map((u) => u.toUpperCase()),
      fc.uuid().map((u) => `{${u}}`),
      fc.uuid().map((u) => u.replaceAll('-', '')),
      fc.uuid().map((u) => ` ${u}`),
      fc.uuid().map((u) => `${u}\n`),
      fc.uuid().map((u) => u.slice(0, 35)),
      fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        "' or 1=1 --",
        "'); drop table messages; --",
        '../etc/passwd',
        'null',
        '%s%n',
      ),
    )
    .filter((s) => !isUuid(s))
    .map(raw),
);
const notText = fc.oneof(
  nonString,
  fc.constant(raw('')),
  fc
    .tuple(
      fc.constantFrom('a', 'é', '😀', '\n'),
      fc.integer({ min: WS_MAX_TEXT + 1, max: WS_MAX_TEXT + 40 }),
    )
    .map(([c, n]): Slot => ({ repeat: c, times: n })),
);
const notSeq = fc
  .oneof(
    fc.integer({ max: -1 }).map(String),
    fc.double({ noNaN: true }).map((d) => JSON.stringify(d)),
    fc.constantFrom(
      '-1',
      '0.5',
      '-0.5',
      '1e999',
      '-1e999',
      '9007199254740992',
      '1e21',
      '1e300',
      '"1"',
      '"NaN"',
      '"Infinity"',
      'null',
      'true',
      '[]',
      '{}',
      '[1]',
    ),
  )
  .filter((t) => !isSeq(t))
  .map((t) => ({ raw: t }));
const notSince = fc.oneof(
  nonString,
  fc
    .constantFrom(
      'yesterday',
      '',
      '2024-02-30T00:00:00Z',
      '2024-01-01',
      '2024-01-01T00:00:00+02:00',
      '2024-13-01T00:00:00Z',
      '1700000000000',
      '2024-01-01 00:00:00Z',
      '2024-01-01T00:00:00',
      '2024-01-01T25:00:00Z',
    )
    .map(raw),
);
const notVisibility = fc.oneof(
  nonString,
  fc
    .string({ maxLength: 10 })
    .filter((s) => s !== 'visible' && s !== 'hidden')
    .map(raw),
);
export const notRef = fc.oneof(
  nonString,
  fc
    .tuple(fc.constantFrom('r', '🌱'), fc.integer({ min: 65, max: 300 }))
    .map(([c, n]): Slot => ({ repeat: c, times: n })),
);

/** A broken `resume`: not an array, too long, or one entry wrong; with the path the error must name. */
const notResume: fc.Arbitrary<Wrong> = fc.oneof(
  fc
    .oneof(
      fc.integer().map(raw),
      fc.boolean().map(raw),
      fc.string({ maxLength: 5 }).map(raw),
      fc.constant(raw({})),
    )
    .map((slot) => ({ slot, names: ['resume'] })),
  fc.constant<Wrong>({
    slot: {
      copies: {
        obj: [
          ['conversationId', { conv: 'pair' }],
          ['lastSeq', raw(0)],
        ],
      },
      times: 501,
    },
    names: ['resume'],
  }),
  fc
    .tuple(
      fc.array(resumeEntry, { maxLength: 2 }),
      fc.constantFrom('entry', 'conversationId', 'lastSeq', 'changedSince'),
      fc.tuple(notAnId, notSeq, notSince),
    )
    .map(([before, what, [badId, badSeq, badSince]]) => {
      const i = before.length;
      const path = what === 'entry' ? `resume.${i}` : `resume.${i}.${what}`;
      const fields: Array<[string, Slot]> = [
        ['conversationId', what === 'conversationId' ? badId : { conv: 'pair' }],
        ['lastSeq', what === 'lastSeq' ? badSeq : { raw: '0' }],
        ...(what === 'changedSince' ? [['changedSince', badSince] as [string, Slot]] : []),
      ];
      const entry: Slot = what === 'entry' ? { raw: '"not an entry"' } : { obj: fields };
      return { slot: { arr: [...before, entry] }, names: [path] };
    }),
);

export const BAD: Record<Exclude<Kind, 'resume'>, fc.Arbitrary<Slot>> = {
  ref: notRef,
  conv: notAnId,
  msg: notAnId,
  text: notText,
  seq: notSeq,
  since: notSince,
  visibility: notVisibility,
};

/** How a field can be wrong: a value of the wrong shape, or (when required) missing. */
export function wrongFor(key: string, kind: Kind, required: boolean): fc.Arbitrary<Wrong> {
  const bad = kind === 'resume' ? notResume : wrong(key, BAD[kind]);
  if (!required) return bad;
  return fc.oneof(bad, fc.constant<Wrong>({ slot: undefined, names: [key] }));
}

/** JSON text of a slot, with conversation and message names resolved by `resolve`. */
export function slotText(
  slot: Slot,
  resolve: { conv(c: ConvName): string; msg(m: MsgName): string },
): string {
  if ('raw' in slot) return slot.raw;
  if ('conv' in slot) return JSON.stringify(resolve.conv(slot.conv));
  if ('msg' in slot) return JSON.stringify(resolve.msg(slot.msg));
  if ('arr' in slot) return `[${slot.arr.map((s) => slotText(s, resolve)).join(',')}]`;
  if ('repeat' in slot) return JSON.stringify(slot.repeat.repeat(slot.times));
  if ('copies' in slot)
    return `[${Array(slot.times).fill(slotText(slot.copies, resolve)).join(',')}]`;
  if ('nest' in slot) return nestText(slot.nest, slot.depth);
  return `{${slot.obj.map(([k, v]) => `${JSON.stringify(k)}:${slotText(v, resolve)}`).join(',')}}`;
}

/** JSON text of arrays (`[[[]]]`) or objects (`{"a":{"a":1}}`) nested `depth` deep. */
export function nestText(kind: 'arrays' | 'objects', depth: number): string {
  return kind === 'arrays'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
