/** Splits a draft into normalized tokens with offsets, sentence and clause structure. */
import * as markers from './markers.ts';
import { normalizeWord } from './normalize.ts';

// Local bindings: the per-token loop should not go through module export bindings.
const { CLAUSE_WORDS, LAUGHS, MARKERS, ONLY_BEFORE_PAUSE, SO_OPENS } = markers;

/**
 * Token kinds. Hot modules copy these into module-level constants (`const { WORD } = KIND`) so a
 * per-token comparison never goes through a module export binding.
 */
export const KIND = {
  WORD: 0,
  END: 1,
  COMMA: 2,
  QUOTE: 3,
  NEWLINE: 4,
  EMOJI: 5,
  OTHER: 6,
  ASK: 7,
} as const;
export const { WORD, END, COMMA, QUOTE, NEWLINE, EMOJI, OTHER, ASK } = KIND;

/** A tokenized draft. Parallel arrays keep one analysis free of per-token objects. */
export interface Doc {
  text: string;
  /** Normalized word, or the punctuation itself. */
  words: string[];
  kinds: number[];
  starts: number[];
  ends: number[];
  /** Index of the sentence each token belongs to. */
  sentence: number[];
  /** True for the first content word of a clause (after discourse markers): where imperatives stand. */
  lead: boolean[];
  /** True when the draft has a quote mark or a ">" (so scope.ts must look for quoted text). */
  hasQuotes: boolean;
}

const TOKEN =
  /([\p{L}\p{M}]+(?:['’-][\p{L}]+)*'?)|(\d+(?:[.,:]\d+)*)|(\?+[!?]*)|([.!…]+)|([,;:–—])|(["“”«»]|(?<![\p{L}])['‘’]|['‘’](?![\p{L}]))|(\n)|(\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\u200d|\ufe0f|\p{Emoji_Modifier})*)|(\S)/gu;

function kindOf(m: RegExpExecArray): number {
  if (m[1] !== undefined || m[2] !== undefined) return WORD;
  if (m[3] !== undefined) return ASK;
  if (m[4] !== undefined) return END;
  if (m[5] !== undefined) return COMMA;
  if (m[6] !== undefined) return QUOTE;
  if (m[7] !== undefined) return NEWLINE;
  if (m[8] !== undefined) return EMOJI;
  return OTHER;
}

/** Tokenizes `text`. Deterministic and allocation-light: one regex pass, then one pass for structure. */
export function tokenize(text: string): Doc {
  const raw: RegExpExecArray[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) raw.push(m);
  const doc: Doc = {
    text,
    words: [],
    kinds: [],
    starts: [],
    ends: [],
    sentence: [],
    lead: [],
    hasQuotes: false,
  };
  const capitalStarts = new Set<number>();
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i] as RegExpExecArray;
    const kind = kindOf(m);
    const start = m.index;
    const end = start + m[0].length;
    if (kind !== WORD) {
      if (kind === QUOTE || m[0] === '>') doc.hasQuotes = true;
      push(doc, m[0], kind, start, end);
      continue;
    }
    let lower = m[0].toLowerCase();
    if (lower.endsWith("'") && lower.length > 1)
      lower = lower.endsWith("in'") ? lower.slice(0, -1) + 'g' : lower.slice(0, -1);
    const nextRaw = raw[i + 1];
    const parts = normalizeWord(lower, nextRaw ? nextRaw[0].toLowerCase() : undefined);
    // A capital after a lower-case word with no punctuation between usually starts a new texted sentence.
    if (isCapitalStart(m[0]) && i > 0 && kindOf(raw[i - 1] as RegExpExecArray) === WORD)
      capitalStarts.add(doc.words.length);
    for (const part of parts) push(doc, part, WORD, start, end);
  }
  dropScareQuotes(doc, capitalStarts);
  markStructure(doc, capitalStarts);
  return doc;
}

/** Quote marks around one or two words ("you're being 'dramatic'") are the writer's voice: drop them. */
function dropScareQuotes(doc: Doc, capitalStarts: Set<number>): void {
  for (let i = 0; i < doc.kinds.length; i++) {
    if (doc.kinds[i] !== QUOTE) continue;
    let j = i + 1;
    while (j < doc.kinds.length && doc.kinds[j] === WORD && j - i <= 3) j++;
    if (doc.kinds[j] !== QUOTE || j - i - 1 < 1 || j - i - 1 > 2) continue;
    for (const k of [j, i]) {
      doc.words.splice(k, 1);
      doc.kinds.splice(k, 1);
      doc.starts.splice(k, 1);
      doc.ends.splice(k, 1);
    }
    if (capitalStarts.size > 0) {
      const shifted = [...capitalStarts].map((c) => (c > j ? c - 2 : c > i ? c - 1 : c));
      capitalStarts.clear();
      for (const c of shifted) capitalStarts.add(c);
    }
    i = j - 2;
  }
}

function isCapitalStart(word: string): boolean {
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  // "I", "I'm" and all-caps words are not sentence starts.
  if (first < 65 || first > 90 || word === 'I' || word.startsWith("I'") || word.startsWith('I’'))
    return false;
  return word.length === 1 || (second >= 97 && second <= 122);
}

function push(doc: Doc, word: string, kind: number, start: number, end: number): void {
  doc.words.push(word);
  doc.kinds.push(kind);
  doc.starts.push(start);
  doc.ends.push(end);
}

function markStructure(doc: Doc, capitalStarts: ReadonlySet<number>): void {
  let sentence = 0;
  let open = true;
  for (let i = 0; i < doc.words.length; i++) {
    const kind = doc.kinds[i];
    const word = doc.words[i] as string;
    if (capitalStarts.has(i) && i > 0) {
      sentence++;
      open = true;
    }
    doc.sentence.push(sentence);
    doc.lead.push(false);
    if (kind === END || kind === ASK || kind === NEWLINE || kind === EMOJI) {
      if (i + 1 < doc.words.length) sentence++;
      open = true;
    } else if (kind !== WORD) {
      open = true;
    } else if (LAUGHS.has(word) && doc.kinds[i + 1] === WORD) {
      sentence++;
      open = true;
    } else if (open) {
      if (
        CLAUSE_WORDS.has(word) ||
        (MARKERS.has(word) && !(ONLY_BEFORE_PAUSE.has(word) && doc.kinds[i + 1] === WORD))
      ) {
        continue;
      }
      doc.lead[i] = true;
      open = false;
    } else if (CLAUSE_WORDS.has(word)) {
      // "so" starts a clause only before a subject or a command ("…so go to bed"), not in "so personally".
      open = word !== 'so' || SO_OPENS.has(doc.words[i + 1] as string);
    }
  }
}

/** Index of the last token of the clause holding token `i` (stops at any punctuation or emoji). */
export function clauseEnd(doc: Doc, i: number): number {
  let j = i;
  while (j + 1 < doc.words.length && doc.kinds[j + 1] === WORD) j++;
  return j;
}

/** Index of the last token of the sentence holding token `i`. */
export function sentenceEnd(doc: Doc, i: number): number {
  const s = doc.sentence[i];
  let j = i;
  while (j + 1 < doc.words.length && doc.sentence[j + 1] === s) j++;
  return j;
}

/** True when the sentence holding token `i` ends with a question mark. */
export function isQuestion(doc: Doc, i: number): boolean {
  const last = sentenceEnd(doc, i);
  return doc.kinds[last] === ASK || (last + 1 < doc.words.length && doc.kinds[last + 1] === ASK);
}
