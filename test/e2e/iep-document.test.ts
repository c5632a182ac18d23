import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendedNycPdf } from '../fixtures/iep/amended-nyc.ts';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  startServer,
  type TestServer,
} from './browser.ts';

// A new parent on a phone starts from the signed IEP (a PDF): after the child and the school year, the
// plan step offers the document; the server reads it (in a child process, nothing sent elsewhere); the
// review lists what it read with the page and words it came from, the item to check first. The parent
// fills in the minutes of one period the reader could not know, drops one accommodation, saves, and
// sees This week with the services. Checked with axe-core on phone and desktop.

const MONDAY = '2026-10-26T16:00:00.000Z';
const PLAN = join(import.meta.dirname, '../fixtures/iep/nyc-like.pdf');

describe('starting from the IEP document, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(MONDAY);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });

  it('sets up the child and the school year, then brings in the plan document', async () => {
    await page.goto('/');
    await page.getByLabel('Your name').fill('Theo');
    await page.getByLabel('Email').fill('theo@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await button('Create my account').click();
    await page.getByLabel('First name').fill('Jordan');
    await button('Next').click();
    await page.getByLabel('School year name').fill('2026-2027');
    await page.getByLabel('First day of school').fill('2026-09-08');
    await page.getByLabel('Last day of school').fill('2027-06-25');
    await button('Next').click();
    const start = page.getByRole('region', { name: 'Start from your IEP or 504 plan' });
    await start.waitFor();
    await expectNoAxeViolations(page, 'onboarding: plan, with the document offered');
    const chooser = page.waitForEvent('filechooser');
    await start.getByRole('button', { name: 'Choose the plan document' }).click();
    await (await chooser).setFiles(PLAN);
    await page
      .getByRole('heading', { name: 'Check what we read from “nyc-like.pdf”' })
      .waitFor({ timeout: 60_000 });
    // Nothing of the plan is saved yet.
    expect(await server.store.db.selectFrom('plan').select('id').execute()).toEqual([]);
  });

  it('shows each item with its page and words, the one to check first', async () => {
    const services = page.getByRole('region', { name: /^Services/ });
    const first = services.getByRole('article').first();
    await first.getByText('Check', { exact: true }).waitFor();
    await first
      .getByText(/Integrated Co-Teaching Services: ELA/)
      .first()
      .waitFor();
    await first.getByText(/^Page 2:/).waitFor();
    await screenshot(page, 'iep-review-360');
    await expectNoAxeViolations(page, 'the review of the plan read (phone)');
    // The page itself, the service's words outlined: in a sheet on the phone, beside the list on a computer.
    const pageImage = (within: ReturnType<Page['getByRole']>) =>
      within.getByRole('img', { name: /^Page 2 of the document, with the words “Integrated Co-Teaching/ });
    const drawn = (image: ReturnType<Page['getByRole']>) =>
      expect
        .poll(() => image.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), {
          timeout: 20_000,
        })
        .toBe(1275);
    await first.getByRole('button', { name: 'Show on the page' }).click();
    const sheet = page.getByRole('dialog');
    await drawn(pageImage(sheet));
    // The outlines are drawn once the page has loaded (the image's onLoad, then a render): waited for, as
    // a busy machine may take a moment after the image is complete.
    await sheet.locator('[data-page-outline]').first().waitFor();
    await expectNoAxeViolations(page, 'a service on its page, in a sheet (phone)');
    await sheet.getByRole('button', { name: 'Close' }).click();
    await page.setViewportSize(DESKTOP);
    await drawn(pageImage(page.getByRole('region', { name: 'Page 2 of the document' })));
    await screenshot(page, 'iep-review-1280');
    await expectNoAxeViolations(page, 'the review of the plan read (computer)');
    await page.setViewportSize(PHONE);
  });

  it('refuses to save until the unread amount is filled in, then saves what the parent kept', async () => {
    await button('Save the plan').click();
    await page.getByText(/Some items need a change before the plan can be saved/).waitFor();
    expect(await server.store.db.selectFrom('plan').select('id').execute()).toEqual([]);
    await page.getByLabel('Minutes each time (Integrated Co-Teaching Services: ELA)').fill('45');
    const accommodations = page.getByRole('region', { name: /^Accommodations/ });
    const dropped = accommodations.getByRole('checkbox').first();
    const droppedText = (await dropped.getAttribute('aria-label')) ?? '';
    await dropped.uncheck();
    await button('Save the plan').click();
    await page.getByRole('heading', { name: 'Jordan’s week' }).waitFor({ timeout: 30_000 });
    await page
      .getByText(/The plan is saved, with \d+ services/)
      .first()
      .waitFor();
    await page.getByText('Speech-Language Therapy').first().waitFor();
    await page.getByText('Integrated Co-Teaching Services: ELA').first().waitFor();
    const kept = await server.store.db.selectFrom('accommodation').select('text').execute();
    expect(kept.length).toBeGreaterThan(0);
    if (droppedText) expect(kept.map((k) => k.text)).not.toContain(droppedText);
    const files = await server.store.db.selectFrom('attachment').select('filename').execute();
    expect(files).toEqual([{ filename: 'nyc-like.pdf' }]);
    expect(await server.store.db.selectFrom('iep_document').select('id').execute()).toEqual([]);
  });
  it('reads an amended IEP, shows what changed, and saves it as version 2 with the cut in the history', async () => {
    const amended = join(tmpdir(), `nyc-amended-${process.pid}.pdf`);
    writeFileSync(amended, await amendedNycPdf());
    await page.goto('/plan');
    const read = page.getByRole('region', { name: 'Read a new version of the IEP' });
    await read.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await read.getByRole('button', { name: 'Choose the new document' }).click();
    await (await chooser).setFiles(amended);
    await page
      .getByRole('heading', { name: /^Check what we read from “nyc-amended-/ })
      .waitFor({ timeout: 60_000 });
    await page.getByLabel('Minutes each time (Integrated Co-Teaching Services: ELA)').fill('45');
    const changes = page.getByRole('region', { name: 'What changes from the plan in force (version 1)' });
    await changes
      .getByText(/Changed: Speech-Language Therapy: 30 minutes, 2 times a week → 30 minutes, once a week/)
      .waitFor();
    // What the document leaves out is shown, ticked to be taken out; the goals it does not list stay.
    expect(await changes.getByLabel(/^Take out: Tests read aloud/).isChecked()).toBe(true);
    await changes.getByText(/The new document lists no goals: the plan’s 2 stay as they are/).waitFor();
    expect(await changes.getByLabel('The new version takes effect on').inputValue()).toBe('2027-01-19');
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'iep-amendment-360');
    await expectNoAxeViolations(page, 'an amended IEP compared with the plan in force (phone)');
    // Nothing is saved before the parent says so.
    expect(await server.store.db.selectFrom('plan_version').select('id').execute()).toHaveLength(1);
    await changes.getByRole('button', { name: 'Save as version 2' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText(/^Version 2: 1 service changed/).waitFor({ timeout: 30_000 });
    await history.getByRole('link', { name: /nyc-amended-/ }).waitFor();
    await history.getByRole('button', { name: /^Version 2:/ }).click();
    await history
      .getByText(/Speech-Language Therapy/)
      .first()
      .waitFor();
    await history
      .getByText(/2 times a week/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'the plan history after the amendment (phone)');
    const versions = await server.store.db
      .selectFrom('plan_version')
      .select(['version_number', 'effective_from', 'source_attachment_id'])
      .orderBy('version_number')
      .execute();
    expect(versions.map((v) => [v.version_number, v.effective_from])).toEqual([
      [1, '2026-10-20'],
      [2, '2027-01-19'],
    ]);
    // Both documents are the plan's sources: version 1 the first, version 2 the amendment.
    expect(versions.every((v) => v.source_attachment_id != null)).toBe(true);
    rmSync(amended, { force: true });
  });
});
