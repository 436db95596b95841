/**
 * One pass over the tokens: look up the rules triggered by each word, match them, drop matches
 * that are not the writer's own address (quotes, reported speech, meta-negation), then merge
 * and resolve overlaps between categories.
 */
import { matchAt } from './pattern.ts';
import type { CompiledRule, Rule } from './rule.ts';
import { RULE_INDEX } from './rules/index.ts';
import { NEGATED, QUOTED, REPORTED } from './scope.ts';
import { KIND, type Doc } from './tokenize.ts';

const { WORD } = KIND;
import type { Category } from './types.ts';

/** A rule match over tokens [start, end). */
export interface Hit {
  rule: Rule;
  category: Category;
  start: number;
  end: number;
}

const FEAR_HIDDEN = QUOTED | REPORTED | NEGATED;
const HOPE_HIDDEN = QUOTED | REPORTED;

/** Finds every rule match in `doc`, honouring scopes. */
export function findHits(doc: Doc, scopes: Uint8Array): Hit[] {
  const hits: Hit[] = [];
  const { words, kinds } = doc;
  for (let i = 0; i < words.length; i++) {
    if (kinds[i] !== WORD) continue;
    const e = RULE_INDEX.get(words[i] as string);
    if (e === undefined) continue;
    if (e.single.length > 0) tryAll(doc, scopes, i, e.single, hits);
    if (e.pairs.size === 0 || kinds[i + 1] !== WORD) continue;
    const paired = e.pairs.get(words[i + 1] as string);
    if (paired !== undefined) tryAll(doc, scopes, i, paired, hits);
  }
  hits.sort((a, b) => a.start - b.start);
  return resolve(doc, hits);
}

function tryAll(
  doc: Doc,
  scopes: Uint8Array,
  i: number,
  candidates: readonly CompiledRule[],
  hits: Hit[],
): void {
  const scope = scopes[i] as number;
  for (const { rule, pattern, isFear } of candidates) {
    if (
      scope !== 0 &&
      (isFear ? scope & FEAR_HIDDEN : rule.category !== 'mutuality' && scope & HOPE_HIDDEN)
    )
      continue;
    const end = matchAt(doc, pattern, i);
    if (end <= i) continue;
    if (rule.check && !rule.check(doc, i, end)) continue;
    hits.push({ rule, category: rule.category, start: i, end });
  }
}

/** Categories a hit silences when both fall in the same sentence. */
const SILENCES: Partial<Record<Category, readonly Category[]>> = {
  moving_toward: ['curiosity'],
  assessment: ['curiosity'],
  directive: ['curiosity'],
  judging: ['reflection', 'curiosity'],
  minimizing: ['we'],
};

function resolve(doc: Doc, hits: Hit[]): Hit[] {
  const silenced = new Set<string>();
  for (const hit of hits) {
    for (const other of SILENCES[hit.category] ?? [])
      silenced.add(`${other}:${doc.sentence[hit.start]}`);
  }
  const kept: Hit[] = [];
  const lastByCategory = new Map<Category, Hit>();
  for (const hit of hits) {
    if (silenced.has(`${hit.category}:${doc.sentence[hit.start]}`)) continue;
    const last = lastByCategory.get(hit.category);
    // One finding per category per sentence: overlapping or same-sentence hits merge.
    if (last && (hit.start < last.end || doc.sentence[last.start] === doc.sentence[hit.start])) {
      last.end = Math.max(last.end, hit.end);
      continue;
    }
    const copy = { ...hit };
    kept.push(copy);
    lastByCategory.set(hit.category, copy);
  }
  return kept;
}
