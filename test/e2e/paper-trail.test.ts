import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// The paper trail in the browser, on a phone, on the demo household (the article's story), on Monday
// 2 November 2026: the implementation report for September and October (the speech ledger's 480 minutes
// required, 260 delivered and 100 still owed) and its PDF; the living IEP with a concerns statement
// written and saved; the check of the journal's hash chain; and a calendar address made, listed and
// revoked.

const MONDAY = '2026-11-02T16:00:00.000Z';
const SPEECH = 'Speech-language therapy';
const CONCERNS =
  'Emma has missed more than half of her speech sessions this fall. I am worried she is falling behind ' +
  'with her articulation goals, and I would like a plan for the make-up sessions.';
const QUESTION = 'Who tells substitutes about Emma’s extended time?';

type Verify = {
  ok: boolean;
  journal: { entries: number; headHash: string };
  attachments: { checked: number };
};

describe('the paper trail, in the browser on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let demo: DemoHousehold;

  beforeAll(async () => {
    server = await startServer(MONDAY);
    demo = await seedDemoParent(server);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A GET of the API through the signed-in page. */
  const apiGet = <T>(path: string): Promise<T> =>
    page.evaluate(
      async (u) => (await fetch(u)).json(),
      `/api/households/${demo.householdId}${path}`,
    ) as Promise<T>;

  /** The number under a figure's label in a service card ("Required" → "480 min"). */
  const figure = (card: Locator, label: string) =>
    card.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

  /** Opens a tab of the page and returns its panel. */
  async function openTab(name: string, heading: string) {
    await page.getByRole('tab', { name }).click();
    const panel = page.getByRole('tabpanel', { name });
    await panel.getByRole('heading', { name: heading, level: 3 }).waitFor();
    return panel;
  }

  it('signs in and opens the paper trail from the menu', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill('parent@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Paper trail' }).click();
    await page.getByRole('heading', { name: 'Paper trail', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Report for a meeting or a complaint', level: 3 }).waitFor();
  });

  it('shows the report for September and October with the speech ledger’s figures, and its PDF', async () => {
    // The range starts on the plan's first day and ends today, until changed.
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    expect(await from.inputValue()).toBe('2026-09-08');
    expect(await to.inputValue()).toBe('2026-11-02');
    await from.fill('2026-09-01');
    await to.fill('2026-10-31');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await expect.poll(() => new URL(page.url()).search).toContain('from=2026-09-01');
    expect(new URL(page.url()).searchParams.get('to')).toBe('2026-10-31');

    const speech = page.getByRole('article', { name: SPEECH });
    await speech.waitFor();
    expect(await figure(speech, 'Required').textContent()).toBe('480 min');
    expect(await figure(speech, 'Delivered').textContent()).toBe('260 min (54.2%)');
    expect(await figure(speech, 'Owed as make-ups').textContent()).toBe('130 min');
    expect(await figure(speech, 'Made up').textContent()).toBe('30 min');
    expect(await figure(speech, 'Still owed').textContent()).toBe('100 min');
    await speech.getByText(/60 min \(2 sessions\) not logged by anyone/).waitFor();
    // The summary in plain words, and the other parts of the report.
    await page
      .getByText(`${SPEECH}: 260 of 480 minutes delivered (54.2%)`, { exact: false })
      .first()
      .waitFor();
    for (const part of [
      'Accommodations',
      'Behavior plan',
      'Messages, calls and meetings',
      'Open items and deadlines',
      'Evidence index',
    ])
      await page.getByRole('heading', { name: part, level: 4 }).waitFor();
    await page.getByText('No reply — 5 days late').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'paper-trail-360');

    // The weekly table and the evidence index fold open.
    await speech.getByText('Week by week').click();
    const table = speech.getByRole('region', { name: `${SPEECH}, minutes by period` });
    await table.getByRole('rowheader', { name: 'Week of Oct 5' }).waitFor();
    await page.getByText(/^Show the \d+ records$/).click();
    await page
      .getByText(/SHA-256 [0-9a-f]{64}/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'paper trail: the report');

    // The PDF, for the same dates, in the report's language (the screen's, English here).
    const pdfLink = page.getByRole('link', { name: /^Download PDF/ });
    const href = await pdfLink.getAttribute('href');
    expect(href).toBe(
      `/api/households/${demo.householdId}/children/${demo.childId}/report.pdf?from=2026-09-01&to=2026-10-31&language=en`,
    );
    const pdf = await page.request.get(href as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes a concerns statement and a question for the living IEP, saved across a reload', async () => {
    const living = await openTab('Next meeting', 'Living IEP and next-meeting agenda');
    await living.getByRole('heading', { name: 'What is not working', level: 4 }).waitFor();
    await living.getByText(`${SPEECH}: 260 of`, { exact: false }).first().waitFor();
    // No statement yet: the facts to start from.
    const facts = page.getByRole('list', { name: 'Facts to start from' });
    await facts.waitFor();
    await expectNoAxeViolations(page, 'paper trail: the living IEP');
    const markdown = await page.getByRole('link', { name: 'Download as Markdown' }).getAttribute('href');
    expect(markdown).toBe(`/api/households/${demo.householdId}/children/${demo.childId}/living-iep.md`);

    await page.getByLabel('My concerns, in my own words').fill(CONCERNS);
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1 (in your words)').fill(QUESTION);
    await page.getByText('Not saved yet.').waitFor();
    await expectNoAxeViolations(page, 'paper trail: the living IEP, being written');
    await page.getByRole('button', { name: 'Save my words' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const saved = await apiGet<{ concerns: string | null; parentInput: { questions: string[] } }>(
      `/children/${demo.childId}/living-iep`,
    );
    expect(saved.concerns).toBe(CONCERNS);
    expect(saved.parentInput.questions).toEqual([QUESTION]);

    await page.reload();
    await page.getByRole('heading', { name: 'Living IEP and next-meeting agenda', level: 3 }).waitFor();
    const statement = page.getByLabel('My concerns, in my own words');
    await expect.poll(() => statement.inputValue()).toBe(CONCERNS);
    expect(await page.getByLabel('Question 1 (in your words)').inputValue()).toBe(QUESTION);
    expect(await page.getByRole('list', { name: 'Facts to start from' }).count()).toBe(0);
    const md = await page.request.get(markdown as string);
    expect(md.status()).toBe(200);
    expect(await md.text()).toContain(CONCERNS);
  });

  it('checks the record: everything checks out, with the last fingerprint', async () => {
    await openTab('Check', 'Check the record');
    await page.getByRole('button', { name: 'Check now' }).click();
    const verify = await apiGet<Verify>('/verify');
    expect(verify.ok).toBe(true);
    const result = page.getByRole('status').filter({ hasText: 'Everything checks out' });
    await result
      .getByText(
        `Everything checks out: ${verify.journal.entries} journal entries, ${verify.attachments.checked} file`,
        { exact: false },
      )
      .waitFor();
    await result.getByText(verify.journal.headHash, { exact: true }).waitFor();
    await result
      .getByText('if anything earlier is ever changed, the check will show it', { exact: false })
      .waitFor();
    await result.getByRole('button', { name: 'Copy the fingerprint' }).waitFor();
    await expectNoAxeViolations(page, 'paper trail: the check');
  });

  it('checks a fingerprint kept from before: its first characters are enough, a wrong one is named', async () => {
    const verify = await apiGet<Verify>('/verify');
    const kept = page.getByLabel('A fingerprint you kept (optional)');
    await kept.fill('12345');
    await page.getByRole('button', { name: 'Check now' }).click();
    await page
      .getByText('The fingerprint is 5 characters long; type at least its first 12', { exact: false })
      .waitFor();
    await kept.fill(`${verify.journal.headHash.slice(0, 16).toUpperCase()}…`);
    await page.getByRole('button', { name: 'Check now' }).click();
    await page
      .getByRole('status')
      .getByText('nothing was changed or added since it was written down', { exact: false })
      .waitFor();
    await kept.fill('0123456789abcdef');
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByRole('alert').getByText('No entry of the journal', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'paper trail: a fingerprint that is not in the journal');
    await kept.fill('');
  });

  it('offers the downloads, and makes, lists and revokes a calendar address', async () => {
    const exports = await openTab('Exports', 'Exports and calendar');
    const csv = page.getByRole('link', { name: 'Emma’s sessions (CSV)' });
    const csvHref = (await csv.getAttribute('href')) as string;
    expect(csvHref).toBe(`/api/households/${demo.householdId}/exports/sessions.csv?childId=${demo.childId}`);
    const sessions = await page.request.get(csvHref);
    expect(sessions.status()).toBe(200);
    expect(sessions.headers()['content-type']).toContain('text/csv');
    await page.getByRole('link', { name: 'Everything in this household (JSON)' }).waitFor();
    await page.getByText('as-written backup FILE').waitFor();
    await exports.getByText('None yet.').waitFor();
    await expectNoAxeViolations(page, 'paper trail: exports');

    await page.getByRole('radio', { name: 'Emma only' }).check();
    await page.getByRole('button', { name: 'Make a calendar address' }).click();
    const made = page.getByRole('status').filter({ hasText: 'Your calendar address' });
    const address = made.getByLabel('Calendar address');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[^/]+\.ics$/);
    await made.getByText('On an iPhone').waitFor();
    await made.getByText('On an Android phone (Google Calendar)').waitFor();
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    const list = page.getByRole('list', { name: 'Calendar addresses in this household' });
    const item = list.getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    await item.getByText('Active').waitFor();
    await item.getByText(/^Created by you on /).waitFor();
    await expectNoAxeViolations(page, 'paper trail: a calendar address made');

    await item.getByRole('button', { name: /^Revoke the address made / }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this calendar address?' });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await item.getByText('Revoked', { exact: true }).waitFor();
    expect(await made.count()).toBe(0);
    expect((await page.request.get(url)).status()).toBe(404);
    await expectNoAxeViolations(page, 'paper trail: a calendar address revoked');
  });
});
