import type { Kysely } from 'kysely';
import { buildCalendarIndex } from '../../domain/school-calendar.ts';
import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import { checkRecordDate, type DatedRecord } from '../../domain/school-days.ts';
import { uuidv7 } from '../ids.ts';
import { GENESIS_HASH, journalEntryHash } from '../journal-hash.ts';

// Dates on days with no school (docs/ledger-rules.md): from now on a session entry, an accommodation
// observation or a behavior incident dated on a weekend, holiday, break or closure is refused unless
// the person recording it confirms the date, and the confirmation is kept on the record
// (`non_school_day_confirmed`, 1 or 0). Records written before the rule never had the question, so
// this migration marks those that would now need it as confirmed (they were accepted then), each
// with an "update" journal entry by "system:migration-0010", so the paper trail says who set the flag
// and when. It reads the rule itself (src/domain/school-days.ts), so it marks exactly what the rule
// would ask about.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds non_school_day_confirmed (integer 0/1, default 0; nonSchoolDayConfirmed in the journal) to session_entry, accommodation_observation and behavior_incident. Journal entries written before it lack the field and replay reads a missing one as false; the records it marks as confirmed get an "update" journal entry (actor system:migration-0010) that replay applies like any change.';

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'session_entry.nonSchoolDayConfirmed': false,
  'accommodation_observation.nonSchoolDayConfirmed': false,
  'behavior_incident.nonSchoolDayConfirmed': false,
};

const TABLES = ['session_entry', 'accommodation_observation', 'behavior_incident'] as const;
type Table = (typeof TABLES)[number];

const ACTOR = 'system:migration-0010';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('non_school_day_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  const at = new Date().toISOString();
  const children = (await db.selectFrom('child').select(['id', 'household_id']).execute()) as {
    id: string;
    household_id: string;
  }[];
  const marks = new Map<string, { table: Table; id: string; createdAt: string }[]>();
  for (const child of children) {
    const calendar = buildCalendarIndex(await calendarsOf(db, child.household_id, child.id));
    if (calendar.years.length === 0) continue;
    const found = await recordsToMark(db, child.household_id, child.id, (date, record) => {
      const check = checkRecordDate(calendar, date, record);
      return check?.needsConfirmation === true;
    });
    if (found.length > 0) marks.set(child.household_id, [...(marks.get(child.household_id) ?? []), ...found]);
  }
  for (const [householdId, rows] of marks) {
    const last = (await db
      .selectFrom('journal')
      .select(['seq', 'hash'])
      .where('household_id', '=', householdId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()) as { seq: number; hash: string | null } | undefined;
    let seq = Number(last?.seq ?? 0);
    let prevHash = last?.hash ?? GENESIS_HASH;
    for (const row of rows) {
      await db
        .updateTable(row.table)
        .set({ non_school_day_confirmed: 1, updated_at: at })
        .where('household_id', '=', householdId)
        .where('id', '=', row.id)
        .execute();
      // The same diff the services write (`{changed: {field: {from, to}}}`; plain records add createdAt).
      const changed = { nonSchoolDayConfirmed: { from: false, to: true } };
      const data = JSON.stringify(
        row.table === 'session_entry' ? { changed } : { changed, createdAt: row.createdAt },
      );
      seq += 1;
      const fields = {
        householdId,
        seq,
        at,
        actor: ACTOR,
        action: 'update',
        entity: row.table,
        entityId: row.id,
        data,
        prevHash,
      };
      const hash = journalEntryHash(fields);
      await db
        .insertInto('journal')
        .values({
          id: uuidv7(Date.parse(at)),
          household_id: householdId,
          seq,
          at,
          actor: ACTOR,
          action: 'update',
          entity: row.table,
          entity_id: row.id,
          data,
          prev_hash: prevHash,
          hash,
        })
        .execute();
      prevHash = hash;
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above
async function calendarsOf(db: Kysely<any>, householdId: string, childId: string): Promise<SchoolCalendar[]> {
  const calendars = (await db
    .selectFrom('school_calendar')
    .select(['id', 'first_day', 'last_day', 'school_weekdays', 'cycle_length'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute()) as {
    id: string;
    first_day: string;
    last_day: string;
    school_weekdays: string;
    cycle_length: number | null;
  }[];
  const out: SchoolCalendar[] = [];
  for (const c of calendars) {
    const events = (await db
      .selectFrom('calendar_event')
      .select(['kind', 'start_date', 'end_date', 'label'])
      .where('household_id', '=', householdId)
      .where('calendar_id', '=', c.id)
      .execute()) as { kind: string; start_date: string; end_date: string | null; label: string | null }[];
    out.push({
      id: c.id,
      firstDay: c.first_day,
      lastDay: c.last_day,
      schoolWeekdays: JSON.parse(c.school_weekdays) as number[],
      cycleLength: c.cycle_length == null ? null : Number(c.cycle_length),
      events: events.map((e) => ({
        kind: e.kind as SchoolCalendar['events'][number]['kind'],
        startDate: e.start_date,
        endDate: e.end_date,
        label: e.label,
      })),
    });
  }
  return out;
}

/** A child's session entries, observations and incidents that the rule would now ask about, in id order. */
async function recordsToMark(
  // biome-ignore lint/suspicious/noExplicitAny: see above
  db: Kysely<any>,
  householdId: string,
  childId: string,
  needs: (date: string, record: DatedRecord) => boolean,
): Promise<{ table: Table; id: string; createdAt: string }[]> {
  const out: { table: Table; id: string; createdAt: string; order: string }[] = [];
  const entries = (await db
    .selectFrom('session_entry')
    .innerJoin('service', 'service.id', 'session_entry.service_id')
    .select([
      'session_entry.id',
      'session_entry.date',
      'session_entry.kind',
      'session_entry.status',
      'session_entry.reason',
      'session_entry.created_at',
      'service.esy_blocks',
    ])
    .where('session_entry.household_id', '=', householdId)
    .where('service.household_id', '=', householdId)
    .where('session_entry.child_id', '=', childId)
    .execute()) as {
    id: string;
    date: string;
    kind: string;
    status: string;
    reason: string | null;
    created_at: string;
    esy_blocks: string;
  }[];
  for (const e of entries) {
    const record: DatedRecord =
      e.kind === 'makeup'
        ? { kind: 'makeup' }
        : {
            kind: 'session',
            status: e.status,
            reason: e.reason,
            esyBlocks: JSON.parse(e.esy_blocks) as { startDate: string; endDate: string }[],
          };
    if (needs(e.date, record))
      out.push({ table: 'session_entry', id: e.id, createdAt: e.created_at, order: e.id });
  }
  const observations = (await db
    .selectFrom('accommodation_observation')
    .innerJoin('accommodation', 'accommodation.id', 'accommodation_observation.accommodation_id')
    .innerJoin('plan', 'plan.id', 'accommodation.plan_id')
    .select([
      'accommodation_observation.id',
      'accommodation_observation.date',
      'accommodation_observation.created_at',
    ])
    .where('accommodation_observation.household_id', '=', householdId)
    .where('accommodation.household_id', '=', householdId)
    .where('plan.household_id', '=', householdId)
    .where('plan.child_id', '=', childId)
    .execute()) as { id: string; date: string; created_at: string }[];
  for (const o of observations) {
    if (needs(o.date, { kind: 'observation' }))
      out.push({ table: 'accommodation_observation', id: o.id, createdAt: o.created_at, order: o.id });
  }
  const incidents = (await db
    .selectFrom('behavior_incident')
    .innerJoin('plan', 'plan.id', 'behavior_incident.plan_id')
    .select(['behavior_incident.id', 'behavior_incident.date', 'behavior_incident.created_at'])
    .where('behavior_incident.household_id', '=', householdId)
    .where('plan.household_id', '=', householdId)
    .where('plan.child_id', '=', childId)
    .execute()) as { id: string; date: string; created_at: string }[];
  for (const i of incidents) {
    if (needs(i.date, { kind: 'incident' }))
      out.push({ table: 'behavior_incident', id: i.id, createdAt: i.created_at, order: i.id });
  }
  return out
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ order: _o, ...r }) => r);
}
