import { describe, expect, it } from 'vitest';
import { analyze } from '../../../nlp/index.ts';
import { computeInsights } from './compute.ts';
import { readInsights, readMyCoach } from './reading.ts';
import { type Analyzer, type InsightMessage, SignalCache } from './signals.ts';

let n = 0;
const m = (
  authorId: string,
  text: string,
  createdAt: string,
  extra: Partial<InsightMessage> = {},
): InsightMessage => ({
  id: `m${++n}`,
  authorId,
  text,
  createdAt,
  editedAt: null,
  deletedAt: null,
  ...extra,
});

describe('relationship insights', () => {
  it('shares words per person per Monday-based UTC week, keeping empty weeks in between', () => {
    const msgs = [
      m('a', 'one two three', '2026-06-01T10:00:00Z'), // Monday
      m('b', 'four', '2026-06-07T23:59:00Z'), // Sunday, same week
      m('a', 'five six', '2026-06-22T08:00:00Z'),
    ];
    const none: Analyzer = () => ({ findings: [] });
    const ins = computeInsights(msgs, ['a', 'b'], 'a', new SignalCache(none));
    expect(ins.weeks.map((w) => w.week)).toEqual([
      '2026-06-01',
      '2026-06-08',
      '2026-06-15',
      '2026-06-22',
    ]);
    expect(ins.weeks[0]?.byPerson.a).toMatchObject({ words: 3, share: 0.75 });
    expect(ins.weeks[0]?.byPerson.b).toMatchObject({ words: 1, share: 0.25 });
    expect(ins.weeks[1]?.byPerson.a?.share).toBe(0);
    expect(ins.weeks[3]?.byPerson.a?.share).toBe(1);
  });

  it('counts curious questions and "we" by person, and the viewer’s own hope and fear findings only', () => {
    const msgs = [
      m('a', 'what was that like for you?', '2026-06-02T10:00:00Z'),
      m('b', 'we could go together', '2026-06-02T11:00:00Z'),
      m('b', 'you should just call them', '2026-06-02T12:00:00Z'),
    ];
    const ins = computeInsights(msgs, ['a', 'b'], 'a', new SignalCache(analyze));
    const w = ins.weeks[0];
    expect(w?.byPerson.a?.curious).toBeGreaterThan(0);
    expect(w?.byPerson.b?.we).toBeGreaterThan(0);
    expect(ins.myCoach[0]?.fear).toBe(0);
    expect(ins.myCoach[0]?.hope).toBeGreaterThan(0);
  });

  it('skips deleted messages and reads an edit again', () => {
    const calls: string[] = [];
    const spy: Analyzer = (text) => {
      calls.push(text);
      return { findings: [] };
    };
    const cache = new SignalCache(spy);
    const base = m('a', 'first words', '2026-06-02T10:00:00Z');
    computeInsights(
      [base, m('b', 'gone', '2026-06-02T10:00:00Z', { deletedAt: '2026-06-02T11:00:00Z' })],
      ['a', 'b'],
      'a',
      cache,
    );
    computeInsights([base], ['a', 'b'], 'a', cache);
    computeInsights(
      [{ ...base, text: 'second words', editedAt: '2026-06-02T10:05:00Z' }],
      ['a', 'b'],
      'a',
      cache,
    );
    expect(calls).toEqual(['first words', 'second words']);
  });

  it('keeps the words of someone who has left', () => {
    const ins = computeInsights(
      [m('gone', 'hello there', '2026-06-02T10:00:00Z')],
      ['a'],
      'a',
      new SignalCache(() => ({ findings: [] })),
    );
    expect(ins.people).toEqual(['a', 'gone']);
    expect(ins.weeks[0]?.byPerson.gone?.share).toBe(1);
  });

  it('reads growing curiosity between two people as hope', () => {
    const msgs = [
      m('a', 'ok', '2026-06-01T10:00:00Z'),
      m('b', 'ok', '2026-06-08T10:00:00Z'),
      m('a', 'what happened after?', '2026-06-15T10:00:00Z'),
      m('b', 'how do you make sense of it?', '2026-06-22T10:00:00Z'),
    ];
    const ins = computeInsights(msgs, ['a', 'b'], 'a', new SignalCache(analyze));
    expect(readInsights(ins)[0]).toBe('You’ve both been asking more questions lately.');
    expect(readMyCoach(ins.myCoach)).toMatch(/hope/);
  });
});
