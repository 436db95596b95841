import { describe, expect, it } from 'vitest';
import { analyze } from '../../../nlp/index.ts';
import { awayFrom, towardAlternatives } from './toward.ts';

describe('toward-framing for intentions', () => {
  it.each([
    ['stop drinking', 'drinking'],
    ['Avoid hospital', 'hospital'],
    ['we want to stop staying up so late.', 'staying up so late'],
    ['no more fights', 'fights'],
    ['Evenings that feel calm', null],
  ])('%s → %s', (text, expected) => {
    expect(awayFrom(text)).toBe(expected);
  });

  it('offers toward-framed alternatives for stop/avoid intentions', () => {
    const alternatives = towardAlternatives('stop drinking', analyze('stop drinking'));
    expect(alternatives).toHaveLength(3);
    expect(alternatives[0]).toMatch(/What would we like/);
    expect(alternatives.join(' ')).toContain('drinking');
  });

  it('stays quiet when the intention already looks toward something', () => {
    for (const text of [
      'Evenings that feel calm for both of us',
      'What would we like our mornings to look like',
    ]) {
      expect(towardAlternatives(text, analyze(text))).toEqual([]);
    }
  });

  it('works without the coach (switched off) from the wording alone', () => {
    expect(towardAlternatives('avoid the ward', null).length).toBeGreaterThan(0);
  });
});
