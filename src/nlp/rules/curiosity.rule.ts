/** Curiosity: open questions and invitations that ask for the other person's own meaning. */
import { clauseStop, hasWord, wordAt } from '../guards.ts';
import type { Rule } from '../rule.ts';
import { KIND, type Doc } from '../tokenize.ts';

const { WORD } = KIND;

const AUX = new Set([
  'made',
  'makes',
  'brought',
  'brings',
  'got',
  'gets',
  'keeps',
  'kept',
  'helps',
  'helped',
  'gives',
  'gave',
  'led',
  'leads',
  'changed',
  'matters',
  'feels',
  'felt',
  'scares',
  'scared',
  'worries',
  'worried',
  'hurts',
  'hurt',
  'stopped',
  'stops',
  'happened',
  'happens',
  'do',
  'did',
  'does',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'would',
  'could',
  'will',
  'can',
  'might',
]);
const SECOND = new Set(['you', 'your', 'yourself', 'yours']);
const CLOSED_AFTER_WH = new Set([
  'long',
  'much',
  'many',
  'time',
  'old',
  'about',
  'if',
  'often',
  'far',
  'come',
]);

/** "How are you?" on its own is a greeting, not yet an invitation. */
function isGreeting(doc: Doc, start: number): boolean {
  if (
    doc.words[start] !== 'how' ||
    doc.words[start + 1] !== 'are' ||
    doc.words[start + 2] !== 'you'
  )
    return false;
  const next = wordAt(doc, start + 3);
  return next === undefined || next === 'today';
}

/** A wh-question with an auxiliary that is about them: "what did you notice?", "how was it for you?". */
function openQuestion(doc: Doc, start: number): boolean {
  if (isGreeting(doc, start)) return false;
  const second = wordAt(doc, start + 1);
  if (second === undefined || CLOSED_AFTER_WH.has(second) || !AUX.has(second)) return false;
  let j = start + 1;
  while (j < doc.words.length && doc.kinds[j] === WORD) j++;
  return hasWord(doc, start + 2, j, SECOND);
}

/** Curiosity rules. */
export const CURIOSITY_RULES: Rule[] = [
  {
    id: 'curiosity.open',
    category: 'curiosity',
    patterns: [
      '^ what @ADV? happened|happens',
      '^ what is|was|has|had it|that|this @ADV? been? like',
      '^ what is|was|has|had @ADV? been? like',
      '^ what was that|it like',
      '^ what does|did|do|would that|it|this @ADV? mean|feel|look like? to|for|like',
      '^ how do|did|does|are|were|have|would|can you @ADV? make_sense|feel|see|understand|think_about|experience|get_through|got_through|cope|deal|manage|hold_up|holding_up|doing|feeling|handle|handling|managing|coping|been|sit_with|carry|live_with|find',
      '^ how is|was|has|are|were that|it|things|everything|this|your @ADV? been? for|going|feeling|sitting|landing|day|night|week|weekend|morning|evening|shift|visit|appointment',
      '^ how @ADV? has|have it|things|you been',
      '^ what is|has @ADV? been? going_on|on_your_mind|happening|coming_up|weighing|sitting|hardest|toughest|heaviest|the_hardest|the_toughest|the_worst|most_on|helping|helpful|getting_you_through|keeping_you_going',
      '^ what feels|felt|seems|seemed|stands|stood @ADV? most|strongest|hardest|biggest|heaviest|loudest|important|like|true|out',
      '^ what do|did you @ADV? think|make|mean|notice|feel|remember|need|wish|reckon|sense|believe|see|imagine',
      '^ what was|went going_through|through|on|happening',
      '^ tell me @ADV? more|about|what|how|whatever|everything|anything',
      '^ what was|is|has_been|felt|feels the hardest|toughest|worst|scariest|most_difficult|best|heaviest|loneliest part|bit|thing|moment',
      'i am|was @ADV? curious|wondering about|what|how|if|whether|to|where|why',
      'i @ADV? wonder what|how|where',
      'i would|would_love|would_like|want|wanted @ADV? love|like? to hear|know|understand|learn more|what|how|about|where|your',
      'can|could|would|will you @ADV? say|tell_me|share|talk|explain|describe @ADV? more|what|how|about|a_bit|a_little|where',
      '^ say more',
      'can|may|could i ask what|how|about|why|where|when',
      '^ what is|was|has_been ~4 been? like !to',
      '^ what makes|made|keeps|kept it|that|things|this|everything|tonight|today feel|seem|so|hard|harder|heavy|worse',
      '^ what is|was @ADV? different|changed|new',
      '^ why do|did you @ADV? think|feel|suppose|reckon|imagine',
      '^ how so',
      '^ in what way|ways|sense',
      '^ what did|does|has|might that|it|this bring_up|stir_up|bring_back|remind_you|brings_up',
      'help me understand',
      '^ what got|gets|helped|keeps you',
      '^ how did it|that|you @ADV? start|begin|feel|go|end|get|come',
      '^ what brings|brought|comes_up|came_up',
      'do|would you @ADV? want|like|feel_like to talk|say|share|tell_me @ADV? about|more|what',
      'is there @ADV? anything|more you @ADV? want|would_like|wanna|need to say|share|talk|tell',
      '^ how are you @ADV? feeling|holding_up|managing|coping',
      '^ how are you @ADV? doing|going',
      '^ how have you been',
      '^ how are things',
    ],
  },
  {
    id: 'curiosity.wonder-if',
    category: 'curiosity',
    // "I wonder if you…" asks about them; "I wonder if it will rain" does not.
    check: (doc, start) => hasWord(doc, start, clauseStop(doc, start), SECOND),
    patterns: ['i @ADV? wonder|am_wondering|was_wondering if|whether'],
  },
  {
    id: 'curiosity.anyone',
    category: 'curiosity',
    patterns: [
      'is|are there @ADV? anyone|anything|someone|something|anywhere|people you @ADV? would|want|wanna|feel|could|can|might|trust',
    ],
  },
  {
    id: 'curiosity.wh-question',
    category: 'curiosity',
    check: openQuestion,
    patterns: ['^ what|how|who|where|which'],
  },
];
