import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

// Facts that hold up: a session logged by mistake (a delivered session on Thanksgiving), a miss that
// was an assembly, a session logged under the wrong service, an observation on the wrong day. Each is
// put right through the API (or a staff link), a journal entry records it, and the ledger, a drafted
// letter and the patterns count the corrected state at once. A refused correction writes nothing.
// "Today" is Sunday 29 November 2026 (TEST_NOW).

const weekly = (sessions: number) => ({
  startDate: '2026-09-08',
  endDate: '2027-06-11',
  minutesPerSession: 30,
  sessionsPerPeriod: sessions,
  period: { unit: 'week' },
});

type Fixture = { hid: string; childId: string; speech: string; ot: string; accommodationId: string };

describe.each(BACKENDS)('corrections and voids on %s', (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await openTestEnv(backend);
  });
  afterAll(async () => env?.close());

  const api = (f: Fixture, path: string) => `/api/households/${f.hid}${path}`;
  async function ok(method: string, url: string, body?: unknown) {
    const res = await call(env, method, url, body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A household of its own: Emma, speech twice a week and OT once, Thanksgiving break on the calendar. */
  async function household(): Promise<Fixture> {
    const hid = (await ok('POST', '/api/households', { name: 'Family' })).id as string;
    const f = { hid } as Fixture;
    f.childId = (await ok('POST', api(f, '/children'), { firstName: 'Emma' })).id;
    const plan = await ok('POST', api(f, '/plans'), {
      childId: f.childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'CA' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    });
    const calendar = await ok('POST', api(f, '/calendars'), {
      childId: f.childId,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    await ok('POST', api(f, '/calendar-events'), {
      calendarId: calendar.id,
      kind: 'break',
      startDate: '2026-11-25',
      endDate: '2026-11-27',
      label: 'Thanksgiving break',
    });
    const service = (name: string, area: string, sessions: number) =>
      ok('POST', api(f, '/services'), {
        planId: plan.id,
        name,
        area,
        setting: 'pull_out',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        segments: [weekly(sessions)],
      });
    f.speech = (await service('Speech-language therapy', 'speech', 2)).id;
    f.ot = (await service('Occupational therapy', 'ot', 1)).id;
    f.accommodationId = (
      await ok('POST', api(f, '/accommodations'), { planId: plan.id, text: 'Preferential seating' })
    ).id;
    return f;
  }

  const log = (f: Fixture, body: Record<string, unknown>) =>
    ok('POST', api(f, '/sessions'), { source: 'parent', ...body });
  const correct = (f: Fixture, id: string, body: unknown) =>
    call(env, 'POST', api(f, `/sessions/${id}/corrections`), body);
  async function ledgerOf(f: Fixture, serviceId: string, from = '2026-11-23', to = '2026-11-29') {
    const body = await ok('GET', api(f, `/children/${f.childId}/ledger?from=${from}&to=${to}`));
    return body.services.find((s: { serviceId: string }) => s.serviceId === serviceId);
  }
  async function journalOf(f: Fixture) {
    return env.store.db
      .selectFrom('journal')
      .select(['action', 'entity', 'entity_id', 'data'])
      .where('household_id', '=', f.hid)
      .orderBy('seq')
      .execute();
  }

  it('says nothing is logged yet, not "0% delivered", straight after setup', async () => {
    const f = await household();
    const week = await ok('GET', api(f, `/children/${f.childId}/week?date=2026-12-01`));
    const speech = week.services.find((s: { serviceId: string }) => s.serviceId === f.speech);
    expect(speech.percentDeliveredThisYear).toBeNull();
    expect(speech.unloggedMinutesThisYear).toBe(0);
    expect(week.attention).toEqual([]);
    // Once sessions are logged, the share counts what was logged; the weeks nobody logged are said apart.
    await log(f, { serviceId: f.speech, date: '2026-11-16', status: 'delivered' });
    await log(f, { serviceId: f.speech, date: '2026-11-18', status: 'missed', reason: 'provider_absent' });
    const later = await ok('GET', api(f, `/children/${f.childId}/week?date=2026-12-01`));
    const after = later.services.find((s: { serviceId: string }) => s.serviceId === f.speech);
    expect(after.percentDeliveredThisYear).not.toBeNull();
    expect(after.unloggedMinutesThisYear).toBeGreaterThan(0);
    expect(later.attention.map((a: { kind: string }) => a.kind)).toContain('owed');
    expect(later.attention.find((a: { kind: string }) => a.kind === 'behind')?.message ?? '').not.toMatch(
      /required minutes/,
    );
  });

  it('voids a delivered session logged by mistake on Thanksgiving: the ledger ignores it, the journal keeps it', async () => {
    const f = await household();
    await log(f, { serviceId: f.speech, date: '2026-11-23', status: 'delivered' });
    const mistake = await log(f, {
      serviceId: f.speech,
      date: '2026-11-26',
      status: 'delivered',
      nonSchoolDayConfirmed: true,
    });
    // Week of 23 November: 2 x 30 = 60 required; Monday's 30 and the Thanksgiving 30 delivered.
    expect((await ledgerOf(f, f.speech)).totals.deliveredMinutes).toBe(60);

    const res = await correct(f, mistake.id, { action: 'void', note: 'Logged on the wrong day: no school' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.correction).toMatchObject({
      status: 'void',
      correctsEntryId: mistake.id,
      note: 'Logged on the wrong day: no school',
    });
    expect(res.body.corrected.id).toBe(mistake.id);
    expect(res.body.relogged).toBeNull();

    // The figures return: 30 delivered, 30 (one session) not logged.
    const after = await ledgerOf(f, f.speech);
    expect(after.totals).toMatchObject({ deliveredMinutes: 30, unloggedMinutes: 30, scheduledSessions: 1 });
    expect(after.totals.entryIds.delivered).not.toContain(mistake.id);
    // The week's card counts what is in force.
    const week = await ok('GET', api(f, `/children/${f.childId}/week?date=2026-11-27`));
    const card = week.services.find((s: { serviceId: string }) => s.serviceId === f.speech);
    expect(card.deliveredSessions).toBe(1);
    expect(card.entries.map((e: { id: string }) => e.id)).not.toContain(mistake.id);
    // Both entries stay in the trail, and the void is a journal entry of its own.
    const listed = await ok('GET', api(f, `/sessions?serviceId=${f.speech}`));
    expect(listed.find((e: { id: string }) => e.id === mistake.id).correctedByEntryId).toBe(
      res.body.correction.id,
    );
    const journal = await journalOf(f);
    const entry = journal.find((j) => j.entity_id === res.body.correction.id);
    expect(entry?.action).toBe('create');
    expect(JSON.parse(entry!.data)).toMatchObject({ status: 'void', correctsEntryId: mistake.id });
    // Voiding it again is refused and writes nothing.
    const before = await rowCounts(env.store);
    const again = await correct(f, mistake.id, { action: 'void' });
    expect(again.status).toBe(409);
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('corrects a delivered session to missed for an assembly, and a drafted letter names the miss', async () => {
    const f = await household();
    const entry = await log(f, { serviceId: f.speech, date: '2026-11-24', status: 'delivered' });
    const letter = async () =>
      ok('POST', api(f, `/children/${f.childId}/letters`), {
        request: { kind: 'specific_concern', serviceId: f.speech },
      });
    expect((await letter()).body).not.toContain('Tuesday, November 24');

    const res = await correct(f, entry.id, {
      action: 'correct',
      changes: { status: 'missed', reason: 'school_event', reasonText: 'Assembly' },
      note: 'The school log says there was an assembly',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.correction).toMatchObject({
      status: 'missed',
      reason: 'school_event',
      minutesDelivered: 0,
      correctsEntryId: entry.id,
      date: '2026-11-24',
    });
    const ledger = await ledgerOf(f, f.speech);
    expect(ledger.totals).toMatchObject({ deliveredMinutes: 0, owedMinutes: 30, owedBalanceMinutes: 30 });
    expect(ledger.totals.entryIds.owed).toEqual([res.body.correction.id]);
    const drafted = await letter();
    expect(drafted.body).toContain('Tuesday, November 24');
    expect(drafted.entryIds).toContain(res.body.correction.id);
    expect(drafted.entryIds).not.toContain(entry.id);
  });

  it('correcting a corrected entry corrects its latest correction, never a second branch', async () => {
    const f = await household();
    const entry = await log(f, { serviceId: f.speech, date: '2026-11-23', status: 'delivered' });
    const first = await correct(f, entry.id, {
      action: 'correct',
      changes: { status: 'missed', reason: 'provider_absent' },
    });
    expect(first.status).toBe(201);
    // The parent opens the original again (an old screen): the server corrects the latest entry.
    const second = await correct(f, entry.id, {
      action: 'correct',
      changes: { status: 'short', minutesDelivered: 20, reason: 'provider_absent' },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.corrected.id).toBe(first.body.correction.id);
    expect(second.body.correction.correctsEntryId).toBe(first.body.correction.id);
    const ledger = await ledgerOf(f, f.speech);
    // Only the last word counts: 20 delivered, 10 owed.
    expect(ledger.totals).toMatchObject({ deliveredMinutes: 20, owedMinutes: 10, scheduledSessions: 1 });
    // A correction that changes nothing is refused, and writes nothing.
    const before = await rowCounts(env.store);
    const same = await correct(f, entry.id, { action: 'correct', changes: {} });
    expect(same.status).toBe(400);
    expect(same.body.error.fields[0].path).toBe('changes');
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('a correction of a voided entry brings it back (an undo void)', async () => {
    const f = await household();
    const entry = await log(f, { serviceId: f.speech, date: '2026-11-23', status: 'delivered' });
    const voided = await correct(f, entry.id, { action: 'void' });
    expect((await ledgerOf(f, f.speech)).totals.deliveredMinutes).toBe(0);
    const back = await correct(f, entry.id, { action: 'correct', note: 'It did happen' });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(back.body.corrected.id).toBe(voided.body.correction.id);
    expect(back.body.correction).toMatchObject({
      status: 'delivered',
      minutesDelivered: 30,
      date: '2026-11-23',
    });
    expect((await ledgerOf(f, f.speech)).totals.deliveredMinutes).toBe(30);
  });

  it('a refused correction writes nothing', async () => {
    const f = await household();
    const entry = await log(f, { serviceId: f.speech, date: '2026-11-23', status: 'delivered' });
    const before = await rowCounts(env.store);
    const cases: [unknown, number, string][] = [
      [{ action: 'correct', changes: { date: '2026-12-01' } }, 400, 'changes.date'],
      [
        { action: 'correct', changes: { status: 'short', reason: 'testing' } },
        400,
        'changes.minutesDelivered',
      ],
      [{ action: 'correct', changes: { status: 'missed' } }, 400, 'changes.reason'],
      [{ action: 'correct', changes: { minutes: 20 } }, 400, 'changes'],
      [{ action: 'move', serviceId: f.speech }, 400, 'serviceId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await correct(f, entry.id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.fields?.[0]?.path, JSON.stringify(res.body)).toBe(path);
    }
    const missing = await correct(f, '01900000-0000-7000-8000-000000000000', { action: 'void' });
    expect(missing.status).toBe(404);
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('a session logged under the wrong service is voided and logged again under the right one, in one step', async () => {
    const f = await household();
    const entry = await log(f, {
      serviceId: f.speech,
      date: '2026-11-24',
      status: 'delivered',
      startTime: '10:15',
    });
    const journalBefore = (await journalOf(f)).length;
    const res = await correct(f, entry.id, { action: 'move', serviceId: f.ot, note: 'It was OT' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.correction).toMatchObject({
      status: 'void',
      serviceId: f.speech,
      correctsEntryId: entry.id,
    });
    expect(res.body.relogged).toMatchObject({
      serviceId: f.ot,
      date: '2026-11-24',
      status: 'delivered',
      minutesDelivered: 30,
      startTime: '10:15',
      note: 'It was OT',
    });
    // Two journal entries: the void and the new entry.
    const journal = await journalOf(f);
    expect(journal.length - journalBefore).toBe(2);
    expect(journal.slice(-2).map((j) => j.entity_id)).toEqual([res.body.correction.id, res.body.relogged.id]);
    expect((await ledgerOf(f, f.speech)).totals.deliveredMinutes).toBe(0);
    expect((await ledgerOf(f, f.ot)).totals.deliveredMinutes).toBe(30);
    // A service of another household's child answers 404 and writes nothing.
    const other = await household();
    const before = await rowCounts(env.store);
    const refused = await correct(f, res.body.relogged.id, { action: 'move', serviceId: other.speech });
    expect(refused.status).toBe(404);
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('a make-up of a miss voided since counts against the oldest owed minutes, and the ledger says so', async () => {
    const f = await household();
    const older = await log(f, {
      serviceId: f.speech,
      date: '2026-11-16',
      status: 'missed',
      reason: 'provider_absent',
    });
    const assembly = await log(f, {
      serviceId: f.speech,
      date: '2026-11-17',
      status: 'missed',
      reason: 'school_event',
    });
    await log(f, {
      serviceId: f.speech,
      date: '2026-11-20',
      kind: 'makeup',
      status: 'delivered',
      minutesDelivered: 30,
      makeupForEntryId: assembly.id,
    });
    let ledger = await ledgerOf(f, f.speech, '2026-11-16', '2026-11-22');
    expect(ledger.totals).toMatchObject({
      owedMinutes: 60,
      makeupAppliedMinutes: 30,
      owedBalanceMinutes: 30,
    });
    // The make-up picker offers the older miss only (the assembly is made up).
    let options = await ok('GET', api(f, `/services/${f.speech}/makeup-options`));
    expect(options.map((o: { entryId: string }) => o.entryId)).toEqual([older.id]);

    await correct(f, assembly.id, { action: 'void', note: 'There was no assembly: logged twice' });
    ledger = await ledgerOf(f, f.speech, '2026-11-16', '2026-11-22');
    // 30 owed (the 16th), cured by the make-up: balance 0.
    expect(ledger.totals).toMatchObject({ owedMinutes: 30, makeupAppliedMinutes: 30, owedBalanceMinutes: 0 });
    expect(ledger.notes).toContain(
      '1 make-up names a session that was voided as logged by mistake; the minutes went to the oldest owed minutes instead.',
    );
    options = await ok('GET', api(f, `/services/${f.speech}/makeup-options`));
    expect(options).toEqual([]);
    // A new make-up cannot name the voided miss.
    const before = await rowCounts(env.store);
    const refused = await call(env, 'POST', api(f, '/sessions'), {
      serviceId: f.speech,
      date: '2026-11-23',
      kind: 'makeup',
      status: 'delivered',
      minutesDelivered: 30,
      makeupForEntryId: assembly.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('makeupForEntryId');
    expect(refused.body.error.fields[0].message).toContain('voided');
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('refuses a make-up naming an excused miss, and offers only owed misses not yet made up', async () => {
    const f = await household();
    const absent = await log(f, {
      serviceId: f.speech,
      date: '2026-11-16',
      status: 'missed',
      reason: 'student_absent',
    });
    const pending = await log(f, {
      serviceId: f.speech,
      date: '2026-11-17',
      status: 'missed',
      reason: 'unknown',
    });
    const owed = await log(f, {
      serviceId: f.speech,
      date: '2026-11-19',
      status: 'short',
      minutesDelivered: 20,
      reason: 'testing',
    });
    const options = await ok('GET', api(f, `/services/${f.speech}/makeup-options`));
    expect(options).toEqual([
      {
        entryId: owed.id,
        date: '2026-11-19',
        status: 'short',
        reason: 'testing',
        owedMinutes: 10,
        remainingMinutes: 10,
      },
    ]);
    expect(options.map((o: { entryId: string }) => o.entryId)).not.toContain(pending.id);
    const before = await rowCounts(env.store);
    const res = await call(env, 'POST', api(f, '/sessions'), {
      serviceId: f.speech,
      date: '2026-11-20',
      kind: 'makeup',
      status: 'delivered',
      minutesDelivered: 30,
      makeupForEntryId: absent.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'makeupForEntryId' });
    expect(res.body.error.fields[0].message).toContain('Monday, November 16');
    expect(res.body.error.fields[0].message).toContain('excused');
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('a staff link corrects and voids only the sessions it confirmed itself', async () => {
    const f = await household();
    const linkFor = async () =>
      ((await ok('POST', api(f, '/staff-links'), { childId: f.childId })).link as string).split(
        '#token=',
      )[1]!;
    const mine = await linkFor();
    const theirs = await linkFor();
    const staff = async (token: string, method: string, url: string, payload?: unknown) => {
      const res = await env.app.inject({
        method: method as 'POST',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: JSON.parse(res.body || 'null') };
    };
    const confirmed = await staff(mine, 'POST', '/api/staff-link/sessions', {
      serviceId: f.speech,
      date: '2026-11-23',
      status: 'delivered',
    });
    expect(confirmed.status).toBe(201);
    const otherLinks = await staff(theirs, 'POST', '/api/staff-link/sessions', {
      serviceId: f.speech,
      date: '2026-11-24',
      status: 'delivered',
    });
    const parents = await log(f, { serviceId: f.ot, date: '2026-11-24', status: 'delivered' });

    // Its own: corrected, with the provider's source kept.
    const fixed = await staff(mine, 'POST', `/api/staff-link/sessions/${confirmed.body.id}/corrections`, {
      action: 'correct',
      changes: { status: 'short', minutesDelivered: 25, reason: 'scheduling_conflict' },
      note: 'We started late',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);
    expect(fixed.body.correction).toMatchObject({
      status: 'short',
      minutesDelivered: 25,
      source: 'provider_link',
    });
    expect(fixed.body.correction.recordedBy).toMatch(/^staff_link:/);
    // The link's page shows what stands now.
    const view = await staff(mine, 'GET', '/api/staff-link');
    const confirmations = view.body.services
      .flatMap((s: { weeks: { confirmedByThisLink: { id: string }[] }[] }) => s.weeks)
      .flatMap(
        (w: { confirmedByThisLink: { id: string; changedByFamily: boolean }[] }) => w.confirmedByThisLink,
      );
    expect(confirmations).toEqual([
      expect.objectContaining({ id: fixed.body.correction.id, status: 'short', changedByFamily: false }),
    ]);

    // Another link's entry, and the family's: 404, nothing written.
    const before = await rowCounts(env.store);
    for (const id of [otherLinks.body.id, parents.id]) {
      const refused = await staff(mine, 'POST', `/api/staff-link/sessions/${id}/corrections`, {
        action: 'void',
      });
      expect(refused.status).toBe(404);
    }
    expect(await rowCounts(env.store)).toEqual(before);

    // The family corrects the link's entry; the link may not change it any more (403, nothing written).
    await correct(f, fixed.body.correction.id, { action: 'correct', changes: { status: 'delivered' } });
    const counts = await rowCounts(env.store);
    const late = await staff(mine, 'POST', `/api/staff-link/sessions/${confirmed.body.id}/corrections`, {
      action: 'void',
    });
    expect(late.status).toBe(403);
    expect(await rowCounts(env.store)).toEqual(counts);
    const later = await staff(mine, 'GET', '/api/staff-link');
    const shown = later.body.services
      .flatMap((s: { weeks: { confirmedByThisLink: unknown[] }[] }) => s.weeks)
      .flatMap((w: { confirmedByThisLink: unknown[] }) => w.confirmedByThisLink);
    expect(shown).toEqual([expect.objectContaining({ id: fixed.body.correction.id, changedByFamily: true })]);

    // The other link voids its own entry: gone from the ledger.
    const voided = await staff(theirs, 'POST', `/api/staff-link/sessions/${otherLinks.body.id}/corrections`, {
      action: 'void',
      note: 'Wrong student',
    });
    expect(voided.status).toBe(201);
    expect((await ledgerOf(f, f.speech)).totals.entryIds.delivered).not.toContain(otherLinks.body.id);
  });

  it('voiding an observation removes it from the patterns and rates; undoing the void brings it back', async () => {
    const f = await household();
    const observe = (date: string, outcome = 'not_provided', teacherKind = 'substitute') =>
      ok('POST', api(f, '/accommodation-observations'), {
        accommodationId: f.accommodationId,
        date,
        outcome,
        teacherKind,
        source: 'parent_saw',
      });
    // Not given on three substitute days, given on two days with the regular teacher.
    const wrong = await observe('2026-11-16');
    await observe('2026-11-17');
    await observe('2026-11-18');
    await observe('2026-11-19', 'provided', 'regular');
    await observe('2026-11-20', 'provided', 'regular');
    const patterns = async () =>
      ok('GET', api(f, `/children/${f.childId}/patterns?from=2026-11-16&to=2026-11-22&asOf=2026-11-29`));
    const rate = async () =>
      (await patterns()).accommodationRates.find(
        (r: { accommodationId: string }) => r.accommodationId === f.accommodationId,
      );
    expect((await rate()).notProvided).toBe(3);
    const substitute = async () =>
      (await patterns()).findings.filter((x: { entryIds: string[] }) => x.entryIds.includes(wrong.id));
    expect((await substitute()).length).toBeGreaterThan(0);

    const res = await call(env, 'POST', api(f, `/accommodation-observations/${wrong.id}/void`), {
      note: 'That was another class',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: wrong.id, voidNote: 'That was another class' });
    expect(res.body.voidedAt).toBe(env.clock.now());
    expect(res.body.voidedBy).toBe(`user:${env.owner.userId}`);
    expect((await rate()).notProvided).toBe(2);
    expect(await substitute()).toEqual([]);
    // The record stays, flagged; the journal's update says what changed.
    const listed = await ok(
      'GET',
      api(f, `/accommodation-observations?accommodationId=${f.accommodationId}`),
    );
    expect(listed.find((o: { id: string }) => o.id === wrong.id).voidedAt).not.toBeNull();
    const journal = (await journalOf(f)).filter((j) => j.entity_id === wrong.id);
    expect(journal.map((j) => j.action)).toEqual(['create', 'update']);
    expect(JSON.parse(journal[1]!.data).changed).toEqual({
      voidedAt: { from: null, to: env.clock.now() },
      voidedBy: { from: null, to: `user:${env.owner.userId}` },
      voidNote: { from: null, to: 'That was another class' },
    });
    // Voiding it twice is refused and writes nothing.
    const before = await rowCounts(env.store);
    expect((await call(env, 'POST', api(f, `/accommodation-observations/${wrong.id}/void`), {})).status).toBe(
      409,
    );
    expect(await rowCounts(env.store)).toEqual(before);
    // An undo is a change too.
    const undo = await call(env, 'POST', api(f, `/accommodation-observations/${wrong.id}/void`), {
      voided: false,
      note: 'It was this class after all',
    });
    expect(undo.status).toBe(200);
    expect(undo.body.voidedAt).toBeNull();
    expect((await rate()).notProvided).toBe(3);
    const last = (await journalOf(f)).filter((j) => j.entity_id === wrong.id).at(-1)!;
    expect(JSON.parse(last.data)).toMatchObject({ undoNote: 'It was this class after all' });
  });

  it('"All delivered this week" logs the open days in one step, and refuses more days than are unconfirmed', async () => {
    const f = await household();
    // Monday 23 November: Monday, Tuesday open (Wednesday to Friday are Thanksgiving break).
    const week = await ok('GET', api(f, `/children/${f.childId}/week?date=2026-11-29`));
    const card = week.services.find((s: { serviceId: string }) => s.serviceId === f.speech);
    expect(card.openDays).toEqual(['2026-11-23', '2026-11-24']);
    expect(card.notYetConfirmed).toBe(2);

    const before = await rowCounts(env.store);
    for (const dates of [['2026-11-25'], ['2026-11-23', '2026-11-23'], ['2026-11-30']]) {
      const refused = await call(env, 'POST', api(f, `/services/${f.speech}/week-delivered`), { dates });
      expect(refused.status, JSON.stringify(dates)).toBe(400);
    }
    expect(await rowCounts(env.store)).toEqual(before);

    const journalBefore = (await journalOf(f)).length;
    const res = await call(env, 'POST', api(f, `/services/${f.speech}/week-delivered`), {
      dates: ['2026-11-24', '2026-11-23'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(
      res.body.map((e: { date: string; status: string; minutesDelivered: number }) => [
        e.date,
        e.status,
        e.minutesDelivered,
      ]),
    ).toEqual([
      ['2026-11-23', 'delivered', 30],
      ['2026-11-24', 'delivered', 30],
    ]);
    expect((await journalOf(f)).length - journalBefore).toBe(2);
    const after = await ok('GET', api(f, `/children/${f.childId}/week?date=2026-11-29`));
    const now = after.services.find((s: { serviceId: string }) => s.serviceId === f.speech);
    expect(now).toMatchObject({ notYetConfirmed: 0, deliveredSessions: 2, openDays: [] });
    // Nothing is left to confirm: a further day is refused.
    const more = await call(env, 'POST', api(f, `/services/${f.ot}/week-delivered`), {
      dates: ['2026-11-23', '2026-11-24'],
    });
    expect(more.status).toBe(400);
    expect(more.body.error.fields[0].path).toBe('dates');
  });
});
