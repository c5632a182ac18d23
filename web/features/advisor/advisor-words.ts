// Plain words for the advisor's answer (src/domain/advisor.ts): actions, how sure, urgency, and the
// settings a family may change. The notes, defaults and ranges come from src/domain/advisor-settings.ts
// (plain data, the same the server validates with); only the labels and units are the web app's.
import { ADVISOR_SETTING_SPECS, type AdvisorSettingName } from '../../../src/domain/advisor-settings.ts';
import type { Recommendation } from '../../api/types.ts';
import { weekdayWords } from '../../components/dates.ts';

export const ACTION_WORDS: Record<Recommendation['action'], string> = {
  escalate: 'Ask someone who can help',
  call_iep_meeting: 'Ask for a meeting',
  follow_up_supervisor: 'Follow up, copying the next person up',
  request_makeup: 'Ask for the sessions to be made up',
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

/** How each threshold is named on the settings form; the rest (note, default, range) is the domain's. */
const SETTING_WORDS: Record<AdvisorSettingName, { label: string; unit?: string }> = {
  replySchoolDays: { label: 'Days to wait for a reply', unit: 'school days' },
  unansweredInThreadForSupervisor: {
    label: 'Unanswered messages before copying a supervisor',
    unit: 'messages',
  },
  unansweredForEscalation: { label: 'Unanswered follow-ups before escalating', unit: 'follow-ups' },
  unansweredThreadsForMeeting: { label: 'Late conversations before suggesting a meeting', unit: 'threads' },
  verbalFollowUpLookbackDays: { label: 'Calls and meetings worth summarizing', unit: 'days' },
  owedShareOverFourWeeks: { label: 'Minutes owed before suggesting a meeting' },
  minDeliveredShare: { label: 'Minutes delivered below which to suggest a meeting' },
  unloggedShareForLogRequest: { label: 'Minutes with no record before asking for the logs' },
  minWeeksForMeeting: { label: 'Weeks of evidence before suggesting a meeting', unit: 'weeks' },
  serviceStartSchoolDays: { label: 'School days for a service to start', unit: 'school days' },
  accommodationLapsesForMeeting: {
    label: 'Missed accommodations before suggesting a meeting',
    unit: 'times',
  },
  accommodationLapseWindowDays: { label: 'Window for counting missed accommodations', unit: 'days' },
  newChallengesForMeeting: { label: 'New challenges before suggesting a meeting', unit: 'notes' },
  newChallengeLookbackDays: { label: 'Window for new challenges', unit: 'days' },
  concernLookbackDays: { label: 'Window for concerns', unit: 'days' },
  harmLookbackDays: { label: 'Window for harm you noted', unit: 'days' },
  reviewOverdueGraceDays: { label: 'Days to ask for a late review’s date', unit: 'days' },
  checkInQuietDays: { label: 'Quiet days before suggesting a check-in', unit: 'days' },
  weeklyCheckInWeekday: { label: 'Day of the weekly check-in reminder' },
  reminderHorizonDays: { label: 'How far ahead to list check-in reminders', unit: 'days' },
  annualReviewLeadDays: { label: 'Reminder before the annual review', unit: 'days' },
  reevaluationLeadDays: { label: 'Reminder before a reevaluation', unit: 'days' },
};

/** Every threshold the family may change; all are product choices (docs/advisor-rules.md). */
export const SETTINGS: Record<AdvisorSettingName, SettingMeta> = Object.fromEntries(
  (Object.keys(ADVISOR_SETTING_SPECS) as AdvisorSettingName[]).map((name) => {
    const spec = ADVISOR_SETTING_SPECS[name];
    return [
      name,
      {
        ...SETTING_WORDS[name],
        note: spec.note,
        default: spec.default,
        min: spec.min,
        max: spec.max,
        ...(spec.share ? { share: true } : {}),
      },
    ];
  }),
) as Record<AdvisorSettingName, SettingMeta>;

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
      'minWeeksForMeeting',
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
      'reviewOverdueGraceDays',
    ],
  },
];

/** A setting's value in words: "25%", "5 school days", "Friday". */
export function settingValueWords(name: AdvisorSettingName, value: number): string {
  const meta = SETTINGS[name];
  if (meta.share) return `${Math.round(value * 100)}%`;
  if (name === 'weeklyCheckInWeekday') return weekdayWords(value);
  return meta.unit ? `${value} ${meta.unit}` : String(value);
}
