import { describe, expect, it } from 'vitest';
import { absenceReasonHint, SchoolAbsenceInput } from './school-absences.ts';

describe('school absences', () => {
  const marked = new Set(['2026-10-08']);

  it('a missed session on a marked day most likely had the child absent', () => {
    expect(absenceReasonHint('2026-10-08', 'student_absent', marked)).toEqual({
      suggested: 'student_absent',
      differs: false,
    });
    expect(absenceReasonHint('2026-10-08', null, marked)).toEqual({
      suggested: 'student_absent',
      differs: false,
    });
  });

  it('a reason the school controls on a marked day is worth a second look', () => {
    expect(absenceReasonHint('2026-10-08', 'provider_absent', marked)?.differs).toBe(true);
  });

  it('a day not marked says nothing', () => {
    expect(absenceReasonHint('2026-10-09', 'provider_absent', marked)).toBeNull();
  });

  it('a mark is a child and a real date, with an optional note', () => {
    const childId = '01900000-0000-7000-8000-000000000001';
    expect(SchoolAbsenceInput.parse({ childId, date: '2026-10-08' })).toEqual({
      childId,
      date: '2026-10-08',
      note: null,
    });
    expect(SchoolAbsenceInput.safeParse({ childId, date: '2026-02-30' }).success).toBe(false);
  });
});
