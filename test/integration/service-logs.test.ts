import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, createTranslator } from '../../src/domain/i18n/translate.ts';
import { importHousehold } from '../../src/server/services/household-transfer.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import { type LogWords, sayLogWords } from '../../web/features/service-logs/log-words.ts';
import { BACKENDS, call, openTestEnv, openTestStore, rowCounts, type TestEnv } from './harness.ts';

// The school's own service log, read and reconciled with the family's record (issue 19), on both
// databases: a preview writes nothing; an import keeps this child's rows only, with the file's SHA-256
// in the journal; accepted rows become "school log" entries counted once with the family's entries
// about the same session; marks are kept; bad input (not a log, another child's log, too many rows, too
// large) is refused with a clear message and nothing saved; export, import and verify keep it all.

const DIR = join(import.meta.dirname, '../fixtures/service-logs');
const fixture = (name: string) => readFileSync(join(DIR, name));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every row of every service-log table and the journal, as text: to look for other children's names. */
async function storedText(env: TestEnv): Promise<string> {
  const tables = [
    'service_log_import',
    'service_log_mark',
    'service_log_mapping',
    'journal',
    'session_entry',
  ] as const;
  const out: unknown[] = [];
  for (const t of tables) out.push(await env.store.db.selectFrom(t).selectAll().execute());
  return JSON.stringify(out);
}

async function logCounts(env: TestEnv) {
  const counts = await rowCounts(env.store);
  const count = async (t: 'service_log_import' | 'service_log_mark' | 'service_log_mapping') =>
    Number(
      (
        await env.store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    ...counts,
    service_log_import: await count('service_log_import'),
    service_log_mark: await count('service_log_mark'),
    service_log_mapping: await count('service_log_mapping'),
  };
}

describe.each(BACKENDS)('school service logs, on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  let speechId: string;
  let otId: string;
  let importId: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const previewUrl = (filename: string, extra = '') =>
    api(`/children/${childId}/service-logs/preview?filename=${filename}&serviceId=${speechId}${extra}`);
  const importUrl = (filename: string, extra = '') =>
    api(`/children/${childId}/service-logs?filename=${filename}&serviceId=${speechId}${extra}`);
  const log = async (body: Record<string, unknown>) => {
    const res = await call(env, 'POST', api('/sessions'), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    env = await openTestEnv(backend);
    const child = await call(env, 'POST', api('/children'), {
      firstName: 'Emma',
      lastName: 'Lopez',
      school: 'Lincoln Elementary',
    });
    childId = child.body.id;
    const calendar = await call(env, 'POST', api('/calendars'), {
      childId,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    expect(calendar.status).toBe(201);
    const plan = await call(env, 'POST', api('/plans'), {
      childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'IL' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    });
    const service = (name: string, area: string, sessions: number) =>
      call(env, 'POST', api('/services'), {
        planId: plan.body.id,
        name,
        area,
        setting: 'pull_out',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        segments: [
          {
            startDate: '2026-09-08',
            endDate: '2027-06-11',
            minutesPerSession: 30,
            sessionsPerPeriod: sessions,
            period: { unit: 'week' },
          },
        ],
      });
    speechId = (await service('Speech-language therapy', 'speech', 2)).body.id;
    otId = (await service('Occupational therapy', 'ot', 1)).body.id;
    // The family's record for October (the school's log is test/fixtures/service-logs/district-basic.csv).
    await log({ serviceId: speechId, date: '2026-10-06' });
    await log({ serviceId: speechId, date: '2026-10-08', status: 'missed', reason: 'student_absent' });
    await log({ serviceId: speechId, date: '2026-10-13', status: 'missed', reason: 'unknown' });
    await log({ serviceId: speechId, date: '2026-10-15', status: 'missed', reason: 'provider_absent' });
    await log({ serviceId: speechId, date: '2026-10-20' });
    await log({
      serviceId: speechId,
      date: '2026-10-29',
      status: 'missed',
      reason: 'unknown',
      source: 'child_report',
    });
    await log({ serviceId: speechId, date: '2026-10-23' });
  });
  afterAll(async () => env.close());

  it('reads a log into a preview with the columns, the first rows and the reconciliation, and saves nothing', async () => {
    const before = await logCounts(env);
    const res = await call(env, 'POST', previewUrl('district-basic.csv'), fixture('district-basic.csv'));
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(await logCounts(env)).toEqual(before);
    const p = res.body;
    expect(p.problem).toBeNull();
    expect(p.sha256).toBe(sha256(fixture('district-basic.csv')));
    expect(p.header.lines).toEqual([5]);
    expect(p.header.columns.map((c: { field: string }) => c.field)).toEqual([
      'date',
      'service',
      'provider',
      'minutes',
      'status',
      'notes',
    ]);
    expect(p.rows).toHaveLength(9);
    expect(p.firstRows[0]).toMatchObject({ line: 6, whose: 'this_child' });
    expect(p.unread.map((u: { line: number }) => u.line)).toEqual([15, 16, 17, 18]);
    expect(p.services).toEqual([
      { text: 'Speech Lang', serviceId: speechId, why: 'area' },
      { text: 'OT', serviceId: otId, why: 'area' },
    ]);
    const kinds = Object.fromEntries(
      p.reconciliation.items.map((i: { date: string; kind: string }) => [`${i.date}`, i.kind]),
    );
    expect(kinds).toEqual({
      '2026-10-06': 'agree',
      '2026-10-08': 'agree',
      '2026-10-13': 'school_delivered_family_missed',
      '2026-10-15': 'reason_differs',
      '2026-10-20': 'minutes_differ',
      '2026-10-22': 'school_only',
      '2026-10-23': 'family_only',
      '2026-10-27': 'school_only',
      '2026-10-29': 'school_delivered_family_missed',
      '2026-11-03': 'school_only',
    });
    const child = p.reconciliation.items.find((i: { date: string }) => i.date === '2026-10-29');
    expect(child.question).toBe(
      'The service log lists speech-language therapy as delivered on Thursday, October 29; Emma’s check-in for that day says it did not take place that day. Could you help me understand what happened?',
    );
    expect(p.reconciliation.summary).toContain('2 sessions agree; 8 differ');
  });

  it('reads a PDF printout of a log (in a child process), with its rows, page footers and the note that wrapped', async () => {
    const before = await logCounts(env);
    const pdf = fixture('printout-page-breaks.pdf');
    const res = await call(env, 'POST', previewUrl('printout-page-breaks.pdf'), pdf);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(await logCounts(env)).toEqual(before);
    const p = res.body;
    expect(p.format).toBe('pdf');
    expect(p.problem).toBeNull();
    expect(p.sha256).toBe(sha256(pdf));
    expect(p.header.columns.map((c: { field: string }) => c.field)).toEqual([
      'date',
      'startTime',
      'provider',
      'service',
      'minutes',
      'status',
      'notes',
    ]);
    expect(p.rows.map((r: { date: string }) => r.date)).toEqual([
      '2026-10-06',
      '2026-10-08',
      '2026-10-13',
      '2026-10-15',
      '2026-10-20',
      '2026-10-22',
      '2026-10-27',
    ]);
    expect(p.unread.map((u: { kind: string }) => u.kind)).toEqual(['page', 'page', 'page', 'header', 'page']);
    const kinds = Object.fromEntries(
      p.reconciliation.items.map((i: { date: string; kind: string }) => [i.date, i.kind]),
    );
    // Compared within the dates the log covers for each service (speech: October 6 to 22).
    expect(kinds).toEqual({
      '2026-10-06': 'agree',
      '2026-10-08': 'agree',
      '2026-10-13': 'agree',
      '2026-10-15': 'school_delivered_family_missed',
      '2026-10-20': 'agree',
      '2026-10-22': 'school_only',
      '2026-10-27': 'school_only',
    });
    const wrapped = p.firstRows.find((r: { line: number }) => r.line === 4);
    expect(wrapped.cells.at(-1)).toBe('Articulation /s/ blends in words and short phrases');
    // A PDF that is not a log (an IEP: its tables have dates, but no sessions) is said to be none, and nothing is saved.
    const iep = await call(env, 'POST', previewUrl('iep.pdf'), fixture('../iep/il-iep-form.pdf'));
    expect(iep.status).toBe(200);
    expect(iep.body.problem).toMatchObject({ kind: 'not_a_log' });
    expect(await logCounts(env)).toEqual(before);
  });

  it('refuses a file that is not a log, a log for another child, too many rows and too many bytes, saving nothing', async () => {
    const before = await logCounts(env);
    const notLog = await call(env, 'POST', importUrl('letter.csv'), fixture('not-a-log.csv'));
    expect(notLog.status).toBe(400);
    expect(notLog.body.error.fields).toEqual([
      {
        path: 'file',
        message:
          'This file does not look like a service log: none of its first rows names the columns a log has (a date, with minutes, a status or a service).',
      },
    ]);
    const other = await call(env, 'POST', importUrl('liam.csv'), fixture('another-child.csv'));
    expect(other.status).toBe(400);
    expect(other.body.error.message).toBe(
      'This looks like a log for another child: none of its 3 rows name Emma Lopez. Nothing was saved.',
    );
    // A Spanish reader reads the reader's own sentence in Spanish, on the error and on the file (issue 17).
    const spanish = await env.app.inject({
      method: 'POST',
      url: importUrl('liam.csv'),
      headers: {
        cookie: env.owner.cookie,
        'x-csrf-token': env.owner.csrfToken,
        'content-type': 'application/octet-stream',
        'accept-language': 'es',
      },
      payload: fixture('another-child.csv'),
    });
    expect(spanish.statusCode).toBe(400);
    const said =
      'Parece el registro de otro niño(a): ninguna de sus 3 filas nombra a Emma Lopez. No se guardó nada.';
    expect(JSON.parse(spanish.body).error).toEqual({
      code: 'validation_failed',
      message: said,
      fields: [{ path: 'file', message: said }],
    });
    const header = 'Date,Student,Service,Minutes,Status\n';
    const many = Buffer.from(header + '10/6/2026,Emma Lopez,SLP,30,Delivered\n'.repeat(50_051));
    const tooMany = await call(env, 'POST', importUrl('year.csv'), many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('more than 50,000 rows');
    const big = await call(env, 'POST', importUrl('big.csv'), Buffer.alloc(11 * 1024 * 1024, 0x41));
    expect(big.status).toBe(413);
    expect(big.body.error.fields[0].path).toBe('file');
    const badMapping = await call(
      env,
      'POST',
      importUrl('x.csv', `&mapping=${encodeURIComponent('{"columns":{"date":0,"minutes":0}}')}`),
      fixture('district-basic.csv'),
    );
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error.fields[0].path).toBe('mapping.columns.minutes');
    expect(await logCounts(env)).toEqual(before);
  });

  it('saves the log with this child’s rows and the file’s SHA-256 in the journal', async () => {
    const bytes = fixture('district-basic.csv');
    const res = await call(env, 'POST', importUrl('district-basic.csv'), bytes);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
    const view = res.body;
    importId = view.import.id;
    expect(view.import).toMatchObject({
      childId,
      serviceId: speechId,
      filename: 'district-basic.csv',
      mediaType: 'text/csv',
      sha256: sha256(bytes),
      school: 'lincoln elementary',
    });
    expect(view.import.rows).toHaveLength(9);
    expect(view.import.summary.unread).toHaveLength(4);
    const journal = await env.store.db
      .selectFrom('journal')
      .selectAll()
      .where('entity', '=', 'service_log_import')
      .execute();
    expect(journal).toHaveLength(1);
    expect(JSON.parse(journal[0]!.data)).toMatchObject({
      sha256: sha256(bytes),
      filename: 'district-basic.csv',
    });
    const list = await call(env, 'GET', api(`/children/${childId}/service-logs`));
    expect(list.body.map((l: { id: string }) => l.id)).toEqual([importId]);
    expect(list.body[0].rows).toBeUndefined();
  });

  it('accepts school rows as "school log" entries, counted once with the family’s own', async () => {
    const journalBefore = (await rowCounts(env.store)).journal!;
    const res = await call(env, 'POST', api(`/service-logs/${importId}/accept`), { lines: [8, 11, 12] });
    expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(201);
    expect(
      res.body.entries.map(
        (e: { date: string; source: string; kind: string; status: string; reason: string }) => [
          e.date,
          e.source,
          e.kind,
          e.status,
          e.reason,
        ],
      ),
    ).toEqual([
      ['2026-10-13', 'school_log', 'scheduled', 'delivered', null],
      ['2026-10-22', 'school_log', 'scheduled', 'missed', 'provider_absent'],
      ['2026-10-27', 'school_log', 'makeup', 'delivered', null],
    ]);
    expect(res.body.entries[0].note).toContain(`SHA-256 ${sha256(fixture('district-basic.csv'))}), line 8.`);
    // Three entries and three marks, each journaled.
    expect((await rowCounts(env.store)).journal).toBe(journalBefore + 6);
    const items = res.body.view.reconciliation.items;
    const line8 = items.find((i: { key: string }) => i.key === 'line:8');
    expect(line8).toMatchObject({
      mark: 'accepted',
      acceptable: false,
      kind: 'school_delivered_family_missed',
    });
    expect(line8.recordedEntryId).toBe(res.body.entries[0].id);
    // The week of October 12: the school's log counts for the 13th, the family's miss is a second source.
    const ledger = await call(env, 'GET', api(`/services/${speechId}/ledger?from=2026-10-12&to=2026-10-18`));
    expect(ledger.status).toBe(200);
    expect(ledger.body.totals).toMatchObject({ deliveredMinutes: 30, owedMinutes: 30, pendingMinutes: 0 });
    // Accepting a row twice is refused, and writes nothing.
    const again = await call(env, 'POST', api(`/service-logs/${importId}/accept`), { lines: [6, 8] });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual([{ path: 'lines.1', message: 'is in the record already' }]);
    expect((await rowCounts(env.store)).journal).toBe(journalBefore + 6);
  });

  it('marks a difference as asked about, kept mine, or open again', async () => {
    const mark = (itemKey: string, value: string) =>
      call(env, 'POST', api(`/service-logs/${importId}/marks`), { itemKey, mark: value });
    const asked = await mark('line:9', 'asked_about');
    expect(asked.status, JSON.stringify(asked.body).slice(0, 300)).toBe(200);
    expect(asked.body.reconciliation.items.find((i: { key: string }) => i.key === 'line:9').mark).toBe(
      'asked_about',
    );
    expect(
      (await mark('line:9', 'kept_mine')).body.marks.find((m: { itemKey: string }) => m.itemKey === 'line:9')
        .mark,
    ).toBe('kept_mine');
    const familyOnly = asked.body.reconciliation.items.find(
      (i: { kind: string }) => i.kind === 'family_only',
    );
    expect((await mark(familyOnly.key, 'asked_about')).status).toBe(200);
    expect((await mark('line:8', 'open')).status).toBe(409);
    const unknown = await mark('line:999', 'asked_about');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('itemKey');
  });

  it('drafts a letter asking about the differences picked, and refuses a line where both agree', async () => {
    const view = (await call(env, 'GET', api(`/service-logs/${importId}`))).body;
    type Item = { key: string; kind: string; date: string; family: { entryIds: string[] } | null };
    const items: Item[] = view.reconciliation.items;
    const differing = items.filter((i) => i.kind !== 'agree').slice(0, 2);
    expect(differing).toHaveLength(2);
    const draft = (request: Record<string, unknown>) =>
      call(env, 'POST', api(`/children/${childId}/letters`), {
        request: { kind: 'service_log_questions', importId, ...request },
        asOf: '2026-11-02',
      });
    const res = await draft({ itemKeys: differing.map((i) => i.key) });
    expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(201);
    expect(res.body.kind).toBe('service_log_questions');
    expect(res.body.subject).toBe("Questions about the service log for Emma's speech-language therapy");
    expect(res.body.body).toContain('The service log');
    expect(res.body.body).toContain('Could you help me understand');
    expect(res.body.toneFlags).toEqual([]);
    expect(res.body.respondBy).not.toBeNull();
    for (const i of differing)
      for (const id of i.family?.entryIds ?? []) expect(res.body.entryIds).toContain(id);
    const agree = items.find((i) => i.kind === 'agree')!;
    const refused = await draft({ itemKeys: [differing[0]!.key, agree.key] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('request.itemKeys.1');
    const unknown = await draft({ itemKeys: ['line:999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('request.itemKeys.0');
    const none = await draft({ itemKeys: [] });
    expect(none.status).toBe(400);

    // Marking the letter sent marks the lines it asked about as "asked about", with the day it went.
    const letter = res.body;
    const filled = await call(env, 'PATCH', api(`/letters/${letter.id}`), {
      body: letter.body.replace(/\[[^\]]*\]/g, 'Maria Lopez'),
      to: [{ name: 'Jo Rivera', email: 'jrivera@school.test' }],
    });
    expect(filled.status, JSON.stringify(filled.body).slice(0, 400)).toBe(200);
    const sent = await call(env, 'POST', api(`/letters/${letter.id}/sent`), { date: '2026-11-02' });
    expect(sent.status, JSON.stringify(sent.body).slice(0, 400)).toBe(200);
    const after = (await call(env, 'GET', api(`/service-logs/${importId}`))).body;
    const marks = Object.fromEntries(
      after.marks.map((m: { itemKey: string; mark: string; note: string | null }) => [
        m.itemKey,
        [m.mark, m.note],
      ]),
    );
    const acceptedBefore = new Set(
      view.marks
        .filter((m: { mark: string }) => m.mark === 'accepted')
        .map((m: { itemKey: string }) => m.itemKey),
    );
    const asked = differing.filter((i) => !acceptedBefore.has(i.key));
    expect(asked.length).toBeGreaterThan(0);
    for (const i of differing)
      expect(marks[i.key]).toEqual(
        acceptedBefore.has(i.key)
          ? ['accepted', null]
          : ['asked_about', 'Asked in the letter sent on 2026-11-02'],
      );
    // The marks are back to open for the tests after this one (they mark lines themselves).
    for (const i of asked)
      expect(
        (await call(env, 'POST', api(`/service-logs/${importId}/marks`), { itemKey: i.key, mark: 'open' }))
          .status,
      ).toBe(200);
  });

  it('counts the reconciliation in the implementation report, without the file’s name', async () => {
    const view = (await call(env, 'GET', api(`/service-logs/${importId}`))).body;
    const res = await call(
      env,
      'GET',
      api(`/children/${childId}/report?from=2026-10-01&to=2026-10-31&asOf=2026-11-02`),
    );
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const section = res.body.serviceLogReconciliation;
    const inOctober = view.reconciliation.items.filter(
      (i: { date: string }) => i.date >= '2026-10-01' && i.date <= '2026-10-31',
    );
    expect(section.logs).toBe(1);
    expect(section.agree + section.differ).toBe(inOctober.length);
    expect(section.agree).toBe(inOctober.filter((i: { kind: string }) => i.kind === 'agree').length);
    expect(section.services.map((s: { name: string }) => s.name)).toContain('Speech-language therapy');
    expect(JSON.stringify(res.body)).not.toContain('district-basic.csv');
  });

  it('keeps only this child’s rows of a group log, and warns about the others', async () => {
    const res = await call(env, 'POST', importUrl('group.csv'), fixture('group-log-page-breaks.csv'));
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
    expect(res.body.import.rows.map((r: { line: number }) => r.line)).toEqual([2, 5, 9, 11]);
    expect(res.body.import.summary.notes[0]).toBe(
      'This file holds rows for 2 other students (4 rows). Only Emma Lopez’s rows are read; the others are not kept.',
    );
    expect(await storedText(env)).not.toMatch(/Nguyen|Ortiz|Liam|Sofia|100877|101002/);
  });

  it('remembers a mapping the parent fixed for the next file from the same school', async () => {
    const file = Buffer.from(
      'When,What,How long,Outcome\n10/6/2026,Group,30,Done\n10/8/2026,Group,30,Done\n',
    );
    const guessed = await call(env, 'POST', previewUrl('odd.csv'), file);
    expect(guessed.body.problem.kind).toBe('not_a_log');
    const mapping = {
      headerLines: [1],
      columns: { date: 0, service: 1, minutes: 2, status: 3 },
      services: { group: speechId },
    };
    const saved = await call(
      env,
      'POST',
      importUrl('odd.csv', `&mapping=${encodeURIComponent(JSON.stringify(mapping))}`),
      file,
    );
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(201);
    const next = await call(env, 'POST', previewUrl('odd-2.csv'), file);
    expect(next.body.remembered).toBe(true);
    expect(next.body.problem).toBeNull();
    expect(next.body.mapping.columns).toEqual(mapping.columns);
    expect(next.body.rows).toHaveLength(2);
  });

  it('another household’s child is not found', async () => {
    const other = await call(env, 'POST', api('/children'), { firstName: 'Ann' });
    expect(other.status).toBe(201);
    const res = await call(
      env,
      'POST',
      `/api/households/00000000-0000-7000-8000-000000000000/children/${childId}/service-logs/preview?filename=x.csv`,
      fixture('district-basic.csv'),
    );
    expect(res.status).toBe(404);
  });

  it('verifies, and travels in the export to another database, where it verifies again', async () => {
    const verified = await verifyHousehold(env.store, env.householdId);
    expect(verified.records.problems, JSON.stringify(verified.records.problems)).toEqual([]);
    expect(verified.ok).toBe(true);
    const exported = await call(env, 'GET', api('/export'));
    expect(exported.status).toBe(200);
    const doc = exported.body;
    expect(doc.serviceLogImports).toHaveLength(3);
    expect(doc.serviceLogMarks.length).toBeGreaterThanOrEqual(5);
    expect(doc.serviceLogMappings).toHaveLength(3);
    expect(JSON.stringify(doc)).not.toMatch(/Nguyen|Ortiz/);
    const target = await openTestStore(backend);
    try {
      await importHousehold(target.store, doc);
      const again = await verifyHousehold(target.store, env.householdId);
      expect(again.records.problems).toEqual([]);
      expect(again.ok).toBe(true);
    } finally {
      await target.cleanup();
    }
  });

  it('gives the preview’s problem and each row not read as words the page says in the reader’s language', async () => {
    // The page says them with its own catalog part (web/features/service-logs/log-words.ts).
    const page = createTranslator('es', {
      ...catalogPart('es', 'servicelog'),
    });
    const say = (words: LogWords | undefined, english: string) => sayLogWords(words, english, page.t);
    const read = await call(env, 'POST', previewUrl('district-basic.csv'), fixture('district-basic.csv'));
    expect(read.status).toBe(200);
    // English as before, with the words beside it.
    expect(read.body.unread).toEqual([
      {
        line: 15,
        kind: 'problem',
        reason: '“13/45/2026” is not a date',
        words: { key: 'servicelog.row.notDate', values: { text: '13/45/2026' } },
      },
      {
        line: 16,
        kind: 'problem',
        reason: 'the status “Zoom link broken” is not one As Written knows',
        words: { key: 'servicelog.row.unknownStatus', values: { text: 'Zoom link broken' } },
      },
      { line: 17, kind: 'blank', reason: 'a blank line', words: { key: 'servicelog.row.blank' } },
      { line: 18, kind: 'total', reason: 'a total line', words: { key: 'servicelog.row.total' } },
    ]);
    expect(read.body.unread.map((u: { words: LogWords; reason: string }) => say(u.words, u.reason))).toEqual([
      '“13/45/2026” no es una fecha',
      'As Written no conoce el estado “Zoom link broken”',
      'una línea en blanco',
      'una línea de totales',
    ]);
    const notLog = await call(env, 'POST', previewUrl('letter.csv'), fixture('not-a-log.csv'));
    expect(notLog.body.problem).toEqual({
      kind: 'not_a_log',
      message:
        'This file does not look like a service log: none of its first rows names the columns a log has (a date, with minutes, a status or a service).',
      words: { key: 'servicelog.problem.notALog' },
    });
    expect(say(notLog.body.problem.words, notLog.body.problem.message)).toBe(
      'Este archivo no parece un registro de servicios: ninguna de sus primeras filas nombra las columnas de un registro (una fecha, con los minutos, un estado o un servicio).',
    );
    // A problem that quotes a row's reason carries its words too, said first.
    const noRow = await call(
      env,
      'POST',
      previewUrl('bad.csv'),
      Buffer.from('Date,Minutes\n10/6/2026,lots\n10/8/2026,about half\n'),
    );
    expect(noRow.body.problem.message).toBe(
      'No session could be read from this file: “lots” is not a number of minutes (line 2), and 1 more.',
    );
    expect(say(noRow.body.problem.words, noRow.body.problem.message)).toBe(
      'No se pudo leer ninguna sesión de este archivo: “lots” no es un número de minutos (línea 2), y 1 más.',
    );
    // Said in English, the words are the English the answer gives.
    const english = createTranslator('en', catalogPart('en', 'servicelog'));
    expect(sayLogWords(noRow.body.problem.words, '', english.t)).toBe(noRow.body.problem.message);
  });

  it('gives the notes of a preview and of a saved log as words the page says in the reader’s language', async () => {
    const page = createTranslator('es', catalogPart('es', 'servicelog'));
    const english = createTranslator('en', catalogPart('en', 'servicelog'));
    const note =
      'This file holds rows for 2 other students (4 rows). Only Emma Lopez’s rows are read; the others are not kept.';
    const words = {
      key: 'servicelog.note.otherStudents',
      values: { students: '2', rows: '4', child: 'Emma Lopez' },
    };
    const spanish =
      'Este archivo tiene filas de otros 2 estudiantes (4 filas). Solo se leen las filas de Emma Lopez; las demás no se guardan.';
    const read = await call(env, 'POST', previewUrl('group.csv'), fixture('group-log-page-breaks.csv'));
    expect(read.status).toBe(200);
    // English as before, each note's words beside it in the same order.
    expect(read.body.notes[0]).toBe(note);
    expect(read.body.noteWords).toHaveLength(read.body.notes.length);
    expect(read.body.noteWords[0]).toEqual(words);
    expect(sayLogWords(read.body.noteWords[0], note, page.t)).toBe(spanish);
    expect(sayLogWords(read.body.noteWords[0], '', english.t)).toBe(note);
    // A saved log keeps its notes in English; their words are found back when it is read.
    const saved = (await call(env, 'GET', api(`/children/${childId}/service-logs`))).body.find(
      (l: { filename: string }) => l.filename === 'group.csv',
    );
    const view = (await call(env, 'GET', api(`/service-logs/${saved.id}`))).body;
    expect(view.import.summary.notes[0]).toBe(note);
    expect(view.noteWords[0]).toEqual(words);
    expect(sayLogWords(view.noteWords[0], note, page.t)).toBe(spanish);
  });

  it('says in the reader’s language why a row cannot be accepted (a service with no session length)', async () => {
    const planId = (await call(env, 'GET', api(`/services/${speechId}`))).body.planId;
    const counseling = await call(env, 'POST', api('/services'), {
      planId,
      name: 'Counseling',
      area: 'counseling',
      setting: 'pull_out',
      startDate: '2026-09-08',
      endDate: '2027-06-11',
      segments: [
        {
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          minutesPerPeriod: 120,
          period: { unit: 'month' },
        },
      ],
    });
    expect(counseling.status, JSON.stringify(counseling.body)).toBe(201);
    const saved = await call(
      env,
      'POST',
      api(`/children/${childId}/service-logs?filename=counseling.csv&serviceId=${counseling.body.id}`),
      Buffer.from('Date,Minutes,Status\n10/6/2026,,Delivered\n'),
    );
    expect(saved.status, JSON.stringify(saved.body).slice(0, 400)).toBe(201);
    const url = api(`/service-logs/${saved.body.import.id}/accept`);
    const english = await call(env, 'POST', url, { lines: [2] });
    expect(english.status).toBe(400);
    expect(english.body.error.message).toBe(
      'lines.0 line 2 cannot be accepted: the log gives no minutes, and the plan has no session length',
    );
    const spanish = await env.app.inject({
      method: 'POST',
      url,
      headers: { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken, 'accept-language': 'es' },
      payload: { lines: [2] },
    });
    expect(spanish.statusCode).toBe(400);
    expect(JSON.parse(spanish.body).error).toMatchObject({
      message:
        'Revise lines.0: la línea 2 no se puede aceptar: el registro de la escuela no da los minutos, y el plan no fija una duración por sesión',
      fields: [
        {
          path: 'lines.0',
          message:
            'la línea 2 no se puede aceptar: el registro de la escuela no da los minutos, y el plan no fija una duración por sesión',
          code: 'custom',
          params: { rule: 'serviceLog.lineNotAcceptable', line: 2, problem: 'noMinutes' },
        },
      ],
    });
  });
});

/** A part of a language's catalog, as the web app loads it. */
function catalogPart(language: string, part: string): Catalog {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, `../../src/domain/i18n/locales/${language}/${part}.json`), 'utf8'),
  ) as Catalog;
}
