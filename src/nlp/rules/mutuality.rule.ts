/** Mutuality: sharing your own experience or view as yours, and offering rather than prescribing. */
import { clauseStop, wordBefore } from '../guards.ts';
import type { Rule } from '../rule.ts';
import type { Doc } from '../tokenize.ts';

const PAST_IRREGULAR = new Set([
  'was',
  'were',
  'went',
  'had',
  'got',
  'left',
  'came',
  'took',
  'broke',
  'lost',
  'died',
  'passed',
  'said',
  'told',
  'felt',
  'found',
  'gave',
  'made',
  'saw',
  'spent',
  'kept',
  'fell',
  'began',
  'ran',
  'quit',
  'split',
  'hit',
]);
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'tomorrow',
  'today',
  'tonight',
  'time',
  'that',
  'this',
  'which',
  'noon',
  'pm',
  'am',
  'weekend',
  'morning',
  'evening',
  'afternoon',
  'date',
  'day',
]);

const REMEMBER_NEXT = new Set([
  'when',
  'how',
  'my',
  'the',
  'that',
  'back',
  'once',
  'a',
  'one',
  'those',
  'what',
  'sitting',
  'being',
]);

/** A past-tense verb (regular or common irregular), or "was"/"used". */
function isPast(word: string): boolean {
  return (
    PAST_IRREGULAR.has(word) ||
    word === 'used' ||
    word === 'first' ||
    (word.endsWith('ed') && word.length > 3)
  );
}

/** "when my dad died" shares the past; "when my kids are asleep I'll call" plans the future. */
function pastInClause(doc: Doc, start: number): boolean {
  const stop = clauseStop(doc, start);
  for (let j = start + 2; j < stop && j < start + 7; j++) {
    const w = doc.words[j] as string;
    if (isPast(w)) return true;
  }
  return false;
}

/** "Tuesday works for me" arranges a time; "walking helped me" shares experience. */
function notScheduling(doc: Doc, start: number): boolean {
  const verb = doc.words[start] as string;
  return !((verb === 'works' || verb === 'work') && TIME_WORDS.has(wordBefore(doc, start) ?? ''));
}

/** Mutuality rules. */
export const MUTUALITY_RULES: Rule[] = [
  {
    id: 'mutuality.sharing',
    category: 'mutuality',
    patterns: [
      '^ for me @ADV?',
      '^ personally $',
      '^ personally i|for',
      'speaking for myself',
      'i have|had @ADV? been there|through_it|through_that|through_this|through_something',
      'i have|had @ADV? felt|had|gone_through|struggled|dealt|experienced|lived_through|been_through|been_in|been|wanted|thought|done|lived ~6 too|before|similar|the_same|that_way|like_that|something_like|this_myself|that_myself|it_myself|myself|as_well',
      'i have|had @ADV? struggled|dealt|lived|battled|wrestled with',
      'i @ADV? struggle|struggled|deal|dealt|live|lived|battle|battled with ~4 too|myself|as_well',
      'i @ADV? went through',
      'i was|have_been|had_been @ADV? in ~3 place|spot|situation|boat|hole|position|shoes',
      'i had something|a|the @ADV? similar|same',
      'in my @ADV? own? experience|case',
      'i am @ADV? going_through|dealing_with|struggling_with|living_with ~3 similar|too|the_same|as_well|right_now|myself',
      'happened to me @ADV? too|as_well|once|before',
      'my own experience|life|story|journey',
      'what|something|one_thing|the_thing|that @ADV? helped|worked|works|helps for? me',
      'it @ADV? helped|helps me',
      'same here|with_me',
      'i have|had @ADV? been where_you_are|in_your_shoes|in_that_place|in_the_same_place',
      'i am @ADV? the_same|similar|like_that_too|exactly_the_same',
      'i @ADV? get|feel|do|did|am|was|felt ~4 too|as_well $',
      'i @ADV? know|get what you mean|you_mean',
      '^ been there|through_that|through_it|through_this',
      '^ same !time|day|week|place|old|thing|one|as|person|people|size|again|here',
      'i used_to ~4 the_same|too|that_too|like_that',
      'like that|this|it for me',
      'for me @ADV? too|as_well|also',
      '^ me too',
      'i @ADV? can|do? relate',
      'i @ADV? feel|felt the_same|that_way_too|that_too|this_too|it_too|like_that_too',
      'i @ADV? know the|that feeling',
      'i have|had @ADV? been there',
      'reminds|reminded me of',
      'was like for me',
      'i am|was|feel|felt @ADV? @ADV? scared|frightened|worried|sad|moved|touched|nervous|afraid|shaken|heartbroken|uneasy|honored|honoured|grateful|thankful|glad|relieved|angry|upset hearing|reading|to_hear|to_read|about_this|by_this|for_you|listening',
    ],
  },
  {
    id: 'mutuality.when-i',
    category: 'mutuality',
    check: (doc, _start, end) => isPast(doc.words[end] ?? ''),
    patterns: [`when|after|before|while|back_when i @ADV? @ADV?`],
  },
  {
    id: 'mutuality.remember',
    category: 'mutuality',
    check: (doc, _start, end) => {
      const next = doc.words[end] ?? '';
      return next.endsWith('ing') || REMEMBER_NEXT.has(next);
    },
    patterns: ['i @ADV? remember|recall|remembered'],
  },
  {
    id: 'mutuality.my-past',
    category: 'mutuality',
    check: pastInClause,
    patterns: ['when|after my'],
  },
  {
    id: 'mutuality.helped-me',
    category: 'mutuality',
    check: notScheduling,
    patterns: ['helped|helps|worked|works for? me'],
  },
  {
    id: 'mutuality.offer',
    category: 'mutuality',
    patterns: [
      'i @ADV? can|could|would_be_happy_to|am_happy_to|would_love_to|would_like_to|will|am_glad_to|do_not_mind @ADV? share|tell_you|talk_about @ADV? what|some|a_bit|my|about|something|how|a_little|more|mine|if',
      'i @ADV? will|would_like_to|would_love_to|am_happy_to|can share @ADV? some|my|a_bit|more|too',
      'would|will|could|might it @ADV? help|be_ok|be_okay|be_alright|be_useful|be_helpful if i',
      'can|could|may i @ADV? share|tell_you|offer',
      'do|would you @ADV? want|like me to share|tell_you',
      'i do_not know|am_not_sure|not_sure|dunno if|whether this|it|that @ADV? fits|helps|is_helpful|is_useful|applies|works|is_relevant|makes_sense',
      'not sure if|whether this|it|that @ADV? fits|helps|is_helpful|is_useful|applies|works|is_relevant|will',
      'take it or leave it',
      'just my|one experience|two_cents',
      'get to know you',
    ],
  },
];
