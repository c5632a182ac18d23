import type { Kysely } from 'kysely';

// Portable schema builder only: the same migration runs on SQLite and PostgreSQL.
// A migration that has landed is never edited; add a new file instead.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Creates households, children, plans, plan versions, plan content, team contacts, school calendars, session entries and the journal. Every record in these tables is created, changed and deleted through a journal entry from this first version on, so replay starts each household from nothing and a row without a create entry is reported.';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const owned = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull());

  await owned('child')
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('school', 'text')
    .addColumn('grade', 'text')
    .addColumn('notes', 'text')
    .execute();

  await owned('plan')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('title', 'text')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason_policy', 'text')
    .execute();

  await db.schema
    .createTable('plan_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_version_number_unique', ['plan_id', 'version_number'])
    .execute();

  await owned('service')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('provider_role', 'text')
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('group_size_limit', 'integer')
    .addColumn('location', 'text')
    .addColumn('source_text', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('esy_blocks', 'text', (c) => c.notNull())
    .execute();

  await owned('accommodation')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('applies_to', 'text', (c) => c.notNull())
    .addColumn('class_name', 'text')
    .execute();

  await owned('goal')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text')
    .addColumn('target', 'text')
    .addColumn('measurement', 'text')
    .execute();

  await owned('behavior_step')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await owned('team_contact')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .execute();

  await owned('key_date')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .execute();

  await owned('school_calendar')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('school_weekdays', 'text', (c) => c.notNull())
    .addColumn('cycle_length', 'integer')
    .execute();

  await owned('calendar_event')
    .addColumn('calendar_id', 'text', (c) => c.notNull().references('school_calendar.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('label', 'text')
    .execute();

  await owned('session_entry')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    .addColumn('plan_version_id', 'text', (c) => c.references('plan_version.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('minutes_delivered', 'integer', (c) => c.notNull())
    .addColumn('minutes_planned', 'integer')
    .addColumn('reason', 'text')
    .addColumn('reason_text', 'text')
    .addColumn('responsibility', 'text')
    .addColumn('makeup_for_entry_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('corrects_entry_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('journal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addUniqueConstraint('journal_household_seq_unique', ['household_id', 'seq'])
    .execute();

  const indexes: [string, string, string[]][] = [
    ['child_household_idx', 'child', ['household_id']],
    ['plan_child_idx', 'plan', ['child_id']],
    ['plan_version_plan_idx', 'plan_version', ['plan_id']],
    ['service_plan_idx', 'service', ['plan_id']],
    ['accommodation_plan_idx', 'accommodation', ['plan_id']],
    ['goal_plan_idx', 'goal', ['plan_id']],
    ['behavior_step_plan_idx', 'behavior_step', ['plan_id']],
    ['team_contact_child_idx', 'team_contact', ['child_id']],
    ['key_date_plan_idx', 'key_date', ['plan_id']],
    ['school_calendar_child_idx', 'school_calendar', ['child_id']],
    ['calendar_event_calendar_idx', 'calendar_event', ['calendar_id']],
    ['session_entry_service_date_idx', 'session_entry', ['service_id', 'date']],
    ['session_entry_child_date_idx', 'session_entry', ['child_id', 'date']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}
