/** Words for worldview pages. */
export const copyW = {
  title: 'My worldview page',
  lead: 'A page in your own words about how you make sense of your experience and what you would like others to know. There are no boxes to tick here; as much or as little as you like is welcome.',
  body: 'In my words',
  prompts: 'Prompts, if they help',
  save: 'Save my page',
  readers: 'Who can read it',
  readersLead:
    'Choose, for each relationship or circle, whether the people there can read your page. Turning one off takes effect at once.',
  noConversations:
    'When you are in a relationship or circle, you can share your page with it here.',
  canRead: 'Can read my page: {name}',
  sharedTitle: 'Worldview pages shared here',
  sharedLead: 'Pages people here have chosen to share with you. Each is in its owner’s words.',
  noneShared: 'Nobody here has shared a page yet.',
  pageOf: '{name}’s page',
  updated: 'Last changed {date}',
} as const;
