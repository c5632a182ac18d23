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
      await page.getByLabel('Correo electrónico').fill(DEMO_PARENT.email);
      await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.getByRole('button', { name: 'Abrir el menú' }).waitFor();
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
      await page.getByLabel('Correo electrónico').fill(DEMO_PARENT.email);
      await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.getByRole('button', { name: 'Open menu' }).waitFor();
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
      await page.getByLabel('Correo electrónico').fill(DEMO_PARENT.email);
      await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.getByRole('button', { name: 'Abrir el menú' }).waitFor();
      await expect.poll(accountLanguage).toBe('es');
    } finally {
      await second.context.close();
    }
  });
});
