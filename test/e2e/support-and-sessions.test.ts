/**
 * Browser tests for three things people reach on a phone: More support signed out (the organizations'
 * resources, before any sign-in), the sessions list's buttons (each named apart from the others), and the
 * four tasks' rating chips at 320 px on a touch screen (one row of five, each a 44 px target).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createOrgWithSupport, type TestPerson } from '../support/conversations.ts';
import type { TestServer } from '../support/test-server.ts';
import { type BrowserApp, startBrowserApp } from './support/app.ts';
import { HAS_CHROMIUM, SKIP_REASON, type TestBrowser } from './support/browser.ts';
import { checkPage, type Person, signIn, signUpOverHttp } from './support/flows.ts';
import { tabTo } from './support/keyboard.ts';

if (!HAS_CHROMIUM) console.warn(`[skip] ${SKIP_REASON}`);

const HARBOUR = 'Harbour Peers';
const WILLOW = 'Willow Circle';
const QUIET = 'Quiet Meadow';
const STATEMENT = 'Harbour Peers never contacts outside services unless you ask us to.';
const WARMLINE = {
  label: 'Evening warmline',
  contact: '555-0142\nevery evening, 6 pm to midnight',
  note: 'Peers answer. You can stay anonymous.',
};
// A long unbroken address must wrap on a 320 px phone rather than push the page sideways.
const RESPITE = {
  label: 'Harbour respite house',
  contact: 'https://harbour-respite.example.org/stays/requesting-a-stay-by-phone-or-in-person',
};
const WILLOW_LINE = { label: 'Willow talk line', contact: '555-0199, weekends' };
const TASKS = ['Connection', 'Worldview', 'Mutuality', 'Moving toward'];

describe.skipIf(!HAS_CHROMIUM)('support, sessions and rating chips in Chromium', () => {
  let app: BrowserApp | undefined;
  let srv: TestServer;
  let tb: TestBrowser;
  let organizer: Person & TestPerson;
  let ada: Person & TestPerson;
  let ben: Person & TestPerson;
  let harbourId: string;
  const contexts: BrowserContext[] = [];

  const phone = async (): Promise<Page> => {
    const ctx = await tb.newContext({ width: 320, height: 640, touch: true });
    contexts.push(ctx);
    return ctx.newPage();
  };

  async function organization(
    name: string,
    resources: object[],
    statement: string | null = STATEMENT,
  ): Promise<string> {
    return (await createOrgWithSupport(srv, organizer, name, resources, statement)).id;
  }

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ srv, tb } = app);
    organizer = await signUpOverHttp(srv, 'Organizer');
    harbourId = await organization(HARBOUR, [WARMLINE, RESPITE]);
    ada = await signUpOverHttp(srv, 'Ada', harbourId);
    ben = await signUpOverHttp(srv, 'Ben', harbourId);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await app?.close();
  }, 90_000);

  it('signed out on a phone, More support shows the one organization’s resources, by keyboard', async () => {
    const page = await phone();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await tabTo(page, /^More support$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'More support', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Resources', level: 2 }).waitFor();
    await page.getByText(`Support from ${HARBOUR}`).waitFor();
    for (const text of [WARMLINE.label, '555-0142', WARMLINE.note, RESPITE.label, RESPITE.contact])
      await page.getByText(text).first().waitFor();
    // The statement about outside services is shown before anyone shares anything (IPS); the people stay
    // behind the sign-in.
    await page
      .getByRole('heading', { name: `When ${HARBOUR} involves outside services`, level: 2 })
      .waitFor();
    await page.getByText(STATEMENT).waitFor();
    for (const hidden of [organizer.displayName, ada.displayName])
      expect(await page.getByText(hidden).count(), hidden).toBe(0);
    expect(
      tb.requests.filter((u) => /\/api\/orgs\//.test(u)),
      'no organization route is asked for signed out',
    ).toEqual([]);
    // Every card stays inside the 320 px screen.
    const overflowing = await page
      .locator('main .card')
      .evaluateAll((cards) =>
        cards
          .map((c) => c.getBoundingClientRect())
          .filter((r) => r.left < 0 || r.right > window.innerWidth),
      );
    expect(overflowing).toEqual([]);
    await checkPage(page, 'support-signed-out');
    // Signing in is still one Tab away, after the resources, with a visible focus ring.
    await tabTo(page, /^Sign in$/);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/sign-in' && u.search === '?next=%2Fsupport');
  }, 90_000);

  it('with several organizations, signed out, each one’s resources come under its name', async () => {
    await organization(WILLOW, [WILLOW_LINE]);
    // An organization listing nothing, its statement not yet written, is not named to anyone signed out.
    await organization(QUIET, [], null);
    const page = await phone();
    await page.goto('/support');
    await page.getByRole('heading', { name: HARBOUR, level: 2 }).waitFor();
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toEqual([HARBOUR, WILLOW]);
    const section = (name: string) =>
      page.getByRole('region', { name, exact: true }).locator('.row-title').allInnerTexts();
    expect(await section(HARBOUR)).toEqual([WARMLINE.label, RESPITE.label]);
    expect(await section(WILLOW)).toEqual([WILLOW_LINE.label]);
    expect(await page.getByText(QUIET).count()).toBe(0);
    // Each organization's statement sits in its own section, under a heading a level below its name.
    const harbour = page.getByRole('region', { name: HARBOUR, exact: true });
    await harbour
      .getByRole('heading', { name: `When ${HARBOUR} involves outside services`, level: 3 })
      .waitFor();
    expect(await harbour.getByText(STATEMENT).count()).toBe(1);
    await checkPage(page, 'support-signed-out-orgs');
  }, 90_000);

  it('names each session’s button apart, even for sessions on the same kind of browser', async () => {
    const others: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const ctx = await tb.newContext();
      contexts.push(ctx);
      const o = await ctx.newPage();
      await signIn(o, ada);
      others.push(o);
    }
    const ctx = await tb.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signIn(page, ada);
    await page.goto('/sessions');
    await page.getByRole('heading', { name: 'Your sessions', level: 1 }).waitFor();
    const buttons = page.getByRole('list', { name: 'Your sessions' }).getByRole('button');
    // Ada's three Chromium sessions, and the one her sign-up over HTTP made.
    await expect.poll(() => buttons.count()).toBe(4);
    const names = await buttons.evaluateAll((els) =>
      els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''),
    );
    // Same browser, same person: only the names can tell the three apart.
    expect(new Set(names).size, names.join(' | ')).toBe(4);
    // Each name holds the button's visible words, so voice control finds it by what it shows.
    for (const name of names) expect(name).toMatch(/^Sign out this session \(/);
    const chromium = names.filter((n) => n.startsWith('Sign out this session (Chromium on '));
    expect(chromium, names.join(' | ')).toHaveLength(3);
    expect(chromium.filter((n) => n.endsWith(', this browser)'))).toHaveLength(1);
    expect(chromium.filter((n) => n.includes(', last active '))).toHaveLength(2);
    await checkPage(page, 'sessions-named');

    // Each name picks out its own session: signing one of the others out ends only that one.
    const target = chromium.find((n) => !n.endsWith(', this browser)'))!;
    await page.getByRole('button', { name: target, exact: true }).click();
    await page.getByText('That session is signed out.').waitFor();
    await expect.poll(() => buttons.count()).toBe(3);
    expect(await page.getByRole('button', { name: target, exact: true }).count()).toBe(0);
  }, 120_000);

  it('on a 320 px touch screen, each rating’s five chips fit one row, each at least 44 px high', async () => {
    const relationshipId = await connect(ada, ben, harbourId);
    const round = await ada.client.post(`/api/conversations/${relationshipId}/reflection-rounds`, {
      title: 'Our walk by the river',
    });
    expect(round.status).toBe(201);
    const page = await phone();
    await signIn(page, ada);
    await page.goto(`/together/${relationshipId}/reflections`);
    await page.getByRole('button', { name: 'I’ll write my reflection' }).click();
    for (const task of TASKS) {
      const group = page.getByRole('group', { name: new RegExp(`^${task}: How present`) });
      await group.waitFor();
      const chips = await group.locator('.ft-rating-options label').evaluateAll((labels) =>
        labels.map((l) => {
          const r = l.getBoundingClientRect();
          return { top: Math.round(r.top), right: r.right, width: r.width, height: r.height };
        }),
      );
      const seen = JSON.stringify(chips);
      expect(chips, `${task}: ${seen}`).toHaveLength(5);
      expect(new Set(chips.map((c) => c.top)).size, `${task} on one row: ${seen}`).toBe(1);
      for (const c of chips) {
        expect(c.height, `${task} chip height: ${seen}`).toBeGreaterThanOrEqual(44);
        expect(c.width, `${task} chip width: ${seen}`).toBeGreaterThanOrEqual(44);
        expect(c.right, `${task} chip inside 320 px: ${seen}`).toBeLessThanOrEqual(320);
      }
    }
    await checkPage(page, 'four-tasks-rating-320-touch');
  }, 120_000);
});
