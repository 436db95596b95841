/** Browser tests for the foundation pages: setup, sign up/in/out, invitation, sessions, more support, admin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, startBrowserApp } from './support/app.ts';
import { HAS_CHROMIUM, SKIP_REASON, type TestBrowser } from './support/browser.ts';
import {
  checkPage,
  fillAccount,
  makeInviteLink,
  makePerson,
  signIn,
  signUp,
} from './support/flows.ts';

if (!HAS_CHROMIUM) console.warn(`[skip] ${SKIP_REASON}`);

describe.skipIf(!HAS_CHROMIUM)('foundation pages in Chromium', () => {
  let tb: TestBrowser;
  let app: BrowserApp | undefined;
  const admin = makePerson('Robin');
  const peer = makePerson('Sam');

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ tb } = app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  }, 90_000);

  it('offers one-time setup on an empty database, then it is gone', async () => {
    const ctx = await tb.newContext();
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Welcome to Mutual' }).waitFor();
    await checkPage(page, 'setup');
    await page.getByRole('button', { name: 'Create the organization' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(0);
    await page.getByLabel('Organization name').fill('Riverside Peers');
    await fillAccount(page, admin, true);
    await page.getByRole('button', { name: 'Create the organization' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await checkPage(page, 'home-admin');
    await page.goto('/setup');
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await ctx.close();
  }, 90_000);

  it('shows the server’s field messages next to the inputs', async () => {
    const ctx = await tb.newContext();
    const page = await ctx.newPage();
    await page.goto('/sign-up');
    await fillAccount(page, { ...makePerson('Short'), password: 'too short' }, true);
    await page.getByRole('button', { name: 'Create my account' }).click();
    const error = page.locator('.field-error', { hasText: /at least 12/ });
    await error.waitFor();
    await expect
      .poll(() => page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'))
      .toBe('true');
    await checkPage(page, 'sign-up-errors');
    await ctx.close();
  }, 90_000);

  it('invites someone by link; they sign up and join', async () => {
    const adminCtx = await tb.newContext();
    const a = await adminCtx.newPage();
    await signIn(a, admin);
    const link = await makeInviteLink(a);
    expect(link).toMatch(/\/join\//);
    await checkPage(a, 'home-invite-link');

    const peerCtx = await tb.newContext({ width: 360, height: 740 });
    const p = await peerCtx.newPage();
    await p.goto(link);
    await p.getByRole('heading', { name: 'Joining Riverside Peers' }).waitFor();
    // The statement about outside services is read before joining, before anything is shared.
    await p
      .getByRole('heading', { name: 'When Riverside Peers involves outside services', level: 2 })
      .waitFor();
    await p.getByText(/has not yet written its statement about outside services/).waitFor();
    await checkPage(p, 'join-signed-out');
    const path = new URL(link).pathname;
    await signUp(p, peer, path);
    await p.getByRole('button', { name: 'Yes, I’d like to join Riverside Peers' }).click();
    await p.getByText('You are now part of Riverside Peers.').waitFor();
    await checkPage(p, 'join-done');

    // The link works once.
    await p.goto(link);
    await p.getByText(/already been used/).waitFor();

    await a.goto('/admin');
    await a.getByText(peer.displayName).first().waitFor();
    await checkPage(a, 'admin');
    await adminCtx.close();
    await peerCtx.close();
  }, 90_000);

  it('admins edit More support; everyone sees it', async () => {
    const ctx = await tb.newContext();
    const a = await ctx.newPage();
    await signIn(a, admin);
    await a.getByRole('link', { name: 'More support' }).click();
    await a.getByRole('heading', { name: 'More support', level: 1 }).waitFor();
    await a.getByRole('button', { name: 'Edit this page' }).click();
    await a.getByRole('button', { name: 'Add a resource' }).click();
    await a.getByLabel('Name', { exact: true }).fill('Riverside warmline');
    await a.getByLabel('How to reach it').fill('555-0100, every evening 6 pm to midnight');
    await a
      .getByLabel('Statement about outside services')
      .fill(
        'We do not contact outside services. If you would like us to, say so and we will work it out together.',
      );
    await checkPage(a, 'support-edit');
    await a.getByRole('button', { name: 'Save' }).click();
    await a.getByText('Riverside warmline').waitFor();
    await ctx.close();

    const peerCtx = await tb.newContext();
    const p = await peerCtx.newPage();
    await signIn(p, peer);
    await p.getByRole('link', { name: 'More support' }).click();
    await p.getByText('Riverside warmline').waitFor();
    await p.getByText(/We do not contact outside services/).waitFor();
    await checkPage(p, 'support');
    await peerCtx.close();
  }, 90_000);

  it('lists sessions, revokes another one, and signs out', async () => {
    const other = await tb.newContext();
    const o = await other.newPage();
    await signIn(o, peer);
    const ctx = await tb.newContext();
    const page = await ctx.newPage();
    await signIn(page, peer);
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await checkPage(page, 'settings');
    await page.getByRole('link', { name: 'Where I am signed in' }).click();
    await page.getByRole('heading', { name: 'Your sessions', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.list > li').count()).toBeGreaterThanOrEqual(2);
    await checkPage(page, 'sessions');
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByText(/Signed out \d+ other sessions/).waitFor();
    await o.reload();
    await o.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await checkPage(page, 'sign-in');
    await ctx.close();
    await other.close();
  }, 90_000);

  it('an admin is asked before removing someone, and the keyboard is never left behind', async () => {
    const ctx = await tb.newContext();
    const a = await ctx.newPage();
    await signIn(a, admin);
    await a.goto('/admin');
    const removeButton = a.getByRole('button', { name: `Remove: ${peer.displayName}` });
    await removeButton.waitFor();
    const focused = () => a.evaluate(() => document.activeElement?.textContent);
    await removeButton.focus();
    await a.keyboard.press('Enter');
    const ask = a.getByRole('group', { name: new RegExp(`Should ${peer.displayName} leave`) });
    await ask.waitFor();
    // Nothing happened yet; the safe choice has focus, and Escape gives it back to Remove.
    await expect.poll(focused).toBe('No, keep');
    await checkPage(a, 'admin-remove-ask');
    await a.keyboard.press('Escape');
    await expect.poll(focused).toBe('Remove');
    expect(await a.getByText(peer.displayName).count()).toBeGreaterThan(0);
    await a.keyboard.press('Enter');
    await ask.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => removeButton.count()).toBe(0);
    await expect.poll(focused).toBe('Members');
    await ctx.close();
  }, 90_000);
});
