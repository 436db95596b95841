/** The pattern language: alternatives, classes, optional and repeated elements, gaps, look-ahead, leads. */
import { describe, expect, it } from 'vitest';
import { compilePattern, matchAt } from './pattern.ts';
import { tokenize } from './tokenize.ts';

const CLASSES = { ADV: 'really|just', PEOPLE: 'sister|mom' };

function matches(source: string, text: string, at = 0): number {
  return matchAt(tokenize(text), compilePattern(source, CLASSES), at);
}

describe('pattern', () => {
  it('matches literals, alternatives and multi-word alternatives', () => {
    expect(matches('you should|ought_to', 'you ought to go')).toBe(3);
    expect(matches('you should|ought_to', 'you must go')).toBe(-1);
  });
  it('expands classes and optional elements', () => {
    expect(matches('call @ADV? your @PEOPLE', 'call your sister')).toBe(3);
    expect(matches('call @ADV? your @PEOPLE', 'call really your mom')).toBe(4);
  });
  it('repeats starred elements up to three times', () => {
    expect(matches('you @ADV* go', 'you really just really go')).toBe(5);
  });
  it('skips a bounded gap of words but not punctuation', () => {
    expect(matches('if ~3 you will', 'if this keeps up you will')).toBe(6);
    expect(matches('if ~3 you will', 'if this, you will')).toBe(-1);
  });
  it('honours negative look-ahead and clause end', () => {
    expect(matches('you should !see', 'you should see my kitchen')).toBe(-1);
    expect(matches('you should !see', 'you should rest')).toBe(2);
    expect(matches('you are fine $', 'you are fine to come')).toBe(-1);
  });
  it('requires a clause lead when the pattern starts with ^', () => {
    expect(matches('^ call', 'just call her', 1)).toBe(2);
    expect(matches('^ call', 'i will call her', 2)).toBe(-1);
  });
  it('rejects patterns that start with an optional element', () => {
    expect(() => compilePattern('you? should', CLASSES)).toThrow();
  });
});
