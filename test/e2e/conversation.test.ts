/**
 * Browser tests for talking in real time: two people connect, exchange messages live in the same order, use
 * the coach, reload, lose and regain the network, and sign out in one tab.
 */
import type { Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.ts';
import { HAS_CHROMIUM, screenshots, SKIP_REASON, type TestBrowser } from './support/browser.ts';
import { type BrowserApp, startBrowserApp } from './support/app.ts';
import {
  adminAndPeer,
  checkPage,
  nextFrame,
  type Person,
  shownTexts,
  signIn,
} from './support/flows.ts';
import { tabTo } from './support/keyboard.ts';

if (!HAS_CHROMIUM) console.warn(`[skip] ${SKIP_REASON}`);

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Your message');
  await box.fill(text);
  await box.press('Enter');
}

async function waitForText(page: Page, text: string): Promise<void> {
  await page
    .locator('.message-list > li:not(.message-pending) .message-text', { hasText: text })
    .first()
    .waitFor();
}

describe.skipIf(!HAS_CHROMIUM)('talking in real time in Chromium', () => {
  let srv: TestServer;
  let tb: TestBrowser;
  let app: BrowserApp | undefined;
  let a: Page;
  let p: Page;
  let conversationUrl = '';
  let robin: Person;
  let peer: Person;
  let peerName = '';

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ srv, tb } = app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('two people connect: one invites, the other accepts', async () => {
    const people = await adminAndPeer(tb, 'Harbour Peers');
    a = people.a;
    robin = people.admin;
    peerName = people.peer.displayName;
    peer = people.peer;
    p = people.p;
    await a.goto('/');
    await a.getByLabel('Person').selectOption({ label: people.peer.displayName });
    await a.getByRole('button', { name: 'Invite to connect' }).click();
    await a.getByText(/Invitation sent to/).waitFor();
    await p.goto('/');
    await p.getByText(`${people.admin.displayName} would like to connect`).waitFor();
    await checkPage(p, 'home-invitation-waiting');
    await p.getByRole('button', { name: 'Accept' }).click();
    await p.waitForURL(/\/c\//);
    conversationUrl = new URL(p.url()).pathname;
    await a.goto('/');
    await a
      .getByRole('link', { name: new RegExp(`Conversation with ${people.peer.displayName}`) })
      .click();
    await a.waitForURL(/\/c\//);
    expect(new URL(a.url()).pathname).toBe(conversationUrl);
    await checkPage(a, 'conversation-empty');
  }, 120_000);

  it('messages appear live on both sides in the same order', async () => {
    await a.getByLabel('Your message').waitFor();
    await p.getByLabel('Your message').waitFor();
    await send(a, 'Hi Sam, how has your week been?');
    await waitForText(p, 'how has your week been');
    await send(p, 'Up and down. Thanks for asking.');
    await send(a, 'I had a slow week too.');
    await send(p, 'What made it slow for you?');
    for (const page of [a, p]) await waitForText(page, 'What made it slow');
    for (const page of [a, p]) await waitForText(page, 'I had a slow week too.');
    const onA = await shownTexts(a);
    const onP = await shownTexts(p);
    expect(onA).toEqual(onP);
    expect(onA.length).toBe(4);
    await expect.poll(() => p.getByTestId('announcer').innerText()).toMatch(/New message from/);
    await checkPage(p, 'conversation');
  }, 60_000);

  it('the coach finds "you should just call your doctor", and an alternative replaces it only when chosen', async () => {
    const box = a.getByLabel('Your message');
    await box.fill('');
    await box.pressSequentially('you should just call your doctor', { delay: 15 });
    const coach = a.getByTestId('coach');
    await coach.getByText('Telling or advising').waitFor();
    await expect.poll(() => a.locator('.draft-mirror mark.mark-fear').count()).toBeGreaterThan(0);
    const alternatives = coach.locator('.alternative-text');
    expect(await alternatives.count()).toBeGreaterThan(0);
    expect(await box.inputValue()).toBe('you should just call your doctor');
    await checkPage(a, 'coach-finding');
    expect(
      tb.sent.filter((body) => body.includes('call your doctor')),
      'the draft never leaves the browser',
    ).toEqual([]);
    const chosen = (await alternatives.first().innerText()).trim();
    await coach.getByRole('button', { name: 'Replace the highlighted words' }).first().click();
    await expect.poll(() => box.inputValue()).toBe(chosen);
    await coach.getByText(/Replaced in your message/).waitFor();
    await box.press('Enter');
    await waitForText(p, chosen);
    await waitForText(a, chosen);

    // On a phone the coach is a compact strip that expands on request.
    await a.setViewportSize({ width: 360, height: 740 });
    await box.pressSequentially('dont worry, it will be fine', { delay: 15 });
    const strip = coach.getByRole('button', { name: /Coach .*to look at/ });
    await strip.waitFor();
    expect(await strip.getAttribute('aria-expanded')).toBe('false');
    expect(await coach.locator('.finding').count()).toBe(0);
    await strip.click();
    await coach.locator('.finding-fear').first().waitFor();
    await screenshots(a, 'coach-phone-expanded');
    await a.setViewportSize({ width: 1280, height: 860 });
    await box.fill('');
  }, 60_000);

  it('a reload keeps the history', async () => {
    const before = await shownTexts(p);
    await p.reload();
    await waitForText(p, before.at(-1) ?? '');
    expect(await shownTexts(p)).toEqual(before);
  }, 60_000);

  it('offline, two messages wait; back online, each arrives exactly once', async () => {
    const ctx = p.context();
    await ctx.setOffline(true);
    await p.getByText(/You are offline/).waitFor();
    await checkPage(p, 'conversation-offline');
    await send(p, 'Writing this on the train, signal is patchy.');
    await send(p, 'Second one while offline.');
    await expect.poll(() => p.locator('.message-pending').count()).toBe(2);
    await p.getByText('Waiting to send').first().waitFor();
    await ctx.setOffline(false);
    await waitForText(a, 'Second one while offline.');
    await expect.poll(() => p.locator('.message-pending').count(), { timeout: 10_000 }).toBe(0);
    const onA = await shownTexts(a);
    expect(onA.filter((t) => t === 'Writing this on the train, signal is patchy.').length).toBe(1);
    expect(onA.filter((t) => t === 'Second one while offline.').length).toBe(1);
    // And the store has each once, in the same order both sides show.
    const page = await a.evaluate(async (path) => {
      const id = path.split('/').pop() ?? '';
      const res = await fetch(`/api/conversations/${id}/messages?limit=200`);
      return ((await res.json()) as { messages: Array<{ text: string }> }).messages.map(
        (m) => m.text,
      );
    }, conversationUrl);
    expect(page.filter((t) => t.startsWith('Writing this on the train')).length).toBe(1);
    expect(page.filter((t) => t === 'Second one while offline.').length).toBe(1);
    await expect.poll(() => shownTexts(p)).toEqual(page);
    expect(onA).toEqual(page);
  }, 60_000);

  it('typing shows; edits and deletions reach the other side live', async () => {
    const box = a.getByLabel('Your message');
    // Typing hints are lossy by design (sent at most every 3 s, dropped while a socket is still
    // resubscribing after the previous test's reconnect), so keep typing as a person would.
    const indicator = p.getByText(`${robin.displayName} is writing…`);
    for (let attempt = 0; ; attempt++) {
      await box.pressSequentially(attempt === 0 ? 'Thinking about what you said' : ' and more', {
        delay: 10,
      });
      try {
        await indicator.waitFor({ timeout: 4_000 });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
    await box.fill('');
    const mine = a.locator('.message-list > li', { hasText: 'I had a slow week too.' });
    const editButton = mine.getByRole('button', { name: 'Edit' });
    // By keyboard: Enter opens the edit box with focus in it, Escape cancels and focus goes back.
    await editButton.focus();
    await a.keyboard.press('Enter');
    const editBox = a.getByLabel('Edit your message');
    await expect.poll(() => editBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await a.keyboard.press('Escape');
    await editBox.waitFor({ state: 'detached' });
    await expect.poll(() => editButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await editButton.click();
    await editBox.fill('I had a slow, quiet week too.');
    await a.getByRole('button', { name: 'Save' }).click();
    await waitForText(p, 'I had a slow, quiet week too.');
    await p
      .locator('.message-list > li', { hasText: 'I had a slow, quiet week too.' })
      .getByText('edited')
      .waitFor();
    const first = a.locator('.message-list > li', { hasText: 'how has your week been' });
    const deleteButton = first.getByRole('button', { name: 'Delete' });
    // The question focuses the safe answer; Escape keeps the message and returns focus.
    await deleteButton.click();
    const keep = a.getByRole('button', { name: 'No, keep' });
    await expect.poll(() => keep.evaluate((el) => el === document.activeElement)).toBe(true);
    await a.keyboard.press('Escape');
    await keep.waitFor({ state: 'detached' });
    await expect
      .poll(() => deleteButton.evaluate((el) => el === document.activeElement))
      .toBe(true);
    await deleteButton.click();
    await checkPage(a, 'conversation-delete-ask');
    await a.getByRole('button', { name: 'Yes, delete' }).click();
    await p.getByText('This message was deleted.').waitFor();
    expect(await p.getByText('how has your week been').count()).toBe(0);
  }, 60_000);

  it('quiet hours and a note are shown to the other person', async () => {
    const hour = new Date().getUTCHours();
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    await a.getByText('My limits here').click();
    await a.getByLabel('Quiet from').fill(hh(hour - 1));
    await a.getByLabel('Quiet until').fill(hh(hour + 2));
    await a.getByLabel('Time zone').fill('UTC');
    await a
      .getByLabel('Anything else about how to reach me')
      .fill('Mornings are best for long talks.');
    await a.getByRole('button', { name: 'Save my limits' }).click();
    await a.getByText(/Saved. The others here can see them./).waitFor();
    // The other person's open page shows them without a reload.
    await p.getByText(`${robin.displayName} is in quiet hours now`, { exact: false }).waitFor();
    await p.getByText(/Mornings are best for long talks/).waitFor();
    await checkPage(p, 'conversation-quiet-hours');
  }, 60_000);

  it('hiding presence in Settings hides it at once on the other person’s page, and on every device', async () => {
    await a.goto(conversationUrl);
    await p.goto(conversationUrl);
    const chip = p.locator('.member-chip', { hasText: robin.displayName });
    await chip.getByText('here now').waitFor();
    const settingsContext = await tb.newContext();
    const s = await settingsContext.newPage();
    try {
      await signIn(s, robin);
      await s.goto('/settings');
      const toggle = s.getByRole('switch', { name: 'Share when I am online and typing' });
      const label = s.getByText('Share when I am online and typing', { exact: true });
      await expect.poll(() => toggle.isChecked()).toBe(true);
      await label.click();
      await expect.poll(() => chip.getByText('here now').count()).toBe(0);
      // Robin's conversation page, opened again (a device that never saw the choice), stays hidden,
      // and sends no typing while Robin writes (the server would drop it; the browser does not send it).
      const typingSent: string[] = [];
      const onSocket = (ws: WebSocket) =>
        ws.on('framesent', (f) => {
          if (String(f.payload).includes('"type":"typing"')) typingSent.push(String(f.payload));
        });
      a.on('websocket', onSocket);
      try {
        await a.reload();
        const box = a.getByLabel('Your message');
        await box.waitFor();
        await p.waitForTimeout(1_500);
        expect(await chip.getByText('here now').count()).toBe(0);
        await box.pressSequentially('Writing while hidden', { delay: 20 });
        await a.waitForTimeout(500);
        expect(typingSent).toEqual([]);
        await box.fill('');
        await s.reload();
        await expect.poll(() => toggle.isChecked()).toBe(false);
        await label.click();
        await chip.getByText('here now').waitFor();
        // Shown again: the same page sends typing once more.
        await expect
          .poll(async () => {
            await box.pressSequentially('x', { delay: 20 });
            return typingSent.length;
          })
          .toBeGreaterThan(0);
        await box.fill('');
      } finally {
        a.off('websocket', onSocket);
      }
    } finally {
      await settingsContext.close();
    }
  }, 60_000);

  it('history loads on scroll back; home shows the unread count, live', async () => {
    // The tab's live link follows the person's conversations, so Home's counts are live.
    const following = nextFrame(p, 'following');
    await p.goto('/');
    await p.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await following;
    await a.evaluate(async (path) => {
      const id = path.split('/').pop() ?? '';
      for (let i = 1; i <= 70; i++) {
        await fetch(`/api/conversations/${id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: crypto.randomUUID(), text: `Older note ${i}` }),
        });
      }
    }, conversationUrl);
    // Well within the list's 30 s refresh: the count comes from the live channel, not a reload.
    await p.getByText('70 new').waitFor({ timeout: 5_000 });
    await checkPage(p, 'home-unread');
    await p.getByRole('link', { name: /Conversation with .*70 new/ }).click();
    await waitForText(p, 'Older note 70');
    const shown = () => p.locator('.message-list > li').count();
    expect(await shown()).toBe(50);
    for (
      let i = 0;
      i < 10 && !(await p.getByText('This is the beginning of your conversation.').count());
      i++
    ) {
      await p.locator('.messages').evaluate((el) => el.scrollTo({ top: 0 }));
      await p.waitForTimeout(300);
    }
    await p.getByText('This is the beginning of your conversation.').waitFor();
    expect(await shown()).toBeGreaterThan(70);
    const texts = await shownTexts(p);
    expect(texts.indexOf('Older note 1')).toBeLessThan(texts.indexOf('Older note 70'));
  }, 60_000);

  type Recorded = { title: string; body?: string; tag?: string };
  type Hooks = { __notices: Recorded[]; __hidden: boolean };
  const notices = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__notices);
  const setHidden = (page: Page, hidden: boolean) =>
    page.evaluate((h) => {
      (window as unknown as Hooks).__hidden = h;
    }, hidden);

  it('notices are opt-in, never show the text, and none come during the person’s own quiet hours', async () => {
    // A stand-in for the browser's notifications and for a tab out of sight, on both pages.
    const standIn = () => {
      const w = window as unknown as Hooks;
      w.__notices = [];
      w.__hidden = false;
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options: NotificationOptions = {}) {
          w.__notices.push({ title, body: options.body, tag: options.tag });
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', {
        configurable: true,
        value: RecordedNotification,
      });
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (w.__hidden ? 'hidden' : 'visible'),
      });
    };
    for (const page of [a, p]) {
      await page.addInitScript(standIn);
      await page.goto('/settings');
      const toggle = page.getByRole('switch', { name: /Notices of new messages/ });
      expect(await toggle.isChecked()).toBe(false);
      await page.getByText('Notices of new messages while Mutual is in the background').click();
      await expect.poll(() => toggle.isChecked()).toBe(true);
    }
    await checkPage(p, 'settings-notices');
    for (const page of [a, p]) {
      await page.goto(conversationUrl);
      await page.getByLabel('Your message').waitFor();
      await setHidden(page, true);
    }
    // Robin set quiet hours around now (above): a message from Sam brings Robin no notice.
    await send(p, 'A note sent during quiet hours.');
    await waitForText(a, 'A note sent during quiet hours.');
    await send(a, 'A note for Sam while the tab is away.');
    await expect.poll(() => notices(p).then((n) => n.length)).toBe(1);
    const [shown] = await notices(p);
    expect(shown).toEqual({
      title: 'Mutual',
      body: 'A new message is waiting for you.',
      tag: `mutual-${conversationUrl.split('/').pop()}`,
    });
    expect(JSON.stringify(shown)).not.toContain('A note for Sam');
    await p.waitForTimeout(500);
    expect(await notices(a)).toEqual([]);
    for (const page of [a, p]) await setHidden(page, false);
  }, 60_000);

  it('with notices when Mutual is closed on, the in-tab notice goes through the service worker, under the push’s tag', async () => {
    // The service worker is in place (as after turning on "Also when Mutual is closed"), so the notice is
    // the worker's: a push for the same unread message later replaces it instead of adding a second one.
    const origin = new URL(srv.url).origin;
    await p.context().grantPermissions(['notifications'], { origin });
    await p.evaluate(async () => {
      await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      await navigator.serviceWorker.ready;
    });
    const workerNotices = () =>
      p.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          data: n.data as unknown,
        }));
      });
    // A fresh page (the stand-in notices start empty again), with the tab out of sight. The message must
    // arrive live, after the page's history loaded and the conversation is subscribed: one sent sooner
    // would simply be part of the history, with no notice.
    const subscribed = nextFrame(p, 'subscribed');
    await p.goto(conversationUrl);
    await p.getByLabel('Your message').waitFor();
    await subscribed;
    await setHidden(p, true);
    await send(a, 'A second note while the tab is away.');
    await expect.poll(() => workerNotices().then((n) => n.length)).toBe(1);
    expect(await workerNotices()).toEqual([
      {
        title: 'Mutual',
        body: 'A new message is waiting for you.',
        tag: 'mutual-new',
        data: { path: conversationUrl },
      },
    ]);
    expect(await notices(p)).toEqual([]);
    await setHidden(p, false);
    await p.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      for (const n of await registration.getNotifications()) n.close();
      await registration.unregister();
    });
    await p.context().clearPermissions();
  }, 60_000);

  it('signing out in one tab closes that person’s live connection in the other', async () => {
    const second = await p.context().newPage();
    const socket = second.waitForEvent('websocket');
    await second.goto(conversationUrl);
    const ws = await socket;
    await second.getByLabel('Your message').waitFor();
    const closed = ws.waitForEvent('close', { timeout: 15_000 });
    await p.getByRole('button', { name: 'Sign out', exact: true }).click();
    await p.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await closed;
    await second.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor({ timeout: 15_000 });
    await second.close();
  }, 60_000);

  it('on a phone, Enter starts a new line, the box grows with the words, and Send sends', async () => {
    const phoneContext = await tb.newContext({ width: 360, height: 740, touch: true });
    const phone = await phoneContext.newPage();
    try {
      await signIn(phone, peer);
      await phone.goto(conversationUrl);
      const box = phone.getByLabel('Your message');
      await box.waitFor();
      await phone.getByText('Enter starts a new line; the button beside the box sends.').waitFor();
      const height = () => box.evaluate((el) => el.getBoundingClientRect().height);
      const empty = await height();
      await box.fill('A first line about the garden');
      await box.press('Enter');
      await box.pressSequentially(
        'and a second one, long enough to wrap over several lines on a screen this narrow',
      );
      expect(await box.inputValue()).toContain('garden\nand a second one');
      // Wrapped lines count too, not only line breaks.
      expect(await height()).toBeGreaterThan(empty * 1.5);
      await phone.getByRole('button', { name: 'Send', exact: true }).tap();
      await waitForText(phone, 'and a second one, long enough');
      expect(await box.inputValue()).toBe('');
      // Every control a finger needs is at least 44 px tall, Edit and Delete included.
      const mine = phone.locator('.message-list > li', {
        hasText: 'and a second one, long enough',
      });
      await mine.click();
      const heights = await mine
        .locator('.message-actions .btn')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      expect(heights.length).toBe(2);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      // A message longer than the server takes is not sent: the page says why and keeps the words.
      const shownBefore = await phone.locator('.message-list > li').count();
      await box.fill('a'.repeat(8_001));
      await phone.getByRole('button', { name: 'Send', exact: true }).tap();
      await phone
        .getByRole('alert')
        .filter({ hasText: 'Messages hold up to 8000 characters, and this one has 8001.' })
        .waitFor();
      expect(await box.getAttribute('aria-describedby')).toContain('composer-error');
      expect((await box.inputValue()).length).toBe(8_001);
      await phone.waitForTimeout(300);
      expect(await phone.locator('.message-list > li').count()).toBe(shownBefore);
      await box.fill('');
    } finally {
      await phoneContext.close();
    }
  }, 60_000);

  it('keyboard only (dark mode, reduced motion): sign in, reach the conversation and send', async () => {
    const ctx = await tb.newContext({ dark: true });
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await tabTo(page, /Your email or username/);
    await page.keyboard.type(robin.login);
    await tabTo(page, /^Password$/);
    await page.keyboard.type(robin.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await tabTo(page, /Conversation with/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/c\//);
    await page.getByLabel('Your message').waitFor();
    await tabTo(page, /^Your message$/);
    await page.keyboard.type('Sent with the keyboard alone.');
    await page.keyboard.press('Enter');
    await waitForText(page, 'Sent with the keyboard alone.');
    await waitForText(a, 'Sent with the keyboard alone.');
    // Arrow keys move between messages; Tab then reaches that message's own buttons.
    await page.keyboard.down('Shift');
    await tabTo(page, /^Messages$/);
    await page.keyboard.up('Shift');
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    await checkPage(page, 'conversation-keyboard-dark');
    const transition = await page
      .locator('.switch-thumb')
      .first()
      .evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(parseFloat(transition), 'reduced motion turns transitions off').toBeLessThan(0.001);
    await ctx.close();
  }, 60_000);

  it('leaving a circle in one tab takes it off the list in another, without a reload', async () => {
    const robinId = (await srv.ctx.db.store.users.findByLogin(robin.login))!.id;
    const [org] = await srv.ctx.db.store.organizations.listForUser(robinId);
    const circle = await srv.ctx.connections.createCircle(robinId, {
      orgId: org!.id,
      name: 'Tuesday walkers',
    });
    await a.goto('/');
    const listed = a.getByRole('link', { name: /Tuesday walkers/ });
    await listed.waitFor();
    await a.goto(`/c/${circle.id}`);
    await a.getByText('Bring someone into this circle').waitFor();
    const other = await a.context().newPage();
    await other.goto(`/c/${circle.id}`);
    // Whether the circle's people can bring others in: a switch anyone in it can turn.
    const openness = other.getByRole('switch', {
      name: 'Anyone in the circle can bring someone in',
    });
    await openness.waitFor();
    expect(await openness.isChecked()).toBe(true);
    await other.getByText('Bring someone into this circle').waitFor();
    await other.getByText('Anyone in the circle can bring someone in').click();
    await other
      .getByText('The circle is closed to new people for now.', { exact: false })
      .waitFor();
    expect(await other.getByText('Bring someone into this circle').count()).toBe(0);
    // The first tab, never reloaded, hears of it on the live connection.
    await a.getByText('The circle is closed to new people for now.', { exact: false }).waitFor();
    await a.goto('/');
    await listed.waitFor();
    expect((await srv.ctx.db.store.conversations.findById(circle.id))?.membersCanInvite).toBe(
      false,
    );
    await other.getByText('Leaving or blocking').click();
    await other.getByRole('button', { name: 'I’d like to leave this circle' }).click();
    await other.getByRole('button', { name: 'Yes, leave' }).click();
    await other.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    // Back to the circle just left: the page says so, with the app around it (it used to go blank).
    await other.goBack();
    await other
      .getByRole('heading', { name: 'This conversation is not available to you.' })
      .waitFor();
    await other.getByRole('link', { name: 'Home' }).first().waitFor();
    // An address whose id is no id at all reads the same.
    await other.goto('/c/not-a-conversation');
    await other
      .getByRole('heading', { name: 'This conversation is not available to you.' })
      .waitFor();
    expect(await other.getByText(/Must be a UUID/).count()).toBe(0);
    await other.close();
    // The first tab was never reloaded or focused: the live connection told it.
    await listed.waitFor({ state: 'detached', timeout: 10_000 });
  }, 60_000);

  it('blocking asks first, ends the relationship without telling the other person, and Settings can unblock', async () => {
    // The other person is offline with a message waiting to send when the block comes.
    await signIn(p, peer);
    await p.goto(conversationUrl);
    await p.getByLabel('Your message').waitFor();
    await p.context().setOffline(true);
    await p.getByText(/You are offline/).waitFor();
    await send(p, 'Written before the relationship went quiet.');
    await p.getByText('Waiting to send').waitFor();
    await a.goto(conversationUrl);
    await a.getByLabel('Your message').waitFor();
    await a.getByText('Leaving or blocking').click();
    // A question left unanswered, by Escape or by "No, go back", gives focus back to the button that asked.
    const focused = () => a.evaluate(() => document.activeElement?.textContent);
    const leaveButton = a.getByRole('button', { name: 'I’d like to leave this relationship' });
    await leaveButton.focus();
    await a.keyboard.press('Enter');
    await expect.poll(focused).toBe('No, go back');
    await a.keyboard.press('Escape');
    await expect.poll(focused).toBe('I’d like to leave this relationship');
    await a.keyboard.press('Enter');
    await expect.poll(focused).toBe('No, go back');
    await a.keyboard.press('Enter');
    await expect.poll(focused).toBe('I’d like to leave this relationship');
    await a.getByRole('button', { name: `I’d like to block ${peerName}` }).click();
    const ask = a.getByRole('group', { name: new RegExp(`${peerName} will not be told`) });
    await ask.waitFor();
    // The keyboard is not left behind on a button that went away: focus is on the safe choice.
    await expect
      .poll(() => a.evaluate(() => document.activeElement?.textContent))
      .toBe('No, go back');
    await checkPage(a, 'conversation-block-ask');
    await ask.getByRole('button', { name: 'Yes, block' }).click();
    await a.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    // Back online, the waiting message is not sent, and only discarding it is offered: sending again
    // cannot work in a relationship that went quiet. The words are those of a leave.
    await p.context().setOffline(false);
    const notSent = p.locator('.message-pending', { hasText: 'Written before the relationship' });
    await notSent.getByText(/Not sent/).waitFor({ timeout: 15_000 });
    // Said aloud as well, for someone who does not see it.
    await expect.poll(() => p.getByTestId('announcer').innerText()).toMatch(/^Not sent: /);
    await expect.poll(() => notSent.getByRole('button', { name: 'Resend' }).count()).toBe(0);
    expect(await notSent.textContent()).not.toMatch(/block/i);
    await notSent.getByRole('button', { name: 'Remove' }).click();
    await notSent.waitFor({ state: 'detached' });
    // The other person's page and list keep the name, exactly as when someone leaves.
    await p.goto(conversationUrl);
    await p.getByRole('heading', { name: `With ${robin.displayName}`, level: 1 }).waitFor();
    await p.goto('/');
    await p
      .getByRole('link', { name: new RegExp(robin.displayName) })
      .first()
      .waitFor();
    await a.goto('/settings');
    const blocked = a.getByRole('region', { name: 'People you blocked' });
    await blocked.getByText(peerName, { exact: false }).first().waitFor();
    await checkPage(a, 'settings-blocked');
    await blocked.getByRole('button', { name: `Unblock ${peerName}` }).click();
    await blocked.getByText(`You unblocked ${peerName}.`).waitFor();
    await blocked.getByText('You have not blocked anyone.').waitFor();
  }, 60_000);
});
