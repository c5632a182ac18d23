import type { Kysely } from 'kysely';

// The school's own service logs, read and reconciled with the family's record (issue 19).
// `service_log_import`: one log the parent brought in and confirmed: the file's name, type, size and
// SHA-256 (the file itself is not kept: it may hold other children's rows), the column mapping
// confirmed, what was read (counts, the rows not read and why) and this child's rows only.
// `service_log_mark`: the parent's mark on one line of the reconciliation (asked about, kept mine,
// accepted, with the session entry an acceptance created). `service_log_mapping`: the column mapping
// remembered for the next file from the same school, by the header's words. Families had none before.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds service_log_import and service_log_mark (journaled like any record: an import is created once with its rows and its file’s SHA-256; a mark is created and changed) and service_log_mapping (a remembered column mapping, a convenience for the next file: listed in NOT_REPLAYED).';

/** Fields this migration added to rows that already had journal entries: none (new tables). */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_log_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('child_id', 'text', (c) => c.notNull())
    // The service page the log was brought in from (a row without a service is that service's).
    .addColumn('service_id', 'text')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('sheet', 'text')
    // The school the mapping is remembered for (the child's school as entered, in plain words).
    .addColumn('school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('student_id', 'text')
    // JSON: the mapping confirmed; what was read (counts, unread rows and why, notes, dates); this child's rows.
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_log_import_household_id_uq', ['household_id', 'id'])
    .addForeignKeyConstraint('service_log_import_child_fk', ['household_id', 'child_id'], 'child', [
      'household_id',
      'id',
    ])
    .addForeignKeyConstraint('service_log_import_service_fk', ['household_id', 'service_id'], 'service', [
      'household_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('service_log_import_child_idx')
    .on('service_log_import')
    .columns(['household_id', 'child_id'])
    .execute();

  await db.schema
    .createTable('service_log_mark')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('import_id', 'text', (c) => c.notNull())
    // The reconciliation line: "line:<n>" for a row of the log, "entry:<id>" for a family session it lacks.
    .addColumn('item_key', 'text', (c) => c.notNull())
    // asked_about | kept_mine | accepted
    .addColumn('mark', 'text', (c) => c.notNull())
    // The entry an acceptance created: a link like a make-up's to its miss, checked by the service (no key).
    .addColumn('session_entry_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_log_mark_household_id_uq', ['household_id', 'id'])
    .addUniqueConstraint('service_log_mark_item_uq', ['household_id', 'import_id', 'item_key'])
    .addForeignKeyConstraint(
      'service_log_mark_import_fk',
      ['household_id', 'import_id'],
      'service_log_import',
      ['household_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('service_log_mapping')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('school', 'text', (c) => c.notNull())
    // The header's words (plain, joined), which a file of the same layout repeats.
    .addColumn('signature', 'text', (c) => c.notNull())
    // JSON: the fields by the header's words, the service names and statuses the parent chose, the date order.
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_log_mapping_school_uq', ['household_id', 'school', 'signature'])
    .execute();
}
