/** Hope-based alternatives for fear-side findings: specific to the sentence where its shape allows. */
import type { Action } from './action.ts';
import type { Category } from './types.ts';

const GENERIC: Record<string, readonly string[]> = {
  directive: [
    "What's helped you before, even a little, when things felt like this?",
    'What feels right to you?',
  ],
  question: [
    "What's helped, even a little, on days like this?",
    'What have you found works for you, if anything?',
  ],
  avoid: ['What would you like instead?', "What's it like for you when that happens?"],
  wrong: ['What happened?', "What's been going on for you?"],
  meds: ['How are you feeling about medication lately?', "What's it been like for you lately?"],
  risk: [
    "What's going on for you right now? What feels strongest?",
    "I'm here with you. What's tonight been like?",
  ],
  symptom: ["What's it been like for you lately?", 'How have the days and nights been for you?'],
  substance: ["What's tonight been like for you?", "What's going on for you right now?"],
  you: [
    'It sounds like this hit you hard. What has it been like?',
    'What is this bringing up for you?',
  ],
  illness: [
    'How do you make sense of feeling this way?',
    'What do you make of it, in your own words?',
  ],
  fear: [
    "I'm scared hearing this, and I want to understand what's going on.",
    'What do you want to happen next, and who would you want involved?',
    'What would feel like a step toward what you want?',
  ],
  reassure: ["That sounds really hard. I'm here.", "I'm listening. What's it been like for you?"],
  'at-least': ["That's a lot to carry. What's been hardest?", 'What was that like for you?'],
  compare: [
    "It sounds like this is weighing on you. What's it like for you?",
    "I'm here. Tell me more about what it's like.",
  ],
};

const PRONOUNS: Record<string, string> = {
  he: 'he',
  she: 'she',
  they: 'they',
  him: 'he',
  her: 'she',
  them: 'they',
};

function thirdPerson(subject: string | undefined): string[] {
  const p = PRONOUNS[subject ?? ''] ?? 'they';
  return [
    `It sounds like ${p} found a way to get something ${p} needed. What was that like for you?`,
    `What do you make of what happened with ${p === 'they' ? 'them' : p === 'he' ? 'him' : 'her'}?`,
  ];
}

/**
 * Every fixed alternative line. These are checked once by a unit test (none may draw a fear-side
 * flag), so analysis only re-checks the lines it composes from the draft.
 */
export const FIXED_ALTERNATIVES: ReadonlySet<string> = new Set([
  ...Object.values(GENERIC).flat(),
  "Is there anyone you'd want to talk this through with?",
  ...['he', 'she', 'they'].flatMap((p) => thirdPerson(p)),
]);

/** Candidate alternatives for a finding, best first (the caller keeps those that stay hope-based). */
export function alternativesFor(
  category: Category,
  key: string | undefined,
  action: Action | undefined,
  subject?: string,
): string[] {
  if (category === 'fear') return [...(GENERIC.fear ?? [])];
  if (key === 'third') return thirdPerson(subject);
  if (category !== 'directive')
    return [...(GENERIC[key ?? ''] ?? GENERIC[defaultKey(category)] ?? [])];
  const out: string[] = [];
  if (action?.escalates) out.push("Is there anyone you'd want to talk this through with?");
  if (action?.person) out.push(`How are things with ${action.person} at the moment?`);
  // A question, not a story: the coach never puts an experience the writer may not have had in their mouth.
  if (action?.gerund) out.push(`Has ${action.gerund} ever been part of things for you?`);
  out.push(...(GENERIC[action?.avoid ? 'avoid' : (key ?? 'directive')] ?? GENERIC.directive ?? []));
  return out;
}

const DEFAULT_KEY: Partial<Record<Category, string>> = {
  assessment: 'wrong',
  judging: 'you',
  minimizing: 'reassure',
};

function defaultKey(category: Category): string {
  return DEFAULT_KEY[category] ?? 'directive';
}
