import type { Kysely } from 'kysely';

// Terms or grading periods of a school year (issue 16): an IEP may promise a service "per quarter",
// "per trimester" or "each marking period", and the ledger counts such a service in each term the
// school calendar holds. The terms are a JSON list on the calendar (name, first and last day, in
// order), as its school weekdays are. Calendars made before had none: an empty list.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds school_calendar.terms (a JSON list, default []; terms in the journal). Journal entries written before this migration lack it, and replay reads a missing one as []: the calendar had no terms.';

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'school_calendar.terms': [],
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('school_calendar')
    .addColumn('terms', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
