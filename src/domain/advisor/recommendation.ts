// What the advisor says: a recommendation with its rule, action, urgency, reason, citation, deadlines and
// the letter to draft.

import type { Basis, LadderLetterKind, LadderStep } from '../jurisdictions.ts';

export type AdvisorAction =
  | 'request_makeup'
  | 'follow_up'
  | 'follow_up_supervisor'
  | 'write_follow_up'
  | 'call_iep_meeting'
  | 'escalate'
  | 'request_logs'
  | 'check_in';

/** The letter to draft, by the letter writer's name for it (src/domain/letters.ts). */
export type LetterKind =
  | 'follow_up_unanswered'
  | 'follow_up_verbal'
  | 'request_iep_meeting'
  | 'specific_concern'
  | 'request_service_logs'
  | 'check_in'
  | LadderLetterKind;

export const ADVISOR_RULES = {
  replyOverdue: 'reply_overdue',
  replyOverdueAfterFollowUp: 'reply_overdue_after_follow_up',
  unansweredAfterFollowUps: 'unanswered_after_follow_ups',
  communicationBreakdown: 'communication_breakdown',
  verbalWithoutFollowUp: 'verbal_without_written_follow_up',
  serviceMakeupRequest: 'service_makeup_request',
  serviceShortfall: 'service_shortfall',
  serviceShortfallEscalation: 'service_shortfall_escalation',
  serviceUnlogged: 'service_unlogged',
  serviceNotStarted: 'service_not_started',
  serviceOwedEarlierPlan: 'service_owed_earlier_plan',
  accommodationLapses: 'accommodation_lapses',
  patternConcern: 'pattern_concern',
  sourcesDisagree: 'sources_disagree',
  goalNoProgress: 'goal_no_progress',
  goalMetEarly: 'goal_met_early',
  goalNoData: 'goal_no_data',
  newChallenges: 'new_challenges',
  parentConcern: 'parent_concern',
  harmNoted: 'harm_noted',
  annualReviewAskDate: 'annual_review_ask_date',
  annualReviewOverdue: 'annual_review_overdue',
  reevaluationAskDate: 'reevaluation_ask_date',
  reevaluationOverdue: 'reevaluation_overdue',
  noRecentCheckIn: 'no_recent_check_in',
  serviceLogsNotReceived: 'service_logs_not_received',
} as const;

export type AdvisorRule = (typeof ADVISOR_RULES)[keyof typeof ADVISOR_RULES];

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export type Urgency = 'high' | 'normal' | 'low';

export type RecommendationDeadline = {
  label: string;
  date: string;
  citation: Basis;
  /**
   * Which filing window this is (the timeline, and whether counted from the earliest or the last
   * date): one merged card shows each window once, at its earliest date. Internal: `advise` drops it.
   */
  window?: string;
};

/** A number a rule compared against, and where it comes from (a regulation, or a product choice). */
export type ThresholdUsed = { name: string; value: number; basis: Basis };

export type Recommendation = {
  /** Stable across runs: the rule and the subject, so a dismissed recommendation stays dismissed. */
  id: string;
  rule: AdvisorRule;
  action: AdvisorAction;
  urgency: Urgency;
  /** What it is about: a message thread's first message, a service, an accommodation, a goal, a note, the plan. */
  subjectId: string;
  title: string;
  reason: string;
  /** The records behind it (communications, session entries, observations, goal points, notes). */
  entryIds: string[];
  citation: Basis;
  thresholds: ThresholdUsed[];
  confidence: { level: ConfidenceLevel; why: string };
  deadlines: RecommendationDeadline[];
  letterKind: LetterKind;
  /** The step of the jurisdiction's ladder this action reaches; null when the record has no plan yet. */
  ladderStep: LadderStep | null;
  /** Team contacts to address (or copy). */
  contactIds: string[];
  /**
   * Other recommendations this one covers (one meeting request covers every reason for a meeting):
   * their ids, rules and titles. Absent or empty when it covers none.
   */
  alsoCovers?: { id: string; rule: AdvisorRule; title: string }[];
};

/** Subject of recommendations about communication as a whole. */
export const COMMUNICATION_SUBJECT = 'communication';
