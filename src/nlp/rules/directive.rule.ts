/** Directive: telling or advising the other person (modal + you, advice as a question, imperatives). */
import {
  clauseStop,
  hasWord,
  isSubordinateYou,
  negatedBefore,
  wordAt,
  wordBefore,
} from '../guards.ts';
import { LEXICON } from '../lexicon.ts';
import type { Rule } from '../rule.ts';
import { KIND, sentenceEnd, type Doc } from '../tokenize.ts';

const { WORD } = KIND;

const NOT_INSTRUCTION_AFTER_SHOULD = new Set(['know']);
/** "you should see my kitchen": see/hear followed by these is an aside, not advice. */
const ASIDE_OBJECTS = new Set([
  'my',
  'the',
  'it',
  'this',
  'that',
  'how',
  'what',
  'his',
  'her',
  'them',
  'their',
]);
const SELF = new Set(['me', 'us']);
const MYSELF = new Set(['myself', 'ourselves']);

function modalYou(doc: Doc, start: number, end: number): boolean {
  if (isSubordinateYou(doc, start)) return false;
  if (negatedBefore(doc, start, 3)) return false;
  const next = wordAt(doc, end);
  const after = wordAt(doc, end + 1);
  if (next !== undefined && NOT_INSTRUCTION_AFTER_SHOULD.has(next)) return false;
  // "you must be exhausted" guesses at a feeling; it does not instruct.
  if (doc.words[end - 1] === 'must' && (next === 'be' || next === 'feel' || next === 'have'))
    return false;
  if ((next === 'see' || next === 'hear') && ASIDE_OBJECTS.has(after ?? '')) return false;
  if (next === 'be' && after === 'proud') return false;
  if (doc.words[end - 1] === 'not' && next === 'have' && (after === 'to' || after === 'had'))
    return false;
  if (next === 'have' && (after === 'seen' || after === 'heard')) return false;
  // "you shouldn't have to" is on their side, not an instruction.
  if (next === 'not' && after === 'have' && wordAt(doc, end + 2) === 'to') return false;
  if (next === 'not' && after === 'have' && wordAt(doc, end + 2) === 'had') return false;
  return true;
}

/** Imperative-looking phrases that are sign-offs, wishes, offers or belong to other categories. */
const NOT_ADVICE = [
  'take care',
  'take your time',
  'take all the time',
  'take it easy',
  'take it slow',
  'see you',
  'see ya',
  'sleep well',
  'sleep tight',
  'get well',
  'get home safe',
  'have a',
  'have fun',
  'keep in touch',
  'keep me',
  'keep us',
  'stay safe',
  'stay warm',
  'stay strong',
  'stay positive',
  'be strong',
  'be positive',
  'be well',
  'be safe',
  'let me',
  'let us',
  'tell me',
  'tell us',
  'tell you what',
  'look after yourself',
  'go ahead',
  'trust me',
  'believe me',
  'count me',
  'hang in',
  'hold on',
  'remember when',
  'remember me',
  'stop worrying',
  'stop stressing',
  'stop crying',
  'stop panicking',
  'stop by',
  'calm down',
  'cheer up',
  'chill out',
  'chill',
  'relax',
  'smile',
  'snap out',
  'think positive',
  'think i',
  'think so',
  'think it is',
  'think that is',
  'think we',
  'think they',
  'think he',
  'think she',
  'do you',
  'do i',
  'do we',
  'do they',
  'do he',
  'do she',
  'do it',
  'do not',
  'have you',
  'have i',
  'have we',
  'have they',
  'keep your head up',
  'keep your chin up',
  'look on the bright side',
  'look at everything',
  'look at all',
  'wait until',
  'wait till',
  'just wait',
  'look at the bright side',
  'get over it',
  'cry',
  'laugh',
  'work with',
  'say hi',
  'say hello',
  'ask away',
  'feel free',
  'wish me',
  'pray for',
  'try not to worry',
  'try not to stress',
  'try not to dwell',
  'try not to panic',
  'try not to overthink',
].map((p) => p.split(' '));

function startsWithPhrase(doc: Doc, start: number): boolean {
  for (const phrase of NOT_ADVICE) {
    let k = 0;
    while (k < phrase.length && doc.kinds[start + k] === WORD && doc.words[start + k] === phrase[k])
      k++;
    if (k === phrase.length) return true;
  }
  return false;
}

const KEEP_ENCOURAGING = new Set([
  'going',
  'trying',
  'pushing',
  'fighting',
  'moving',
  'working',
  'breathing',
  'talking',
  'reaching',
  'writing',
  'doing',
  'showing',
  'practicing',
  'practising',
  'taking',
  'telling',
  'reminding',
  'being',
  'coming',
  'asking',
  'using',
]);
const NOUN_SUBJECT_NEXT = new Set([
  'is',
  'was',
  'has',
  'had',
  'were',
  'are',
  'helps',
  'helped',
  'went',
  'goes',
  'sucks',
  'sucked',
  'seems',
  'seemed',
  'felt',
  'feels',
  'can',
  'could',
  'will',
  'would',
  'of',
  'does',
  'did',
  'made',
  'makes',
  'kept',
  'keeps',
  'got',
  'gets',
  'might',
  'should',
  'must',
  'never',
  'always',
  'wise',
  'time',
  'stuff',
  'things',
  'today',
  'yesterday',
  'lately',
  'itself',
  'alone',
  'works',
  'worked',
  'ran',
  'runs',
  'starts',
  'started',
  'ended',
  'ends',
]);
const LATER = new Set(['soon', 'later', 'tomorrow', 'tonight', 'then', 'in']);
const CHAT = new Set(['talk', 'speak', 'chat', 'catch', 'see', 'text', 'call']);

/** "Keep going like this and you'll lose your job" is a warning (fear), not advice. */
function isConditionalThreat(doc: Doc, start: number): boolean {
  const stop = sentenceEnd(doc, start);
  for (let j = start + 1; j < stop; j++) {
    if (
      (doc.words[j] === 'and' || doc.words[j] === 'or') &&
      doc.words[j + 1] === 'you' &&
      (doc.words[j + 2] === 'will' || doc.words[j + 2] === 'are')
    )
      return true;
  }
  return false;
}

const CONTACT = new Set([
  'call',
  'text',
  'message',
  'email',
  'dm',
  'phone',
  'ping',
  'reach',
  'ask',
  'hit',
]);

function imperative(doc: Doc, start: number, end: number): boolean {
  const verb = doc.words[start] as string;
  const next = wordAt(doc, end);
  if (startsWithPhrase(doc, start)) return false;
  // "Sleep has been awful", "Work was hell", "Rest of the day": the word is a noun subject here.
  if (next !== undefined && NOUN_SUBJECT_NEXT.has(next)) return false;
  // "Keep thinking about it", "Keep waking up at 3am": texted first person with the "I" dropped.
  if (verb === 'keep' && next !== undefined && next.endsWith('ing') && !KEEP_ENCOURAGING.has(next))
    return false;
  // "Talk therapy helped me": a compound noun subject.
  const after = wordAt(doc, end + 1);
  if (
    after !== undefined &&
    (after === 'helped' || after === 'helps' || after === 'saved' || after === 'changed')
  )
    return false;
  if (next !== undefined && LATER.has(next) && CHAT.has(verb)) return false;
  if (isConditionalThreat(doc, start)) return false;
  if (CONTACT.has(verb) && hasWord(doc, end, Math.min(end + 3, clauseStop(doc, end)), SELF))
    return false;
  if (hasWord(doc, start, clauseStop(doc, start), MYSELF)) return false;
  // A verb right before "you" at clause start reads as a question or a wish ("see you", "love you").
  if (next === 'you') return false;
  return (
    next !== undefined ||
    verb === 'breathe' ||
    verb === 'rest' ||
    verb === 'wait' ||
    verb === 'stop'
  );
}

const IMPERATIVE_HEADS = new Set(
  `${LEXICON.IMPV}|calm|relax|stop|quit|chill|cheer`
    .split('|')
    .map((v) => v.split('_')[0] as string),
);

/** "…and go take a nap": a second imperative joined to a clause that already opened with one. */
function chainedImperative(doc: Doc, start: number, end: number): boolean {
  let j = start - 1;
  while (j >= 0 && doc.kinds[j] === WORD && !doc.lead[j]) j--;
  if (j < 0 || doc.kinds[j] !== WORD || !IMPERATIVE_HEADS.has(doc.words[j] as string)) return false;
  return imperative(doc, start + 1 + (doc.words[start + 1] === 'just' ? 1 : 0), end);
}

function notOffer(doc: Doc, start: number): boolean {
  return wordBefore(doc, start) !== 'i' && !isSubordinateYou(doc, start);
}

const HOW_ABOUT_NEXT = /ing$/;
function howAbout(doc: Doc, _start: number, end: number): boolean {
  const next = wordAt(doc, end);
  if (next === undefined) return false;
  if (next === 'you') return wordAt(doc, end + 1) !== undefined;
  return (
    HOW_ABOUT_NEXT.test(next) && next !== 'something' && next !== 'nothing' && next !== 'everything'
  );
}

/** Directive rules. */
export const DIRECTIVE_RULES: Rule[] = [
  {
    id: 'directive.modal',
    category: 'directive',
    action: 'after',
    check: modalYou,
    patterns: [
      'you @ADV? @ADV? should|ought_to|must|got_to|have_got_to|had_better|would_better|better|need_to|have_to|gotta',
      'you @ADV? @ADV? should_not|must_not|ought_not_to|should_never|must_never',
      'you @ADV? @ADV? could|might|may @ADV? try|want_to|wanna|consider|look_into|think_about|reach_out',
      'you could always',
      'you @ADV? need|needs help|therapy|a_break|rest|sleep|professional|some|a_therapist|a_doctor|meds|medication|counseling|counselling|space|more',
      'you would_be|are better_off',
      'you are_going_to|are_gonna|will @ADV? have_to|need_to',
      'you will|would|are_going_to @ADV? want_to',
      'you can_not @ADV? keep|go_on|continue|let|carry_on|live_like',
    ],
  },
  {
    id: 'directive.question',
    category: 'directive',
    action: 'after',
    alt: 'question',
    why: 'A question that carries a solution is still advice; asking what has helped leaves the answer with them.',
    patterns: [
      'have|did you ever? tried|try|attempted',
      'have|did you ever? considered|consider|thought_about|thought_of|looked_into !how|what|why|whether|if|it|that|this|where|who|when|ending|killing|suicide|hurting|dying',
      'promise me',
      'have|did you ever? talked|spoken|gone|reached_out|been|turned @ADV? to|with a|an|your|the|anyone|someone|any|some|somebody',
      'have|did you ever? seen|asked|contacted|called|told a|an|your|the|someone|anyone|any doctor|therapist|gp|counselor|counsellor|psychiatrist|professional|someone|anyone|nurse|crisis',
      'ever tried|considered',
      'why do_not you|we',
      'why not @ADV? @IMPV',
      'what if you @ADV? @PASTV',
      'how|what about',
      'would|might|could|will it @ADV? help|be_better|be_good|be_worth|be_easier if you',
      'would_not it be better|easier|good',
      'do_not you think you should|need|could|ought',
      'should_not you',
      'can_not you @ADV?',
      'could|can you maybe|just|perhaps|possibly @IMPV !me|us',
      'would|will|could|can you @ADV? consider|think_about|look_into|be_open_to|be_willing_to',
      'is it @ADV? possible|an_option|worth to|for_you_to|trying|asking|talking',
      'i @ADV? wonder|am_wondering|was_wondering if|whether it @ADV? might|would|could|may help|be_worth|be_good|be_helpful',
    ],
    check: (doc, start, end) => {
      const first = doc.words[start];
      if (first === 'how' || first === 'what') {
        return doc.words[start + 1] === 'about' ? howAbout(doc, start, end) : notOffer(doc, start);
      }
      return true;
    },
  },
  {
    id: 'directive.advice',
    category: 'directive',
    action: 'after',
    patterns: [
      'my advice|suggestion|recommendation',
      'i @ADV? would|will|can|do? @ADV? suggest|recommend|advise|urge|encourage',
      'i would @ADV? just @IMPV',
      'one|another|an|the_other|my_only option|idea|suggestion|approach|thought is|would_be|could_be|might_be to',
      'it is @ADV? time|high_time to|for_you_to',
      'if i were|was you',
      'the best|only thing you_can_do|to_do|for_you',
      'what you @ADV? need|should|have_to|gotta|must|got_to|could|can|might|may|want_to @ADV? do? is',
      'make sure you|to|that_you',
      'it would|might|could|may|will|is @ADV? be? @ADV? @ADV? good|best|better|helpful|wise|smart|important|a_good_idea|worth_it|worth_trying|essential|crucial for_you? to|if_you|that_you',
      'it @ADV? might|may|could|would|will|can @ADV? help|be_worth to|if_you|trying|talking|getting|having',
      'it @ADV? helps|help to',
      'worth a try|a_shot|trying',
      'might_be|could_be|may_be worth',
      'the trick|key|answer|solution|secret is to|just',
      'something|one_thing|a_thing you @ADV? might|could|may|should|can @ADV? consider|try|do|look_into|want_to',
      'you @ADV? may|might|could|would|will find it|that @ADV? helpful|useful|helps|good',
      '^ reaching|talking|writing|getting|taking|going|trying|seeing|asking|calling|journaling|joining|finding|spending|keeping|setting|telling|letting ~6 could|might|would|may|will|can @ADV? help|be_good|be_helpful|be_worth|do_you_good',
      'let_us|we_need_to|we_should|we_have_to|we_are_going_to|we_will @ADV? work_on|focus_on|try_to|get_you|figure_out_how_to|start @ADV? stopping|quitting|getting|cutting|reducing|fixing|avoiding|stop|quit|cut|get_rid|reduce|fix|avoid|you|your',
      'try not to !worry|stress|dwell|panic|be_sad|be_upset|let_it|think_about_it|overthink',
      'i am here to help|fix|save you',
      'let me help|fix you',
      'i know what is_best|you_need|is_good|is_right',
      'all you @ADV? need|have|gotta to? do|is',
    ],
    check: (doc, start) => wordBefore(doc, start) !== 'if',
  },
  {
    id: 'directive.imperative',
    category: 'directive',
    action: 'from',
    check: imperative,
    patterns: ['^ @IMPV'],
  },
  {
    id: 'directive.chained',
    category: 'directive',
    action: 'after',
    check: chainedImperative,
    patterns: ['and|then just? @IMPV'],
  },
  {
    id: 'directive.dont',
    category: 'directive',
    action: 'after',
    alt: 'avoid',
    patterns: [
      '^ do_not|never|dont @ADV? !make_me|worry|stress|panic|cry|be_sad|be_upset|feel_bad|feel_guilty|beat|be_so|be_too|dwell|apologize|apologise|hesitate|be_sorry|be_afraid_to|forget_that|think_about_it|feel_like_you|let_it_get|sweat|fret|mention|thank|be_shy|feel_pressured|have_to|need_to|overthink_it|take_it_so @IMPV',
      '^ stop|quit @ADV? being|letting|comparing|apologizing|apologising|overthinking|reading|texting|talking|drinking|blaming|thinking|checking|looking|going|trying|giving|putting|wasting|saying|doing|acting|making|holding|hiding|isolating|ignoring|avoiding|answering|replying|responding|smoking|using|picking|waiting|pretending|obsessing|scrolling|skipping|pushing|letting',
    ],
  },
];
