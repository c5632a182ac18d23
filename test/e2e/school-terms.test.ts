import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDayIcs } from '../fixtures/calendars/all-day-ics.ts';
import {
  DEMO_PARENT,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// Terms or grading periods (issue 16): the demo parent on a phone enters the school year's quarters on
// the School calendar page (an overlap is refused at its field, and nothing typed is lost), changes
// occupational therapy to "4 sessions a term", and sees the home screen and the ledger count it by
// quarter; then imports a district calendar file whose events give four quarters, and sets them.

const THURSDAY = '2026-12-03T16:00:00.000Z';
const OT = 'Occupational therapy';

describe('terms of the school year, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(THURSDAY);
    await seedDemoParent(server);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const button = (name: string) => page.getByRole('button', { name, exact: true });

  it('enters two quarters, is shown the overlap at its field, fixes it, and sees the terms', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await button('Sign in').click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.goto('/calendar');
    await page.getByRole('heading', { name: 'The school year' }).waitFor();
    await button('Add a term').click();
    await page.getByLabel('Term 1 name').fill('Quarter 1');
    const firstDays = page.getByLabel('First day', { exact: true });
    const lastDays = page.getByLabel('Last day', { exact: true });
    await firstDays.nth(0).fill('2026-09-08');
    await lastDays.nth(0).fill('2026-11-06');
    await button('Add a term').click();
    // The next term follows the last one's numbering.
    expect(await page.getByLabel('Term 2 name').inputValue()).toBe('Quarter 2');
    await firstDays.nth(1).fill('2026-11-02');
    await lastDays.nth(1).fill('2027-01-29');
    await button('Save the school year').click();
    // The server's dates are shown in words.
    const refused = page.getByText(/^Must come after the end of "Quarter 1" \(.*Nov.* 6.*\)$/);
    await refused.waitFor();
    expect(await firstDays.nth(1).getAttribute('aria-invalid')).toBe('true');
    expect(await lastDays.nth(1).inputValue()).toBe('2027-01-29');
    await expectNoAxeViolations(page, 'the school year form with a refused term');
    await firstDays.nth(1).fill('2026-11-09');
    await button('Save the school year').click();
    await page.getByText(/^Terms: Quarter 1 \(.+\) and Quarter 2 \(.+\)\.$/).waitFor();
    await screenshot(page, 'school-terms-360');
  });

  it('changes occupational therapy to 4 sessions a term, and sees it counted by quarter', async () => {
    await page.goto('/plan');
    await button(`Change the amount of ${OT}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Every').selectOption('term');
    await dialog.getByLabel('Sessions').fill('4');
    await dialog.getByText('Counted in each term or grading period of the school calendar.').waitFor();
    await expect.poll(async () => dialog.getByText('Reads as: 30 minutes, 4 times a term').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Save the amount' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await page.goto('/');
    await page
      .getByText(/4 sessions this term \(November 9 to January 29\): \d+ so far/)
      .first()
      .waitFor();

    await page.goto('/ledger');
    await page
      .getByRole('heading', { name: /ledger/i })
      .first()
      .waitFor();
    await page.getByLabel('Service').selectOption({ label: OT });
    // Its rows are its own period, the quarter, named with its dates in words.
    await page.getByText('Quarter 1 (Sep 8, 2026 to Nov 6, 2026)').first().waitFor();
    await page.getByText('Quarter 2 (Nov 9, 2026 to Jan 29, 2027)').first().waitFor();
    await screenshot(page, 'ledger-terms-360');
    // The report for a meeting shows the same rows, by period.
    await page.goto('/paper-trail?from=2026-09-08&to=2026-12-03');
    const ot = page.getByRole('article', { name: OT });
    await ot.waitFor();
    await ot.getByText('By period', { exact: true }).click();
    await ot.getByRole('rowheader', { name: /^Quarter 1 \(Sep 8 to Nov 6\)/ }).waitFor();
    await expectNoAxeViolations(page, 'the ledger with a per-term service');
  });

  it('imports a district file that gives four quarters, and sets them in place of the two', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terms-'));
    const file = join(dir, 'quarters.ics');
    writeFileSync(
      file,
      allDayIcs(
        { name: 'Maple Street quarters', prodId: '-//Maple Street//Calendar//EN', domain: 'maple.example' },
        [
          { uid: 'q1', date: '20261106', summary: 'End of 1st Quarter' },
          { uid: 'q2', date: '20270129', summary: 'End of 2nd Quarter' },
          { uid: 'q3', date: '20270409', summary: 'End of 3rd Quarter' },
          { uid: 'q4', date: '20270611', summary: 'End of 4th Quarter' },
        ],
      ),
    );
    try {
      await page.goto('/calendar');
      const chooser = page.waitForEvent('filechooser');
      await button('Import the district calendar (.ics)').click();
      await (await chooser).setFiles(file);
      const review = page.getByRole('region', { name: 'Check the days from Maple Street quarters' });
      await review.waitFor();
      const setTerms = review.getByRole('checkbox', { name: /^Set the school year’s terms: Quarter 1/ });
      // The year has terms already: replacing them waits for the parent.
      expect(await setTerms.isChecked()).toBe(false);
      await review.getByText(/^This replaces the terms the year has now: Quarter 1/).waitFor();
      await expectNoAxeViolations(page, 'a district file that gives terms');
      await setTerms.check();
      await review.getByRole('button', { name: 'Set the terms', exact: true }).click();
      await page
        .getByText(/^Terms: Quarter 1 \(.+\); Quarter 2 \(.+\); Quarter 3 \(.+\) and Quarter 4 \(.+\)\.$/)
        .waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
