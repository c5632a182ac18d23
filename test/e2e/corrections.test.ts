import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import { idSource } from '../../src/server/context.ts';
import { createSessionEntry } from '../../src/server/services/session-entries.ts';
import { createStaffLink } from '../../src/server/services/staff-links.ts';
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

// Facts that hold up, in the browser, as the demo parent on Wednesday 2 December 2026. A "delivered"
// speech session was logged by mistake on Thanksgiving Day: she voids it from the ledger's drawer and
// the week's figures return. On the home card she logs "All delivered this week" for Monday and
// Wednesday, then corrects Wednesday to "missed, school event or assembly": the card and the make-up
// minutes owed follow at once, and the timeline keeps both entries. The OT therapist fixes a session
// they confirmed through their staff link, and a behavior incident is voided and brought back. Every page
// and drawer is checked with axe-core; the correction flow is photographed at 360 and 1280 pixels.

const WEDNESDAY = '2026-12-02T16:00:00.000Z';
const SPEECH = 'Speech-language therapy';
const THANKSGIVING = '2026-11-26';

type Ledger = { totals: { deliveredMinutes: number } };
type Week = {
  services: {
    serviceId: string;
    deliveredSessions: number;
    missedSessions: number;
    notYetConfirmed: number | null;
    owedBalanceMinutes: number;
  }[];
};

describe('corrections and voids, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let demo: DemoHousehold;
  let mistakeId: string;
  let parent: { id: string; email: string; displayName: string; language: string | null };

  beforeAll(async () => {
    server = await startServer(WEDNESDAY);
    demo = await seedDemoParent(server);
    const user = await server.store.db
      .selectFrom('user_account')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', DEMO_PARENT.email)
      .executeTakeFirstOrThrow();
    parent = { id: user.id, email: user.email, displayName: user.display_name, language: null };
    // The mistake: a delivered session on Thanksgiving Day (no school), confirmed at the time.
    const entry = await createSessionEntry(
      server.store,
      {
        householdId: demo.householdId,
        actor: { kind: 'user', id: user.id },
        clock: server.clock,
        newId: idSource(server.clock),
      },
      {
        serviceId: demo.services.speech,
        date: THANKSGIVING,
        status: 'delivered',
        source: 'parent',
        nonSchoolDayConfirmed: true,
      },
    );
    mistakeId = entry.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page) {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
  }
  const read = <T>(page: Page, url: string) =>
    page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
  const api = (path: string) => `/api/households/${demo.householdId}${path}`;
  const thanksgivingWeek = (page: Page) =>
    read<Ledger>(page, api(`/services/${demo.services.speech}/ledger?from=2026-11-23&to=2026-11-29`));
  const speechWeek = async (page: Page) =>
    (await read<Week>(page, api(`/children/${demo.childId}/week?date=2026-12-02`))).services.find(
      (s) => s.serviceId === demo.services.speech,
    )!;

  it('voids the Thanksgiving session from the ledger drawer, and the figures return', async () => {
    const { page } = await newPage(browser, server, DESKTOP);
    await signIn(page);
    const before = (await thanksgivingWeek(page)).totals.deliveredMinutes;

    await page.goto(`/ledger/${demo.services.speech}?from=2026-11-23&to=2026-11-29`);
    await page.getByRole('heading', { name: 'Service ledger' }).waitFor();
    await page
      .getByRole('button', { name: `${before} minutes delivered in total, show entries`, exact: true })
      .click();
    const entries = page.getByRole('dialog').filter({ hasText: `${before} minutes delivered` });
    const voidButton = entries.getByRole('button', { name: `Void ${SPEECH}, Thursday, November 26` });
    await voidButton.waitFor();
    await expectNoAxeViolations(page, 'ledger: the entries behind a figure, with Correct and Void');
    await voidButton.click();

    const drawer = page.getByRole('dialog', { name: `Correct: ${SPEECH}, Thursday, November 26` });
    await drawer.getByText('As it is now').waitFor();
    // The correction takes the entries drawer's place (drawers are never stacked): wait until it is gone.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await drawer.getByRole('radio', { name: 'Logged by mistake (void it)' }).isChecked()).toBe(true);
    await drawer.getByLabel('Why (optional)').fill('No school on Thanksgiving: logged on the wrong day');
    await expectNoAxeViolations(page, 'correction drawer: void');
    await drawer.getByRole('button', { name: 'Review the void' }).click();
    await drawer.getByText('Void this entry?').waitFor();
    expect(await drawer.textContent()).toContain('It will no longer count anywhere');
    await expectNoAxeViolations(page, 'correction drawer: confirm the void');
    await screenshot(page, 'correction-void-1280');
    await drawer.getByRole('button', { name: 'Void the entry' }).click();
    await expect.poll(() => drawer.isVisible()).toBe(false);

    // The figures return at once: 30 minutes fewer delivered, in the drawer's title and the summary.
    await page
      .getByRole('dialog')
      .filter({ hasText: `${before - 30} minutes delivered` })
      .first()
      .waitFor();
    expect((await thanksgivingWeek(page)).totals.deliveredMinutes).toBe(before - 30);
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: `${before - 30} minutes delivered in total, show entries`, exact: true })
      .waitFor();
    const stored = await server.store.db
      .selectFrom('session_entry')
      .select(['status', 'corrects_entry_id'])
      .where('corrects_entry_id', '=', mistakeId)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('void');

    // The timeline keeps the entry, struck through, with who voided it and when.
    await page.goto('/timeline');
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page
      .getByText(/^Voided on Dec 2, 2026 by Maria/)
      .first()
      .waitFor();
  });

  it('logs "All delivered this week" for Monday and Wednesday, after a confirmation that lists them', async () => {
    const { page } = await newPage(browser, server, PHONE);
    await signIn(page);
    const card = page.getByRole('region', { name: SPEECH });
    await card.getByRole('button', { name: `All delivered this week: ${SPEECH}` }).click();
    const drawer = page.getByRole('dialog', { name: `All delivered this week: ${SPEECH}` });
    await drawer.getByText('2 sessions are not confirmed yet this week').waitFor();
    await drawer.getByRole('checkbox', { name: 'Monday, November 30' }).check();
    await drawer.getByRole('checkbox', { name: 'Wednesday, December 2' }).check();
    // Two of three days chosen: the third cannot be added.
    expect(await drawer.getByRole('checkbox', { name: 'Tuesday, December 1' }).isDisabled()).toBe(true);
    await drawer
      .getByText(
        'This logs 2 delivered sessions: Monday, November 30 and Wednesday, December 2, 30 minutes each.',
      )
      .waitFor();
    await expectNoAxeViolations(page, 'all delivered this week');
    await drawer.getByRole('button', { name: 'Log 2 as delivered' }).click();
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expect.poll(async () => (await speechWeek(page)).deliveredSessions).toBe(2);
    expect((await speechWeek(page)).notYetConfirmed).toBe(0);
    await card.getByText('Wed, Dec 2: happened, 30 minutes').waitFor();
  });

  it('corrects Wednesday from "delivered" to "missed, school event or assembly" from the home card', async () => {
    const { page } = await newPage(browser, server, PHONE);
    await signIn(page);
    const before = await speechWeek(page);
    const card = page.getByRole('region', { name: SPEECH });
    await card.getByRole('button', { name: `Correct ${SPEECH}, Wed, Dec 2` }).click();
    const drawer = page.getByRole('dialog', { name: `Correct: ${SPEECH}, Wednesday, December 2` });
    await drawer.getByText('As it is now').waitFor();
    await drawer.getByRole('radio', { name: 'It did not happen' }).check();
    await drawer.getByLabel('Reason', { exact: true }).selectOption('school_event');
    await drawer.getByLabel('Reason in your words (optional)').fill('Winter assembly');
    await drawer.getByLabel('Why (optional)').fill('The school log says there was an assembly');
    await expectNoAxeViolations(page, 'correction drawer: changes');
    await screenshot(page, 'correction-360');
    await drawer.getByRole('button', { name: 'Review the change' }).click();
    await drawer
      .getByText('What happened: delivered, 30 minutes becomes missed (School event or assembly)')
      .waitFor();
    await expectNoAxeViolations(page, 'correction drawer: confirm the change');
    await screenshot(page, 'correction-confirm-360');
    await drawer.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => drawer.isVisible()).toBe(false);

    // The card counts the correction at once: one delivered, one missed, 30 more minutes owed.
    await card.getByText('Wed, Dec 2: missed, school event or assembly').waitFor();
    const after = await speechWeek(page);
    expect(after.deliveredSessions).toBe(before.deliveredSessions - 1);
    expect(after.missedSessions).toBe(before.missedSessions + 1);
    expect(after.owedBalanceMinutes).toBe(before.owedBalanceMinutes + 30);
    await card.getByText(`${after.owedBalanceMinutes} make-up minutes owed`).waitFor();
    await expectNoAxeViolations(page, 'home after a correction');

    // The timeline keeps both entries: the first struck through, with who corrected it and when.
    await page.goto('/timeline');
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page
      .getByText(/^Corrected on Dec 2, 2026 by Maria/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'timeline with corrections');
  });

  it('lets the therapist fix a session they confirmed through the staff link', async () => {
    const { token } = await createStaffLink(
      server.store,
      { clock: server.clock, newId: idSource(server.clock) },
      demo.householdId,
      parent,
      { serviceId: demo.services.ot, label: 'Ms. Patel, OT' },
    );
    const { page } = await newPage(browser, server, PHONE);
    await page.goto(`/staff#token=${token}`);
    await page.getByRole('heading', { name: 'Sessions for Emma' }).waitFor();
    await page.getByLabel('Date of the session').fill('2026-12-02');
    await page.getByRole('radio', { name: 'Delivered' }).check();
    await page.getByRole('button', { name: 'Confirm the session' }).click();
    await page.getByText(/^Saved:/).waitFor();

    // It was cut short: the therapist fixes it from their own list.
    await page.getByRole('button', { name: 'Fix this: Occupational therapy, Wednesday, December 2' }).click();
    const fix = page.getByRole('region', { name: 'Fix Occupational therapy, Wednesday, December 2' });
    await fix.getByRole('radio', { name: 'Shorter than planned' }).check();
    await fix.getByLabel('Minutes delivered').fill('20');
    await fix.getByLabel('Reason').selectOption('scheduling_conflict');
    await fix.getByLabel('Note for the family (optional)').fill('We started late');
    await expectNoAxeViolations(page, 'staff page: fixing a confirmation');
    await fix.getByRole('button', { name: 'Review the change' }).click();
    await page.getByText('Save this correction?').waitFor();
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page
      .getByText(/^Corrected: Occupational therapy, Wednesday, December 2: Shorter than planned, 20 minutes/)
      .waitFor();
    await page.getByText(/You confirmed Wednesday, December 2: Shorter than planned, 20 minutes/).waitFor();
    await expectNoAxeViolations(page, 'staff page after a fix');
    const rows = await server.store.db
      .selectFrom('session_entry')
      .select(['status', 'minutes_delivered', 'source', 'recorded_by', 'corrects_entry_id'])
      .where('service_id', '=', demo.services.ot)
      .where('date', '=', '2026-12-02')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.status, Number(r.minutes_delivered), r.source])).toEqual([
      ['delivered', 30, 'provider_link'],
      ['short', 20, 'provider_link'],
    ]);
    expect(rows[1]!.corrects_entry_id).not.toBeNull();
    expect(rows[1]!.recorded_by).toBe(rows[0]!.recorded_by);
  });

  it('voids a behavior incident logged by mistake, and undoes the void', async () => {
    const { page } = await newPage(browser, server, PHONE);
    await signIn(page);
    await page.goto('/behavior');
    const voidButton = page.getByRole('button', { name: /^Void: the incident of / }).first();
    await voidButton.waitFor();
    const name = (await voidButton.getAttribute('aria-label'))!;
    const what = name.replace(/^Void: /, '');
    await voidButton.click();
    const dialog = page.getByRole('dialog', { name: 'Void this record?' });
    await dialog.getByLabel('Why (optional)').fill('Logged for the wrong child');
    await expectNoAxeViolations(page, 'void a record');
    await dialog.getByRole('button', { name: 'Void it' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: `Undo the void: ${what}` }) });
    await item.getByText(/^Voided on Dec 2, 2026 by Maria: Logged for the wrong child/).waitFor();
    await expectNoAxeViolations(page, 'behavior page with a voided incident');
    const voided = await server.store.db
      .selectFrom('behavior_incident')
      .select(['id', 'void_note'])
      .where('voided_at', 'is not', null)
      .execute();
    expect(voided.map((v) => v.void_note)).toEqual(['Logged for the wrong child']);

    await item.getByRole('button', { name: `Undo the void: ${what}` }).click();
    await page
      .getByRole('dialog', { name: 'Count this record again?' })
      .getByRole('button', { name: 'Count it again' })
      .click();
    await page.getByRole('button', { name }).first().waitFor();
    const still = await server.store.db
      .selectFrom('behavior_incident')
      .select('id')
      .where('voided_at', 'is not', null)
      .execute();
    expect(still).toEqual([]);
  });
});
