import { z } from 'zod';
import { AdvisorSettings } from '../domain/advisor.ts';
import { IdSchema } from '../domain/common.ts';
import { AttachmentSchema } from './attachments.ts';
import { MessageWordsSchema } from './common.ts';
import { Communication } from './records.ts';

// The communication log's state (reply clocks and threads), email import, and the household's
// settings (reply time and the advisor's thresholds).

export const ReplyStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_expected') }),
  z.object({ state: z.literal('answered'), replyIds: z.array(z.string()) }),
  z.object({ state: z.literal('closed') }),
  /** Only holding replies so far: an answer is promised by a date that has not passed. */
  z.object({ state: z.literal('holding'), replyIds: z.array(z.string()), promisedBy: z.string() }),
  z.object({ state: z.literal('waiting'), dueBy: z.string() }),
  /** `holdingReplyIds` when it is the holding reply's promise that has passed (then `dueBy` is that date). */
  z.object({
    state: z.literal('overdue'),
    dueBy: z.string(),
    daysLate: z.number(),
    holdingReplyIds: z.array(z.string()).optional(),
  }),
]);

export const CommunicationStatus = z.object({
  childId: z.string(),
  asOf: z.string(),
  messages: z.array(z.object({ id: z.string(), threadId: z.string(), reply: ReplyStateSchema })),
  overdue: z.array(z.string()),
  waiting: z.array(z.string()),
  /** Sent messages waiting on a holding reply's promise. */
  holding: z.array(z.string()),
  /**
   * Sent messages with no reply (waiting or overdue): the only ones a follow-up on an unanswered
   * message is offered for (awaitsReply in src/domain/communications.ts).
   */
  awaitingReply: z.array(z.string()),
  verbalWithoutFollowUp: z.array(z.string()),
});
export type CommunicationStatus = z.infer<typeof CommunicationStatus>;

/** How many calls and meetings (and messages of any kind) "Draft a letter" lists, newest first. */
export const LETTER_CHOICE_CONVERSATIONS_MAX = 200;

/**
 * The messages "Draft a letter" offers, chosen on the server so the screen never loads every message
 * of the child: the written messages the family sent that still await a reply (overdue first, then
 * newest), the calls and meetings, and messages of any kind (each newest first, at most
 * LETTER_CHOICE_CONVERSATIONS_MAX).
 */
export const LetterChoices = z.object({
  childId: z.string(),
  asOf: z.string(),
  awaitingReply: z.array(Communication),
  overdue: z.array(z.string()),
  conversations: z.array(Communication),
  /** Every call and meeting in force, of which `conversations` are the newest. */
  conversationsTotal: z.number().int().nonnegative(),
  /** The newest messages of any kind (where the parent heard of a decision), at most the same number. */
  recent: z.array(Communication),
  /** Every message in force, of which `recent` are the newest. */
  messagesTotal: z.number().int().nonnegative(),
});
export type LetterChoices = z.infer<typeof LetterChoices>;

export const EmailImportResult = z.object({
  /** The messages logged, as the communication log serves them. */
  imported: z.array(Communication),
  duplicates: z.array(z.object({ messageId: z.string(), subject: z.string().nullable() })),
  /**
   * Attachments not kept (a type As Written does not accept), with the reason: in English, and as
   * `words` of the catalog part `messages` that say the same, for the page to say in the reader's language.
   */
  skippedAttachments: z.array(
    z.object({ filename: z.string(), reason: z.string(), words: MessageWordsSchema.optional() }),
  ),
  attachments: z.array(AttachmentSchema),
});
export type EmailImportResult = z.infer<typeof EmailImportResult>;

/**
 * A large import's result (it runs as a job, GET jobs/:id): how many messages it logged, which it
 * skipped as imported already, and the attachments it did not keep. The messages are in the log.
 */
export const EmailImportSummary = z.object({
  imported: z.number().int(),
  duplicates: EmailImportResult.shape.duplicates,
  skippedAttachments: EmailImportResult.shape.skippedAttachments,
});
export type EmailImportSummary = z.infer<typeof EmailImportSummary>;

export const HouseholdSettings = z.object({
  replySchoolDays: z.number().int().min(1).max(30),
  /** The advisor's thresholds by name; a missing one takes the documented default. */
  advisor: z.record(z.string(), z.number()),
});
export type HouseholdSettings = z.infer<typeof HouseholdSettings>;

// The thresholds without their defaults, so a change stores only what the family chose (a default
// changed in a later version then still reaches them). The reply time has its own field.
export const AdvisorThresholdsPatch = z
  .object(
    Object.fromEntries(
      Object.entries(AdvisorSettings.shape)
        .filter(([name]) => name !== 'replySchoolDays')
        .map(([name, schema]) => [name, (schema as z.ZodDefault<z.ZodNumber>).unwrap().optional()]),
    ) as Record<string, z.ZodOptional<z.ZodNumber>>,
  )
  .strict();

export const HouseholdSettingsPatch = z
  .object({
    replySchoolDays: z.number().int().min(1, { message: 'must be at least 1 school day' }).max(30),
    /** Any of the advisor's thresholds (docs/advisor-rules.md), checked against its own range. */
    advisor: AdvisorThresholdsPatch,
  })
  .partial()
  .strict();

export const EmailImportQuery = z.object({
  childId: IdSchema,
  filename: z.string().trim().min(1).max(1000).default('email.eml'),
});
