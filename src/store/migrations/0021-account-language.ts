import type { Kysely } from 'kysely';

// The language each person reads the app in (issue 17): remembered per account, so co-parents in one
// household may each use their own. Null means the person never chose: the app goes by the browser's
// languages. Accounts made before this migration have none.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  "Adds user_account.language (null until a person chooses). Accounts are not part of a child's record and are not journaled, so replay is unaffected.";

/** Fields this migration added to rows that already had journal entries: none (accounts are not journaled). */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_account').addColumn('language', 'text').execute();
}
