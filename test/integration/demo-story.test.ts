import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The article's story, worked out by hand. The demo builds it in the first eight weeks of its school
// year, counted from the first day (day 0, a Tuesday): the holiday is day 34 (the Monday of week 6), the
// snow day day 49 (the Tuesday of week 8). With the test clock (TEST_NOW, 29 November 2026) that year is
// 2026-27, so the dates below are those of 2026; test/integration/demo-dates.test.ts checks the same
// figures with the clock in September, December, March and July.
// Speech: 30 minutes, twice a week (Tue/Thu), from Tuesday 8 September 2026. Calendar: school starts
// 8 Sept; 12 Oct is a holiday; 27 Oct is a snow day.
//
// week of     instr. days  required  entries                                   delivered owed excused unlogged
// 7 Sep       4 (Tue-Fri)  60        Tue 30 delivered, Thu 30 delivered         60        0    0       0
// 14 Sep      5            60        Tue missed (therapist away), Thu 30        30        30   0       0
// 21 Sep      5            60        Tue missed (assembly), Thu 30              30        30   0       0
// 28 Sep      5            60        Tue 30, Thu short 20 of 30 (fire drill)    50        10   0       0
// 5 Oct       5            60        (no entries at all)                        0         0    0       60
// 12 Oct      4 (holiday)  60        Tue missed (student sick), Thu 30          30        0    30      0
// 19 Oct      5            60        Tue missed (therapist out), Thu 30         30        30   0       0
// 26 Oct      4 (snow day) 60        Tue missed (school closed), Thu 30         30        30   0       0
//                                    + Fri 30 make-up for the assembly miss
// total                    480                                                  260       130  30      60
// 260 + 130 + 30 + 0 + 60 = 480. Make-up applied: 30 (cures the assembly miss). Owed balance: 100.
// Delivered: 260 / 480 = 54.2%. The week of 31 Aug has no school day and owes nothing.

describe.each(BACKENDS)('the demo household on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env.close());

  it("gives the article's speech numbers, worked out by hand", async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/services/${demo.services.speech}/ledger?from=2026-09-01&to=2026-10-31`,
    );
    expect(res.status).toBe(200);
    const t = res.body.totals;
    expect(t.requiredSessions).toBe(16);
    expect(t.requiredMinutes).toBe(480);
    expect(t.deliveredMinutes).toBe(260);
    expect(t.owedMinutes).toBe(130);
    expect(t.excusedMinutes).toBe(30);
    expect(t.pendingMinutes).toBe(0);
    expect(t.unloggedMinutes).toBe(60);
    expect(t.unloggedSessions).toBe(2);
    expect(t.makeupMinutes).toBe(30);
    expect(t.makeupAppliedMinutes).toBe(30);
    expect(t.owedBalanceMinutes).toBe(100);
    expect(t.percentDelivered).toBe(54.2);
    expect(t.entryIds.owed).toHaveLength(5);
    expect(t.entryIds.excused).toHaveLength(1);
  });

  it('shows the week with no entries as unlogged, and the snow-day week as owed', async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/services/${demo.services.speech}/ledger?from=2026-09-01&to=2026-10-31`,
    );
    const weeks = res.body.periods.filter((p: { requiredMinutes: number }) => p.requiredMinutes > 0);
    expect(weeks).toHaveLength(8);
    const byStart = Object.fromEntries(weeks.map((w: { start: string }) => [w.start, w]));
    expect(byStart['2026-10-05']).toMatchObject({
      requiredMinutes: 60,
      deliveredMinutes: 0,
      unloggedMinutes: 60,
    });
    expect(byStart['2026-10-26']).toMatchObject({
      requiredMinutes: 60,
      deliveredMinutes: 30,
      owedMinutes: 30,
    });
    expect(byStart['2026-10-26'].closures.length).toBeGreaterThan(0);
    expect(byStart['2026-10-12']).toMatchObject({ excusedMinutes: 30, instructionalDays: 4 });
    expect(byStart['2026-09-21']).toMatchObject({
      owedMinutes: 30,
      makeupAppliedMinutes: 30,
      owedBalanceMinutes: 0,
    });
    for (const w of weeks) {
      expect(
        w.deliveredMinutes + w.owedMinutes + w.excusedMinutes + w.pendingMinutes + w.unloggedMinutes,
      ).toBe(w.requiredMinutes);
    }
  });

  it("lists every service of the child in the child's ledger", async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/children/${demo.childId}/ledger?from=2026-09-01&to=2026-10-31`,
    );
    expect(res.status).toBe(200);
    const names = res.body.services.map((s: { service: { name: string } }) => s.service.name);
    expect(names).toEqual([
      'Speech-language therapy',
      'Occupational therapy',
      'Specialized reading instruction',
    ]);
    const ot = res.body.services[1].totals;
    // OT weekly 30 min, 8 weeks: 4 delivered, 3 missed (therapist at another school), 1 unknown reason.
    expect(ot).toMatchObject({
      requiredMinutes: 240,
      deliveredMinutes: 120,
      owedMinutes: 90,
      pendingMinutes: 30,
      unloggedMinutes: 0,
    });
  });
});

describe.each(BACKENDS)('this week at a glance on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env.close());

  it("counts the snow-day week's sessions and the make-up minutes owed", async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/children/${demo.childId}/week?date=2026-10-29`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ weekStart: '2026-10-26', weekEnd: '2026-11-01', hasCalendar: true });
    expect(res.body.closures.join(' ')).toContain('Snow day');
    const speech = res.body.services.find((s: { serviceId: string }) => s.serviceId === demo.services.speech);
    expect(speech).toMatchObject({
      promisedSessions: 2,
      deliveredSessions: 1,
      missedSessions: 1,
      notYetConfirmed: 0,
      owedBalanceMinutes: 100,
      minutesPerSession: 30,
    });
    const kinds = res.body.attention.map(
      (a: { kind: string; serviceId: string }) => `${a.kind}:${a.serviceId}`,
    );
    expect(kinds).toContain(`owed:${demo.services.speech}`);
    expect(kinds).toContain(`pending:${demo.services.ot}`);
  });

  it('shows the accommodations that slipped this week next to the services', async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/children/${demo.childId}/week?date=2026-09-16`,
    );
    const slipped = res.body.accommodations.filter((a: { slipped: boolean }) => a.slipped);
    expect(slipped.map((a: { text: string }) => a.text)).toEqual([
      'Preferential seating near the teacher and away from distractions',
      'Extended time (1.5x) on tests and quizzes',
    ]);
    expect(res.body.attention.filter((a: { kind: string }) => a.kind === 'accommodation')).toHaveLength(2);
  });

  it('flags a week with no entries', async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/children/${demo.childId}/week?date=2026-10-14`,
    );
    const messages = res.body.attention.map((a: { message: string }) => a.message);
    expect(messages).toContain('Speech-language therapy: nothing was logged for the week of 2026-10-05');
  });

  it('says what needs attention in the reader’s language, the same items in the same order', async () => {
    const week = async (acceptLanguage: string) => {
      const response = await env.app.inject({
        method: 'GET',
        url: `/api/households/${demo.householdId}/children/${demo.childId}/week?date=2026-10-30`,
        headers: {
          cookie: env.owner.cookie,
          'x-csrf-token': env.owner.csrfToken,
          'accept-language': acceptLanguage,
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      return JSON.parse(response.body).attention as { kind: string; serviceId: string; message: string }[];
    };
    const english = await week('en-US,en;q=0.9');
    const spanish = await week('es-MX,es;q=0.9');
    expect(english.map((a) => a.message)).toEqual([
      'Speech-language therapy: 100 make-up minutes owed',
      'Speech-language therapy: 63.9% of the minutes of the sessions logged before this week were delivered',
      'Occupational therapy: 90 make-up minutes owed',
      'Occupational therapy: 30 missed minutes need a reason (owed or not?)',
      'Occupational therapy: 57.1% of the minutes of the sessions logged before this week were delivered',
      'Specialized reading instruction: 135 make-up minutes owed',
    ]);
    expect(spanish.map(({ kind, serviceId }) => ({ kind, serviceId }))).toEqual(
      english.map(({ kind, serviceId }) => ({ kind, serviceId })),
    );
    // The service names are the plan's, as written; the numbers in Spanish ("63,9 %").
    expect(spanish.map((a) => a.message)).toEqual([
      'Speech-language therapy: se deben 100 minutos de reposición',
      'Speech-language therapy: se dio el 63,9 % de los minutos de las sesiones anotadas antes de esta semana',
      'Occupational therapy: se deben 90 minutos de reposición',
      'Occupational therapy: 30 minutos perdidos necesitan un motivo (¿se deben o no?)',
      'Occupational therapy: se dio el 57,1 % de los minutos de las sesiones anotadas antes de esta semana',
      'Specialized reading instruction: se deben 135 minutos de reposición',
    ]);
    const noEntries = await (async () => {
      const response = await env.app.inject({
        method: 'GET',
        url: `/api/households/${demo.householdId}/children/${demo.childId}/week?date=2026-10-14`,
        headers: { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken, 'accept-language': 'es' },
      });
      return JSON.parse(response.body).attention.map((a: { message: string }) => a.message);
    })();
    // The week's date stays YYYY-MM-DD: the reader's screen writes it in its language.
    expect(noEntries).toContain('Speech-language therapy: no se anotó nada la semana del 2026-10-05');
    expect(noEntries).toContain('Extended time (1.5x) on tests and quizzes: no se dio una vez esta semana');
  });

  it('writes the ledger’s notes in the reader’s language, the figures the same', async () => {
    const ledger = async (acceptLanguage: string) => {
      const response = await env.app.inject({
        method: 'GET',
        url: `/api/households/${demo.householdId}/services/${demo.services.speech}/ledger?from=2026-09-01&to=2026-12-31`,
        headers: {
          cookie: env.owner.cookie,
          'x-csrf-token': env.owner.csrfToken,
          'accept-language': acceptLanguage,
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      return JSON.parse(response.body) as { notes: string[]; totals: unknown; periods: unknown };
    };
    const english = await ledger('en-US');
    const spanish = await ledger('es');
    expect(spanish.totals).toEqual(english.totals);
    expect(spanish.periods).toEqual(english.periods);
    expect(english.notes).toContain('Counted up to 2026-11-29 (the as-of date); later days owe nothing yet.');
    expect(spanish.notes).toContain(
      'Contado hasta el 2026-11-29 (la fecha de cálculo); los días posteriores todavía no deben nada.',
    );
    expect(spanish.notes).toHaveLength(english.notes.length);
  });
});

describe.each(BACKENDS)("the article's accommodation and behavior examples on %s", (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env.close());

  it('finds the substitute-day lapses of extended time and the unused rewards, as questions to ask', async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/children/${demo.childId}/patterns?from=2026-09-01&to=2026-10-31`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rules = res.body.findings.map((f: { rule: string }) => f.rule);
    expect(rules.some((r: string) => /substitute/.test(r))).toBe(true);
    expect(rules.some((r: string) => /reward/.test(r))).toBe(true);
    for (const f of res.body.findings) {
      expect(f.question.endsWith('?')).toBe(true);
      // A goal with no data since the last report is about an absence: no entries behind it.
      if (f.rule !== 'no_data_since_report') expect(f.entryIds.length).toBeGreaterThan(0);
      expect(`${f.message} ${f.question}`).not.toContain('Emma');
    }
    const headphones = res.body.accommodationRates.filter(
      (r: { provided: number; notProvided: number }) => r.notProvided > 0,
    );
    expect(headphones.length).toBeGreaterThan(0);
  });

  it('shows each of the article’s examples: back-row seat, forgotten extended time, headphones locked away, reading during science, unused rewards', async () => {
    const hid = demo.householdId;
    const patterns = await call(
      env,
      'GET',
      `/api/households/${hid}/children/${demo.childId}/patterns?from=2026-09-01&to=2026-10-31`,
    );
    const findings = patterns.body.findings as { rule: string; subjectId: string; message: string }[];
    const observations = (await call(env, 'GET', `/api/households/${hid}/accommodation-observations`))
      .body as {
      outcome: string;
      note: string | null;
    }[];
    const lapse = (words: RegExp) =>
      observations.some((o) => o.outcome === 'not_provided' && words.test(o.note ?? ''));
    expect(lapse(/back row/i), 'the back-row seat').toBe(true);
    expect(lapse(/locked cabinet/i), 'the headphones in a locked cabinet').toBe(true);
    expect(findings.find((f) => f.rule === 'accommodation_lapses_on_substitute_days')?.message).toMatch(
      /extended time/i,
    );
    const pullOut = findings.find((f) => f.rule === 'pull_out_class_conflict');
    expect(pullOut?.subjectId, 'reading pull-out during science').toBe(demo.services.reading);
    expect(pullOut?.message).toContain('Science');
    expect(findings.some((f) => f.rule === 'behavior_rewards_unused')).toBe(true);
  });

  it('advises, from the demo’s messages, a follow-up on the unanswered make-up email and a written summary of the call', async () => {
    const res = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/children/${demo.childId}/advice?asOf=2026-10-30`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rules = res.body.recommendations.map((r: { rule: string }) => r.rule);
    expect(rules).toContain('reply_overdue');
    expect(rules).toContain('verbal_without_written_follow_up');
    const overdue = res.body.recommendations.find((r: { rule: string }) => r.rule === 'reply_overdue');
    expect(overdue.entryIds.length).toBeGreaterThan(0);
    expect(overdue.letterKind).toBe('follow_up_unanswered');
    const call1 = res.body.recommendations.find(
      (r: { rule: string }) => r.rule === 'verbal_without_written_follow_up',
    );
    expect(call1.letterKind).toBe('follow_up_verbal');
    for (const r of res.body.recommendations) expect(r.citation).toBeDefined();
  });
});
