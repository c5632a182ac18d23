import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
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

// The School calendar page in Spanish (issue 17): a parent whose browser reads Spanish (es-MX) and
// whose account has no language of its own sees the page, its forms and its dates in Spanish, and the
// review of a district calendar file with every reason in Spanish; a parent who switches to English
// sees what the server worded in Spanish again in English. Checked with axe-core and photographed at
// 360 px.

const THURSDAY = '2026-12-03T16:00:00.000Z';

describe('the School calendar page in Spanish', () => {
  let server: TestServer;
  let browser: Browser;
  let demo: DemoHousehold;

  beforeAll(async () => {
    server = await startServer(THURSDAY);
    demo = await seedDemoParent(server);
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

  it('reviews a district calendar file with every reason in Spanish, and what was left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'district-es-'));
    const file = join(dir, 'maple.ics');
    const events = [
      ['UID:staff@maple', 'DTSTART;VALUE=DATE:20270129', 'SUMMARY:Staff Development Day'],
      [
        'UID:recess@maple',
        'DTSTART;VALUE=DATE:20270322',
        'DTEND;VALUE=DATE:20270327',
        'SUMMARY:Spring Recess',
      ],
      ['UID:field@maple', 'DTSTART;VALUE=DATE:20261009', 'STATUS:CANCELLED', 'SUMMARY:Field Day'],
      ['UID:tba@maple'],
    ];
    writeFileSync(
      file,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Maple//Calendar//EN',
        'X-WR-CALNAME:Maple Unified',
        ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await signInInSpanish(page);
      await page.goto('/calendar');
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Importar el calendario del distrito (.ics)' }).click();
      await (await chooser).setFiles(file);
      const review = page.getByRole('region', { name: 'Revise los días de Maple Unified' });
      await review.waitFor();
      // Each event's reason, said from the words the server gives beside its English.
      const staff = review.getByRole('listitem').filter({ hasText: 'Staff Development Day' });
      await staff
        .getByText('Dice “staff development”: casi siempre no hay clases para los estudiantes. Revíselo.')
        .waitFor();
      const recess = review.getByRole('listitem').filter({ hasText: 'Spring Recess' });
      await recess.getByText('Dice “recess”: días libres seguidos.').waitFor();
      await review
        .getByText('Se dejó fuera: Field Day (el distrito lo canceló); (sin título) (no tiene fecha).')
        .waitFor();
      const text = (await review.textContent()) ?? '';
      for (const english of ['It says', 'Check it', 'days off in a row', 'cancelled', 'no date', 'no title'])
        expect(text).not.toContain(english);
      await staff.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page, 'a district calendar file’s review in Spanish');
      await screenshot(page, 'district-calendar-es-360');
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what the server worded in the new language once the parent switches, not the old one', async () => {
    // A district calendar whose last read failed: why is worded by the server, in the reader's language.
    const parent = await server.store.db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', DEMO_PARENT.email)
      .executeTakeFirstOrThrow();
    const at = server.clock.now();
    await server.store.db
      .insertInto('district_calendar')
      .values({
        id: randomUUID(),
        household_id: demo.householdId,
        child_id: demo.childId,
        address: 'https://district.example.org/calendar.ics',
        name: 'Maple Unified',
        last_status: 'failed',
        last_error: 'could not be reached',
        last_read_at: at,
        known: '[]',
        pending: '[]',
        recent: '[]',
        created_by: parent.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await signInInSpanish(page);
      await page.goto('/calendar');
      const feeds = page.getByRole('region', { name: 'Leer el calendario del distrito todos los días' });
      await feeds.getByText(/la dirección: no se pudo contactar\./).waitFor();
      // To the account page, within the app (what it loaded stays in memory), and English chosen there.
      await page.getByRole('button', { name: 'Abrir el menú' }).click();
      await page.getByRole('link', { name: 'Cuenta', exact: true }).click();
      await page.getByLabel('Idioma').selectOption('en');
      await page.getByRole('heading', { name: 'Account' }).waitFor();
      // Back to the School calendar, its subscriptions held on their way: the Spanish kept from before
      // is not shown meanwhile.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let asked = false;
      await page.route('**/district-calendars', async (route) => {
        asked = true;
        await held;
        await route.continue();
      });
      await page.getByRole('button', { name: 'Open menu' }).click();
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: 'School calendar' })
        .click();
      const english = page.getByRole('region', { name: 'Read the district calendar every day' });
      await english.waitFor();
      await expect.poll(() => asked).toBe(true);
      expect(await page.getByText(/no se pudo contactar/).count()).toBe(0);
      release();
      await english.getByText(/the address could not be reached\./).waitFor();
      expect(await page.getByText(/no se pudo contactar/).count()).toBe(0);
    } finally {
      await context.close();
      await server.store.db.updateTable('user_account').set({ language: null }).execute();
    }
  });
});
