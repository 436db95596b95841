/** Seeded generator of varied ~300-character peer-support drafts for the coach benchmarks. */

const OPENERS = [
  'hey,',
  'Hi love.',
  'ugh',
  'Oh no.',
  'Thanks for telling me.',
  'morning!',
  'I just saw this.',
  'ok so',
  '',
];
const SENTENCES = [
  'You should call your sister tonight.',
  'have u tried going for a walk when it gets bad',
  "Don't worry, it'll be fine 😊",
  'It sounds like the last few weeks have been really heavy.',
  'What was that like for you?',
  'When I went through something similar I barely left my room.',
  "We can figure this out together, there's no rush.",
  'What would a good evening look like for you?',
  "Are you taking your meds? What's wrong?",
  "That's just your anxiety talking, you're overreacting.",
  "If you keep this up you'll end up back in hospital.",
  'My therapist said I should try journaling and honestly it kind of helped.',
  "I'm not saying you should leave him, I'm just curious what keeps you there.",
  'at least you still have your job lol',
  'idk what to say but im here and im not going anywhere',
  'so when she left, everything felt like it fell apart?',
  'I remember feeling exactly that after my dad died, the nights were the worst.',
  'Take care of yourself and text me anytime 💛',
  'honestly just dump him, you deserve better',
  'I should have called you back sooner, I am sorry.',
  'How are you feeling about everything today?',
  'If you want, I can share what helped me when I was in a dark place.',
  'Everyone goes through this at some point, cheer up!',
  'what do you want to happen next, and who would you want involved?',
  'she said "just calm down" like that ever helped anyone',
  'Mondays are rough. My brother is coming over later and I made soup.',
];

/** mulberry32. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function texting(s: string, random: () => number): string {
  if (random() > 0.3) return s;
  return s
    .toLowerCase()
    .replace(/\byou\b/g, 'u')
    .replace(/'/g, '')
    .replace(/[.!]$/, '');
}

/** `count` drafts of roughly `targetLength` characters, the same for the same seed. */
export function generateMessages(count: number, seed = 42, targetLength = 300): string[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = pick(OPENERS);
    while (text.length < targetLength - 40)
      text += `${text ? ' ' : ''}${texting(pick(SENTENCES), random)}`;
    out.push(text.slice(0, targetLength + 60));
  }
  return out;
}

/** One draft of about `length` characters (several paragraphs). */
export function longDraft(length: number, seed = 7): string {
  const paragraphs = generateMessages(Math.ceil(length / 300) + 1, seed);
  return paragraphs.join('\n\n').slice(0, length);
}
