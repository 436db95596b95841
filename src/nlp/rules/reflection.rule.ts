/** Reflection: saying back what you heard or sensed ("it sounds like…", "so when she left…"). */
import { MARKERS } from '../markers.ts';
import { isQuestion } from '../tokenize.ts';
import { clauseStop, hasWord, wordAt, wordBefore } from '../guards.ts';
import type { Rule } from '../rule.ts';
import type { Doc } from '../tokenize.ts';

const SOUNDS_SUBJECT = new Set([
  'it',
  'that',
  'this',
  'so',
  'really',
  'definitely',
  'honestly',
  'oh',
  'wow',
  'god',
  'yeah',
  'omg',
  'just',
]);
/** "I'm sorry you're going through this" is sympathy, not a saying-back. */
const SYMPATHY = new Set(['sorry', 'hope', 'glad', 'wish']);
const ADVICE_MODALS = new Set([
  'need',
  'should',
  'have',
  'ought',
  'must',
  'gotta',
  'got',
  'better',
]);
const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine']);
const SECOND_PERSON = new Set(['you', 'your', 'yourself', 'yours']);
const ASKING = new Set([
  'do',
  'did',
  'how',
  'if',
  'when',
  'what',
  'whenever',
  'why',
  'unless',
  'where',
  'until',
  'are',
  'were',
  'have',
]);

function soundsLike(doc: Doc, start: number, end: number): boolean {
  const before = wordBefore(doc, start);
  if (before !== undefined && !SOUNDS_SUBJECT.has(before)) return false;
  const next = wordAt(doc, end);
  if (next === 'fun' || next === 'good' || next === 'great' || next === 'a_plan') return false;
  // "sounds like you need to…" is advice dressed as a reflection.
  if (next === 'you' && ADVICE_MODALS.has(wordAt(doc, end + 1) ?? '')) return false;
  // "it seems like nothing works for me" is about the writer, not a saying-back.
  const stop = clauseStop(doc, end);
  if (hasWord(doc, end, stop, FIRST_PERSON) && !hasWord(doc, end, stop, SECOND_PERSON))
    return false;
  return !(next === 'a' && ['plan', 'good', 'great', 'fun'].includes(wordAt(doc, end + 1) ?? ''));
}

function statementAboutThem(doc: Doc, start: number): boolean {
  const before = wordBefore(doc, start);
  if (doc.words[start] === 'so' && before !== undefined && !MARKERS.has(before)) return false;
  if (before !== undefined && (ASKING.has(before) || SYMPATHY.has(before))) return false;
  return !isQuestion(doc, start);
}

/** Reflection rules. */
export const REFLECTION_RULES: Rule[] = [
  {
    id: 'reflection.sounds',
    category: 'reflection',
    check: soundsLike,
    patterns: ['sounds|sound|seems|seem|sounded|seemed like|as_if|as_though'],
  },
  {
    id: 'reflection.feeling',
    category: 'reflection',
    patterns: [
      'that|this|it @ADV? sounds|sounded|seems|must_be|must_have_been|must_feel|must_have_felt @ADV? @ADV? @FEELADJ',
      'that|this @ADV? is|was|has_been @ADV? @ADV? @FEELADJ',
      'it @ADV? has_been|must_have_been|must_be @ADV? @ADV? @FEELADJ',
      '^ sounds|sounded|seems|seemed @ADV? @ADV? @FEELADJ',
      'that|it|this @ADV? must|must_have|would_have|would @ADV? hurt|hurt_so_much|stung|sting|been_hard|be_hard|felt',
      'what a @ADV? @FEELADJ|lot|nightmare',
      'that|this is @ADV? a_lot|so_much|too_much|a_heavy_thing|such_a_lot',
      'no wonder you|it|that',
      'of course you @ADV? feel|are|were|felt|would|did',
      'it|that @ADV? makes @ADV? total|complete|so_much|perfect? sense that|you|why|to',
      'makes @ADV? total|complete|perfect|so_much|a_lot_of sense',
      'it is @ADV? a_lot|so_much|too_much|heavy $',
      'it is @ADV? a_lot|so_much|too_much|heavy for|to',
      'you should_not have @ADV? had? to',
    ],
  },
  {
    id: 'reflection.saying-back',
    category: 'reflection',
    check: statementAboutThem,
    patterns: [
      'you @ADV? sound|sounded|seem|seemed @ADV? @ADV? @FEELING',
      'you @ADV? must_be|must_feel|must_have_been|must_have_felt @ADV? @ADV? @FEELING',
      'you @ADV? felt|feel|were_feeling|are_feeling|have_been_feeling|were|are|have_been @ADV? @ADV? @FEELING',
      'you @ADV? felt|feel|were_feeling|are_feeling|have_been_feeling like',
      'you @ADV? have_been|are|were carrying|dealing|going_through|holding|fighting|juggling|trying|doing_this|living_with|sitting_with|putting_up|thinking|wanting|struggling|hurting|missing|worrying|wondering|feeling|grieving|waiting|managing|surviving',
      'you @ADV? said|mentioned|told_me|wrote|shared',
      'you are|were @ADV? saying|telling_me|describing',
      'i @ADV? hear|heard|can_hear|am_hearing you|that|how|what|a_lot|so_much',
      'what i am? hear|hearing|heard is?',
      'so @ADV? what you are saying',
      'so you @ADV? are? saying|felt|feel|were|are|have|had|mean|want|wanted|never|did_not|do_not|could_not|can_not',
      'so when',
      'so it is|was|has_been',
      'if i am understanding|understand|get|hear|heard you? @ADV? right|correctly|this',
      'i @ADV? sense|am_sensing|can_sense that|how',
      'i @ADV? get the_sense|the_feeling',
    ],
  },
];
