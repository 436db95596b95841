/**
 * Properties over every fixture message and over fast-check-built drafts: offsets and excerpts agree,
 * fear-side findings carry 1–3 alternatives, and no alternative itself draws a fear-side flag.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FixtureMessage } from './fixtures/compose.ts';
import { FIXED_ALTERNATIVES } from './alternatives.ts';
import { analyze, type Analysis } from './index.ts';

function loadSplit(split: string): FixtureMessage[] {
  return readFileSync(new URL(`fixtures/${split}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureMessage);
}

const MESSAGES = [...loadSplit('dev'), ...loadSplit('test')];
const FEAR_SIDE = ['directive', 'assessment', 'judging', 'fear', 'minimizing'] as const;

function checkConsistent(text: string, result: Analysis): void {
  for (const f of result.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(f.why.length).toBeGreaterThan(0);
    if (f.side === 'fear') {
      expect(f.alternatives.length).toBeGreaterThanOrEqual(1);
      expect(f.alternatives.length).toBeLessThanOrEqual(3);
    } else expect(f.alternatives).toEqual([]);
  }
}

function fearFlagsOf(text: string): string[] {
  const { flags } = analyze(text);
  return FEAR_SIDE.filter((c) => flags[c]);
}

describe('alternatives and offsets over all fixtures', () => {
  it('keeps offsets and excerpts consistent for every fixture message', () => {
    for (const m of MESSAGES)
      checkConsistent(
        m.text,
        analyze(m.text, m.context === undefined ? {} : { context: m.context }),
      );
  });

  it('offers only alternatives that themselves draw no fear-side flag', () => {
    const offered = new Set<string>();
    for (const m of MESSAGES)
      for (const f of analyze(m.text).findings) for (const a of f.alternatives) offered.add(a);
    expect(offered.size).toBeGreaterThan(20);
    const bad = [...offered]
      .map((a) => [a, fearFlagsOf(a)] as const)
      .filter(([, flags]) => flags.length > 0);
    expect(bad).toEqual([]);
  });
});

describe('alternatives made from the draft', () => {
  it('never put an experience in the writer’s mouth: an advised action comes back as a question', () => {
    const offered = new Set<string>();
    for (const m of MESSAGES)
      for (const f of analyze(m.text).findings) for (const a of f.alternatives) offered.add(a);
    const claims = [...offered].filter((a) => /\b(for me|helped me|worked for me)\b/i.test(a));
    expect(claims).toEqual([]);
    const [finding] = analyze('You should try meditating.').findings;
    expect(finding?.alternatives[0]).toBe('Has meditating ever been part of things for you?');
  });
});

describe('fixed alternative lines', () => {
  it('none of them draws a fear-side flag or mentions escalating', () => {
    for (const line of FIXED_ALTERNATIVES) {
      expect(fearFlagsOf(line), line).toEqual([]);
      expect(line).not.toMatch(/\b(call|crisis|911|hospital|police|ambulance|doctor)\b/i);
    }
  });
});

describe('fast-check drafts built from fixture sentences, emoji and noise', () => {
  const fragments = MESSAGES.flatMap((m) => m.text.split(/(?<=[.!?\n])\s+/)).filter(
    (s) => s.length > 0,
  );
  const piece = fc.oneof(
    fc.constantFrom(...fragments),
    fc.constantFrom(
      '😢',
      '🙏🏽',
      '❤️',
      '👩‍👩‍👧',
      'lol',
      '...',
      '"',
      "'",
      '> ',
      '\n\n',
      '??',
      ', ',
      ' u ',
      'ur ',
      'sooo ',
    ),
    fc.string({ maxLength: 12 }),
  );
  const draft = fc.array(piece, { minLength: 0, maxLength: 8 }).map((parts) => parts.join(' '));

  it('never throws, keeps offsets consistent and all ten keys', () => {
    fc.assert(
      fc.property(
        draft,
        fc.option(fc.constantFrom(...fragments), { nil: undefined }),
        (text, context) => {
          const result = analyze(text, context === undefined ? {} : { context });
          expect(Object.keys(result.flags)).toHaveLength(10);
          checkConsistent(text, result);
        },
      ),
      { numRuns: 400, seed: 20261130 },
    );
  });

  it('offers alternatives that draw no fear-side flag, whatever the draft', () => {
    fc.assert(
      fc.property(draft, (text) => {
        for (const f of analyze(text).findings)
          for (const a of f.alternatives) expect(fearFlagsOf(a)).toEqual([]);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
