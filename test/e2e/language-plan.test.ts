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

// The plan for a parent who reads Spanish (issue 17): its services, adaptaciones, metas, plan de
// conducta, fechas clave, equipo, the missed-session policy and the history of versions in Spanish,
// dates in Spanish words, on a phone. What the server writes (the reference guidance on missed
// sessions, a version's summary, what changed between versions) is still English.

describe('the plan in Spanish', () => {
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

  it('shows the plan, its lists and its history in Spanish', async () => {
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    const main = page.getByRole('main');
    const heading = (name: string | RegExp) => main.getByRole('heading', { name, level: 3 });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await signInInSpanish(page);

      await page.goto('/plan');
      await page.getByRole('heading', { name: 'Plan', level: 2 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      await page.getByText(/^El plan de .+ tal como está escrito/).waitFor();
      await main.getByRole('link', { name: 'Horario de clases' }).waitFor();

      // The plan itself, its dates in Spanish words.
      await page
        .getByText(/^Del \d+ (de )?\p{L}+\.? (de )?\d{4} al \d+ (de )?\p{L}+\.? (de )?\d{4}$/u)
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Anotar una enmienda' }).waitFor();

      // Its lists, each under a Spanish heading.
      await heading('Servicios').waitFor();
      await page
        .getByRole('link', { name: /^Ver el registro de minutos de / })
        .first()
        .waitFor();
      await heading('Adaptaciones').waitFor();
      await page.getByRole('button', { name: 'Agregar adaptación' }).waitFor();
      await heading('Metas anuales').waitFor();
      await heading('Plan de conducta').waitFor();
      await heading('Fechas clave').waitFor();
      await heading('Equipo').waitFor();
      await heading('Leer una nueva versión del IEP').waitFor();
      await main.getByRole('button', { name: 'Elegir el nuevo documento' }).waitFor();
      await heading('Cuando no se da una sesión').waitFor();
      await page.getByRole('columnheader', { name: 'Se cuenta como' }).waitFor();
      await heading('Historial').waitFor();
      await page
        .getByText(/^Versión \d+: /)
        .first()
        .waitFor();

      // None of the page's own English is left (the server's words may still be English).
      await expectNoEnglish(
        page,
        [
          'plan as written',
          'Class timetable',
          'Record an amendment',
          'In force today',
          'Services',
          'See the ledger of',
          'Change the amount',
          'Accommodations',
          'Add accommodation',
          'Behavior plan',
          'Key dates',
          'When a session is missed',
          'Counted as',
          'History',
          'Each amendment starts',
          'in force now',
          'Read a new version of the IEP',
          'Choose the new document',
          'are recorded',
        ],
        'the Spanish plan',
      );

      await page.mouse.move(0, 0);
      await expectNoAxeViolations(page, 'the plan in Spanish');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'plan-es-360');

      // A version of the plan, opened: what it says, in Spanish.
      await main.getByRole('button', { name: /^Versión 1: / }).click();
      await main.getByText('Qué dice esta versión').waitFor();
      await main.getByText(/^Además, \d+ adaptaci/).waitFor();

      // A form of a list, in Spanish.
      await page.getByRole('button', { name: 'Agregar adaptación' }).click();
      const dialog = page.getByRole('dialog', { name: 'Agregar adaptación' });
      await dialog.waitFor();
      await dialog.getByLabel('Se aplica a').waitFor();
      await dialog.getByRole('button', { name: 'Cancelar' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Recording an amendment and changing a service's amount, in Spanish.
      await main.getByRole('button', { name: 'Anotar una enmienda' }).click();
      const amend = page.getByRole('dialog', { name: 'Anotar una enmienda' });
      await amend.getByLabel('Entra en vigor el').waitFor();
      await amend.getByText(/^La versión vigente ahora, la versión 1, empezó el /).waitFor();
      await amend.getByRole('button', { name: 'Cancelar' }).click();
      await amend.waitFor({ state: 'hidden' });
      await main
        .getByRole('button', { name: /^Cambiar la cantidad de / })
        .first()
        .click();
      const amount = page.getByRole('dialog', { name: /^Cambiar la cantidad de / });
      await amount.getByLabel('Se cuenta como').waitFor();
      await amount.getByText(/^Se lee así: 30 minutos/).waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await expectNoAxeViolations(page, 'changing an amount, in Spanish');
      await amount.getByRole('button', { name: 'Cancelar' }).click();
      await amount.waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });
});
