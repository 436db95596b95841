/** Table-driven hard cases from the issue and shared/IPS.md: each row says which flags must and must not fire. */
import { describe, expect, it } from 'vitest';
import { analyze, type Category } from './index.ts';

interface Case {
  text: string;
  context?: string;
  has?: Category[];
  not?: Category[];
}

const FEAR_SIDE: Category[] = ['directive', 'assessment', 'judging', 'fear', 'minimizing'];

const TABLE: Record<string, Case[]> = {
  'reported speech': [
    { text: 'My doctor said I should rest more.', not: FEAR_SIDE },
    { text: 'my therapist told me to start journaling', not: FEAR_SIDE },
    { text: 'She keeps telling me I need to calm down.', not: FEAR_SIDE },
    { text: 'I was told I should try yoga.', not: FEAR_SIDE },
    { text: 'My mom always says everything happens for a reason.', not: FEAR_SIDE },
    { text: 'My doctor said to rest, but you should call her tonight.', has: ['directive'] },
  ],
  'self-talk': [
    { text: 'I should have called her.', not: FEAR_SIDE },
    { text: 'I need to stop doing this to myself.', not: FEAR_SIDE },
    { text: 'I keep telling myself to just breathe.', not: FEAR_SIDE },
    { text: 'i should really eat something', not: FEAR_SIDE },
    { text: 'You should have told her sooner.', has: ['directive'] },
  ],
  'offers with consent': [
    { text: 'If you want, I can share what helped me.', has: ['mutuality'], not: FEAR_SIDE },
    { text: 'Would it help if I shared what worked for me?', has: ['mutuality'], not: FEAR_SIDE },
    { text: 'Can I share something from my own life?', has: ['mutuality'], not: FEAR_SIDE },
    { text: "You don't have to explain anything.", not: FEAR_SIDE },
  ],
  'advice dressed as a question': [
    { text: 'Have you tried meditation?', has: ['directive'] },
    { text: "why don't you just tell her how you feel?", has: ['directive'], not: ['curiosity'] },
    { text: 'What if you went to bed earlier?', has: ['directive'], not: ['curiosity'] },
    { text: 'How about taking a bath?', has: ['directive'] },
    { text: 'Have you thought about seeing a therapist?', has: ['directive'] },
    { text: 'What do you think you should do?', has: ['curiosity'], not: ['directive'] },
  ],
  negation: [
    { text: "I'm not saying you should leave him.", not: ['directive'] },
    { text: "You shouldn't drink tonight.", has: ['directive'] },
    { text: "I won't tell you not to worry.", not: ['minimizing'] },
    { text: "You're not overreacting.", not: ['judging'] },
    { text: "I don't think you're being dramatic at all.", not: ['judging'] },
    { text: "You're overreacting.", has: ['judging'] },
    { text: "I'm not going to call anyone. I'm here with you.", not: ['fear'] },
  ],
  'texting style': [
    { text: 'u shud call ur sister', has: ['directive'] },
    { text: 'ur being sooo dramatic lol', has: ['judging'] },
    { text: 'dont worry itll be fine 😊', has: ['minimizing'] },
    { text: 'whats wrong', has: ['assessment'] },
    { text: 'have u tried melatonin', has: ['directive'] },
    { text: 'sounds like it was a rly rough week 😢', has: ['reflection'] },
    { text: 'wat happened??', has: ['curiosity'] },
    { text: 'i had a similar thing happen w my dad', has: ['mutuality'] },
  ],
  'very short messages': [
    { text: 'ok', not: FEAR_SIDE },
    { text: 'lol', not: FEAR_SIDE },
    { text: 'k', not: FEAR_SIDE },
    { text: '👍', not: FEAR_SIDE },
    { text: '', not: FEAR_SIDE },
  ],
  'quoted text': [
    { text: 'she said "just calm down" like that ever helped anyone', not: FEAR_SIDE },
    {
      text: '> you should just get over it\n\nthat must have hurt to hear.',
      has: ['reflection'],
      not: ['directive', 'minimizing'],
    },
    { text: 'You\'re being "dramatic" again.', has: ['judging'] },
  ],
  'suicide and self-harm': [
    {
      text: 'You said you want to die, and I am staying right here. What is tonight like for you?',
      context: 'i want to die',
      has: ['reflection', 'curiosity'],
      not: FEAR_SIDE,
    },
    { text: 'Sometimes I think about killing myself.', not: FEAR_SIDE },
    {
      text: 'When the thoughts about ending it come, what are they like for you?',
      has: ['curiosity'],
      not: FEAR_SIDE,
    },
    { text: 'Are you safe? Do you have a plan?', has: ['assessment'] },
    { text: "I'll have to call someone if you keep talking like this.", has: ['fear'] },
    { text: 'Maybe I should call the crisis line for you.', has: ['fear'] },
  ],
  'people talking about themselves': [
    { text: "Keep waking up at 3am and can't get back to sleep.", not: FEAR_SIDE },
    { text: 'Work was awful today and I just want to sleep.', not: FEAR_SIDE },
    { text: 'We were together for six years and now it is over.', not: ['we'] },
    { text: 'At least I got out of bed today.', not: FEAR_SIDE },
    { text: "What's wrong with me?", not: FEAR_SIDE },
    { text: 'It seems like nothing ever works out for me.', not: ['reflection'] },
    { text: 'Tuesday works for me.', not: ['mutuality'] },
  ],
  'softened advice': [
    { text: 'You may find it helpful to keep a mood diary.', has: ['directive'] },
    {
      text: 'I wonder if it might help to talk to your sister about it.',
      has: ['directive'],
      not: ['curiosity'],
    },
    { text: 'Would you consider going back to group?', has: ['directive'] },
    {
      text: "Is there anyone you'd want to talk this through with?",
      has: ['curiosity'],
      not: FEAR_SIDE,
    },
    { text: 'I wonder if it will rain tomorrow.', not: ['curiosity'] },
  ],
  'checklist questions and everyday problems': [
    { text: 'Are you having thoughts of hurting yourself?', has: ['assessment'] },
    { text: 'Have you been hearing voices again?', has: ['assessment'] },
    { text: "What's wrong with the wifi at the center today", not: ['assessment'] },
    { text: 'whats wrong with u', has: ['assessment'] },
  ],
  'hope side': [
    { text: 'What was that like for you?', has: ['curiosity'] },
    { text: 'It sounds like you have been carrying this alone.', has: ['reflection'] },
    { text: 'When I went through my divorce I felt the same.', has: ['mutuality'] },
    { text: "Let's take it one step at a time.", has: ['we'] },
    { text: 'What would you like evenings to look like?', has: ['moving_toward'] },
    {
      text: 'so you felt like the whole room turned on you',
      context: 'it felt like the whole room turned on me',
      has: ['reflection'],
    },
  ],
  'IPS example pairs (fear side)': [
    { text: "What's wrong?", has: ['assessment'] },
    { text: 'You should call your doctor tomorrow.', has: ['directive'] },
    { text: 'Are you taking your meds?', has: ['assessment'] },
    { text: "That's just your depression talking.", has: ['judging'] },
    { text: "He's being manipulative.", has: ['judging'] },
    { text: "Don't worry, it'll be fine.", has: ['minimizing'] },
    { text: "If you don't stop, you'll end up back in hospital.", has: ['fear'] },
    { text: "I'm here to help you.", has: ['directive'] },
  ],
};

describe('hard cases', () => {
  for (const [group, cases] of Object.entries(TABLE)) {
    describe(group, () => {
      it.each(cases)('$text', ({ text, context, has = [], not = [] }) => {
        const result = analyze(text, context === undefined ? {} : { context });
        for (const c of has) expect(result.flags[c], `${c} should fire`).toBe(true);
        for (const c of not) expect(result.flags[c], `${c} should not fire`).toBe(false);
      });
    });
  }
});
