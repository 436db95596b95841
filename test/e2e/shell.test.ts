/**
 * Browser tests for the frame around every page: a person in two organizations chooses which one the app
 * shows, and on a phone the header stays compact, scrolls nothing sideways and keeps every link reachable.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.ts';
import { type BrowserApp, startBrowserApp } from './support/app.ts';
import { HAS_CHROMIUM, screenshots, SKIP_REASON, type TestBrowser } from './support/browser.ts';
import { adminAndPeer, checkPage, type Person, signIn } from './support/flows.ts';
import { tabTo } from './support/keyboard.ts';

if (!HAS_CHROMIUM) console.warn(`[skip] ${SKIP_REASON}`);

const FIRST = 'Lantern Peers';
const SECOND = 'Willow Circle';
const NAV = ['Home', 'Together', 'Settings', 'Organization', 'More support', 'Sign out'];

const chooser = (page: Page) => page.getByRole('combobox', { name: 'Organization' });

/** Height of the header, and how far the page scrolls sideways, at the page's current width. */
function measure(page: Page) {
  return page.evaluate(() => ({
    header: document.querySelector('header')?.getBoundingClientRect().height ?? 0,
    sideways: (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth,
  }));
}

/** Every link, button and select in the header, with its box. */
function headerControls(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('header a, header button, header select')].map(
      (el) => {
        const r = el.getBoundingClientRect();
        return { name: el.textContent?.trim().slice(0, 30) ?? '', height: r.height };
      },
    ),
  );
}

/** Whether the focused element lies inside the viewport's width, scrolled into view and covered by nothing. */
function focusedInView(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    const inside = r.left >= 0 && r.right <= window.innerWidth + 0.5 && r.width > 0;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return inside && top !== null && el.contains(top);
  });
}

describe.skipIf(!HAS_CHROMIUM)('the shell in Chromium', () => {
  let srv: TestServer;
  let tb: TestBrowser;
  let app: BrowserApp | undefined;
  let robin: Person;
  let sam: Person;
  let a: Page;
  let p: Page;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ srv, tb } = app);
    const people = await adminAndPeer(tb, FIRST);
    ({ admin: robin, peer: sam, a, p } = people);
    contexts.push(people.aCtx, people.pCtx);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await app?.close();
  }, 90_000);

  it('offers no organization choice to someone in one organization', async () => {
    for (const page of [a, p]) {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'More support' }).waitFor();
      expect(await chooser(page).count()).toBe(0);
    }
  }, 60_000);

  it('a person in two organizations chooses which one Home, Admin and More support show', async () => {
    const user = await srv.ctx.db.store.users.findByLogin(robin.login);
    if (!user) throw new Error('Robin is not stored');
    const willow = await srv.ctx.organizations.create({ name: SECOND, admin: user });
    await srv.ctx.db.store.organizations.update(willow.id, {
      outsideServicesStatement: 'Willow Circle keeps every choice with the people in it.',
    });

    await a.goto('/');
    await a.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await chooser(a).waitFor();
    expect(await chooser(a).locator('option').allInnerTexts()).toEqual([FIRST, SECOND]);
    await a.getByText(`bring into ${FIRST}`).waitFor();
    await checkPage(a, 'shell-org-chooser');

    // Everything below happens in this one document: a reload would lose the mark.
    await a.evaluate(() => document.body.setAttribute('data-same-document', 'yes'));
    await chooser(a).selectOption({ label: SECOND });
    await a.getByText(`bring into ${SECOND}`).waitFor();
    // Sam is in Lantern Peers only, so Connect no longer offers Sam.
    expect(await a.getByLabel('Person').locator('option').allInnerTexts()).not.toContain(
      sam.displayName,
    );

    await a.getByRole('link', { name: 'Organization', exact: true }).click();
    await a.getByRole('heading', { name: `Organization: ${SECOND}`, level: 1 }).waitFor();

    await a.getByRole('link', { name: 'More support' }).click();
    await a.getByText(`Support from ${SECOND}`).waitFor();
    await a.getByText('Willow Circle keeps every choice with the people in it.').waitFor();

    await chooser(a).selectOption({ label: FIRST });
    await a.getByText(`Support from ${FIRST}`).waitFor();
    await a.getByRole('link', { name: 'Organization', exact: true }).click();
    await a.getByRole('heading', { name: `Organization: ${FIRST}`, level: 1 }).waitFor();
    expect(await a.evaluate(() => document.body.dataset.sameDocument)).toBe('yes');

    // The choice is remembered on this device.
    await chooser(a).selectOption({ label: SECOND });
    await a.goto('/support');
    await a.getByText(`Support from ${SECOND}`).waitFor();
    expect(await chooser(a).inputValue()).toBe(willow.id);
  }, 120_000);

  it('the organization choice is reached and changed by keyboard', async () => {
    await a.goto('/support');
    await a.getByText(`Support from ${SECOND}`).waitFor();
    await tabTo(a, /^Organization$/);
    expect(await a.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await a.keyboard.press('ArrowUp');
    await a.getByText(`Support from ${FIRST}`).waitFor();
    // Focus stays on the choice, so the arrow keys go on working.
    expect(await a.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await a.keyboard.press('ArrowDown');
    await a.getByText(`Support from ${SECOND}`).waitFor();
  }, 60_000);

  it('on a phone the header is one compact band on every page, with nothing sideways', async () => {
    const ctx = await tb.newContext({ width: 360, height: 740, touch: true });
    contexts.push(ctx);
    const phone = await ctx.newPage();
    await signIn(phone, robin);
    await chooser(phone).waitFor();
    for (const path of ['/', '/together', '/settings', '/admin', '/support']) {
      await phone.goto(path);
      await phone.locator('.page-title').waitFor();
      await phone.waitForLoadState('networkidle').catch(() => undefined);
      for (const width of [360, 320]) {
        await phone.setViewportSize({ width, height: 740 });
        const m = await measure(phone);
        expect(m.header, `header height on ${path} at ${width} px`).toBeLessThanOrEqual(120);
        expect(m.sideways, `sideways scroll on ${path} at ${width} px`).toBeLessThanOrEqual(0);
        for (const c of await headerControls(phone))
          expect(c.height, `${c.name} touch target on ${path} at ${width}`).toBeGreaterThanOrEqual(
            44,
          );
        // "More support" is offered on every page without any scrolling.
        const support = await phone.getByRole('link', { name: 'More support' }).boundingBox();
        expect(support, `More support on ${path} at ${width}`).not.toBeNull();
        expect(support!.x).toBeGreaterThanOrEqual(0);
        expect(support!.x + support!.width).toBeLessThanOrEqual(width);
      }
      await phone.setViewportSize({ width: 360, height: 740 });
    }
    await phone.goto('/');
    await phone.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await screenshots(phone, 'shell-phone-two-orgs');
    // Chromium's own Tab order; each header control comes into view when it takes focus.
    for (const name of NAV) {
      await tabTo(phone, new RegExp(`^${name}$`));
      expect(await focusedInView(phone), `${name} in view when focused`).toBe(true);
    }
    await chooser(phone).selectOption({ label: SECOND });
    await phone.getByText(`bring into ${SECOND}`).waitFor();
  }, 120_000);

  it('on a phone, someone in one organization gets the same compact header', async () => {
    const ctx = await tb.newContext({ width: 360, height: 740, touch: true });
    contexts.push(ctx);
    const phone = await ctx.newPage();
    await signIn(phone, sam);
    await phone.getByRole('link', { name: 'More support' }).waitFor();
    const m = await measure(phone);
    expect(m.header).toBeLessThanOrEqual(120);
    expect(m.sideways).toBeLessThanOrEqual(0);
    await checkPage(phone, 'shell-phone-one-org');
  }, 60_000);

  it('signed out, the header holds the brand and More support', async () => {
    const ctx = await tb.newContext({ width: 320, height: 640, touch: true });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'More support' }).waitFor();
    const m = await measure(page);
    expect(m.header).toBeLessThanOrEqual(120);
    expect(m.sideways).toBeLessThanOrEqual(0);
    expect(await chooser(page).count()).toBe(0);
  }, 60_000);
});
