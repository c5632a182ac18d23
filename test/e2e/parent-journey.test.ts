import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  setToday,
  startServer,
  type TestServer,
} from './browser.ts';

// A parent, on a phone, sets up the child from the article (speech 30 minutes twice a week),
// logs two weeks with an assembly, a snow day and delivered sessions, sees the make-up minutes
// owed on the home screen and in the ledger, then logs a make-up and sees the balance fall.
// Every page visited is checked with axe-core.

const TUESDAY = '2026-09-15T16:00:00.000Z';
const FRIDAY = '2026-09-18T16:00:00.000Z';
const SPEECH = 'Speech-language therapy';

describe('a parent on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(TUESDAY);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });

  async function logSession(date: string, outcome: 'Happened' | "Didn't happen", reason?: string) {
    await button(`Log a session for ${SPEECH}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill(date);
    await dialog.getByRole('button', { name: outcome, exact: true }).click();
    if (reason) await dialog.getByRole('button', { name: reason, exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }

  it('creates the owner account on the first visit', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Welcome to As Written' }).waitFor();
    await expectNoAxeViolations(page, 'setup');
    await page.getByLabel('Your name').fill('Maria');
    await page.getByLabel('Email').fill('maria@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await button('Create my account').click();
  });

  it('is walked through the child, the school calendar, the plan and the speech service', async () => {
    await page.getByLabel('First name').waitFor();
    await expectNoAxeViolations(page, 'onboarding: child');
    await page.getByLabel('First name').fill('Emma');
    await button('Next').click();

    await page.getByLabel('School year name').fill('2026-2027');
    await page.getByLabel('First day of school').fill('2026-09-08');
    await page.getByLabel('Last day of school').fill('2027-06-11');
    // The kind is said outright (it decides whether the day is a school day): a holiday.
    expect(await page.getByLabel('What kind of day?').inputValue()).toBe('holiday');
    await page.getByLabel('Day off (or first day)').fill('2026-10-12');
    await page.getByLabel('What is it called?').fill("Indigenous Peoples' Day");
    await button('Add day off').click();
    await page.getByText("Indigenous Peoples' Day").first().waitFor();
    await expectNoAxeViolations(page, 'onboarding: calendar');
    await button('Next').click();

    await page.getByLabel('State or province').selectOption('CA');
    await page.getByLabel('Plan starts').fill('2026-09-08');
    await page.getByLabel('Plan ends').fill('2027-06-11');
    await expectNoAxeViolations(page, 'onboarding: plan');
    await button('Next').click();

    await page
      .getByLabel('Service as written in the IEP')
      .fill(`${SPEECH}, 30 minutes 2 times per week, pull-out`);
    await button('Read it').click();
    await page
      .getByText(/30 minutes/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'onboarding: services');
    await button('Add service').click();
    await page.getByText(SPEECH).first().waitFor();
    await button('Next').click();

    await page
      .getByLabel('Accommodations, one per line')
      .fill('• Preferential seating near the teacher\n• Extended time (1.5x) on tests and quizzes');
    await button('Add these').click();
    await page.getByText('Added 2 accommodations').waitFor();
    await page.getByText('Extended time (1.5x) on tests and quizzes').first().waitFor();
    await expectNoAxeViolations(page, 'onboarding: accommodations');
    await button('Next').click();
    await expectNoAxeViolations(page, 'onboarding: done');
    await button('Finish').click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await button(`Log a session for ${SPEECH}`).waitFor();
  });

  it('shows a refused save next to its field and keeps what was entered', async () => {
    await button(`Log a session for ${SPEECH}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill('2026-12-25');
    await dialog.getByRole('button', { name: 'Happened', exact: true }).click();
    const date = dialog.getByLabel('Date');
    await expect.poll(async () => date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    const message = await page
      .locator(
        `[id="${describedBy.split(' ').find((id) => id.includes('error')) ?? describedBy.split(' ')[0]}"]`,
      )
      .textContent();
    expect(message).toMatch(/future/i);
    expect(await date.inputValue()).toBe('2026-12-25');
    expect(await dialog.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'logging drawer with an error');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('closes the logging sheet with the phone’s Back button, and stays on the page', async () => {
    await button(`Log a session for ${SPEECH}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').waitFor();
    const before = page.url();
    await page.goBack();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(page.url()).toBe(before);
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    // Closing it with its own button does not leave a Back step behind that goes nowhere.
    await button(`Log a session for ${SPEECH}`).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
  });

  it('logs an assembly, a snow day and delivered sessions, and sees the make-up minutes owed', async () => {
    await expectNoAxeViolations(page, 'this week');
    await logSession('2026-09-08', 'Happened');
    await logSession('2026-09-10', "Didn't happen", 'School event or assembly');

    // Snow day, today (Tuesday 15 September): one tap closes school, then the session is logged.
    await button('School closed today').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, school is closed' }).click();
    await page.getByRole('heading', { name: /No school (today|this week)/ }).waitFor();
    await logSession('2026-09-15', "Didn't happen", 'School closed');

    await setToday(server, [page], FRIDAY);
    await page.reload();
    await button(`Log a session for ${SPEECH}`).waitFor();
    await logSession('2026-09-17', 'Happened');

    await expect.poll(async () => page.getByText(/60 make-up minutes owed/i).count()).toBeGreaterThan(0);
    await screenshot(page, 'home-360');
    await expectNoAxeViolations(page, 'this week, after logging');
  });

  it('sees the same owed minutes in the ledger', async () => {
    await page.goto('/ledger');
    await page
      .getByRole('heading', { name: /ledger/i })
      .first()
      .waitFor();
    await button('60 make-up minutes still owed in total, show entries').waitFor();
    await button('120 minutes required in total, show entries').waitFor();
    await button('60 minutes delivered in total, show entries').click();
    const drawer = page.getByRole('dialog', { name: '60 minutes delivered in total' });
    await expect.poll(async () => drawer.getByRole('listitem').count()).toBe(2);
    await expectNoAxeViolations(page, 'ledger entries drawer');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect.poll(async () => page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, 'ledger-360');
    await expectNoAxeViolations(page, 'ledger');
  });

  it('logs a make-up and sees the balance fall', async () => {
    await page.goto('/');
    await button(`Log a make-up for ${SPEECH}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Minutes made up').fill('30');
    await screenshot(page, 'logging-makeup-360');
    await expectNoAxeViolations(page, 'make-up drawer');
    await dialog.getByRole('button', { name: 'Save make-up' }).click();
    await expect.poll(async () => page.getByText(/30 make-up minutes owed/i).count()).toBeGreaterThan(0);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.goto('/ledger');
    await button('30 make-up minutes still owed in total, show entries').waitFor();
  });

  it('shows the plan, the timeline and the household, each without accessibility violations', async () => {
    for (const [path, heading] of [
      ['/plan', /Plan/],
      ['/timeline', /Timeline/],
      ['/household', /Household/],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await expectNoAxeViolations(page, path);
    }
  });

  it('looks right on a desktop too', async () => {
    const { context, page: desk } = await newPage(browser, server, DESKTOP);
    await context.addCookies(await page.context().cookies());
    await desk.goto('/');
    await desk.getByRole('button', { name: `Log a session for ${SPEECH}` }).waitFor();
    await screenshot(desk, 'home-1280');
    await desk.getByRole('button', { name: `Log a session for ${SPEECH}` }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Happened', exact: true }).waitFor();
    await screenshot(desk, 'logging-1280');
    await expectNoAxeViolations(desk, 'logging drawer, desktop');
    await desk.keyboard.press('Escape');
    await expect.poll(async () => desk.getByRole('dialog').count()).toBe(0);
    await desk.goto('/ledger');
    await desk
      .getByRole('heading', { name: /ledger/i })
      .first()
      .waitFor();
    await desk.waitForTimeout(300);
    await screenshot(desk, 'ledger-1280');
    await expectNoAxeViolations(desk, 'ledger, desktop');
    await context.close();
  });

  it('logs a session by keyboard alone', async () => {
    await page.goto('/');
    const card = button(`Log a session for ${SPEECH}`);
    await card.waitFor();
    // Tab until the log button has focus, then use only the keyboard.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await card.evaluate((el) => el === document.activeElement)) break;
    }
    expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Happened', exact: true }).waitFor();
    await screenshot(page, 'logging-360');
    const happened = dialog.getByRole('button', { name: 'Happened', exact: true });
    for (let i = 0; i < 20; i++) {
      if (await happened.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    expect(await happened.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const entries = await server.store.db
      .selectFrom('session_entry')
      .select(['date', 'status'])
      .where('date', '=', '2026-09-18')
      .where('kind', '=', 'scheduled')
      .execute();
    expect(entries).toEqual([{ date: '2026-09-18', status: 'delivered' }]);
  });
});
