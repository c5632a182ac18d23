import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, createTranslator } from '../../src/domain/i18n/translate.ts';
import { sayServerWords } from '../../web/i18n/server-words.ts';
import { allDayIcs } from '../fixtures/calendars/all-day-ics.ts';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

// Bringing a district calendar in from an .ics file: the draft reads the file and writes nothing;
// the reviewed days are saved together, each with its journal entry; a file that cannot be read is a
// 400 naming `file`; another household's child is a 404. On both databases.

const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/calendars/district-2026-27.ics'));

/** The School calendar page's part of the catalog, as the web app loads it. */
const calendarPart = (language: string) =>
  createTranslator(
    language,
    JSON.parse(
      readFileSync(
        join(import.meta.dirname, `../../src/domain/i18n/locales/${language}/calendar.json`),
        'utf8',
      ),
    ) as Catalog,
  );
type Words = { key: string; values?: Record<string, string | number> };

describe.each(BACKENDS)('the district calendar import, on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  let calendarId: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const draftUrl = () => api(`/children/${childId}/school-calendar/ics?filename=district-2026-27.ics`);
  const batchUrl = () => api(`/children/${childId}/school-calendar/events/batch`);

  beforeAll(async () => {
    env = await openTestEnv(backend);
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
    const calendar = await call(env, 'POST', api('/calendars'), {
      childId,
      name: 'Cedar Falls 2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(201);
    calendarId = calendar.body.id;
    const thanksgiving = await call(env, 'POST', api('/calendar-events'), {
      calendarId,
      kind: 'break',
      startDate: '2026-11-25',
      endDate: '2026-11-27',
      label: 'Thanksgiving break',
    });
    expect(thanksgiving.status).toBe(201);
  });
  afterAll(async () => env.close());

  it('reads the file into a draft to review, and writes nothing', async () => {
    const before = await rowCounts(env.store);
    const res = await call(env, 'POST', draftUrl(), FIXTURE);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(await rowCounts(env.store)).toEqual(before);
    const draft = res.body;
    expect(draft).toMatchObject({ name: 'Cedar Falls Unified 2026-27', timeZone: 'America/Los_Angeles' });
    expect(draft.events).toHaveLength(22);
    const of = (summary: string) => draft.events.find((e: { summary: string }) => e.summary === summary);
    expect(of('Thanksgiving Break')).toMatchObject({
      kind: 'break',
      startDate: '2026-11-25',
      endDate: '2026-11-27',
      status: 'on_calendar',
      include: false,
    });
    expect(of('Winter Break')).toMatchObject({ kind: 'break', status: 'new', include: true, calendarId });
    expect(of('Teacher In-Service – No School for Students')).toMatchObject({
      kind: 'holiday',
      confidence: 'sure',
    });
    expect(of('Staff Development Day')).toMatchObject({
      kind: 'holiday',
      confidence: 'check',
      include: true,
    });
    expect(of('Early Dismissal 12:30 – Parent Conferences')).toMatchObject({
      kind: 'early_dismissal',
      startTime: '12:30',
    });
    expect(of('Picture Day')).toMatchObject({ kind: null, include: false });
    expect(of('Labor Day – No School')).toMatchObject({ status: 'outside_school_year', include: false });
    // The days to check come first.
    expect(draft.events[0].confidence).toBe('check');
  });

  it('gives each reason in English with its words beside it, for the page to say in Spanish (issue 17)', async () => {
    const page = calendarPart('es');
    const english = calendarPart('en');
    const file = Buffer.from(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Cedar Falls//Calendar//EN',
        ...[
          ['UID:staff', 'DTSTART;VALUE=DATE:20270129', 'SUMMARY:Staff Development Day'],
          ['UID:break', 'DTSTART;VALUE=DATE:20270322', 'DTEND;VALUE=DATE:20270327', 'SUMMARY:Spring Break'],
          ['UID:field', 'DTSTART;VALUE=DATE:20261009', 'STATUS:CANCELLED', 'SUMMARY:Field Day'],
          ['UID:tba'],
        ].flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const res = await call(env, 'POST', draftUrl(), file);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    type Event = { summary: string; reason: string; words?: Words };
    type LeftOut = { summary: string; reason: string; words?: Words; summaryWords?: Words };
    const events: Event[] = res.body.events;
    const skipped: LeftOut[] = res.body.skipped;
    // The English is what it always was; the words say exactly it in English.
    expect(events.map((e) => [e.summary, e.reason, e.words?.key])).toEqual([
      [
        'Staff Development Day',
        'It says “staff development”: most often no school for students. Check it.',
        'calendar.kindReason.staff',
      ],
      ['Spring Break', 'It says “break”: days off in a row.', 'calendar.kindReason.break'],
    ]);
    expect(skipped).toEqual([
      {
        summary: 'Field Day',
        reason: 'the district cancelled it',
        words: { key: 'calendar.import.leftOutReason.cancelled' },
      },
      {
        summary: '(no title)',
        reason: 'it has no date',
        words: { key: 'calendar.import.leftOutReason.noDate' },
        summaryWords: { key: 'calendar.import.leftOutUntitled' },
      },
    ]);
    for (const e of events) expect(sayServerWords('calendar', e.words, '', english.t)).toBe(e.reason);
    // Said by the page in Spanish.
    expect(events.map((e) => sayServerWords('calendar', e.words, e.reason, page.t))).toEqual([
      'Dice “staff development”: casi siempre no hay clases para los estudiantes. Revíselo.',
      'Dice “break”: días libres seguidos.',
    ]);
    expect(
      skipped.map(
        (s) =>
          `${sayServerWords('calendar', s.summaryWords, s.summary, page.t)} (${sayServerWords('calendar', s.words, s.reason, page.t)})`,
      ),
    ).toEqual(['Field Day (el distrito lo canceló)', '(sin título) (no tiene fecha)']);
    // Every reason of the district's file has its words.
    const district: Event[] = (await call(env, 'POST', draftUrl(), FIXTURE)).body.events;
    expect(district.filter((e) => !e.words)).toEqual([]);
    for (const e of district) expect(sayServerWords('calendar', e.words, '', english.t)).toBe(e.reason);
  });

  it('refuses a file that is not a calendar, an empty one and a damaged one, naming `file`', async () => {
    const before = await rowCounts(env.store);
    const cases: [Buffer, string][] = [
      [Buffer.from('<html><body>Our calendar</body></html>'), 'is not an iCalendar (.ics) file'],
      [Buffer.alloc(0), 'is empty'],
      [
        Buffer.from(
          'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nno colon here\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        ),
        'is damaged',
      ],
      [FIXTURE.subarray(0, 2000), 'is damaged or cut short'],
    ];
    for (const [bytes, words] of cases) {
      const res = await call(env, 'POST', draftUrl(), bytes);
      expect(res.status, words).toBe(400);
      expect(res.body.error.fields[0].path).toBe('file');
      expect(res.body.error.message).toContain(`"district-2026-27.ics" ${words}`);
      expect(res.body.error.message).toContain('nothing was added');
    }
    // A Spanish reader reads the refusal, and the calendar reader's reason, in Spanish (issue 17).
    const spanish = await env.app.inject({
      method: 'POST',
      url: draftUrl(),
      headers: {
        cookie: env.owner.cookie,
        'x-csrf-token': env.owner.csrfToken,
        'content-type': 'application/octet-stream',
        'accept-language': 'es',
      },
      payload: Buffer.from('<html><body>Our calendar</body></html>'),
    });
    expect(spanish.statusCode).toBe(400);
    expect(JSON.parse(spanish.body).error).toEqual({
      code: 'validation_failed',
      message: '"district-2026-27.ics" no es un archivo de calendario (.ics); no se agregó nada',
      fields: [
        {
          path: 'file',
          message: '"district-2026-27.ics" no es un archivo de calendario (.ics); no se agregó nada',
        },
      ],
    });
    expect(await rowCounts(env.store)).toEqual(before);
    // A file over the route's own limit (2 MB, not the 25 MB of attachments) is named with that limit.
    const big = await call(env, 'POST', draftUrl(), Buffer.alloc(3 * 1024 * 1024, 0x41));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('The file is over the 2 MB limit; nothing was saved');
    expect(big.body.error.fields).toEqual([{ path: 'file', message: big.body.error.message }]);
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('saves the reviewed days in one go, each with its journal entry', async () => {
    const journalBefore = (await rowCounts(env.store)).journal!;
    const res = await call(env, 'POST', batchUrl(), {
      events: [
        { calendarId, kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01', label: 'Winter Break' },
        { calendarId, kind: 'holiday', startDate: '2026-10-09', label: 'Teacher In-Service' },
        { calendarId, kind: 'early_dismissal', startDate: '2026-11-19', label: 'Early Dismissal 12:30' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.map((e: { label: string }) => e.label)).toEqual([
      'Winter Break',
      'Teacher In-Service',
      'Early Dismissal 12:30',
    ]);
    const after = await rowCounts(env.store);
    expect(after.journal).toBe(journalBefore + 3);
    const journal = await env.store.db
      .selectFrom('journal')
      .select(['entity', 'action', 'entity_id'])
      .where(
        'entity_id',
        'in',
        res.body.map((e: { id: string }) => e.id),
      )
      .execute();
    expect(journal).toHaveLength(3);
    expect(journal.every((j) => j.entity === 'calendar_event' && j.action === 'create')).toBe(true);
    // The next draft sees them on the calendar.
    const again = await call(env, 'POST', draftUrl(), FIXTURE);
    const winter = again.body.events.find((e: { summary: string }) => e.summary === 'Winter Break');
    expect(winter).toMatchObject({ status: 'on_calendar', include: false });
  });

  it('saves all or nothing: one day outside the school year refuses the batch, naming it', async () => {
    const before = await rowCounts(env.store);
    const res = await call(env, 'POST', batchUrl(), {
      events: [
        { calendarId, kind: 'holiday', startDate: '2027-01-29', label: 'Staff Development Day' },
        { calendarId, kind: 'holiday', startDate: '2026-09-07', label: 'Labor Day' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('events.1.startDate');
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('refuses a school year of another child (404) and another household’s child (404)', async () => {
    const other = (await call(env, 'POST', api('/children'), { firstName: 'Noah' })).body.id;
    const wrongYear = await call(env, 'POST', api(`/children/${other}/school-calendar/events/batch`), {
      events: [{ calendarId, kind: 'holiday', startDate: '2027-01-29' }],
    });
    expect(wrongYear.status).toBe(404);
    expect(wrongYear.body.error.fields[0].path).toBe('events.0.calendarId');

    const created = await call(env, 'POST', '/api/households', { name: 'Another family' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const elsewhere = `/api/households/${created.body.id}`;
    const theirChild = (await call(env, 'POST', `${elsewhere}/children`, { firstName: 'Liam' })).body.id;
    // Emma's id under the other household, and the other household's child under Emma's.
    const crossed = await call(env, 'POST', `${elsewhere}/children/${childId}/school-calendar/ics`, FIXTURE);
    expect(crossed.status).toBe(404);
    const crossedBack = await call(env, 'POST', api(`/children/${theirChild}/school-calendar/ics`), FIXTURE);
    expect(crossedBack.status).toBe(404);
    const batch = await call(env, 'POST', api(`/children/${theirChild}/school-calendar/events/batch`), {
      events: [{ calendarId, kind: 'holiday', startDate: '2027-01-29' }],
    });
    expect(batch.status).toBe(404);
  });

  it('offers the terms the file’s events give, beside the year’s own, and writes nothing', async () => {
    const file = Buffer.from(
      allDayIcs({ prodId: '-//Cedar Falls//Calendar//EN', domain: 'cedarfalls.example' }, [
        { uid: 'q1', date: '20261106', summary: 'End of 1st Quarter' },
        { uid: 'q2', date: '20270129', summary: 'End of 2nd Quarter – Early Release' },
        { uid: 'q3', date: '20270409', summary: 'End of 3rd Quarter' },
        { uid: 'q4', date: '20270611', summary: 'End of 4th Quarter / Last Day of School' },
      ]),
    );
    const before = await rowCounts(env.store);
    const res = await call(env, 'POST', draftUrl(), file);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(await rowCounts(env.store)).toEqual(before);
    expect(res.body.terms).toEqual([
      {
        calendarId,
        current: [],
        proposed: [
          {
            name: 'Quarter 1',
            startDate: '2026-09-08',
            endDate: '2026-11-06',
            sources: ['End of 1st Quarter'],
          },
          {
            name: 'Quarter 2',
            startDate: '2026-11-07',
            endDate: '2027-01-29',
            sources: ['End of 2nd Quarter – Early Release'],
          },
          {
            name: 'Quarter 3',
            startDate: '2027-01-30',
            endDate: '2027-04-09',
            sources: ['End of 3rd Quarter'],
          },
          {
            name: 'Quarter 4',
            startDate: '2027-04-10',
            endDate: '2027-06-11',
            sources: ['End of 4th Quarter / Last Day of School'],
          },
        ],
      },
    ]);
    // The proposal is what the calendar accepts as its terms; once set, the same file proposes nothing.
    const terms = res.body.terms[0].proposed.map(({ name, startDate, endDate }: Record<string, string>) => ({
      name,
      startDate,
      endDate,
    }));
    const set = await call(env, 'PATCH', api(`/calendars/${calendarId}`), { terms });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await call(env, 'POST', draftUrl(), file)).body.terms).toEqual([]);
    // The district file of the other tests names no term.
    expect((await call(env, 'POST', draftUrl(), FIXTURE)).body.terms).toEqual([]);
  });
});
