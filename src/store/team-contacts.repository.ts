import type { Db } from './repository.ts';

// A child's team: the teachers, therapists and administrators the family writes to, written through
// the generic record service. These are the readers the case record, the communication log's link
// checks and the email import need.

/** A child's team contacts as the letters address them, in the order they were added. */
export function teamOfChild(db: Db, householdId: string, childId: string) {
  return db
    .selectFrom('team_contact')
    .select(['id', 'name', 'role', 'email'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Which of these ids are team contacts of the child (an id of another child or household is not). */
export async function contactIdsOfChild(
  db: Db,
  householdId: string,
  childId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('team_contact')
    .select('id')
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Every team contact of the household by id, with its name (the communication log's "with" column). */
export async function contactNamesInHousehold(db: Db, householdId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('team_contact')
    .select(['id', 'name'])
    .where('household_id', '=', householdId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A child's team contacts with their email addresses (in no order), to know who wrote a message. */
export function contactEmailsOfChild(db: Db, householdId: string, childId: string) {
  return db
    .selectFrom('team_contact')
    .select(['id', 'email'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
}
