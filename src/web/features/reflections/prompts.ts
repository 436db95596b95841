/** Our own prompts for each task: curious, about "us" (or, in a practice circle, about my own practice). */
import type { FourTaskKey } from '../../../contract/reflections.ts';

export const TASKS: FourTaskKey[] = ['connection', 'worldview', 'mutuality', 'movingToward'];

export const PROMPTS: Record<'together' | 'practice', Record<FourTaskKey, string>> = {
  together: {
    connection:
      'When did we feel close? Was there a moment we lost each other, and what happened then?',
    worldview:
      'How curious were we about the way each of us sees things? What did I notice about my own way of seeing?',
    mutuality: 'Did we both get to say what we needed, and did we both learn something?',
    movingToward: 'How much did we talk about what we want to create, rather than what to stop?',
  },
  practice: {
    connection:
      'In my conversations lately, when did I feel with someone? When did I drift, and what pulled me away?',
    worldview:
      'Where did I get curious about someone’s way of making sense, and where did I assume?',
    mutuality: 'Where did I share power, and where did I slip into fixing or deciding for someone?',
    movingToward: 'Did I help conversations turn toward what people want to create?',
  },
};

export const copyR = {
  title: 'Reflect together',
  lead: 'Look back on a conversation or a stretch of time, each in your own words. Your reflection is yours: it can be shared now, revealed together, or kept private.',
  practiceLead:
    'This is a practice circle: each of you reflects on your own practice and shares what you choose. Nothing from your conversations is pulled in.',
  practiceToggle: 'This is a practice circle (for reflecting on our own practice)',
  start: 'A new reflection',
  startTitle: 'What are we reflecting on?',
  startHint: 'In your words, like “our call on Tuesday” or “the last two weeks”.',
  startTitleMissing: 'A reflection needs a few words about what it is on.',
  from: 'From (optional)',
  to: 'To (optional)',
  startButton: 'Start',
  rounds: 'Reflections here',
  none: 'Nothing yet. When one of you starts a reflection, it shows here for everyone.',
  startedBy: 'Started by {name}',
  rating: 'How present was this between us?',
  ratingPractice: 'How present was this in my practice?',
  ratingScale: '1 is hardly at all, 5 is very much',
  note: 'In my words',
  tryNext: 'What I want to try next time (optional)',
  who: 'Who can read it',
  private: 'Just me',
  together: 'Reveal together: the others see mine once they have written theirs',
  shared: 'Everyone here, now',
  write: 'I’ll write my reflection',
  edit: 'I’d like to change mine',
  save: 'Save my reflection',
  mine: 'My reflection',
  waiting: '{name} has written theirs. Once you write yours, you will see each other’s together.',
  theirs: '{name}’s reflection',
  nextTime: 'Next time I want to try:',
  of5: '{n} of 5',
  sideBySide: 'Side by side',
  task: 'Task',
  me: 'Me',
  missing: 'Each of the four needs a number from 1 to 5.',
  visibleAs: 'Who can read it: {who}',
} as const;
