import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

const speechSegment = {
  startDate: '2026-09-08',
  endDate: '2027-06-11',
  minutesPerSession: 30,
  sessionsPerPeriod: 2,
  period: { unit: 'week' },
};

describe.each(BACKENDS)('the HTTP API on %s', (backend) => {
  let env: TestEnv;
  let hid: string;
  let childId: string;
  let planId: string;
  let serviceId: string;
  let calendarId: string;
  const url = (path: string) => `/api/households/${hid}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    const h = await call(env, 'POST', '/api/households', { name: 'Test family' });
    expect(h.status).toBe(201);
    hid = h.body.id;
    const c = await call(env, 'POST', url('/children'), { firstName: 'Sam' });
    expect(c.status).toBe(201);
    childId = c.body.id;
    const p = await call(env, 'POST', url('/plans'), {
      childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'IL' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-09-07',
    });
    expect(p.status).toBe(201);
    planId = p.body.id;
    const s = await call(env, 'POST', url('/services'), {
      planId,
      name: 'Speech-language therapy',
      area: 'speech',
      setting: 'pull_out',
      startDate: '2026-09-08',
      endDate: '2027-06-11',
      segments: [speechSegment],
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    serviceId = s.body.id;
    const cal = await call(env, 'POST', url('/calendars'), {
      childId,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    expect(cal.status).toBe(201);
    calendarId = cal.body.id;
  });
  afterAll(async () => env.close());

  it('answers the health check when the database is reachable', async () => {
    const res = await call(env, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: backend });
  });

  it('creates, reads, changes and lists every kind of plan record', async () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        '/accommodations',
        { planId, text: 'Extended time on tests', category: 'timing', appliesTo: 'tests' },
        { text: 'Extended time (1.5x) on tests' },
      ],
      [
        '/goals',
        { planId, area: 'Speech', text: 'Produce /r/ with 80% accuracy' },
        { target: '80% over 3 sessions' },
      ],
      ['/behavior-steps', { planId, kind: 'reward', text: 'Token chart' }, { position: 2 }],
      ['/key-dates', { planId, kind: 'annual_review', date: '2027-09-07' }, { label: 'Annual review' }],
      [
        '/team-contacts',
        { childId, name: 'Ms. Alvarez', role: 'Case manager', email: 'a@school.example.org' },
        { phone: '555-0100' },
      ],
      [
        '/calendar-events',
        { calendarId, kind: 'closure', startDate: '2026-10-27', label: 'Snow day' },
        { label: 'Snow day (storm)' },
      ],
    ];
    const acc = await call(env, 'POST', url('/accommodations'), {
      planId,
      text: 'Noise-canceling headphones',
    });
    const goal = await call(env, 'POST', url('/goals'), { planId, area: 'Reading', text: 'Read 90 wcpm' });
    cases.push(
      [
        '/accommodation-observations',
        {
          accommodationId: acc.body.id,
          date: '2026-09-15',
          outcome: 'not_provided',
          teacherKind: 'other_staff',
          source: 'child_report',
          note: 'In a locked cabinet',
        },
        { outcome: 'partly' },
      ],
      [
        '/behavior-incidents',
        {
          planId,
          date: '2026-09-16',
          summary: 'Meltdown in the hallway',
          rewardUsed: false,
          consequenceContradicted: true,
          source: 'teacher',
        },
        { rewardUsed: true },
      ],
      [
        '/class-periods',
        { childId, weekday: 2, startTime: '10:00', endTime: '10:45', className: 'Science' },
        { teacher: 'Mr. Okoye' },
      ],
      [
        '/goal-progress',
        {
          goalId: goal.body.id,
          date: '2026-11-13',
          value: '68 wcpm',
          numericValue: 68.5,
          source: 'progress_report',
        },
        { numericValue: 70 },
      ],
    );
    for (const [path, body, patch] of cases) {
      const created = await call(env, 'POST', url(path), body);
      expect(created.status, `${path} ${JSON.stringify(created.body)}`).toBe(201);
      const id = created.body.id;
      const read = await call(env, 'GET', url(`${path}/${id}`));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject(body);
      const changed = await call(env, 'PATCH', url(`${path}/${id}`), patch);
      expect(changed.status, `${path} ${JSON.stringify(changed.body)}`).toBe(200);
      expect(changed.body).toMatchObject({ ...body, ...patch });
      const list = await call(env, 'GET', url(path));
      expect(list.body.map((r: { id: string }) => r.id)).toContain(id);
    }
  });

  it('journals every change with who, what, when and the data', async () => {
    const before = await call(env, 'GET', url('/journal?limit=1000'));
    const created = await call(env, 'POST', url('/goals'), {
      planId,
      area: 'Reading',
      text: 'Read 90 wcpm',
    });
    await call(env, 'PATCH', url(`/goals/${created.body.id}`), { baseline: '58 wcpm' });
    const after = await call(env, 'GET', url(`/journal?entityId=${created.body.id}`));
    expect(after.body.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    expect(after.body[0]).toMatchObject({
      entity: 'goal',
      actor: `user:${env.owner.userId}`,
      at: env.clock.now(),
    });
    expect(after.body[1].data.changed.baseline).toEqual({ from: null, to: '58 wcpm' });
    const all = await call(env, 'GET', url('/journal?limit=1000'));
    expect(all.body.length).toBe(before.body.length + 2);
    const seqs = all.body.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });

  it('amends a plan into a new version and keeps the earlier one readable', async () => {
    const p = await call(env, 'POST', url('/plans'), {
      childId,
      kind: '504',
      jurisdiction: { country: 'US', region: 'CA' },
      effectiveFrom: '2026-09-01',
      effectiveTo: '2027-08-31',
    });
    const acc = await call(env, 'POST', url('/accommodations'), {
      planId: p.body.id,
      text: 'Preferential seating',
    });
    const amended = await call(env, 'POST', url(`/plans/${p.body.id}/amendments`), {
      effectiveFrom: '2027-01-04',
      summary: 'Added headphones after the team meeting',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    expect(amended.body).toMatchObject({ versionNumber: 2, effectiveFrom: '2027-01-04', isCurrent: true });
    await call(env, 'POST', url('/accommodations'), {
      planId: p.body.id,
      text: 'Noise-canceling headphones',
    });
    await call(env, 'PATCH', url(`/accommodations/${acc.body.id}`), {
      text: 'Preferential seating near the teacher',
    });
    const versions = await call(env, 'GET', url(`/plans/${p.body.id}/versions`));
    expect(versions.body.map((v: { effectiveTo: string | null }) => v.effectiveTo)).toEqual([
      '2027-01-03',
      null,
    ]);
    const v1 = await call(env, 'GET', url(`/plans/${p.body.id}/versions/1`));
    expect(v1.body.content.accommodations.map((a: { text: string }) => a.text)).toEqual([
      'Preferential seating',
    ]);
    const v2 = await call(env, 'GET', url(`/plans/${p.body.id}/versions/2`));
    expect(v2.body.content.accommodations).toHaveLength(2);
    const kinds = v2.body.changesFromPrevious.map((c: { kind: string }) => c.kind).sort();
    expect(kinds).toEqual(['added', 'changed']);
    const early = await call(env, 'POST', url(`/plans/${p.body.id}/amendments`), {
      effectiveFrom: '2026-12-01',
      summary: 'x',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('effectiveFrom');
  });

  it('uses the version in force for the ledger: an amendment that steps a service down changes later weeks only', async () => {
    const p = await call(env, 'POST', url('/plans'), {
      childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region: null },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    });
    const s = await call(env, 'POST', url('/services'), {
      planId: p.body.id,
      name: 'OT',
      area: 'ot',
      setting: 'push_in',
      startDate: '2026-09-08',
      endDate: '2027-06-11',
      segments: [{ ...speechSegment }],
    });
    const sessionOnV1 = await call(env, 'POST', url('/sessions'), {
      serviceId: s.body.id,
      date: '2026-09-14',
    });
    expect(sessionOnV1.status, JSON.stringify(sessionOnV1.body)).toBe(201);
    await call(env, 'POST', url(`/plans/${p.body.id}/amendments`), {
      effectiveFrom: '2026-09-21',
      summary: 'Step down',
    });
    const stepped = await call(env, 'PATCH', url(`/services/${s.body.id}`), {
      segments: [{ ...speechSegment, sessionsPerPeriod: 1 }],
    });
    expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);
    const sessionOnV2 = await call(env, 'POST', url('/sessions'), {
      serviceId: s.body.id,
      date: '2026-09-22',
    });
    expect(sessionOnV2.body.planVersionId).not.toBe(sessionOnV1.body.planVersionId);
    const ledger = await call(env, 'GET', url(`/services/${s.body.id}/ledger?from=2026-09-14&to=2026-09-27`));
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    expect(ledger.body.periods.map((w: { requiredSessions: number }) => w.requiredSessions)).toEqual([2, 1]);
  });

  it('logs sessions and computes owed minutes, make-ups and the balance', async () => {
    const miss = await call(env, 'POST', url('/sessions'), {
      serviceId,
      date: '2026-09-15',
      status: 'missed',
      reason: 'school_event',
      reasonText: 'Assembly',
    });
    expect(miss.status, JSON.stringify(miss.body)).toBe(201);
    expect(miss.body).toMatchObject({ minutesDelivered: 0, minutesPlanned: 30, source: 'parent' });
    const ok = await call(env, 'POST', url('/sessions'), { serviceId, date: '2026-09-17' });
    expect(ok.body.minutesDelivered).toBe(30);
    let ledger = await call(env, 'GET', url(`/services/${serviceId}/ledger?from=2026-09-14&to=2026-09-20`));
    expect(ledger.body.totals).toMatchObject({
      requiredMinutes: 60,
      deliveredMinutes: 30,
      owedMinutes: 30,
      owedBalanceMinutes: 30,
    });
    const makeup = await call(env, 'POST', url('/sessions'), {
      serviceId,
      date: '2026-09-24',
      kind: 'makeup',
      minutesDelivered: 30,
      makeupForEntryId: miss.body.id,
    });
    expect(makeup.status, JSON.stringify(makeup.body)).toBe(201);
    ledger = await call(env, 'GET', url(`/services/${serviceId}/ledger?from=2026-09-14&to=2026-09-30`));
    expect(ledger.body.totals.owedBalanceMinutes).toBe(0);
    expect(ledger.body.totals.makeupAppliedMinutes).toBe(30);
  });

  it("answers a child's ledgers: the services', none for a child without services, 404 for a child it does not have", async () => {
    const query = '?from=2026-09-14&to=2026-09-20';
    const own = await call(env, 'GET', url(`/children/${childId}/ledger${query}`));
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.services.map((l: { serviceId: string }) => l.serviceId)).toContain(serviceId);
    const sibling = await call(env, 'POST', url('/children'), { firstName: 'Ada' });
    expect(sibling.status).toBe(201);
    const none = await call(env, 'GET', url(`/children/${sibling.body.id}/ledger${query}`));
    expect(none.status, JSON.stringify(none.body)).toBe(200);
    expect(none.body).toEqual({ childId: sibling.body.id, services: [] });
    const unknown = await call(
      env,
      'GET',
      url(`/children/0190f1e4-0000-7000-8000-000000000000/ledger${query}`),
    );
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(404);
    // Another household's child, asked for under this household: not found here.
    const other = await call(env, 'POST', '/api/households', { name: 'Other family' });
    const otherChild = await call(env, 'POST', `/api/households/${other.body.id}/children`, {
      firstName: 'Lee',
    });
    expect(otherChild.status).toBe(201);
    const elsewhere = await call(env, 'GET', url(`/children/${otherChild.body.id}/ledger${query}`));
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(404);
  });

  it('lets a parent classify a pending miss, and corrects an entry with a new entry', async () => {
    const miss = await call(env, 'POST', url('/sessions'), {
      serviceId,
      date: '2026-10-06',
      status: 'missed',
      reason: 'unknown',
    });
    let ledger = await call(env, 'GET', url(`/services/${serviceId}/ledger?from=2026-10-05&to=2026-10-11`));
    expect(ledger.body.totals.pendingMinutes).toBe(30);
    const classified = await call(env, 'PATCH', url(`/sessions/${miss.body.id}`), {
      responsibility: 'owed',
    });
    expect(classified.status).toBe(200);
    ledger = await call(env, 'GET', url(`/services/${serviceId}/ledger?from=2026-10-05&to=2026-10-11`));
    expect(ledger.body.totals).toMatchObject({ pendingMinutes: 0, owedMinutes: 30 });
    const correction = await call(env, 'POST', url('/sessions'), {
      serviceId,
      date: '2026-10-06',
      status: 'delivered',
      correctsEntryId: miss.body.id,
      note: 'The school log shows it happened',
    });
    expect(correction.status).toBe(201);
    ledger = await call(env, 'GET', url(`/services/${serviceId}/ledger?from=2026-10-05&to=2026-10-11`));
    expect(ledger.body.totals).toMatchObject({ owedMinutes: 0, deliveredMinutes: 30 });
    const original = await call(env, 'GET', url(`/sessions/${miss.body.id}`));
    expect(original.body.correctedByEntryId).toBe(correction.body.id);
  });

  describe('bad input gets a clear 400 or 404 and writes nothing', () => {
    let counts: Record<string, number>;
    beforeEach(async () => {
      counts = await rowCounts(env.store);
    });
    const cases: [string, string, string, () => unknown, number, string][] = [
      ['a missing field', 'POST', '/children', () => ({}), 400, 'firstName'],
      ['a wrong type', 'POST', '/children', () => ({ firstName: 42 }), 400, 'firstName'],
      [
        'an end before a start',
        'POST',
        '/calendars',
        () => ({ childId, name: 'x', firstDay: '2026-09-08', lastDay: '2026-09-01' }),
        400,
        'lastDay',
      ],
      [
        'a date that does not exist',
        'POST',
        '/calendars',
        () => ({ childId, name: 'x', firstDay: '2026-02-30', lastDay: '2026-09-01' }),
        400,
        'firstDay',
      ],
      [
        'minutes below zero',
        'POST',
        '/sessions',
        () => ({ serviceId, date: '2026-09-22', minutesDelivered: -5 }),
        400,
        'minutesDelivered',
      ],
      [
        'a session outside its service dates',
        'POST',
        '/sessions',
        () => ({ serviceId, date: '2026-09-01' }),
        400,
        'date',
      ],
      [
        'a session in the future',
        'POST',
        '/sessions',
        () => ({ serviceId, date: '2026-12-15' }),
        400,
        'date',
      ],
      [
        'a miss without a reason',
        'POST',
        '/sessions',
        () => ({ serviceId, date: '2026-09-22', status: 'missed' }),
        400,
        'reason',
      ],
      [
        'an unknown service id',
        'POST',
        '/sessions',
        () => ({ serviceId: '01900000-0000-7000-8000-000000000000', date: '2026-09-22' }),
        404,
        'serviceId',
      ],
      [
        'an unknown child id',
        'POST',
        '/plans',
        () => ({
          childId: '01900000-0000-7000-8000-000000000000',
          kind: 'iep',
          jurisdiction: { country: 'US' },
          effectiveFrom: '2026-09-01',
          effectiveTo: '2027-01-01',
        }),
        404,
        'childId',
      ],
      [
        'a service outside its plan',
        'POST',
        '/services',
        () => ({
          planId,
          name: 'PT',
          area: 'pt',
          setting: 'push_in',
          startDate: '2026-01-01',
          endDate: '2026-12-01',
          segments: [{ ...speechSegment, startDate: '2026-01-01', endDate: '2026-12-01' }],
        }),
        400,
        'startDate',
      ],
      [
        'overlapping segments',
        'POST',
        '/services',
        () => ({
          planId,
          name: 'PT',
          area: 'pt',
          setting: 'push_in',
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          segments: [speechSegment, { ...speechSegment, startDate: '2027-01-04' }],
        }),
        400,
        'segments.1.startDate',
      ],
      [
        'a patch that puts the end before the start',
        'PATCH',
        '/services/{service}',
        () => ({ endDate: '2026-09-01' }),
        400,
        'endDate',
      ],
      ['a patch with an unknown field', 'PATCH', '/services/{service}', () => ({ colour: 'red' }), 400, ''],
      [
        'a class that ends before it starts',
        'POST',
        '/class-periods',
        () => ({ childId, weekday: 2, startTime: '10:45', endTime: '10:00', className: 'Math' }),
        400,
        'endTime',
      ],
      ['a malformed id', 'GET', '/services/not-an-id', () => undefined, 400, 'id'],
    ];
    it.each(cases)('%s', async (_name, method, path, body, status, field) => {
      const res = await call(env, method, url(path.replace('{service}', serviceId)), body());
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(status === 404 ? 'not_found' : 'validation_failed');
      expect(res.body.error.message).toBeTruthy();
      if (field) expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(await rowCounts(env.store)).toEqual(counts);
    });

    it('answers 404 for an unknown record and for a record of another household', async () => {
      const other = await call(env, 'POST', '/api/households', { name: 'Other family' });
      counts = await rowCounts(env.store);
      const missing = await call(env, 'GET', url('/services/01900000-0000-7000-8000-000000000000'));
      expect(missing.status).toBe(404);
      const crossed = await call(env, 'GET', `/api/households/${other.body.id}/services/${serviceId}`);
      expect(crossed.status).toBe(404);
      const crossedWrite = await call(
        env,
        'PATCH',
        `/api/households/${other.body.id}/services/${serviceId}`,
        { name: 'x' },
      );
      expect(crossedWrite.status).toBe(404);
      expect(await rowCounts(env.store)).toEqual(counts);
    });

    it('refuses a body that is not JSON', async () => {
      const res = await env.app.inject({
        method: 'POST',
        url: url('/children'),
        payload: '{"firstName":',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(res.body).error.code).toBe('validation_failed');
      expect(await rowCounts(env.store)).toEqual(counts);
    });
  });

  it('describes every route in the OpenAPI document', async () => {
    const res = await call(env, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const routes = env.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/households');
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/api/health',
      '/api/households/{householdId}/sessions',
      '/api/households/{householdId}/services/{id}/ledger',
      '/api/households/{householdId}/plans/{id}/amendments',
    ]) {
      expect(paths).toContain(p);
    }
    const post = res.body.paths['/api/households/{householdId}/sessions'].post;
    expect(post.requestBody.content['application/json'].schema.properties.status).toBeTruthy();
  });
});
