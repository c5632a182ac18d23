import { z } from 'zod';
import { endNotBeforeStart, IdSchema, IsoDateSchema, NonEmptyText, OptionalText } from './common.ts';

/**
 * Days that change a school calendar. Holidays, breaks and closures are not instructional days;
 * an early dismissal is still an instructional day (it is recorded so a short session can be explained).
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'break', 'closure', 'early_dismissal'] as const;
export const CalendarDayKind = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

export const CalendarEventFields = z.object({
  calendarId: IdSchema,
  kind: CalendarDayKind,
  startDate: IsoDateSchema,
  /** Last day of a break; omit for a single day. */
  endDate: IsoDateSchema.nullable().default(null),
  label: OptionalText(200),
});
export const CalendarEventInput = CalendarEventFields.superRefine(endNotBeforeStart('startDate', 'endDate'));
export type CalendarEventInput = z.infer<typeof CalendarEventInput>;

/**
 * A term or grading period of the school year (a quarter, trimester, semester or marking period): a
 * service counted "per term" owes its amount in each of them. Terms lie within the school year and do
 * not overlap; days between two terms belong to none.
 */
export const SchoolTerm = z
  .object({
    name: NonEmptyText(60),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
  })
  .superRefine(endNotBeforeStart('startDate', 'endDate'));
export type SchoolTerm = z.infer<typeof SchoolTerm>;

export const SchoolCalendarFields = z.object({
  childId: IdSchema,
  name: NonEmptyText(200),
  firstDay: IsoDateSchema,
  lastDay: IsoDateSchema,
  /** ISO weekdays on which school meets: 1 = Monday ... 7 = Sunday. */
  schoolWeekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1, { message: 'school must meet on at least one weekday' })
    .refine((days) => new Set(days).size === days.length, {
      message: 'must not list a weekday twice',
      params: { rule: 'schoolYear.weekdayTwice' },
    })
    .default([1, 2, 3, 4, 5]),
  /** Rotation length for cycle-day schedules (a 6-day cycle); null when the school has none. */
  cycleLength: z.number().int().min(2).max(20).nullable().default(null),
  /** Terms or grading periods, in order; empty when none were entered. */
  terms: z.array(SchoolTerm).max(12, { message: 'a school year has at most 12 terms' }).default([]),
});
export const SchoolCalendarInput = SchoolCalendarFields.superRefine(
  endNotBeforeStart('firstDay', 'lastDay'),
).superRefine((c, ctx) => {
  if (c.firstDay && c.lastDay && c.lastDay > c.firstDay && daysApart(c.firstDay, c.lastDay) > 400) {
    ctx.addIssue({
      code: 'custom',
      path: ['lastDay'],
      message: 'a school year spans at most 400 days',
      params: { rule: 'schoolYear.tooLong' },
    });
  }
  termProblems(c.terms ?? [], c.firstDay, c.lastDay, (index, field, message, words) =>
    ctx.addIssue({
      code: 'custom',
      path: ['terms', index, field],
      message,
      params: { rule: words.rule, ...words.values },
    }),
  );
});
export type SchoolCalendarInput = z.infer<typeof SchoolCalendarInput>;

/** Terms must lie within the school year, in order, without overlapping: each problem with the term and field it names. */
export function termProblems(
  terms: readonly SchoolTerm[],
  firstDay: string,
  lastDay: string,
  report: (
    index: number,
    field: 'startDate' | 'endDate' | 'name',
    message: string,
    words: { rule: string; values?: Record<string, string> },
  ) => void,
): void {
  const names = new Set<string>();
  terms.forEach((t, i) => {
    if (!t.startDate || !t.endDate) return;
    if (firstDay && t.startDate < firstDay)
      report(i, 'startDate', `must fall within the school year (from ${firstDay})`, {
        rule: 'term.beforeYear',
        values: { firstDay },
      });
    if (lastDay && t.endDate > lastDay)
      report(i, 'endDate', `must fall within the school year (to ${lastDay})`, {
        rule: 'term.afterYear',
        values: { lastDay },
      });
    const before = terms[i - 1];
    if (before?.endDate && t.startDate <= before.endDate) {
      report(i, 'startDate', `must come after the end of "${before.name}" (${before.endDate})`, {
        rule: 'term.overlaps',
        values: { name: before.name, endDate: before.endDate },
      });
    }
    const key = t.name.trim().toLowerCase();
    if (names.has(key)) report(i, 'name', 'is the name of another term', { rule: 'term.nameTaken' });
    names.add(key);
  });
}

function daysApart(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** A calendar as the pure functions need it. */
export type SchoolCalendar = {
  id: string;
  firstDay: string;
  lastDay: string;
  schoolWeekdays: number[];
  cycleLength: number | null;
  /** Terms or grading periods, in order (none when absent). */
  terms?: readonly { name: string; startDate: string; endDate: string }[];
  events: { kind: CalendarDayKind; startDate: string; endDate: string | null; label: string | null }[];
};
