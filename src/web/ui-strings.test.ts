/** The product's own words follow IPS.md §2.7: the coach reads every UI string and no fear-side finding is allowed. */
import { describe, expect, it } from 'vitest';
import { copy } from './copy.ts';
import { fearSideFindings } from './copy-check.ts';

/** Every string leaf of the copy object, with its path, placeholders filled with a neutral name. */
function strings(node: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof node === 'string') return [[path.join('.'), node.replace(/\{\w+\}/g, 'Sam')]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

const ALL = strings(copy);

describe('UI strings', () => {
  it('are many and all read', () => {
    expect(ALL.length).toBeGreaterThan(100);
  });

  it('carry no fear-side language', () => {
    expect(fearSideFindings(ALL)).toEqual([]);
  });
});
