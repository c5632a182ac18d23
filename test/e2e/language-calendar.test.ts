import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

// The School calendar page in Spanish (issue 17): a parent whose browser reads Spanish (es-MX) and
// whose account has no language of its own sees the page, its forms and its dates in Spanish. Checked
// with axe-core and photographed at 360 px.

const THURSDAY = '2026-12-03T16:00:00.000Z';

describe('the School calendar page in Spanish', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(THURSDAY);
    await seedDemoParent(server);
    // The browser's language holds only while the account has none of its own.
    await server.store.db.updateTable('user_account').set({ language: null }).execute();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the year, the days off and the forms in Spanish, with dates in Spanish', async () => {
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await signInInSpanish(page);
      await page.goto('/calendar');
      await page.getByRole('heading', { name: 'Calendario escolar', level: 2 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      await page.getByRole('heading', { name: 'Días libres y salidas temprano' }).waitFor();
      await page.getByRole('heading', { name: 'Agregar un día' }).waitFor();
      await page.getByRole('heading', { name: 'El año escolar' }).waitFor();
      await page.getByLabel('¿Qué tipo de día es?').waitFor();
      await page.getByRole('list', { name: 'Leyenda' }).getByText('Feriado').waitFor();
      // The year in words, in Spanish: "Del martes, 1 de septiembre de 2026 al ...: 180 días de clases, ..."
      await page.getByText(/^Del .+ al .+: \d+ días de clases, /).waitFor();
      // Dates are Spanish, and no English heading is left.
      await page
        .getByText(/septiembre|noviembre|diciembre/)
        .first()
        .waitFor();
      expect(await page.getByRole('heading', { name: 'School calendar' }).count()).toBe(0);
      expect(await page.getByText('Days off and early dismissals').count()).toBe(0);
      await expectNoAxeViolations(page, 'the School calendar page in Spanish');
      await screenshot(page, 'calendar-es-360');

      // A form's check speaks Spanish too.
      await page.getByRole('button', { name: 'Agregar al calendario' }).click();
      await page.getByText('Elija el día (o el primer día)').waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the check-in page in Spanish around the questions (which the server still writes in English)', async () => {
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await signInInSpanish(page);
      await page.goto('/check-in');
      await page.getByRole('heading', { name: 'Preguntas del día para Emma', level: 2 }).waitFor();
      await page.getByRole('heading', { name: /^Preguntas para / }).waitFor();
      await page.getByLabel('Día de las preguntas').waitFor();
      await page.getByText(/^Pregunta 1 de \d+ · Sobre /).waitFor();
      await page.getByRole('heading', { name: 'Preguntas anteriores' }).waitFor();
      await expectNoAxeViolations(page, 'the check-in page in Spanish');
      // Saving nothing says why, in Spanish.
      await page.getByRole('button', { name: 'Guardar las respuestas' }).click();
      await page.getByText('Primero responda al menos una pregunta.', { exact: false }).waitFor();
    } finally {
      await context.close();
    }
  });
});
