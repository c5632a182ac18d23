import { z } from 'zod';
import type { PlanContent } from '../domain/plan-versions.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { PlanVersionRow } from './schema.ts';

// A plan's versions: version 1 made with the plan, one more for each amendment. A superseded version
// keeps the plan's content as it stood (`snapshot`, a JSON column read through its schema); the
// current version has none (its content is the plan's live records).

/** A content record as frozen: its fields in their stored order, with its id. */
const FrozenItem = z.record(z.string(), z.unknown()).and(z.object({ id: z.string() }));
const FrozenContent = z.looseObject({
  plan: z.record(z.string(), z.unknown()),
  services: z.array(FrozenItem),
  accommodations: z.array(FrozenItem),
  goals: z.array(FrozenItem),
  behaviorSteps: z.array(FrozenItem),
  keyDates: z.array(FrozenItem),
});

/** A plan's versions in order (none for a plan of another household). */
export function versionRows(db: Db, householdId: string, planId: string): Promise<PlanVersionRow[]> {
  return db
    .selectFrom('plan_version')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('plan_id', '=', planId)
    .orderBy('version_number')
    .execute();
}

/** A superseded version's frozen content (undefined for the current version, which has none). */
export function versionSnapshot(row: Pick<PlanVersionRow, 'snapshot'>): PlanContent | undefined {
  return row.snapshot == null
    ? undefined
    : parseJsonColumn(FrozenContent, 'plan_version.snapshot', row.snapshot);
}

export async function insertPlanVersion(db: Db, row: PlanVersionRow): Promise<void> {
  // A new version names no source document yet (recordVersionSource sets it in the same transaction):
  // the column is left to its default, so rows are written the same way at every schema since 0001
  // (the upgrade tests seed a database made at an earlier migration with this code).
  const { source_attachment_id, ...columns } = row;
  await db
    .insertInto('plan_version')
    .values(source_attachment_id == null ? columns : row)
    .execute();
}

/** Freeze a version: it keeps this content and ends on `effectiveTo`. */
export async function freezePlanVersion(
  db: Db,
  householdId: string,
  versionId: string,
  content: PlanContent,
  effectiveTo: string,
): Promise<void> {
  await db
    .updateTable('plan_version')
    .set({ snapshot: JSON.stringify(content), effective_to: effectiveTo })
    .where('household_id', '=', householdId)
    .where('id', '=', versionId)
    .execute();
}

/** Move the day a version takes effect. */
export async function setPlanVersionStart(
  db: Db,
  householdId: string,
  versionId: string,
  effectiveFrom: string,
): Promise<void> {
  await db
    .updateTable('plan_version')
    .set({ effective_from: effectiveFrom })
    .where('household_id', '=', householdId)
    .where('id', '=', versionId)
    .execute();
}

/** Name the document a version was read from (an attachment of the household). */
export async function setPlanVersionSource(
  db: Db,
  householdId: string,
  versionId: string,
  attachmentId: string,
): Promise<void> {
  await db
    .updateTable('plan_version')
    .set({ source_attachment_id: attachmentId })
    .where('household_id', '=', householdId)
    .where('id', '=', versionId)
    .execute();
}
