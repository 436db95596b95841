/** We: shared language that puts both people in it together. */
import { hasWord, wordAt, wordBefore } from '../guards.ts';
import type { Rule } from '../rule.ts';
import { sentenceEnd, type Doc } from '../tokenize.ts';

const GROUP = new Set([
  'wife',
  'husband',
  'partner',
  'family',
  'kids',
  'boyfriend',
  'girlfriend',
  'parents',
  'fiance',
  'roommates',
  'friends',
]);

/** "we" that is the writer and someone else ("my husband and I… we") is not shared with the reader. */
const PULL = new Set([
  'get',
  'got',
  'getting',
  'pull',
  'pulled',
  'put',
  'keep',
  'hold',
  'holding',
  'gets',
  'keeping',
]);
const IDIOM_BEFORE_TOGETHER = new Set([
  'it',
  'yourself',
  'myself',
  'themselves',
  'himself',
  'herself',
  'shit',
  'life',
]);
const NARRATIVE = new Set([
  'went',
  'had',
  'got',
  'did',
  'saw',
  'made',
  'left',
  'came',
  'took',
  'broke',
  'spent',
  'ate',
  'fought',
  'split',
  'moved',
  'used',
  'decided',
  'ended',
  'argued',
  'drove',
  'stayed',
  'visited',
  'lost',
  'bought',
  'watched',
  'played',
  'celebrated',
  'visited',
  'walked',
  'flew',
  'travelled',
  'traveled',
  'cooked',
  'married',
  'divorced',
  'separated',
]);
const HOUSEHOLD = new Set([
  'kids',
  'house',
  'home',
  'dog',
  'cat',
  'wedding',
  'marriage',
  'car',
  'apartment',
  'flat',
  'son',
  'daughter',
  'baby',
  'parents',
  'mom',
  'dad',
  'family',
  'children',
  'neighbors',
  'neighbours',
  'landlord',
  'garden',
  'yard',
  'street',
]);
const COUPLED = new Set(['were', 'been', 'was', 'got', 'back', 'stayed', 'lived', 'moved']);
const TEMPORAL = new Set(['since', 'before', 'after', 'until', 'till', 'last']);

function sharedWithReader(doc: Doc, start: number): boolean {
  // "since we last talked" places a moment; it does not frame anything as shared.
  if (TEMPORAL.has(wordBefore(doc, start) ?? '')) return false;
  const word = doc.words[start] as string;
  const next = wordAt(doc, start + 1) ?? '';
  // "we went to the beach", "our kids": the writer's own household or story, not the two of you.
  if (
    word === 'we' &&
    NARRATIVE.has(next) &&
    !(next === 'got' && wordAt(doc, start + 2) === 'this')
  )
    return false;
  if (word === 'our' && HOUSEHOLD.has(next)) return false;
  // "we were together for six years": a couple's history, not the two of you.
  if (word === 'we' && next === 'were' && wordAt(doc, start + 2) === 'together') return false;
  if (word === 'together' && COUPLED.has(wordBefore(doc, start) ?? '')) return false;
  // "get it together", "pull yourself together" are idioms about one person.
  if (
    doc.words[start] === 'together' &&
    IDIOM_BEFORE_TOGETHER.has(wordBefore(doc, start) ?? '') &&
    PULL.has(wordBefore(doc, start, 2) ?? '')
  )
    return false;
  const from = Math.max(0, start - 12);
  return !hasWord(doc, from, sentenceEnd(doc, start) + 1, GROUP);
}

/** We rules. */
export const WE_RULES: Rule[] = [
  {
    id: 'we.shared',
    category: 'we',
    check: sharedWithReader,
    patterns: [
      'we|us|ourselves|together|both_of_us|each_other|our !all_feel|all_go|all_get|all_have',
    ],
  },
];
