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

/** Rules triggered by one word: those that need only it, and those keyed further by the next word. */
export interface TriggerEntry {
  single: CompiledRule[];
  pairs: Map<string, CompiledRule[]>;
}

/** Rules by trigger word, so one map lookup per token finds every candidate. */
export type RuleIndex = Map<string, TriggerEntry>;

function entry(index: RuleIndex, word: string): TriggerEntry {
  let found = index.get(word);
  if (!found) {
    found = { single: [], pairs: new Map() };
    index.set(word, found);
  }
  return found;
}

/** Compiles rules and indexes them by the words that can start a match (and the word after, when known). */
export function buildIndex(rules: readonly Rule[]): RuleIndex {
  const index: RuleIndex = new Map();
  for (const rule of rules) {
    const isFear = categoryMeta(rule.category).side === 'fear';
    for (const source of rule.patterns) {
      const pattern = compilePattern(source, LEXICON);
      const item = { rule, pattern, isFear };
      for (const word of pattern.triggers) {
        const e = entry(index, word);
        if (!pattern.next) {
          e.single.push(item);
          continue;
        }
        for (const next of pattern.next) {
          const list = e.pairs.get(next);
          if (list) list.push(item);
          else e.pairs.set(next, [item]);
        }
      }
    }
  }
  return index;
}
