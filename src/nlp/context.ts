/** Recognizes a reflection of the other person's previous message: their words said back, turned to "you". */
import { tokenize, WORD, ASK, type Doc } from './tokenize.ts';

const STOP = new Set([
  'i',
  'me',
  'my',
  'you',
  'your',
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'so',
  'to',
  'of',
  'in',
  'on',
  'at',
  'it',
  'is',
  'am',
  'are',
  'was',
  'were',
  'be',
  'been',
  'that',
  'this',
  'just',
  'like',
  'really',
  'do',
  'not',
  'have',
  'has',
  'had',
  'with',
  'for',
  'what',
  'when',
  'then',
  'there',
  'they',
  'he',
  'she',
  'we',
  'all',
  'up',
  'out',
  'about',
  'if',
  'too',
  'very',
  'can',
  'will',
  'would',
  'could',
  'honestly',
  'even',
  'ok',
  'lol',
  'one',
  'no',
  'by',
  'as',
  'from',
  'how',
  'did',
  'does',
  'some',
  'more',
  'know',
  'think',
  'get',
  'got',
  'feel',
  'felt',
]);

/** The content words of the context message. */
export function contentWords(context: string): Set<string> {
  const doc = tokenize(context);
  const words = new Set<string>();
  for (let i = 0; i < doc.words.length; i++) {
    const w = doc.words[i] as string;
    if (doc.kinds[i] === WORD && !STOP.has(w) && w.length > 2) words.add(w);
  }
  return words;
}

/**
 * Token ranges of sentences that say the context back: addressed to the reader ("you", "your", or
 * opening with "so"), not a question, and sharing at least two content words with the context.
 */
export function echoedSentences(doc: Doc, context: Set<string>): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= doc.words.length; i++) {
    if (i < doc.words.length && doc.sentence[i] === doc.sentence[start]) continue;
    const end = i;
    let shared = 0;
    let addressed = doc.words[start] === 'so';
    let asks = false;
    const seen = new Set<string>();
    for (let j = start; j < end; j++) {
      const w = doc.words[j] as string;
      if (doc.kinds[j] === ASK) asks = true;
      if (doc.kinds[j] !== WORD) continue;
      if (w === 'you' || w === 'your') addressed = true;
      if (context.has(w) && !seen.has(w)) {
        seen.add(w);
        shared++;
      }
    }
    if (addressed && !asks && shared >= 2) out.push([start, end]);
    start = i;
  }
  return out;
}
