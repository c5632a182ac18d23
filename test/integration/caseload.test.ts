import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { CASELOAD_TREND_DAYS, compareByUrgency, owedChange } from '../../src/domain/caseload.ts';
import { addDays } from '../../src/domain/dates.ts';
import { fixedClock } from '../../src/server/context.ts';
import {
  addMember,
  BACKENDS,
  call,
  createAccount,
  openTestEnv,
  type Principal,
  TEST_NOW,
  type TestEnv,
} from './harness.ts';

// The advocate's caseload (issue 18): an advocate invited into three households (the demo household in
// English, the same story in Spanish, and one with no child yet) sees one row per child, and each row's
// figures are the ones the household's own screens give, read here through those routes.

const TODAY = TEST_NOW.slice(0, 10);

type Row = {
  householdId: string;
  householdName: string;
  role: string;
  childId: string | null;
  childFirstName: string | null;
  owedMinutes: number;
  owedMinutesTrendStart: number;
  servicesBehind: number;
  repliesOverdue: number;
  nextDeadline: { date: string; inDays: number; kind: string; label: string | null } | null;
  lastActivityAt: string | null;
  openAdvisorItems: number;
  urgent: boolean;
};

describe.each(BACKENDS)('the caseload on %s', (backend) => {
  let env: TestEnv;
  let english: DemoHousehold;
  let spanish: DemoHousehold;
  let advocate: Principal;
  let nobody: Principal;
  let viewer: Principal;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    const clock = fixedClock(TEST_NOW);
    english = await seedDemoHousehold(env.store, clock, env.owner.userId);
    spanish = await seedDemoHousehold(env.store, clock, env.owner.userId, 'es');
    // One more speech session missed in the Spanish household: it is owed 30 minutes more than the other.
    const missed = await call(env, 'POST', `/api/households/${spanish.householdId}/sessions`, {
      serviceId: spanish.services.speech,
      date: '2026-11-24',
      status: 'missed',
      reason: 'school_event',
      reasonText: 'Assembly',
    });
    if (missed.status !== 201) throw new Error(`session: ${missed.status} ${JSON.stringify(missed.body)}`);
    advocate = await createAccount(env, 'advocate@example.org');
    for (const householdId of [english.householdId, spanish.householdId, env.householdId])
      await addMember(env, householdId, advocate.userId, 'advocate');
    nobody = await createAccount(env, 'nobody@example.org');
    // A viewer in one household and a co-parent in another, an advocate only in the empty one.
    viewer = await createAccount(env, 'viewer@example.org', {
      householdId: english.householdId,
      role: 'viewer',
    });
    await addMember(env, spanish.householdId, viewer.userId, 'co_parent');
    await addMember(env, env.householdId, viewer.userId, 'advocate');
  }, 240_000);
  afterAll(async () => env?.close());

  /** The household's whole journal, following the pages. */
  async function lastJournalAt(householdId: string): Promise<string | null> {
    let url = `/api/households/${householdId}/journal?limit=1000`;
    let last: string | null = null;
    for (;;) {
      const res = await env.app.inject({
        method: 'GET',
        url,
        headers: { cookie: env.owner.cookie },
      });
      expect(res.statusCode).toBe(200);
      const page = JSON.parse(res.body) as { at: string }[];
      if (page.length > 0) last = page.at(-1)!.at;
      const next = res.headers['x-next-cursor'] as string | undefined;
      if (!next) return last;
      url = `/api/households/${householdId}/journal?limit=1000&cursor=${encodeURIComponent(next)}`;
    }
  }

  it("gives an advocate one row per child of each household, with each household's own figures", async () => {
    const started = performance.now();
    const res = await call(env, 'GET', '/api/caseload', undefined, advocate);
    const elapsed = performance.now() - started;
    // Measured, never asserted (tests never assert timings).
    console.info(`GET /api/caseload on ${backend}, three households: ${elapsed.toFixed(0)} ms`);
    expect(res.status).toBe(200);
    const rows = res.body as Row[];
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.householdId))).toEqual(
      new Set([english.householdId, spanish.householdId, env.householdId]),
    );
    expect(rows.every((r) => r.role === 'advocate')).toBe(true);

    for (const demo of [english, spanish]) {
      const row = rows.find((r) => r.householdId === demo.householdId)!;
      const h = `/api/households/${demo.householdId}`;
      expect(row.childId).toBe(demo.childId);
      expect(row.childFirstName).toBe('Emma');

      // Owed: the owed balance of every service's ledger up to today, as the ledger screen reads it.
      const ledger = await call(
        env,
        'GET',
        `${h}/children/${demo.childId}/ledger?from=2020-01-01&to=${TODAY}`,
      );
      expect(ledger.status).toBe(200);
      const owed = (ledger.body.services as { totals: { owedBalanceMinutes: number } }[]).reduce(
        (sum, s) => sum + s.totals.owedBalanceMinutes,
        0,
      );
      expect(owed).toBeGreaterThan(0);
      expect(row.owedMinutes).toBe(owed);

      // The trend's start: the same ledger screen's balances as of four weeks ago.
      const fourWeeksAgo = addDays(TODAY, -CASELOAD_TREND_DAYS);
      const before = await call(
        env,
        'GET',
        `${h}/children/${demo.childId}/ledger?from=2020-01-01&to=${fourWeeksAgo}&asOf=${fourWeeksAgo}`,
      );
      expect(before.status).toBe(200);
      expect(row.owedMinutesTrendStart).toBe(
        (before.body.services as { totals: { owedBalanceMinutes: number } }[]).reduce(
          (sum, s) => sum + s.totals.owedBalanceMinutes,
          0,
        ),
      );

      const status = await call(
        env,
        'GET',
        `${h}/children/${demo.childId}/communication-status?asOf=${TODAY}`,
      );
      expect(status.status).toBe(200);
      expect(row.repliesOverdue).toBe(status.body.overdue.length);

      const week = await call(env, 'GET', `${h}/children/${demo.childId}/week`);
      expect(row.servicesBehind).toBe(
        (week.body.attention as { kind: string }[]).filter((a) => a.kind === 'behind').length,
      );

      const advice = await call(env, 'GET', `${h}/children/${demo.childId}/advice`);
      expect(advice.status).toBe(200);
      const recommendations = advice.body.recommendations as {
        deadlines: { date: string; citation: object }[];
      }[];
      expect(row.openAdvisorItems).toBe(recommendations.length);
      // The next deadline: a recommendation's deadline that a law or guidance sets (not the reply date of
      // a setting), or the plan's annual review, whichever comes first.
      const keyDates = await call(env, 'GET', `${h}/key-dates?planId=${demo.planId}`);
      expect(keyDates.status).toBe(200);
      const upcoming = [
        ...recommendations.flatMap((r) =>
          r.deadlines.filter((d) => !('productChoice' in d.citation)).map((d) => d.date),
        ),
        ...(keyDates.body as { kind: string; date: string }[])
          .filter((k) => k.kind === 'annual_review')
          .map((k) => k.date),
      ]
        .filter((d) => d >= TODAY)
        .sort();
      expect(upcoming.length).toBeGreaterThan(0);
      expect(row.nextDeadline?.date).toBe(upcoming[0]);
      expect(row.lastActivityAt).toBe(await lastJournalAt(demo.householdId));
    }

    const empty = rows.find((r) => r.householdId === env.householdId)!;
    expect(empty).toMatchObject({
      childId: null,
      childFirstName: null,
      owedMinutes: 0,
      owedMinutesTrendStart: 0,
      servicesBehind: 0,
      repliesOverdue: 0,
      nextDeadline: null,
      openAdvisorItems: 0,
      urgent: false,
    });
    expect(empty.lastActivityAt).toBe(await lastJournalAt(env.householdId));

    // Sorted as documented (src/domain/caseload.ts): both demo rows are urgent (a reply overdue), the one
    // owed more minutes first; the household with nothing owed or due last.
    expect(rows.map((r) => r.householdId)).toEqual([
      spanish.householdId,
      english.householdId,
      env.householdId,
    ]);
    expect(rows[0]!.owedMinutes).toBe(rows[1]!.owedMinutes + 30);
    // The session missed on November 24, within the last four weeks, is in the Spanish household's trend:
    // four weeks ago both households owed the same.
    expect(rows[0]!.owedMinutesTrendStart).toBe(rows[1]!.owedMinutesTrendStart);
    expect(owedChange(rows[0]!)).toBe(owedChange(rows[1]!) + 30);
    expect(rows.map((r) => r.householdId)).toEqual(
      [...rows].sort(compareByUrgency).map((r) => r.householdId),
    );
    for (const row of rows)
      expect(row.urgent).toBe(
        row.repliesOverdue > 0 || (row.nextDeadline != null && row.nextDeadline.inDays <= 14),
      );
  });

  it('lists nothing for someone in no household', async () => {
    const res = await call(env, 'GET', '/api/caseload', undefined, nobody);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('lists only the households where the caller is an owner or an advocate', async () => {
    const res = await call(env, 'GET', '/api/caseload', undefined, viewer);
    expect(res.status).toBe(200);
    expect((res.body as Row[]).map((r) => [r.householdId, r.role])).toEqual([[env.householdId, 'advocate']]);
    const owner = await call(env, 'GET', '/api/caseload');
    expect((owner.body as Row[]).map((r) => r.role)).toEqual(['owner', 'owner', 'owner']);
  });

  it('asks the caller to sign in', async () => {
    expect((await call(env, 'GET', '/api/caseload', undefined, null)).status).toBe(401);
    expect((await call(env, 'GET', '/api/caseload.csv', undefined, null)).status).toBe(401);
  });

  it('exports the same rows, in the same order, as CSV', async () => {
    const json = (await call(env, 'GET', '/api/caseload', undefined, advocate)).body as Row[];
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/caseload.csv',
      headers: { cookie: advocate.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'family,child,role,urgent,make-up minutes owed,make-up minutes owed 28 days ago,services behind,replies overdue,next deadline date,next deadline,last activity,open advisor items,household id,child id',
    );
    expect(lines).toHaveLength(json.length + 1);
    json.forEach((row, i) => {
      const line = lines[i + 1]!;
      expect(line.endsWith(`,${row.householdId},${row.childId ?? ''}`)).toBe(true);
      expect(line).toContain(
        `,${row.role},${row.urgent ? 'yes' : 'no'},${row.owedMinutes},${row.owedMinutesTrendStart},${row.servicesBehind},${row.repliesOverdue},`,
      );
    });
  });
});
