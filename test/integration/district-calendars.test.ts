import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, createTranslator } from '../../src/domain/i18n/translate.ts';
import type { Clock } from '../../src/server/context.ts';
import { READ_DISTRICT_CALENDARS_JOB } from '../../src/server/jobs/handlers.ts';
import { sayServerWords } from '../../web/i18n/server-words.ts';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

/** A part of the catalog, as the web app loads it. */
function catalogPart(language: string, part: string): Catalog {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, `../../src/domain/i18n/locales/${language}/${part}.json`), 'utf8'),
  ) as Catalog;
}

// A district calendar read from its address, on both databases, against a real HTTP server on
// 127.0.0.1 (allowed by host:port, as a server admin would allow their own calendar server): the first
// read adds nothing on its own; the parent applies a day; a later read adds a new snow day ahead on its
// own (journaled, the subscription named) and holds back a day already past, a moved day and a removed
// one; a failed read is recorded; addresses that cannot be read are 400s naming `address`, with nothing
// written; the daily job reads every subscription due.

const CRLF = '\r\n';
function ics(events: { uid: string; start: string; end?: string; summary: string }[]): string {
  const day = (d: string) => d.replaceAll('-', '');
  const next = (d: string) => {
    const t = new Date(`${d}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  };
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cedar Falls Schools//Calendar//EN',
    'X-WR-CALNAME:Cedar Falls District Calendar',
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      'DTSTAMP:20261101T000000Z',
      `DTSTART;VALUE=DATE:${day(e.start)}`,
      `DTEND;VALUE=DATE:${day(next(e.end ?? e.start))}`,
      `SUMMARY:${e.summary}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join(CRLF);
}

const WINTER = {
  uid: 'winter@cedarfalls',
  start: '2026-12-21',
  end: '2027-01-01',
  summary: 'Winter Break - No School',
};
const PICTURES = { uid: 'pictures@cedarfalls', start: '2026-12-10', summary: 'Picture Day' };

describe.each(BACKENDS)('district calendars read by their address, on %s', (backend) => {
  let env: TestEnv;
  let server: http.Server;
  let feed = '';
  let status = 200;
  let base = '';
  let childId = '';
  let subscriptionId = '';
  let now = '2026-12-01T12:00:00.000Z';
  const clock: Clock = { now: () => now, today: () => now.slice(0, 10) };
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const pendingOf = (body: { pending: { id: string; change: string }[] }) =>
    body.pending.map((p) => `${p.change} ${p.id}`).sort();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/not-a-calendar') return res.end('<html><body>District home</body></html>');
      res.writeHead(status, { 'content-type': 'text/calendar' }).end(status === 200 ? feed : 'down');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    env = await openTestEnv(backend, clock, {
      fetchPolicy: { allowHosts: [`127.0.0.1:${port}`], timeoutMs: 2_000 },
    });
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
    const calendar = await call(env, 'POST', api('/calendars'), {
      childId,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(201);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await env.close();
  });

  it('refuses addresses it cannot read, naming address, and writes nothing', async () => {
    const before = await rowCounts(env.store);
    const cases: [string, RegExp][] = [
      ['ftp://calendar.example.org/cal.ics', /http, https or webcal/],
      ['not an address', /web address/],
      ['http://127.0.0.1:1/cal.ics', /private or local network address/],
      ['http://localhost/cal.ics', /private or local network address/],
      ['http://169.254.169.254/latest/meta-data', /private or local network address/],
      [`${base}/not-a-calendar`, /not an iCalendar/],
    ];
    for (const [address, message] of cases) {
      const res = await call(env, 'POST', api(`/children/${childId}/district-calendars`), { address });
      expect(res.status, `${address}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.fields[0].path).toBe('address');
      expect(res.body.error.fields[0].message, address).toMatch(message);
    }
    status = 404;
    const missing = await call(env, 'POST', api(`/children/${childId}/district-calendars`), {
      address: `${base}/cal.ics`,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/answered 404.*nothing was saved/);
    status = 200;
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('subscribes: the first read adds nothing on its own, and the days off wait for the parent', async () => {
    feed = ics([WINTER, PICTURES, { uid: 'vets@cedarfalls', start: '2026-11-11', summary: 'Veterans Day' }]);
    const before = await rowCounts(env.store);
    const res = await call(env, 'POST', api(`/children/${childId}/district-calendars`), {
      address: `${base}/cal.ics`.replace('http://', 'http://'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    subscriptionId = res.body.id;
    expect(res.body).toMatchObject({ name: 'Cedar Falls District Calendar', lastStatus: 'ok', recent: [] });
    expect(pendingOf(res.body)).toEqual(['added vets@cedarfalls', 'added winter@cedarfalls']);
    const after = await rowCounts(env.store);
    expect(after.calendar_event).toBe(before.calendar_event);
    expect(after.district_calendar).toBe(before.district_calendar! + 1);
    const again = await call(env, 'POST', api(`/children/${childId}/district-calendars`), {
      address: `${base}/cal.ics`,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.fields[0]).toMatchObject({ path: 'address', message: /already read/ });
  });

  it('applies a waiting day as a journaled calendar day, and dismisses another', async () => {
    const journalBefore = (await rowCounts(env.store)).journal!;
    const applied = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/decisions`), {
      changeId: 'winter@cedarfalls',
      action: 'apply',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(pendingOf(applied.body)).toEqual(['added vets@cedarfalls']);
    const dismissed = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/decisions`), {
      changeId: 'vets@cedarfalls',
      action: 'dismiss',
    });
    expect(dismissed.body.pending).toEqual([]);
    expect((await rowCounts(env.store)).journal).toBe(journalBefore + 1);
    const days = (await call(env, 'GET', api(`/calendar-events?calendarId=${await calendarId()}`))).body;
    expect(days).toContainEqual(
      expect.objectContaining({ kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01' }),
    );
    const twice = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/decisions`), {
      changeId: 'vets@cedarfalls',
      action: 'apply',
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields[0].path).toBe('changeId');
  });

  it('adds a new snow day ahead on its own, naming the subscription, and holds back a day already past', async () => {
    now = '2026-12-02T06:00:00.000Z';
    feed = ics([
      WINTER,
      PICTURES,
      { uid: 'vets@cedarfalls', start: '2026-11-11', summary: 'Veterans Day' },
      { uid: 'snow-1202@cedarfalls', start: '2026-12-02', summary: 'Snow Day - Schools Closed' },
      { uid: 'storm-1120@cedarfalls', start: '2026-11-20', summary: 'Schools closed - storm' },
    ]);
    const read = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/read`));
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.recent).toEqual([
      expect.objectContaining({
        kind: 'closure',
        startDate: '2026-12-02',
        summary: 'Snow Day - Schools Closed',
      }),
    ]);
    expect(pendingOf(read.body)).toEqual(['added storm-1120@cedarfalls']);
    expect(read.body.pending[0].reason).toMatch(/already passed/);
    const journal = await env.store.db
      .selectFrom('journal')
      .select(['actor', 'entity'])
      .where('household_id', '=', env.householdId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(journal).toEqual({
      actor: `system:district-calendar:${subscriptionId}`,
      entity: 'calendar_event',
    });
    // Read again with nothing new: nothing is added twice.
    const again = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/read`));
    expect(again.body.recent).toHaveLength(1);
  });

  it('never moves or removes a day on its own: both wait, and applying the move moves the day', async () => {
    feed = ics([
      PICTURES,
      { uid: 'vets@cedarfalls', start: '2026-11-11', summary: 'Veterans Day' },
      { uid: 'snow-1202@cedarfalls', start: '2026-12-03', summary: 'Snow Day - Schools Closed' },
      { uid: 'storm-1120@cedarfalls', start: '2026-11-20', summary: 'Schools closed - storm' },
    ]);
    const read = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/read`));
    expect(pendingOf(read.body)).toEqual([
      'added storm-1120@cedarfalls',
      'changed snow-1202@cedarfalls',
      'removed winter@cedarfalls',
    ]);
    // Each reason in English, with its words for the calendar page to say in the reader's language
    // (issue 17), found back from the English the subscription keeps (it keeps no words).
    type Change = { reason: string; words?: { key: string; values?: Record<string, string> } };
    const page = createTranslator('es', catalogPart('es', 'calendar'));
    const english = createTranslator('en', catalogPart('en', 'calendar'));
    expect(read.body.pending.map((p: Change) => p.words?.key)).toEqual([
      'calendar.pending.addedPast',
      'calendar.pending.changed',
      'calendar.pending.removed',
    ]);
    expect(
      read.body.pending.map((p: Change) => sayServerWords('calendar', p.words, p.reason, page.t)),
    ).toEqual([
      'El distrito agregó un día que ya pasó: una carta enviada desde entonces puede contarlo como día de clases, así que le espera a usted.',
      'El distrito cambió este día: el calendario guarda los días de antes hasta que usted lo confirme.',
      'El distrito ya no incluye este día. Si al final hay clases ese día, quítelo del calendario.',
    ]);
    for (const p of read.body.pending as Change[])
      expect(sayServerWords('calendar', p.words, '', english.t)).toBe(p.reason);
    const kept = await env.store.db
      .selectFrom('district_calendar')
      .select('pending')
      .where('id', '=', subscriptionId)
      .executeTakeFirstOrThrow();
    expect(String(kept.pending)).not.toContain('"words"');
    const days = async () =>
      (await call(env, 'GET', api(`/calendar-events?calendarId=${await calendarId()}`))).body;
    expect((await days()).map((d: { startDate: string }) => d.startDate).sort()).toEqual([
      '2026-12-02',
      '2026-12-21',
    ]);
    const refused = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/decisions`), {
      changeId: 'winter@cedarfalls',
      action: 'apply',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('action');
    const moved = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/decisions`), {
      changeId: 'snow-1202@cedarfalls',
      action: 'apply',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await days()).map((d: { startDate: string }) => d.startDate).sort()).toEqual([
      '2026-12-03',
      '2026-12-21',
    ]);
  });

  it('records a failed read with its reason, and the daily job reads every subscription due', async () => {
    status = 503;
    const failed = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/read`));
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      lastStatus: 'failed',
      lastError: 'answered 503 instead of the calendar',
    });
    // The English stays in the column; a Spanish reader reads why in Spanish, on every answer (issue 17).
    const stored = await env.store.db
      .selectFrom('district_calendar')
      .select('last_error')
      .where('id', '=', subscriptionId)
      .executeTakeFirstOrThrow();
    expect(stored.last_error).toBe('answered 503 instead of the calendar');
    const inSpanish = async (method: 'GET' | 'POST', url: string) => {
      const res = await env.app.inject({
        method,
        url,
        headers: { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken, 'accept-language': 'es' },
      });
      expect(res.statusCode, res.body).toBe(200);
      return JSON.parse(res.body);
    };
    const listed = await inSpanish('GET', api(`/children/${childId}/district-calendars`));
    expect(listed[0]).toMatchObject({
      lastStatus: 'failed',
      lastError: 'respondió 503 en lugar del calendario',
    });
    const readAgain = await inSpanish('POST', api(`/district-calendars/${subscriptionId}/read`));
    expect(readAgain).toMatchObject({
      lastStatus: 'failed',
      lastError: 'respondió 503 en lugar del calendario',
    });
    status = 200;
    now = '2026-12-03T06:00:00.000Z';
    await env.app.deps.jobs.enqueue(READ_DISTRICT_CALENDARS_JOB, {});
    await env.app.deps.jobs.idle();
    const list = await call(env, 'GET', api(`/children/${childId}/district-calendars`));
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ lastStatus: 'ok', lastError: null, lastReadAt: now });
  });

  it('travels in the export, and stops reading when removed (its days stay)', async () => {
    const exported = await call(env, 'GET', api('/export'));
    expect(exported.body.districtCalendars).toEqual([
      expect.objectContaining({ id: subscriptionId, address: `${base}/cal.ics`, childId }),
    ]);
    const eventsBefore = (await rowCounts(env.store)).calendar_event;
    const removed = await call(env, 'DELETE', api(`/district-calendars/${subscriptionId}`));
    expect(removed.status).toBe(204);
    expect((await call(env, 'GET', api(`/children/${childId}/district-calendars`))).body).toEqual([]);
    expect((await rowCounts(env.store)).calendar_event).toBe(eventsBefore);
    const gone = await call(env, 'POST', api(`/district-calendars/${subscriptionId}/read`));
    expect(gone.status).toBe(404);
  });

  async function calendarId(): Promise<string> {
    return (await call(env, 'GET', api(`/calendars?childId=${childId}`))).body[0].id;
  }
});
