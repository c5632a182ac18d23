import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import { idSource } from '../../src/server/context.ts';
import { createUser, type User } from '../../src/server/services/accounts.ts';
import { createInvitation } from '../../src/server/services/members.ts';
import { createStaffLink } from '../../src/server/services/staff-links.ts';
import {
  addMember,
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

// The Household page for a parent who reads Spanish (issue 17): members, roles, invitations, staff
// links and the audit trail in Spanish, dates in Spanish words, on a phone. And the first-run setup of
// a child and a plan, in Spanish.

const PASSWORD = 'a long enough password';

describe('the Household page and the first-run setup in Spanish', () => {
  let server: TestServer;
  let browser: Browser;
  let demo: DemoHousehold;

  const env = () => ({ clock: server.clock, newId: idSource(server.clock) });
  const member = (email: string, displayName: string, role: string): Promise<User> =>
    addMember(server, demo.householdId, { email, displayName, role, password: PASSWORD });

  beforeAll(async () => {
    server = await startServer('2026-11-04T16:00:00.000Z');
    demo = await seedDemoParent(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows members, roles, invitations, staff links and the audit trail in Spanish', async () => {
    const sam = await member('sam@example.org', 'Sam', 'co_parent');
    await createStaffLink(server.store, env(), demo.householdId, sam, {
      childId: demo.childId,
      label: 'Ms. Lee, OT',
    });
    const owner = await server.store.db
      .selectFrom('user_account')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', DEMO_PARENT.email)
      .executeTakeFirstOrThrow();
    await createInvitation(
      server.store,
      env(),
      demo.householdId,
      { id: owner.id, email: owner.email, displayName: owner.display_name, language: null },
      { email: 'abuela@example.com', role: 'viewer' },
    );

    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await signInInSpanish(page);
      await page.getByRole('button', { name: 'Abrir el menú' }).click();
      await page.getByRole('link', { name: 'Familia', exact: true }).click();

      await page.getByRole('heading', { name: 'Familia', level: 2 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      await page.getByText('Aquí usted es titular.', { exact: false }).waitFor();
      await page.getByRole('heading', { name: 'Miembros' }).waitFor();
      await page.getByText('Sam', { exact: true }).waitFor();
      await page.getByRole('combobox', { name: 'Rol de Sam' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Rol de Sam' }).inputValue()).toBe('co_parent');
      await page.getByRole('heading', { name: 'Lo que puede hacer cada rol' }).waitFor();
      await page.getByText('Lector(a):').waitFor();

      // The invitation not yet accepted, with its role and the day it ends in Spanish.
      await page.getByRole('heading', { name: 'Invitar a alguien' }).waitFor();
      const invitations = page.getByRole('list', { name: 'Invitaciones sin aceptar' });
      const invitation = invitations.getByRole('listitem').filter({ hasText: 'abuela@example.com' });
      await invitation.getByText(/^Como lector\(a\) · funciona hasta el \d+ \p{L}+/u).waitFor();
      await invitation.getByText(/^Lo creó usted el /).waitFor();
      await invitation
        .getByRole('button', { name: 'Anular la invitación para abuela@example.com' })
        .waitFor();

      // Sam's staff link, its state and dates.
      const links = page.getByRole('list', { name: 'Enlaces para el personal de esta familia' });
      const row = links.getByRole('listitem').filter({ hasText: 'Ms. Lee, OT' });
      await row.getByText(/^Lo creó Sam \(sam@example\.org\) el /).waitFor();
      await row.getByText('Activo', { exact: true }).waitFor();
      await row.getByText(/^Funciona hasta el .* · sin usar todavía$/).waitFor();

      // The audit trail, in sentences.
      await page.getByRole('heading', { name: 'Quién hizo qué' }).waitFor();
      await page.getByText('Usted inició sesión').first().waitFor();
      await page.getByText('Usted invitó a abuela@example.com como lector(a)').waitFor();

      // None of the page's English is left.
      await expectNoEnglish(
        page,
        ['Members', 'What each role can do', 'Invite someone', 'Who did what', 'Revoke'],
        'the Spanish page',
      );

      await page.mouse.move(0, 0);
      await expectNoAxeViolations(page, 'the household page in Spanish');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'household-es-360');

      // Removing a member asks in Spanish, counting the staff links with a Spanish plural.
      await page.getByRole('button', { name: 'Quitar a Sam' }).click();
      const dialog = page.getByRole('dialog', { name: '¿Quitar a Sam?' });
      await dialog.getByText('Sus enlaces para el personal (1 enlace que funciona)').waitFor();
      await dialog.getByRole('radio', { name: 'Pasarme sus enlaces para el personal' }).waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await expectNoAxeViolations(page, 'removing a member, in Spanish');
    } finally {
      await context.close();
    }
  });

  it('walks a Spanish reader through setting up a child and a plan', async () => {
    await createUser(server.store, env(), {
      email: 'ana@example.org',
      displayName: 'Ana',
      password: PASSWORD,
      householdName: 'Familia Pérez',
    });
    const { page, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      await page.getByLabel('Correo electrónico').fill('ana@example.org');
      await page.locator('input[type="password"]').fill(PASSWORD);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();

      await page.getByRole('heading', { name: 'Preparar As Written' }).waitFor();
      await page.getByRole('heading', { name: 'Su hijo(a)' }).waitFor();
      await expectNoAxeViolations(page, 'setup in Spanish: the child');
      await page.getByLabel('Primer nombre').fill('Lucía');
      await button('Siguiente').click();

      await page.getByRole('heading', { name: 'El calendario escolar' }).waitFor();
      await page.getByLabel('Nombre del año escolar').fill('2026-2027');
      await page.getByLabel('Primer día de clases').fill('2026-09-08');
      await page.getByLabel('Último día de clases').fill('2027-06-11');
      await page.getByLabel('Día libre (o primer día)').fill('2026-11-26');
      await page.getByLabel('¿Cómo se llama?').fill('Acción de Gracias');
      await button('Agregar el día libre').click();
      await page.getByText(/: Acción de Gracias \(feriado\)$/).waitFor();
      await expectNoAxeViolations(page, 'setup in Spanish: the calendar');
      await button('Siguiente').click();

      await page.getByRole('heading', { name: 'El plan', exact: true }).waitFor();
      await page.getByLabel('El plan empieza').fill('2026-09-08');
      await page.getByLabel('El plan termina').fill('2027-06-11');
      await button('Siguiente').click();

      await page.getByRole('heading', { name: 'Los servicios' }).waitFor();
      await page
        .getByLabel('El servicio como lo dice el IEP')
        .fill('Speech-language therapy, 30 minutes 2 times per week, pull-out');
      await button('Leer').click();
      await page.getByText('30 minutos, dos veces por semana, fuera del salón (pull-out).').waitFor();
      await expectNoAxeViolations(page, 'setup in Spanish: the services');
      await button('Agregar el servicio').click();
      await page.getByText(/^Se agregó Speech-language therapy\./).waitFor();
      await button('Siguiente').click();

      await page.getByRole('heading', { name: 'Adaptaciones', exact: true }).first().waitFor();
      await button('Siguiente').click();

      await page.getByRole('heading', { name: 'Todo listo' }).waitFor();
      await page
        .getByText(/del martes, 8 de septiembre de 2026 al viernes, 11 de junio de 2027, 1 feriado/)
        .waitFor();
      await expectNoAxeViolations(page, 'setup in Spanish: done');
      await button('Terminar').waitFor();
    } finally {
      await context.close();
    }
  });
});
