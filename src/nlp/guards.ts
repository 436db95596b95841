/** Small grammatical checks the rules share: what stands before a match, and who its subject is. */
import { KIND, type Doc } from './tokenize.ts';

const { WORD } = KIND;

/** The word `n` words before token `i` within the same clause, or undefined. */
export function wordBefore(doc: Doc, i: number, n = 1): string | undefined {
  let j = i;
  for (let k = 0; k < n; k++) {
    j--;
    if (j < 0 || doc.kinds[j] !== WORD) return undefined;
  }
  return doc.words[j];
}

/** The word at token `i` if it is a word. */
export function wordAt(doc: Doc, i: number): string | undefined {
  return doc.kinds[i] === WORD ? doc.words[i] : undefined;
}

const SUBORDINATORS = new Set([
  'if',
  'when',
  'whenever',
  'what',
  'whatever',
  'anything',
  'everything',
  'unless',
  'until',
  'whether',
  'how',
  'where',
  'why',
  'who',
  'as',
  'because',
  'since',
  'once',
  'before',
  'after',
  'while',
  'till',
  'all',
  'something',
  'do',
  'did',
  'does',
  'whoever',
  'wherever',
  'than',
  'anyone',
  'someone',
  'anybody',
  'somebody',
  'nobody',
  'everyone',
  'everybody',
  'one',
  'which',
  'whom',
  'people',
  'thing',
  'things',
  'way',
  'place',
  'anywhere',
]);
const THINK = new Set([
  'think',
  'feel',
  'believe',
  'decide',
  'reckon',
  'like',
  'know',
  'guess',
  'feels',
  'mean',
]);

/**
 * True when the "you" at token `i` is the subject of a subordinate or questioned clause
 * ("if you need to", "what do you think you should do", "whatever you need"), not an instruction.
 */
export function isSubordinateYou(doc: Doc, i: number): boolean {
  const before = wordBefore(doc, i);
  if (before === undefined) return false;
  if (SUBORDINATORS.has(before) || before === 'ever') return true;
  if (THINK.has(before)) {
    for (let n = 2; n <= 4; n++) {
      const w = wordBefore(doc, i, n);
      if (w === undefined) break;
      if (SUBORDINATORS.has(w) || w === 'you') return true;
    }
  }
  return false;
}

const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'hardly']);

/** True when a negator stands within `span` words before token `i` in the same clause. */
export function negatedBefore(doc: Doc, i: number, span = 4): boolean {
  for (let n = 1; n <= span; n++) {
    const w = wordBefore(doc, i, n);
    if (w === undefined) return false;
    if (NEGATORS.has(w)) return true;
  }
  return false;
}

/** True when any of `words` occurs in tokens [from, to). */
export function hasWord(doc: Doc, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let j = Math.max(0, from); j < to && j < doc.words.length; j++) {
    if (doc.kinds[j] === WORD && words.has(doc.words[j] as string)) return true;
  }
  return false;
}

/** Index one past the last word of the clause starting at or after `i`. */
export function clauseStop(doc: Doc, i: number): number {
  let j = i;
  while (j < doc.words.length && doc.kinds[j] === WORD) j++;
  return j;
}
