import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Db, parseJsonColumn } from './repository.ts';
import type { Database } from './schema.ts';

// What the implementation report is made from, read in one place: every row of the child's record the
// report shows (plans, services, sessions with their corrections and voids, accommodations and their
// observations, work samples, behavior-plan steps and incidents, the team, goals and their progress, the
// parent's notes), each query scoped by household. The report's service turns them into its input; the
// report itself (src/reports/implementation-report.ts) does no I/O. JSON columns are read through their
// schemas here.

const IdList = z.array(z.string());
const AccommodationChecks = z.array(z.looseObject({ accommodationId: z.string(), outcome: z.string() }));

/** A JSON list of ids (null reads as none). */
export function idList(column: string, json: string | null): string[] {
  return json ? parseJsonColumn(IdList, column, json) : [];
}

/** A work sample's accommodation checks. */
export function accommodationChecks(json: string): { accommodationId: string; outcome: string }[] {
  return parseJsonColumn(AccommodationChecks, 'work_sample.accommodation_checks', json);
}

/** Every session entry or work sample of the child (corrections and voids too), by date. */
function datedRowsOfChild<T extends 'session_entry' | 'work_sample'>(
  db: Db,
  table: T,
  householdId: string,
  childId: string,
): Promise<Database[T][]> {
  // biome-ignore lint/suspicious/noExplicitAny: one query over the two tables
  return (db as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('date')
    .orderBy('id')
    .execute() as Promise<Database[T][]>;
}

/** The rows of one child's record the implementation report reads. */
export async function reportRowsOfChild(db: Db, householdId: string, childId: string) {
  const plans = await db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
  // Kysely cannot send an empty IN list; an id no row has stands in for "none".
  const none = ['00000000-0000-0000-0000-000000000000'];
  const idsOrNone = (list: string[]) => (list.length > 0 ? list : none);
  const planIds = idsOrNone(plans.map((p) => p.id));
  const services = await db
    .selectFrom('service')
    .select(['id', 'name', 'source_text', 'provider_role', 'start_date', 'end_date'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .execute();
  const sessions = await datedRowsOfChild(db, 'session_entry', householdId, childId);
  const accommodations = await db
    .selectFrom('accommodation')
    .select(['id', 'text', 'plan_id'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const observations = await db
    .selectFrom('accommodation_observation')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('accommodation_id', 'in', idsOrNone(accommodations.map((a) => a.id)))
    .orderBy('date')
    .orderBy('id')
    .execute();
  const samples = await datedRowsOfChild(db, 'work_sample', householdId, childId);
  const steps = await db
    .selectFrom('behavior_step')
    .select(['id', 'kind', 'text', 'plan_id'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const incidents = await db
    .selectFrom('behavior_incident')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const teamContacts = await db
    .selectFrom('team_contact')
    .select(['id', 'name'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
  const goals = await db
    .selectFrom('goal')
    .select(['id', 'area'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .execute();
  const progress = await db
    .selectFrom('goal_progress')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('goal_id', 'in', idsOrNone(goals.map((g) => g.id)))
    .execute();
  const parentNotes = await db
    .selectFrom('parent_note')
    .select(['id', 'date', 'kind', 'text'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
  return {
    plans,
    services,
    sessions,
    accommodations,
    observations,
    samples,
    steps,
    incidents,
    teamContacts,
    goals,
    progress,
    parentNotes,
  };
}
