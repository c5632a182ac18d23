// One entry point for the server: a discriminated request, drafted by the letter of its kind.

import type { CaseRecord } from '../case-record.ts';
import { type BoardAppealOptions, draftBoardAppeal } from './board-appeal.ts';
import { type CheckInLetterOptions, draftCheckIn } from './check-in.ts';
import { assertDraftLanguage, DEFAULT_DRAFT_LANGUAGE, type DraftLanguage } from './draft-language.ts';
import { draftEscalation, type EscalationOptions } from './escalation.ts';
import { draftFollowUpUnanswered, type FollowUpUnansweredOptions } from './follow-up-unanswered.ts';
import { draftFollowUpVerbal } from './follow-up-verbal.ts';
import { draftLanguageAccessRequest, type LanguageAccessOptions } from './language-access.ts';
import { draftMeetingRequest, type MeetingRequestOptions } from './meeting-request.ts';
import { draftOcrComplaintOutline } from './ocr-complaint-outline.ts';
import { draftPriorWrittenNoticeRequest, type PriorWrittenNoticeOptions } from './prior-written-notice.ts';
import { draftRecordsRequest, type RecordsRequestOptions } from './records-request.ts';
import { draftServiceLogQuestions, type ServiceLogQuestionsOptions } from './service-log-questions.ts';
import { draftServiceLogRequest, type ServiceLogRequestOptions } from './service-log-request.ts';
import { draftSpecificConcern, type SpecificConcernRequest } from './specific-concern.ts';
import { draftStateComplaint } from './state-complaint.ts';
import { draftThankYou, type ThankYouOptions } from './thank-you.ts';
import { assertAvailable, type Letter, type ReplyOption } from './writer.ts';

export type LetterRequest =
  | ({ kind: 'specific_concern' } & SpecificConcernRequest)
  | ({ kind: 'check_in' } & CheckInLetterOptions)
  | ({ kind: 'follow_up_unanswered' } & FollowUpUnansweredOptions)
  | ({ kind: 'follow_up_verbal'; communicationId: string } & ReplyOption)
  | ({ kind: 'thank_you' } & ThankYouOptions)
  | ({ kind: 'request_service_logs' } & ServiceLogRequestOptions)
  | ({ kind: 'request_iep_meeting' } & MeetingRequestOptions)
  | ({ kind: 'request_records' } & RecordsRequestOptions)
  | ({ kind: 'request_prior_written_notice' } & PriorWrittenNoticeOptions)
  | ({ kind: 'request_language_access' } & LanguageAccessOptions)
  | ({ kind: 'escalation' } & EscalationOptions)
  | { kind: 'state_complaint' }
  | { kind: 'ocr_complaint_outline' }
  | ({ kind: 'board_appeal' } & BoardAppealOptions)
  | ({ kind: 'service_log_questions' } & ServiceLogQuestionsOptions);

/**
 * The letter a request asks for, in `language` (English by default). A kind whose sentences are not all in
 * the letter catalog yet drafts in English only: asked for another language, it throws
 * LetterLanguageUnavailableError (code 'letter_language_unavailable'), after the plan's own checks.
 */
export function draftLetter(
  record: CaseRecord,
  request: LetterRequest,
  language: DraftLanguage = DEFAULT_DRAFT_LANGUAGE,
): Letter {
  if (language !== DEFAULT_DRAFT_LANGUAGE) {
    assertAvailable(record, request.kind);
    assertDraftLanguage(request.kind, language);
  }
  switch (request.kind) {
    case 'specific_concern':
      return draftSpecificConcern(record, request, language);
    case 'check_in':
      return draftCheckIn(record, request, language);
    case 'follow_up_unanswered':
      return draftFollowUpUnanswered(record, request, language);
    case 'follow_up_verbal':
      return draftFollowUpVerbal(record, request, language);
    case 'thank_you':
      return draftThankYou(record, request, language);
    case 'request_service_logs':
      return draftServiceLogRequest(record, request, language);
    case 'request_iep_meeting':
      return draftMeetingRequest(record, request, language);
    case 'request_records':
      return draftRecordsRequest(record, request, language);
    case 'request_prior_written_notice':
      return draftPriorWrittenNoticeRequest(record, request, language);
    case 'request_language_access':
      return draftLanguageAccessRequest(record, request, language);
    case 'escalation':
      return draftEscalation(record, request, language);
    case 'state_complaint':
      return draftStateComplaint(record, language);
    case 'ocr_complaint_outline':
      return draftOcrComplaintOutline(record, language);
    case 'board_appeal':
      assertAvailable(record, 'board_appeal');
      return draftBoardAppeal(record, request, language);
    case 'service_log_questions':
      return draftServiceLogQuestions(record, request, language);
  }
}
