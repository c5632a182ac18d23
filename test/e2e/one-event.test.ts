import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// One event, one fact, as the demo parent on a phone, on Saturday 7 November 2026. Emma's math quiz on
// Friday was collected at the bell: the parent notes it, photographs the quiz as a work sample, and Emma
// says so at Saturday's check-in (an answer about Friday, the last school day, never the Saturday). The
// Accommodations page, the living IEP (Paper trail) and a drafted letter show one lapse with three
// sources. Every page is checked with axe-core.

const SATURDAY = '2026-11-07T16:00:00.000Z';
const FRIDAY = '2026-11-06';
const EXTENDED_TIME = 'Extended time (1.5x) on tests and quizzes';
const QUIZ_ASK = 'Did you have a test or a quiz this week? Did you get extra time to finish it?';

describe('one event, one fact, in the browser on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let demo: DemoHousehold;
  let files: string;

  beforeAll(async () => {
    server = await startServer(SATURDAY);
    demo = await seedDemoParent(server);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
    files = mkdtempSync(join(tmpdir(), 'as-written-one-event-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** The records about extended time on Friday, read from the database. */
  async function fridayRecords() {
    const accommodation = await server.store.db
      .selectFrom('accommodation')
      .select('id')
      .where('household_id', '=', demo.householdId)
      .where('text', '=', EXTENDED_TIME)
      .executeTakeFirstOrThrow();
    const observations = await server.store.db
      .selectFrom('accommodation_observation')
      .select(['id', 'date', 'source', 'class_name'])
      .where('accommodation_id', '=', accommodation.id)
      .where('date', '>=', '2026-11-06')
      .orderBy('id')
      .execute();
    const samples = await server.store.db
      .selectFrom('work_sample')
      .select(['id', 'date'])
      .where('household_id', '=', demo.householdId)
      .where('title', '=', 'Math quiz, unfinished')
      .execute();
    return { observations, samples };
  }

  it('signs in', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill('parent@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
  });

  it('notes the lapse, adds the quiz as a work sample, and records Emma’s answer about Friday', async () => {
    // 1. The parent's own note, from the home screen.
    await page.getByRole('button', { name: 'Log an accommodation' }).click();
    const sheet = page.getByRole('dialog', { name: 'Log an accommodation' });
    await sheet.getByLabel('Accommodation').selectOption({ label: EXTENDED_TIME });
    await sheet.getByLabel('Date').fill(FRIDAY);
    await sheet.getByLabel('Class or subject (optional)').fill('Math');
    await sheet.getByLabel('How do you know?').selectOption({ label: 'I saw it' });
    await sheet.getByLabel('What happened (optional)').fill('The quiz was collected at the bell.');
    await sheet.getByRole('button', { name: 'Not provided', exact: true }).click();
    await expect.poll(() => sheet.isVisible()).toBe(false);

    // 2. The quiz itself, as a work sample that shows the extended time missing.
    const photo = join(files, 'math-quiz.png');
    writeFileSync(
      photo,
      await sharp({ create: { width: 200, height: 150, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
    );
    await page.goto('/work-samples');
    await page.getByRole('heading', { name: 'Work samples', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Add a work sample' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a work sample' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose a photo or file' }).click();
    await (await chooser).setFiles([photo]);
    await dialog
      .getByRole('list', { name: 'Chosen files' })
      .getByText(/^Uploaded, /)
      .waitFor();
    await dialog.getByLabel('What is it?').fill('Math quiz, unfinished');
    await dialog.getByLabel('Date of the work').fill(FRIDAY);
    await dialog.getByLabel('Class (optional)').fill('Math');
    await dialog.getByLabel('Kind of work (optional)').selectOption({ label: 'Quiz' });
    await dialog
      .getByRole('radiogroup', { name: EXTENDED_TIME })
      .getByRole('radio', { name: 'Missing' })
      .check();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // 3. Saturday's check-in: the answer is about Friday, the last school day, by default.
    await page.goto('/check-in');
    await page.getByRole('heading', { name: 'Check-in with Emma', level: 2 }).waitFor();
    const quiz = page.getByRole('article', { name: QUIZ_ASK });
    await quiz.getByLabel('Emma’s words').fill('She took my quiz when the bell rang');
    await quiz.getByRole('radio', { name: 'Not provided' }).check();
    const day = quiz.getByLabel('Which day was it?');
    expect(await day.inputValue()).toBe(FRIDAY);
    // Only school days are offered: never the Saturday of the check-in.
    const offered = await day
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).not.toContain('2026-11-07');
    expect(await day.locator('option:checked').textContent()).toBe('Yesterday, Friday, November 6');
    await expectNoAxeViolations(page, 'check-in, answering about Friday');
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByRole('status').filter({ hasText: '1 answer saved' }).waitFor();

    const { observations, samples } = await fridayRecords();
    expect(observations.map((o) => [o.date, o.source])).toEqual([
      [FRIDAY, 'parent_saw'],
      [FRIDAY, 'child_report'],
    ]);
    expect(samples.map((s) => s.date)).toEqual([FRIDAY]);
  });

  it('the Accommodations page shows one lapse with three sources, and counts it once', async () => {
    await page.goto('/accommodations');
    await page.getByRole('heading', { name: 'Each accommodation' }).waitFor();
    const section = page.getByRole('region', { name: EXTENDED_TIME });
    const friday = section
      .getByRole('listitem')
      .filter({ hasText: /November 6: not provided, in Math \(quiz\)/ });
    await expect.poll(() => friday.count()).toBe(1);
    await friday.getByText("1 lapse, 3 sources: a work sample, your note, Emma's report.").waitFor();
    // The count above the list counts the same rows as the list.
    const rate = await section.getByText(/^Provided on \d+ of \d+ days noted; \d+ lapses?$/).textContent();
    const [, provided, known, lapses] = /Provided on (\d+) of (\d+) days noted; (\d+) lapse/.exec(rate!)!;
    const rows = section.getByRole('listitem');
    expect(await rows.count()).toBe(Number(known));
    expect(
      (await rows.filter({ hasText: ': not provided' }).count()) +
        (await rows.filter({ hasText: ': partly' }).count()),
    ).toBe(Number(lapses));
    expect(await rows.filter({ hasText: ': provided' }).count()).toBe(Number(provided));
    await expectNoAxeViolations(page, 'accommodations: one lapse, three sources');
  });

  it('the living IEP on the Paper trail page counts it as one lapse with three sources', async () => {
    await page.goto('/paper-trail');
    await page.getByRole('tab', { name: 'Next meeting' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Next meeting' });
    await panel.getByRole('heading', { name: 'Living IEP and next-meeting agenda', level: 3 }).waitFor();
    const item = panel.getByText(new RegExp(`“${EXTENDED_TIME.replace(/[()]/g, '\\$&')}”: not in place on`));
    await item.first().waitFor();
    const text = await item.first().textContent();
    expect(text).toContain('Nov 6 in Math (3 sources)');
    expect(text).not.toContain('Nov 7');
    await expectNoAxeViolations(page, 'paper trail: living IEP');
  });

  it('a drafted letter states the lapse once, on Friday, with its three sources', async () => {
    await page.goto('/letters');
    await page.getByRole('heading', { name: 'Letters', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Draft a letter' }).click();
    const picker = page.getByRole('dialog', { name: 'Draft a letter' });
    await picker.getByRole('radio', { name: 'A specific concern' }).check();
    await picker.getByLabel('The accommodation').selectOption({ label: EXTENDED_TIME });
    await expectNoAxeViolations(page, 'letters: a specific concern');
    await picker.getByRole('button', { name: 'Write the draft' }).click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    const body = await page.getByRole('textbox', { name: 'Letter' }).inputValue();
    expect(body).toContain(
      '- Friday, November 6 (Math, quiz): not in place; seen on a work sample; I saw this myself; Emma told me',
    );
    expect(body.match(/November 6/g)).toHaveLength(1);
    expect(body).not.toMatch(/Saturday|November 7/);
    await expectNoAxeViolations(page, 'letters: the drafted letter');
  });
});
