import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';
import { PERIOD_UNITS } from '../domain/service.ts';
import { MissReason, SessionStatus } from '../domain/session-entry.ts';

// The service ledger, the home screen's week, the patterns in what was recorded, the missed-session
// reference, and the service-line reader.

const Ids = z.array(z.string());

const FigureIds = z.object({
  delivered: Ids,
  short: Ids,
  missed: Ids,
  extra: Ids,
  owed: Ids,
  excused: Ids,
  pending: Ids,
  makeup: Ids,
  makeupApplied: Ids,
});

/** A ledger's figures for a period or a range (the report copies them as the ledger gives them). */
export const LedgerTotals = z.object({
  requiredSessions: z.number().nullable(),
  requiredMinutes: z.number(),
  scheduledSessions: z.number(),
  deliveredMinutes: z.number(),
  extraMinutes: z.number(),
  owedMinutes: z.number(),
  excusedMinutes: z.number(),
  pendingMinutes: z.number(),
  unloggedSessions: z.number().nullable(),
  unloggedMinutes: z.number(),
  makeupMinutes: z.number(),
  makeupAppliedMinutes: z.number(),
  owedBalanceMinutes: z.number(),
  percentDelivered: z.number().nullable(),
});

export type LedgerTotals = z.infer<typeof LedgerTotals>;

const Figures = LedgerTotals.extend({ entryIds: FigureIds });

const Period = Figures.extend({
  unit: z.enum([...PERIOD_UNITS, 'esy']),
  start: z.string(),
  end: z.string(),
  label: z.string(),
  instructionalDays: z.number(),
  activeDays: z.number(),
  closures: z.array(z.string()),
});

export const ServiceLedgerResponse = z
  .object({
    service: z.object({ id: IdSchema, name: z.string(), planId: IdSchema, childId: IdSchema }),
    serviceId: IdSchema,
    asOf: z.string(),
    window: z.object({ from: z.string(), to: z.string() }),
    totals: Figures,
    periods: z.array(Period),
    unappliedMakeupMinutes: z.number(),
    notes: z.array(z.string()),
    /**
     * Sessions that more than one entry speaks of (a staff link and the parent, the same source twice):
     * each counted once, by `countedEntryId` (docs/ledger-rules.md, "Session occurrences"), with every
     * source's statement and whether they disagree.
     */
    sharedSessions: z.array(
      z.object({
        date: z.string(),
        startTime: z.string().nullable(),
        countedEntryId: IdSchema,
        disagreement: z.boolean(),
        statements: z.array(
          z.object({
            entryId: IdSchema,
            source: z.string(),
            status: z.string(),
            minutesDelivered: z.number(),
          }),
        ),
        supersededEntryIds: z.array(IdSchema),
      }),
    ),
  })
  .meta({ id: 'ServiceLedger' });

const ParsedAmount = z.object({
  minutesPerSession: z.number().nullable(),
  sessionsPerPeriod: z.number().nullable(),
  minutesPerPeriod: z.number().nullable(),
  period: z.object({ unit: z.string(), cycleDays: z.number().nullable() }),
  pattern: z.object({ activeWeeks: z.number(), everyWeeks: z.number() }).nullable(),
  label: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const LedgerQuery = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** The day the ledger is computed for; defaults to today. Days after it owe nothing yet. */
    asOf: IsoDateSchema.optional(),
    grouping: z.enum(['auto', 'week', 'month']).default('auto'),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${q.from})` });
  });
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const PatternsQuery = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    asOf: IsoDateSchema.optional(),
    bucket: z.enum(['week', 'month']).default('week'),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${q.from})` });
  });

export const FindingSchema = z.object({
  rule: z.string(),
  subjectId: z.string(),
  severity: z.enum(['info', 'concern']),
  message: z.string(),
  question: z.string(),
  entryIds: z.array(z.string()),
});

export const AccommodationOccurrenceSchema = z.object({
  key: z.string(),
  accommodationId: z.string(),
  date: z.string(),
  className: z.string().nullable(),
  /** No source named a class, and the day has records in two or more classes: it stands apart. */
  classUnplaced: z.boolean(),
  setting: z.string().nullable(),
  teacherKind: z.string(),
  outcome: z.enum(['provided', 'not_provided', 'partly', 'unknown']),
  lapse: z.boolean(),
  disagreement: z.boolean(),
  /** Every record about it, the one whose outcome counts first. */
  sources: z.array(
    z.object({
      id: z.string(),
      record: z.enum(['observation', 'work_sample']),
      source: z.string(),
      outcome: z.string(),
      /** True for the record whose outcome counts. */
      counts: z.boolean(),
      /** False when its known outcome says otherwise; null when it is unsure. */
      agrees: z.boolean().nullable(),
    }),
  ),
  /** "1 lapse, 3 sources: your note, a work sample, Emma's report". */
  summary: z.string(),
  /** A disagreement, as a question; null when the sources agree. */
  question: z.string().nullable(),
  entryIds: z.array(z.string()),
});

export const PatternsResponse = z.object({
  childId: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  accommodationRates: z.array(
    z.object({
      accommodationId: z.string(),
      from: z.string(),
      to: z.string(),
      provided: z.number(),
      partly: z.number(),
      notProvided: z.number(),
      unknown: z.number(),
      providedRate: z.number().nullable(),
      entryIds: z.object({
        provided: z.array(z.string()),
        partly: z.array(z.string()),
        notProvided: z.array(z.string()),
        unknown: z.array(z.string()),
      }),
    }),
  ),
  /**
   * One row per occurrence (an accommodation on one school day in one class), however many records
   * speak of it (src/domain/occurrences.ts): the counts above count these rows. Newest first.
   */
  accommodationOccurrences: z.array(AccommodationOccurrenceSchema),
  findings: z.array(FindingSchema),
});

export const WeekSummary = z.object({
  childId: IdSchema,
  today: IsoDateSchema,
  weekStart: IsoDateSchema,
  weekEnd: IsoDateSchema,
  hasCalendar: z.boolean(),
  /** This week's holidays, breaks and closures, each cut to this week's days ("2026-11-25 to 2026-11-27: Thanksgiving break (break)"). */
  closures: z.array(z.string()),
  /** Whether today is a school day by the calendar (an early dismissal is one). */
  schoolDayToday: z.boolean(),
  /** A closure on today's date, which "School closed today" added and can undo. */
  closedToday: z
    .object({
      eventId: IdSchema,
      calendarId: IdSchema,
      label: z.string().nullable(),
      startDate: IsoDateSchema,
      endDate: IsoDateSchema.nullable(),
    })
    .nullable(),
  services: z.array(
    z.object({
      serviceId: IdSchema,
      name: z.string(),
      area: z.string(),
      /** push_in, pull_out or consultation: a pull-out session's start time places it against the timetable. */
      setting: z.string(),
      minutesPerSession: z.number().nullable(),
      /** The service's extended-school-year blocks (a session on one of their days needs no confirmation). */
      esyBlocks: z.array(z.object({ startDate: IsoDateSchema, endDate: IsoDateSchema })),
      /**
       * The service's own period containing today: a week (for weekly and daily amounts), a month, a
       * cycle, the school year, or a block of an "N of every M weeks" pattern; `words` says it:
       * "2 sessions in December: 0 so far". A monthly or yearly amount is never cut into a weekly share.
       */
      period: z.object({
        unit: z.enum([...PERIOD_UNITS, 'weeks']),
        esy: z.boolean(),
        start: IsoDateSchema,
        end: IsoDateSchema,
        words: z.string(),
      }),
      /** What the period promises (sessions, or null for a total of minutes), and its minutes. */
      promisedSessions: z.number().nullable(),
      promisedMinutes: z.number(),
      /** Sessions that happened (in full or shorter) and missed ones, in the period up to today. */
      deliveredSessions: z.number(),
      deliveredMinutes: z.number(),
      missedSessions: z.number(),
      /** Promised sessions of this week with no entry yet; null for a period longer than a week. */
      notYetConfirmed: z.number().nullable(),
      /**
       * This week's school days up to today on which the service is in force and nothing is logged for
       * it yet: the days "All delivered this week" may log (at most `notYetConfirmed` of them).
       */
      openDays: z.array(IsoDateSchema),
      owedBalanceMinutes: z.number(),
      pendingMinutes: z.number(),
      /** Before this week; null until something before this week was logged (unlogged is not "0%"). */
      percentDeliveredThisYear: z.number().nullable(),
      /** Promised minutes before this week that nobody logged: the card says so beside the percent. */
      unloggedMinutesThisYear: z.number(),
      /** This week's entries. */
      entries: z.array(
        z.object({
          id: IdSchema,
          date: z.string(),
          kind: z.string(),
          status: SessionStatus,
          minutesDelivered: z.number(),
          reason: MissReason.nullable(),
          source: z.string(),
        }),
      ),
    }),
  ),
  /** Accommodations observed this week, those that slipped (not provided or partly) first. */
  accommodations: z.array(
    z.object({
      accommodationId: IdSchema,
      text: z.string(),
      provided: z.number(),
      partly: z.number(),
      notProvided: z.number(),
      unknown: z.number(),
      slipped: z.boolean(),
      /**
       * This week's occurrences (one school day and class, however many records speak of it:
       * src/domain/occurrences.ts); the counts above count these.
       */
      occurrences: z.array(
        z.object({
          key: z.string(),
          date: z.string(),
          outcome: z.string(),
          className: z.string().nullable(),
          teacherKind: z.string(),
          /** "1 lapse, 3 sources: your note, a work sample, Emma's report". */
          summary: z.string(),
          /** When the sources disagree, the question to settle it; otherwise null. */
          question: z.string().nullable(),
          entryIds: z.array(z.string()),
        }),
      ),
    }),
  ),
  attention: z.array(
    z.object({
      kind: z.enum(['owed', 'no_entries', 'pending', 'behind', 'accommodation']),
      /** The service (or, for kind "accommodation", the accommodation) it is about. */
      serviceId: IdSchema,
      message: z.string(),
    }),
  ),
});
export type WeekSummary = z.infer<typeof WeekSummary>;

export const ChildLedgerResponse = z.object({ childId: IdSchema, services: z.array(ServiceLedgerResponse) });

export const MissedSessionReasons = z.array(
  z.object({
    reason: z.string(),
    label: z.string(),
    defaultResponsibility: z.enum(['owed', 'excused', 'pending']),
    guidance: z.string(),
    source: z.string(),
    /** The kind of statement: law, guidance, or practice (As Written's choice). */
    kind: z.enum(['law', 'guidance', 'practice']),
  }),
);

export const ServiceLineInput = z.object({
  text: z.string().trim().min(1, { message: 'must not be empty' }).max(2000),
});

export const ParsedServiceLineResponse = z.object({
  text: z.string(),
  name: z.string().nullable(),
  area: z.string().nullable(),
  setting: z.string().nullable(),
  delivery: z.string().nullable(),
  groupSizeLimit: z.number().nullable(),
  providerRole: z.string().nullable(),
  location: z.string().nullable(),
  amounts: z.array(ParsedAmount),
  esy: z.boolean(),
  /** What could not be read: English, or the reader's language (from `unreadWords`). */
  unread: z.array(z.string()),
  /**
   * The same notes as catalog words (a key of the server-only part `serviceline` and its values), in
   * the same order as `unread`.
   */
  unreadWords: z.array(
    z.object({
      key: z.string(),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  complete: z.boolean(),
});
