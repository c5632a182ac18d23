import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import {
  DEMO_PARENT,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// The demo parent on a phone, on Thursday 3 December 2026, marks Tuesday as a day Emma was absent from
// school on the School calendar page, is told when a day cannot be marked (a Saturday, a day already
// marked), sees it listed, and removes it. The section is checked with axe-core.

const THURSDAY = '2026-12-03T16:00:00.000Z';

describe('school absences, in the browser', () => {
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

  it('marks Tuesday absent from school, refuses a Saturday, and removes the mark', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.goto('/calendar');
    const section = page.getByRole('region', { name: 'Days Emma was absent from school' });
    await section.getByText('None marked.').waitFor();
    await expectNoAxeViolations(page, 'school calendar with absences (phone)');

    const form = section.getByRole('form', { name: 'Mark a day absent from school' });
    await form.getByLabel('Day absent').fill('2026-12-01');
    await form.getByLabel('Why (optional)').fill('Home sick');
    await form.getByRole('button', { name: 'Mark absent' }).click();
    await section.getByText(/Home sick/).waitFor();
    const saved = await server.store.db
      .selectFrom('school_absence')
      .select(['child_id', 'date', 'note'])
      .execute();
    expect(saved).toEqual([{ child_id: demo.childId, date: '2026-12-01', note: 'Home sick' }]);

    // A Saturday has no school to miss: the message is at the date, in words.
    await form.getByLabel('Day absent').fill('2026-11-28');
    await form.getByRole('button', { name: 'Mark absent' }).click();
    await form.getByText(/not a school day/).waitFor();
    expect(await server.store.db.selectFrom('school_absence').select('id').execute()).toHaveLength(1);

    await section.getByRole('button', { name: /Remove the absence of/ }).click();
    await section.getByText('None marked.').waitFor();
    expect(await server.store.db.selectFrom('school_absence').select('id').execute()).toHaveLength(0);
    await expectNoAxeViolations(page, 'school calendar after removing an absence (phone)');
  });
});
