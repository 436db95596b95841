/**
 * Headings and focus outside the four tasks’ own flows: a circle's heading is its
 * name alone, the coach's headings follow the page's H1 without a jump, and joining an organization puts focus
 * on the message saying so.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createOrg, type TestPerson } from '../support/conversations.ts';
import type { TestServer } from '../support/test-server.ts';
import { type BrowserApp, startBrowserApp } from './support/app.ts';
import { HAS_CHROMIUM, SKIP_REASON, type TestBrowser } from './support/browser.ts';
import {
  checkPage,
  makePerson,
  type Person,
  signIn,
  signUp,
  signUpOverHttp,
} from './support/flows.ts';

if (!HAS_CHROMIUM) console.warn(`[skip] ${SKIP_REASON}`);

describe.skipIf(!HAS_CHROMIUM)('headings and focus in Chromium', () => {
  let app: BrowserApp | undefined;
  let srv: TestServer;
  let tb: TestBrowser;
  let organizer: Person & TestPerson;
  let ada: Person & TestPerson;
  let orgId: string;
  let relationshipId: string;
  let adaPage: Page;

  const account = (name: string, org?: string) => signUpOverHttp(srv, name, org);

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ srv, tb } = app);
    organizer = await account('Organizer');
    orgId = await createOrg(srv, organizer, 'Riverside Peers');
    ada = await account('Ada', orgId);
    const ben = await account('Ben', orgId);
    relationshipId = await connect(ada, ben, orgId);
    const circle = await ada.client.post('/api/circles', { orgId, name: 'Tuesday evening circle' });
    expect(circle.status).toBe(201);
    adaPage = await (await tb.newContext()).newPage();
    await signIn(adaPage, ada);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('names a circle on the Together hub by its name alone, with its tag beside it', async () => {
    await adaPage.goto('/together');
    const heading = adaPage.getByRole('heading', {
      name: 'Tuesday evening circle',
      exact: true,
      level: 3,
    });
    await heading.waitFor();
    const tag = heading.locator('xpath=following-sibling::*[1]');
    expect(await tag.innerText()).toBe('circle');
    await checkPage(adaPage, 'audit-together-circle');
  }, 60_000);

  it('puts the coach’s headings at level 2 under the conversation’s H1', async () => {
    await adaPage.goto(`/c/${relationshipId}`);
    await adaPage
      .getByLabel('Your message')
      .pressSequentially('you should just call your doctor', { delay: 15 });
    await adaPage.getByRole('heading', { name: 'Worth another look', level: 2 }).waitFor();
    const levels = await adaPage
      .locator('main :is(h1, h2, h3, h4, h5, h6)')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!, `heading levels ${levels.join(', ')}`).toBeLessThan(2);
  }, 60_000);

  it('moves focus to the message once someone joins an organization by link', async () => {
    const link = await organizer.client.post(`/api/orgs/${orgId}/invitations`, {});
    expect(link.status).toBe(201);
    const page = await (await tb.newContext({ width: 360, height: 740, touch: true })).newPage();
    await signUp(page, makePerson('Cam'), link.body.path as string);
    await page.getByRole('button', { name: /^Yes, I’d like to join Riverside Peers/ }).click();
    const joined = page.getByText(/^You are now part of Riverside Peers/);
    await joined.waitFor();
    await expect.poll(() => joined.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkPage(page, 'audit-join-done');
  }, 60_000);
});
