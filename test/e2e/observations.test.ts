import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import { FINDING_RULES } from '../../src/domain/implementation-patterns.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// A parent on a phone records what happens beyond therapy sessions, on the demo household (the article's
// story), on Wednesday 4 November 2026: an accommodation not given on three substitute days (and the
// Accommodations page then asks about substitutes), a hard day against the behavior plan, a goal's data
// point, and a class in the weekly timetable. Every new page is checked with axe-core.

const WEDNESDAY = '2026-11-04T16:00:00.000Z';
const SEATING = 'Preferential seating near the teacher and away from distractions';
const SENSORY_BREAK = 'Offer a sensory break before transitions; give a two-minute warning';

type Finding = { rule: string; subjectId: string; message: string };

describe('observations, in the browser on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let demo: DemoHousehold;

  beforeAll(async () => {
    server = await startServer(WEDNESDAY);
    demo = await seedDemoParent(server);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The substitute-day findings of the patterns endpoint, read through the signed-in page. */
  async function substituteFindings(): Promise<Finding[]> {
    const url = `/api/households/${demo.householdId}/children/${demo.childId}/patterns?from=2026-09-08&to=2026-11-04`;
    const body = await page.evaluate(async (u) => (await fetch(u)).json(), url);
    return (body as { findings: Finding[] }).findings.filter(
      (f) => f.rule === FINDING_RULES.substituteLapses,
    );
  }

  it('signs in', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill('parent@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
  });

  it('logs an accommodation not provided on three substitute days, and sees the substitute-day pattern', async () => {
    const seating = await server.store.db
      .selectFrom('accommodation')
      .select('id')
      .where('text', '=', SEATING)
      .executeTakeFirstOrThrow();

    // Before: the demo already shows the pattern for extended time, but not for seating.
    await page.goto('/accommodations');
    await page.getByRole('heading', { name: 'Accommodations', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Each accommodation' }).waitFor();
    const substituteCards = page.getByRole('article').filter({ hasText: 'substitute day' });
    await expect.poll(() => substituteCards.filter({ hasText: 'Extended time' }).count()).toBe(1);
    expect(await substituteCards.filter({ hasText: 'Preferential seating' }).count()).toBe(0);
    const before = await substituteFindings();
    expect(before.map((f) => f.subjectId)).not.toContain(seating.id);

    // Three school days this week, through the home screen's sheet.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    for (const date of ['2026-11-02', '2026-11-03', '2026-11-04']) {
      await page.getByRole('button', { name: 'Log an accommodation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log an accommodation' });
      await dialog.getByLabel('Accommodation').selectOption({ label: SEATING });
      await dialog.getByLabel('Date').fill(date);
      await dialog.getByLabel('Who was teaching').selectOption({ label: 'Substitute' });
      await dialog.getByRole('button', { name: 'Not provided', exact: true }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
    const saved = await server.store.db
      .selectFrom('accommodation_observation')
      .select(['date', 'outcome', 'teacher_kind'])
      .where('accommodation_id', '=', seating.id)
      .where('date', '>=', '2026-11-01')
      .orderBy('date')
      .execute();
    expect(saved).toEqual([
      { date: '2026-11-02', outcome: 'not_provided', teacher_kind: 'substitute' },
      { date: '2026-11-03', outcome: 'not_provided', teacher_kind: 'substitute' },
      { date: '2026-11-04', outcome: 'not_provided', teacher_kind: 'substitute' },
    ]);

    // After: the Accommodations page asks whether substitutes get the accommodation list.
    await page.goto('/accommodations');
    await page.getByRole('heading', { name: 'Each accommodation' }).waitFor();
    const seatingCard = substituteCards.filter({ hasText: 'Preferential seating' });
    await expect.poll(() => seatingCard.count()).toBe(1);
    await seatingCard.getByText('on 3 of 3 substitute days').waitFor();
    await seatingCard.getByText(/Do substitutes get the accommodation list\?/).waitFor();
    const after = await substituteFindings();
    expect(after.map((f) => f.subjectId)).toContain(seating.id);
  });

  it('records a hard day with a skipped step on the Behavior page and sees it listed', async () => {
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Behavior' }).click();
    await page.getByRole('heading', { name: 'Behavior', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'The behavior plan' }).waitFor();
    await page.getByText(SENSORY_BREAK).first().waitFor();
    // The demo's incidents already show the plan's patterns, as questions.
    await page.getByRole('heading', { name: 'The plan’s rewards are not being used' }).waitFor();
    await expectNoAxeViolations(page, 'behavior');
    await screenshot(page, 'behavior-360');

    await page.getByRole('button', { name: 'Record what happened' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record what happened' });
    await dialog.getByLabel('What happened').fill('Upset when the schedule changed; sent to the hallway');
    const step = dialog.getByRole('radiogroup', { name: new RegExp(SENSORY_BREAK.slice(0, 30)) });
    await step.getByText('Skipped', { exact: true }).click();
    await expect.poll(() => step.getByRole('radio', { name: 'Skipped' }).isChecked()).toBe(true);
    await dialog
      .getByRole('radiogroup', { name: 'Was the reward in the plan used?' })
      .getByText('No', { exact: true })
      .click();
    await expectNoAxeViolations(page, 'behavior: record what happened');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const item = page
      .getByRole('region', { name: 'What happened, most recent first' })
      .getByRole('listitem')
      .filter({ hasText: 'Upset when the schedule changed' });
    await item.waitFor();
    await item.getByText(`Skipped: ${SENSORY_BREAK}`).waitFor();
    await item.getByText('Reward in the plan used: no').waitFor();
    const saved = await server.store.db
      .selectFrom('behavior_incident')
      .select(['date', 'steps_followed', 'steps_skipped', 'reward_used'])
      .where('summary', '=', 'Upset when the schedule changed; sent to the hallway')
      .executeTakeFirstOrThrow();
    const sensory = await server.store.db
      .selectFrom('behavior_step')
      .select('id')
      .where('text', '=', SENSORY_BREAK)
      .executeTakeFirstOrThrow();
    expect(saved.date).toBe('2026-11-04');
    expect(JSON.parse(saved.steps_skipped)).toEqual([sensory.id]);
    expect(JSON.parse(saved.steps_followed)).toEqual([]);
    expect(Number(saved.reward_used)).toBe(0);
    // The new day is among the entries behind the question about the skipped step.
    await page
      .locator(`article[data-rule="${FINDING_RULES.stepSkipped}"]`)
      .getByText('Upset when the schedule changed', { exact: false })
      .waitFor();
  });

  it('adds a data point to a goal and sees it with the trend', async () => {
    await page.goto('/goals');
    await page.getByRole('heading', { name: 'Goals', level: 2 }).waitFor();
    const card = page.getByRole('article', { name: 'Reading goal' });
    await card.getByText('63 words correct per minute').waitFor();
    await card.getByRole('button', { name: 'Add a data point: Reading goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a data point: Reading goal' });
    await dialog.getByLabel('What was measured').fill('66 words correct per minute');
    await dialog.getByLabel('The number (optional)').fill('66');
    await dialog.getByLabel('Where it comes from').selectOption({ label: 'Teacher or therapist' });
    await expectNoAxeViolations(page, 'goals: add a data point');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await card.getByText('66 words correct per minute').first().waitFor();
    await card.getByText(/Trend: from 60 .* to 66 .*the target is 90/).waitFor();
    const saved = await server.store.db
      .selectFrom('goal_progress')
      .select(['date', 'value', 'numeric_value', 'source'])
      .where('value', '=', '66 words correct per minute')
      .executeTakeFirstOrThrow();
    expect({ ...saved, numeric_value: Number(saved.numeric_value) }).toEqual({
      date: '2026-11-04',
      value: '66 words correct per minute',
      numeric_value: 66,
      source: 'teacher',
    });
    await expectNoAxeViolations(page, 'goals');
    // The picture: the reading goal with its trend, without the "Saved" message.
    await page.reload();
    const heading = page.getByRole('heading', { name: 'Reading goal' });
    await card.getByText(/Trend: from 60/).waitFor();
    await heading.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -72);
    });
    await screenshot(page, 'goals-360');
  });

  it('adds a class to the timetable, reached from the Plan page, with a refused time shown on its field', async () => {
    await page.goto('/plan');
    await page.getByRole('main').getByRole('link', { name: 'Class timetable' }).click();
    await page.getByRole('heading', { name: 'Class timetable', level: 2 }).waitFor();
    const tuesday = page.getByRole('region', { name: 'Tuesday' });
    await tuesday.getByText('English').waitFor();
    await expectNoAxeViolations(page, 'timetable');

    await page.getByRole('button', { name: 'Add a class' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a class' });
    await dialog.getByLabel('Day').selectOption({ label: 'Tuesday' });
    await dialog.getByLabel('Starts').fill('13:00');
    await dialog.getByLabel('Ends').fill('12:30');
    await dialog.getByLabel('Class').fill('Art');
    await dialog.getByLabel('Teacher (optional)').fill('Mr. Diaz');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();

    // The server refuses an end before the start; its message sits on the "Ends" field.
    const ends = dialog.getByLabel('Ends');
    await expect.poll(() => ends.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText(/Must be after the start time/).waitFor();
    expect(await dialog.getByLabel('Class').inputValue()).toBe('Art');
    await expectNoAxeViolations(page, 'timetable: a refused time');

    await ends.fill('13:45');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await tuesday.getByText('Art').waitFor();
    await tuesday.getByText(/Mr\. Diaz/).waitFor();
    const saved = await server.store.db
      .selectFrom('class_period')
      .select(['weekday', 'start_time', 'end_time', 'class_name', 'teacher'])
      .where('class_name', '=', 'Art')
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      weekday: 2,
      start_time: '13:00',
      end_time: '13:45',
      class_name: 'Art',
      teacher: 'Mr. Diaz',
    });
    await expectNoAxeViolations(page, 'timetable, after adding');
    await page.reload();
    await tuesday.getByText('Art').waitFor();
    await screenshot(page, 'timetable-360');
  });
});
