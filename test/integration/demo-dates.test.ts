import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { addDays, weekStart } from '../../src/domain/dates.ts';
import { buildCalendarIndex } from '../../src/domain/school-calendar.ts';
import { nonSchoolDay } from '../../src/domain/school-days.ts';
import { fixedClock } from '../../src/server/context.ts';
import { loadCalendars } from '../../src/server/services/school-calendars.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import { BACKENDS, call, openTestEnv, type TestEnv } from './harness.ts';

// The demo is built relative to today: the latest school year whose first eight weeks (the
// article's story) are over, the story in those weeks day for day, and ordinary weeks after it up to
// last week. On any date the story's hand-worked speech figures hold (test/integration/
// demo-story.test.ts explains them week by week), and "This week", the ledger and the advisor have
// recent weeks to read. In September and October, once the next school year has begun, it is built too:
// the IEP renewed at the annual review, the new year's calendar and its weeks up to last week.

const CLOCKS = [
  // September and October: the new year's story cannot have happened yet, so the story is the year that
  // just ended; the new year (from Tuesday 8 September 2026) has begun and is built after it.
  {
    when: 'mid-September',
    now: '2026-09-16T15:00:00.000Z',
    startYear: 2025,
    firstDay: '2025-09-09',
    renewedFrom: '2026-09-08',
  },
  {
    when: 'late September',
    now: '2026-09-24T15:00:00.000Z',
    startYear: 2025,
    firstDay: '2025-09-09',
    renewedFrom: '2026-09-08',
  },
  // The week of Indigenous Peoples' Day (Monday 12 October): the sessions of a holiday move.
  {
    when: 'mid-October',
    now: '2026-10-14T15:00:00.000Z',
    startYear: 2025,
    firstDay: '2025-09-09',
    renewedFrom: '2026-09-08',
  },
  {
    when: 'December',
    now: '2026-12-10T15:00:00.000Z',
    startYear: 2026,
    firstDay: '2026-09-08',
    renewedFrom: null,
  },
  {
    when: 'March',
    now: '2027-03-17T15:00:00.000Z',
    startYear: 2026,
    firstDay: '2026-09-08',
    renewedFrom: null,
  },
  // July: the year that just ended, with extended school year speech in the summer.
  {
    when: 'July',
    now: '2027-07-21T15:00:00.000Z',
    startYear: 2026,
    firstDay: '2026-09-08',
    renewedFrom: null,
  },
] as const;

type Row = { start: string; requiredMinutes: number; deliveredMinutes: number; owedMinutes: number };

describe.each(BACKENDS)('the demo, relative to today, on %s', (backend) => {
  describe.each(CLOCKS)('with the clock in $when', ({ now, startYear, firstDay, renewedFrom }) => {
    let env: TestEnv;
    let demo: DemoHousehold;
    const today = now.slice(0, 10);
    const lastWeekEnd = addDays(weekStart(today), -1);

    beforeAll(async () => {
      env = await openTestEnv(backend);
      demo = await seedDemoHousehold(env.store, fixedClock(now), env.owner.userId);
    }, 120_000);
    afterAll(async () => env.close());

    it('builds the school year of the story, starting on a Tuesday in September', () => {
      expect(demo.schoolYear).toMatchObject({ startYear, firstDay });
      expect(demo.schoolYear.storyFrom).toBe(addDays(firstDay, -1));
      expect(demo.schoolYear.storyTo).toBe(addDays(firstDay, 54));
    });

    it("gives the article's speech numbers over the story's eight weeks, worked out by hand", async () => {
      const { storyFrom, storyTo } = demo.schoolYear;
      const res = await call(
        env,
        'GET',
        `/api/households/${demo.householdId}/services/${demo.services.speech}/ledger?from=${storyFrom}&to=${storyTo}&asOf=${storyTo}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.totals).toMatchObject({
        requiredSessions: 16,
        requiredMinutes: 480,
        deliveredMinutes: 260,
        owedMinutes: 130,
        excusedMinutes: 30,
        pendingMinutes: 0,
        unloggedMinutes: 60,
        makeupMinutes: 30,
        makeupAppliedMinutes: 30,
        owedBalanceMinutes: 100,
        percentDelivered: 54.2,
      });
      const weeks = (res.body.periods as Row[]).filter((p) => p.requiredMinutes > 0);
      expect(weeks.map((w) => w.start)).toEqual(
        Array.from({ length: 8 }, (_, i) => addDays(storyFrom, 7 * i)),
      );
      // The fifth week has no entries; the sixth has the holiday and the sick day; the eighth the snow day.
      expect(weeks[4]).toMatchObject({ requiredMinutes: 60, deliveredMinutes: 0 });
      expect(weeks[7]).toMatchObject({ requiredMinutes: 60, deliveredMinutes: 30, owedMinutes: 30 });
    });

    it('logs ordinary weeks after the story, up to last week and never after it', async () => {
      const entries = (await call(env, 'GET', `/api/households/${demo.householdId}/sessions`)).body as {
        date: string;
        serviceId: string;
        kind: string;
        status: string;
      }[];
      const after = entries.filter((e) => e.date > demo.schoolYear.storyTo);
      expect(after.length).toBeGreaterThan(0);
      expect(entries.every((e) => e.date <= lastWeekEnd)).toBe(true);
      // Mostly sessions that happened, now and then a documented miss.
      const missed = after.filter((e) => e.status === 'missed').length;
      expect(missed).toBeGreaterThan(0);
      expect(missed / after.length).toBeLessThan(0.15);
      // Every entry is on a school day (or, in summer, an extended-school-year day), except the story's
      // miss on the snow day, which says the school was closed; the new year's too, by its own calendar.
      const calendar = buildCalendarIndex(await loadCalendars(env.store.db, demo.householdId, demo.childId));
      const offDays = entries.filter((e) => nonSchoolDay(calendar, e.date) !== null);
      const esyStart = addDays(demo.schoolYear.lastDay, 17);
      const esyEnd = addDays(demo.schoolYear.lastDay, 42);
      expect(
        offDays.filter((e) => e.date < esyStart || e.date > esyEnd).map((e) => `${e.date} ${e.status}`),
      ).toEqual([`${addDays(firstDay, 49)} missed`]);
    });

    it('shows last week logged on the home screen, with no week left empty', async () => {
      const res = await call(
        env,
        'GET',
        `/api/households/${demo.householdId}/children/${demo.childId}/week?date=${today}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const kinds = (res.body.attention as { kind: string }[]).map((a) => a.kind);
      expect(kinds).not.toContain('no_entries');
    });

    it('advises no meeting and no request for logs from empty weeks', async () => {
      const res = await call(
        env,
        'GET',
        `/api/households/${demo.householdId}/children/${demo.childId}/advice?asOf=${today}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const recommendations = res.body.recommendations as { rule: string; reason: string }[];
      const rules = recommendations.map((r) => r.rule);
      const why = JSON.stringify(
        recommendations.filter((r) => r.rule.startsWith('service_')).map((r) => r.reason),
      );
      expect(rules, why).not.toContain('service_unlogged');
      expect(rules, why).not.toContain('service_shortfall');
    });

    it('verifies: the journal replays to every record of the demo', async () => {
      const result = await verifyHousehold(env.store, demo.householdId);
      expect(result.ok, JSON.stringify(result.records.problems)).toBe(true);
    });

    it.runIf(renewedFrom == null)('builds one school year and one plan', async () => {
      expect(demo.renewal).toBeNull();
      const plans = await call(
        env,
        'GET',
        `/api/households/${demo.householdId}/plans?childId=${demo.childId}`,
      );
      expect(plans.body).toHaveLength(1);
    });

    describe.runIf(renewedFrom != null)('once the next school year has begun', () => {
      const renewal = () => {
        if (!demo.renewal) throw new Error('the demo has no renewed plan');
        return demo.renewal;
      };
      const get = async (path: string) => {
        const res = await call(env, 'GET', `/api/households/${demo.householdId}/${path}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body;
      };
      const years = `${startYear}-${startYear + 1}`;
      const nextYears = `${startYear + 1}-${startYear + 2}`;
      /** The make-up minutes the story's speech still owes today, as its own ledger counts them. */
      const speechOwed = async () =>
        (await get(`services/${demo.services.speech}/ledger?from=${firstDay}&to=${today}&asOf=${today}`))
          .totals.owedBalanceMinutes as number;

      it('renews the IEP at the annual review: two plans, the story’s ending the day before the new one', async () => {
        expect(renewal().schoolYear.firstDay).toBe(renewedFrom);
        const plans = (await get(`plans?childId=${demo.childId}`)) as {
          id: string;
          title: string;
          effectiveFrom: string;
          effectiveTo: string;
        }[];
        expect(plans.map((p) => [p.id, p.title, p.effectiveFrom, p.effectiveTo])).toEqual([
          [demo.planId, `IEP, ${years}`, firstDay, addDays(renewedFrom!, -1)],
          // A year from the new first day, less a day.
          [renewal().planId, `IEP, ${nextYears}`, renewedFrom, '2027-09-07'],
        ]);
        // The same services, accommodations, goals and behavior steps; the goals from the values reached.
        for (const [path, count] of [
          ['services', 3],
          ['accommodations', 5],
          ['goals', 2],
          ['behavior-steps', 4],
        ] as const) {
          expect(await get(`${path}?planId=${renewal().planId}`), path).toHaveLength(count);
        }
        const goals = (await get(`goals?planId=${renewal().planId}`)) as { area: string; baseline: string }[];
        expect(goals.map((g) => `${g.area}: ${g.baseline}`)).toEqual([
          `Speech: 62% accuracy at the word level (May ${startYear + 1})`,
          `Reading: 74 words correct per minute (May ${startYear + 1})`,
        ]);
        // The review was held in May; the new plan has its own year's dates.
        const held = (await get(`key-dates?planId=${demo.planId}`)) as { kind: string; label: string }[];
        expect(held.filter((k) => k.kind === 'meeting').map((k) => k.label)).toEqual([
          'Annual IEP review held',
        ]);
        const dates = (await get(`key-dates?planId=${renewal().planId}`)) as { kind: string; date: string }[];
        expect(dates.filter((k) => k.kind !== 'progress_report')).toMatchObject([
          { kind: 'annual_review', date: '2027-09-07' },
          { kind: 'reevaluation', date: addDays(firstDay, 728) },
        ]);
        expect(dates.filter((k) => k.kind === 'progress_report').every((k) => k.date > today)).toBe(true);
      });

      it('has the new year’s school calendar: the district’s days off, without the story’s snow day', async () => {
        const calendars = (await get(`calendars?childId=${demo.childId}`)) as {
          id: string;
          name: string;
          firstDay: string;
        }[];
        expect(calendars.map((c) => [c.id, c.name, c.firstDay])).toEqual([
          [demo.calendarId, `Maple Street Elementary ${years}`, firstDay],
          [renewal().calendarId, `Maple Street Elementary ${nextYears}`, renewedFrom],
        ]);
        const events = (await get(`calendar-events?calendarId=${renewal().calendarId}`)) as {
          kind: string;
          label: string;
        }[];
        expect(events.filter((e) => e.kind === 'closure')).toEqual([]);
        expect(events.map((e) => e.label)).toEqual(
          expect.arrayContaining([
            "Indigenous Peoples' Day",
            'Thanksgiving break',
            'Winter break',
            'Parent conferences',
          ]),
        );
      });

      it('shows this week the new year’s three services with the sessions promised, and last week logged', async () => {
        const week = await get(`children/${demo.childId}/week?date=${today}`);
        expect(week.schoolDayToday).toBe(true);
        const services = week.services as {
          serviceId: string;
          promisedSessions: number;
          minutesPerSession: number;
        }[];
        expect(services.map((s) => [s.serviceId, s.promisedSessions, s.minutesPerSession])).toEqual([
          [renewal().services.speech, 2, 30],
          [renewal().services.ot, 1, 30],
          [renewal().services.reading, 3, 45],
        ]);
        // Last week was a school week of the new year: each service has its entries there.
        const lastWeek = addDays(weekStart(today), -7);
        expect(lastWeek >= weekStart(renewedFrom!)).toBe(true);
        const last = await get(`children/${demo.childId}/week?date=${addDays(lastWeek, 2)}`);
        for (const s of last.services as { name: string; entries: unknown[] }[]) {
          expect(s.entries.length, s.name).toBeGreaterThan(0);
        }
        // What the earlier IEP still owes stays in "Needs attention", under its name: the story's 100
        // minutes of speech, and those missed after it.
        const owed = await speechOwed();
        expect(owed).toBeGreaterThanOrEqual(100);
        const attention = week.attention as { kind: string; serviceId: string; message: string }[];
        expect(
          attention.find((a) => a.kind === 'owed' && a.serviceId === demo.services.speech)?.message,
        ).toBe(`Speech-language therapy (IEP, ${years}): ${owed} make-up minutes still owed`);
      });

      it('advises asking for last year’s make-ups, and no review or meeting from empty weeks', async () => {
        const advice = await get(`children/${demo.childId}/advice?asOf=${today}`);
        const recommendations = advice.recommendations as {
          rule: string;
          action: string;
          letterKind: string;
          subjectId: string;
          reason: string;
        }[];
        const why = JSON.stringify(recommendations.map((r) => `${r.rule}: ${r.reason}`));
        expect(
          recommendations.filter(
            (r) => r.rule.startsWith('annual_review') || r.rule.startsWith('reevaluation'),
          ),
          why,
        ).toEqual([]);
        expect(
          recommendations.filter(
            (r) => r.action === 'call_iep_meeting' || r.letterKind === 'request_iep_meeting',
          ),
          why,
        ).toEqual([]);
        const speech = recommendations.find(
          (r) => r.rule === 'service_owed_earlier_plan' && r.subjectId === demo.services.speech,
        );
        expect(speech?.reason, why).toContain(`${await speechOwed()} minutes of Speech-language therapy`);
        expect(speech?.reason).toContain(`“IEP, ${years}”`);
      });
    });
  });
});
