/** Words for the export page. */
export const copyE = {
  title: 'Everything I wrote',
  lead: 'Your reflections, intentions, steps and check-ins, your worldview page and your messages: yours to keep. Only your own words are included, never anyone else’s.',
  json: 'A file to keep (JSON)',
  print: 'A page to print or save',
  ready: 'Your file is ready: {n} messages, {r} reflections, {i} intentions.',
} as const;
