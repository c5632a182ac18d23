// Plain words for the advisor's answer (src/domain/advisor.ts): actions, how sure, urgency, and the
// settings a family may change. The notes, defaults and ranges are those of AdvisorSettings and
// ADVISOR_SETTING_NOTES; the module itself is not imported because it builds zod schemas at load time,
// which would pull zod into the browser bundle. The Record types keep the keys in step with the domain.
import type { AdvisorSettingName, Recommendation } from '../../api/types.ts';

export const ACTION_WORDS: Record<Recommendation['action'], string> = {
  escalate: 'Ask someone who can help',
  call_iep_meeting: 'Ask for a meeting',
  follow_up_supervisor: 'Follow up, copying the next person up',
  follow_up: 'Follow up',
  write_follow_up: 'Put it in writing',
  request_logs: 'Ask for the records',
  check_in: 'Check in',
};

export const CONFIDENCE_WORDS: Record<Recommendation['confidence']['level'], string> = {
  high: 'As Written is sure of this',
  medium: 'Probably, but worth checking',
  low: 'Not sure: check first',
};

export const URGENCY_HEADINGS: Record<Recommendation['urgency'], { title: string; hint: string }> = {
  high: { title: 'Do this first', hint: 'Your child may be affected now.' },
  normal: { title: 'What to do next', hint: 'Each one comes with a letter As Written can draft.' },
  low: { title: 'When you have a moment', hint: 'Small things that keep everyone in touch.' },
};

export type SettingMeta = {
  label: string;
  note: string;
  default: number;
  min: number;
  max: number;
  /** A share from 0 to 1, shown as a percentage. */
  share?: boolean;
  unit?: string;
};

/** Every threshold the family may change; all are product choices (docs/advisor-rules.md). */
export const SETTINGS: Record<AdvisorSettingName, SettingMeta> = {
  replySchoolDays: {
    label: 'Days to wait for a reply',
    note: 'School days you give the school to reply to a message you send.',
    default: 5,
    min: 1,
    max: 30,
    unit: 'school days',
  },
  unansweredInThreadForSupervisor: {
    label: 'Unanswered messages before copying a supervisor',
    note: 'Messages in one thread with no reply (your first and your follow-up) before suggesting you copy the case manager’s supervisor.',
    default: 2,
    min: 2,
    max: 10,
    unit: 'messages',
  },
  unansweredForEscalation: {
    label: 'Unanswered follow-ups before escalating',
    note: 'Follow-ups with no reply, across all threads, before suggesting you escalate up the ladder.',
    default: 2,
    min: 1,
    max: 20,
    unit: 'follow-ups',
  },
  unansweredThreadsForMeeting: {
    label: 'Late conversations before suggesting a meeting',
    note: 'Separate threads waiting past their reply date at the same time before calling it a communication breakdown and suggesting a meeting.',
    default: 3,
    min: 1,
    max: 20,
    unit: 'threads',
  },
  verbalFollowUpLookbackDays: {
    label: 'Calls and meetings worth summarizing',
    note: 'How many days back a call or meeting with no written summary is still worth summarizing.',
    default: 30,
    min: 1,
    max: 365,
    unit: 'days',
  },
  owedShareOverFourWeeks: {
    label: 'Minutes owed before suggesting a meeting',
    note: 'Share of a service’s required minutes owed (missed for the school’s reasons) over the last four full weeks that suggests a meeting.',
    default: 0.25,
    min: 0,
    max: 1,
    share: true,
  },
  minDeliveredShare: {
    label: 'Minutes delivered below which to suggest a meeting',
    note: 'Share of a service’s required minutes delivered over the last four full weeks below which a meeting is suggested.',
    default: 0.75,
    min: 0,
    max: 1,
    share: true,
  },
  unloggedShareForLogRequest: {
    label: 'Minutes with no record before asking for the logs',
    note: 'Share of a service’s required minutes with no record at all before suggesting you ask for the service logs.',
    default: 0.25,
    min: 0,
    max: 1,
    share: true,
  },
  serviceStartSchoolDays: {
    label: 'School days for a service to start',
    note: 'School days after a service’s start date before a service never delivered is escalated (Illinois sets 10 by rule; elsewhere this setting applies).',
    default: 10,
    min: 1,
    max: 60,
    unit: 'school days',
  },
  accommodationLapsesForMeeting: {
    label: 'Missed accommodations before suggesting a meeting',
    note: 'Times an accommodation was noted as not given, or only partly, within the window below, before suggesting a meeting.',
    default: 3,
    min: 1,
    max: 50,
    unit: 'times',
  },
  accommodationLapseWindowDays: {
    label: 'Window for counting missed accommodations',
    note: 'The window, in days, for counting accommodation lapses.',
    default: 30,
    min: 1,
    max: 365,
    unit: 'days',
  },
  newChallengesForMeeting: {
    label: 'New challenges before suggesting a meeting',
    note: 'New challenges you noted, within the window below, before suggesting a meeting.',
    default: 1,
    min: 1,
    max: 20,
    unit: 'notes',
  },
  newChallengeLookbackDays: {
    label: 'Window for new challenges',
    note: 'How many days back a new challenge you noted counts.',
    default: 30,
    min: 1,
    max: 365,
    unit: 'days',
  },
  concernLookbackDays: {
    label: 'Window for concerns',
    note: 'How many days back a concern you noted is offered as a letter.',
    default: 30,
    min: 1,
    max: 365,
    unit: 'days',
  },
  harmLookbackDays: {
    label: 'Window for harm you noted',
    note: 'How many days back a note that your child was harmed is escalated.',
    default: 60,
    min: 1,
    max: 365,
    unit: 'days',
  },
  checkInQuietDays: {
    label: 'Quiet days before suggesting a check-in',
    note: 'Days without a message from you to the school before suggesting a check-in.',
    default: 21,
    min: 1,
    max: 120,
    unit: 'days',
  },
  weeklyCheckInWeekday: {
    label: 'Day of the weekly check-in reminder',
    note: 'Day of the week for the weekly check-in reminder (1 = Monday ... 7 = Sunday).',
    default: 5,
    min: 1,
    max: 7,
  },
  reminderHorizonDays: {
    label: 'How far ahead to list check-in reminders',
    note: 'How many days ahead weekly check-in reminders are listed.',
    default: 28,
    min: 7,
    max: 365,
    unit: 'days',
  },
  annualReviewLeadDays: {
    label: 'Reminder before the annual review',
    note: 'Days before the annual review to remind you to prepare.',
    default: 30,
    min: 0,
    max: 180,
    unit: 'days',
  },
  reevaluationLeadDays: {
    label: 'Reminder before a reevaluation',
    note: 'Days before a reevaluation is due to remind you.',
    default: 60,
    min: 0,
    max: 365,
    unit: 'days',
  },
};

export const SETTING_GROUPS: { title: string; names: AdvisorSettingName[] }[] = [
  {
    title: 'Replies and follow-ups',
    names: [
      'replySchoolDays',
      'unansweredInThreadForSupervisor',
      'unansweredForEscalation',
      'unansweredThreadsForMeeting',
      'verbalFollowUpLookbackDays',
    ],
  },
  {
    title: 'Services',
    names: [
      'owedShareOverFourWeeks',
      'minDeliveredShare',
      'unloggedShareForLogRequest',
      'serviceStartSchoolDays',
    ],
  },
  { title: 'Accommodations', names: ['accommodationLapsesForMeeting', 'accommodationLapseWindowDays'] },
  {
    title: 'What you noted',
    names: ['newChallengesForMeeting', 'newChallengeLookbackDays', 'concernLookbackDays', 'harmLookbackDays'],
  },
  {
    title: 'Check-ins and reminders',
    names: [
      'checkInQuietDays',
      'weeklyCheckInWeekday',
      'reminderHorizonDays',
      'annualReviewLeadDays',
      'reevaluationLeadDays',
    ],
  },
];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A setting's value in words: "25%", "5 school days", "Friday". */
export function settingValueWords(name: AdvisorSettingName, value: number): string {
  const meta = SETTINGS[name];
  if (meta.share) return `${Math.round(value * 100)}%`;
  if (name === 'weeklyCheckInWeekday') return WEEKDAYS[value - 1] ?? String(value);
  return meta.unit ? `${value} ${meta.unit}` : String(value);
}
