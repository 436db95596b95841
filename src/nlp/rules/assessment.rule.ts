/** Assessment: problem-assuming and checklist questions (what's wrong, meds, risk, symptoms, substances). */
import { wordAt, wordBefore } from '../guards.ts';
import type { Rule } from '../rule.ts';
import type { Doc } from '../tokenize.ts';

const NOT_ABOUT_THEM = new Set([
  'me',
  'that',
  'it',
  'wanting',
  'feeling',
  'being',
  'needing',
  'asking',
  'this',
  'us',
]);

const ABOUT_THEM = new Set([
  'you',
  'u',
  'ya',
  'yourself',
  'your',
  'ur',
  'yr',
  'him',
  'her',
  'them',
]);

function wrongWithThem(doc: Doc, start: number, end: number): boolean {
  const before = wordBefore(doc, start);
  if (before === 'nothing' || before === 'no') return false;
  // "what's wrong with you/your…" assumes a problem in the person; "…with the wifi" does not.
  if (wordAt(doc, end) === 'with') {
    const next = wordAt(doc, end + 1) ?? '';
    return !NOT_ABOUT_THEM.has(next) && ABOUT_THEM.has(next);
  }
  return true;
}

/** Assessment rules. */
export const ASSESSMENT_RULES: Rule[] = [
  {
    id: 'assessment.wrong',
    category: 'assessment',
    alt: 'wrong',
    check: wrongWithThem,
    patterns: [
      'what is|was the problem|issue $',
      'what is|was the problem|issue exactly|now|today|this_time',
      'what is|was wrong|the_matter|your_problem',
      'what is your problem|issue|diagnosis',
      'what the_hell|is_up is_wrong',
    ],
  },
  {
    id: 'assessment.meds',
    category: 'assessment',
    alt: 'meds',
    patterns: [
      '^ are|were|have|did|do|you you? @MEDGAP* @MEDS',
      'when did you @MEDGAP* last? take|took @MEDGAP* @MEDS',
      'are|have you @ADV? been? compliant|complying',
    ],
  },
  {
    id: 'assessment.risk',
    category: 'assessment',
    alt: 'risk',
    patterns: [
      '^ are you @ADV? safe|suicidal|in_danger',
      '^ are you @ADV? somewhere|someplace|in_a_place safe',
      '^ do|have you @ADV? have|got|made a|any plan|plans !for|with|in|on|if|tomorrow|today|this|b|or',
      '^ are|were you @ADV? thinking|planning|going|wanting of|about|to killing|hurting|harming|cutting|ending|kill|hurt|harm|end|cut|overdosing|overdose|taking_your_life|take_your_life|suicide',
      '^ have|did you @ADV? hurt|harmed|cut|self_harmed|self-harmed|overdosed|taken_anything|taken_something|done_anything|done_something|tried_to_hurt|tried_to_kill|attempted',
      'do you have @ADV? any? thoughts|thought|urges of|about|to suicide|killing|hurting|harming|self_harm|ending|dying|die|kill|hurt|harm',
      'any thoughts|urges of|about|to suicide|killing|hurting|harming|self_harm|ending|dying|die|kill|hurt|harm',
      '^ are|have you @ADV? been? having any? thoughts|urges|ideas of|about|to suicide|killing|hurting|harming|self_harm|ending|dying|die|kill|hurt|harm',
      'do you have access_to|the_means',
      'do you have @ADV? any? pills|a_gun|guns|weapons|rope|a_knife|razors|blades|means @ADV? in|at|with|on|near|nearby|around|there',
      'do you have @ADV? any? pills|a_gun|guns|weapons|rope|a_knife|razors|blades $',
      'have you thought about|planned how you would|will|might|could|are_going_to',
      'how would|will|are you @ADV? going_to? do_it|kill|end|hurt',
      'have you got anything|something to hurt|to_harm',
      '^ is there @ADV? a_risk|any_risk',
      '^ do|are you @ADV? feel|feeling like|up_to hurting|harming|killing|cutting|ending|dying|doing_something',
    ],
  },
  {
    id: 'assessment.symptom',
    category: 'assessment',
    alt: 'symptom',
    patterns: [
      'on|from|using a scale of|from? 1|one|0|zero|ten',
      'rate|score your mood|pain|anxiety|depression|day|stress|sleep',
      '^ are you @ADV? hearing|seeing voices|things',
      '^ have you @ADV? been hearing|seeing voices|things',
      '^ are you @ADV? manic|psychotic|depressed|hallucinating|dissociating|paranoid|hypomanic|relapsing|symptomatic',
      'how is|are|has|have|was your sleep|appetite|mood|symptoms|energy|eating|sleeping|appetite',
      'how @ADV? have|are you @ADV? been? sleeping|eating',
      '^ are|have you @ADV? been? sleeping|eating @ADV? properly|ok|enough|at_all|well|normally|much',
      'how long have you @ADV? been|felt feeling|like_this|this_way|depressed|anxious|suicidal|low',
      'how long has|have this|it|these @ADV? been|gone on',
      'when did this|it|these|the|your @ADV? symptoms|feelings|voices|thoughts|episode start|begin',
      'when did this|it start|begin',
      'have you @ADV? been diagnosed',
      '^ have|did you @ADV? eaten|slept|showered|eat|sleep|washed @ADV? today|at_all|anything|yet|properly|enough',
      '^ are|have you @ADV? still? seeing|been_seeing|in_touch_with|talking_to|been_to your|a|the therapist|psychiatrist|counselor|counsellor|doctor|gp|care_coordinator|social_worker|case_worker|worker|team|psych|nurse|prescriber|care_team',
      'when was|did the last time you @ADV? ate|slept|eaten|slept|took|had|showered|left',
      'when did you last eat|sleep|shower|take',
      'do you have a|any history|diagnosis',
      'any other? symptoms',
      'any history of',
    ],
  },
  {
    id: 'assessment.substance',
    category: 'assessment',
    alt: 'substance',
    patterns: [
      '^ have you @ADV? been drinking|using|smoking|taking_anything|high|drunk|self_harming|cutting|hurting_yourself|harming_yourself|purging|restricting|bingeing',
      '^ have you taken anything',
      '^ are you @ADV? drunk|high|using|wasted|sober',
      'how much have|did you had|have|drink|drank|take|took|use|used',
      'how many drinks|pills|have_you_had|units|hours_did_you_sleep|hours_of_sleep|hours_have_you_slept',
      '^ did you drink|use',
    ],
  },
];
