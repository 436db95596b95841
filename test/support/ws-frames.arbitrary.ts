/**
 * fast-check generators of client frames for the real-time fuzz test: bad ones, each with the error the
 * gateway must answer it with, and valid ones, whose answer a model of the store decides when they are sent.
 */
import fc from 'fast-check';
import { type ClientFrameType, WS_MAX_PAYLOAD } from '../../src/contract/ws.ts';
import {
  GOOD,
  type Kind,
  type Slot,
  nonString,
  notRef,
  parses,
  raw,
  someConv,
  someMsg,
  someRef,
  someSeq,
  someText,
  wrongFor,
} from './ws-frame-values.arbitrary.ts';

/** A frame to send and what it must get back. */
export type Step =
  /** Text that is not a JSON object (or not JSON at all): `malformed`. */
  | { kind: 'text'; text: string }
  /** A JSON array nested `depth` deep: `malformed`. */
  | { kind: 'nested'; depth: number }
  /** A binary frame, whatever it holds: `malformed`. */
  | { kind: 'binary'; bytes: Uint8Array }
  /**
   * A JSON object. `broken` empty: a valid frame, answered as documented. Otherwise `invalid_frame`
   * whose message names each of these fields (`type` for an unknown type). `contract`: random values,
   * valid or not as the contract says.
   */
  | { kind: 'object'; fields: Array<[string, Slot]>; broken: string[] | 'contract' }
  /** A frame of `bytes` bytes: over 64 KiB it closes the socket with 1009, at 64 KiB a padded ping is answered. */
  | { kind: 'size'; bytes: number; binary: boolean };

interface Field {
  key: string;
  kind: Kind;
  required: boolean;
}
const conv = (required = true): Field => ({ key: 'conversationId', kind: 'conv', required });
/** Each client frame's fields (docs/protocol.md); a type added to the contract must be added here. */
const SHAPES: Record<ClientFrameType, Field[]> = {
  hello: [
    { key: 'resume', kind: 'resume', required: false },
    { key: 'presence', kind: 'visibility', required: false },
  ],
  subscribe: [
    conv(),
    { key: 'lastSeq', kind: 'seq', required: false },
    { key: 'changedSince', kind: 'since', required: false },
  ],
  unsubscribe: [conv()],
  follow: [],
  send: [
    conv(),
    { key: 'id', kind: 'msg', required: true },
    { key: 'text', kind: 'text', required: true },
  ],
  edit: [
    conv(),
    { key: 'id', kind: 'msg', required: true },
    { key: 'text', kind: 'text', required: true },
  ],
  delete: [conv(), { key: 'id', kind: 'msg', required: true }],
  read: [conv(), { key: 'seq', kind: 'seq', required: true }],
  typing: [conv()],
  presence: [{ key: 'visibility', kind: 'visibility', required: true }],
  ping: [],
};
const CLIENT_TYPES = Object.keys(SHAPES) as ClientFrameType[];

/** Keys a frame does not have, some of them tricky for plain objects. */
const extraKey = (known: string[]) =>
  fc
    .oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'Type',
        'conversationID',
        'seq ',
        'ref2',
      ),
      fc.string({ maxLength: 8 }),
    )
    .filter((k) => k !== 'type' && k !== 'ref' && !known.includes(k));
const extras = (known: string[]) =>
  fc.array(fc.tuple(extraKey(known), fc.jsonValue({ maxDepth: 2 }).map(raw)), { maxLength: 2 });

/** A valid frame of `type`, sometimes with fields the contract does not know (ignored). */
function validFrame(type: ClientFrameType): fc.Arbitrary<Step> {
  const shape = SHAPES[type];
  const known = shape.map((f) => f.key);
  return fc
    .tuple(
      someRef,
      fc.tuple(
        ...shape.map((f) =>
          f.required
            ? GOOD[f.kind].map((s) => s as Slot | undefined)
            : fc.option(GOOD[f.kind], { nil: undefined }),
        ),
      ),
      fc.option(extras(known), { freq: 3, nil: [] }),
    )
    .map(([ref, values, extra]) => {
      const fields: Array<[string, Slot]> = [['type', raw(type)]];
      if (ref !== undefined) fields.push(['ref', raw(ref)]);
      shape.forEach((f, i) => {
        const v = values[i];
        if (v) fields.push([f.key, v]);
      });
      return { kind: 'object', fields: [...fields, ...extra], broken: [] };
    });
}

/** A frame of a known type with one or two fields (`ref` included) missing or wrong, the rest valid. */
function brokenFrame(type: ClientFrameType): fc.Arbitrary<Step> {
  const shape: Field[] = [{ key: 'ref', kind: 'ref', required: false }, ...SHAPES[type]];
  return fc
    .tuple(
      fc.subarray(
        shape.map((f) => f.key),
        { minLength: 1, maxLength: Math.min(2, shape.length) },
      ),
      // Required fields always come (valid), optional ones sometimes.
      fc.tuple(
        ...shape.map((f): fc.Arbitrary<Slot | undefined> =>
          f.required ? GOOD[f.kind] : fc.option(GOOD[f.kind], { freq: 2, nil: undefined }),
        ),
      ),
      fc.tuple(...shape.map((f) => wrongFor(f.key, f.kind, f.required))),
    )
    .map(([broken, good, bad]) => {
      const fields: Array<[string, Slot]> = [['type', raw(type)]];
      const names: string[] = [];
      shape.forEach((f, i) => {
        if (broken.includes(f.key)) {
          const w = bad[i]!;
          if (w.slot) fields.push([f.key, w.slot]);
          names.push(...w.names);
          return;
        }
        const v = good[i];
        if (v) fields.push([f.key, v]);
      });
      return { kind: 'object', fields, broken: names };
    });
}

/** A known type whose fields hold any JSON at all (or, sometimes, a valid value). */
function randomFrame(type: ClientFrameType): fc.Arbitrary<Step> {
  const shape = SHAPES[type];
  const anyJson = fc.jsonValue({ maxDepth: 2 }).map(raw);
  return fc
    .tuple(
      fc.tuple(
        ...[{ key: 'ref', kind: 'ref' as const }, ...shape].map((f) =>
          fc.option(fc.oneof(anyJson, GOOD[f.kind]), { nil: undefined }),
        ),
      ),
      extras(shape.map((f) => f.key)),
    )
    .map(([values, extra]) => {
      const keys = ['ref', ...shape.map((f) => f.key)];
      const fields: Array<[string, Slot]> = [['type', raw(type)]];
      values.forEach((v, i) => {
        if (v) fields.push([keys[i]!, v]);
      });
      return { kind: 'object', fields: [...fields, ...extra], broken: 'contract' };
    });
}

/** A known type alone, without its required fields. */
const bareFrame: fc.Arbitrary<Step> = fc
  .constantFrom(...CLIENT_TYPES.filter((t) => SHAPES[t].some((f) => f.required)))
  .map((type) => ({
    kind: 'object',
    fields: [['type', raw(type)]],
    broken: SHAPES[type].filter((f) => f.required).map((f) => f.key),
  }));

/** An object whose `type` is missing, not a string, or no frame's. */
const typelessFrame: fc.Arbitrary<Step> = fc
  .tuple(
    fc.option(
      fc.oneof(
        nonString,
        fc
          .oneof(
            fc.string({ maxLength: 12 }),
            fc.constantFrom(
              'Ping',
              'SEND',
              ' ping',
              'ping ',
              'message',
              'ack',
              'welcome',
              'constructor',
              '__proto__',
            ),
          )
          .filter((t) => !(CLIENT_TYPES as readonly string[]).includes(t))
          .map(raw),
      ),
      { nil: undefined },
    ),
    fc.oneof(
      someRef.map((r) => (r === undefined ? undefined : raw(r))),
      notRef,
    ),
    fc.tuple(fc.option(someConv, { nil: undefined }), fc.option(GOOD.text, { nil: undefined })),
    extras(['conversationId', 'text']),
  )
  .map(([type, ref, [c, text], extra]) => {
    const fields: Array<[string, Slot]> = [];
    if (type) fields.push(['type', type]);
    if (ref) fields.push(['ref', ref]);
    if (c) fields.push(['conversationId', c]);
    if (text) fields.push(['text', text]);
    return { kind: 'object', fields: [...fields, ...extra], broken: ['type'] };
  });

/** Text that is not JSON, or JSON that is not an object. */
const notAnObject: fc.Arbitrary<Step> = fc
  .oneof(
    fc.constantFrom(
      '',
      ' ',
      '{',
      '}',
      '[',
      'NaN',
      'Infinity',
      'undefined',
      "{'type':'ping'}",
      '{"type":"ping"',
      '{"type":"ping"}}',
      '{"type":"ping",}',
      '\u0000',
      '\ufeff{"type":"ping"}',
      '{"type": "send", ',
      '{"type":"ping"}\n{"type":"ping"}',
    ),
    fc.string({ maxLength: 40 }).filter((s) => !parses(s)),
    fc
      .jsonValue({ maxDepth: 3 })
      .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
      .map((v) => JSON.stringify(v)),
    fc.constantFrom('null', 'true', '"ping"', '[{"type":"ping"}]', '1e999', '-0'),
  )
  .map((text) => ({ kind: 'text', text }));

/** Deep nesting, still under 64 KiB. */
const nested: fc.Arbitrary<Step> = fc
  .integer({ min: 1000, max: 30_000 })
  .map((depth) => ({ kind: 'nested', depth }));

/** Deep nesting inside otherwise sensible frames: a ping with a deep extra field, a send whose text is deep. */
const deepFrame: fc.Arbitrary<Step> = fc
  .tuple(fc.integer({ min: 1000, max: 9_000 }), fc.boolean())
  .map(([n, asText]) => ({
    kind: 'object',
    fields: asText
      ? [
          ['type', raw('send')],
          ['conversationId', { conv: 'pair' }],
          ['id', { msg: { fresh: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b' } }],
          ['text', { nest: 'arrays', depth: n }],
        ]
      : [
          ['type', raw('ping')],
          ['deep', { nest: 'objects', depth: n }],
        ],
    broken: asText ? ['text'] : [],
  }));

const binary: fc.Arbitrary<Step> = fc
  .oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.constant(new TextEncoder().encode('{"type":"ping","ref":"in binary"}')),
  )
  .map((bytes) => ({ kind: 'binary', bytes }));

/** At the limit (a padded ping, answered) or over it (closed with 1009). */
export const sizeStep: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'size', bytes: WS_MAX_PAYLOAD, binary: false }),
  fc
    .tuple(fc.integer({ min: WS_MAX_PAYLOAD + 1, max: WS_MAX_PAYLOAD + 4096 }), fc.boolean())
    .map(([bytes, b]): Step => ({ kind: 'size', bytes, binary: b })),
);

/** Any frame, bad ones more often than good ones. */
export const anyStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constantFrom(...CLIENT_TYPES).chain(validFrame), weight: 6 },
  { arbitrary: fc.constantFrom(...CLIENT_TYPES).chain(brokenFrame), weight: 6 },
  { arbitrary: fc.constantFrom(...CLIENT_TYPES).chain(randomFrame), weight: 3 },
  { arbitrary: bareFrame, weight: 1 },
  { arbitrary: typelessFrame, weight: 2 },
  { arbitrary: notAnObject, weight: 2 },
  { arbitrary: nested, weight: 1 },
  { arbitrary: deepFrame, weight: 1 },
  { arbitrary: binary, weight: 1 },
);

/**
 * Frames about one conversation in orders a client should not use: typing, read, edit or delete before
 * subscribing, sending after unsubscribing, subscribing twice.
 */
export const oddOrder: fc.Arbitrary<Step[]> = fc
  .tuple(
    someConv,
    fc.array(
      fc.tuple(
        fc.constantFrom<ClientFrameType>(
          'typing',
          'read',
          'edit',
          'delete',
          'send',
          'subscribe',
          'unsubscribe',
          'hello',
        ),
        fc.tuple(someMsg, someText, someSeq, someRef),
      ),
      { minLength: 3, maxLength: 9 },
    ),
  )
  .map(([c, frames]) =>
    frames.map(([type, [m, text, seq, ref]]): Step => {
      const fields: Array<[string, Slot]> = [['type', raw(type)]];
      if (ref !== undefined) fields.push(['ref', raw(ref)]);
      if (type === 'hello')
        fields.push([
          'resume',
          {
            arr: [
              {
                obj: [
                  ['conversationId', c],
                  ['lastSeq', seq],
                ],
              },
            ],
          },
        ]);
      else fields.push(['conversationId', c]);
      if (type === 'send' || type === 'edit' || type === 'delete') fields.push(['id', m]);
      if (type === 'send' || type === 'edit') fields.push(['text', text]);
      if (type === 'read') fields.push(['seq', seq]);
      return { kind: 'object', fields, broken: [] };
    }),
  );
