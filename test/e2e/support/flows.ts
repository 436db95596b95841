/** Steps people take in the browser tests, written once: fill the account forms, check a page, invite and join. */
import { appendFileSync, mkdirSync } from 'node:fs';
import type { BrowserContext, Page, WebSocket } from 'playwright-core';
import { expect } from 'vitest';
import { joinOrg, type TestPerson } from '../../support/conversations.ts';
import { person, type TestServer } from '../../support/test-server.ts';
import { axeViolations, horizontalOverflow, screenshots } from './browser.ts';

export interface Person {
  displayName: string;
  login: string;
  password: string;
}

let n = 0;
/** A made-up person with an uncommon password. */
export function makePerson(name: string): Person {
  n += 1;
  const tag = `${Date.now().toString(36)}${n}`;
  return {
    displayName: `${name}`,
    login: `${name.toLowerCase()}-${tag}@example.org`,
    password: `harbour lantern maple ${tag}`,
  };
}

/** Pages checked so far, with their axe results, for the report. */
export const checked: Array<{ name: string; violations: string[] }> = [];

/** Runs axe (fails on serious/critical) and saves desktop and 360 px screenshots. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const violations = await axeViolations(page);
  checked.push({ name, violations });
  mkdirSync('test-results', { recursive: true });
  appendFileSync(
    'test-results/axe.jsonl',
    `${JSON.stringify({ page: name, seriousOrCritical: violations.length, at: new Date().toISOString() })}\n`,
  );
  await screenshots(page, name);
  expect(violations, `axe on ${name}`).toEqual([]);
  expect(
    await horizontalOverflow(page, 320),
    `${name} scrolls sideways at 320 px (200% zoom of 640 px)`,
  ).toBe(0);
}

export async function fillAccount(page: Page, p: Person, withName: boolean): Promise<void> {
  if (withName) await page.getByLabel('Your name').fill(p.displayName);
  await page.getByLabel('Your email or username').fill(p.login);
  await page.getByLabel('Password', { exact: true }).fill(p.password);
}

export async function signUp(page: Page, p: Person, next?: string): Promise<void> {
  await page.goto(next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up');
  await fillAccount(page, p, true);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL((u) => u.pathname === (next ?? '/'));
}

export async function signIn(page: Page, p: Person): Promise<void> {
  await page.goto('/sign-in');
  await fillAccount(page, p, false);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
}

/** The admin makes an invitation link on Home and returns it. */
export async function makeInviteLink(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New invitation link' }).click();
  const field = page.getByLabel('Invitation link');
  await field.waitFor();
  return field.inputValue();
}

/** A signed-in admin (from setup) and a peer who joined through the admin's link, each in their own context. */
export async function adminAndPeer(
  tb: {
    newContext(o?: { width?: number; height?: number }): Promise<BrowserContext>;
  },
  orgName: string,
) {
  const admin = makePerson('Robin');
  const peer = makePerson('Sam');
  const aCtx = await tb.newContext();
  const a = await aCtx.newPage();
  await a.goto('/');
  await a.getByLabel('Organization name').fill(orgName);
  await fillAccount(a, admin, true);
  await a.getByRole('button', { name: 'Create the organization' }).click();
  await a.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  const link = await makeInviteLink(a);
  const pCtx = await tb.newContext();
  const p = await pCtx.newPage();
  await signUp(p, peer, new URL(link).pathname);
  await p.getByRole('button', { name: new RegExp(`join ${orgName}`) }).click();
  await p.getByText(`You are now part of ${orgName}.`).waitFor();
  return { admin, peer, aCtx, a, pCtx, p };
}

/** The texts of the messages shown, in order (stored and pending). */
export async function shownTexts(page: Page): Promise<string[]> {
  return page.locator('.message-list > li .message-text').allInnerTexts();
}

/** A person signed up over HTTP (no browser), with their password for signing in later and a client of their own. */
export async function signUpOverHttp(
  srv: TestServer,
  name: string,
  orgId?: string,
): Promise<Person & TestPerson> {
  const client = srv.client();
  const p = person(name);
  const res = await client.post('/api/auth/sign-up', { ...p, displayName: name });
  expect(res.status).toBe(201);
  const id = res.body.user.id as string;
  if (orgId) await joinOrg(srv, orgId, id);
  return { ...p, displayName: name, id, name, client };
}

/**
 * Resolves when the page's live link receives a frame of `type`. Call it before the page opens its link
 * (before `goto`), so that no frame is missed.
 */
export function nextFrame(page: Page, type: string): Promise<void> {
  return new Promise((resolve) => {
    const onSocket = (ws: WebSocket) =>
      ws.on('framereceived', (f) => {
        if (!String(f.payload).includes(`"type":"${type}"`)) return;
        page.off('websocket', onSocket);
        resolve();
      });
    page.on('websocket', onSocket);
  });
}
