/** Steps people take in the browser tests, written once: fill the account forms, check a page, invite and join. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, screenshots } from './browser.ts';

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
  await screenshots(page, name);
  expect(violations, `axe on ${name}`).toEqual([]);
}

export async function fillAccount(page: Page, p: Person, withName: boolean): Promise<void> {
  if (withName) await page.getByLabel('Your name').fill(p.displayName);
  await page.getByLabel('Email or username').fill(p.login);
  await page.getByLabel('Password', { exact: true }).fill(p.password);
}

export async function signUp(page: Page, p: Person, next?: string): Promise<void> {
  await page.goto(next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up');
  await fillAccount(page, p, true);
  await page.getByRole('button', { name: 'Make my account' }).click();
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
  await page.getByRole('button', { name: 'Make a link' }).click();
  const field = page.getByLabel('Invitation link');
  await field.waitFor();
  return field.inputValue();
}
