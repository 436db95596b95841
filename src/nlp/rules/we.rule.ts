/** We: shared language that puts both people in it together. */
import { hasWord, wordBefore } from '../guards.ts';
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
const TEMPORAL = new Set(['since', 'before', 'after', 'until', 'till', 'last']);

function sharedWithReader(doc: Doc, start: number): boolean {
  // "since we last talked" places a moment; it does not frame anything as shared.
  if (TEMPORAL.has(wordBefore(doc, start) ?? '')) return false;
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
      'we|us|ourselves|together|ours|both_of_us|each_other|our !all_feel|all_go|all_get|all_have',
    ],
  },
];
