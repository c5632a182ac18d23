import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Issue 17: the demo parent, on a phone, asks the school for an interpreter at the next IEP meeting and for
// the IEP in her language, from the letter picker: the language (Spanish unless she chooses another) and
// the meeting's date are the picker's fields, and the draft names both. Checked with axe-core.

const TODAY = '2026-11-18T16:00:00.000Z';

describe('a request for an interpreter and the IEP in the parent’s language, on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(TODAY);
    await seedDemoParent(server);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
  });

  it('asks for the language and the meeting date, and refuses a date already past', async () => {
    await page.goto('/letters');
    await page.getByRole('heading', { name: 'Letters', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Draft a letter' }).click();
    const picker = page.getByRole('dialog', { name: 'Draft a letter' });
    await picker
      .getByRole('radio', { name: 'A request for an interpreter and the plan in your language' })
      .check();
    const language = picker.getByLabel('The language you read and speak best');
    expect(await language.inputValue()).toBe('Spanish');
    await language.selectOption({ label: 'Another language' });
    await picker.getByLabel('Which language?').fill('Nepali');
    await picker.getByLabel('Date of the next meeting (optional)').fill('2026-11-02');
    await picker.getByRole('button', { name: 'Write the draft' }).click();
    await picker.getByText('The date of the next meeting cannot be before today').waitFor();
    await picker.getByLabel('Date of the next meeting (optional)').fill('2026-12-08');
    await expectNoAxeViolations(page, 'letters: a request for an interpreter');
  });

  it('drafts the letter in the parent’s language, naming the meeting and the law', async () => {
    const picker = page.getByRole('dialog', { name: 'Draft a letter' });
    await picker.getByRole('button', { name: 'Write the draft' }).click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    const body = await page.getByRole('textbox', { name: 'Letter' }).inputValue();
    expect(body).toContain('Nepali is the language I read and speak best.');
    expect(body).toContain(
      '1. A Nepali interpreter at the next IEP meeting, on Tuesday, December 8 (34 CFR 300.322(e)).',
    );
    expect(body).toContain("2. Emma's IEP in Nepali");
    expect(body).toContain('(42 U.S.C. 2000d; 34 CFR 100.3(b)(2))');
    await expectNoAxeViolations(page, 'letters: the drafted request for an interpreter');
  });
});
