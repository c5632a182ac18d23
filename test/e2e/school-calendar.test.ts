import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import {
  DEMO_PARENT,
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  setToday,
  startServer,
  type TestServer,
} from './browser.ts';

// The demo parent on a phone, on Thursday 3 December 2026 (the demo's year 2026-27): adds last
// Tuesday's closure on the School calendar page and sees it in "This week"; logs a session on
// Thanksgiving, is asked "Are you sure?", and confirms; marks school closed today and undoes it; and
// on Saturday, a new session starts on Friday, the last school day. The calendar page is checked with
// axe-core and photographed at 360 px and 1280 px.

const THURSDAY = '2026-12-03T16:00:00.000Z';
const SATURDAY = '2026-12-05T16:00:00.000Z';
const SPEECH = 'Speech-language therapy';

describe('the school calendar, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let demo: DemoHousehold;

  beforeAll(async () => {
    server = await startServer(THURSDAY);
    demo = await seedDemoParent(server);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const button = (name: string) => page.getByRole('button', { name, exact: true });

  it('signs in and opens the School calendar page from the menu', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await button('Sign in').click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'School calendar' })
      .click();
    await page.getByRole('heading', { name: 'School calendar', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Maple Street Elementary 2026-2027' }).waitFor();
    // On a phone the year is a list, month by month, each day with its kind in words.
    const days = page.getByRole('region', { name: 'Days off and early dismissals' });
    await days.getByText('Thanksgiving break').waitFor();
    expect(await days.getByText('Snow day (early storm)').count()).toBe(1);
    expect(await page.locator('table').first().isVisible()).toBe(false);
    await expectNoAxeViolations(page, 'school calendar (phone)');
    await screenshot(page, 'school-calendar-360');
  });

  it('adds last Tuesday’s closure, and sees it at once in This week', async () => {
    const add = page.getByRole('region', { name: 'Add a day' });
    await add.getByLabel('What kind of day?').selectOption('closure');
    await add.getByLabel('Day (or first day)').fill('2026-12-01');
    await add.getByLabel('What is it called? (optional)').fill('Water main break');
    await add.getByRole('button', { name: 'Add to the calendar' }).click();
    const days = page.getByRole('region', { name: 'Days off and early dismissals' });
    await days.getByText(/Water main break/).waitFor();
    const saved = await server.store.db
      .selectFrom('calendar_event')
      .select(['kind', 'start_date', 'end_date', 'label'])
      .where('label', '=', 'Water main break')
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      kind: 'closure',
      start_date: '2026-12-01',
      end_date: null,
      label: 'Water main break',
    });

    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'This week' }).click();
    const noSchool = page.getByRole('region', { name: 'No school this week' });
    await noSchool.getByText(/Water main break/).waitFor();
    expect(await noSchool.textContent()).toContain('Dec 1');
  });

  it('asks “Are you sure?” for a session on Thanksgiving, and saves it once confirmed', async () => {
    await page.getByRole('button', { name: `Log a session for ${SPEECH}` }).click();
    const dialog = page.getByRole('dialog', { name: `Log a session: ${SPEECH}` });
    await dialog.getByLabel('Date').fill('2026-11-26');
    await dialog.getByText('Are you sure? Thursday, November 26 is Thanksgiving break.').waitFor();
    await expectNoAxeViolations(page, 'logging a session on a day with no school');
    // Not confirmed: nothing is sent.
    await dialog.getByRole('button', { name: 'Happened', exact: true }).click();
    await dialog.getByText(/Tick “I’m sure”/).waitFor();
    const before = await server.store.db
      .selectFrom('session_entry')
      .select('id')
      .where('date', '=', '2026-11-26')
      .execute();
    expect(before).toEqual([]);
    await dialog.getByLabel('I’m sure, it happened on this day').check();
    await dialog.getByRole('button', { name: 'Happened', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const saved = await server.store.db
      .selectFrom('session_entry')
      .select(['service_id', 'status', 'non_school_day_confirmed'])
      .where('date', '=', '2026-11-26')
      .execute();
    expect(
      saved.map((r) => ({ ...r, non_school_day_confirmed: Number(r.non_school_day_confirmed) })),
    ).toEqual([{ service_id: demo.services.speech, status: 'delivered', non_school_day_confirmed: 1 }]);
  });

  it('marks school closed today on a school day, and undoes it from the home screen', async () => {
    await button('School closed today').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, school is closed' }).click();
    await page.getByText('School is marked closed today (School closed).').waitFor();
    await page.getByRole('heading', { name: 'No school today' }).waitFor();
    await button('Undo for today').click();
    await button('School closed today').waitFor();
    const left = await server.store.db
      .selectFrom('calendar_event')
      .select('id')
      .where('start_date', '=', '2026-12-03')
      .execute();
    expect(left).toEqual([]);
  });

  it('on a Saturday, offers no “School closed today”, and a new session starts on Friday, saying so', async () => {
    await setToday(server, [page], SATURDAY);
    await page.reload();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.getByRole('button', { name: `Log a session for ${SPEECH}` }).waitFor();
    expect(await button('School closed today').count()).toBe(0);
    await page.getByRole('button', { name: `Log a session for ${SPEECH}` }).click();
    const dialog = page.getByRole('dialog', { name: `Log a session: ${SPEECH}` });
    await dialog.getByText('Saturday: showing Friday, December 4, the last school day.').waitFor();
    expect(await dialog.getByLabel('Date').inputValue()).toBe('2026-12-04');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('shows the year as a month grid on a computer, with a legend that names each kind', async () => {
    const { context, page: desktop } = await newPage(browser, server, DESKTOP);
    try {
      await desktop.goto('/');
      await desktop.getByLabel('Email').fill(DEMO_PARENT.email);
      await desktop.locator('input[type="password"]').fill(DEMO_PARENT.password);
      await desktop.getByRole('button', { name: 'Sign in', exact: true }).click();
      await desktop.getByRole('heading', { name: 'Emma’s week' }).waitFor();
      await desktop
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: 'School calendar' })
        .click();
      await desktop.getByRole('heading', { name: 'School calendar', level: 2 }).waitFor();
      const november = desktop
        .locator('table')
        .filter({ has: desktop.locator('caption', { hasText: 'November 2026' }) });
      await november.waitFor();
      // Thanksgiving is a break by colour, symbol and name (for screen readers).
      await november.getByText('Break: Thanksgiving break').first().waitFor({ state: 'attached' });
      const legend = desktop.getByRole('list', { name: 'Legend' });
      for (const kind of ['Holiday', 'Break', 'School closed', 'Early dismissal'])
        await legend.getByText(kind).first().waitFor();
      await expectNoAxeViolations(desktop, 'school calendar (computer)');
      await screenshot(desktop, 'school-calendar-1280');
    } finally {
      await context.close();
    }
  });
});
