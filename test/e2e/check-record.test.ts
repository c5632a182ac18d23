import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
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

// "Check the record" on a phone, after a session's minutes were changed in the database behind the
// app's back: the check names the record and the field in plain words, with both values.

const MONDAY = '2026-11-02T16:00:00.000Z';

describe('checking the record in the browser, after a change behind the app’s back', () => {
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

  it('names the session whose minutes differ from the journal, in plain words', async () => {
    const entry = await server.store.db
      .selectFrom('session_entry')
      .select('id')
      .where('household_id', '=', demo.householdId)
      .where('status', '=', 'delivered')
      .where('minutes_delivered', '=', 30)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`update session_entry set minutes_delivered = 45 where id = ${entry.id}`.execute(
      server.store.db,
    );

    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.goto('/paper-trail?tab=check');
    await page.getByRole('heading', { name: 'Check the record', level: 3 }).waitFor();
    await page.getByRole('button', { name: 'Check now' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Something in the record does not match' });
    await alert
      .getByText(
        'A session entry was changed outside As Written: its minutes delivered is 45 now, but the journal says 30.',
        { exact: false },
      )
      .waitFor();
    await alert.getByText(entry.id, { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'check the record: a record differs');
  });
});
