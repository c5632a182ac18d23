import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
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

// Evidence beyond the parent's own log, on the demo household (the article's story), on a phone on
// Wednesday 4 November 2026: the week's check-in with Emma (questions written from her plan and
// timetable; her answers become observations and sessions marked "child's report"), its printable
// card, and a work sample (a photo uploaded, checked against the accommodations, linked to the reading
// goal). A text file renamed "photo.jpg" is refused with the reason.

const WEDNESDAY = '2026-11-04T16:00:00.000Z';
const SEATING = 'Preferential seating near the teacher and away from distractions';
const SEATING_ASK = 'Where did you sit in science today?';
const SPEECH_ASK = 'Did you go to speech this week? What did you do there?';
const OT_ASK = 'Did you go to OT this week? What did you do there?';
const EXTENDED_TIME = 'Extended time (1.5x) on tests and quizzes';
const CALCULATOR = 'Use of a calculator for math assignments and tests';

describe('evidence: check-ins and work samples, in the browser on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let demo: DemoHousehold;
  let files: string;

  beforeAll(async () => {
    server = await startServer(WEDNESDAY);
    demo = await seedDemoParent(server);
    files = mkdtempSync(join(tmpdir(), 'as-written-files-'));
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** A GET of the API through the signed-in page. */
  const apiGet = <T>(path: string): Promise<T> =>
    page.evaluate(
      async (u) => (await fetch(u)).json(),
      `/api/households/${demo.householdId}${path}`,
    ) as Promise<T>;

  it('signs in', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill('parent@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
  });

  it('asks the week’s questions, records Emma’s answers, and shows them on the Accommodations page', async () => {
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Check-in' }).click();
    await page.getByRole('heading', { name: 'Check-in with Emma', level: 2 }).waitFor();
    // Questions written from the plan (speech, seating) and the timetable (science on Wednesdays).
    const speech = page.getByRole('article', { name: SPEECH_ASK });
    const seating = page.getByRole('article', { name: SEATING_ASK });
    const ot = page.getByRole('article', { name: OT_ASK });
    await speech.waitFor();
    await seating.waitFor();
    await seating.getByText(`Why this question: The plan says: “${SEATING}”.`).waitFor();
    await expectNoAxeViolations(page, 'check-in');

    // A meaning without a day is caught on the question's own field, then the question is skipped.
    await ot.getByRole('radio', { name: 'It didn’t happen' }).check();
    await page.getByRole('button', { name: 'Save answers' }).click();
    const otDay = ot.getByLabel('Which day?');
    await expect.poll(() => otDay.getAttribute('aria-invalid')).toBe('true');
    await ot.getByText('Say which day it was, or choose “Not sure”').waitFor();
    await expectNoAxeViolations(page, 'check-in: an answer without its day');
    await ot.getByRole('button', { name: 'Skip this question (1 of 8)' }).click();
    await expect.poll(() => ot.getByRole('radio', { name: 'It didn’t happen' }).isChecked()).toBe(false);

    await seating
      .getByLabel('Emma’s words')
      .fill('In the back by the window. The sub did not know where I sit.');
    await seating.getByRole('radio', { name: 'Not provided' }).check();
    await seating
      .getByRole('radiogroup', { name: 'Was there a substitute? (optional)' })
      .getByRole('radio', { name: 'Yes, a substitute' })
      .check();

    await speech.getByLabel('Emma’s words').fill('We played the r game with Mr. Chen on Tuesday');
    await speech.getByRole('radio', { name: 'It happened' }).check();
    await speech.getByLabel('Which day?').selectOption('2026-11-03');
    await speech.getByLabel('About what time? (optional)').fill('10:15');
    await page.getByText('2 of 8 answered; the others will be skipped.').waitFor();
    await expectNoAxeViolations(page, 'check-in: answers filled in');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await speech.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -72);
    });
    await screenshot(page, 'check-in-360');

    // A refusal names fields by the answer's place among those sent (speech is the first sent): its
    // message lands on that question's own field. (The server's answer is stood in for once here; the
    // days offered are all valid, so the real server would not refuse them.)
    await page.route(
      '**/api/households/*/check-ins',
      (route) =>
        route.fulfill({
          status: 400,
          json: {
            error: {
              code: 'validation_failed',
              message: 'Invalid input: answers.0.sessionDate must be between 2026-10-26 and 2026-11-04',
              fields: [
                {
                  path: 'answers.0.sessionDate',
                  message: 'must be between 2026-10-26 and the check-in date (2026-11-04)',
                },
              ],
            },
          },
        }),
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Save answers' }).click();
    const speechDay = speech.getByLabel('Which day?');
    await expect.poll(() => speechDay.getAttribute('aria-invalid')).toBe('true');
    await speech.getByText(/^Must be between Mon, Oct 26 and the check-in date \(Wed, Nov 4\)$/).waitFor();
    expect(await seating.getByLabel('Which day?').count()).toBe(0);
    expect(await speech.getByLabel('Emma’s words').inputValue()).toBe(
      'We played the r game with Mr. Chen on Tuesday',
    );
    await page.unrouteAll();

    await page.getByRole('button', { name: 'Save answers' }).click();
    const saved = page.getByRole('status').filter({ hasText: '2 answers saved: 1 observation, 1 session' });
    await saved.waitFor();
    await expectNoAxeViolations(page, 'check-in: saved');
    // The form starts again empty; the check-in is listed with the past ones.
    expect(await seating.getByLabel('Emma’s words').inputValue()).toBe('');
    const past = page.getByRole('region', { name: 'Past check-ins' });
    await past.getByText('2 answers saved: 1 observation, 1 session').waitFor();
    await past.getByText('“We played the r game with Mr. Chen on Tuesday”').waitFor();

    // Through the API: an observation and a session entry marked as the child's report.
    const seatingRow = await server.store.db
      .selectFrom('accommodation')
      .select('id')
      .where('text', '=', SEATING)
      .executeTakeFirstOrThrow();
    const observations = await apiGet<
      {
        date: string;
        outcome: string;
        source: string;
        teacherKind: string;
        className: string;
        note: string;
      }[]
    >(`/accommodation-observations?accommodationId=${seatingRow.id}`);
    const fromEmma = observations.filter((o) => o.source === 'child_report' && o.date === '2026-11-04');
    expect(fromEmma).toHaveLength(1);
    expect(fromEmma[0]).toMatchObject({
      outcome: 'not_provided',
      teacherKind: 'substitute',
      className: 'Science',
      note: `Asked “${SEATING_ASK}” Emma said: “In the back by the window. The sub did not know where I sit.”`,
    });
    const sessions = await apiGet<
      { date: string; status: string; source: string; startTime: string | null }[]
    >(`/sessions?serviceId=${demo.services.speech}`);
    expect(sessions.filter((s) => s.source === 'child_report')).toEqual([
      expect.objectContaining({ date: '2026-11-03', status: 'delivered', startTime: '10:15' }),
    ]);
    const checkIns = await apiGet<{ date: string; answers: { recordedAs: { entity: string } | null }[] }[]>(
      `/check-ins?childId=${demo.childId}`,
    );
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]?.answers.map((a) => a.recordedAs?.entity).sort()).toEqual([
      'accommodation_observation',
      'session_entry',
    ]);

    await saved.getByRole('link', { name: 'See them on the Accommodations page' }).click();
    await page.getByRole('heading', { name: 'Accommodations', level: 2 }).waitFor();
    const section = page.getByRole('region', { name: SEATING });
    // One row per school day and class, with where its facts come from (src/domain/occurrences.ts).
    const row = section
      .getByRole('listitem')
      .filter({ hasText: /November 4: not provided, in Science, substitute/ });
    await row.getByText("1 lapse, 1 source: Emma's report.").waitFor();
  });

  it('prints the week’s questions as a card, without the app around it', async () => {
    await page.goto('/check-in');
    await page.getByRole('link', { name: 'Print a card' }).click();
    const card = page.getByRole('article', { name: 'Check-in with Emma' });
    await card.waitFor();
    await card.getByText(SPEECH_ASK).waitFor();
    await card.getByText(SEATING_ASK).waitFor();
    await expectNoAxeViolations(page, 'check-in card');
    await screenshot(page, 'check-in-card-360');

    // "Print" opens the browser's print dialog (stubbed here).
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printed = 'yes';
      };
    });
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => document.body.dataset.printed)).toBe('yes');

    // On paper: the card only, no header, menu or buttons.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await card.isVisible()).toBe(true);
    expect(await card.getByText(SEATING_ASK).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('banner').waitFor();
  });

  it('refuses a text file renamed "photo.jpg", with the reason under the file picker', async () => {
    await page.goto('/work-samples');
    await page.getByRole('heading', { name: 'Work samples', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Add a work sample' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a work sample' });
    const renamed = join(files, 'photo.jpg');
    writeFileSync(renamed, 'This is not a photo, only words.\n');
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose a photo or file' }).click();
    await (await chooser).setFiles(renamed);
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Not uploaded' });
    await refusal
      .getByText(/"photo\.jpg" is named like an image \(\.jpg\) but its contents are a plain-text file/)
      .waitFor();
    await expectNoAxeViolations(page, 'work samples: a refused file');
    await dialog.getByRole('button', { name: 'Dismiss: photo.jpg' }).click();
    await expect.poll(() => refusal.count()).toBe(0);
    const stored = await server.store.db.selectFrom('attachment').select('filename').execute();
    expect(stored.map((a) => a.filename)).not.toContain('photo.jpg');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('adds a work sample with a photo, checked against the accommodations and linked to the reading goal', async () => {
    const photo = join(files, 'fluency-quiz.png');
    writeFileSync(
      photo,
      await sharp({ create: { width: 200, height: 150, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
    );
    await page.goto('/work-samples');
    await page.getByRole('heading', { name: 'Work samples', level: 2 }).waitFor();
    // The demo's worksheet is listed with its preview.
    await page.getByRole('heading', { name: 'Reading response worksheet' }).waitFor();
    await expectNoAxeViolations(page, 'work samples');

    await page.getByRole('button', { name: 'Add a work sample' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a work sample' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose a photo or file' }).click();
    const notes = join(files, 'notes.txt');
    writeFileSync(notes, 'Teacher said the quiz was timed.\n');
    await (await chooser).setFiles([photo, notes]);
    const list = dialog.getByRole('list', { name: 'Chosen files' });
    await list
      .getByRole('listitem')
      .filter({ hasText: 'notes.txt' })
      .getByText(/^Uploaded, /)
      .waitFor();
    // A file chosen by mistake is taken off the list.
    await dialog.getByRole('button', { name: 'Remove notes.txt' }).click();
    await expect.poll(() => list.getByText('notes.txt').count()).toBe(0);
    const chosen = list.getByRole('listitem');
    await chosen.getByText(/^Uploaded, /).waitFor();
    await expect
      .poll(() => chosen.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);

    await dialog.getByLabel('What is it?').fill('Fluency quiz, week 9');
    await dialog.getByLabel('Date of the work').fill('2026-11-03');
    await dialog.getByLabel('Class (optional)').fill('English');
    await dialog.getByLabel('Kind of work (optional)').selectOption({ label: 'Quiz' });
    await dialog
      .getByRole('radiogroup', { name: EXTENDED_TIME })
      .getByRole('radio', { name: 'Shows it' })
      .check();
    await dialog
      .getByRole('radiogroup', { name: CALCULATOR })
      .getByRole('radio', { name: 'Missing' })
      .check();
    await dialog.getByRole('checkbox', { name: /^Reading goal: / }).check();
    await dialog.getByLabel('Note (optional)').fill('Finished all 20 questions with the extra time.');
    await expectNoAxeViolations(page, 'work samples: add a work sample');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Fluency quiz, week 9' }) });
    await item.getByText('Shows: extended time').waitFor();
    await item.getByText('Missing: calculator').waitFor();
    await item.getByText('Evidence for: Reading goal').waitFor();
    await item.getByRole('link', { name: /^fluency-quiz\.png \(image, / }).waitFor();
    const saved = await server.store.db
      .selectFrom('work_sample')
      .select(['date', 'class_name', 'setting', 'goal_ids', 'accommodation_checks', 'attachment_ids'])
      .where('title', '=', 'Fluency quiz, week 9')
      .executeTakeFirstOrThrow();
    const reading = await server.store.db
      .selectFrom('goal')
      .select('id')
      .where('area', '=', 'Reading')
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ date: '2026-11-03', class_name: 'English', setting: 'quiz' });
    expect(JSON.parse(saved.goal_ids)).toEqual([reading.id]);
    expect(JSON.parse(saved.attachment_ids)).toHaveLength(1);
    expect(
      (JSON.parse(saved.accommodation_checks) as { outcome: string }[]).map((c) => c.outcome).sort(),
    ).toEqual(['not_provided', 'provided']);
    await expectNoAxeViolations(page, 'work samples, after adding');

    // Changed later: the sheet opens with what was saved, files included.
    await item.getByRole('button', { name: /^Correct Fluency quiz, week 9/ }).click();
    const edit = page.getByRole('dialog', { name: 'Correct: Fluency quiz, week 9' });
    await edit.getByText('fluency-quiz.png').waitFor();
    expect(await edit.getByRole('checkbox', { name: /^Reading goal: / }).isChecked()).toBe(true);
    await edit.getByLabel('Who was teaching').selectOption({ label: 'Regular teacher' });
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => edit.isVisible()).toBe(false);
    await item.getByText(/Quiz · teacher: regular teacher/).waitFor();
    await page.reload();
    await item.getByText('Shows: extended time').waitFor();
    await screenshot(page, 'work-samples-360');

    // The goals page lists the sample under the reading goal.
    await page.goto('/goals');
    const card = page.getByRole('article', { name: 'Reading goal' });
    const linked = card.getByRole('region', { name: /Work samples linked to this goal/ });
    await linked.getByText('Fluency quiz, week 9').waitFor();
    await linked.getByText('Reading response worksheet').waitFor();
    await expectNoAxeViolations(page, 'goals, with work samples');
    // The speech goal has none yet, and says where to add one.
    const speechGoal = page.getByRole('article', { name: 'Speech goal' });
    await speechGoal
      .getByRole('region', { name: /Work samples linked to this goal/ })
      .getByText('None yet.')
      .waitFor();
  });
});
