import type { Kysely } from 'kysely';

// Letters that protect the parent (issue 13):
// - communication.parent_position: for a call or a meeting, whether the parent agreed to what was
//   proposed ("agreed", "not_agreed", "thinking"), so the written summary and a request for prior
//   written notice never put in writing an agreement she did not give. Messages logged before the
//   question existed were never asked: "unknown".
// - letter.respond_by: the date a letter asks a reply by ("Could you reply by ..."), which the parent
//   can change; the reply clock of the message logged when it is sent starts from it. Letters drafted
//   before it asked no date: null.
// - letter.attachment: what the .eml carries with the letter ("none", "sessions_csv", "report_pdf").
//   Letters drafted before it carried nothing: "none".

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds communication.parent_position (text, default "unknown"; parentPosition in the journal), letter.respond_by (text, default null; respondBy) and letter.attachment (text, default "none"; attachment). Journal entries written before this migration lack them, and replay reads a missing one as that default (replayDefaults); changes after it are "update" entries that list the field.';

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'communication.parentPosition': 'unknown',
  'letter.respondBy': null,
  'letter.attachment': 'none',
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('communication')
    .addColumn('parent_position', 'text', (c) => c.notNull().defaultTo('unknown'))
    .execute();
  await db.schema.alterTable('letter').addColumn('respond_by', 'text').execute();
  await db.schema
    .alterTable('letter')
    .addColumn('attachment', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
}
