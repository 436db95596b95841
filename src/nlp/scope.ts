/**
 * Marks tokens whose words are not the writer's own address to the reader: quoted text,
 * reported speech ("my doctor said…", "I was told…"), self-talk frames ("I keep telling myself…")
 * and meta-negation ("I'm not saying you should…"). Fear-side findings there are dropped.
 */
import { LEXICON } from './lexicon.ts';
import { KIND, type Doc } from './tokenize.ts';

const { EMOJI, END, ASK, NEWLINE, OTHER, QUOTE, WORD } = KIND;

/** Bit flags per token. */
export const QUOTED = 1;
export const REPORTED = 2;
export const NEGATED = 4;

const SAY = new Set(LEXICON.SAY?.split('|').filter((w) => !w.includes('_')));
const SKIP_BEFORE_SAY = new Set([
  'always',
  'just',
  'also',
  'literally',
  'once',
  'even',
  'then',
  'actually',
  'basically',
  'keeps',
  'kept',
  'keep',
  'still',
  'never',
  'constantly',
  'really',
  'would',
  'will',
  'used',
  'to',
  'had',
  'has',
  'have',
  'was',
  'is',
  'once',
  'sometimes',
  'often',
  'apparently',
  'like',
  'ever',
]);
const NOT_REPORTERS = new Set([
  'i',
  'you',
  'please',
  'let',
  'can',
  'could',
  'would',
  'will',
  'do',
  'did',
  'and',
  'or',
  'but',
  'to',
  'me',
  'should',
  'must',
  'need',
  'might',
  'gonna',
  'going',
  'just',
  'ever',
  'not',
  'we',
]);
const PASSIVE = new Set([
  'was',
  'been',
  'get',
  'got',
  'being',
  'were',
  'am',
  'are',
  'getting',
  'gets',
]);
const META_VERBS = new Set([
  'say',
  'saying',
  'tell',
  'telling',
  'suggest',
  'suggesting',
  'ask',
  'asking',
  'advise',
  'advising',
  'said',
]);
const NEGATORS = new Set(['not', 'never', 'nobody', 'noone']);
const SCOPE_BREAK = new Set(['but', 'however', 'though', 'although', 'yet']);
const REFLEXIVE = new Set(['myself', 'ourselves']);

function isSentenceBreak(kind: number | undefined): boolean {
  return kind === END || kind === ASK || kind === NEWLINE || kind === EMOJI;
}

/** True when token `i` (a say-verb) opens a report of someone else's words. */
function isReportFrame(doc: Doc, i: number): boolean {
  const word = doc.words[i] as string;
  const next = doc.words[i + 1];
  if (REFLEXIVE.has(next ?? '')) return true;
  if (word === 'told' && PASSIVE.has(doc.words[i - 1] ?? '')) return true;
  if (word === 'like' || word === 'goes' || word === 'went') return false;
  let j = i - 1;
  while (j >= 0 && doc.kinds[j] === WORD && SKIP_BEFORE_SAY.has(doc.words[j] as string)) j--;
  if (j < 0 || doc.kinds[j] !== WORD) return false;
  return !NOT_REPORTERS.has(doc.words[j] as string);
}

function markUntilBreak(doc: Doc, marks: Uint8Array, from: number, bit: number): void {
  const sentence = doc.sentence[from - 1];
  for (let j = from; j < doc.words.length; j++) {
    if (
      isSentenceBreak(doc.kinds[j]) ||
      doc.sentence[j] !== sentence ||
      (doc.kinds[j] === WORD && SCOPE_BREAK.has(doc.words[j] as string))
    )
      return;
    marks[j] = (marks[j] as number) | bit;
  }
}

function markQuotes(doc: Doc, marks: Uint8Array): void {
  let open = -1;
  let lineQuoted = false;
  for (let i = 0; i < doc.words.length; i++) {
    const kind = doc.kinds[i];
    if (kind === NEWLINE) lineQuoted = false;
    else if (kind === OTHER && doc.words[i] === '>' && (i === 0 || doc.kinds[i - 1] === NEWLINE))
      lineQuoted = true;
    if (lineQuoted) marks[i] = (marks[i] as number) | QUOTED;
    if (kind !== QUOTE) continue;
    if (open < 0) {
      open = i;
      continue;
    }
    let words = 0;
    for (let j = open + 1; j < i; j++) if (doc.kinds[j] === WORD) words++;
    // One or two quoted words are scare quotes ("you're being 'dramatic'"), still the writer's voice.
    if (words >= 3) for (let j = open; j <= i; j++) marks[j] = (marks[j] as number) | QUOTED;
    open = -1;
  }
}

/** Computes the scope flags for every token of `doc`. */
export function markScopes(doc: Doc): Uint8Array {
  const marks = new Uint8Array(doc.words.length);
  // Most drafts quote nothing: skip the quote pass unless the tokenizer saw a quote mark or "> ".
  if (doc.hasQuotes) markQuotes(doc, marks);
  for (let i = 0; i < doc.words.length; i++) {
    if (doc.kinds[i] !== WORD) continue;
    const word = doc.words[i] as string;
    if (SAY.has(word) && isReportFrame(doc, i)) markUntilBreak(doc, marks, i + 1, REPORTED);
    else if (word === 'according' && doc.words[i + 1] === 'to')
      markUntilBreak(doc, marks, i + 2, REPORTED);
    else if (NEGATORS.has(word)) {
      for (let k = 1; k <= 4 && doc.kinds[i + k] === WORD; k++) {
        if (META_VERBS.has(doc.words[i + k] as string)) {
          markUntilBreak(doc, marks, i + k + 1, NEGATED);
          break;
        }
      }
    }
  }
  return marks;
}
