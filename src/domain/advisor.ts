// The advisor: rules over a child's whole case record that say what to do next, and by when.
//
// It follows the playbook docs/advisor-rules.md describes: document, communicate (specific, never
// accusing), follow up verbal talks in writing, check in mid-term, call a meeting when services are not
// delivered or communication breaks down, and escalate when emails go unanswered or something is clearly
// wrong. Each recommendation says why in plain words with the numbers, lists the entries behind it, cites
// its rule (or says it is a product choice), says how sure it is, names the letter to draft, the step of
// the jurisdiction's ladder, and the deadlines that apply.
//
// Pure: no I/O and no clock (`record.asOf` is "today"). Thresholds are product choices, adjustable per
// household (AdvisorSettings); only the numbers of src/domain/legal-sources.ts (docs/legal-sources.md) are
// cited, through the jurisdiction profile, so an IDEA citation can never reach a 504 plan and a US step
// can never reach a Canadian plan. The full list of rules is in docs/advisor-rules.md.
//
// This is the public face of src/domain/advisor/: the settings, the recommendation, one file per family of
// rules (communication, services, accommodations, patterns and goals, parent notes, the plan's dates),
// `advise` that runs them, and the reminders.

export { advise } from './advisor/advise.ts';
export {
  ADVISOR_RULES,
  type AdvisorAction,
  type AdvisorRule,
  COMMUNICATION_SUBJECT,
  type ConfidenceLevel,
  type LetterKind,
  type Recommendation,
  type RecommendationDeadline,
  type ThresholdUsed,
  type Urgency,
} from './advisor/recommendation.ts';
export { type Reminder, type ReminderKind, reminders } from './advisor/reminders.ts';
export {
  ADVISOR_SETTING_NOTES,
  AdvisorSettings,
  DEFAULT_ADVISOR_SETTINGS,
  resolveAdvisorSettings,
  SERVICE_REVIEW_WEEKS,
} from './advisor/settings.ts';
export { FILING_WINDOWS_SENTENCE, oldestComplaintFact } from './advisor/timelines.ts';
export { type AdvisorSettingName, RECOMMENDATIONS_SHOWN } from './advisor-settings.ts';
