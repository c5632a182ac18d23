import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';
import { CalendarDayKind, CalendarEventFields, SchoolTerm } from '../domain/school-calendar-model.ts';
import { MessageWordsSchema } from './common.ts';

// Bringing a district calendar in from an iCalendar (.ics) file: first a draft (nothing saved) for
// the parent to review, then the days the parent chose, saved together.

export const CalendarImportQuery = z.object({
  /** The file's name, for messages about it. */
  filename: z.string().max(255).default('calendar.ics'),
});

/** Why a day of the file would not be added as it stands. */
export const CalendarImportStatus = z.enum([
  /** Not on the calendar yet, and inside one of the child's school years. */
  'new',
  /** The same day (dates and kind) is on the calendar already. */
  'on_calendar',
  /** Outside every school year of the child: add the year first. */
  'outside_school_year',
]);

export const CalendarImportEvent = z.object({
  /** Stable within the draft: the event's UID and first day. */
  key: z.string(),
  /** The district's words. */
  summary: z.string(),
  description: z.string().nullable(),
  startDate: IsoDateSchema,
  /** The last day, inclusive (the first day for a single day). */
  endDate: IsoDateSchema,
  allDay: z.boolean(),
  /** HH:MM, for an event with a time of day. */
  startTime: z.string().nullable(),
  /** One occurrence of a repeating event. */
  recurring: z.boolean(),
  /** The kind proposed, or null: not a day off. */
  kind: CalendarDayKind.nullable(),
  confidence: z.enum(['sure', 'check']),
  /** Why, in plain words (English). */
  reason: z.string(),
  /**
   * The same as words of the catalog part `calendar` (`calendar.kindReason.*`), for the page to say in
   * the reader's language; left out for a reason the catalog does not know.
   */
  words: MessageWordsSchema.optional(),
  /** The district's words that decided it. */
  matched: z.string().nullable(),
  /** The school year the day falls in, or null. */
  calendarId: IdSchema.nullable(),
  status: CalendarImportStatus,
  /** Proposed for adding: a day off, new, in a school year. */
  include: z.boolean(),
});

export const CalendarImportDraft = z
  .object({
    /** The calendar's name in the file, when it gives one. */
    name: z.string().nullable(),
    timeZone: z.string().nullable(),
    /** The events to check first (confidence 'check'), then by date. */
    events: z.array(CalendarImportEvent),
    /**
     * What the file held that could not be read, and why, in English; `words` says the reason in the
     * catalog part `calendar` (`calendar.import.leftOutReason.*`), and `summaryWords` what an event
     * without a title is called (`calendar.import.leftOutUntitled`), for the page to say them in the
     * reader's language.
     */
    skipped: z.array(
      z.object({
        summary: z.string(),
        reason: z.string(),
        words: MessageWordsSchema.optional(),
        summaryWords: MessageWordsSchema.optional(),
      }),
    ),
    /**
     * The terms or grading periods the file's events give ("End of 1st Quarter"), per school year of the
     * child, with the terms the year has now: offered, never saved by the draft (src/domain/calendar-terms.ts).
     */
    terms: z
      .array(
        z.object({
          calendarId: IdSchema,
          proposed: z.array(SchoolTerm.and(z.object({ sources: z.array(z.string()) }))),
          current: z.array(SchoolTerm),
        }),
      )
      .default([]),
  })
  .meta({ id: 'CalendarImportDraft' });

/** The reviewed days, saved together (each as POST calendar-events would). */
export const CalendarEventBatchInput = z.object({
  events: z.array(CalendarEventFields).min(1).max(500),
});
