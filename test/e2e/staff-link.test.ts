import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// The owner signs in, makes a staff link for speech, and the therapist (no account, another
// browser) confirms a session through it; once revoked, the link stops working.

describe('the staff confirmation link, in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('2026-11-04T16:00:00.000Z');
    await seedDemoParent(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is made by the parent, used by the therapist without an account, and stops when revoked', async () => {
    const { page } = await newPage(browser, server, PHONE);
    await page.goto('/');
    await page.getByLabel('Email').fill('parent@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await expectNoAxeViolations(page, 'sign in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();

    await page.goto('/household');
    await page.getByRole('heading', { name: 'Household' }).first().waitFor();
    await expectNoAxeViolations(page, 'household');
    await page.getByRole('textbox', { name: 'Who it is for' }).fill('Mr. Chen, SLP');
    await page.getByRole('button', { name: 'Create the staff link' }).click();
    const linkBox = page.getByRole('textbox', { name: 'Staff link' });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(/\/staff#token=[A-Za-z0-9_-]{43}$/);

    const staff = await newPage(browser, server, PHONE);
    await staff.page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await staff.page.getByRole('heading', { name: 'Sessions for Emma' }).waitFor();
    await expectNoAxeViolations(staff.page, 'staff page');
    expect(await staff.page.content()).not.toContain('Rivera-Demo');
    await staff.page.getByRole('radio', { name: 'Delivered' }).check();
    await staff.page.getByRole('button', { name: 'Confirm the session' }).click();
    await staff.page.getByText(/^Saved:/).waitFor();
    const confirmed = await server.store.db
      .selectFrom('session_entry')
      .select(['source', 'status'])
      .where('source', '=', 'provider_link')
      .execute();
    expect(confirmed.length).toBe(1);

    await page.getByRole('button', { name: 'Revoke the link for Mr. Chen, SLP' }).click();
    await page.getByRole('button', { name: 'Yes, revoke the link' }).click();
    await page.getByText('Revoked').first().waitFor();
    await staff.page.reload();
    await staff.page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    await expectNoAxeViolations(staff.page, 'staff page, revoked');
    await staff.context.close();
  });

  it('logs an accommodation that was not provided, and sees the patterns with what to ask', async () => {
    const { page, context } = await newPage(browser, server, PHONE);
    await page.goto('/');
    await page.getByLabel('Email').fill('parent@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.getByRole('button', { name: 'Log an accommodation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an accommodation' });
    await dialog
      .getByLabel('Accommodation')
      .selectOption({ label: 'Extended time (1.5x) on tests and quizzes' });
    await dialog.getByLabel('Class or subject (optional)').fill('Spelling');
    await expectNoAxeViolations(page, 'accommodation sheet');
    await dialog.getByRole('button', { name: 'Not provided', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByText('Not provided once this week').first().waitFor();
    const saved = await server.store.db
      .selectFrom('accommodation_observation')
      .select(['outcome', 'class_name'])
      .where('date', '=', '2026-11-04')
      .execute();
    expect(saved).toEqual([{ outcome: 'not_provided', class_name: 'Spelling' }]);

    await page.goto('/accommodations');
    await page.getByRole('heading', { name: 'Accommodations' }).first().waitFor();
    await page.getByText('What to ask').first().waitFor();
    await expectNoAxeViolations(page, 'accommodations');
    await context.close();
  });
});
