/** Word normalization for chat English: contractions, texting shortenings, common typos, stretched letters. */
import { LEXICON } from './lexicon.ts';

const EXPANSIONS: Record<string, string> = {
  "you're": 'you are',
  youre: 'you are',
  "you'll": 'you will',
  youll: 'you will',
  ure: 'you are',
  "you'd": 'you would',
  youd: 'you would',
  "you've": 'you have',
  youve: 'you have',
  ull: 'you will',
  dw: 'do not worry',
  nbd: 'no big deal',
  "u'll": 'you will',
  "u're": 'you are',
  "u've": 'you have',
  "u'd": 'you would',
  theyll: 'they will',
  theyve: 'they have',
  wouldve: 'would have',
  "i'm": 'i am',
  im: 'i am',
  "i've": 'i have',
  ive: 'i have',
  "i'd": 'i would',
  "i'll": 'i will',
  "we're": 'we are',
  "we'll": 'we will',
  "we've": 'we have',
  "we'd": 'we would',
  "they're": 'they are',
  theyre: 'they are',
  "they'll": 'they will',
  "they've": 'they have',
  "they'd": 'they would',
  "it's": 'it is',
  its: 'it is',
  "it'll": 'it will',
  itll: 'it will',
  "that's": 'that is',
  thats: 'that is',
  "that'll": 'that will',
  "what's": 'what is',
  whats: 'what is',
  wats: 'what is',
  "there's": 'there is',
  theres: 'there is',
  "he's": 'he is',
  hes: 'he is',
  "she's": 'she is',
  shes: 'she is',
  "he'll": 'he will',
  "she'll": 'she will',
  "who's": 'who is',
  "how's": 'how is',
  hows: 'how is',
  "where's": 'where is',
  "let's": 'let us',
  lets: 'let us',
  "everything's": 'everything is',
  "nothing's": 'nothing is',
  "everyone's": 'everyone is',
  "things'll": 'things will',
  "don't": 'do not',
  dont: 'do not',
  "doesn't": 'does not',
  doesnt: 'does not',
  "didn't": 'did not',
  didnt: 'did not',
  "can't": 'can not',
  cant: 'can not',
  cannot: 'can not',
  "won't": 'will not',
  "isn't": 'is not',
  isnt: 'is not',
  "aren't": 'are not',
  arent: 'are not',
  "wasn't": 'was not',
  wasnt: 'was not',
  "weren't": 'were not',
  "haven't": 'have not',
  havent: 'have not',
  "hasn't": 'has not',
  "hadn't": 'had not',
  "wouldn't": 'would not',
  wouldnt: 'would not',
  "couldn't": 'could not',
  couldnt: 'could not',
  "shouldn't": 'should not',
  shouldnt: 'should not',
  shudnt: 'should not',
  "mustn't": 'must not',
  "needn't": 'need not',
  "ain't": 'is not',
  "y'all": 'you all',
  yall: 'you all',
  "should've": 'should have',
  shouldve: 'should have',
  shoulda: 'should have',
  "could've": 'could have',
  "would've": 'would have',
  "must've": 'must have',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  hafta: 'have to',
  needa: 'need to',
  kinda: 'kind of',
  sorta: 'sort of',
  dunno: 'do not know',
  idk: 'i do not know',
  lemme: 'let me',
  gimme: 'give me',
  u: 'you',
  ya: 'you',
  yu: 'you',
  r: 'are',
  shud: 'should',
  shld: 'should',
  shoud: 'should',
  sould: 'should',
  shuld: 'should',
  shoudl: 'should',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  pls: 'please',
  plz: 'please',
  cuz: 'because',
  bc: 'because',
  coz: 'because',
  cos: 'because',
  becuase: 'because',
  abt: 'about',
  bout: 'about',
  rn: 'right now',
  ppl: 'people',
  alot: 'a lot',
  tho: 'though',
  thru: 'through',
  rly: 'really',
  realy: 'really',
  prob: 'probably',
  def: 'definitely',
  tryed: 'tried',
  tryd: 'tried',
  hv: 'have',
  okay: 'ok',
  k: 'ok',
  kk: 'ok',
  okey: 'ok',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  smth: 'something',
  sth: 'something',
  feelin: 'feeling',
  tryin: 'trying',
  doin: 'doing',
  goin: 'going',
  talkin: 'talking',
  thinkin: 'thinking',
  sayin: 'saying',
  gettin: 'getting',
  nothin: 'nothing',
  somethin: 'something',
  freind: 'friend',
  reccomend: 'recommend',
  recomend: 'recommend',
  sugest: 'suggest',
  meditate: 'meditate',
  mum: 'mom',
  mom: 'mom',
  mommy: 'mom',
  doc: 'doctor',
  therapist: 'therapist',
  n: 'and',
  b: 'be',
  w: 'with',
};

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
