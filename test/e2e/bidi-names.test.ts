import type { Browser } from 'playwright-core';
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

// Direction controls in names (issue 15): a child's name holding U+202E (RIGHT-TO-LEFT OVERRIDE)
// turned the rest of every sentence it was put in around. The web app removes such controls from
// everything the server sends (web/api/client.ts), and puts names in running text in <bdi>, so a
// right-to-left name stays a name without reordering the words around it.

describe('names with direction controls, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let demo: DemoHousehold;

  beforeAll(async () => {
    server = await startServer('2026-11-04T16:00:00.000Z');
    demo = await seedDemoParent(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a name holding U+202E without it, inside <bdi>, and the sentence around it in order', async () => {
    // Stored as an earlier version (or an import) could have stored it.
    await server.store.db
      .updateTable('child')
      .set({ first_name: 'Emma\u202E (gnp.exe)' })
      .where('id', '=', demo.childId)
      .execute();
    const { page, context } = await newPage(browser, server, PHONE);
    try {
      await page.goto('/');
      await page.getByLabel('Email').fill(DEMO_PARENT.email);
      await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Going on before the sign-in has answered would open the plan page signed out.
      await page.getByRole('heading', { name: /’s week$/ }).waitFor();
      await page.goto('/plan');
      const intro = page.getByText('plan as written: what the school agreed to provide');
      await intro.waitFor();
      expect(await intro.textContent()).toBe(
        'Emma (gnp.exe)’s plan as written: what the school agreed to provide, and how it has changed.',
      );
      expect(await intro.locator('bdi').first().textContent()).toBe('Emma (gnp.exe)');
      const text = await page.evaluate(() => document.body.textContent);
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      await expectNoAxeViolations(page, 'the plan page with a name holding U+202E');
    } finally {
      await context.close();
    }
  });
});
