import type { Kysely } from 'kysely';

// Observations of accommodations, behavior incidents, the class timetable and goal progress.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds accommodation observations, behavior incidents, class periods and goal progress points, each created, changed and deleted through the generic record service, whose journal entries carry the record in API shape; replay compares them like every generic record.';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  const owned = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull());

  await owned('accommodation_observation')
    .addColumn('accommodation_id', 'text', (c) => c.notNull().references('accommodation.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('class_name', 'text')
    .addColumn('setting', 'text')
    .addColumn('teacher_kind', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await owned('behavior_incident')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('steps_followed', 'text', (c) => c.notNull())
    .addColumn('steps_skipped', 'text', (c) => c.notNull())
    .addColumn('reward_used', 'integer')
    .addColumn('consequence_contradicted', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await owned('class_period')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('class_name', 'text', (c) => c.notNull())
    .addColumn('teacher', 'text')
    .execute();
  await owned('goal_progress')
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('numeric_value', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createIndex('accommodation_observation_acc_date_idx')
    .on('accommodation_observation')
    .columns(['accommodation_id', 'date'])
    .execute();
  await db.schema
    .createIndex('behavior_incident_plan_date_idx')
    .on('behavior_incident')
    .columns(['plan_id', 'date'])
    .execute();
  await db.schema.createIndex('class_period_child_idx').on('class_period').column('child_id').execute();
  await db.schema
    .createIndex('goal_progress_goal_date_idx')
    .on('goal_progress')
    .columns(['goal_id', 'date'])
    .execute();
}
