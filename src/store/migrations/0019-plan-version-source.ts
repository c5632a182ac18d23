import type { Kysely } from 'kysely';

// A plan version read from a document (issue 16): "Save the plan" from the IEP document makes version 1
// from it, and "Read a new version of the IEP" makes the amendment's version from the new document. The
// version names that file (an attachment of the household, kept as evidence), so the plan's history
// shows each change with the documents it came from. Versions typed in by hand have none: null.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds plan_version.source_attachment_id (text, default null; sourceAttachmentId in the journal). Journal entries written before this migration lack it, and replay reads a missing one as null: the version was typed in.';

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'plan_version.sourceAttachmentId': null,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_version').addColumn('source_attachment_id', 'text').execute();
}
