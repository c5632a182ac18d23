import type { Kysely } from 'kysely';

// An IEP or 504 plan document a parent brings in to start from (issue 16): held as a pending upload,
// apart from the record, while it is read (a job, in a child process with memory and time limits) and
// reviewed; it becomes evidence (an attachment) when the plan is saved, and is removed after 7 days
// otherwise. `iep_document` holds what it is, how the reading went and the draft read from it;
// `iep_document_bytes` holds the file, written once and never updated (SQLite rewrites a whole row on
// every UPDATE: the status changes must not rewrite a 40 MB scan). Families had none before.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds iep_document and iep_document_bytes (a document being read and reviewed, not yet part of the record): operational, listed in NOT_REPLAYED; the plan saved from one is journaled record by record, its file as an attachment.';

/** Fields this migration added to rows that already had journal entries: none. */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('iep_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // reading | read | failed
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('reading'))
    // The draft (src/domain/iep-draft.ts) as JSON, once read.
    .addColumn('draft', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('iep_document_household_id_uq', ['household_id', 'id'])
    .addForeignKeyConstraint('iep_document_child_fk', ['household_id', 'child_id'], 'child', [
      'household_id',
      'id',
    ])
    .execute();
  await db.schema
    .createTable('iep_document_bytes')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    // "bytea" is PostgreSQL's binary type; SQLite keeps it as a BLOB.
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addForeignKeyConstraint(
      'iep_document_bytes_document_fk',
      ['household_id', 'document_id'],
      'iep_document',
      ['household_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}
