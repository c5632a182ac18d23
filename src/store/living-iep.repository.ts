import { z } from 'zod';
import { type Db, parseJsonColumn } from './repository.ts';

// The parent's own words for the living IEP, kept between visits: one row per child, its two lists
// (the changes they want, their questions) JSON columns read through their schema.

const Lines = z.array(z.string());

export type ParentNotes = { concerns: string | null; changes: string[]; questions: string[] };

/** The child's notes, or empty ones when the parent has written none. */
export async function parentNotesOf(db: Db, householdId: string, childId: string): Promise<ParentNotes> {
  const row = await db
    .selectFrom('living_iep_notes')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
  if (!row) return { concerns: null, changes: [], questions: [] };
  return {
    concerns: row.concerns,
    changes: parseJsonColumn(Lines, 'living_iep_notes.changes', row.changes),
    questions: parseJsonColumn(Lines, 'living_iep_notes.questions', row.questions),
  };
}

/** Replace the child's notes (one row per child). */
export async function replaceParentNotes(
  db: Db,
  householdId: string,
  childId: string,
  notes: ParentNotes,
  at: string,
): Promise<void> {
  await db
    .deleteFrom('living_iep_notes')
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
  await db
    .insertInto('living_iep_notes')
    .values({
      child_id: childId,
      household_id: householdId,
      concerns: notes.concerns,
      changes: JSON.stringify(notes.changes),
      questions: JSON.stringify(notes.questions),
      updated_at: at,
    })
    .execute();
}
