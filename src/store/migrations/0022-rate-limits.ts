import type { Kysely } from 'kysely';

// Sign-in and password-reset limits kept in the database (issue 18): several app processes on one
// PostgreSQL share one count, where each process's memory used to hold its own (two processes let
// twice the guesses through). One row per limit and key: how many attempts (or failures) in the
// window that began with the first of them, and when that window ends. A count is taken with one
// INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so concurrent attempts, from any process, each see
// the ones before them (src/store/rate-limits.repository.ts). The key (an email, an address, or the
// two) is stored as its SHA-256, never as written. Server-wide and short-lived: no household's, not
// in exports or backups; windows that ended are swept.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds rate_limit (sign-in and reset attempt counts, server-wide and short-lived): no household, no journal entries, nothing to replay.';

/** Fields this migration added to rows that already had journal entries: none (a new table). */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    // Which limit (pair, address, account, reset, reset_account).
    .addColumn('scope', 'text', (c) => c.notNull())
    // SHA-256 (hex) of the key: an email, an address, or an email and an address.
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_pk', ['scope', 'key_hash'])
    .execute();
  // The sweep deletes windows that ended.
  await db.schema.createIndex('rate_limit_ends_idx').on('rate_limit').column('window_ends_at').execute();
}
