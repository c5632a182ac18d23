import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { addDays, weekStart } from '../../src/domain/dates.ts';
import { buildCalendarIndex } from '../../src/domain/school-calendar.ts';
import { nonSchoolDay } from '../../src/domain/school-days.ts';
import { fixedClock } from '../../src/server/context.ts';
import { loadCalendars } from '../../src/server/services/ledgers.ts';
import { BACKENDS, call, openTestEnv, type TestEnv } from './harness.ts';

// The demo is built relative to today: the latest school year whose first eight weeks (the
// article's story) are over, the story in those weeks day for day, and ordinary weeks after it up to
// last week. On any date the story's hand-worked speech figures hold (test/integration/
// demo-story.test.ts explains them week by week), and "This week", the ledger and the advisor have
// recent weeks to read.

const CLOCKS = [
  // September: the new year's story cannot have happened yet, so the demo is the year that just ended.
  { when: 'September', now: '2026-09-24T15:00:00.000Z', startYear: 2025, firstDay: '2025-09-09' },
  { when: 'December', now: '2026-12-10T15:00:00.000Z', startYear: 2026, firstDay: '2026-09-08' },
  { when: 'March', now: '2027-03-17T15:00:00.000Z', startYear: 2026, firstDay: '2026-09-08' },
  // July: the year that just ended, with extended school year speech in the summer.
  { when: 'July', now: '2027-07-21T15:00:00.000Z', startYear: 2026, firstDay: '2026-09-08' },
] as const;

type Row = { start: string; requiredMinutes: number; deliveredMinutes: number; owedMinutes: number };

describe.each(BACKENDS)('the demo, relative to today, on %s', (backend) => {
  describe.each(CLOCKS)('with the clock in $when', ({ now, startYear, firstDay }) => {
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
      // miss on the snow day, which says the school was closed.
      const calendar = buildCalendarIndex(await loadCalendars(env.store.db, demo.householdId, demo.childId));
      const offDays = entries.filter((e) => nonSchoolDay(calendar, e.date) !== null);
      const esyStart = addDays(demo.schoolYear.lastDay, 17);
      expect(offDays.filter((e) => e.date < esyStart).map((e) => `${e.date} ${e.status}`)).toEqual([
        `${addDays(firstDay, 49)} missed`,
      ]);
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
  });
});
