import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { buildApp } from '../../src/server/app.ts';
import { smtpMailer } from '../../src/server/auth/mailer.ts';
import { fixedClock } from '../../src/server/context.ts';
import { sendDueReminders } from '../../src/server/services/reminder-mail.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import {
  BACKENDS,
  call,
  createAccount,
  openTestEnv,
  signIn,
  TEST_PASSWORD,
  type TestEnv,
} from './harness.ts';

// The language each person reads the app in (issue 17): remembered on the account (migration 0021),
// set on the account page or by choosing on the sign-in page, and used for the emails sent to them.

describe.each(BACKENDS)('a person’s language on %s', (backend) => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await openTestEnv(backend);
  });
  afterAll(async () => {
    await env?.close();
  });

  const anon = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    env.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });

  it('starts with none, is chosen on the account, and refuses a language the app does not have', async () => {
    const person = await createAccount(env, `lang-${backend}@example.org`);
    const session = await call(env, 'GET', '/api/auth/session', undefined, person);
    expect(session.body.user.language).toBeNull();

    const chosen = await call(env, 'PUT', '/api/auth/language', { language: 'es' }, person);
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.language).toBe('es');
    expect((await call(env, 'GET', '/api/auth/session', undefined, person)).body.user.language).toBe('es');

    for (const language of ['xx', 'Español', '']) {
      const refused = await call(env, 'PUT', '/api/auth/language', { language }, person);
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields[0].path).toBe('language');
    }
    // Nothing changed by a refusal.
    expect((await call(env, 'GET', '/api/auth/session', undefined, person)).body.user.language).toBe('es');

    // Forgetting the choice: the browser's languages again.
    const forgotten = await call(env, 'PUT', '/api/auth/language', { language: null }, person);
    expect(forgotten.body.user.language).toBeNull();
    expect((await call(env, 'PUT', '/api/auth/language', { language: 'es' }, null)).status).toBe(401);
  });

  it('remembers a language chosen on the sign-in page; co-parents keep their own', async () => {
    const spanish = await createAccount(env, `es-parent-${backend}@example.org`, {
      householdId: env.householdId,
      role: 'co_parent',
    });
    const login = await anon('POST', '/api/auth/login', {
      email: spanish.email,
      password: TEST_PASSWORD,
      language: 'es',
    });
    expect(login.statusCode).toBe(200);
    expect(JSON.parse(login.body).user.language).toBe('es');
    // The owner of the same household still reads English.
    expect((await call(env, 'GET', '/api/auth/session')).body.user.language).toBeNull();
    const again = await signIn(env.app, spanish.email);
    expect((await call(env, 'GET', '/api/auth/session', undefined, again)).body.user.language).toBe('es');
  });

  it('sends a password reset in the account’s language, else the asking browser’s', async () => {
    const spanish = await createAccount(env, `reset-es-${backend}@example.org`);
    await call(env, 'PUT', '/api/auth/language', { language: 'es' }, spanish);
    const plain = await createAccount(env, `reset-guess-${backend}@example.org`);
    env.mailer.sent.length = 0;
    await anon('POST', '/api/auth/password-reset', { email: spanish.email });
    await anon(
      'POST',
      '/api/auth/password-reset',
      { email: plain.email },
      { 'accept-language': 'es-MX,es;q=0.9' },
    );
    await anon('POST', '/api/auth/password-reset', { email: plain.email }, { 'accept-language': 'en-US' });
    await env.app.deps.idle();
    // Sent after each answer, so not necessarily in the order asked.
    const to = (email: string) => env.mailer.sent.filter((m) => m.to === email);
    expect(to(spanish.email).map((m) => m.subject)).toEqual(['Restablezca su contraseña de As Written']);
    expect(
      to(plain.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['Reset your As Written password', 'Restablezca su contraseña de As Written']);
    const mail = to(spanish.email)[0]!;
    expect(mail.text).toContain('Abra este enlace para elegir una contraseña nueva');
    expect(mail.text).toMatch(/#token=[A-Za-z0-9_-]{43}/);
  });

  it('invites in the inviter’s language with the English below, and the new account keeps the language', async () => {
    await call(env, 'PUT', '/api/auth/language', { language: 'es' });
    env.mailer.sent.length = 0;
    const invite = await call(env, 'POST', `/api/households/${env.householdId}/invitations`, {
      email: `abuela-${backend}@example.org`,
      role: 'viewer',
    });
    expect(invite.status).toBe(201);
    const mail = env.mailer.sent.at(-1)!;
    expect(mail.subject).toBe('Le invitan a una familia en As Written');
    expect(mail.text).toMatch(/^Olivia Owner le invitó a ayudar/);
    // The expiry in each language's words (the invitation lasts 7 days from Nov 29, 2026).
    expect(mail.text).toContain('hasta el 6 de diciembre de 2026');
    expect(mail.text).toContain('In English:');
    expect(mail.text).toContain('until December 6, 2026');
    expect(mail.text.split(invite.body.link).length - 1).toBe(2);

    const token = invite.body.link.split('#token=')[1];
    const accepted = await anon('POST', '/api/invitations/accept', {
      token,
      displayName: 'Abuela',
      password: 'a long enough password',
      language: 'es',
    });
    expect(accepted.statusCode).toBe(200);
    expect(JSON.parse(accepted.body).user.language).toBe('es');
    await call(env, 'PUT', '/api/auth/language', { language: null });
  });

  it('checks the tone of a Spanish text in Spanish, read from its words or named', async () => {
    const check = (body: Record<string, unknown>) =>
      call(env, 'POST', `/api/households/${env.householdId}/tone-check`, body);
    const angry = await check({
      text: 'Me niego a aceptar esto. Ustedes nunca cumplen el IEP de mi hijo!!!',
    });
    expect(angry.status).toBe(200);
    expect(angry.body.flags.length).toBeGreaterThan(0);
    // The suggestion keeps the parent's refusal, in Spanish.
    expect(JSON.stringify(angry.body.flags)).toContain('No estoy de acuerdo');
    const calm = await check({ text: 'No doy mi consentimiento para reducir sus minutos de terapia.' });
    expect(calm.body.flags).toEqual([]);
    const named = await check({ text: 'Ya basta!!!', language: 'es' });
    expect(named.body.flags.length).toBeGreaterThan(0);
    const refused = await check({ text: 'Hola', language: 'fr' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('language');
  });

  it('words refusals in the reader’s language, keeping the English message, code and limits for other clients', async () => {
    const person = await createAccount(env, `errors-${backend}@example.org`);
    const short = { currentPassword: TEST_PASSWORD, newPassword: 'short' };
    const english = await call(env, 'POST', '/api/auth/password', short, person);
    expect(english.status).toBe(400);
    expect(english.body.error.fields[0]).toEqual({
      path: 'newPassword',
      message: 'must be at least 10 characters',
      code: 'too_small',
      params: { minimum: 10, origin: 'string' },
    });
    await call(env, 'PUT', '/api/auth/language', { language: 'es' }, person);
    const spanish = await call(env, 'POST', '/api/auth/password', short, person);
    expect(spanish.body.error.fields[0]).toMatchObject({
      path: 'newPassword',
      message: 'debe tener al menos 10 caracteres',
      code: 'too_small',
    });
    expect(spanish.body.error.message).toBe(
      'Revise newPassword: debe tener al menos 10 caracteres (y 1 más)',
    );
    // Before sign-in, the browser's language decides.
    const wrong = await anon(
      'POST',
      '/api/auth/login',
      { email: person.email, password: 'not the password' },
      { 'accept-language': 'es-MX' },
    );
    expect(wrong.statusCode).toBe(401);
    expect(JSON.parse(wrong.body).error.message).toBe(
      'Ese correo y esa contraseña no corresponden a ninguna cuenta',
    );
    const unreadable = await anon('POST', '/api/auth/login', { email: 42 }, { 'accept-language': 'es' });
    expect(JSON.parse(unreadable.body).error.fields[0]).toMatchObject({
      path: 'email',
      message: 'no es válido',
    });
    const reset = await anon(
      'POST',
      '/api/auth/password-reset',
      { email: person.email },
      { 'accept-language': 'es' },
    );
    expect(JSON.parse(reset.body).message).toMatch(/^Si ese correo pertenece a una cuenta/);
  });

  it('words a rule of the app’s own in Spanish, keeping its English message, rule and values for others', async () => {
    const owner = env.owner;
    const as = (method: string, url: string, body: unknown, language?: string) =>
      anon(method, url, body, {
        cookie: owner.cookie,
        'x-csrf-token': owner.csrfToken,
        ...(language ? { 'accept-language': language } : {}),
      });
    const child = await call(env, 'POST', `/api/households/${env.householdId}/children`, {
      firstName: 'Ana',
    });
    expect(child.status).toBe(201);
    // A school year of more than 400 days: a custom rule of the calendar's schema.
    const tooLong = {
      childId: child.body.id,
      name: '2026–2027',
      firstDay: '2026-08-01',
      lastDay: '2027-09-30',
    };
    const calendars = `/api/households/${env.householdId}/calendars`;
    const english = await as('POST', calendars, tooLong);
    expect(english.statusCode).toBe(400);
    expect(JSON.parse(english.body).error).toMatchObject({
      message: 'Invalid input: lastDay a school year spans at most 400 days',
      fields: [
        {
          path: 'lastDay',
          message: 'a school year spans at most 400 days',
          code: 'custom',
          params: { rule: 'schoolYear.tooLong' },
        },
      ],
    });
    const spanish = await as('POST', calendars, tooLong, 'es-MX,es;q=0.9');
    expect(spanish.statusCode).toBe(400);
    expect(JSON.parse(spanish.body).error).toMatchObject({
      message: 'Revise lastDay: un año escolar dura como máximo 400 días',
      fields: [
        {
          path: 'lastDay',
          message: 'un año escolar dura como máximo 400 días',
          code: 'custom',
          params: { rule: 'schoolYear.tooLong' },
        },
      ],
    });
    // A rule the server checks (`invalid` with its rule): the password that is not the current one.
    const wrongPassword = { currentPassword: 'not the password', newPassword: 'a new long password' };
    const refused = await as('POST', '/api/auth/password', wrongPassword);
    expect(JSON.parse(refused.body).error.fields).toEqual([
      {
        path: 'currentPassword',
        message: 'is not your current password',
        code: 'custom',
        params: { rule: 'account.wrongPassword' },
      },
    ]);
    const rechazada = await as('POST', '/api/auth/password', wrongPassword, 'es');
    expect(JSON.parse(rechazada.body).error.message).toBe(
      'Revise currentPassword: no es su contraseña actual',
    );
  });

  it('sends the reminder and invitation emails in Spanish through SMTP', async () => {
    const sink = await startSmtpSink();
    const mailer = smtpMailer(`smtp://127.0.0.1:${sink.port}`, 'As Written <reminders@example.org>');
    const smtpApp = await buildApp({ store: env.store, clock: env.clock, logger: false, mailer });
    try {
      await call(env, 'PUT', '/api/auth/language', { language: 'es' });
      const demo = await seedDemoHousehold(env.store, env.clock, env.owner.userId);
      // A Friday of the demo's plan: the weekly check-in is due.
      const friday = fixedClock('2026-11-20T13:00:00.000Z');
      const run = await sendDueReminders(env.store, mailer, friday, 'https://as-written.example.org');
      expect(run.emails).toBeGreaterThan(0);
      const reminder = await simpleParser(sink.mails.at(-1)!.data);
      expect(reminder.subject).toMatch(
        /^(Recordatorio: Emma: Preguntas de la semana|\d+ recordatorios para hoy)$/,
      );
      expect(reminder.text).toContain('Hola, Olivia Owner:');
      expect(reminder.text).toContain('Emma: Preguntas de la semana');
      expect(reminder.text).toContain('Abra As Written: https://as-written.example.org/advisor');
      expect(reminder.text).toContain('Recibe estos correos porque los recordatorios están activados para');
      expect(reminder.text).not.toMatch(/Weekly check-in|Hello|Reminder/);

      const invite = await smtpApp.inject({
        method: 'POST',
        url: `/api/households/${demo.householdId}/invitations`,
        headers: { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken },
        payload: { email: `tia-${backend}@example.org`, role: 'viewer' },
      });
      expect(invite.statusCode).toBe(201);
      const invitation = await simpleParser(sink.mails.at(-1)!.data);
      expect(invitation.to && 'text' in invitation.to ? invitation.to.text : '').toBe(
        `tia-${backend}@example.org`,
      );
      expect(invitation.subject).toBe('Le invitan a una familia en As Written');
      expect(invitation.text).toMatch(/^Olivia Owner le invitó a ayudar/);
      expect(invitation.text).toContain('In English:');
    } finally {
      await call(env, 'PUT', '/api/auth/language', { language: null });
      await smtpApp.close();
      await sink.close();
    }
  });
});
