// Types of the API, taken from the API contract (src/api: the zod schemas the routes validate and
// serialise with, and the OpenAPI document is generated from) and the pure domain: there is no second
// copy. The web app never imports the server or the store.
import type { z } from 'zod';
import type {
  AccommodationObservation as AccommodationObservationSchema,
  Accommodation as AccommodationSchema,
  Advice as AdviceSchema,
  AttachmentSchema,
  AuditAction,
  AuditEvent as AuditEventSchema,
  BehaviorIncident as BehaviorIncidentSchema,
  BehaviorStep as BehaviorStepSchema,
  CalendarEvent as CalendarEventSchema,
  CalendarFeed as CalendarFeedSchema,
  CheckInQuestionsResponse,
  CheckInRecord,
  Child as ChildSchema,
  ClassPeriod as ClassPeriodSchema,
  Communication as CommunicationSchema,
  CommunicationStatus as CommunicationStatusSchema,
  ContentChange as ContentChangeSchema,
  Creator,
  EmailImportResult as EmailImportResultSchema,
  EmailImportSummary as EmailImportSummarySchema,
  GoalProgress as GoalProgressSchema,
  Goal as GoalSchema,
  HouseholdSettings,
  HouseholdWithRole,
  ImplementationReport as ImplementationReportSchema,
  Invitation,
  Job as JobSchema,
  KeyDate as KeyDateSchema,
  LadderStepSchema,
  LetterChoices as LetterChoicesSchema,
  LetterRecord,
  LetterRequestSchema,
  LetterVersion as LetterVersionSchema,
  LivingIepNotesInput,
  LivingIepSchema,
  MakeupOption as MakeupOptionSchema,
  Member,
  ParentNote as ParentNoteSchema,
  PatternsResponse,
  PlanContent as PlanContentSchema,
  Plan as PlanSchema,
  PlanVersionDetail as PlanVersionDetailSchema,
  PlanVersion as PlanVersionSchema,
  ReminderSchema,
  SchoolCalendar as SchoolCalendarSchema,
  ServiceLedgerResponse,
  Service as ServiceSchema,
  SessionCorrectionResult as SessionCorrectionResultSchema,
  SessionEntry as SessionEntrySchema,
  SessionResponse,
  StaffLink,
  StaffView,
  TeamContact as TeamContactSchema,
  ToneFlagSchema,
  VerifyResult as VerifyResultSchema,
  WeekSummary as WeekSummarySchema,
  WorkSample as WorkSampleSchema,
} from '../../src/api/index.ts';
import type { AdvisorSettingName, AdvisorSettings } from '../../src/domain/advisor.ts';
import type { CheckInAnswer } from '../../src/domain/check-in.ts';
import type { CommunicationFields } from '../../src/domain/communications.ts';
import type { ParsedServiceLine } from '../../src/domain/service-frequency-parser.ts';

export type { AdvisorSettingName, AdvisorSettings, AuditAction, ParsedServiceLine };

// The household, its members and the links it has given out.
export type SessionInfo = z.infer<typeof SessionResponse>;
export type HouseholdSummary = z.infer<typeof HouseholdWithRole>;
export type MemberRecord = z.infer<typeof Member>;
export type InvitationRecord = z.infer<typeof Invitation> & { link?: string };
export type StaffLinkRecord = z.infer<typeof StaffLink> & { link?: string };
export type StaffLinkView = z.infer<typeof StaffView>;
/** Who made a calendar address, a staff link or an invitation (a former member is not named). */
export type CreatorRecord = z.infer<typeof Creator>;
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type HouseholdSettingsRecord = z.infer<typeof HouseholdSettings>;

// The plan and its content (records served by the generic record routes, src/api/records.ts).
export type Child = z.infer<typeof ChildSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Accommodation = z.infer<typeof AccommodationSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type BehaviorStep = z.infer<typeof BehaviorStepSchema>;
export type KeyDate = z.infer<typeof KeyDateSchema>;
export type TeamContact = z.infer<typeof TeamContactSchema>;
export type SchoolCalendar = z.infer<typeof SchoolCalendarSchema>;
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;
export type PlanVersion = z.infer<typeof PlanVersionSchema>;
export type PlanContent = z.infer<typeof PlanContentSchema>;
export type ContentChange = z.infer<typeof ContentChangeSchema>;
export type PlanVersionDetail = z.infer<typeof PlanVersionDetailSchema>;

// Sessions, the ledger and the week.
export type SessionEntry = z.infer<typeof SessionEntrySchema>;
export type WeekSummary = z.infer<typeof WeekSummarySchema>;
export type ServiceLedger = z.infer<typeof ServiceLedgerResponse>;

// Observations beyond sessions: accommodations, behavior incidents, the class timetable, goal
// progress, and the patterns read from them.
export type AccommodationObservation = z.infer<typeof AccommodationObservationSchema>;
export type BehaviorIncident = z.infer<typeof BehaviorIncidentSchema>;
export type ClassPeriod = z.infer<typeof ClassPeriodSchema>;
export type GoalProgress = z.infer<typeof GoalProgressSchema>;
export type Patterns = z.infer<typeof PatternsResponse>;
export type Finding = Patterns['findings'][number];

// Evidence: the week's check-in (questions for the child and the answers recorded), files kept as
// evidence, and work samples.
export type Attachment = z.infer<typeof AttachmentSchema>;
export type CheckInQuestions = z.infer<typeof CheckInQuestionsResponse>;
export type CheckInQuestion = CheckInQuestions['questions'][number];
/** One answer as sent (fields with a default may be left out). */
export type CheckInAnswerInput = z.input<typeof CheckInAnswer>;
export type CheckIn = z.infer<typeof CheckInRecord>;
/** One answer as kept, with the record it became (null: kept only in the check-in). */
export type CheckInSavedAnswer = CheckIn['answers'][number];
export type WorkSample = z.infer<typeof WorkSampleSchema>;

// The communication log, letters drafted from the record, and the advisor (what to do next).
/** A logged message as the server returns it: the reply date is always filled in (null: none expected). */
export type Communication = Omit<z.infer<typeof CommunicationSchema>, 'replyExpectedBy'> & {
  replyExpectedBy: string | null;
};
/** A message as sent to the server (fields with a default may be left out; no reply date: the default). */
export type CommunicationInput = z.input<typeof CommunicationFields>;
export type CommunicationStatus = z.infer<typeof CommunicationStatusSchema>;
/** The messages "Draft a letter" offers, each as the log serves it (Communication). */
export type LetterChoices = Omit<
  z.infer<typeof LetterChoicesSchema>,
  'awaitingReply' | 'conversations' | 'recent'
> & { awaitingReply: Communication[]; conversations: Communication[]; recent: Communication[] };
export type CommunicationReply = CommunicationStatus['messages'][number]['reply'];
export type EmailImportResult = z.infer<typeof EmailImportResultSchema>;
/** A large import's result, read from its background job. */
export type EmailImportSummary = z.infer<typeof EmailImportSummarySchema>;
/** A background job of the household (a large email import). */
export type Job = z.infer<typeof JobSchema>;
export type ParentNote = z.infer<typeof ParentNoteSchema>;
export type ParentNoteKind = ParentNote['kind'];
export type ToneFlag = z.infer<typeof ToneFlagSchema>;
export type Letter = z.infer<typeof LetterRecord>;
export type LetterVersion = z.infer<typeof LetterVersionSchema>;
export type LetterKind = z.infer<typeof LetterRequestSchema>['kind'];
/** What to draft: a kind and the options it needs (LetterRequestSchema). */
export type LetterRequest = z.input<typeof LetterRequestSchema>;
export type LadderStep = z.infer<typeof LadderStepSchema>;
/** A recommendation as the Advisor screen receives it: with where its entries are kept. */
export type Recommendation = z.infer<typeof AdviceSchema>['recommendations'][number];
export type Reminder = z.infer<typeof ReminderSchema>;
export type Advice = z.infer<typeof AdviceSchema>;

// The paper trail: the implementation report (the same object the PDF is drawn from), the living IEP
// and the parent's own words for it, the check of the journal's hash chain and the files, and the
// secret calendar addresses.
export type ImplementationReport = z.infer<typeof ImplementationReportSchema>;
export type ReportService = ImplementationReport['services'][number];
export type ReportAccommodation = ImplementationReport['accommodations'][number];
export type ReportCommunication = ImplementationReport['communications']['messages'][number];
export type ReportFinding = ImplementationReport['accommodationFindings'][number];
export type LivingIep = z.infer<typeof LivingIepSchema>;
export type LivingIepItem = LivingIep['working'][number];
export type LivingIepNotes = z.infer<typeof LivingIepNotesInput>;
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

// Corrections (docs/ledger-rules.md, "Corrections and voids"): what a correction returns, the misses a
// make-up may name, and a voidable record's flag.
export type SessionCorrectionResult = z.infer<typeof SessionCorrectionResultSchema>;
export type MakeupOption = z.infer<typeof MakeupOptionSchema>;
/** Who voided a record, when and why (null while it counts). */
export type VoidFlag = { voidedAt: string | null; voidedBy: string | null; voidNote: string | null };
