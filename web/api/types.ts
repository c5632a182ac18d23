// Types of the API, taken from the server's own zod schemas: there is no second copy.
import type { z } from 'zod';
import type { AccommodationObservationInput } from '../../src/domain/observations.ts';
import type { AccommodationFields, ChildInput, PlanFields } from '../../src/domain/plan.ts';
import type { SchoolCalendarFields } from '../../src/domain/school-calendar-model.ts';
import type { ServiceFields } from '../../src/domain/service.ts';
import type { ParsedServiceLine } from '../../src/domain/service-frequency-parser.ts';
import type { ServiceLedgerResponse } from '../../src/server/routes/ledger.routes.ts';
import type { Creator } from '../../src/server/services/creators.ts';
import type { Household } from '../../src/server/services/households.ts';
import type { Invitation, Member } from '../../src/server/services/members.ts';
import type { PatternsResponse } from '../../src/server/services/patterns.ts';
import type { SessionEntry } from '../../src/server/services/session-entries.ts';
import type { StaffLink, StaffView } from '../../src/server/services/staff-links.ts';
import type { WeekSummary } from '../../src/server/services/week-summary.ts';

type Meta = { id: string; householdId: string; createdAt: string; updatedAt: string };

export type { ParsedServiceLine, SessionEntry, WeekSummary };
export type Child = z.infer<typeof ChildInput> & Meta;
export type Plan = z.infer<typeof PlanFields> & Meta;
export type Service = z.infer<typeof ServiceFields> & Meta;
export type SchoolCalendar = z.infer<typeof SchoolCalendarFields> & Meta;
export type ServiceLedger = z.infer<typeof ServiceLedgerResponse>;
export type HouseholdSummary = z.infer<typeof Household> & { role: string };
export type MemberRecord = z.infer<typeof Member>;
export type InvitationRecord = z.infer<typeof Invitation> & { link?: string };
export type StaffLinkRecord = z.infer<typeof StaffLink> & { link?: string };
export type StaffLinkView = z.infer<typeof StaffView>;
/** Who made a calendar address, a staff link or an invitation (a former member is not named). */
export type CreatorRecord = z.infer<typeof Creator>;

export type CalendarEvent = Meta & {
  calendarId: string;
  kind: 'holiday' | 'break' | 'closure' | 'early_dismissal';
  startDate: string;
  endDate: string | null;
  label: string | null;
};

export type SessionInfo = {
  signedIn: boolean;
  needsSetup: boolean;
  user: { id: string; email: string; displayName: string } | null;
  csrfToken: string | null;
  households: { id: string; name: string; role: string }[];
};

export type Accommodation = z.infer<typeof AccommodationFields> & Meta;
export type AccommodationObservation = z.infer<typeof AccommodationObservationInput> & Meta;
export type Patterns = z.infer<typeof PatternsResponse>;

// Observations beyond sessions: behavior incidents, the class timetable, goal progress; and the plan
// content they refer to (behavior-plan steps, goals).
import type {
  BehaviorIncidentInput,
  ClassPeriodFields,
  GoalProgressInput,
} from '../../src/domain/observations.ts';
import type { BehaviorStepInput, GoalInput } from '../../src/domain/plan.ts';

export type BehaviorIncident = z.infer<typeof BehaviorIncidentInput> & Meta;
export type ClassPeriod = z.infer<typeof ClassPeriodFields> & Meta;
export type GoalProgress = z.infer<typeof GoalProgressInput> & Meta;
export type BehaviorStep = z.infer<typeof BehaviorStepInput> & Meta;
export type Goal = z.infer<typeof GoalInput> & Meta;
export type Finding = Patterns['findings'][number];

// Evidence: the week's check-in (questions for the child and the answers recorded), files kept as
// evidence, and work samples.
import type { CheckInAnswer } from '../../src/domain/check-in.ts';
import type { WorkSampleFields } from '../../src/domain/observations.ts';
import type { Attachment as AttachmentRecord } from '../../src/server/services/attachments.ts';
import type { CheckInQuestionsResponse, CheckInRecord } from '../../src/server/services/check-ins.ts';

export type Attachment = AttachmentRecord;
export type CheckInQuestions = z.infer<typeof CheckInQuestionsResponse>;
export type CheckInQuestion = CheckInQuestions['questions'][number];
/** One answer as sent (fields with a default may be left out). */
export type CheckInAnswerInput = z.input<typeof CheckInAnswer>;
/** One answer as kept, with the record it became (null: kept only in the check-in). */
export type CheckInSavedAnswer = z.infer<typeof CheckInAnswer> & {
  recordedAs: NonNullable<CheckInRecord['answers'][number]['recordedAs']> | null;
};
export type CheckIn = Omit<CheckInRecord, 'answers'> & { answers: CheckInSavedAnswer[] };
export type WorkSample = z.infer<typeof WorkSampleFields> & Meta;

// The communication log, letters drafted from the record, and the advisor (what to do next). The
// advisor's answer is typed from the pure domain module; its ladder step's role pattern (a RegExp)
// does not survive JSON, so it is left out.
import type {
  AdvisorSettingName,
  AdvisorSettings,
  Recommendation as RecommendationRecord,
  Reminder as ReminderRecord,
} from '../../src/domain/advisor.ts';
import type { CommunicationFields, ParentNoteInput } from '../../src/domain/communications.ts';
import type { LadderStep as LadderStepRecord } from '../../src/domain/jurisdictions.ts';
import type { TeamContactInput } from '../../src/domain/plan.ts';
import type { ToneFlag } from '../../src/domain/tone.ts';
import type { adviceForChild } from '../../src/server/services/advice.ts';
import type { CommunicationStatus } from '../../src/server/services/communication-status.ts';
import type { EmailImportResult } from '../../src/server/services/email-import.ts';
import type { HouseholdSettings } from '../../src/server/services/household-settings.ts';
import type { LetterRecord, LetterRequestSchema } from '../../src/server/services/letters.ts';

export type { AdvisorSettingName, AdvisorSettings, CommunicationStatus, EmailImportResult, ToneFlag };
export type TeamContact = z.infer<typeof TeamContactInput> & Meta;
/** A logged message as the server returns it: the reply date is always filled in (null: none expected). */
export type Communication = Omit<z.infer<typeof CommunicationFields>, 'replyExpectedBy'> & {
  replyExpectedBy: string | null;
} & Meta;
/** A message as sent to the server (fields with a default may be left out; no reply date: the default). */
export type CommunicationInput = z.input<typeof CommunicationFields>;
export type CommunicationReply = CommunicationStatus['messages'][number]['reply'];
export type ParentNote = z.infer<typeof ParentNoteInput> & Meta;
export type ParentNoteKind = ParentNote['kind'];
export type HouseholdSettingsRecord = HouseholdSettings;
/** A letter; its tone flags are the tone check's own (the schema widens the rule to a string). */
export type Letter = Omit<LetterRecord, 'toneFlags'> & { toneFlags: ToneFlag[] };
export type LetterKind = z.infer<typeof LetterRequestSchema>['kind'];
/** What to draft: a kind and the options it needs (LetterRequestSchema). */
export type LetterRequest = z.input<typeof LetterRequestSchema>;
export type LadderStep = Omit<LadderStepRecord, 'rolePattern'>;
export type Recommendation = Omit<RecommendationRecord, 'ladderStep'> & { ladderStep: LadderStep | null };
export type Reminder = ReminderRecord;
export type Advice = Omit<Awaited<ReturnType<typeof adviceForChild>>, 'recommendations'> & {
  recommendations: Recommendation[];
};

// The paper trail: the implementation report (the same object the PDF is drawn from), the living IEP
// and the parent's own words for it, the check of the journal's hash chain and the files, and the
// secret calendar addresses.
import type { ImplementationReport as ImplementationReportRecord } from '../../src/reports/implementation-report.ts';
import type { CalendarFeed as CalendarFeedSchema } from '../../src/server/services/calendar-feed.ts';
import type { LivingIepNotesInput, LivingIepSchema } from '../../src/server/services/living-iep.ts';
import type { VerifyResult as VerifyResultRecord } from '../../src/server/services/verify.ts';

export type ImplementationReport = ImplementationReportRecord;
export type ReportService = ImplementationReport['services'][number];
export type ReportAccommodation = ImplementationReport['accommodations'][number];
export type ReportCommunication = ImplementationReport['communications']['messages'][number];
export type ReportFinding = ImplementationReport['accommodationFindings'][number];
export type LivingIep = z.infer<typeof LivingIepSchema>;
export type LivingIepItem = LivingIep['working'][number];
export type LivingIepNotes = z.infer<typeof LivingIepNotesInput>;
export type VerifyResult = VerifyResultRecord;
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

// Corrections (docs/ledger-rules.md, "Corrections and voids"): what a correction returns, the misses a
// make-up may name, and a voidable record's flag.
import type { MakeupOption as MakeupOptionSchema } from '../../src/server/services/makeups.ts';
import type { SessionCorrectionResult as SessionCorrectionResultSchema } from '../../src/server/services/session-corrections.ts';

export type SessionCorrectionResult = z.infer<typeof SessionCorrectionResultSchema>;
export type MakeupOption = z.infer<typeof MakeupOptionSchema>;
/** Who voided a record, when and why (null while it counts). */
export type VoidFlag = { voidedAt: string | null; voidedBy: string | null; voidNote: string | null };
