import { z } from 'zod';
import { IsoDateSchema } from '../domain/common.ts';
import { daysBetween } from '../domain/dates.ts';
import { PERIOD_UNITS } from '../domain/service.ts';
import { LedgerTotals } from './ledger.ts';

export type { LedgerTotals } from './ledger.ts';

// The implementation report for one child and a date range (src/server/services/implementation-report.ts
// gathers the record, src/reports/implementation-report.ts builds it, implementation-report-pdf.ts draws
// it): the JSON the API serves and the object the PDF is drawn from, so the two can never disagree.

/** Product choice: a report spans at most two school years, which keeps one PDF readable. */
export const MAX_REPORT_DAYS = 731;

/** The languages a report (its summary and its PDF) is written in. */
export const REPORT_LANGUAGES = ['en', 'es'] as const;
export const ReportLanguage = z.enum(REPORT_LANGUAGES);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

export const ReportQuery = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** The day the report is made for: the ledger owes nothing after it, the advisor reads up to it. Defaults to today. */
    asOf: IsoDateSchema.optional(),
    /** The language the report is written in (its summary and PDF); defaults to the reader's language. */
    language: ReportLanguage.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${q.from})` });
    else if (daysBetween(q.from, q.to) > MAX_REPORT_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_REPORT_DAYS} days after from (two school years)`,
      });
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

/** A record's reference in the evidence index ("E12"), as the report's tables cite it. */
const Ref = z.string().regex(/^E\d+$/);

/** One row of the ledger (a week for weekly services; a month or cycle row when the service counts so). */
const LedgerRow = z.object({
  unit: z.enum([...PERIOD_UNITS, 'esy']),
  start: z.string(),
  end: z.string(),
  label: z.string(),
  requiredMinutes: z.number(),
  deliveredMinutes: z.number(),
  owedMinutes: z.number(),
  makeupMinutes: z.number(),
  excusedMinutes: z.number(),
  pendingMinutes: z.number(),
  unloggedMinutes: z.number(),
  closures: z.array(z.string()),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

/** A session that did not happen as planned, or a make-up. */
const SessionException = z.object({
  ref: Ref,
  entryId: z.string(),
  date: z.string(),
  kind: z.enum(['scheduled', 'makeup']),
  status: z.string(),
  minutesPlanned: z.number().nullable(),
  minutesDelivered: z.number(),
  /** Planned minutes not delivered (0 for a make-up). */
  minutesMissed: z.number(),
  reason: z.string().nullable(),
  reasonText: z.string().nullable(),
  /** How the ledger counts the missed minutes; null for a make-up. */
  countedAs: z.enum(['owed', 'excused', 'pending']).nullable(),
  /** For a make-up that names the session it makes up: that session's date. */
  makesUpDate: z.string().nullable(),
  source: z.string(),
});
export type SessionException = z.infer<typeof SessionException>;

const ReportService = z.object({
  id: z.string(),
  name: z.string(),
  /** The IEP's own words for the service. */
  sourceText: z.string().nullable(),
  providerRole: z.string().nullable(),
  totals: LedgerTotals,
  rows: z.array(LedgerRow),
  unappliedMakeupMinutes: z.number(),
  /** The ledger's own notes (entries on days without school, ...). */
  ledgerNotes: z.array(z.string()),
  exceptions: z.array(SessionException),
});
export type ReportService = z.infer<typeof ReportService>;

/** One lapse: an accommodation on one school day in one class, however many records note it. */
const Lapse = z.object({
  /** The record whose outcome counts (see src/domain/occurrences.ts for the order of sources). */
  ref: Ref,
  recordId: z.string(),
  /** Every record behind it, the counting one first. */
  refs: z.array(Ref).default([]),
  date: z.string(),
  outcome: z.enum(['not_provided', 'partly']),
  className: z.string().nullable(),
  setting: z.string().nullable(),
  teacherKind: z.string(),
  /** Who noted it: every source that agrees with the outcome ("Parent; Work sample; Child's report"). */
  source: z.string(),
  note: z.string().nullable(),
  /** Records that say otherwise (a disagreement to ask about), by source. */
  disagreeing: z.array(z.string()).default([]),
});

const ReportAccommodation = z.object({
  id: z.string(),
  text: z.string(),
  provided: z.number(),
  partly: z.number(),
  notProvided: z.number(),
  unknown: z.number(),
  /**
   * Counted by occurrence (one school day and class, however many records speak of it). (provided +
   * half of partly) / occurrences with a known outcome, in percent; null when none.
   */
  providedPercent: z.number().nullable(),
  lapses: z.array(Lapse),
  refs: z.array(Ref),
});
export type ReportAccommodation = z.infer<typeof ReportAccommodation>;

const PatternFinding = z.object({
  rule: z.string(),
  severity: z.enum(['info', 'concern']),
  message: z.string(),
  question: z.string(),
  refs: z.array(Ref),
});
export type PatternFinding = z.infer<typeof PatternFinding>;

const BehaviorIncident = z.object({
  ref: Ref,
  id: z.string(),
  date: z.string(),
  summary: z.string(),
  stepsFollowed: z.array(z.string()),
  stepsSkipped: z.array(z.string()),
  rewardUsed: z.boolean().nullable(),
  consequenceContradicted: z.boolean().nullable(),
  source: z.string(),
});

const BehaviorPlan = z.object({
  steps: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      text: z.string(),
      followed: z.number(),
      skipped: z.number(),
    }),
  ),
  incidents: z.array(BehaviorIncident),
  totals: z.object({
    incidents: z.number(),
    /** Incidents where at least one step of the plan was skipped. */
    incidentsWithStepsSkipped: z.number(),
    /** Steps skipped, counted once per incident. */
    stepsSkipped: z.number(),
    rewardUsed: z.number(),
    rewardNotUsed: z.number(),
    consequenceAgainstPlan: z.number(),
  }),
  findings: z.array(PatternFinding),
});
export type BehaviorPlan = z.infer<typeof BehaviorPlan>;

const ReportCommunication = z.object({
  ref: Ref,
  id: z.string(),
  date: z.string(),
  kind: z.string(),
  direction: z.enum(['sent', 'received']),
  /** "Email sent", "Phone call received". */
  label: z.string(),
  /** The people it was with. */
  with: z.string(),
  subject: z.string().nullable(),
  summary: z.string(),
  reply: z.object({
    state: z.enum(['not_expected', 'answered', 'closed', 'holding', 'waiting', 'overdue']),
    /** The reply date, or the date a holding reply promised an answer by (`promised`). */
    dueBy: z.string().nullable(),
    /** The clock is a holding reply's promise ("an answer by Friday"), not the reply date. */
    promised: z.boolean().default(false),
    /** The first reply's date. */
    repliedOn: z.string().nullable(),
    /** Calendar days from the message to its first reply. */
    responseDays: z.number().nullable(),
    daysLate: z.number().nullable(),
  }),
  /** A call or meeting that no written message followed up. */
  noWrittenFollowUp: z.boolean(),
});
export type ReportCommunication = z.infer<typeof ReportCommunication>;

const Communications = z.object({
  messages: z.array(ReportCommunication),
  sent: z.number(),
  received: z.number(),
  answered: z.number(),
  /** Sent messages still waiting for a reply on the report's day, due or overdue. */
  unanswered: z.number(),
  overdue: z.number(),
  /** The mean of the answered messages' response days, to one decimal; null when none was answered. */
  averageResponseDays: z.number().nullable(),
  withoutWrittenFollowUp: z.number(),
});
export type Communications = z.infer<typeof Communications>;

const Recommendation = z.object({
  id: z.string(),
  title: z.string(),
  reason: z.string(),
  urgency: z.enum(['high', 'normal', 'low']),
  /** The rule's source ("34 CFR 300.323"), or the product choice's words. */
  basis: z.string(),
  productChoice: z.boolean(),
  deadlines: z.array(z.object({ label: z.string(), date: z.string(), basis: z.string() })),
  refs: z.array(Ref),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const EVIDENCE_KINDS = [
  'session_entry',
  'accommodation_observation',
  'work_sample',
  'behavior_incident',
  'communication',
  'goal_progress',
  'parent_note',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const EvidenceItem = z.object({
  ref: Ref,
  recordId: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  date: z.string(),
  source: z.string(),
  description: z.string(),
  files: z.array(
    z.object({
      attachmentId: z.string(),
      filename: z.string(),
      mediaType: z.string(),
      size: z.number(),
      sha256: z.string(),
    }),
  ),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** Each kind of difference between the school's service log and the family's record, counted. */
const DifferenceCounts = z.object({
  school_delivered_family_missed: z.number().int(),
  school_missed_family_delivered: z.number().int(),
  school_only: z.number().int(),
  family_only: z.number().int(),
  minutes_differ: z.number().int(),
  reason_differs: z.number().int(),
});

/**
 * The school's service logs reconciled with the family's record over the range (issue 19,
 * src/reports/report-reconciliation.ts): sessions that agree, that differ, and how; per service.
 */
export const ServiceLogReconciliation = z.object({
  /** How many imported logs have lines in the range. */
  logs: z.number().int(),
  agree: z.number().int(),
  differ: z.number().int(),
  byKind: DifferenceCounts,
  sentence: z.string(),
  services: z.array(
    z.object({
      serviceId: z.string(),
      name: z.string(),
      agree: z.number().int(),
      differ: z.number().int(),
      byKind: DifferenceCounts,
      sentence: z.string(),
    }),
  ),
});
export type ServiceLogReconciliation = z.infer<typeof ServiceLogReconciliation>;

export const ImplementationReport = z
  .object({
    format: z.literal('as-written/implementation-report/1'),
    /** The language the summary and the PDF's words are written in; record data stays as written. */
    language: ReportLanguage,
    child: z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string().nullable(),
      school: z.string().nullable(),
      grade: z.string().nullable(),
    }),
    plan: z
      .object({
        id: z.string(),
        kind: z.enum(['iep', '504']),
        title: z.string().nullable(),
        jurisdiction: z.string(),
        effectiveFrom: z.string(),
        effectiveTo: z.string(),
      })
      .nullable(),
    range: z.object({ from: z.string(), to: z.string(), asOf: z.string() }),
    preparedBy: z.string(),
    summary: z.object({ headline: z.string(), points: z.array(z.string()) }),
    /** Why there are no ledger figures (no school calendar yet), or null. */
    ledgerUnavailable: z.string().nullable(),
    services: z.array(ReportService),
    /** The school's service logs against the family's record; absent when no log was imported for the range. */
    serviceLogReconciliation: ServiceLogReconciliation.optional(),
    /** Across the services: owed minutes, make-up minutes and what is still owed. */
    minutes: z.object({
      requiredMinutes: z.number(),
      deliveredMinutes: z.number(),
      percentDelivered: z.number().nullable(),
      owedMinutes: z.number(),
      makeupMinutes: z.number(),
      owedBalanceMinutes: z.number(),
      unloggedMinutes: z.number(),
      excusedMinutes: z.number(),
      pendingMinutes: z.number(),
    }),
    accommodations: z.array(ReportAccommodation),
    accommodationFindings: z.array(PatternFinding),
    behaviorPlan: BehaviorPlan,
    communications: Communications,
    recommendations: z.array(Recommendation),
    evidence: z.array(EvidenceItem),
    journal: z.object({
      entries: z.number(),
      headHash: z.string().nullable(),
      /** Whether the record verified when the report was made (chain, records, files, references). */
      verified: z.boolean(),
      /** The first problem verify found then, in plain words; null when it verified. */
      firstProblem: z.string().nullable(),
      /** The hash chain checked whole when the report was made. */
      chainWhole: z.boolean(),
      problem: z.string().nullable(),
      /** Records compared with the state their journal entries lead to, and how many differed. */
      recordsChecked: z.number(),
      recordsDiffering: z.number(),
      recordProblem: z.string().nullable(),
      attachmentsChecked: z.number(),
      attachmentProblems: z.array(z.string()),
    }),
  })
  .meta({ id: 'ImplementationReport' });
export type ImplementationReport = z.infer<typeof ImplementationReport>;

/** Everything but the summary, which is written from the rest (report-summary.ts). */
export type ReportBody = Omit<ImplementationReport, 'summary'>;
