/** Words for the insights page. */
export const copyN = {
  title: 'How we talk',
  lead: 'Worked out on this device from the messages you can already read. Nothing is analyzed on the server, and nobody else sees your own trend.',
  reading: 'What stands out',
  voice: 'Balance of voice (share of words each week)',
  questions: 'Curious questions each week',
  we: '“We” and “us” each week',
  mine: 'My own coach trend (only I see this)',
  hope: 'Hope-side',
  fear: 'Fear-side',
  together: 'Everyone',
  coachOff:
    'The coach is off, so curious questions, “we” language and your own trend are not counted. You can turn it on in Settings.',
  showNumbers: 'Numbers as a table',
  hideNumbers: 'Chart only',
  weekOf: 'Week of',
  byWeek: '{title}, week by week',
  empty: 'No messages yet. Once you have talked for a while, this page fills in.',
} as const;
