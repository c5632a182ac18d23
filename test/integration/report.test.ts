import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The implementation report of the demo household, as JSON and as a PDF, on both databases: its
// minutes are the ledger's own numbers for the same dates, and the PDF is a valid file whose text
// says them. Pages 1 and 2 are kept as pictures in docs/screenshots (the first page says it all in
// plain words; the second starts the ledger with its chart).

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const RANGE = { from: '2026-09-08', to: '2026-10-30', asOf: '2026-11-02' };
const QUERY = `from=${RANGE.from}&to=${RANGE.to}&asOf=${RANGE.asOf}`;

/** Run a command-line tool (qpdf, poppler-utils) and return what it printed. */
function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.each(BACKENDS)('the implementation report on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  let dir: string;
  const api = (path: string) => `/api/households/${demo.householdId}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    dir = mkdtempSync(join(tmpdir(), 'as-written-report-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await env?.close();
  });

  it('copies every total and every weekly row of each service from the ledger for the same dates', async () => {
    const res = await call(env, 'GET', api(`/children/${demo.childId}/report?${QUERY}`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = res.body;
    expect(report.range).toEqual(RANGE);
    expect(report.services.map((s: { id: string }) => s.id)).toEqual([
      demo.services.speech,
      demo.services.ot,
      demo.services.reading,
    ]);
    let owed = 0;
    let madeUp = 0;
    let required = 0;
    let delivered = 0;
    let unlogged = 0;
    let excused = 0;
    for (const serviceId of Object.values(demo.services)) {
      const ledger = (await call(env, 'GET', api(`/services/${serviceId}/ledger?${QUERY}&grouping=week`)))
        .body;
      const service = report.services.find((s: { id: string }) => s.id === serviceId);
      const { entryIds: _ids, ...totals } = ledger.totals;
      expect(Object.keys(totals).length).toBeGreaterThan(10);
      expect(service.totals, ledger.service.name).toEqual(totals);
      expect(service.unappliedMakeupMinutes).toBe(ledger.unappliedMakeupMinutes);
      expect(service.rows).toEqual(
        ledger.periods.map((p: Record<string, unknown>) => ({
          unit: p.unit,
          start: p.start,
          end: p.end,
          label: p.label,
          requiredMinutes: p.requiredMinutes,
          deliveredMinutes: p.deliveredMinutes,
          owedMinutes: p.owedMinutes,
          makeupMinutes: p.makeupMinutes,
          excusedMinutes: p.excusedMinutes,
          pendingMinutes: p.pendingMinutes,
          unloggedMinutes: p.unloggedMinutes,
          closures: p.closures,
        })),
      );
      owed += ledger.totals.owedMinutes;
      madeUp += ledger.totals.makeupMinutes;
      required += ledger.totals.requiredMinutes;
      delivered += ledger.totals.deliveredMinutes;
      unlogged += ledger.totals.unloggedMinutes;
      excused += ledger.totals.excusedMinutes;
    }
    // The ledger without a grouping (the route's default) gives the same totals.
    const speechLedger = (await call(env, 'GET', api(`/services/${demo.services.speech}/ledger?${QUERY}`)))
      .body;
    const speech = report.services.find((s: { id: string }) => s.id === demo.services.speech);
    expect(speech.totals.owedMinutes).toBe(speechLedger.totals.owedMinutes);
    expect(speech.totals.requiredMinutes).toBe(speechLedger.totals.requiredMinutes);
    expect(report.minutes.owedMinutes).toBe(owed);
    expect(report.minutes.makeupMinutes).toBe(madeUp);
    // The "All services" row is complete: percent, not logged and excused too.
    expect(report.minutes.unloggedMinutes).toBe(unlogged);
    expect(report.minutes.excusedMinutes).toBe(excused);
    expect(report.minutes.percentDelivered).toBe(Math.round((delivered / required) * 1000) / 10);
    // The make-up on Oct 30 for the assembly on Sep 22 is listed with the missed sessions.
    const makeup = speech.exceptions.find((e: { kind: string }) => e.kind === 'makeup');
    expect(makeup).toMatchObject({ date: '2026-10-30', makesUpDate: '2026-09-22', minutesDelivered: 30 });
    expect(speech.exceptions.find((e: { date: string }) => e.date === '2026-10-13').countedAs).toBe(
      'excused',
    );
  });

  it('gives accommodations, the behavior plan, the correspondence, the advice, the evidence and the journal head', async () => {
    const report = (await call(env, 'GET', api(`/children/${demo.childId}/report?${QUERY}`))).body;

    const extendedTime = report.accommodations.find((a: { text: string }) => /Extended time/.test(a.text));
    expect(extendedTime).toMatchObject({ provided: 2, notProvided: 3, providedPercent: 40 });
    expect(
      extendedTime.lapses.map((l: { date: string; teacherKind: string; className: string }) => [
        l.date,
        l.className,
        l.teacherKind,
      ]),
    ).toEqual([
      ['2026-09-18', 'Spelling', 'substitute'],
      ['2026-10-02', 'Math', 'substitute'],
      ['2026-10-16', 'Spelling', 'substitute'],
    ]);
    expect(report.accommodationFindings.map((f: { rule: string }) => f.rule)).toContain(
      'accommodation_lapses_on_substitute_days',
    );

    expect(report.behaviorPlan.totals).toEqual({
      incidents: 3,
      incidentsWithStepsSkipped: 3,
      stepsSkipped: 6,
      rewardUsed: 0,
      rewardNotUsed: 3,
      consequenceAgainstPlan: 2,
    });
    const sensoryBreak = report.behaviorPlan.steps.find((s: { text: string }) =>
      /sensory break/.test(s.text),
    );
    expect(sensoryBreak).toMatchObject({ followed: 0, skipped: 3 });

    // The headphones email was answered the next day; the make-up email waits past its reply date;
    // the call about the speech schedule was never followed up in writing.
    const byText = (subject: string) =>
      report.communications.messages.find((m: { subject: string | null }) => m.subject === subject);
    expect(byText('Headphones').reply).toMatchObject({
      state: 'answered',
      repliedOn: '2026-09-25',
      responseDays: 1,
    });
    expect(byText('Make-up sessions for speech').reply).toMatchObject({
      state: 'overdue',
      dueBy: '2026-10-28',
    });
    expect(report.communications).toMatchObject({
      sent: 2,
      received: 2,
      answered: 1,
      unanswered: 1,
      overdue: 1,
      averageResponseDays: 1,
      withoutWrittenFollowUp: 1,
    });

    const advice = (await call(env, 'GET', api(`/children/${demo.childId}/advice?asOf=${RANGE.asOf}`))).body;
    expect(report.recommendations.map((r: { id: string }) => r.id)).toEqual(
      advice.recommendations.map((r: { id: string }) => r.id),
    );
    // Speech's shortfall is one of the reasons of the one meeting card (a meeting covers them all).
    const shortfall = report.recommendations.find((r: { title: string; reason: string }) =>
      /speech-language therapy/i.test(`${r.title} ${r.reason}`),
    );
    expect(shortfall.deadlines.length).toBeGreaterThan(0);
    expect(shortfall.refs.length).toBeGreaterThan(0);

    // Every reference points into the evidence index, which is in date order and numbered from E1.
    const refs = new Set(report.evidence.map((e: { ref: string }) => e.ref));
    expect(report.evidence.map((e: { ref: string }) => e.ref)).toEqual(
      report.evidence.map((_: unknown, i: number) => `E${i + 1}`),
    );
    const dates = report.evidence.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    const cited = JSON.stringify(report)
      .match(/"E\d+"/g)!
      .map((r) => r.slice(1, -1));
    for (const ref of cited) expect(refs.has(ref), ref).toBe(true);
    const attachments = (await call(env, 'GET', api('/attachments'))).body;
    const worksheet = report.evidence.find((e: { files: unknown[] }) => e.files.length > 0);
    expect(worksheet.files[0]).toMatchObject({
      filename: 'reading-response-worksheet.png',
      sha256: attachments[0].sha256,
    });

    const verify = (await call(env, 'GET', api('/verify'))).body;
    expect(report.journal).toMatchObject({
      entries: verify.journal.entries,
      headHash: verify.journal.headHash,
      verified: true,
      firstProblem: null,
      chainWhole: true,
      recordsChecked: verify.records.checked,
      recordsDiffering: 0,
      recordProblem: null,
    });
    expect(report.summary.points.length).toBeGreaterThan(4);
  });

  it('renders a PDF that qpdf accepts, of several pages, whose text has the child, the services and the ledger’s owed minutes', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: api(`/children/${demo.childId}/report.pdf?${QUERY}`),
      headers: { cookie: env.owner.cookie },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="implementation-report-Emma-2026-09-08-to-2026-10-30.pdf"; ' +
        "filename*=UTF-8''implementation-report-Emma-2026-09-08-to-2026-10-30.pdf",
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);

    // qpdf exits non-zero on any structural error.
    expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
    const info = run('pdfinfo', [file]);
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/^Title:\s+Implementation report: Emma Rivera-Demo, Sep 8 – Oct 30, 2026$/m);
    expect(info).toMatch(/^Author:\s+As Written$/m);
    expect(info).toMatch(/^Page size:\s+612 x 792 pts \(letter\)/m);

    const text = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
    const layout = run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('Emma Rivera-Demo');
    for (const serviceId of Object.values(demo.services)) {
      const ledger = (await call(env, 'GET', api(`/services/${serviceId}/ledger?${QUERY}`))).body;
      const { name } = ledger.service;
      const t = ledger.totals;
      expect(text).toContain(name);
      // The owed minutes as the ledger gives them, in the summary's sentence and the overview table.
      if (t.owedMinutes > 0) expect(text).toContain(`${t.owedMinutes} minutes owed as make-ups`);
      expect(layout).toMatch(
        new RegExp(
          `${name}\\s+${t.requiredMinutes}\\s+${t.deliveredMinutes}\\s+${t.percentDelivered}%\\s+${t.owedMinutes}\\s+${t.makeupMinutes}\\s+${t.owedBalanceMinutes}\\s`,
        ),
      );
    }
    const all = (await call(env, 'GET', api(`/children/${demo.childId}/report?${QUERY}`))).body.minutes;
    expect(layout).toMatch(
      new RegExp(
        `All services\\s+${all.requiredMinutes}\\s+${all.deliveredMinutes}\\s+${all.percentDelivered}%\\s+${all.owedMinutes}\\s+${all.makeupMinutes}\\s+${all.owedBalanceMinutes}\\s+${all.unloggedMinutes}\\s+${all.excusedMinutes}`,
      ),
    );
    expect(text).toMatch(/Page 1 of \d+/);

    // The same record gives the same bytes (the creation date comes from "as of").
    const again = await env.app.inject({
      method: 'GET',
      url: api(`/children/${demo.childId}/report.pdf?${QUERY}`),
      headers: { cookie: env.owner.cookie },
    });
    expect(Buffer.compare(again.rawPayload, pdf)).toBe(0);

    // Pages 1 and 2 as pictures. Written from one backend only: both draw the same pages, and the
    // record ids that differ between runs appear only in the evidence index, further on.
    for (const page of [1, 2]) {
      const out = join(dir, `report-page-${page}`);
      run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
      const png = readFileSync(`${out}.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      if (backend === 'sqlite') copyFileSync(`${out}.png`, join(SCREENSHOTS, `report-page-${page}.png`));
    }
  });

  it('prints whether the record verified when it was made, next to the last hash, and the first problem when not', async () => {
    const pdfText = async () => {
      const res = await env.app.inject({
        method: 'GET',
        url: api(`/children/${demo.childId}/report.pdf?${QUERY}`),
        headers: { cookie: env.owner.cookie },
      });
      expect(res.statusCode).toBe(200);
      const file = join(dir, 'verified.pdf');
      writeFileSync(file, res.rawPayload);
      return run('pdftotext', ['-layout', file, '-']);
    };
    const whole = await pdfText();
    expect(whole).toMatch(
      /Hash of the last entry\s+[0-9a-f]{64}\s+Record verified\s+Yes: the chain is whole, every record matches its\s/,
    );
    expect(whole).toMatch(/Records against the journal\s+\d+, each as its journal entries leave it/);

    // A session's minutes changed in the database, behind the app's back.
    const entry = await env.store.db
      .selectFrom('session_entry')
      .select('id')
      .where('household_id', '=', demo.householdId)
      .where('status', '=', 'delivered')
      .where('minutes_delivered', '=', 30)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`update session_entry set minutes_delivered = 45 where id = ${entry.id}`.execute(env.store.db);
    try {
      const message = `session entry ${entry.id}: minutesDelivered is 45 in the record but 30 in the journal`;
      const report = (await call(env, 'GET', api(`/children/${demo.childId}/report?${QUERY}`))).body;
      expect(report.journal).toMatchObject({
        verified: false,
        firstProblem: message,
        chainWhole: true,
        recordsDiffering: 1,
        recordProblem: message,
      });
      expect(report.summary.points.at(-1)).toContain(`1 record did not match the journal (${message})`);
      const text = (await pdfText()).replace(/\s+/g, ' ');
      expect(text).toContain(`Record verified No: ${message.slice(0, 40)}`);
      expect(text).toContain('1 differs. First: session entry');
    } finally {
      await sql`update session_entry set minutes_delivered = 30 where id = ${entry.id}`.execute(env.store.db);
    }
    expect((await call(env, 'GET', api('/verify'))).body.ok).toBe(true);
  });

  it('refuses dates that end before they start, and answers 404 for a child it does not know', async () => {
    const backwards = await call(
      env,
      'GET',
      api(`/children/${demo.childId}/report?from=2026-10-30&to=2026-09-08`),
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('to');
    const tooLong = await call(
      env,
      'GET',
      api(`/children/${demo.childId}/report.pdf?from=2024-09-01&to=2026-10-30`),
    );
    expect(tooLong.status).toBe(400);
    const unknown = await call(
      env,
      'GET',
      api(`/children/01900000-0000-7000-8000-000000000009/report.pdf?${QUERY}`),
    );
    expect(unknown.status).toBe(404);
  });
});
