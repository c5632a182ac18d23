import type { Kysely } from 'kysely';

// Background jobs (issue 14, "one job interface"; issue 15, large email imports): the work the
// server does outside a request, one row per job, read and written only by the job runner
// (src/server/jobs/). A job is operational, not part of a family's record: it holds what was asked
// (its name and JSON payload, and for an import the uploaded file's bytes until it ends), how far it
// got, its result or its error, and each failed attempt. Whatever a job changes in the record is
// journaled by the services it calls, like any change; the job row itself has no journal entries.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds job, the background jobs (operational bookkeeping: no journal entries, not compared by replay, listed in NOT_REPLAYED). The records a job writes are journaled by the services it calls and replayed like any other.';

/** Fields this migration added to rows that already had journal entries: none (a new table). */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // null for work that is not one household's (the hourly reminder emails).
    .addColumn('household_id', 'text', (c) => c.references('household.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // The bytes a job reads (an uploaded mailbox), cleared when the job ends. "bytea" is
    // PostgreSQL's binary type; SQLite keeps it as a BLOB.
    .addColumn('input', 'bytea')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    // What the handler saved with its progress, to resume after a restart (JSON).
    .addColumn('state', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    // Every failed attempt: [{ attempt, at, message }] (JSON).
    .addColumn('failures', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_status_idx').on('job').columns(['status', 'id']).execute();
  await db.schema.createIndex('job_household_idx').on('job').columns(['household_id', 'id']).execute();
}
