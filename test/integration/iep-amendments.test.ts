import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// "Read a new version of the IEP" through the API, on both databases: the new document's items, compared
// with the plan in force, become an amendment in one transaction: a service cut keeps its id (and its
// sessions) with the new amount from the amendment's date, a service left out ends the day before, an
// accommodation with observations stays (and the answer says why), a behavior plan step an incident
// records stays too, new items are added, the new version names the document as its source, and the
// journal replays.

const NYC = readFileSync(join(import.meta.dirname, '../fixtures/iep/nyc-like.pdf'));

const weekly = (sessions: number, minutes: number, startDate = '2026-09-08', endDate = '2027-06-11') => ({
  startDate,
  endDate,
  minutesPerSession: minutes,
  sessionsPerPeriod: sessions,
  period: { unit: 'week' },
});

describe.each(BACKENDS)('reading a new version of the IEP on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  let planId: string;
  const ids: Record<string, string> = {};
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await call(env, method, api(path), body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const readDocument = async () => {
    const started = await send('POST', `/children/${childId}/iep-documents?filename=amended.pdf`, NYC);
    await env.app.deps.jobs.idle();
    return started.id as string;
  };
  /** The amended document as the parent kept it on the review screen. */
  const amended = {
    services: [
      {
        name: 'Speech and Language',
        area: 'speech',
        setting: 'pull_out',
        startDate: '2027-01-11',
        endDate: '2027-06-11',
        segments: [weekly(1, 30, '2027-01-11')],
      },
      {
        name: 'Counseling',
        area: 'counseling',
        setting: 'pull_out',
        startDate: '2027-01-11',
        endDate: '2027-06-11',
        segments: [weekly(1, 20, '2027-01-11')],
      },
    ],
    accommodations: [{ text: 'Extended time (1.5x) on tests' }, { text: 'Use of a calculator' }],
    goals: [{ area: 'Reading', text: 'Read grade-level text at 90 words per minute' }],
    keyDates: [{ kind: 'annual_review', date: '2027-06-04' }],
    team: [{ name: 'Lee Park', role: 'Counselor' }],
    behaviorSteps: [
      { kind: 'trigger', text: 'Timed math drills', position: 0 },
      { kind: 'reward', text: 'Lunch with the teacher on Friday', position: 0 },
    ],
  };

  beforeAll(async () => {
    env = await openTestEnv(backend, fixedClock(TEST_NOW));
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Ava' })).body.id;
    planId = (
      await send('POST', '/plans', {
        childId,
        kind: 'iep',
        jurisdiction: { country: 'US', region: 'NY' },
        effectiveFrom: '2026-09-08',
        effectiveTo: '2027-06-11',
      })
    ).id;
    const service = (name: string, area: string, sessions: number) =>
      send('POST', '/services', {
        planId,
        name,
        area,
        setting: 'pull_out',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        segments: [weekly(sessions, 30)],
      });
    ids.speech = (await service('Speech-language therapy', 'speech', 2)).id;
    ids.ot = (await service('Occupational therapy', 'ot', 1)).id;
    ids.time = (await send('POST', '/accommodations', { planId, text: 'Extended time (1.5x) on tests' })).id;
    ids.seat = (
      await send('POST', '/accommodations', { planId, text: 'Preferential seating near the teacher' })
    ).id;
    ids.breaks = (
      await send('POST', '/accommodations', { planId, text: 'Movement breaks every 20 minutes' })
    ).id;
    await send('POST', '/accommodation-observations', {
      accommodationId: ids.breaks,
      date: '2026-10-06',
      outcome: 'not_provided',
      teacherKind: 'substitute',
      source: 'child_report',
    });
    await send('POST', '/key-dates', { planId, kind: 'annual_review', date: '2027-05-28' });
    await send('POST', '/team-contacts', { childId, name: 'Dana Ruiz', role: 'Case manager' });
    await send('POST', '/sessions', { serviceId: ids.speech, date: '2026-10-06', status: 'delivered' });
    const step = async (kind: string, text: string) =>
      (await send('POST', '/behavior-steps', { planId, kind, text })).id as string;
    ids.drills = await step('trigger', 'Timed math drills');
    ids.schedule = await step('strategy', 'Preview the day on a visual schedule');
    ids.warning = await step('strategy', 'A two-minute warning before transitions');
    await send('POST', '/behavior-incidents', {
      planId,
      date: '2026-10-07',
      summary: 'Left the room during the drill',
      stepsSkipped: [ids.warning],
      source: 'teacher',
    });
  });
  afterAll(async () => env.close());

  it('refuses a plan of another child, a document that changes nothing, and another household', async () => {
    const doc = await readDocument();
    const otherChild = (await send('POST', '/children', { firstName: 'Sam' })).id;
    const otherPlan = (
      await send('POST', '/plans', {
        childId: otherChild,
        kind: 'iep',
        jurisdiction: { country: 'US', region: 'NY' },
        effectiveFrom: '2026-09-08',
        effectiveTo: '2027-06-11',
      })
    ).id;
    const other = await call(env, 'POST', '/api/households', { name: 'Other family' });
    const before = await rowCounts(env.store);
    const wrong = await call(env, 'POST', api(`/iep-documents/${doc}/amendment`), {
      planId: otherPlan,
      effectiveFrom: '2027-01-11',
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.fields[0].path).toBe('planId');
    const same = await call(env, 'POST', api(`/iep-documents/${doc}/amendment`), {
      planId,
      effectiveFrom: '2027-01-11',
      services: [
        {
          name: 'Speech-language therapy',
          area: 'speech',
          setting: 'pull_out',
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          segments: [weekly(2, 30)],
        },
        {
          name: 'Occupational therapy',
          area: 'ot',
          setting: 'pull_out',
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          segments: [weekly(1, 30)],
        },
      ],
      accommodations: [
        { text: 'Extended time (1.5x) on tests' },
        { text: 'Preferential seating near the teacher' },
        { text: 'Movement breaks every 20 minutes' },
      ],
    });
    expect(same.status, JSON.stringify(same.body)).toBe(409);
    expect(same.body.error.message).toMatch(/nothing to amend/);
    const bad = await call(env, 'POST', api(`/iep-documents/${doc}/amendment`), {
      planId,
      effectiveFrom: '2027-13-40',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('effectiveFrom');
    const stranger = await call(
      env,
      'POST',
      `/api/households/${other.body.id}/iep-documents/${doc}/amendment`,
      {
        planId,
        effectiveFrom: '2027-01-11',
      },
    );
    expect(stranger.status).toBe(404);
    expect(await rowCounts(env.store)).toEqual({ ...before });
  });

  it('saves the new version: the cut, the ended service, the additions, and what stays and why', async () => {
    const doc = await readDocument();
    const before = await rowCounts(env.store);
    const saved = await call(env, 'POST', api(`/iep-documents/${doc}/amendment`), {
      planId,
      effectiveFrom: '2027-01-11',
      ...amended,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({
      planId,
      versionNumber: 2,
      effectiveFrom: '2027-01-11',
      summary:
        '1 service changed, 1 service added, 1 service ended, 1 accommodation added, 2 accommodations removed, 1 goal added, 1 behavior plan step added, 2 behavior plan steps removed, 1 date changed',
    });
    expect(saved.body.kept).toEqual([
      expect.objectContaining({
        section: 'accommodations',
        id: ids.breaks,
        reason: expect.stringMatching(/Observations/),
      }),
      expect.objectContaining({
        section: 'behaviorSteps',
        id: ids.warning,
        reason: expect.stringMatching(/incident/),
      }),
    ]);
    // The behavior plan: the same trigger kept, a reward added, a strategy taken out.
    const steps = await send('GET', `/behavior-steps?planId=${planId}`);
    expect(steps.map((b: { text: string }) => b.text).sort()).toEqual([
      'A two-minute warning before transitions',
      'Lunch with the teacher on Friday',
      'Timed math drills',
    ]);
    expect(steps.find((b: { id: string }) => b.id === ids.drills)).toBeDefined();
    const after = await rowCounts(env.store);
    expect(after.iep_document).toBe(before.iep_document! - 1);
    expect(after.attachment).toBe(before.attachment! + 1);
    expect(after.plan_version).toBe(before.plan_version! + 1);

    // The cut service keeps its id and its session; the plan's history shows the change.
    const version = await send('GET', `/plans/${planId}/versions/2`);
    expect(version.sourceAttachmentId).toBe(saved.body.attachmentId);
    const speech = version.changesFromPrevious.find(
      (c: { section: string; id: string }) => c.section === 'services' && c.id === ids.speech,
    );
    expect(speech.fields.map((f: { field: string }) => f.field)).toEqual(['segments']);
    expect(speech.fields[0].from[0].sessionsPerPeriod).toBe(2);
    expect(speech.fields[0].to[0].sessionsPerPeriod).toBe(1);
    const ot = version.changesFromPrevious.find((c: { id: string }) => c.id === ids.ot);
    expect(ot.fields.find((f: { field: string }) => f.field === 'endDate').to).toBe('2027-01-10');
    const removed = version.changesFromPrevious
      .filter((c: { kind: string }) => c.kind === 'removed')
      .map((c: { id: string }) => c.id);
    expect(removed.sort()).toEqual([ids.seat, ids.schedule].sort());
    const added = version.changesFromPrevious
      .filter((c: { kind: string }) => c.kind === 'added')
      .map((c: { item: { name?: string; text?: string } }) => c.item.name ?? c.item.text);
    expect(added).toEqual(
      expect.arrayContaining([
        'Counseling',
        'Use of a calculator',
        'Read grade-level text at 90 words per minute',
        'Lunch with the teacher on Friday',
      ]),
    );
    // Version 1 stays as it was: the old amount and the seating accommodation.
    const first = await send('GET', `/plans/${planId}/versions/1`);
    expect(first.content.accommodations.map((a: { id: string }) => a.id)).toContain(ids.seat);
    const team = await send('GET', `/team-contacts?childId=${childId}`);
    expect(team.map((t: { name: string }) => t.name).sort()).toEqual(['Dana Ruiz', 'Lee Park']);
    const sessions = await send('GET', `/sessions?childId=${childId}`);
    expect(sessions.map((s: { serviceId: string }) => s.serviceId)).toEqual([ids.speech]);

    // The document stays while a version names it as its source.
    const remove = await call(env, 'DELETE', api(`/attachments/${saved.body.attachmentId}`));
    expect(remove.status).toBe(409);
    expect(remove.body.error.message).toMatch(/plan version 2, which was read from it/);
    // The journal replays, and the export carries the version's source.
    const verified = await send('GET', '/verify');
    expect(verified.ok, JSON.stringify(verified).slice(0, 500)).toBe(true);
    const exported = await send('GET', '/export');
    const v2 = exported.planVersions.find(
      (v: { planId: string; versionNumber: number }) => v.planId === planId && v.versionNumber === 2,
    );
    expect(v2.sourceAttachmentId).toBe(saved.body.attachmentId);
  });
});
