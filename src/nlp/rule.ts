/** The shape of a coach rule and the registry that indexes every rule's patterns by trigger word. */
import { LEXICON } from './lexicon.ts';
import { compilePattern, type Pattern } from './pattern.ts';
import type { Doc } from './tokenize.ts';
import type { Category } from './types.ts';

/** Where a directive's suggested action starts, for sentence-specific alternatives. */
export type ActionAt = 'after' | 'from' | 'none';

/** One rule: patterns for one category, an optional guard, and how to build alternatives. */
export interface Rule {
  id: string;
  category: Category;
  patterns: string[];
  /** Extra guard on a match [start, end). Return false to drop it. */
  check?: (doc: Doc, start: number, end: number) => boolean;
  /** Which alternatives to offer (a key understood by alternatives.ts). */
  alt?: string;
  /** For directives: where the suggested action begins relative to the match. */
  action?: ActionAt;
  /** Overrides the category's default reason. */
  why?: string;
}

/** A rule with one compiled pattern. */
export interface CompiledRule {
  rule: Rule;
  pattern: Pattern;
}

/** Compiles rules and indexes them by the words that can start a match. */
export function buildIndex(rules: readonly Rule[]): Map<string, CompiledRule[]> {
  const index = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    for (const source of rule.patterns) {
      const pattern = compilePattern(source, LEXICON);
      for (const word of pattern.triggers) {
        const list = index.get(word) ?? [];
        list.push({ rule, pattern });
        index.set(word, list);
      }
    }
  }
  return index;
}
