import type { Kysely } from 'kysely';
import { isReadMemo, onceInView } from './read-memo.ts';
import type { Db } from './repository.ts';
import type { Database } from './schema.ts';

// A plan's content: its services, accommodations, goals, behavior-plan steps and key dates, each in its
// own table, written through the generic record service (services/resources.ts). These are the readers
// of the plan's live content (its current version), the patterns, the check-in questions, the home
// screen, the school-day checks and the case record. Each reader keeps its own columns and order: the
// findings, the questions and the letters list the content in the order these give it.
//
// Through a read memo (the caseload: a child's week, ledgers, patterns, case record and plan versions
// each read the same plan's content in their own shape), a reader below answers from the household's
// rows of its table, read once whole (contentInHousehold) in the finest order any reader asks for and
// indexed once per view by plan and by id (contentInView), narrowed here by the same conditions as its
// query, to the same columns, each caller given its own copies. A plan's rows keep that read's order,
// the query's (rows a query orders by date alone, the same day, come in that read's order: by id); rows
// of several plans are put back in it by their place in the read. The index makes a child's narrowing
// cost that child's rows, not the household's (a district's). plan-reads.memo.test.ts compares each
// narrowing with its query (and the same on PostgreSQL).

/** The tables that hold a plan's content, each row with a `plan_id`. */
export type PlanContentTable = 'service' | 'accommodation' | 'goal' | 'behavior_step' | 'key_date';

/** The order of a content table's rows as a read memo reads them: each reader's order ends this one. */
const CONTENT_ORDER: Record<PlanContentTable, readonly string[]> = {
  service: ['created_at', 'id'],
  accommodation: ['created_at', 'id'],
  goal: ['created_at', 'id'],
  behavior_step: ['position', 'created_at', 'id'],
  key_date: ['date', 'id'],
};

/**
 * Every row of a content table of the household, in CONTENT_ORDER: the one read a read memo narrows.
 * Asked through the household's plans (each row's plan is one of them), so that the tables' plan index
 * serves it: behavior steps and key dates have no index led by the household.
 */
export async function contentInHousehold<T extends PlanContentTable>(
  db: Db,
  table: T,
  householdId: string,
): Promise<Database[T][]> {
  const householdPlans = db.selectFrom('plan').select('plan.id').where('plan.household_id', '=', householdId);
  // biome-ignore lint/suspicious/noExplicitAny: one query over the five content tables
  let q = (db as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', householdPlans);
  for (const column of CONTENT_ORDER[table]) q = q.orderBy(column);
  return (await q.execute()) as Database[T][];
}

/** A row of the household read and its place in it. */
type Placed<R> = { readonly at: number; readonly row: R };

/** A content table of the household as a read memo holds it: each plan's rows in order, and by id. */
export type ContentInView<R> = {
  readonly byPlan: ReadonlyMap<string, readonly Placed<R>[]>;
  readonly byId: ReadonlyMap<string, Placed<R>>;
};

/** Through a read memo, the household's rows of a content table indexed once per view (shared: read-only). */
export function contentInView<T extends PlanContentTable>(
  db: Db,
  table: T,
  householdId: string,
): Promise<ContentInView<Database[T]>> {
  return onceInView(db, `contentInView\u0000${table}\u0000${householdId}`, async () => {
    const byPlan = new Map<string, Placed<Database[T]>[]>();
    const byId = new Map<string, Placed<Database[T]>>();
    for (const [at, row] of (await contentInHousehold(db, table, householdId)).entries()) {
      const placed = { at, row };
      byId.set(row.id, placed);
      const ofPlan = byPlan.get(row.plan_id);
      if (ofPlan) ofPlan.push(placed);
      else byPlan.set(row.plan_id, [placed]);
    }
    return { byPlan, byId };
  });
}

/**
 * Through a read memo: copies of the household's rows of a content table whose plan is among `planIds`
 * (or whose id is among `ids`), in CONTENT_ORDER.
 */
export async function contentOfPlans<T extends PlanContentTable>(
  db: Db,
  table: T,
  householdId: string,
  of: { planIds: readonly string[] } | { ids: readonly string[] },
): Promise<Database[T][]> {
  const content = await contentInView(db, table, householdId);
  const placed: Placed<Database[T]>[] = [];
  if ('planIds' in of) for (const id of new Set(of.planIds)) placed.push(...(content.byPlan.get(id) ?? []));
  else
    for (const id of new Set(of.ids)) {
      const found = content.byId.get(id);
      if (found) placed.push(found);
    }
  if (placed.length > 1) placed.sort((a, b) => a.at - b.at);
  return placed.map(({ row }) => ({ ...row }));
}

/** A row's columns named (a narrowed read gives what its query selects, no more). */
function pick<R extends object, K extends keyof R>(row: R, columns: readonly K[]): Pick<R, K> {
  const picked = {} as Pick<R, K>;
  for (const column of columns) picked[column] = row[column];
  return picked;
}

/** Every row of one content table of a plan, in the order given (the plan's record type's order). */
export async function planContentRows(
  db: Db,
  table: PlanContentTable,
  householdId: string,
  planId: string,
  orderBy: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (isReadMemo(db) && orderBy.join() === CONTENT_ORDER[table].join())
    return contentOfPlans(db, table, householdId, { planIds: [planId] });
  // biome-ignore lint/suspicious/noExplicitAny: one query over the five content tables
  let q = (db as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId);
  for (const column of orderBy) q = q.orderBy(column);
  return (await q.execute()) as Record<string, unknown>[];
}

// Services

/** The services of some plans, as the patterns name them and find the pull-out ones. */
export async function serviceSettingsOfPlans(db: Db, householdId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'service', householdId, { planIds })).map((r) =>
      pick(r, ['id', 'name', 'setting']),
    );
  return db
    .selectFrom('service')
    .select(['id', 'name', 'setting'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', [...planIds])
    .execute();
}

/** A plan's services in force at some time in [from, to], in the order they were added (the check-in's questions). */
export function servicesOfPlanBetween(db: Db, householdId: string, planId: string, from: string, to: string) {
  return db
    .selectFrom('service')
    .select(['id', 'name', 'area', 'setting'])
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId)
    .where('start_date', '<=', to)
    .where('end_date', '>=', from)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A plan's services as the case record names them, in the order they were added. */
export async function serviceSummariesOfPlan(db: Db, householdId: string, planId: string) {
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'service', householdId, { planIds: [planId] })).map((r) =>
      pick(r, ['id', 'name', 'source_text', 'provider_role', 'start_date', 'end_date', 'plan_id']),
    );
  return db
    .selectFrom('service')
    .select(['id', 'name', 'source_text', 'provider_role', 'start_date', 'end_date', 'plan_id'])
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// Accommodations

/** The accommodations of some plans, each with its text, in the order they were added. */
export async function accommodationTextsOfPlans(db: Db, householdId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'accommodation', householdId, { planIds })).map((r) =>
      pick(r, ['id', 'text']),
    );
  return db
    .selectFrom('accommodation')
    .select(['id', 'text'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', [...planIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The texts of some accommodations of the household (an id of another household is left out). */
export async function accommodationTexts(db: Db, householdId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('accommodation')
    .select(['id', 'text'])
    .where('household_id', '=', householdId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Every accommodation of the household by id, with its text (the observation log's column). */
export async function accommodationTextsInHousehold(
  db: Db,
  householdId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('accommodation')
    .select(['id', 'text'])
    .where('household_id', '=', householdId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** Every accommodation of the household by id, with the child whose plan holds it. */
export async function childrenOfAccommodations(db: Db, householdId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('accommodation')
    .innerJoin('plan', (join) =>
      join
        .onRef('plan.id', '=', 'accommodation.plan_id')
        .onRef('plan.household_id', '=', 'accommodation.household_id'),
    )
    .select(['accommodation.id', 'plan.child_id'])
    .where('accommodation.household_id', '=', householdId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.child_id]));
}

/** A plan's accommodations with where they apply, in the order they were added (the check-in's questions). */
export function accommodationsOfPlan(db: Db, householdId: string, planId: string) {
  return db
    .selectFrom('accommodation')
    .select(['id', 'text', 'category', 'applies_to', 'class_name'])
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The child whose plan holds an accommodation of the household, or null. */
export async function childOfAccommodation(
  db: Db,
  householdId: string,
  accommodationId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('accommodation')
    .innerJoin('plan', (join) =>
      join
        .onRef('plan.id', '=', 'accommodation.plan_id')
        .onRef('plan.household_id', '=', 'accommodation.household_id'),
    )
    .select('plan.child_id')
    .where('accommodation.household_id', '=', householdId)
    .where('accommodation.id', '=', accommodationId)
    .executeTakeFirst();
  return row?.child_id ?? null;
}

// Goals

/** The goals of some plans, with their targets, as the patterns read them. */
export async function goalsOfPlans(db: Db, householdId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'goal', householdId, { planIds })).map((r) =>
      pick(r, ['id', 'plan_id', 'text', 'target', 'area']),
    );
  return db
    .selectFrom('goal')
    .select(['id', 'plan_id', 'text', 'target', 'area'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', [...planIds])
    .execute();
}

/** A plan's goals, in the order they were added (the case record). */
export async function goalsOfPlan(db: Db, householdId: string, planId: string) {
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'goal', householdId, { planIds: [planId] })).map((r) =>
      pick(r, ['id', 'area', 'text']),
    );
  return db
    .selectFrom('goal')
    .select(['id', 'area', 'text'])
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// Behavior-plan steps

/** The behavior-plan steps of some plans, as the patterns read them. */
export async function behaviorStepsOfPlans(db: Db, householdId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'behavior_step', householdId, { planIds })).map((r) =>
      pick(r, ['id', 'kind', 'text']),
    );
  return db
    .selectFrom('behavior_step')
    .select(['id', 'kind', 'text'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', [...planIds])
    .execute();
}

/** A plan's behavior-plan steps in their order (the check-in's questions). */
export function behaviorStepsOfPlan(db: Db, householdId: string, planId: string) {
  return db
    .selectFrom('behavior_step')
    .select(['id', 'kind', 'text'])
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

// Key dates

/** The progress-report dates of some plans, by date. */
export async function progressReportDatesOfPlans(db: Db, householdId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'key_date', householdId, { planIds }))
      .filter((r) => r.kind === 'progress_report')
      .map((r) => pick(r, ['plan_id', 'date']));
  return db
    .selectFrom('key_date')
    .select(['plan_id', 'date'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', [...planIds])
    .where('kind', '=', 'progress_report')
    .orderBy('date')
    .execute();
}

/** A plan's key dates, by date (the case record). */
export async function keyDatesOfPlan(db: Db, householdId: string, planId: string) {
  if (isReadMemo(db))
    return (await contentOfPlans(db, 'key_date', householdId, { planIds: [planId] })).map((r) =>
      pick(r, ['kind', 'date', 'label']),
    );
  return db
    .selectFrom('key_date')
    .select(['kind', 'date', 'label'])
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId)
    .orderBy('date')
    .execute();
}

/** Which of these ids are rows of a content table in one of these plans (an id of another plan or household is not). */
export async function contentIdsAmong(
  db: Db,
  table: 'accommodation' | 'goal' | 'behavior_step',
  householdId: string,
  planIds: readonly string[],
  ids: readonly string[],
): Promise<Set<string>> {
  if (planIds.length === 0 || ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', [...planIds])
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}
