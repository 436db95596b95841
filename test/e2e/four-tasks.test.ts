/**
 * The four tasks in Chromium: two people reflecting with reveal-together, building an intention with steps,
 * sharing a worldview page then revoking it, seeing their insights chart, and the export page. Each page is
 * checked with axe and screenshotted (test-results/screenshots/four-tasks-*).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.ts';
import { connect, createOrg, type TestPerson } from '../support/conversations.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { HAS_CHROMIUM, launch, SKIP_REASON, type TestBrowser } from './support/browser.ts';
import { ensureWebBuild } from './support/build.ts';
import { checkPage, signIn, signUpOverHttp, type Person } from './support/flows.ts';

if (!HAS_CHROMIUM) console.warn(`[skip] ${SKIP_REASON}`);

const LINES: Array<[0 | 1, string]> = [
  [0, 'what happened after the meeting? how are you feeling about it'],
  [1, 'it was a lot honestly. I felt really small in that room'],
  [0, 'that sounds really hard. I am here'],
  [1, 'we could go for a walk on saturday, what do you think?'],
  [0, 'yes lets do that together. what would make it feel good for you?'],
  [1, 'when I went through something like this before, walking helped me'],
  [0, 'I wonder how you make sense of it now'],
  [1, 'what was your week like?'],
];

/** Whether an element is marked invalid, and the texts its aria-describedby points to, joined by " | ". */
function described(el: Locator): Promise<{ invalid: string | null; text: string }> {
  return el.evaluate((node) => ({
    invalid: node.getAttribute('aria-invalid'),
    text: (node.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  }));
}

const isFocused = (el: Locator) => el.evaluate((node) => node === document.activeElement);

describe.skipIf(!HAS_CHROMIUM)('the four tasks in Chromium', () => {
  let srv: TestServer;
  let tb: TestBrowser;
  let ada: Person & TestPerson;
  let ben: Person & TestPerson;
  let relationshipId: string;
  let adaPage: Page;
  let benPage: Page;

  const account = (name: string, org?: string) => signUpOverHttp(srv, name, org);

  /** Messages spread over six weeks, written straight into the store so the weeks differ. */
  async function seedMessages(): Promise<void> {
    const { store } = srv.ctx.db;
    const start = Date.now() - 42 * 86_400_000;
    for (let i = 0; i < 48; i++) {
      const [who, text] = LINES[i % LINES.length] as [0 | 1, string];
      const at = new Date(start + i * 0.85 * 86_400_000);
      const seq = (await store.conversations.nextSeq(relationshipId, at))!;
      await store.messages.insertIfNew({
        id: newId(at.getTime()),
        conversationId: relationshipId,
        seq,
        authorId: (who === 0 ? ada : ben).id,
        text,
        createdAt: at,
        editedAt: null,
        deletedAt: null,
      });
    }
  }

  beforeAll(async () => {
    await ensureWebBuild();
    srv = await startTestServer(
      { name: 'sqlite', url: 'sqlite::memory:' },
      { WEB_DIST: 'dist/web', AUTH_LIMIT_PER_IP: '1000' },
    );
    const organizer = await account('Organizer');
    const orgId = await createOrg(srv, organizer);
    ada = await account('Ada', orgId);
    ben = await account('Ben', orgId);
    relationshipId = await connect(ada, ben, orgId);
    await seedMessages();
    tb = await launch(srv.url);
    adaPage = await (await tb.newContext()).newPage();
    benPage = await (await tb.newContext()).newPage();
    await signIn(adaPage, ada);
    await signIn(benPage, ben);
  }, 180_000);

  afterAll(async () => {
    await tb?.close();
    await srv?.close();
    expect(tb?.foreign ?? []).toEqual([]);
    expect(tb?.problems ?? []).toEqual([]);
  });

  const base = () => `/together/${relationshipId}`;

  const RATINGS = [
    ['Connection', '4'],
    ['Worldview', '3'],
    ['Mutuality', '5'],
    ['Moving toward', '3'],
  ] as const;
  const SCALE = '1 is hardly at all, 5 is very much';
  const MISSING = 'Each of the four needs a number from 1 to 5.';

  async function writeReflection(page: Page, note: string, saveEmptyFirst = false): Promise<void> {
    const focused = () =>
      page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent]);
    const group = (task: string) =>
      page.getByRole('group', { name: new RegExp(`^${task}: How present`) });
    await page.getByRole('button', { name: 'I’ll write my reflection' }).click();
    // The button is gone: focus is in the form, on its first choice, not left on the page.
    await expect.poll(async () => (await focused())[0]).toBe('INPUT');
    if (saveEmptyFirst) {
      // Each group is described by its scale; saved without numbers, each is marked and points to the message.
      for (const [task] of RATINGS)
        expect(await described(group(task))).toEqual({ invalid: null, text: SCALE });
      await page.getByRole('button', { name: 'Save my reflection' }).click();
      await page.getByRole('alert').filter({ hasText: MISSING }).waitFor();
      for (const [task] of RATINGS)
        expect(await described(group(task))).toEqual({
          invalid: 'true',
          text: `${SCALE} | ${MISSING}`,
        });
      await expect.poll(() => isFocused(group('Connection').getByRole('radio').first())).toBe(true);
      await group('Connection').getByText('4', { exact: true }).click();
      expect(await described(group('Connection'))).toEqual({ invalid: null, text: SCALE });
      expect((await described(group('Worldview'))).invalid).toBe('true');
    }
    for (const [task, n] of RATINGS) {
      await group(task).getByText(n, { exact: true }).click();
    }
    expect(await page.getByText(MISSING).count()).toBe(0);
    await page.getByLabel('Connection: In my words').fill(note);
    await page
      .getByLabel('What I want to try next time (optional)')
      .fill('Ask one more open question before sharing my view.');
    await page.getByRole('button', { name: 'Save my reflection' }).click();
    await page.getByRole('heading', { name: 'My reflection' }).waitFor();
    // Saved: focus is on the round's heading.
    await expect.poll(async () => (await focused())[0]).toBe('H3');
  }

  it('reveals two reflections together once both have written', async () => {
    await adaPage.goto('/together');
    await adaPage.getByRole('heading', { name: 'Together', level: 1 }).waitFor();
    await adaPage.getByRole('link', { name: 'Reflect together' }).first().waitFor();
    await checkPage(adaPage, 'four-tasks-hub');
    await adaPage.getByRole('link', { name: 'Reflect together' }).first().click();
    // The hint describes the field (it is not part of its name); started empty, our own message shows.
    const what = adaPage.getByRole('textbox', { name: 'What are we reflecting on?', exact: true });
    const hint = 'In your words, like “our call on Tuesday” or “the last two weeks”.';
    expect(await described(what)).toEqual({ invalid: null, text: hint });
    await adaPage.getByRole('button', { name: 'Start', exact: true }).click();
    await expect
      .poll(() => described(what))
      .toEqual({
        invalid: 'true',
        text: `${hint} | A reflection needs a few words about what it is on.`,
      });
    expect(await isFocused(what)).toBe(true);
    await what.fill('Our walk on Saturday');
    expect((await described(what)).invalid).toBe(null);
    await adaPage.getByRole('button', { name: 'Start', exact: true }).click();
    await adaPage.getByRole('heading', { name: 'Our walk on Saturday' }).waitFor();
    await writeReflection(adaPage, 'Ada: I felt close when we slowed down by the river.', true);
    await checkPage(adaPage, 'four-tasks-reflection-written');

    await benPage.goto(`${base()}/reflections`);
    await benPage.getByText('Ada has written theirs').waitFor();
    expect(await benPage.getByText('Ada: I felt close').count()).toBe(0);
    await checkPage(benPage, 'four-tasks-reflection-waiting');
    await writeReflection(benPage, 'Ben: the quiet stretches felt good to me.');
    await benPage.getByText('Ada: I felt close when we slowed down by the river.').waitFor();
    await checkPage(benPage, 'four-tasks-reflection-revealed');

    await adaPage.reload();
    await adaPage.getByText('Ben: the quiet stretches felt good to me.').waitFor();
  }, 120_000);

  it('builds an intention together, with steps and their history', async () => {
    await adaPage.goto(`${base()}/intentions`);
    const what = adaPage.getByLabel('What do we want to create?');
    await adaPage.getByRole('button', { name: 'Start', exact: true }).click();
    await expect
      .poll(() => described(what))
      .toEqual({
        invalid: 'true',
        text: 'An intention needs a few words about what you want to create.',
      });
    expect(await isFocused(what)).toBe(true);
    await what.fill('stop staying up so late');
    await adaPage.getByText('Another way to put it').waitFor();
    // Each suggestion's button names the suggestion it would use.
    const uses = adaPage.getByRole('button', { name: /^I’ll use this: / });
    const named = await uses.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('aria-label'), el.closest('li')?.textContent ?? '']),
    );
    expect(named.length).toBeGreaterThan(1);
    expect(new Set(named.map(([label]) => label)).size).toBe(named.length);
    for (const [label, item] of named)
      expect(item).toContain(`“${label?.replace('I’ll use this: ', '')}”`);
    expect(await adaPage.getByRole('button', { name: 'I’ll use this', exact: true }).count()).toBe(
      0,
    );
    await checkPage(adaPage, 'four-tasks-intention-toward');
    await what.fill('Evenings that feel calm for both of us');
    await adaPage
      .getByLabel('Why it matters')
      .fill('We both sleep better and talk more kindly after a calm evening.');
    await adaPage.getByRole('button', { name: 'Start', exact: true }).click();
    await adaPage
      .getByRole('heading', { name: 'Evenings that feel calm for both of us', level: 1 })
      .waitFor();
    await adaPage.getByLabel('A small next step').fill('Cook together on Friday');
    await adaPage.getByRole('button', { name: 'Add a step' }).click();
    await adaPage.getByText('Cook together on Friday', { exact: true }).waitFor();
    const url = new URL(adaPage.url()).pathname;

    await benPage.goto(url);
    await benPage
      .getByRole('button', { name: 'I’ll take this on: Cook together on Friday' })
      .click();
    await benPage.getByText('taken on by Ben').waitFor();
    await benPage.getByRole('button', { name: 'Mark done: Cook together on Friday' }).click();
    await benPage.getByText('done by Ben').waitFor();
    await benPage.getByLabel('How is it going?').fill('Friday was lovely. Let us do it again.');
    await benPage.getByRole('button', { name: 'Add a check-in' }).click();
    await benPage.getByText('Friday was lovely').waitFor();
    await benPage.getByText('Ben marked a step done').waitFor();
    await checkPage(benPage, 'four-tasks-intention');
  }, 120_000);

  it('shares a worldview page with the relationship, then revokes it at once', async () => {
    await adaPage.goto('/worldview');
    await adaPage
      .getByLabel('In my words')
      .fill('I make sense of hard times through the people who stayed with me.');
    await adaPage
      .getByLabel('What has helped, even a little, when things were hard?')
      .fill('Walking by the water.');
    await adaPage.getByRole('button', { name: 'Save my page' }).click();
    await adaPage.getByText('Saved.').waitFor();
    const share = adaPage.getByRole('switch', { name: 'Can read my page: Ben' });
    await adaPage.getByText('Can read my page: Ben').click();
    await expect.poll(() => share.isChecked()).toBe(true);
    await checkPage(adaPage, 'four-tasks-worldview-mine');

    await benPage.goto(`${base()}/worldview`);
    await benPage.getByRole('heading', { name: 'Ada’s page' }).waitFor();
    await benPage.getByText('Walking by the water.').waitFor();
    await checkPage(benPage, 'four-tasks-worldview-shared');

    await adaPage.getByText('Can read my page: Ben').click();
    await expect.poll(() => share.isChecked()).toBe(false);
    await benPage.reload();
    await benPage.getByText('Nobody here has shared a page yet.').waitFor();
    expect(await benPage.getByText('Walking by the water.').count()).toBe(0);
  }, 120_000);

  it('shows the insights charts with their tables and a hope-based reading', async () => {
    await adaPage.goto(`${base()}/insights`);
    await adaPage.getByRole('heading', { name: 'What stands out' }).waitFor();
    await adaPage.locator('[data-testid="insight-chart"] canvas').first().waitFor();
    expect(await adaPage.locator('[data-testid="insight-chart"] canvas').count()).toBe(4);
    await adaPage.getByRole('table', { name: /Balance of voice/ }).waitFor({ state: 'attached' });
    await checkPage(adaPage, 'four-tasks-insights');
    // Each chart is drawn at its box's width, and follows the box when the window narrows to a 320 px phone.
    const fit = () =>
      adaPage.locator('[data-testid="insight-chart"]').evaluateAll((boxes) =>
        boxes.map((box) => {
          const canvas = box.querySelector('canvas');
          return canvas ? Math.abs(canvas.getBoundingClientRect().width - box.clientWidth) : null;
        }),
      );
    await expect.poll(fit, { timeout: 5000 }).toEqual([0, 0, 0, 0]);
    await adaPage.setViewportSize({ width: 320, height: 740 });
    await expect.poll(fit, { timeout: 5000 }).toEqual([0, 0, 0, 0]);
    await adaPage.reload();
    await adaPage.locator('[data-testid="insight-chart"] canvas').first().waitFor();
    await expect.poll(fit, { timeout: 5000 }).toEqual([0, 0, 0, 0]);
    await adaPage.setViewportSize({ width: 1280, height: 860 });
    await expect.poll(fit, { timeout: 5000 }).toEqual([0, 0, 0, 0]);
    await adaPage.getByRole('button', { name: 'Numbers as a table' }).first().click();
    await adaPage.getByRole('table', { name: /Balance of voice/ }).waitFor();
    await checkPage(adaPage, 'four-tasks-insights-table');

    await benPage.goto(`${base()}/insights`);
    await benPage.getByRole('heading', { name: 'What stands out' }).waitFor();
    await benPage.getByText('My own coach trend (only I see this)').first().waitFor();
  }, 120_000);

  it('offers the export as a file and as a printable page', async () => {
    await adaPage.goto('/export');
    const download = adaPage.waitForEvent('download');
    await adaPage.getByRole('button', { name: 'A file to keep (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^mutual-export-\d{4}-\d{2}-\d{2}\.json$/);
    await adaPage
      .getByText(/Your file is ready: 24 messages, 1 reflections, 1 intentions/)
      .waitFor();
    await checkPage(adaPage, 'four-tasks-export');
    const printable = await adaPage.request.get('/api/me/export/print');
    expect(await printable.text()).toContain('Walking by the water.');
  }, 120_000);
});
