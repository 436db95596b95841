/** The coach's entry point: tokenize, match rules in one pass, then build findings, scores and hope. */
import { readAction } from './action.ts';
import { alternativesFor, FIXED_ALTERNATIVES } from './alternatives.ts';
import { CATEGORY_KEYS, categoryMeta } from './categories.ts';
import { contentWords, echoedSentences } from './context.ts';
import { wordBefore } from './guards.ts';
import { languageOf } from './language.ts';
import { findHits, type Hit } from './match.ts';
import { markScopes } from './scope.ts';
import { clauseEnd, tokenize, type Doc } from './tokenize.ts';
import type { Analysis, AnalyzeOptions, Category, Finding } from './types.ts';

const LEAD_SUBJECTS = new Set(['it', 'that', 'this']);

function emptyRecord<T>(value: T): Record<Category, T> {
  const out = {} as Record<Category, T>;
  for (const key of CATEGORY_KEYS) out[key] = value;
  return out;
}

/** True when `candidate` would itself draw a fear-side finding (alternatives must never). */
export function hasFearSide(candidate: string): boolean {
  const cached = FEAR_CHECKED.get(candidate);
  if (cached !== undefined) return cached;
  const doc = tokenize(candidate);
  const result = findHits(doc, markScopes(doc)).some(
    (h) => categoryMeta(h.category).side === 'fear',
  );
  // Most alternatives are fixed lines; a bounded memo keeps the check off the hot path.
  if (FEAR_CHECKED.size > 5000) FEAR_CHECKED.clear();
  FEAR_CHECKED.set(candidate, result);
  return result;
}

const FEAR_CHECKED = new Map<string, boolean>();

function subjectBefore(doc: Doc, hit: Hit): string | undefined {
  return doc.words[hit.start];
}

function toFinding(doc: Doc, hit: Hit): Finding {
  const meta = categoryMeta(hit.category);
  const last = Math.max(hit.end - 1, clauseEnd(doc, hit.end - 1));
  // "It sounds like…": keep the subject with the reflection it introduces.
  const first =
    hit.category === 'reflection' && LEAD_SUBJECTS.has(wordBefore(doc, hit.start) ?? '')
      ? hit.start - 1
      : hit.start;
  const start = doc.starts[first] as number;
  const end = doc.ends[last] as number;
  let alternatives: string[] = [];
  if (meta.side === 'fear') {
    const action =
      hit.category === 'directive'
        ? readAction(doc, hit.start, hit.end, hit.rule.action ?? 'none')
        : undefined;
    const candidates = alternativesFor(hit.category, hit.rule.alt, action, subjectBefore(doc, hit));
    alternatives = candidates
      .filter((c) => FIXED_ALTERNATIVES.has(c) || !hasFearSide(c))
      .slice(0, 3);
  }
  return {
    category: hit.category,
    side: meta.side,
    task: meta.task,
    start,
    end,
    excerpt: doc.text.slice(start, end),
    why: hit.rule.why ?? meta.why,
    alternatives,
  };
}

function contextHits(doc: Doc, context: string | undefined, hits: Hit[]): Finding[] {
  if (!context) return [];
  const covered = new Set(
    hits.filter((h) => h.category === 'reflection').map((h) => doc.sentence[h.start]),
  );
  const meta = categoryMeta('reflection');
  return echoedSentences(doc, contentWords(context))
    .filter(([s]) => !covered.has(doc.sentence[s]))
    .map(([s, e]) => {
      let last = e - 1;
      while (last > s && doc.kinds[last] !== 0) last--;
      const start = doc.starts[s] as number;
      const end = doc.ends[last] as number;
      return {
        category: 'reflection',
        side: meta.side,
        task: meta.task,
        start,
        end,
        excerpt: doc.text.slice(start, end),
        why: meta.why,
        alternatives: [],
      };
    });
}

/**
 * Analyzes one draft. Pure and deterministic: the same text and context always give the same result.
 * Non-English text gives `language: 'unsupported'` and no findings.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const scores = emptyRecord(0);
  const flags = emptyRecord(false);
  const doc = tokenize(text);
  if (languageOf(doc) === 'unsupported')
    return { language: 'unsupported', findings: [], scores, flags, hope: 0.5 };
  const hits = findHits(doc, markScopes(doc));
  const findings = hits.map((h) => toFinding(doc, h));
  findings.push(...contextHits(doc, options.context, hits));
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  let hope = 0;
  let fear = 0;
  for (const f of findings) {
    scores[f.category] += 1;
    flags[f.category] = true;
    if (f.side === 'hope') hope += 1;
    else fear += 1;
  }
  return {
    language: 'en',
    findings,
    scores,
    flags,
    hope: Math.round(((hope + 1) / (hope + fear + 2)) * 1000) / 1000,
  };
}

// Warm the tokenizer's Unicode regex and the hot paths once at load, so the writer's first
// keystroke after the coach is lazily imported does not pay for compilation.
analyze('Hey, you should call your sister. What happened? "It sounds hard" 😊 At least we tried.');
