import type { Browser, Page } from 'playwright-core';
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

// The demo parent on a phone (360 px) brings in the school's service log for speech from the
// service's ledger page: the columns are guessed and shown on the first rows, the log is saved, and
// the reconciliation shows its differences grouped by kind, each as a question to ask; she accepts
// the school's rows for two dates into her record, marks one difference as asked about, and drafts the
// letter about another. Every page is checked with axe-core.

const THURSDAY = '2026-12-03T16:00:00.000Z';

type Entry = { id: string; date: string; status: string; source: string; kind: string };

/**
 * A log as the school's system would export it for the demo's speech sessions: one session the family
 * logged as missed, logged here as delivered; one the family logged as delivered, with fewer minutes;
 * two school days the family has nothing for.
 */
async function schoolLogFor(
  server: TestServer,
  demo: DemoHousehold,
): Promise<{ csv: string; onlyInLog: string[] }> {
  const rows = (await server.store.db
    .selectFrom('session_entry')
    .select(['id', 'date', 'status', 'source', 'kind', 'corrects_entry_id'])
    .where('household_id', '=', demo.householdId)
    .where('service_id', '=', demo.services.speech)
    .execute()) as (Entry & { corrects_entry_id: string | null })[];
  const corrected = new Set(rows.map((r) => r.corrects_entry_id).filter((id) => id != null));
  const current = rows.filter((r) => !corrected.has(r.id) && r.status !== 'void' && r.kind === 'scheduled');
  const byDate = new Map<string, Entry[]>();
  for (const r of current) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
  const onlySource = (date: string, source: string) =>
    byDate.get(date)?.every((e) => e.source === source) ?? false;
  const missed = [...byDate.keys()]
    .sort()
    .find((d) => onlySource(d, 'parent') && byDate.get(d)!.some((e) => e.status === 'missed'));
  const delivered = [...byDate.keys()]
    .sort()
    .find((d) => onlySource(d, 'parent') && byDate.get(d)!.every((e) => e.status === 'delivered'));
  const closed = new Set(
    (
      await server.store.db
        .selectFrom('calendar_event')
        .select(['start_date', 'end_date'])
        .where('household_id', '=', demo.householdId)
        .execute()
    ).flatMap((e) => {
      const out: string[] = [];
      const end = e.end_date ?? e.start_date;
      for (
        let d = new Date(`${e.start_date}T00:00:00Z`);
        d.toISOString().slice(0, 10) <= end;
        d.setUTCDate(d.getUTCDate() + 1)
      )
        out.push(d.toISOString().slice(0, 10));
      return out;
    }),
  );
  const free: string[] = [];
  for (let d = new Date('2026-10-01T00:00:00Z'); free.length < 2; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6 || closed.has(iso) || byDate.has(iso)) continue;
    free.push(iso);
  }
  if (!missed || !delivered) throw new Error('the demo has no parent-only speech entries to compare with');
  const us = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
  const lines = [
    'Lincoln Unified School District,,,,',
    'Related Services Provider Log,,,,',
    'Date,Service,Provider,Minutes,Status',
    `${us(missed)},Speech Lang,Ms. Rivera,30,Delivered`,
    `${us(delivered)},Speech Lang,Ms. Rivera,20,Delivered`,
    `${us(free[0]!)},Speech Lang,Ms. Rivera,30,Delivered`,
    `${us(free[1]!)},Speech Lang,Ms. Rivera,0,Provider Absent`,
  ];
  return { csv: `${lines.join('\r\n')}\r\n`, onlyInLog: free };
}

describe('the school’s service log, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let demo: DemoHousehold;
  let log: { csv: string; onlyInLog: string[] };

  beforeAll(async () => {
    server = await startServer(THURSDAY);
    demo = await seedDemoParent(server);
    log = await schoolLogFor(server, demo);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks the school for the logs with the letter As Written drafts, and marks it sent', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.goto('/letters');
    await page.getByRole('button', { name: 'Draft a letter' }).click();
    const picker = page.getByRole('dialog', { name: 'Draft a letter' });
    await picker.getByRole('radio', { name: 'A request for the service logs' }).check();
    await picker.getByRole('button', { name: 'Write the draft' }).click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    const body = await page.getByRole('textbox', { name: 'Letter' }).inputValue();
    expect(body).toMatch(/service log/iu);
    // A gap the record could not fill (a name) is filled in before it can be sent.
    const filled = body.replace(/\[[^\]]*\]/gu, 'Maria Lopez');
    if (filled !== body) await page.getByRole('textbox', { name: 'Letter' }).fill(filled);
    for (const gap of await page.getByRole('textbox', { name: 'Name' }).all()) {
      if (/^\[/u.test(await gap.inputValue())) await gap.fill('Jo Rivera');
    }
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as sent' });
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as sent' }).waitFor();
    const sent = await server.store.db
      .selectFrom('letter')
      .select(['kind', 'status'])
      .where('kind', '=', 'request_service_logs')
      .execute();
    expect(sent).toEqual([{ kind: 'request_service_logs', status: 'sent' }]);
  });

  it('opens the import from the speech ledger', async () => {
    await page.goto(`/ledger/${demo.services.speech}`);
    await page.getByRole('link', { name: 'Import the school’s service log' }).click();
    await page.getByRole('heading', { name: 'The school’s service log', level: 2 }).waitFor();
    await expectNoAxeViolations(page, 'the service log page');
  });

  it('reads the file, shows the columns on the first rows, and saves nothing yet', async () => {
    const before = await server.store.db.selectFrom('service_log_import').select('id').execute();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose the log file' }).click();
    await (await chooser).setFiles({
      name: 'speech-log.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(log.csv),
    });
    await page.getByRole('heading', { name: 'Which column is which' }).waitFor();
    expect(await page.getByLabel('A: Date').inputValue()).toBe('date');
    expect(await page.getByLabel('D: Minutes').inputValue()).toBe('minutes');
    await page.getByText('4 sessions read for Emma').waitFor();
    expect(await server.store.db.selectFrom('service_log_import').select('id').execute()).toEqual(before);
    await expectNoAxeViolations(page, 'the mapping step');
  });

  it('saves the log and shows the differences, grouped, as questions', async () => {
    await page.getByRole('button', { name: 'Save and compare with your record' }).click();
    await page
      .getByRole('heading', { name: /^The school’s log says delivered; your record says it did not happen/ })
      .waitFor();
    await page.getByRole('heading', { name: /^The minutes differ/ }).waitFor();
    await page.getByRole('heading', { name: /^In the school’s log, not in your record \(2\)/ }).waitFor();
    await page
      .getByText(/To ask: “The service log lists speech-language therapy as delivered on/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'the reconciliation');
    await page
      .getByRole('heading', { name: /^The school’s log says delivered; your record says/ })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'service-log-360');
  });

  it('accepts the school’s rows for two dates into the record, and marks one difference as asked about', async () => {
    const onlyInLog = page.getByRole('region', { name: /^In the school’s log, not in your record/ });
    const boxes = onlyInLog.getByRole('checkbox', { name: /^Accept the school’s row/ });
    expect(await boxes.count()).toBe(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Accept the school’s 2 rows into your record' }).click();
    await page.getByText('2 rows were added to your record as the school’s log.').waitFor();
    const added = await server.store.db
      .selectFrom('session_entry')
      .select(['date', 'source'])
      .where('service_id', '=', demo.services.speech)
      .where('source', '=', 'school_log')
      .where('date', 'in', log.onlyInLog)
      .execute();
    expect(added.map((e) => e.date).sort()).toEqual([...log.onlyInLog].sort());

    const differs = page.getByRole('region', { name: /^The minutes differ/ });
    await differs.getByRole('button', { name: 'Mark as asked about' }).click();
    await differs.getByText('Asked about', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the reconciliation after accepting');
  });

  it('drafts a letter about one difference, as a question', async () => {
    const differs = page.getByRole('region', { name: /^The school’s log says delivered; your record says/ });
    await differs
      .getByRole('button', { name: /^Draft a letter about this/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    expect(page.url()).toMatch(/\/letters\/[0-9a-f-]{36}$/);
    expect(await page.getByLabel('Subject').inputValue()).toMatch(
      /^Questions about the service log for Emma's /u,
    );
    const drafted = await page.getByRole('textbox', { name: 'Letter' }).inputValue();
    expect(drafted).toMatch(
      /The service log lists .+ as delivered on \w{3} \d+; my notes say the session did not take place\. Could you help me understand\?/u,
    );
    await page.getByText('Nothing to soften: the letter reads as friendly and specific.').waitFor();
    await expectNoAxeViolations(page, 'the letter about a difference');
  });

  it('opens a log the school sent back in the letter’s thread, read as if chosen on the log page', async () => {
    // The school's reply to the request, with the log attached, as the parent's mail program saves it.
    const csv = Buffer.from(log.csv).toString('base64');
    const eml = [
      'From: Ms. Alvarez <alvarez@maple.example.org>',
      `To: ${DEMO_PARENT.email}`,
      'Subject: Re: Service logs for Emma',
      'Date: Thu, 03 Dec 2026 09:12:00 -0500',
      'Message-ID: <log-reply@maple.example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Here is the speech log for this fall.',
      '--b1',
      'Content-Type: text/csv; name="fall-speech-log.csv"',
      'Content-Disposition: attachment; filename="fall-speech-log.csv"',
      'Content-Transfer-Encoding: base64',
      '',
      ...(csv.match(/.{1,76}/gu) ?? []),
      '--b1--',
      '',
    ].join('\r\n');
    await page.goto('/communications');
    await page.getByRole('heading', { name: 'Messages', level: 2 }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import emails' }).click();
    await (await chooser).setFiles({
      name: 'reply.eml',
      mimeType: 'message/rfc822',
      buffer: Buffer.from(eml),
    });
    const reply = page.getByRole('article', { name: 'Re: Service logs for Emma' });
    await reply.waitFor();
    await reply
      .getByRole('button', { name: 'Import fall-speech-log.csv as the school’s service log' })
      .click();
    // Emma has several services: the parent says which one the log is for.
    await page.getByRole('menuitem', { name: 'Speech-language therapy' }).click();
    await page.getByRole('heading', { name: 'The school’s service log', level: 2 }).waitFor();
    await page.getByText('fall-speech-log.csv').waitFor();
    await page.getByRole('heading', { name: 'Which column is which' }).waitFor();
    expect(page.url()).toContain(`/ledger/${demo.services.speech}/school-log`);
    await expectNoAxeViolations(page, 'a log from the thread');
  });

  it('says in Spanish why rows were not read, what was noted, and why a file cannot be taken (issue 17)', async () => {
    // A parent whose browser reads Spanish (the account has no language of its own).
    await server.store.db.updateTable('user_account').set({ language: null }).execute();
    const { page: spanish, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    const choose = async (name: string, csv: string, button: string) => {
      const chooser = spanish.waitForEvent('filechooser');
      await spanish.getByRole('button', { name: button }).click();
      await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    };
    try {
      await spanish.goto('/');
      await signInInSpanish(spanish);
      await spanish.goto(`/ledger/${demo.services.speech}/school-log`);
      await spanish
        .getByRole('heading', { name: 'El registro de servicios de la escuela', level: 2 })
        .waitFor();
      const lines = log.csv.split('\r\n');
      // One row more, whose minutes cannot be read, and a total.
      const unread = [
        ...lines.slice(0, -1),
        '11/2/2026,Speech Lang,Ms. Rivera,lots,Delivered',
        'Total,,,80,',
        '',
      ];
      await choose('con-errores.csv', unread.join('\r\n'), 'Elegir el archivo del registro');
      await spanish.getByText('Filas que no se leyeron, y por qué').click();
      await spanish.getByText('Línea 8: “lots” no es un número de minutos').waitFor();
      await spanish.getByText('Línea 9: una línea de totales').waitFor();
      expect(await spanish.getByText(/is not a number of minutes|a total line/).count()).toBe(0);
      // What the reader noted of the file, in Spanish too.
      await spanish
        .getByText(/^El archivo no nombra a ningún estudiante: todas las filas se leen como de /)
        .waitFor();
      expect(await spanish.getByText(/The file names no student/).count()).toBe(0);
      await expectNoAxeViolations(spanish, 'rows not read, in Spanish');
      await choose('carta.csv', 'Dear parent,\r\nThank you for your letter.\r\n', 'Elegir otro archivo');
      const problem = spanish.getByRole('alert').filter({ hasText: 'Este archivo no se puede guardar así' });
      await problem
        .getByText(/^Este archivo no parece un registro de servicios: ninguna de sus primeras filas/)
        .waitFor();
      expect(await problem.getByText(/does not look like a service log/).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
