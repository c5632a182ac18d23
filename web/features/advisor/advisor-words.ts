// Plain words for the advisor's answer (src/domain/advisor.ts): actions, how sure, urgency, and the
// settings a family may change, in the reader's language (the "advisor" part of the catalog). The
// defaults and ranges come from src/domain/advisor-settings.ts (plain data, the same the server
// validates with); the labels, notes and units are the catalog's.
import { ADVISOR_SETTING_SPECS, type AdvisorSettingName } from '../../../src/domain/advisor-settings.ts';
import type { Recommendation } from '../../api/types.ts';
import { localeFor, weekdayWords } from '../../components/dates.ts';
import { type MessageKey, type T, useLanguage, useT } from '../../i18n/i18n.tsx';

/** The advisor page's words: its messages and the locale for dates and numbers. */
export type AdvisorWords = {
  t: T;
  /** The locale to write dates and numbers in (`formatDay(iso, style, locale)`). */
  locale: string | undefined;
};

/** Loads the "advisor" part of the catalog, and the letters' names (the page waits for them). */
export function useAdvisorWords(): AdvisorWords {
  const t = useT('advisor', 'letters');
  const { language } = useLanguage();
  return { t, locale: localeFor(language) };
}

export const actionWords = (t: T, action: Recommendation['action']) => t('advisor.action', { action });

export const confidenceWords = (t: T, level: Recommendation['confidence']['level']) =>
  t('advisor.confidence', { level });

export const urgencyHeading = (t: T, urgency: Recommendation['urgency']) => ({
  title: t('advisor.urgency.title', { urgency }),
  hint: t('advisor.urgency.hint', { urgency }),
});

/** The unit a threshold is counted in (its words: `advisor.settings.unit`, `advisor.settings.value`). */
type Unit = 'schoolDays' | 'messages' | 'followUps' | 'threads' | 'days' | 'weeks' | 'times' | 'notes';

export type SettingMeta = {
  default: number;
  min: number;
  max: number;
  /** A share from 0 to 1, shown as a percentage. */
  share?: boolean;
  unit?: Unit;
};

/** The unit of each threshold, when it has one (a share is a percentage, the weekday a day's name). */
const SETTING_UNITS: Record<AdvisorSettingName, Unit | undefined> = {
  replySchoolDays: 'schoolDays',
  unansweredInThreadForSupervisor: 'messages',
  unansweredForEscalation: 'followUps',
  unansweredThreadsForMeeting: 'threads',
  verbalFollowUpLookbackDays: 'days',
  owedShareOverFourWeeks: undefined,
  minDeliveredShare: undefined,
  unloggedShareForLogRequest: undefined,
  minWeeksForMeeting: 'weeks',
  serviceStartSchoolDays: 'schoolDays',
  accommodationLapsesForMeeting: 'times',
  accommodationLapseWindowDays: 'days',
  newChallengesForMeeting: 'notes',
  newChallengeLookbackDays: 'days',
  concernLookbackDays: 'days',
  harmLookbackDays: 'days',
  reviewOverdueGraceDays: 'days',
  checkInQuietDays: 'days',
  weeklyCheckInWeekday: undefined,
  reminderHorizonDays: 'days',
  annualReviewLeadDays: 'days',
  reevaluationLeadDays: 'days',
};

/** Every threshold the family may change; all are product choices (docs/advisor-rules.md). */
export const SETTINGS: Record<AdvisorSettingName, SettingMeta> = Object.fromEntries(
  (Object.keys(ADVISOR_SETTING_SPECS) as AdvisorSettingName[]).map((name) => {
    const spec = ADVISOR_SETTING_SPECS[name];
    const unit = SETTING_UNITS[name];
    return [
      name,
      {
        default: spec.default,
        min: spec.min,
        max: spec.max,
        ...(spec.share ? { share: true } : {}),
        ...(unit ? { unit } : {}),
      },
    ];
  }),
) as Record<AdvisorSettingName, SettingMeta>;

/** How a threshold is named on the settings form ("Days to wait for a reply"). */
export const settingLabel = (t: T, name: AdvisorSettingName) =>
  t(`advisor.setting.${name}.label` as MessageKey);

/** What a threshold does, in plain words (the same as the domain's note, in the reader's language). */
export const settingNote = (t: T, name: AdvisorSettingName) =>
  t(`advisor.setting.${name}.note` as MessageKey);

/** The label of a threshold's field, with its unit: "Days to wait for a reply (school days)". */
export function settingFieldLabel(t: T, name: AdvisorSettingName): string {
  const meta = SETTINGS[name];
  const label = settingLabel(t, name);
  if (meta.share) return t('advisor.settings.labelPercent', { label });
  return meta.unit
    ? t('advisor.settings.labelUnit', { label, unit: t('advisor.settings.unit', { unit: meta.unit }) })
    : label;
}

export type SettingGroup = 'replies' | 'services' | 'accommodations' | 'noted' | 'checkins';

/** The settings form's sections; each titled by `advisor.settings.group`. */
export const SETTING_GROUPS: { group: SettingGroup; names: AdvisorSettingName[] }[] = [
  {
    group: 'replies',
    names: [
      'replySchoolDays',
      'unansweredInThreadForSupervisor',
      'unansweredForEscalation',
      'unansweredThreadsForMeeting',
      'verbalFollowUpLookbackDays',
    ],
  },
  {
    group: 'services',
    names: [
      'owedShareOverFourWeeks',
      'minDeliveredShare',
      'minWeeksForMeeting',
      'unloggedShareForLogRequest',
      'serviceStartSchoolDays',
    ],
  },
  { group: 'accommodations', names: ['accommodationLapsesForMeeting', 'accommodationLapseWindowDays'] },
  {
    group: 'noted',
    names: ['newChallengesForMeeting', 'newChallengeLookbackDays', 'concernLookbackDays', 'harmLookbackDays'],
  },
  {
    group: 'checkins',
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

/** A setting's value in words, in the reader's language: "25%", "5 school days", "Friday". */
export function settingValueWords(
  { t, locale }: AdvisorWords,
  name: AdvisorSettingName,
  value: number,
): string {
  const meta = SETTINGS[name];
  if (meta.share)
    return new Intl.NumberFormat(locale ?? undefined, { style: 'percent' }).format(
      Math.round(value * 100) / 100,
    );
  if (name === 'weeklyCheckInWeekday') return weekdayWords(value, locale);
  return meta.unit ? t('advisor.settings.value', { unit: meta.unit, value }) : String(value);
}
