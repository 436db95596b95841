/** Judging: labels and verdicts about the person or their experience, including "that's your illness talking". */
import { negatedBefore } from '../guards.ts';
import type { Rule } from '../rule.ts';
import type { Doc } from '../tokenize.ts';

function notNegated(doc: Doc, start: number): boolean {
  return !negatedBefore(doc, start, 5);
}

/** Judging rules. */
export const JUDGING_RULES: Rule[] = [
  {
    id: 'judging.you',
    category: 'judging',
    alt: 'you',
    check: notNegated,
    patterns: [
      'you are|were @ADV? @ADV? being? @ADV? @ADV? @JUDGE',
      'you are @ADV? @ADV? such|a|an|so @ADV? drama_queen|baby|mess|child|attention_seeker|hypochondriac|narcissist|liar|manipulator|brat',
      'you @ADV? always|never ~2 victim|overreact|exaggerate|listen|complain|twist|do_this|make_everything|make_it_about|play|whine|blow',
      'you @ADV? just @ADV? want|need attention|sympathy|pity',
      'being @ADV? @ADV? extra|dramatic|negative|paranoid|ridiculous|silly|irrational|selfish|childish|sensitive|lazy|immature|hysterical|a_baby|a_drama_queen|difficult|stupid|unreasonable|crazy|needy|clingy',
      'why would|do you @ADV? even? do|say|think|feel|believe|want that|this|something_like_that',
      'crazy talk',
      'you are @ADV? acting|behaving like a|an @ADV? child|baby|kid|victim|brat|toddler|teenager|martyr|lunatic|psycho|crazy_person',
      'playing|play the victim|martyr',
      'you @ADV? only|just care|think about yourself|you',
      'you @ADV? sound|sounded|seem|seemed|look|are_acting|act @ADV? @ADV? @JUDGE',
      'that|this|it is|was @ADV? a|such_a|an @ADV? @JUDGE thing|way|move|attitude',
      'you ~5 for attention|sympathy|pity|likes|clout',
      'that is|was @ADV? @ADV? crazy_talk|nonsense|irrational|silly|stupid|ridiculous|pathetic|dramatic|an_overreaction|insane_to_think',
      'you @ADV? overreact|exaggerate|catastrophize|catastrophise',
      'get a grip',
      'such an overreaction',
    ],
  },
  {
    id: 'judging.illness',
    category: 'judging',
    alt: 'illness',
    patterns: [
      'that|it|this is|was @ADV? @ADV? your|the @ILL talking',
      'that|it|this is|was @ADV? @ADV? your @ILL',
      'that|it|this is|was @ADV? @ADV? the @ILL @ADV? not you|not_reality|talking',
      'it is @ADV? all in your head',
      'you are @ADV? @ADV? not_well|not_thinking_straight|not_thinking_clearly|sick_in_the_head|unwell|ill_again|off_your_meds',
    ],
  },
  {
    id: 'judging.diagnosis',
    category: 'judging',
    alt: 'illness',
    check: notNegated,
    patterns: [
      'sounds|seems|looks|sound|seem like you @ADV? are|have_been|were|might_be|could_be|may_be|must_be @ADV? @DIAG',
      'sounds|seems|looks like @ADV? @DIAGNOUN',
      'you @ADV? are|were|have_been @ADV? @DIAG',
      'you @ADV? have|probably_have|must_have @ADV? @DIAGNOUN',
      'typical|classic|textbook @DIAGNOUN|narcissist|addict|manipulation|attention_seeking|borderline|bipolar|depression|anxiety',
    ],
  },
  {
    id: 'judging.third',
    category: 'judging',
    alt: 'third',
    check: notNegated,
    patterns: [
      'he|she|they|him|her|people is|are|was|were @ADV? @ADV? being? @ADV? @ADV? a? @ADV? @JUDGE3',
      'he|she|they is|are|was|were @ADV? just? doing_it|doing_this|saying_that|saying_it for attention',
      'he|she|they @ADV? just? wants|want|needs attention',
      'he|she|they sounds|seems|sound|seem like a|an? @ADV? @JUDGE3',
      'your|his|her|their @PEOPLE is|are|was|were @ADV? @ADV? being? @ADV? a? @ADV? @JUDGE3',
    ],
  },
];
