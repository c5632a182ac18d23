import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PARENT,
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// The demo parent on a phone brings the district's calendar in from its .ics file: the list to check
// shows each event with the kind of day proposed, the ones to check first and the days already on the
// calendar marked and left unticked; the parent changes one, adds the rest, and the calendar shows
// them (Thanksgiving break among them). The review is checked with axe-core.

const THURSDAY = '2026-12-03T16:00:00.000Z';
const FIXTURE = join(import.meta.dirname, '../fixtures/calendars/district-2026-27.ics');

describe('bringing in the district calendar, in the browser', () => {
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

  const days = () => page.getByRole('region', { name: 'Days off and early dismissals' });

  it('opens the School calendar page, and takes the demo’s Thanksgiving break off', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'School calendar' })
      .click();
    await page.getByRole('heading', { name: 'School calendar', level: 2 }).waitFor();
    await days().getByText('Thanksgiving break').waitFor();
    await days()
      .getByRole('button', { name: /^Remove Thanksgiving break/ })
      .click();
    await expect.poll(() => days().getByText('Thanksgiving break').count()).toBe(0);
  });

  it('reads the file into a list to check, and saves nothing yet', async () => {
    const before = await server.store.db.selectFrom('calendar_event').select('id').execute();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import the district calendar (.ics)' }).click();
    await (await chooser).setFiles(FIXTURE);
    const review = page.getByRole('region', { name: 'Check the days from Cedar Falls Unified 2026-27' });
    await review.waitFor();

    const thanksgiving = review.getByRole('checkbox', { name: /^Add “Thanksgiving Break”/ });
    expect(await thanksgiving.isChecked()).toBe(true);
    // The demo has the same winter break: marked, and left unticked.
    const winter = review.getByRole('listitem').filter({ hasText: 'Winter Break' });
    await winter.getByText('Already on the calendar').waitFor();
    expect(await winter.getByRole('checkbox').isChecked()).toBe(false);
    // The rows to check come first, with their reason.
    const first = review.getByRole('listitem').first();
    await first.getByText('Check', { exact: true }).waitFor();
    // School events wait behind a button.
    expect(await review.getByText('Picture Day', { exact: true }).count()).toBe(0);
    await review.getByRole('button', { name: /^Show the other \d+ events/ }).click();
    await review.getByText('Picture Day', { exact: true }).waitFor();

    await first.scrollIntoViewIfNeeded();
    await screenshot(page, 'district-calendar-360');
    await expectNoAxeViolations(page, 'the district calendar review (phone)');
    await page.setViewportSize(DESKTOP);
    await expectNoAxeViolations(page, 'the district calendar review (computer)');
    await page.setViewportSize(PHONE);
    expect(await server.store.db.selectFrom('calendar_event').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('changes one day’s kind, adds the rest, and the calendar shows them', async () => {
    const review = page.getByRole('region', { name: 'Check the days from Cedar Falls Unified 2026-27' });
    await review.getByLabel(/^Kind of day for “Staff Development Day”/).selectOption('none');
    expect(await review.getByRole('checkbox', { name: /^Add “Staff Development Day”/ }).isChecked()).toBe(
      false,
    );
    const add = review.getByRole('button', { name: /^Add \d+ days? to the calendar$/ });
    const words = (await add.textContent()) ?? '';
    const count = Number(/Add (\d+)/.exec(words)?.[1]);
    expect(count).toBeGreaterThanOrEqual(4);
    await add.click();
    await page.getByText(`Added ${count} days from the district calendar.`).first().waitFor();
    await days()
      .getByText(/Thanksgiving Break/)
      .waitFor();
    await days()
      .getByText(/Teacher In-Service – No School for Students/)
      .waitFor();

    const saved = await server.store.db
      .selectFrom('calendar_event')
      .select(['kind', 'start_date', 'end_date'])
      .where('label', '=', 'Thanksgiving Break')
      .execute();
    expect(saved).toEqual([{ kind: 'break', start_date: '2026-11-25', end_date: '2026-11-27' }]);
    const staff = await server.store.db
      .selectFrom('calendar_event')
      .select('id')
      .where('label', '=', 'Staff Development Day')
      .execute();
    expect(staff).toEqual([]);
  });
});
