// The advisor's thresholds: every one is a product choice (docs/advisor-rules.md: no source sets a number),
// shown as such, with its default and range, and adjustable per household. Plain data with no
// imports, so the web app's settings form reads the same specs the server validates with.

export type AdvisorSettingSpec = {
  /** What the setting means, in plain words (settings page, docs/advisor-rules.md). */
  note: string;
  default: number;
  min: number;
  max: number;
  /** A share from 0 to 1 (shown as a percentage); otherwise a whole number. */
  share: boolean;
};

export const ADVISOR_SETTING_SPECS = {
  replySchoolDays: {
    note: 'School days you give the school to reply to a message you send.',
    default: 5,
    min: 1,
    max: 30,
    share: false,
  },
  unansweredInThreadForSupervisor: {
    note: 'Messages in one thread with no reply (your first and your follow-up) before suggesting you copy the case manager’s supervisor.',
    default: 2,
    min: 2,
    max: 10,
    share: false,
  },
  unansweredForEscalation: {
    note: 'Follow-ups with no reply, across all threads, before suggesting you escalate up the ladder.',
    default: 2,
    min: 1,
    max: 20,
    share: false,
  },
  unansweredThreadsForMeeting: {
    note: 'Separate threads waiting past their reply date at the same time before calling it a communication breakdown and suggesting a meeting.',
    default: 3,
    min: 1,
    max: 20,
    share: false,
  },
  verbalFollowUpLookbackDays: {
    note: 'How many days back a call or meeting with no written summary is still worth summarizing.',
    default: 30,
    min: 1,
    max: 365,
    share: false,
  },
  owedShareOverFourWeeks: {
    note: 'Share of a service’s required minutes owed (missed for the school’s reasons) over the last four full weeks that suggests a meeting.',
    default: 0.25,
    min: 0,
    max: 1,
    share: true,
  },
  minDeliveredShare: {
    note: 'Share of a service’s required minutes delivered over the last four full weeks below which a meeting is suggested.',
    default: 0.75,
    min: 0,
    max: 1,
    share: true,
  },
  unloggedShareForLogRequest: {
    note: 'Share of a service’s required minutes with no record at all before suggesting you ask for the service logs.',
    default: 0.25,
    min: 0,
    max: 1,
    share: true,
  },
  minWeeksForMeeting: {
    note: 'Weeks with required minutes, of the last four full weeks, before a service’s shortfall suggests a meeting. Before that (and before you have asked the provider or case manager to make up the sessions), As Written suggests the make-up request.',
    default: 3,
    min: 1,
    max: 4,
    share: false,
  },
  serviceStartSchoolDays: {
    note: 'School days after a service’s start date before a service never delivered is escalated (Illinois sets 10 by rule; elsewhere this setting applies).',
    default: 10,
    min: 1,
    max: 60,
    share: false,
  },
  accommodationLapsesForMeeting: {
    note: 'Times an accommodation was noted as not given, or only partly, within the window below, before suggesting a meeting.',
    default: 3,
    min: 1,
    max: 50,
    share: false,
  },
  accommodationLapseWindowDays: {
    note: 'The window, in days, for counting accommodation lapses.',
    default: 30,
    min: 1,
    max: 365,
    share: false,
  },
  newChallengesForMeeting: {
    note: 'New challenges you noted, within the window below, before suggesting a meeting.',
    default: 1,
    min: 1,
    max: 20,
    share: false,
  },
  newChallengeLookbackDays: {
    note: 'How many days back a new challenge you noted counts.',
    default: 30,
    min: 1,
    max: 365,
    share: false,
  },
  concernLookbackDays: {
    note: 'How many days back a concern you noted is offered as a letter.',
    default: 30,
    min: 1,
    max: 365,
    share: false,
  },
  harmLookbackDays: {
    note: 'How many days back a note that your child was harmed is escalated.',
    default: 60,
    min: 1,
    max: 365,
    share: false,
  },
  reviewOverdueGraceDays: {
    note: 'Days after the annual review or reevaluation date in your plan during which As Written suggests asking the case manager for the date, before it treats the review as overdue.',
    default: 30,
    min: 1,
    max: 180,
    share: false,
  },
  checkInQuietDays: {
    note: 'Days without a message from you to the school before suggesting a check-in.',
    default: 21,
    min: 1,
    max: 120,
    share: false,
  },
  weeklyCheckInWeekday: {
    note: 'Day of the week for the weekly check-in reminder (1 = Monday ... 7 = Sunday).',
    default: 5,
    min: 1,
    max: 7,
    share: false,
  },
  reminderHorizonDays: {
    note: 'How many days ahead weekly check-in reminders are listed.',
    default: 28,
    min: 7,
    max: 365,
    share: false,
  },
  annualReviewLeadDays: {
    note: 'Days before the annual review to remind you to prepare.',
    default: 30,
    min: 0,
    max: 180,
    share: false,
  },
  reevaluationLeadDays: {
    note: 'Days before a reevaluation is due to remind you.',
    default: 60,
    min: 0,
    max: 365,
    share: false,
  },
} as const satisfies Record<string, AdvisorSettingSpec>;

export type AdvisorSettingName = keyof typeof ADVISOR_SETTING_SPECS;

/**
 * Product choice: the advisor page shows this many recommendations, most urgent first, with "more" to
 * see the rest, so a long list never buries what matters most.
 */
export const RECOMMENDATIONS_SHOWN = 5;
