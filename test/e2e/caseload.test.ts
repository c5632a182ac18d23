import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { idSource } from '../../src/server/context.ts';
import type { User } from '../../src/server/services/accounts.ts';
import { createHousehold } from '../../src/server/services/households.ts';
import { createSessionEntry } from '../../src/server/services/session-entries.ts';
import {
  addMember,
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

// The advocate's caseload (issue 18) in the browser: an advocate in three households (the demo household,
// the same story in Spanish, and a family with no child yet) opens the caseload from the menu on a phone,
// sees the three families most urgent first, searches, filters, and opens one; on a wide screen, a table.

const ADVOCATE = { email: 'ada@example.org', password: DEMO_PARENT.password };
const SPANISH_FAMILY = 'Familia de demostración (la historia del artículo)';

describe('the caseload, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let english: DemoHousehold;
  let spanish: DemoHousehold;
  let advocate: User;

  beforeAll(async () => {
    server = await startServer('2026-11-29T15:00:00.000Z');
    english = await seedDemoParent(server);
    spanish = await seedDemoHousehold(server.store, server.clock, undefined, 'es');
    const env = { clock: server.clock, newId: idSource(server.clock) };
    // A speech session missed last week in the Spanish household: 30 make-up minutes more owed than four
    // weeks ago there, none more in the English one.
    await createSessionEntry(
      server.store,
      { householdId: spanish.householdId, actor: { kind: 'cli', id: 'test' }, ...env },
      {
        serviceId: spanish.services.speech,
        date: '2026-11-24',
        kind: 'scheduled',
        status: 'missed',
        reason: 'school_event',
        reasonText: 'Assembly',
        source: 'parent',
      },
    );
    const empty = await createHousehold(
      server.store,
      { actor: { kind: 'cli', id: 'test' }, ...env },
      { name: 'Nguyen family' },
    );
    advocate = await addMember(server, english.householdId, {
      email: ADVOCATE.email,
      displayName: 'Ada',
      role: 'advocate',
      password: ADVOCATE.password,
    });
    for (const householdId of [spanish.householdId, empty.id]) {
      await server.store.db
        .insertInto('membership')
        .values({
          id: env.newId(),
          household_id: householdId,
          user_id: advocate.id,
          role: 'advocate',
          created_at: server.clock.now(),
          updated_at: server.clock.now(),
        })
        .execute();
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(viewport: typeof PHONE) {
    const opened = await newPage(browser, server, viewport);
    await opened.page.goto('/');
    await opened.page.getByLabel('Email').fill(ADVOCATE.email);
    await opened.page.locator('input[type="password"]').fill(ADVOCATE.password);
    await opened.page.getByRole('button', { name: 'Sign in' }).click();
    await opened.page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    return opened;
  }

  it('lists the three families on a phone, searches, filters, and opens one', async () => {
    const { page, context } = await signedIn(PHONE);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('link', { name: 'Caseload' }).click();
    await page.getByRole('heading', { name: 'Caseload' }).waitFor();

    const openLinks = page.getByRole('link', { name: /^Open / });
    await page.getByText('3 rows of 3').waitFor();
    expect(await openLinks.count()).toBe(3);
    // Most urgent first: the two demo families (a reply overdue), then the family with nothing yet.
    const names = await openLinks.allTextContents();
    expect(names.at(-1)).toBe('Nguyen family');
    // On a phone, one card per row (the table is for wide screens).
    const cards = page.getByRole('main').getByRole('listitem');
    expect(await cards.count()).toBe(3);
    await cards.last().getByText('No child yet').waitFor();
    // The minutes owed with how they moved in four weeks: the Spanish family's missed session is new.
    await cards.first().getByText('355 (30 more than 4 weeks ago)').waitFor();
    await cards.nth(1).getByText('325 (the same as 4 weeks ago)').waitFor();
    expect(await cards.filter({ hasText: 'Urgent' }).count()).toBe(2);
    await expectNoAxeViolations(page, 'the caseload on a phone');
    await screenshot(page, 'caseload-360');

    await page.getByLabel('Search by family or child').fill('nguyen');
    await page.getByText('1 row of 3').waitFor();
    expect(await openLinks.allTextContents()).toEqual(['Nguyen family']);
    await page.getByLabel('Search by family or child').fill('emma');
    await page.getByText('2 rows of 3').waitFor();
    await page.getByLabel('Search by family or child').fill('');
    await page.getByText('3 rows of 3').waitFor();

    await page.getByRole('checkbox', { name: 'Minutes owed went up in 4 weeks' }).check();
    await page.getByText('1 row of 3').waitFor();
    expect(await openLinks.allTextContents()).toEqual([SPANISH_FAMILY]);
    await page.getByRole('checkbox', { name: 'Minutes owed went up in 4 weeks' }).uncheck();
    await page.getByRole('checkbox', { name: 'Make-up minutes owed' }).check();
    await page.getByText('2 rows of 3').waitFor();
    expect(await openLinks.allTextContents()).not.toContain('Nguyen family');
    await page.getByRole('checkbox', { name: 'Replies overdue' }).check();
    await page.getByText('2 rows of 3').waitFor();
    await page.getByRole('checkbox', { name: 'A deadline within 30 days' }).check();
    await page.getByText('No family matches the search and filters.').waitFor();
    await expectNoAxeViolations(page, 'the caseload, filtered to nothing');
    await page.getByRole('checkbox', { name: 'A deadline within 30 days' }).uncheck();
    await page.getByText('2 rows of 3').waitFor();

    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/caseload.csv',
    );

    await page.getByRole('link', { name: `Open ${SPANISH_FAMILY}, Emma` }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('as-written.household'))).toBe(spanish.householdId);
    expect(await page.evaluate(() => localStorage.getItem('as-written.child'))).toBe(spanish.childId);
    await context.close();
  });

  it('shows a table on a wide screen', async () => {
    const { page, context } = await signedIn(DESKTOP);
    await page.goto('/caseload');
    const table = page.getByRole('table', { name: 'Families, the most urgent first' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(4);
    await table.getByRole('columnheader', { name: 'Minutes owed' }).waitFor();
    await table.getByText('30 more than 4 weeks ago').waitFor();
    await expectNoAxeViolations(page, 'the caseload on a wide screen');
    await context.close();
  });

  it('is not in the menu of a parent with one household', async () => {
    const { page, context } = await newPage(browser, server, DESKTOP);
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.getByRole('link', { name: 'Ledger' }).waitFor();
    expect(await page.getByRole('link', { name: 'Caseload' }).count()).toBe(0);
    await context.close();
  });
});
