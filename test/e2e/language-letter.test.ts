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

// A letter in Spanish with its English version beside it (issue 17), on a phone: the parent who reads
// Spanish drafts a check-in in Spanish (the letter's language follows the screen's at first), reads the
// English the school would get beside the draft, and takes the English one as the letter to send.
// Checked with axe-core on each step.

describe('a letter in Spanish, with the English beside it', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer('2026-11-18T16:00:00.000Z');
    await seedDemoParent(server);
    await server.store.db
      .updateTable('user_account')
      .set({ language: null })
      .where('email', '=', DEMO_PARENT.email)
      .execute();
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE, { locale: 'es-MX' }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('drafts the check-in in Spanish, chosen in the picker', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await signInInSpanish(page);
    await page.goto('/letters');
    await page.getByRole('button', { name: 'Redactar una carta' }).click();
    const picker = page.getByRole('dialog', { name: 'Redactar una carta' });
    await picker.getByRole('radio', { name: 'Una consulta breve' }).check();
    // The letter's language: the screen's at first, English one tap away.
    const spanish = picker.getByRole('radio', { name: 'español', exact: false });
    await picker.getByText('Idioma de la carta').waitFor();
    expect(await spanish.isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'the letter picker in Spanish');
    await picker.getByRole('button', { name: 'Redactar el borrador' }).click();
    await page.getByRole('heading', { name: 'Su carta', level: 2 }).waitFor();
    const body = await page.getByRole('textbox', { name: 'Carta' }).inputValue();
    expect(body).toMatch(/Emma/u);
    expect(body).not.toMatch(/\b(the|Could you|Kind regards|I hope)\b/u);
  });

  it('shows the English the school would read beside it, and takes it as the letter to send', async () => {
    const other = page.getByRole('region', { name: 'La carta en inglés' });
    await other.getByText(/^Dear /u).waitFor();
    const english = (await other.locator('[lang="en"]').textContent()) ?? '';
    expect(english).toMatch(/Kind regards,/u);
    // The tone check finds nothing to soften in the Spanish draft.
    await page.mouse.move(0, 0);
    await expectNoAxeViolations(page, 'a Spanish letter with its English version');
    // The draft's last lines and the English beside them, as the parent sees them before sending.
    await other.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -260));
    await screenshot(page, 'letter-es-360');

    await other.getByRole('button', { name: 'Enviar la versión en inglés' }).click();
    const confirm = page.getByRole('dialog', { name: '¿Enviar la carta en inglés?' });
    await confirm.getByRole('button', { name: 'Usar la carta en inglés' }).click();
    await page.getByRole('region', { name: 'La carta en español' }).waitFor();
    const now = await page.getByRole('textbox', { name: 'Carta' }).inputValue();
    expect(now).toMatch(/^Dear /u);
    expect(now).toMatch(/Kind regards,/u);
  });
});
