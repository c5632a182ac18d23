import { z } from 'zod';
import {
  ADVISOR_RULES,
  type AdvisorAction,
  type LetterKind as AdvisorLetterKind,
  type AdvisorRule,
  AdvisorSettings,
  type ReminderKind,
} from '../domain/advisor.ts';
import { IdSchema, IsoDateSchema, LONG_TEXT_MAX, NonEmptyText } from '../domain/common.ts';
import { PARENT_POSITIONS } from '../domain/communications.ts';
import type { LadderLetterKind, LadderStepId } from '../domain/jurisdictions.ts';
import { LEGAL_SOURCES, type LegalSourceId } from '../domain/legal-sources.ts';
import { LETTER_ATTACHMENTS } from '../domain/letter-words.ts';
import { LANGUAGE_NAME_MAX } from '../domain/letters/language-access.ts';
import { SERVICE_LOG_QUESTIONS_MAX } from '../domain/letters/service-log-questions.ts';
import { RULE_CATEGORY, type ToneRuleId } from '../domain/tone.ts';
import { nameOf } from './common.ts';
import { Communication } from './records.ts';

// Letters drafted from the record, the tone check, and the advisor's answer.

const Id = IdSchema;

/** The date the letter asks a reply by; left out, the household's reply time from the day it is written. */
const RespondBy = { respondBy: IsoDateSchema.optional() };

export const LetterRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('specific_concern'),
      accommodationId: Id.optional(),
      serviceId: Id.optional(),
      ...RespondBy,
    })
    .refine((r) => (r.accommodationId == null) !== (r.serviceId == null), {
      message: 'name either an accommodation or a service',
      path: ['accommodationId'],
    }),
  z.object({ kind: z.literal('check_in'), period: z.enum(['weekly', 'mid_term']).optional(), ...RespondBy }),
  z.object({
    kind: z.literal('follow_up_unanswered'),
    communicationId: Id,
    copy: z.enum(['principal', 'director']).optional(),
    ...RespondBy,
  }),
  z.object({ kind: z.literal('follow_up_verbal'), communicationId: Id, ...RespondBy }),
  z.object({ kind: z.literal('thank_you'), noteId: Id.optional(), contactId: Id.optional() }),
  z.object({
    kind: z.literal('request_service_logs'),
    serviceId: Id,
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    ...RespondBy,
  }),
  z.object({
    kind: z.literal('request_iep_meeting'),
    reasons: z.array(NonEmptyText(1000)).max(10).optional(),
    ...RespondBy,
  }),
  z.object({ kind: z.literal('request_records'), ...RespondBy }),
  z.object({
    kind: z.literal('request_prior_written_notice'),
    decision: NonEmptyText(1000),
    decidedOn: IsoDateSchema.optional(),
    communicationId: Id.optional(),
    /** Where the parent stands; left out, what she recorded on the call or meeting. */
    parentPosition: z.enum(PARENT_POSITIONS).optional(),
    ...RespondBy,
  }),
  // An interpreter at the next meeting and the plan in the parent's language (Spanish when left out).
  z.object({
    kind: z.literal('request_language_access'),
    language: NonEmptyText(LANGUAGE_NAME_MAX)
      .refine((name) => /\p{L}/u.test(name), { message: 'must be the name of a language' })
      .optional(),
    /** The date of the next meeting, when known: the letter names it. */
    meetingDate: IsoDateSchema.optional(),
    ...RespondBy,
  }),
  z.object({
    kind: z.literal('escalation'),
    to: z.enum(['principal', 'director', 'superintendent', 'board']),
    serviceId: Id.optional(),
    accommodationId: Id.optional(),
    attachment: z.enum(LETTER_ATTACHMENTS).optional(),
    ...RespondBy,
  }),
  z.object({ kind: z.literal('state_complaint') }),
  z.object({ kind: z.literal('ocr_complaint_outline') }),
  // British Columbia and Alberta: a real appeal (src/domain/letters/board-appeal.ts); what is left out
  // becomes a placeholder for the parent to fill in.
  z.object({
    kind: z.literal('board_appeal'),
    decision: NonEmptyText(1000).optional(),
    decisionDate: IsoDateSchema.optional(),
    decidedBy: NonEmptyText(300).optional(),
    askBoardTo: NonEmptyText(2000).optional(),
    serviceId: Id.optional(),
  }),
  // Questions about a service log (issue 19): the differences the parent picked in the log's
  // reconciliation table, by their keys; the server reads what each side says from the log and the record.
  z.object({
    kind: z.literal('service_log_questions'),
    importId: Id,
    itemKeys: z.array(z.string().trim().min(1).max(100)).min(1).max(SERVICE_LOG_QUESTIONS_MAX),
    ...RespondBy,
  }),
]);

/** The languages a letter is drafted in (src/domain/letters/draft-language.ts). */
export const LetterLanguage = z.enum(['en', 'es']);

export const DraftLetterInput = z.object({
  request: LetterRequestSchema,
  /** The day the letter is written for (defaults to today). */
  asOf: IsoDateSchema.optional(),
  /** The language the letter is written in, apart from the app's (default English). */
  language: LetterLanguage.default('en'),
});

/** The same letter drafted in another language, from what it was drafted for and the record as it is now. */
export const LetterVersionQuery = z.object({ language: LetterLanguage });
export const LetterVersion = z
  .object({
    language: LetterLanguage,
    subject: z.string(),
    body: z.string(),
    notes: z.array(z.string()),
  })
  .meta({ id: 'LetterVersion' });

const Recipient = z.object({
  name: z.string().trim().min(1).max(300),
  email: z.string().trim().email().nullable(),
});

/** The tone check's rules, by id (src/domain/tone.ts). */
const TONE_RULES = Object.keys(RULE_CATEGORY) as [ToneRuleId, ...ToneRuleId[]];

/** A phrase the tone check flags (ToneFlag in src/domain/tone.ts). */
export const ToneFlagSchema = z.object({
  /** UTF-16 offsets into the checked text. */
  start: z.number(),
  end: z.number(),
  phrase: z.string(),
  rule: z.enum(TONE_RULES),
  why: z.string(),
  suggestion: z.string(),
});

export const PlaceholderSpotSchema = z.object({
  placeholder: z.string(),
  /** "subject", "body", "to.0.name", "cc.1.name". */
  field: z.string(),
  start: z.number(),
  end: z.number(),
});

export const LetterRecord = z
  .object({
    id: Id,
    householdId: Id,
    childId: Id,
    kind: z.string(),
    status: z.enum(['draft', 'sent']),
    subject: z.string(),
    to: z.array(Recipient),
    cc: z.array(Recipient),
    body: z.string(),
    entryIds: z.array(z.string()),
    placeholders: z.array(z.string()),
    notes: z.array(z.string()),
    /** What the tone check flags in the subject and body now (positions are in the body). */
    toneFlags: z.array(ToneFlagSchema),
    /**
     * The draft's placeholders still in the letter, where they are: "Mark as sent" and the .eml are
     * refused until each is filled in or removed. Derived when read, not stored.
     */
    unfilled: z.array(PlaceholderSpotSchema),
    /** The date the letter asks a reply by (null when it asks none); the reply clock starts from it. */
    respondBy: IsoDateSchema.nullable(),
    /** What the .eml carries with the letter. */
    attachment: z.enum(LETTER_ATTACHMENTS),
    /** The language it was drafted in (kept with what it was drafted for; English for older letters). */
    language: LetterLanguage,
    communicationId: Id.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Letter' });
export type LetterRecord = z.infer<typeof LetterRecord>;

export const LetterPatch = z
  .object({
    subject: NonEmptyText(500),
    body: NonEmptyText(LONG_TEXT_MAX),
    to: z.array(Recipient).max(20),
    cc: z.array(Recipient).max(20),
    /** A new reply date: the sentence "reply by ..." in the letter changes with it. */
    respondBy: IsoDateSchema,
    /** A new attachment: the sentence naming it changes with it (removed for none). */
    attachment: z.enum(LETTER_ATTACHMENTS),
    /**
     * The language the letter is now written in, when the parent takes its version in another
     * language (`GET letters/:id/version`) as the letter to send: given with that subject and body.
     */
    language: LetterLanguage,
  })
  .partial()
  .strict();

export const MarkSentInput = z.object({
  date: IsoDateSchema.optional(),
  /** How it went: by email, or printed or handed over as a letter. */
  kind: z.enum(['email', 'letter']).default('email'),
  /**
   * The day the school received it, when known (migration 0012): the clocks that run from receipt
   * (California's 30 days for a meeting, a B.C. board's 45 days) start there. On or after `date`.
   */
  schoolReceivedOn: IsoDateSchema.nullable().optional(),
});

// The advisor's answer (src/domain/advisor.ts): what to do next and by when, and the reminders.

const ADVISOR_RULE_IDS = Object.values(ADVISOR_RULES) as [AdvisorRule, ...AdvisorRule[]];
const LEGAL_SOURCE_IDS = LEGAL_SOURCES.map((s) => s.id) as [LegalSourceId, ...LegalSourceId[]];

/** A rule's basis: a citation from the table of legal sources, or the app's own product choice. */
export const BasisSchema = z.union([
  z.object({
    text: z.string(),
    /** The pinpoint (or pinpoints) in the table of legal sources (docs/legal-sources.md). */
    source: z.string(),
    kind: z.enum(['law', 'guidance']),
    sourceIds: z.array(z.enum(LEGAL_SOURCE_IDS)).readonly(),
  }),
  z.object({ productChoice: z.literal(true), text: z.string() }),
]);

/**
 * A step of the jurisdiction's escalation ladder. Its role pattern (a RegExp the advisor matches team
 * roles with) stays on the server: it has no JSON form.
 */
export const LadderStepSchema = z.object({
  id: nameOf<LadderStepId>(),
  rung: z.number().int(),
  label: z.string(),
  kind: z.enum(['person', 'formal']),
  note: z.string().nullable(),
  basis: BasisSchema,
  letterKind: nameOf<LadderLetterKind>().nullable(),
  addressedTo: z.enum(['principal', 'director', 'superintendent', 'board']).nullable(),
});

export const RecommendationSchema = z.object({
  /** Stable across runs: the rule and the subject, so a dismissed recommendation stays dismissed. */
  id: z.string(),
  rule: z.enum(ADVISOR_RULE_IDS),
  action: nameOf<AdvisorAction>(),
  urgency: z.enum(['high', 'normal', 'low']),
  subjectId: z.string(),
  title: z.string(),
  reason: z.string(),
  entryIds: z.array(z.string()),
  citation: BasisSchema,
  thresholds: z.array(z.object({ name: z.string(), value: z.number(), basis: BasisSchema })),
  confidence: z.object({ level: z.enum(['high', 'medium', 'low']), why: z.string() }),
  deadlines: z.array(z.object({ label: z.string(), date: IsoDateSchema, citation: BasisSchema })),
  letterKind: nameOf<AdvisorLetterKind>(),
  ladderStep: LadderStepSchema.nullable(),
  contactIds: z.array(z.string()),
  /** Other recommendations this one covers (one meeting request covers every reason for a meeting). */
  alsoCovers: z
    .array(z.object({ id: z.string(), rule: z.enum(ADVISOR_RULE_IDS), title: z.string() }))
    .optional(),
});

/** Where a recommendation's entries are kept (the Advisor screen's links, and the message a follow-up answers). */
export const RecommendationEntries = z.object({
  messages: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  /** The entries that are messages the family sent, in the recommendation's order. */
  sentMessageIds: z.array(z.string()),
});

export const ReminderSchema = z.object({
  id: z.string(),
  date: IsoDateSchema,
  title: z.string(),
  detail: z.string(),
  kind: nameOf<ReminderKind>(),
});

export const Advice = z.object({
  childId: IdSchema,
  asOf: IsoDateSchema,
  planKind: z.enum(['iep', '504']).nullable(),
  jurisdiction: z.object({ country: z.enum(['US', 'CA']), region: z.string().nullable() }).nullable(),
  settings: AdvisorSettings,
  recommendations: z.array(RecommendationSchema.extend({ entries: RecommendationEntries })),
  reminders: z.array(ReminderSchema),
});

export const ToneCheckInput = z.object({
  text: z.string().max(LONG_TEXT_MAX),
  formal: z.boolean().default(false),
  /** The text's language; by default read from its words (src/domain/text-language.ts). */
  language: z.enum(['en', 'es']).optional(),
});
export const ToneCheckResult = z.object({ flags: z.array(ToneFlagSchema) });

export const MarkSentResult = z.object({ letter: LetterRecord, communication: Communication });
