/** Word normalization for chat English: contractions, texting shortenings, common typos, stretched letters. */
import { EXPANSIONS } from './expansions.ts';
import { LEXICON } from './lexicon.ts';

const ILL_AS_I_WILL = new Set([
  'have',
  'be',
  'call',
  'tell',
  'text',
  'talk',
  'let',
  'get',
  'try',
  'do',
  'see',
  'go',
  'just',
  'never',
  'always',
  'come',
  'send',
  'make',
  'keep',
  'check',
  'message',
  'probably',
  'def',
  'definitely',
  'need',
  'wait',
  'share',
]);

/** Adjectives that make texted "ur" read as "you're" ("ur angry", "ur so dramatic"). */
const ADJECTIVES = new Set(
  [LEXICON.FEELING, LEXICON.JUDGE, LEXICON.DIAG].flatMap((list) =>
    (list ?? '').split('|').filter((w) => !w.includes('_')),
  ),
);

const HAS_NEXT = new Set(['been', 'got', 'gotten', 'had']);

const WELL_AS_WE_WILL = new Set([
  'get',
  'figure',
  'work',
  'talk',
  'see',
  'find',
  'sort',
  'deal',
  'take',
  'keep',
  'manage',
  'handle',
  'sit',
  'make',
  'go',
]);

const UR_AS_YOU_ARE = new Set([
  'being',
  'not',
  'so',
  'going',
  'just',
  'really',
  'too',
  'always',
  'never',
  'a',
  'an',
  'the',
  'such',
  'very',
  'literally',
  'totally',
  'fine',
  'ok',
  'right',
  'wrong',
  'gonna',
  'stronger',
  'in',
  'overreacting',
  'way',
  'lucky',
  'right',
]);

/** Words the stretched-letter rule may restore (filled by the rule lexicon as it compiles). */
export const KNOWN_WORDS = new Set<string>([
  'so',
  'no',
  'yes',
  'please',
  'really',
  'good',
  'feel',
  'sleep',
  'need',
  'too',
  'see',
  'soon',
  'sorry',
  'ok',
  'love',
  'hug',
  'hugs',
  'lol',
  'omg',
  'why',
  'hey',
  'hi',
  'oh',
  'aw',
  'ugh',
  'stop',
  'call',
  'well',
  'all',
]);

const STRETCH = /(.)\1\1+/g;

function unstretch(word: string): string {
  if (!STRETCH.test(word)) return word;
  STRETCH.lastIndex = 0;
  const two = word.replace(STRETCH, '$1$1');
  if (KNOWN_WORDS.has(two) || EXPANSIONS[two] !== undefined) return two;
  const one = word.replace(STRETCH, '$1');
  if (KNOWN_WORDS.has(one) || EXPANSIONS[one] !== undefined) return one;
  return two;
}

const CACHE = new Map<string, readonly string[]>();

/**
 * Normalizes one raw word (already lower-cased) to one or more canonical words.
 * `next` is the following raw word, used only to read "ur" as "your" or "you are".
 */
export function normalizeWord(lower: string, next: string | undefined): readonly string[] {
  if (lower === 'ill' && next !== undefined && ILL_AS_I_WILL.has(next)) return ['i', 'will'];
  // Texted "well get through this" is "we'll"; "well," stays a discourse marker.
  if (lower === 'well' && next !== undefined && WELL_AS_WE_WILL.has(next)) return ['we', 'will'];
  if (lower === 'ur')
    return next !== undefined &&
      (UR_AS_YOU_ARE.has(next) || ADJECTIVES.has(next) || next.endsWith('ing'))
      ? ['you', 'are']
      : ['your'];
  // "it's been", "what's got": the 's is "has" before a participle.
  if (next !== undefined && HAS_NEXT.has(next) && /['’]s$/.test(lower)) {
    const head = EXPANSIONS[lower.replace('’', "'")];
    if (head !== undefined) return [head.split(' ')[0] as string, 'has'];
  }
  const cached = CACHE.get(lower);
  if (cached) return cached;
  let word = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
  // "self-harm" and "self harm" read the same: a hyphenated word becomes its parts.
  if (word.includes('-')) {
    const parts = word.split('-').flatMap((part) => normalizeWord(part, undefined));
    if (CACHE.size < 50_000) CACHE.set(lower, parts);
    return parts;
  }
  word = unstretch(word);
  const expanded = EXPANSIONS[word];
  const out = expanded === undefined ? [word] : expanded.split(' ');
  if (CACHE.size < 50_000) CACHE.set(lower, out);
  return out;
}
