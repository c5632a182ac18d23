import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PARENT,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  signInInSpanish,
  startServer,
  type TestServer,
} from './browser.ts';

// Every page of the record, the letters, the advisor and the paper trail in Spanish (issue 17), for
// the demo household on a phone: the page is marked Spanish, its own English (every message of its
// catalog part that is a plain sentence, with no value put in) is nowhere on it, axe finds nothing,
// and a screenshot at 360 px is kept. The check reads only the page's own words: what the server
// writes (the advisor's recommendations, what needs attention, now in the reader's language too; the
// ledger's notes, still English) is checked by the server's own tests.

const LOCALES = join(import.meta.dirname, '../../src/domain/i18n/locales');
const part = (language: string, name: string): Record<string, string> =>
  JSON.parse(readFileSync(join(LOCALES, language, `${name}.json`), 'utf8'));

/** The English sentences of a catalog part that a Spanish page must not show: plain ones of three words or more that Spanish words differently. */
function englishOf(name: string): string[] {
  const en = part('en', name);
  const es = part('es', name);
  return Object.entries(en)
    .filter(([key, text]) => !text.includes('{') && text.trim().split(/\s+/).length >= 3 && es[key] !== text)
    .map(([, text]) => text);
}

/** Each page, its catalog part, and the screenshot's name. */
const PAGES: { path: string; part: string; shot: string }[] = [
  { path: '/communications', part: 'messages', shot: 'messages-es-360' },
  { path: '/letters', part: 'letters', shot: 'letters-es-360' },
  { path: '/advisor', part: 'advisor', shot: 'advisor-es-360' },
  { path: '/accommodations', part: 'records', shot: 'accommodations-es-360' },
  { path: '/behavior', part: 'records', shot: 'behavior-es-360' },
  { path: '/goals', part: 'records', shot: 'goals-es-360' },
  { path: '/work-samples', part: 'records', shot: 'work-samples-es-360' },
  { path: '/timeline', part: 'records', shot: 'timeline-es-360' },
  { path: '/timetable', part: 'records', shot: 'timetable-es-360' },
  { path: '/paper-trail', part: 'report', shot: 'paper-trail-es-360' },
];

async function expectSpanishPage(page: Page, path: string, partName: string) {
  await page.goto(path);
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 2 }).first().waitFor();
  // What the page loads after its heading (lists, figures) settles before it is read.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('main [aria-busy="true"], main .mantine-Loader-root'),
  );
  expect(await page.evaluate(() => document.documentElement.lang), path).toBe('es');
  const text = (await main.textContent()) ?? '';
  const left = englishOf(partName).filter((english) => text.includes(english));
  expect(left, `English left on ${path}`).toEqual([]);
}

describe('the record’s pages in Spanish', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('2026-11-04T16:00:00.000Z');
    await seedDemoParent(server);
    await server.store.db
      .updateTable('user_account')
      .set({ language: null })
      .where('email', '=', DEMO_PARENT.email)
      .execute();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows each page in Spanish, with no English of its own, accessible on a phone', async () => {
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await signInInSpanish(page);
      for (const { path, part: name, shot } of PAGES) {
        await expectSpanishPage(page, path, name);
        await page.mouse.move(0, 0);
        await expectNoAxeViolations(page, `${path} in Spanish`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, shot);
      }
    } finally {
      await context.close();
    }
  });

  it('shows the school’s service log page in Spanish', async () => {
    const service = await server.store.db
      .selectFrom('service')
      .select('id')
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await signInInSpanish(page);
      await expectSpanishPage(page, `/ledger/${service.id}/school-log`, 'servicelog');
      await page.mouse.move(0, 0);
      await expectNoAxeViolations(page, 'the service log page in Spanish');
    } finally {
      await context.close();
    }
  });
});
