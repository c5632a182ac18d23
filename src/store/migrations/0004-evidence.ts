import type { Kysely } from 'kysely';

// Evidence: attachments (stored once per household by their SHA-256), work samples, child
// check-ins; session start times (to place pull-out sessions against the class timetable); and
// attachment lists on observations, incidents and goal data points.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  "Adds attachments (journaled; their bytes are checked against their SHA-256, not replayed), work samples and check-ins (journaled), and columns to rows that already existed: session_entry.start_time (null) and attachment_ids on observations, incidents and goal progress ('[]'). Journal entries written before it lack those fields, and replay reads a missing startTime as null and a missing attachmentIds as an empty list (replayDefaults).";

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'session_entry.startTime': null,
  'accommodation_observation.attachmentIds': [],
  'behavior_incident.attachmentIds': [],
  'goal_progress.attachmentIds': [],
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  const owned = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull());

  // The bytes, once per household and content. "bytea" is PostgreSQL's binary type; SQLite keeps
  // the Buffer it is given as a BLOB whatever the declared type.
  await db.schema
    .createTable('attachment_blob')
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail', 'bytea')
    .addPrimaryKeyConstraint('attachment_blob_pk', ['household_id', 'sha256'])
    .execute();
  await owned('attachment')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('has_thumbnail', 'integer', (c) => c.notNull())
    .addUniqueConstraint('attachment_household_sha_uq', ['household_id', 'sha256'])
    .execute();

  await owned('work_sample')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('class_name', 'text')
    .addColumn('setting', 'text')
    .addColumn('teacher_kind', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'text', (c) => c.notNull())
    .addColumn('accommodation_checks', 'text', (c) => c.notNull())
    .addColumn('goal_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('work_sample_child_date_idx')
    .on('work_sample')
    .columns(['child_id', 'date'])
    .execute();

  await owned('check_in')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_in_child_date_idx')
    .on('check_in')
    .columns(['child_id', 'date'])
    .execute();

  await db.schema.alterTable('session_entry').addColumn('start_time', 'text').execute();
  for (const table of ['accommodation_observation', 'behavior_incident', 'goal_progress']) {
    await db.schema
      .alterTable(table)
      .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  }
}
