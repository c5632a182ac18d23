// Letters drafted from the record: each quotes the plan's own words and the dates and counts the family
// recorded, and never accuses. They follow the playbook docs/advisor-rules.md describes: document,
// communicate ("be specific but non-accusatory"), follow up verbal talks in writing, send check-ins, call
// a meeting when services are not delivered, escalate when emails go unanswered. The parent edits every
// draft before sending; `facts.entryIds` keeps the paper trail of what each letter quotes.
//
// Pure: no I/O, no clock (`record.asOf` is "today"). Jurisdiction timelines come in as arguments (the
// advisor builds jurisdiction profiles); the letters cite only the rules of src/domain/legal-sources.ts
// (docs/legal-sources.md). Which letters a plan may draft is src/domain/letters/kinds.ts.
//
// This is the public face of src/domain/letters/: one file per letter, the words they share in
// writer.ts, facts.ts and formal-facts.ts.

export {
  asksReplyBy,
  attachmentSentence,
  gapsNote,
  LETTER_ATTACHMENTS,
  type LetterAttachment,
  notesBesideGaps,
  type PlaceholderSpot,
  replaceAttachmentSentence,
  replaceRespondBy,
  replyByWords,
  unfilledPlaceholders,
} from './letter-words.ts';
export { type BoardAppealOptions, draftBoardAppeal } from './letters/board-appeal.ts';
export { type CheckInLetterOptions, draftCheckIn, MID_TERM_FALLBACK_DAYS } from './letters/check-in.ts';
export {
  DEFAULT_DRAFT_LANGUAGE,
  DRAFT_LANGUAGES,
  type DraftLanguage,
  isDraftLanguage,
  LetterLanguageUnavailableError,
  TRANSLATED_LETTER_KINDS,
} from './letters/draft-language.ts';
export { draftLetter, type LetterRequest } from './letters/draft-letter.ts';
export { draftEscalation, ESCALATION_MAX_WORDS, type EscalationOptions } from './letters/escalation.ts';
export { draftFollowUpUnanswered, type FollowUpUnansweredOptions } from './letters/follow-up-unanswered.ts';
export { draftFollowUpVerbal } from './letters/follow-up-verbal.ts';
export {
  boardAppealProvince,
  CANADA_LETTER_KINDS,
  DRAFTED_ELSEWHERE_LETTER_KINDS,
  FORMAL_LETTER_KINDS,
  isFormalLetter,
  LETTER_KINDS,
  type LetterKind,
  type LetterPlan,
  letterKindsForPlan,
  lettersAvailable,
  letterUnavailableReason,
  REPLY_LETTER_KINDS,
} from './letters/kinds.ts';
export {
  DEFAULT_LETTER_LANGUAGE,
  draftLanguageAccessRequest,
  LANGUAGE_NAME_MAX,
  type LanguageAccessOptions,
  letterLanguage,
} from './letters/language-access.ts';
export { draftMeetingRequest, type MeetingRequestOptions } from './letters/meeting-request.ts';
export { draftOcrComplaintOutline } from './letters/ocr-complaint-outline.ts';
export {
  draftPriorWrittenNoticeRequest,
  type PriorWrittenNoticeOptions,
} from './letters/prior-written-notice.ts';
export { draftRecordsRequest, type RecordsRequestOptions } from './letters/records-request.ts';
export { LetterRequestError } from './letters/request-error.ts';
export {
  compactDates,
  draftServiceLogQuestions,
  SERVICE_LOG_QUESTIONS_MAX,
  type ServiceLogDifference,
  type ServiceLogQuestionsOptions,
} from './letters/service-log-questions.ts';
export { draftServiceLogRequest, type ServiceLogRequestOptions } from './letters/service-log-request.ts';
export { draftSpecificConcern, type SpecificConcernRequest } from './letters/specific-concern.ts';
export { draftStateComplaint } from './letters/state-complaint.ts';
export { draftThankYou, type ThankYouOptions } from './letters/thank-you.ts';
export {
  type Letter,
  type LetterRecipient,
  LetterUnavailableError,
  type ReplyOption,
  respondByFor,
  type Timeline,
} from './letters/writer.ts';
// "Open in mail app": a mailto: URL (RFC 6068).
export { MAILTO_CUT_NOTE, MAILTO_MAX_LENGTH, type MailtoLink, mailtoUrl } from './mailto.ts';
