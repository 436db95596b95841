/** Grammatical guards for the directive rules: who is addressed, and which command-like phrases are not advice. */
import {
  clauseStop,
  hasWord,
  isSubordinateYou,
  negatedBefore,
  wordAt,
  wordBefore,
} from '../guards.ts';
import { LEXICON } from '../lexicon.ts';
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

/** "you should…" addresses the reader: not in a subordinate clause, not negated, not an aside or a guess. */
export function modalYou(doc: Doc, start: number, end: number): boolean {
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
  'be grateful',
  'be thankful',
  'feel grateful',
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

/** A clause-initial verb that gives advice: not a sign-off, noun subject, dropped-"I" narration or threat. */
export function imperative(doc: Doc, start: number, end: number): boolean {
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
export function chainedImperative(doc: Doc, start: number, end: number): boolean {
  let j = start - 1;
  while (j >= 0 && doc.kinds[j] === WORD && !doc.lead[j]) j--;
  if (j < 0 || doc.kinds[j] !== WORD || !IMPERATIVE_HEADS.has(doc.words[j] as string)) return false;
  return imperative(doc, start + 1 + (doc.words[start + 1] === 'just' ? 1 : 0), end);
}

/** The wh-opener is not part of an offer ("what I can do is…") or a subordinate clause. */
export function notOffer(doc: Doc, start: number): boolean {
  return wordBefore(doc, start) !== 'i' && !isSubordinateYou(doc, start);
}

const HOW_ABOUT_NEXT = /ing$/;
/** "how about you call…", "how about trying…" (but not "how about you?"). */
export function howAbout(doc: Doc, _start: number, end: number): boolean {
  const next = wordAt(doc, end);
  if (next === undefined) return false;
  if (next === 'you') return wordAt(doc, end + 1) !== undefined;
  return (
    HOW_ABOUT_NEXT.test(next) && next !== 'something' && next !== 'nothing' && next !== 'everything'
  );
}
