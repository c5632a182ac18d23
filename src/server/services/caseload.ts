import type { CaseloadDeadline, CaseloadRow } from '../../api/caseload.ts';
import {
  CASELOAD_ROLES,
  CASELOAD_TREND_DAYS,
  type CaseloadRole,
  compareByUrgency,
  daysUntil,
  isUrgent,
} from '../../domain/caseload.ts';
import { addDays } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import type { Translator } from '../../domain/i18n/translate.ts';
import { isProductChoice } from '../../domain/jurisdictions.ts';
import { toCsv } from '../../reports/csv.ts';
import { lastJournalEntryAt } from '../../store/caseload.repository.ts';
import { listChildren } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { keyDatesOfPlan } from '../../store/plan-content.repository.ts';
import { planInForce } from '../../store/plans.repository.ts';
import { withReadMemo } from '../../store/read-memo.ts';
import { servicesWithPlan } from '../../store/services.repository.ts';
import { translatorFor } from '../i18n.ts';
import { householdsOf } from './accounts.ts';
import { recommendationsOf } from './advice.ts';
import { communicationStatus } from './communication-status.ts';
import { computeLedgers } from './ledgers.ts';
import { asked, settled } from './settled.ts';
import { servicesBehindThisWeek } from './week-summary.ts';

// The advocate's caseload (issue 18): for every household where the signed-in person is an owner or an
// advocate, each child's figures as the household's own screens give them, computed by the same
// services: the make-up minutes owed (the ledger), the services behind (the home screen's rule), the
// replies overdue (the communication status), the advisor's recommendations and their deadlines with
// the plan's annual review, and the household journal's last entry. Sorted by urgency
// (src/domain/caseload.ts). Only the households of the person's memberships are read.

type Parent = { name: string; email: string | null };

/**
 * The caseload of a user on `today`: one row per child (one with no child for a household with none), the
 * advisor's words in `language`.
 */
export async function caseloadOf(
  store: Store,
  userId: string,
  today: string,
  parent: Parent,
  language = 'en',
): Promise<CaseloadRow[]> {
  const households = (await householdsOf(store, userId)).filter((h): h is typeof h & { role: CaseloadRole } =>
    (CASELOAD_ROLES as readonly string[]).includes(h.role),
  );
  const lastActivity = await lastJournalEntryAt(
    store.db,
    households.map((h) => h.id),
  );
  // On PostgreSQL each read waits on the server: a few households at a time, so that one household's
  // figures are worked out while another's reads are on their way (the pool holds ten connections). On
  // SQLite the reads are synchronous and one at a time is as fast.
  const concurrent = store.kind === 'postgres' ? 4 : 1;
  const rowsOf: CaseloadRow[][] = [];
  let next = 0;
  const work = async () => {
    while (next < households.length) {
      const i = next++;
      // Between households the process answers its other requests (SQLite's reads are synchronous), so a
      // long caseload never holds up another user for its whole time.
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const household = households[i]!;
      rowsOf[i] = await householdRows(
        store,
        household,
        lastActivity.get(household.id) ?? null,
        today,
        parent,
        language,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrent, households.length) }, work));
  // In the households' order before sorting, however the work interleaved: equal rows keep one order.
  return rowsOf.flat().sort(compareByUrgency);
}

/** One household's rows: one a child, or one with no child for a household with none. */
async function householdRows(
  store: Store,
  household: { id: string; name: string; role: CaseloadRole },
  lastActivityAt: string | null,
  today: string,
  parent: Parent,
  language: string,
): Promise<CaseloadRow[]> {
  const base = {
    householdId: household.id,
    householdName: household.name,
    role: household.role,
    lastActivityAt,
  };
  // Each household's reads through one memo: its children's screens read the same plan, calendar and
  // entries several times over (src/store/read-memo.ts).
  const reads = withReadMemo(store);
  const children = await listChildren(reads.db, household.id);
  if (children.length === 0)
    return [
      withUrgency({
        ...base,
        childId: null,
        childFirstName: null,
        owedMinutes: 0,
        owedMinutesTrendStart: 0,
        servicesBehind: 0,
        repliesOverdue: 0,
        nextDeadline: null,
        openAdvisorItems: 0,
      }),
    ];
  const rows: CaseloadRow[] = [];
  for (const child of children) {
    const figures = await childFigures(reads, household.id, child.id, today, parent, language);
    rows.push(withUrgency({ ...base, childId: child.id, childFirstName: child.first_name, ...figures }));
  }
  return rows;
}

function withUrgency(row: Omit<CaseloadRow, 'urgent'>): CaseloadRow {
  return { ...row, urgent: isUrgent(row) };
}

async function childFigures(
  store: Store,
  householdId: string,
  childId: string,
  today: string,
  parent: Parent,
  language: string,
) {
  // Each figure by the screen's own service, all asked for at once (on PostgreSQL their reads wait on the
  // server side by side; through the household's read memo each distinct read still runs once) and taken
  // in order (settled.ts).
  // The home screen's "behind" count, by its own rule, without the rest of the home screen.
  const behindRead = asked(servicesBehindThisWeek(store.db, householdId, childId, today));
  // Taken only for a child with a school calendar (without one there is no ledger, and it refuses).
  const owedRead = asked(owedOf(store, householdId, childId, today, today));
  // The same balance four weeks ago, by today's record, for the trend beside it.
  const owedBeforeRead = asked(
    owedOf(store, householdId, childId, addDays(today, -CASELOAD_TREND_DAYS), today),
  );
  const communicationRead = asked(communicationStatus(store, householdId, childId, today));
  // As the Advisor screen reads it, in the reader's language (a deadline's words are shown as they are).
  const adviceRead = asked(recommendationsOf(store, householdId, childId, today, parent, language));
  const planRead = asked(planInForce(store.db, householdId, childId, today));

  const { hasCalendar, servicesBehind } = settled(await behindRead);
  const owedMinutes = hasCalendar ? settled(await owedRead) : 0;
  const owedMinutesTrendStart = hasCalendar ? settled(await owedBeforeRead) : 0;
  const repliesOverdue = settled(await communicationRead).overdue.length;

  const deadlines: CaseloadDeadline[] = [];
  let openAdvisorItems = 0;
  try {
    const recommendations = settled(await adviceRead);
    openAdvisorItems = recommendations.length;
    // A deadline a law or guidance sets (a filing window, a meeting or records timeline), not the
    // reply date As Written's own setting suggests for a letter sent today.
    for (const rec of recommendations)
      for (const d of rec.deadlines)
        if (d.date >= today && !isProductChoice(d.citation))
          deadlines.push({ date: d.date, inDays: daysUntil(today, d.date), kind: 'advisor', label: d.label });
  } catch (error) {
    // A child the advisor cannot read yet (no plan, no calendar) has no advice, as on the Advisor screen.
    if (!(error instanceof AppError)) throw error;
  }
  const plan = settled(await planRead);
  if (plan) {
    for (const k of await keyDatesOfPlan(store.db, householdId, plan.id))
      if (k.kind === 'annual_review' && k.date >= today)
        deadlines.push({
          date: k.date,
          inDays: daysUntil(today, k.date),
          kind: 'annual_review',
          label: k.label,
        });
  }
  deadlines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    owedMinutes,
    owedMinutesTrendStart,
    servicesBehind,
    repliesOverdue,
    nextDeadline: deadlines[0] ?? null,
    openAdvisorItems,
  };
}

/**
 * The make-up minutes the child is owed as of `asOf` (today, or four weeks ago for the trend): the owed
 * balance of each service's ledger (every service of every plan, from the first service's start to
 * `asOf`), summed, as the ledger screen gives them for that day: what was recorded by today about the days
 * up to it.
 */
async function owedOf(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  today: string,
): Promise<number> {
  const services = await servicesWithPlan(store.db, householdId, { childId });
  const starts = services.map((s) => s.start_date).filter((d) => d <= asOf);
  if (starts.length === 0) return 0;
  const from = starts.reduce((min, d) => (d < min ? d : min));
  const ledgers = await computeLedgers(
    store.db,
    householdId,
    { childId },
    { from, to: asOf, asOf, grouping: 'month' },
    today,
    // Only the balances are summed: no rows, no ids.
    { detail: 'totals' },
  );
  return ledgers.reduce((sum, l) => sum + l.totals.owedBalanceMinutes, 0);
}

/** The caseload as a spreadsheet, the same rows in the same order, with headers in the reader's language. */
export async function caseloadCsv(
  store: Store,
  userId: string,
  today: string,
  parent: Parent,
  language = 'en',
): Promise<string> {
  const { t } = translatorFor(language);
  const rows = await caseloadOf(store, userId, today, parent, language);
  return toCsv(rows, [
    { header: t('csv.col.household'), value: (r) => r.householdName },
    { header: t('csv.col.child'), value: (r) => r.childFirstName },
    { header: t('csv.col.role'), value: (r) => r.role },
    { header: t('csv.col.urgent'), value: (r) => (r.urgent ? t('csv.yes') : t('csv.no')) },
    { header: t('csv.col.owedMinutes'), value: (r) => r.owedMinutes },
    {
      header: t('csv.col.owedMinutesTrendStart', { days: CASELOAD_TREND_DAYS }),
      value: (r) => r.owedMinutesTrendStart,
    },
    { header: t('csv.col.servicesBehind'), value: (r) => r.servicesBehind },
    { header: t('csv.col.repliesOverdue'), value: (r) => r.repliesOverdue },
    { header: t('csv.col.nextDeadlineDate'), value: (r) => r.nextDeadline?.date ?? null },
    { header: t('csv.col.nextDeadline'), value: (r) => deadlineWords(r.nextDeadline, t) },
    { header: t('csv.col.lastActivity'), value: (r) => r.lastActivityAt },
    { header: t('csv.col.openAdvisorItems'), value: (r) => r.openAdvisorItems },
    { header: t('csv.col.householdId'), value: (r) => r.householdId },
    { header: t('csv.col.childId'), value: (r) => r.childId },
  ]);
}

function deadlineWords(deadline: CaseloadDeadline | null, t: Translator['t']): string | null {
  if (!deadline) return null;
  if (deadline.kind === 'annual_review') return t('csv.caseload.annualReview');
  return deadline.label;
}
