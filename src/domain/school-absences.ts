import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText } from './common.ts';

// A day the child was absent from school, marked by the family: one mark per child and day, with an
// optional note ("home sick"). What reads it:
// - Illinois's counts (23 Ill. Adm. Code 226.220): the 10 school days for a service to start, and the
//   3 for the school's notice, do not count days the child was absent from school for reasons unrelated
//   to a lack of IEP services (src/domain/deadlines.ts, `school_days_present`). A day the child was kept
//   home because a needed service was missing should not be marked: the rule still counts it.
// - the ledger's reasons: a session logged as missed on a marked day is most likely "student absent"
//   (`absenceReasonHint`).
// Product choice: a simple mark, not an attendance record; the school's own attendance is in the records
// a parent may ask for.

export const SchoolAbsenceInput = z.object({
  childId: IdSchema,
  date: IsoDateSchema,
  /** Why, in the family's words; optional. */
  note: OptionalText(500),
});
export type SchoolAbsenceInput = z.infer<typeof SchoolAbsenceInput>;

/**
 * What a marked absence says about a session missed that day, for the session form and the ledger's
 * reason column: the child was marked absent, so "student absent" is the likely reason; a reason the
 * school controls ("provider absent") on such a day is worth a second look. Null when the day is not
 * marked.
 */
export function absenceReasonHint(
  date: string,
  reason: string | null,
  absentDays: ReadonlySet<string>,
): { suggested: 'student_absent'; differs: boolean } | null {
  if (!absentDays.has(date)) return null;
  return { suggested: 'student_absent', differs: reason != null && reason !== 'student_absent' };
}
