/**
 * A tiny pattern language over normalized tokens, compiled once at load.
 * Elements are separated by spaces: `a|b_c` alternatives (`_` joins words), `@CLASS` a word class,
 * suffix `?` optional, `*` up to three repeats, `~N` up to N words of any kind, `!a|b` the next words
 * are not these, `$` the clause ends here, and a leading `^` means the match starts a clause.
 */
import { KNOWN_WORDS } from './normalize.ts';
import { KIND, type Doc } from './tokenize.ts';

const { WORD } = KIND;

type Seqs = { single: Set<string>; multi: string[][] };
type Elem =
  | { t: 'alt'; seqs: Seqs; opt: boolean; star: boolean }
  | { t: 'gap'; n: number }
  | { t: 'not'; seqs: Seqs }
  | { t: 'end' };

/** A compiled pattern. */
export interface Pattern {
  source: string;
  lead: boolean;
  elems: Elem[];
  /** Words that can start a match (for the trigger index). */
  triggers: string[];
  /** When set, the word after the trigger must be one of these (a cheap pre-check). */
  next?: Set<string>;
}

function expandAlternatives(spec: string, classes: Record<string, string>): string[] {
  return spec.split('|').flatMap((alt) => {
    if (!alt.startsWith('@')) return [alt];
    const expanded = classes[alt.slice(1)];
    if (expanded === undefined) throw new Error(`unknown class ${alt}`);
    return expanded.split('|');
  });
}

function parseSeqs(spec: string, classes: Record<string, string>): Seqs {
  // "$" is an element of its own; inside alternatives it would silently be read as a word.
  if (spec.split('|').includes('$')) throw new Error(`"$" cannot be an alternative: ${spec}`);
  const seqs: Seqs = { single: new Set(), multi: [] };
  for (const alt of expandAlternatives(spec, classes)) {
    const words = alt.split('_');
    for (const w of words) KNOWN_WORDS.add(w);
    if (words.length === 1) seqs.single.add(alt);
    else seqs.multi.push(words);
  }
  return seqs;
}

/** Compiles one pattern string against the given word classes. */
export function compilePattern(source: string, classes: Record<string, string>): Pattern {
  const parts = source.trim().split(/\s+/);
  const lead = parts[0] === '^';
  if (lead) parts.shift();
  const elems: Elem[] = parts.map((p): Elem => {
    if (p === '$') return { t: 'end' };
    if (p.startsWith('~')) return { t: 'gap', n: Number(p.slice(1)) };
    if (p.startsWith('!')) return { t: 'not', seqs: parseSeqs(p.slice(1), classes) };
    const opt = p.endsWith('?');
    const star = p.endsWith('*');
    return {
      t: 'alt',
      seqs: parseSeqs(opt || star ? p.slice(0, -1) : p, classes),
      opt: opt || star,
      star,
    };
  });
  const first = elems[0];
  if (!first || first.t !== 'alt' || first.opt)
    throw new Error(`pattern must start with a required word: ${source}`);
  const triggers = [...first.seqs.single, ...first.seqs.multi.map((m) => m[0] as string)];
  const next = nextWords(elems);
  return next ? { source, lead, elems, triggers, next } : { source, lead, elems, triggers };
}

function seqAt(doc: Doc, seq: string[], ti: number): boolean {
  for (let k = 0; k < seq.length; k++) {
    if (doc.kinds[ti + k] !== WORD || doc.words[ti + k] !== seq[k]) return false;
  }
  return true;
}

function anyAt(doc: Doc, seqs: Seqs, ti: number): boolean {
  if (doc.kinds[ti] !== WORD) return false;
  if (seqs.single.has(doc.words[ti] as string)) return true;
  const multi = seqs.multi;
  for (let k = 0; k < multi.length; k++) if (seqAt(doc, multi[k] as string[], ti)) return true;
  return false;
}

// Recursive backtracking without allocation: patterns are short, so depth stays small.
function step(doc: Doc, elems: Elem[], ei: number, ti: number, reps: number): number {
  if (ei === elems.length) return ti;
  const e = elems[ei] as Elem;
  switch (e.t) {
    case 'end':
      // A clause ends at punctuation, or where a texted sentence break was inferred.
      return doc.kinds[ti] === WORD && doc.sentence[ti] === doc.sentence[ti - 1]
        ? -1
        : step(doc, elems, ei + 1, ti, 0);
    case 'not':
      return anyAt(doc, e.seqs, ti) ? -1 : step(doc, elems, ei + 1, ti, 0);
    case 'gap':
      for (let k = 0; k <= e.n; k++) {
        if (k > 0 && doc.kinds[ti + k - 1] !== WORD) break;
        const r = step(doc, elems, ei + 1, ti + k, 0);
        if (r >= 0) return r;
      }
      return -1;
    case 'alt': {
      if (doc.kinds[ti] === WORD) {
        const multi = e.seqs.multi;
        for (let k = 0; k < multi.length; k++) {
          const m = multi[k] as string[];
          if (!seqAt(doc, m, ti)) continue;
          const r =
            e.star && reps < 3
              ? step(doc, elems, ei, ti + m.length, reps + 1)
              : step(doc, elems, ei + 1, ti + m.length, 0);
          if (r >= 0) return r;
        }
        if (e.seqs.single.has(doc.words[ti] as string)) {
          const r =
            e.star && reps < 3
              ? step(doc, elems, ei, ti + 1, reps + 1)
              : step(doc, elems, ei + 1, ti + 1, 0);
          if (r >= 0) return r;
        }
      }
      return e.opt ? step(doc, elems, ei + 1, ti, 0) : -1;
    }
  }
}

/** Words that may stand right after a single-word trigger, or undefined when anything may. */
function nextWords(elems: Elem[]): Set<string> | undefined {
  const first = elems[0];
  if (!first || first.t !== 'alt' || first.seqs.multi.length > 0 || first.star) return undefined;
  const out = new Set<string>();
  for (let i = 1; i < elems.length; i++) {
    const e = elems[i] as Elem;
    if (e.t !== 'alt') return undefined;
    for (const w of e.seqs.single) out.add(w);
    for (const m of e.seqs.multi) out.add(m[0] as string);
    if (!e.opt) return out;
  }
  return undefined;
}

/** Matches `pattern` at token `ti`; returns the exclusive end token index, or -1. */
export function matchAt(doc: Doc, pattern: Pattern, ti: number): number {
  if (pattern.lead && !doc.lead[ti]) return -1;
  if (
    pattern.next &&
    (doc.kinds[ti + 1] !== WORD || !pattern.next.has(doc.words[ti + 1] as string))
  )
    return -1;
  return step(doc, pattern.elems, 0, ti, 0);
}
