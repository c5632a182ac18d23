import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHousehold, importHousehold } from '../../src/server/services/household-transfer.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import { BACKENDS, call, openTestEnv, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// The two records migration 0012 adds, through the API on both databases: the days a child was absent
// from school (Illinois's counts leave them out) and the day the school received a request (the clocks
// that run from receipt start there). Each travels in the export and in the journal, and verify replays it.

describe.each(BACKENDS)('school absences and the day a request was received, on %s', (backend) => {
  let env: TestEnv;
  let illinoisChild: string;
  let californiaChild: string;
  let caseManager: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;

  async function childWith(firstName: string, region: string, service: boolean) {
    const childId = (await call(env, 'POST', api('/children'), { firstName })).body.id as string;
    const plan = await call(env, 'POST', api('/plans'), {
      childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const calendar = await call(env, 'POST', api('/calendars'), {
      childId,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    await call(env, 'POST', api('/calendar-events'), {
      calendarId: calendar.body.id,
      kind: 'holiday',
      startDate: '2026-10-12',
      label: "Indigenous Peoples' Day",
    });
    if (service) {
      const created = await call(env, 'POST', api('/services'), {
        planId: plan.body.id,
        name: 'Occupational therapy',
        area: 'ot',
        setting: 'pull_out',
        startDate: '2026-10-06',
        endDate: '2027-06-11',
        segments: [
          {
            startDate: '2026-10-06',
            endDate: '2027-06-11',
            minutesPerSession: 30,
            sessionsPerPeriod: 1,
            period: { unit: 'week' },
          },
        ],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    return childId;
  }

  beforeAll(async () => {
    env = await openTestEnv(backend);
    illinoisChild = await childWith('Sam', 'IL', true);
    californiaChild = await childWith('Emma', 'CA', false);
    caseManager = (
      await call(env, 'POST', api('/team-contacts'), {
        childId: californiaChild,
        name: 'Ms. Alvarez',
        role: 'Case manager',
        email: 'alvarez@school.example.org',
      })
    ).body.id;
  });
  afterAll(async () => env.close());

  it('marks a day absent, one per day, only on a school day, naming the field when refused', async () => {
    const marked = await call(env, 'POST', api('/school-absences'), {
      childId: illinoisChild,
      date: '2026-10-08',
      note: 'Home sick',
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(201);
    expect(marked.body).toMatchObject({ childId: illinoisChild, date: '2026-10-08', note: 'Home sick' });

    const counts = await rowCounts(env.store);
    const again = await call(env, 'POST', api('/school-absences'), {
      childId: illinoisChild,
      date: '2026-10-08',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].path).toBe('date');
    const saturday = await call(env, 'POST', api('/school-absences'), {
      childId: illinoisChild,
      date: '2026-10-10',
    });
    expect(saturday.status).toBe(400);
    expect(saturday.body.error.fields[0].path).toBe('date');
    const holiday = await call(env, 'POST', api('/school-absences'), {
      childId: illinoisChild,
      date: '2026-10-12',
    });
    expect(holiday.status).toBe(400);
    const notADate = await call(env, 'POST', api('/school-absences'), {
      childId: illinoisChild,
      date: '2026-13-01',
    });
    expect(notADate.status).toBe(400);
    expect(notADate.body.error.fields[0].path).toBe('date');
    expect(await rowCounts(env.store)).toEqual(counts);

    const second = await call(env, 'POST', api('/school-absences'), {
      childId: illinoisChild,
      date: '2026-10-09',
    });
    expect(second.status).toBe(201);
    const changed = await call(env, 'PATCH', api(`/school-absences/${second.body.id}`), { note: 'Dentist' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.note).toBe('Dentist');
    const list = await call(env, 'GET', api(`/school-absences?childId=${illinoisChild}`));
    expect(list.body.map((a: { date: string }) => a.date)).toEqual(['2026-10-08', '2026-10-09']);

    const journal = await call(env, 'GET', api('/journal?entity=school_absence&limit=1000'));
    expect(journal.body.map((e: { action: string }) => e.action)).toEqual(['create', 'create', 'update']);
    expect(journal.body[2].data.changed.note).toEqual({ from: null, to: 'Dentist' });
  });

  it('Illinois leaves the marked days out of the 10 school days for a service to start', async () => {
    const advice = async (asOf: string) =>
      (await call(env, 'GET', api(`/children/${illinoisChild}/advice?asOf=${asOf}`))).body
        .recommendations as {
        rule: string;
        reason: string;
      }[];
    // From Tuesday Oct 6: the 10th school day is Oct 21 without absences; Oct 8 and 9 move it to Oct 23.
    for (const asOf of ['2026-10-22', '2026-10-23'])
      expect((await advice(asOf)).some((r) => r.rule === 'service_not_started')).toBe(false);
    const late = (await advice('2026-10-26')).find((r) => r.rule === 'service_not_started');
    expect(late?.reason).toContain('passed on Fri, Oct 23');
    expect(late?.reason).toContain('marked absent from school are not counted');
  });

  it('keeps the day the school received a request, refused before it was sent or on a received message', async () => {
    const base = {
      childId: californiaChild,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-02',
      contactIds: [caseManager],
      subject: 'Speech sessions',
      summary: 'Could we meet about the speech sessions?',
    };
    const counts = await rowCounts(env.store);
    const before = await call(env, 'POST', api('/communications'), {
      ...base,
      schoolReceivedOn: '2026-11-01',
    });
    expect(before.status).toBe(400);
    expect(before.body.error.fields[0].path).toBe('schoolReceivedOn');
    const received = await call(env, 'POST', api('/communications'), {
      ...base,
      direction: 'received',
      schoolReceivedOn: '2026-11-03',
    });
    expect(received.status).toBe(400);
    expect(received.body.error.fields[0].path).toBe('schoolReceivedOn');
    expect(await rowCounts(env.store)).toEqual(counts);

    const unknown = await call(env, 'POST', api('/communications'), base);
    expect(unknown.status).toBe(201);
    expect(unknown.body.schoolReceivedOn).toBeNull();
    const known = await call(env, 'PATCH', api(`/communications/${unknown.body.id}`), {
      schoolReceivedOn: '2026-11-04',
    });
    expect(known.status, JSON.stringify(known.body)).toBe(200);
    expect(known.body.schoolReceivedOn).toBe('2026-11-04');
  });

  it('a meeting request marked sent with its received day: California counts the 30 days from it', async () => {
    const draft = await call(env, 'POST', api(`/children/${californiaChild}/letters`), {
      request: { kind: 'request_iep_meeting' },
      asOf: '2026-11-16',
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    // The letter cites the receipt: "within 30 days ... of receiving this written request".
    expect(draft.body.body).toContain(
      'within 30 days of receiving this written request, not counting days between',
    );
    const filled = await call(env, 'PATCH', api(`/letters/${draft.body.id}`), {
      body: draft.body.body.replace(/\[[^\]]*\]/g, 'Tuesday afternoons'),
    });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);

    const future = await call(env, 'POST', api(`/letters/${draft.body.id}/sent`), {
      date: '2026-11-16',
      schoolReceivedOn: '2026-12-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('schoolReceivedOn');

    const sent = await call(env, 'POST', api(`/letters/${draft.body.id}/sent`), {
      date: '2026-11-16',
      schoolReceivedOn: '2026-11-17',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.communication.schoolReceivedOn).toBe('2026-11-17');

    const advice = await call(env, 'GET', api(`/children/${californiaChild}/advice?asOf=2026-11-29`));
    const reminder = (advice.body.reminders as { kind: string; date: string; title: string }[]).find(
      (r) => r.kind === 'request_deadline',
    );
    // Nov 17 + 30 days = Dec 17 (no break of more than five school days in between).
    expect(reminder).toMatchObject({
      date: '2026-12-17',
      title: 'The meeting you asked for is to be held by Dec 17, 2026',
    });
  });

  it('both travel in the export, import into the other database and verify', async () => {
    const document = JSON.parse(JSON.stringify(await exportHousehold(env.store, env.householdId, TEST_NOW)));
    expect(document.schoolAbsences.map((a: { date: string }) => a.date).sort()).toEqual([
      '2026-10-08',
      '2026-10-09',
    ]);
    expect(
      document.communications.filter((c: { schoolReceivedOn: string | null }) => c.schoolReceivedOn != null),
    ).toHaveLength(2);
    const other = await openTestEnv(backend === 'sqlite' ? 'postgres' : 'sqlite');
    try {
      await importHousehold(other.store, document);
      const again = JSON.parse(JSON.stringify(await exportHousehold(other.store, env.householdId, TEST_NOW)));
      expect(again.schoolAbsences).toEqual(document.schoolAbsences);
      expect(again.communications).toEqual(document.communications);
      const verified = await verifyHousehold(other.store, env.householdId);
      expect(verified.ok, JSON.stringify(verified)).toBe(true);
    } finally {
      await other.close();
    }
    expect((await verifyHousehold(env.store, env.householdId)).ok).toBe(true);
  });

  it('an export made before migration 0012 (no absences, no received days) still imports', async () => {
    const source = await openTestEnv(backend);
    const target = await openTestEnv(backend);
    try {
      const childId = (
        await call(source, 'POST', `/api/households/${source.householdId}/children`, {
          firstName: 'Noor',
        })
      ).body.id;
      await call(source, 'POST', `/api/households/${source.householdId}/communications`, {
        childId,
        kind: 'email',
        direction: 'sent',
        date: '2026-11-02',
        summary: 'A question about reading.',
      });
      const document = JSON.parse(
        JSON.stringify(await exportHousehold(source.store, source.householdId, TEST_NOW)),
      );
      delete document.schoolAbsences;
      for (const c of document.communications) delete c.schoolReceivedOn;
      await importHousehold(target.store, document);
      const again = await exportHousehold(target.store, source.householdId, TEST_NOW);
      expect(again.schoolAbsences).toEqual([]);
      expect(
        (again.communications as { schoolReceivedOn: string | null }[]).map((c) => c.schoolReceivedOn),
      ).toEqual([null]);
      expect((await verifyHousehold(target.store, source.householdId)).ok).toBe(true);
    } finally {
      await source.close();
      await target.close();
    }
  });
});
