/** Every word the four-tasks pages show, written for Mutual: curious, about "us", never grading anyone. */

export const t = {
  nav: 'Together',
  hub: {
    title: 'Together',
    lead: 'A place to look at what you are building together: how it has felt, what you want to create, and how each of you makes sense of things.',
    conversations: 'Your relationships and circles',
    none: 'Once you are in a relationship or circle, you can reflect and plan together here.',
    reflect: 'Reflect together',
    intentions: 'What we want to create',
    insights: 'How we talk',
    pages: 'Worldview pages',
    yours: 'Just for you',
    myPage: 'My worldview page',
    myIntentions: 'My personal intentions',
    export: 'Everything I wrote',
    circle: 'circle',
    practice: 'co-reflection circle',
  },
  tasks: {
    connection: 'Connection',
    worldview: 'Worldview',
    mutuality: 'Mutuality',
    movingToward: 'Moving toward',
  },
  quietRelationship: 'A quiet relationship',
  someoneWhoLeft: 'Someone who has left',
  loading: 'Loading…',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  back: 'Back to Together',
  coach: {
    heading: 'The coach noticed (only you see this)',
    hope: 'Leaning toward hope',
    fear: 'You might look again',
    off: 'The coach is off. You can turn it on in Settings.',
  },
} as const;

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
