import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PARENT,
  expectNoAxeViolations,
  expectNoEnglish,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  signInInSpanish,
  startServer,
  type TestServer,
} from './browser.ts';

// The ledger for a parent who reads Spanish (issue 17): the "Registro de minutos" with its figures,
// rows, chart and the entries behind a figure in Spanish, dates in Spanish words, on a phone. The
// notes the server computes (docs/ledger-rules.md) are still English sentences.

describe('the ledger in Spanish', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('2026-11-04T16:00:00.000Z');
    await seedDemoParent(server);
    // The browser's language decides: the account has no choice of its own.
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

  it('shows the figures, the rows and the entries behind a figure in Spanish', async () => {
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    const button = (name: string | RegExp) => page.getByRole('button', { name });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await signInInSpanish(page);

      await page.goto('/ledger');
      await page.getByRole('heading', { name: 'Registro de minutos', level: 2 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      await page.getByText(/^Los minutos de servicio que el plan exige para /).waitFor();
      await page.getByRole('form', { name: 'Qué mostrar' }).waitFor();
      await page.getByLabel('Servicio').waitFor();
      await page.getByLabel('Desde').waitFor();
      await page.getByLabel('Hasta').waitFor();
      await page.getByText('Por semana', { exact: true }).waitFor();

      // The summary: the dates in Spanish words, the figures and their buttons.
      await page.getByText(/^Del \d+ \p{L}+\.? \d{4} al \d+ \p{L}+\.? \d{4}/u).waitFor();
      await page.getByText('Exigidos', { exact: true }).first().waitFor();
      await page.getByText('Minutos por reponer', { exact: true }).first().waitFor();
      await button(/^\d+ minutos exigidos en total, ver las sesiones$/).waitFor();
      await button(/^\d+ minutos? por reponer en total, ver las sesiones$/).waitFor();

      // The rows, week by week, with a Spanish plural and Spanish dates.
      await page.getByRole('heading', { name: 'Semana por semana' }).waitFor();
      await page
        .getByRole('rowheader', { name: /^Semana del \d+ \p{L}+\.? \d{4}/u })
        .first()
        .waitFor();
      await page.getByRole('columnheader', { name: /^Por reponer/ }).waitFor();
      await page.getByRole('rowheader', { name: 'Total' }).waitFor();
      await button(/^\d+ minutos? dados? en todas las semanas, ver las sesiones$/).waitFor();

      // None of the page's own English is left (the server's notes may still be English).
      await expectNoEnglish(
        page,
        [
          'Service ledger',
          'Required',
          'Delivered',
          'Still owed',
          'Week by week',
          'Week of',
          'Back to the school year',
          'See every entry on the timeline',
        ],
        'the Spanish page',
      );

      await page.mouse.move(0, 0);
      await expectNoAxeViolations(page, 'the ledger in Spanish');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'ledger-es-360');

      // The entries behind the minutes delivered, explained in Spanish.
      await button(/^\d+ minutos dados en total, ver las sesiones$/).click();
      const drawer = page.getByRole('dialog', { name: /^\d+ minutos dados en total$/ });
      await drawer.waitFor();
      await drawer.getByText(/^Los minutos dados en las sesiones programadas\./).waitFor();
      await drawer.getByText(/^\d+ anotaci(ón|ones)$/).waitFor();
      await drawer
        .getByText(/^Cuenta \d+ minutos? como dados/)
        .first()
        .waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await expectNoAxeViolations(page, 'the entries behind a figure, in Spanish');
    } finally {
      await context.close();
    }
  });
});
