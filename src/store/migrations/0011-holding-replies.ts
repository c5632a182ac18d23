import type { Kysely } from 'kysely';

// A holding reply ("I'll get back to you by Friday"): a received message that answers an earlier one
// without answering it yet. Its `holding_until` is the date the answer was promised by; the message it
// answers then waits on that promise instead of being answered, and a follow-up becomes due after that
// date (src/domain/communications.ts, replyState). Existing messages are not holding replies (null).

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds communication.holding_until (text, default null; holdingUntil in the journal). Journal entries written before this migration lack the field, and replay reads a missing one as null: not a holding reply.';

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'communication.holdingUntil': null,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('communication').addColumn('holding_until', 'text').execute();
}
