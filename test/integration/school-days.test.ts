import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import * as migration0010 from '../../src/store/migrations/0010-non-school-day-confirmed.ts';
import { BACKENDS, call, openTestEnv, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// Dates on days with no school (docs/ledger-rules.md): a session, an observation or an incident dated
// on a weekend, a holiday, a break or a closure is refused with "Are you sure? ..." unless the
// request confirms it; the confirmation is kept on the record, in the journal and in the export.
// Every way in (the API, a staff link, a check-in) asks the same question. On both databases.

const THANKSGIVING = '2026-11-26';
const QUESTION =
  'Are you sure? Thursday, November 26 is Thanksgiving break. If it happened on this day, confirm it.';
const tokenOf = (link: string) => link.split('#token=')[1]!;

describe.each(BACKENDS)('dates on days with no school, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  let hid: string;
  const api = (path: string) => `/api/households/${hid}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    hid = demo.householdId;
  });
  afterAll(async () => env.close());

  const speechOn = (date: string, extra: Record<string, unknown> = {}) =>
    call(env, 'POST', api('/sessions'), { serviceId: demo.services.speech, date, ...extra });

  it('refuses a session on Thanksgiving without the confirmation, asking with the date in words, and writes nothing', async () => {
    const before = await rowCounts(env.store);
    const res = await speechOn(THANKSGIVING);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'date', message: QUESTION }]);
    expect(res.body.error.message).toContain('nonSchoolDayConfirmed: true');
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('accepts it with the confirmation, and keeps the confirmation on the record, in the journal and in the export', async () => {
    const res = await speechOn(THANKSGIVING, {
      nonSchoolDayConfirmed: true,
      note: 'Make-up day at the clinic',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.nonSchoolDayConfirmed).toBe(true);
    const row = await env.store.db
      .selectFrom('session_entry')
      .select('non_school_day_confirmed')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.non_school_day_confirmed)).toBe(1);
    const journal = await env.store.db
      .selectFrom('journal')
      .select('data')
      .where('entity_id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(journal.data).nonSchoolDayConfirmed).toBe(true);
    const exported = await call(env, 'GET', api('/export'));
    expect(exported.status, JSON.stringify(exported.body).slice(0, 300)).toBe(200);
    const entry = exported.body.sessionEntries.find((e: { id: string }) => e.id === res.body.id);
    expect(entry.nonSchoolDayConfirmed).toBe(true);
    // Entries on school days say false.
    expect(
      exported.body.sessionEntries.filter((e: { nonSchoolDayConfirmed: boolean }) => !e.nonSchoolDayConfirmed)
        .length,
    ).toBeGreaterThan(0);
  });

  it('asks on a weekend and on a closure, but not for a miss because school was closed on a closure', async () => {
    const saturday = await speechOn('2026-11-21');
    expect(saturday.body.error.fields[0].message).toBe(
      'Are you sure? Saturday, November 21 is a weekend day. If it happened on this day, confirm it.',
    );
    const snowDay = '2026-10-27';
    const delivered = await speechOn(snowDay);
    expect(delivered.status).toBe(400);
    expect(delivered.body.error.fields[0].message).toMatch(
      /^Are you sure\? Tuesday, October 27 is a school closure: Snow day/,
    );
    const closed = await call(env, 'POST', api('/sessions'), {
      serviceId: demo.services.ot,
      date: snowDay,
      status: 'missed',
      reason: 'school_closed',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.nonSchoolDayConfirmed).toBe(false);
  });

  it('takes a make-up on any day without the question', async () => {
    const res = await call(env, 'POST', api('/sessions'), {
      serviceId: demo.services.speech,
      date: '2026-11-21',
      kind: 'makeup',
      minutesDelivered: 30,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.nonSchoolDayConfirmed).toBe(false);
  });

  it('still refuses a session outside the service’s dates, whatever the confirmation', async () => {
    const res = await speechOn('2026-09-05', { nonSchoolDayConfirmed: true });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].message).toMatch(/outside the service's dates/);
  });

  it('asks the same for an accommodation observation and a behavior incident, on create and on a change of date only', async () => {
    const accommodations = (await call(env, 'GET', api(`/accommodations?planId=${demo.planId}`))).body as {
      id: string;
    }[];
    const observation = {
      accommodationId: accommodations[0]!.id,
      date: THANKSGIVING,
      outcome: 'not_provided',
      source: 'parent_saw',
    };
    const refused = await call(env, 'POST', api('/accommodation-observations'), observation);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ path: 'date', message: QUESTION }]);
    const saved = await call(env, 'POST', api('/accommodation-observations'), {
      ...observation,
      nonSchoolDayConfirmed: true,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.nonSchoolDayConfirmed).toBe(true);
    // A change that keeps the date keeps the answer; moving it to another day off asks again.
    const noted = await call(env, 'PATCH', api(`/accommodation-observations/${saved.body.id}`), {
      note: 'At the family reading night',
    });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    expect(noted.body.nonSchoolDayConfirmed).toBe(true);
    const moved = await call(env, 'PATCH', api(`/accommodation-observations/${saved.body.id}`), {
      date: '2026-11-22',
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.fields[0].message).toMatch(
      /^Are you sure\? Sunday, November 22 is a weekend day/,
    );
    const toSchoolDay = await call(env, 'PATCH', api(`/accommodation-observations/${saved.body.id}`), {
      date: '2026-11-24',
    });
    expect(toSchoolDay.status, JSON.stringify(toSchoolDay.body)).toBe(200);
    expect(toSchoolDay.body.nonSchoolDayConfirmed).toBe(false);

    const incident = {
      planId: demo.planId,
      date: '2026-11-11',
      summary: 'Upset at the Veterans Day parade',
      source: 'parent_saw',
    };
    const refusedIncident = await call(env, 'POST', api('/behavior-incidents'), incident);
    expect(refusedIncident.body.error.fields[0].message).toBe(
      'Are you sure? Wednesday, November 11 is a holiday: Veterans Day. If it happened on this day, confirm it.',
    );
    const savedIncident = await call(env, 'POST', api('/behavior-incidents'), {
      ...incident,
      nonSchoolDayConfirmed: true,
    });
    expect(savedIncident.status, JSON.stringify(savedIncident.body)).toBe(201);
    expect(savedIncident.body.nonSchoolDayConfirmed).toBe(true);
    const row = await env.store.db
      .selectFrom('behavior_incident')
      .select('non_school_day_confirmed')
      .where('id', '=', savedIncident.body.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.non_school_day_confirmed)).toBe(1);
  });

  it('asks a provider confirming through a staff link the same question', async () => {
    const created = await call(env, 'POST', api('/staff-links'), {
      serviceId: demo.services.speech,
      label: 'Mr. Chen, SLP',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = tokenOf(created.body.link);
    const staff = (method: 'GET' | 'POST', url: string, body?: object) =>
      env.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body ? { payload: body } : {}),
      });
    // The link's page carries the calendar, so its form asks before sending.
    const view = JSON.parse((await staff('GET', '/api/staff-link')).body);
    expect(view.calendars[0].events.some((e: { label: string }) => e.label === 'Thanksgiving break')).toBe(
      true,
    );
    const refused = await staff('POST', '/api/staff-link/sessions', {
      serviceId: demo.services.speech,
      date: '2026-11-25',
      status: 'delivered',
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body).error.fields[0]).toEqual({
      path: 'date',
      message:
        'Are you sure? Wednesday, November 25 is Thanksgiving break. If it happened on this day, confirm it.',
    });
    const saved = await staff('POST', '/api/staff-link/sessions', {
      serviceId: demo.services.speech,
      date: '2026-11-25',
      status: 'delivered',
      nonSchoolDayConfirmed: true,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(JSON.parse(saved.body)).toMatchObject({ source: 'provider_link', nonSchoolDayConfirmed: true });
  });

  it('asks about a check-in answer’s day, at the answer’s field', async () => {
    const q = (await call(env, 'GET', api(`/children/${demo.childId}/check-in-questions?date=2026-11-29`)))
      .body;
    const speech = q.questions.find(
      (x: { kind: string; subjectId: string }) => x.subjectId === demo.services.speech,
    );
    const answer = {
      kind: 'session',
      questionKey: speech.key,
      ask: speech.ask,
      serviceId: demo.services.speech,
      outcome: 'happened',
      sessionDate: '2026-11-27',
    };
    const refused = await call(env, 'POST', api('/check-ins'), {
      childId: demo.childId,
      date: '2026-11-29',
      answers: [answer],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toEqual({
      path: 'answers.0.sessionDate',
      message:
        'Are you sure? Friday, November 27 is Thanksgiving break. If it happened on this day, confirm it.',
    });
    const saved = await call(env, 'POST', api('/check-ins'), {
      childId: demo.childId,
      date: '2026-11-29',
      answers: [{ ...answer, nonSchoolDayConfirmed: true }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  });

  it('dates a Sunday check-in’s answer about “this week” on the last school day, without asking', async () => {
    const q = (await call(env, 'GET', api(`/children/${demo.childId}/check-in-questions?date=2026-11-29`)))
      .body;
    const accommodation = q.questions.find((x: { kind: string }) => x.kind === 'accommodation');
    const res = await call(env, 'POST', api('/check-ins'), {
      childId: demo.childId,
      date: '2026-11-29',
      answers: [
        {
          kind: 'accommodation',
          questionKey: accommodation.key,
          ask: accommodation.ask,
          accommodationId: accommodation.subjectId,
          outcome: 'provided',
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const observation = await call(
      env,
      'GET',
      api(`/accommodation-observations/${res.body.answers[0].recordedAs.id}`),
    );
    // Sunday of Thanksgiving week: the last school day was Tuesday.
    expect(observation.body).toMatchObject({ date: '2026-11-24', nonSchoolDayConfirmed: false });
  });

  it('says a monthly, yearly or cycle service’s own period on the home screen, never a weekly share', async () => {
    const service = (name: string, amount: Record<string, unknown>) =>
      call(env, 'POST', api('/services'), {
        planId: demo.planId,
        name,
        area: 'counseling',
        setting: 'pull_out',
        delivery: 'direct',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        segments: [{ startDate: '2026-09-08', endDate: '2027-06-11', minutesPerSession: 30, ...amount }],
      });
    const monthly = await service('Counseling', { sessionsPerPeriod: 2, period: { unit: 'month' } });
    const yearly = await service('Assistive technology check', {
      sessionsPerPeriod: 3,
      period: { unit: 'year' },
    });
    const cycle = await service('Social skills group', {
      sessionsPerPeriod: 1,
      period: { unit: 'cycle', cycleDays: 6 },
    });
    expect([monthly.status, yearly.status, cycle.status]).toEqual([201, 201, 201]);
    await call(env, 'POST', api('/sessions'), { serviceId: monthly.body.id, date: '2026-11-17' });
    await call(env, 'POST', api('/sessions'), { serviceId: yearly.body.id, date: '2026-10-06' });
    const week = await call(env, 'GET', api(`/children/${demo.childId}/week?date=2026-11-18`));
    expect(week.status, JSON.stringify(week.body)).toBe(200);
    const card = (id: string) => week.body.services.find((s: { serviceId: string }) => s.serviceId === id);
    expect(card(monthly.body.id)).toMatchObject({
      period: {
        unit: 'month',
        start: '2026-11-01',
        end: '2026-11-30',
        words: '2 sessions in November: 1 so far',
      },
      promisedSessions: 2,
      deliveredSessions: 1,
      notYetConfirmed: null,
    });
    expect(card(yearly.body.id)).toMatchObject({
      period: { unit: 'year', words: '3 sessions this school year: 1 so far' },
      promisedSessions: 3,
    });
    expect(card(cycle.body.id).period.words).toMatch(
      /^1 session every 6-day cycle: 0 so far, this cycle ends (Monday|Tuesday|Wednesday|Thursday|Friday), (November|December) \d+$/,
    );
    // A weekly service is still this week's.
    expect(card(demo.services.speech)).toMatchObject({
      period: { unit: 'week', start: '2026-11-16' },
      promisedSessions: 2,
    });
  });

  it('shows this week’s days off only, and whether there is school today', async () => {
    const week = await call(env, 'GET', api(`/children/${demo.childId}/week?date=2026-11-30`));
    expect(week.body.closures).toEqual([]);
    const thanksgivingWeek = await call(env, 'GET', api(`/children/${demo.childId}/week?date=2026-11-26`));
    expect(thanksgivingWeek.body.closures).toEqual(['2026-11-25 to 2026-11-27: Thanksgiving break (break)']);
    expect(thanksgivingWeek.body.schoolDayToday).toBe(false);
    const winter = await call(env, 'GET', api(`/children/${demo.childId}/week?date=2026-12-28`));
    expect(winter.body.closures).toEqual(['2026-12-28 to 2027-01-01: Winter break (break)']);
    const snow = await call(env, 'GET', api(`/children/${demo.childId}/week?date=2026-10-27`));
    expect(snow.body.closedToday).toMatchObject({ label: 'Snow day (early storm)', startDate: '2026-10-27' });
  });
});

describe.each(BACKENDS)('migration 0010 on an older database, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env.close());

  it('marks the records that would now need the confirmation as confirmed, with a journal entry for each, and the household still verifies', async () => {
    const hid = demo.householdId;
    const api = (path: string) => `/api/households/${hid}${path}`;
    // Records an older version accepted without asking: a session on Thanksgiving, a make-up on a
    // Saturday, an observation on a Sunday, and the story's miss on the snow day (school closed).
    const thanksgiving = await call(env, 'POST', api('/sessions'), {
      serviceId: demo.services.speech,
      date: THANKSGIVING,
      nonSchoolDayConfirmed: true,
    });
    const makeup = await call(env, 'POST', api('/sessions'), {
      serviceId: demo.services.speech,
      date: '2026-11-21',
      kind: 'makeup',
      minutesDelivered: 30,
    });
    const accommodations = (await call(env, 'GET', api(`/accommodations?planId=${demo.planId}`))).body;
    const observation = await call(env, 'POST', api('/accommodation-observations'), {
      accommodationId: accommodations[0].id,
      date: '2026-11-22',
      outcome: 'provided',
      source: 'parent_saw',
      nonSchoolDayConfirmed: true,
    });
    expect([thanksgiving.status, makeup.status, observation.status]).toEqual([201, 201, 201]);

    // The database as it was before 0010: no column. (Its journal keeps what the records said; an
    // older journal lacks the field, which replay reads as false: src/store/database.ts.)
    for (const table of ['session_entry', 'accommodation_observation', 'behavior_incident'] as const) {
      await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN non_school_day_confirmed`.execute(env.store.db);
    }
    await migration0010.up(env.store.db);

    const flag = async (table: 'session_entry' | 'accommodation_observation', id: string) =>
      Number(
        (
          await env.store.db
            .selectFrom(table)
            .select('non_school_day_confirmed')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).non_school_day_confirmed,
      );
    expect(await flag('session_entry', thanksgiving.body.id)).toBe(1);
    expect(await flag('accommodation_observation', observation.body.id)).toBe(1);
    // A make-up needs no confirmation, nor does a miss because school was closed on a closure.
    expect(await flag('session_entry', makeup.body.id)).toBe(0);
    const snowDayMiss = await env.store.db
      .selectFrom('session_entry')
      .select(['id', 'non_school_day_confirmed'])
      .where('household_id', '=', hid)
      .where('date', '=', '2026-10-27')
      .executeTakeFirstOrThrow();
    expect(Number(snowDayMiss.non_school_day_confirmed)).toBe(0);
    const marked = await env.store.db
      .selectFrom('journal')
      .select(['entity', 'entity_id', 'data'])
      .where('household_id', '=', hid)
      .where('actor', '=', 'system:migration-0010')
      .orderBy('seq')
      .execute();
    expect(marked.map((m) => m.entity_id).sort()).toEqual([thanksgiving.body.id, observation.body.id].sort());
    expect(JSON.parse(marked[0]!.data).changed).toEqual({ nonSchoolDayConfirmed: { from: false, to: true } });
    // The chain and the replay both hold: the journal carries the change the migration made.
    const report = await verifyHousehold(env.store, hid);
    expect(report.ok, JSON.stringify(report).slice(0, 2000)).toBe(true);
    // And the API reads the marks.
    const entry = await call(env, 'GET', api(`/sessions/${thanksgiving.body.id}`));
    expect(entry.body.nonSchoolDayConfirmed).toBe(true);
  });
});
