import { type Kysely, sql } from 'kysely';

// A job's input bytes move out of the job row into a table of their own (issue 15, "One upload can
// stall everyone"). SQLite rewrites a whole row on every UPDATE, overflow pages included, so while the
// input sat in `job.input` each progress update of a 50 MB mailbox import rewrote 50 MB, and the
// server stopped answering for seconds at a time. `job_input` holds the bytes in parts of at most
// 1 MiB (src/store/jobs.repository.ts), written one statement each when the job is queued, read once
// when it runs, and deleted when the job ends (or with its job): no single statement moves more than a
// part, so neither writing nor reading a large file holds the event loop (better-sqlite3 is
// synchronous; pg encodes a whole parameter at once). Bytes stored before this migration become part 0.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  "Adds job_input (a job's uploaded bytes until it ends) and moves job.input into it: operational bookkeeping like the job table, no journal entries, listed in NOT_REPLAYED.";

/** Fields this migration added to rows that already had journal entries: none (jobs are not journaled). */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_input')
    .addColumn('job_id', 'text', (c) => c.notNull().references('job.id').onDelete('cascade'))
    // The part's place in the file, from 0.
    .addColumn('part', 'integer', (c) => c.notNull())
    // "bytea" is PostgreSQL's binary type; SQLite keeps it as a BLOB.
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_input_pk', ['job_id', 'part'])
    .execute();
  await sql`insert into job_input (job_id, part, bytes) select id, 0, input from job where input is not null`.execute(
    db,
  );
  await db.schema.alterTable('job').dropColumn('input').execute();
}
