/** The shape of a coach rule and the registry that indexes every rule's patterns by trigger word. */
import { categoryMeta } from './categories.ts';
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
  isFear: boolean;
}

/** Rules by trigger word; rules whose second word is known are further keyed by that word. */
export interface RuleIndex {
  byWord: Map<string, CompiledRule[]>;
  byPair: Map<string, Map<string, CompiledRule[]>>;
}

function add<K>(map: Map<K, CompiledRule[]>, key: K, item: CompiledRule): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Compiles rules and indexes them by the words that can start a match (and the word after, when known). */
export function buildIndex(rules: readonly Rule[]): RuleIndex {
  const index: RuleIndex = { byWord: new Map(), byPair: new Map() };
  for (const rule of rules) {
    const isFear = categoryMeta(rule.category).side === 'fear';
    for (const source of rule.patterns) {
      const pattern = compilePattern(source, LEXICON);
      const item = { rule, pattern, isFear };
      for (const word of pattern.triggers) {
        if (!pattern.next) {
          add(index.byWord, word, item);
          continue;
        }
        const inner = index.byPair.get(word) ?? new Map<string, CompiledRule[]>();
        index.byPair.set(word, inner);
        for (const next of pattern.next) add(inner, next, item);
      }
    }
  }
  return index;
}
