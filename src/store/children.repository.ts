import { notFound } from '../domain/errors.ts';
import { isReadMemo, onceInView } from './read-memo.ts';
import type { Db } from './repository.ts';
import { findInHousehold } from './repository.ts';
import type { ChildRow } from './schema.ts';

// The children of a household.

/** A child of the household, or undefined. */
export async function findChild(db: Db, householdId: string, childId: string): Promise<ChildRow | undefined> {
  // Through a read memo (the caseload lists the household's children, then each child's week looks its
  // child up), the household's list, read once and indexed by id once per view, serves the look-up
  // (plan-reads.memo.test.ts).
  if (isReadMemo(db)) {
    const byId = await onceInView(
      db,
      `childrenById\u0000${householdId}`,
      async () => new Map((await listChildren(db, householdId)).map((c) => [c.id, c])),
    );
    const child = byId.get(childId);
    return child && { ...child };
  }
  return findInHousehold(db, 'child', householdId, childId);
}

/**
 * A child of the household, or a 404 ("Child … was not found"); `field` names the request's field
 * the id came from, when it came from one.
 */
export async function requireChild(
  db: Db,
  householdId: string,
  childId: string,
  field?: string,
): Promise<ChildRow> {
  const child = await findChild(db, householdId, childId);
  if (!child) throw notFound('Child', childId, field);
  return child;
}

/** A child as the reports name them. */
export function childSummary(child: ChildRow) {
  return {
    id: child.id,
    firstName: child.first_name,
    lastName: child.last_name,
    school: child.school,
    grade: child.grade,
  };
}

/** A child's timetable: each class period's weekday, times and class. */
export function timetableOf(db: Db, householdId: string, childId: string) {
  return db
    .selectFrom('class_period')
    .select(['weekday', 'start_time', 'end_time', 'class_name'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
}

/** The household's children in the order they were added (only `childId`, when given). */
export function listChildren(db: Db, householdId: string, childId?: string | null): Promise<ChildRow[]> {
  return db
    .selectFrom('child')
    .selectAll()
    .where('household_id', '=', householdId)
    .$if(Boolean(childId), (q) => q.where('id', '=', childId!))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every child of the household by id, with its first name (the columns of the CSV exports that name a child). */
export async function childNamesInHousehold(db: Db, householdId: string): Promise<Map<string, string>> {
  const children = await db
    .selectFrom('child')
    .select(['id', 'first_name'])
    .where('household_id', '=', householdId)
    .execute();
  return new Map(children.map((c) => [c.id, c.first_name]));
}

/** Every child and every service of the household by id, with its name (the session log's columns). */
export async function namesInHousehold(db: Db, householdId: string) {
  const children = await childNamesInHousehold(db, householdId);
  const services = await db
    .selectFrom('service')
    .select(['id', 'name'])
    .where('household_id', '=', householdId)
    .execute();
  return {
    children,
    services: new Map(services.map((s) => [s.id, s.name])),
  };
}
