import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  setToday,
  startServer,
  type TestServer,
} from './browser.ts';

// The article's parent journey in Spanish, end to end (issue 17's acceptance), on a phone whose
// browser reads Spanish: the first visit sets up the account, then the child, the school calendar,
// the plan (its service typed as the school's English IEP writes it) and the accommodations; two weeks
// are logged with an assembly, a snow day and delivered sessions; the home screen and the ledger show
// the make-up minutes owed; a letter is drafted in Spanish with its English version beside it; and the
// implementation report's PDF is downloaded in Spanish. Every page is marked Spanish and checked with
// axe-core; screenshots at 360 px go to docs/screenshots (journey-es-*.png).

const TUESDAY = '2026-09-15T16:00:00.000Z';
const FRIDAY = '2026-09-18T16:00:00.000Z';
const SPEECH = 'Speech-language therapy';

describe('a parent who reads Spanish, on a phone, from the first visit to the report', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(TUESDAY);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE, { locale: 'es-MX' }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });

  /** axe on the page, and the page marked Spanish (screen readers read it in Spanish). */
  async function checkPage(where: string) {
    expect(await page.evaluate(() => document.documentElement.lang), where).toMatch(/^es/);
    await expectNoAxeViolations(page, where);
  }

  async function logSession(date: string, outcome: 'Se dio' | 'No se dio', reason?: string) {
    await button(`Anotar una sesión de ${SPEECH}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Fecha').fill(date);
    await dialog.getByRole('button', { name: outcome, exact: true }).click();
    if (reason) await dialog.getByRole('button', { name: reason, exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }

  it('creates the account on the first visit, in Spanish', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Bienvenido a As Written' }).waitFor();
    await checkPage('primera visita');
    await page.getByLabel('Su nombre').fill('María');
    await page.getByLabel('Correo electrónico').fill('maria@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await button('Crear mi cuenta').click();
  });

  it('sets up the child, the school calendar, the plan, the service and the accommodations', async () => {
    await page.getByLabel('Primer nombre').waitFor();
    await checkPage('configuración: hijo(a)');
    await page.getByLabel('Primer nombre').fill('Emma');
    await button('Siguiente').click();

    await page.getByLabel('Nombre del año escolar').fill('2026-2027');
    await page.getByLabel('Primer día de clases').fill('2026-09-08');
    await page.getByLabel('Último día de clases').fill('2027-06-11');
    await page.getByLabel('Día libre (o primer día)').fill('2026-10-12');
    await page.getByLabel('¿Cómo se llama?').fill('Día de los Pueblos Indígenas');
    await button('Agregar el día libre').click();
    await page.getByText('Día de los Pueblos Indígenas').first().waitFor();
    await checkPage('configuración: calendario');
    await button('Siguiente').click();

    await page.getByLabel('Estado o provincia').selectOption('CA');
    await page.getByLabel('El plan empieza').fill('2026-09-08');
    await page.getByLabel('El plan termina').fill('2027-06-11');
    await checkPage('configuración: plan');
    await button('Siguiente').click();

    // A line typed from the Spanish translation of the IEP is read too, and what the reader could not read
    // is said in Spanish.
    const line = page.getByLabel('El servicio como lo dice el IEP');
    await line.fill('Terapia del habla, según sea necesario');
    await button('Leer').click();
    await page.getByText('no se encontró la frecuencia ("según sea necesario")').waitFor();
    await line.fill('Terapia del habla, 30 minutos 2 veces por semana, fuera del aula');
    await button('Leer').click();
    const name = page.getByLabel('Nombre del servicio');
    const nameBecomes = async (value: string) => {
      for (let i = 0; i < 100 && (await name.inputValue()) !== value; i++) await page.waitForTimeout(100);
      if ((await name.inputValue()) !== value) throw new Error(`the service's name is not ${value}`);
    };
    await nameBecomes('Terapia del habla');
    await page
      .getByText(/30 minutos/)
      .first()
      .waitFor();
    // The service as the school's English IEP writes it, read and said back in Spanish.
    await line.fill(`${SPEECH}, 30 minutes 2 times per week, pull-out`);
    await button('Leer').click();
    await nameBecomes(SPEECH);
    await page
      .getByText(/30 minutos/)
      .first()
      .waitFor();
    await checkPage('configuración: servicios');
    await button('Agregar el servicio').click();
    await page.getByText(SPEECH).first().waitFor();
    await button('Siguiente').click();

    await page
      .getByLabel('Adaptaciones, una por línea')
      .fill(
        '• Asiento preferencial cerca de la maestra\n• Tiempo extendido (1.5x) en exámenes y pruebas cortas',
      );
    await button('Agregar estas').click();
    await page.getByText(/Se agregaron 2 adaptaciones/).waitFor();
    await checkPage('configuración: adaptaciones');
    await button('Siguiente').click();
    await checkPage('configuración: listo');
    await button('Terminar').click();
    await page.getByRole('heading', { name: 'Esta semana de Emma' }).waitFor();
  });

  it('logs an assembly, a snow day and delivered sessions, and sees the make-up minutes owed', async () => {
    await checkPage('esta semana');
    await logSession('2026-09-08', 'Se dio');
    await logSession('2026-09-10', 'No se dio', 'Evento o asamblea escolar');

    // The snow day, today: one tap closes school, then the session is logged as missed for it.
    await button('Escuela cerrada hoy').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sí, la escuela está cerrada' }).click();
    await page.getByText('Hoy no hay clases').first().waitFor();
    await logSession('2026-09-15', 'No se dio', 'Escuela cerrada');

    await setToday(server, [page], FRIDAY);
    await page.reload();
    await button(`Anotar una sesión de ${SPEECH}`).waitFor();
    await logSession('2026-09-17', 'Se dio');
    await expect
      .poll(async () => page.getByText('Se deben 60 minutos de reposición').count())
      .toBeGreaterThan(0);
    await screenshot(page, 'journey-es-home-360');
    await checkPage('esta semana, después de anotar');
  });

  it('sees the same owed minutes in the ledger', async () => {
    await page.goto('/ledger');
    await page.getByRole('heading', { name: 'Registro de minutos' }).first().waitFor();
    await button('60 minutos por reponer en total, ver las sesiones').waitFor();
    await button('120 minutos exigidos en total, ver las sesiones').waitFor();
    await screenshot(page, 'journey-es-ledger-360');
    await checkPage('registro de minutos');
  });

  it('drafts a letter in Spanish and reads the English version beside it', async () => {
    await page.goto('/letters');
    await button('Redactar una carta').click();
    const picker = page.getByRole('dialog', { name: 'Redactar una carta' });
    await picker.getByRole('radio', { name: 'Una consulta breve' }).check();
    expect(await picker.getByRole('radio', { name: 'español', exact: false }).isChecked()).toBe(true);
    await checkPage('elegir una carta');
    await picker.getByRole('button', { name: 'Redactar el borrador' }).click();
    await page.getByRole('heading', { name: 'Su carta', level: 2 }).waitFor();
    const draft = await page.getByRole('textbox', { name: 'Carta' }).inputValue();
    expect(draft).toMatch(/Emma/u);
    expect(draft).not.toMatch(/\b(the|Could you|Kind regards)\b/u);
    const english = page.getByRole('region', { name: 'La carta en inglés' });
    await english.getByText(/^Dear /u).waitFor();
    expect((await english.locator('[lang="en"]').textContent()) ?? '').toMatch(/Kind regards,/u);
    await page.mouse.move(0, 0);
    await screenshot(page, 'journey-es-letter-360');
    await checkPage('una carta en español con su versión en inglés');
  });

  it('downloads the implementation report as a PDF in Spanish', async () => {
    await page.goto('/paper-trail');
    await page.getByRole('heading', { name: 'Constancias' }).first().waitFor();
    const link = page.getByRole('link', { name: /^Descargar el PDF, del / });
    await link.waitFor();
    await checkPage('constancias');
    await screenshot(page, 'journey-es-paper-trail-360');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/language=es/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'journey-es-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, await response.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Servicios: minutos requeridos, dados y por reponer');
      expect(text).toMatch(/Página 1 de \d/u);
      expect(text).toContain(SPEECH);
      expect(text).not.toMatch(/Services: minutes required|Page 1 of/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
