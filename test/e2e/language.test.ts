import type { Browser } from 'playwright-core';
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

// The app's language (issue 17): the browser's first guess, a choice on the sign-in page that the
// account remembers, and the account page's choice, which follows the person to another browser.

describe('choosing Spanish or English', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('2026-11-04T16:00:00.000Z');
    await seedDemoParent(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const accountLanguage = async () =>
    (
      await server.store.db
        .selectFrom('user_account')
        .select('language')
        .where('email', '=', DEMO_PARENT.email)
        .executeTakeFirstOrThrow()
    ).language;

  it('greets a Spanish browser in Spanish, and keeps a language picked on the sign-in page', async () => {
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      await expectNoAxeViolations(page, 'the sign-in page in Spanish');
      await screenshot(page, 'sign-in-es-360');
      // A guess is not a choice: signing in leaves the account without one.
      await signInInSpanish(page);
      expect(await accountLanguage()).toBeNull();
      await page.getByRole('button', { name: 'Abrir el menú' }).click();
      await page.getByRole('link', { name: 'Esta semana', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Cuenta', exact: true }).click();
      await page.getByRole('heading', { name: 'Cuenta' }).waitFor();
      await expectNoAxeViolations(page, 'the account page in Spanish');
      await screenshot(page, 'account-es-360');
      // Choosing on the account page saves it and changes the screen at once.
      await page.getByLabel('Idioma').selectOption('en');
      await page.getByRole('heading', { name: 'Account' }).waitFor();
      await expect.poll(accountLanguage).toBe('en');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('follows the account to another browser, and saves a choice made on the sign-in page', async () => {
    // The account says English: a Spanish browser shows English once signed in.
    const first = await newPage(browser, server, PHONE, { locale: 'es-ES' });
    try {
      const page = first.page;
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await signInInSpanish(page, DEMO_PARENT, 'Open menu');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await first.context.close();
    }
    // An English browser where the person picks Español before signing in: the account keeps it.
    const second = await newPage(browser, server, PHONE, { locale: 'en-US' });
    try {
      const page = second.page;
      await page.goto('/');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await signInInSpanish(page);
      await expect.poll(accountLanguage).toBe('es');
    } finally {
      await second.context.close();
    }
  });

  it('shows a Spanish reader the home screen in Spanish: service cards, counts and dates', async () => {
    // The account says Spanish; the browser is English (so the dates follow the account, not the device).
    await server.store.db
      .updateTable('user_account')
      .set({ language: 'es' })
      .where('email', '=', DEMO_PARENT.email)
      .execute();
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'en-US' });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Email').fill(DEMO_PARENT.email);
      await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Esta semana de Emma' }).waitFor();
      // Every service card speaks Spanish; none of the English card's words is left.
      const cards = page.locator('section').filter({ has: page.getByText('Prometidas esta semana') });
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThan(0);
      const first = cards.first();
      await first.getByText('Dadas', { exact: true }).waitFor();
      await first
        .getByText(/^(Se deben? \d+ minutos? de reposición|No se deben minutos de reposición)$/)
        .waitFor();
      await first.getByRole('button', { name: /^Anotar una sesión de / }).waitFor();
      await first.getByRole('link', { name: /^Todas las sesiones de / }).waitFor();
      await page.getByRole('heading', { name: 'Adaptaciones de esta semana' }).waitFor();
      // The cards' own words (the services' names are the plan's; "Needs attention" is the server's, English for now).
      const cardText = (await cards.allTextContents()).join('\n');
      for (const english of ['Promised this week', 'Log a session', 'make-up minutes owed', 'Delivered']) {
        expect(cardText).not.toContain(english);
      }
      const text = (await page.locator('main').textContent()) ?? '';
      // The week's dates in Spanish words (the server's clock: Wednesday, November 4, 2026).
      expect(text).toMatch(/lun, 2 nov/);
      await expectNoAxeViolations(page, 'the home screen in Spanish');
      await first.scrollIntoViewIfNeeded();
      await screenshot(page, 'home-es-360');
      // The logging sheet asks its question in Spanish too.
      await first.getByRole('button', { name: /^Anotar una sesión de / }).click();
      await page.getByText(/^¿Se dio el miércoles, 4 de noviembre\?$/).waitFor();
      await page.getByRole('button', { name: 'No estoy seguro(a)' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('lays the translated pages out right to left in the pseudo-locale, with no text outside the catalog', async () => {
    // The account has no language of its own here, so the device's (the pseudo-locale) holds.
    await server.store.db.updateTable('user_account').set({ language: null }).execute();
    const { page, context } = await newPage(browser, server, PHONE);
    try {
      await page.addInitScript(() => localStorage.setItem('as-written.language', 'en-xb'));
      // Text on the page that no catalog message holds (each is marked ⁅…⁆ in the pseudo-locale);
      // the language menu's names (each language in its own) and what people typed are data, not text.
      const untranslated = () =>
        page.evaluate(() => {
          const copy = document.body.cloneNode(true) as HTMLElement;
          for (const data of copy.querySelectorAll('select, input, textarea, bdi, script, style'))
            data.remove();
          let text = copy.textContent ?? '';
          for (let previous = ''; previous !== text; ) {
            previous = text;
            text = text.replace(/⁅[^⁅⁆]*⁆/g, ' ');
          }
          return text.match(/\p{L}{2,}/gu) ?? [];
        });
      const overflows = () =>
        page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
      await page.goto('/');
      await page.getByRole('heading', { name: '⁅Sign in⁆' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await untranslated()).toEqual([]);
      expect(await overflows()).toBe(false);
      await expectNoAxeViolations(page, 'the sign-in page right to left');
      await page.getByLabel('⁅Email⁆').fill(DEMO_PARENT.email);
      await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
      await page.getByRole('button', { name: '⁅Sign in⁆' }).click();
      await page.getByRole('button', { name: '⁅Open menu⁆' }).waitFor();
      await page.goto('/account');
      await page.getByRole('heading', { name: '⁅Account⁆' }).waitFor();
      expect(await untranslated()).toEqual([]);
      expect(await overflows()).toBe(false);
      await expectNoAxeViolations(page, 'the account page right to left');
      await screenshot(page, 'account-rtl-360');
    } finally {
      await context.close();
    }
  });
});
