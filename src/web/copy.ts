/**
 * Every word the app shows, in one place, so the product's own language can be checked by the coach
 * (ui-strings.test.ts). Placeholders are written `{name}` and filled with `fill`.
 */

export const copy = {
  app: {
    name: 'Mutual',
    skip: 'Skip to the main content',
    nav: 'Main',
    home: 'Home',
    settings: 'Settings',
    sessions: 'Your sessions',
    admin: 'Organization',
    moreSupport: 'More support',
    signOut: 'Sign out',
    signIn: 'Sign in',
    signUp: 'Sign up',
    loading: 'Loading…',
    notFoundTitle: 'This page is not here',
    notFoundBody: 'The address may have changed. Let’s go back home and find our way from there.',
    backHome: 'Back to home',
  },
  errors: {
    general: 'Something did not work just now. Please try again in a moment.',
    network:
      'We could not reach Mutual. Your connection may be down; please try again when it is back.',
    fieldsIntro: 'A few things need another look:',
  },
  setup: {
    title: 'Welcome to Mutual',
    intro:
      'This is a new Mutual. Name your organization and make the first account; that account can invite others and look after the organization’s settings. This page goes away once it is done.',
    orgName: 'Organization name',
    orgNameHint: 'The name people will see when they join, for example “Riverside Peer Network”.',
    submit: 'Create the organization',
    busy: 'Creating…',
  },
  account: {
    displayName: 'Your name',
    displayNameHint: 'The name others will see. It can be a first name or a nickname.',
    login: 'Email or username',
    loginHint: 'You will use this to sign in.',
    password: 'Password',
    passwordNewHint: 'At least 12 characters. A few words strung together works well.',
    showPassword: 'Show password',
    signInTitle: 'Sign in',
    signInIntro: 'Good to see you. Sign in to connect with your people.',
    signInSubmit: 'Sign in',
    signInBusy: 'Signing in…',
    signUpTitle: 'Make an account',
    signUpIntro: 'An account lets you connect with peers in your organization.',
    signUpSubmit: 'Make my account',
    signUpBusy: 'Making your account…',
    haveAccount: 'Already have an account?',
    needAccount: 'New here?',
    signedOut: 'You are signed out. Come back any time.',
  },
  sessions: {
    title: 'Your sessions',
    intro:
      'These are the browsers and devices signed in to your account. Sign any of them out here.',
    current: 'This browser',
    device: 'Device',
    unknownDevice: 'Unknown browser',
    started: 'Signed in {when}',
    lastSeen: 'Last active {when}',
    revoke: 'Sign out this session',
    revokeNamed: 'Sign out this session ({device})',
    revokeOthers: 'Sign out everywhere else',
    revokedOthers: 'Signed out {count} other sessions.',
    revoked: 'That session is signed out.',
    none: 'Only this browser is signed in.',
  },
  join: {
    title: 'Join {org}',
    intro: 'You have been invited to join {org} on Mutual.',
    accept: 'Join {org}',
    busy: 'Joining…',
    signInFirst: 'Sign in or make an account first, then this link will bring you back here.',
    expires: 'This invitation is open until {when}.',
    used: 'This invitation has already been used. Ask the person who sent it for a new link.',
    expired: 'This invitation is past its date. Ask the person who sent it for a new link.',
    revoked: 'This invitation was withdrawn. Ask the person who sent it for a new link.',
    unknown: 'We could not find this invitation. Check that the whole link was copied.',
    joined: 'You are now part of {org}.',
  },
  home: {
    title: 'Home',
    greeting: 'Hi, {name}.',
    relationships: 'Your relationships',
    circles: 'Your circles',
    noRelationships:
      'No relationships yet. When you connect with a peer, your conversation will be here.',
    noCircles: 'No circles yet.',
    unread: '{count} new',
    lastActivity: 'Last message {when}',
    quiet: 'No messages yet',
    waiting: 'Invitations waiting for you',
    noWaiting: 'Nothing waiting right now.',
    noOrg:
      'You are not part of an organization yet. If someone sent you an invitation link, open it to join.',
    orgs: 'Your organizations',
    conversationsLater:
      'Conversations will appear here as soon as they are available on this server.',
  },
  invite: {
    title: 'Invite someone',
    intro: 'Make a link and send it to someone you would like to join {org}. Each link works once.',
    asAdmin: 'They can also look after the organization’s settings',
    make: 'Make a link',
    busy: 'Making…',
    link: 'Invitation link',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Select the link and copy it yourself.',
    validUntil: 'Works once, until {when}.',
    adminsOnly:
      'Organization admins make invitation links. Ask one of them if you would like to bring someone in.',
  },
  support: {
    title: 'More support',
    intro:
      'Support from {org}, offered whenever it might be useful to you. Nothing here happens unless you choose it.',
    resources: 'Resources',
    noResources: 'This organization has not listed resources yet.',
    statementTitle: 'When {org} involves outside services',
    noStatement: 'This organization has not written this statement yet.',
    signedOut: 'Sign in to see your organization’s resources.',
    edit: 'Edit this page',
    editTitle: 'Edit resources and statement',
    statement: 'Statement about outside services',
    statementHint: 'Say plainly when, if ever, your organization involves outside services.',
    resourceLabel: 'Name',
    resourceContact: 'How to reach it',
    resourceNote: 'Note (optional)',
    addResource: 'Add a resource',
    removeResource: 'Remove {label}',
    resourceN: 'Resource {n}',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    cancel: 'Cancel',
    chooseOrg: 'Organization',
  },
  admin: {
    title: 'Organization',
    intro:
      'Members and invitations for {org}. Conversations belong to the people in them; nobody can see them from here.',
    members: 'Members',
    joined: 'Joined {when}',
    isAdmin: 'Admin',
    makeAdmin: 'Make {name} an admin',
    removeAdminOf: 'Stop {name} being an admin',
    remove: 'Remove {name} from the organization',
    you: '(you)',
    invitations: 'Open invitations',
    noInvitations: 'No open invitations.',
    invitationRow: 'Made {when}, open until {until}',
    withdraw: 'Withdraw this invitation',
    notAdmin: 'Only organization admins can open this page.',
    orgName: 'Organization name',
  },
  settings: {
    title: 'Settings',
    profile: 'About you',
    pronouns: 'Pronouns (optional)',
    pronounsHint: 'For example she/her, they/them, or leave it empty.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    privacy: 'What others see',
    presence: 'Share when I am online',
    readMarkers: 'Share how far I have read',
    sharingLater: 'These choices become available as soon as this server supports them.',
    coach: 'Language coach',
    coachOn: 'Show the coach while I write',
    coachHint:
      'The coach reads your draft on this device only. Nothing it sees is sent anywhere, and it never stops you sending.',
    limits: 'Limits in each relationship',
    limitsIntro:
      'Quiet hours and how you like to be reached, agreed in each relationship. You can change them any time.',
    sessionsLink: 'See where you are signed in',
  },
} as const;

/** Fills `{name}` placeholders. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in vars ? String(vars[key]) : whole,
  );
}

/** A short, local date and time for display. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
