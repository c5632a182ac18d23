import type { Kysely } from 'kysely';

// The communication log, the parent's own notes (new challenges, concerns, harm, wins), letters
// drafted from the record, and per-household settings (reply time, the advisor's thresholds).

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds the communication log and parent notes (generic journaled records), letters (journaled create, update and delete) and household settings (each change journaled with the whole settings, which replay takes as the record). reminder_sent is bookkeeping with no journal entries and is not compared.';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  const owned = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull());

  await owned('communication')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time', 'text')
    .addColumn('contact_ids', 'text', (c) => c.notNull())
    .addColumn('other_parties', 'text')
    .addColumn('subject', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text')
    .addColumn('next_steps', 'text')
    .addColumn('in_reply_to_id', 'text')
    .addColumn('follows_up_id', 'text')
    .addColumn('reply_expected_by', 'text')
    .addColumn('closed_without_reply', 'integer', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('attachment_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('communication_child_date_idx')
    .on('communication')
    .columns(['child_id', 'date'])
    .execute();
  await db.schema
    .createIndex('communication_message_idx')
    .on('communication')
    .columns(['household_id', 'message_id'])
    .execute();

  await owned('parent_note')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await owned('letter')
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('entry_ids', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('communication_id', 'text')
    .execute();

  await db.schema
    .createTable('household_settings')
    .addColumn('household_id', 'text', (c) => c.primaryKey().references('household.id'))
    .addColumn('reply_school_days', 'integer', (c) => c.notNull())
    .addColumn('advisor', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Reminder emails already sent, so a restart or a second run the same day sends nothing twice.
  await db.schema
    .createTable('reminder_sent')
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reminder_key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_sent_pk', ['household_id', 'user_id', 'reminder_key'])
    .execute();
}
