import type { Recommendation } from '../../domain/advisor/recommendation.ts';
import { adviceLanguage } from '../../domain/advisor/words.ts';
import { type AdvisorSettings, advise, reminders, resolveAdvisorSettings } from '../../domain/advisor.ts';
import type { CaseRecord } from '../../domain/case-record.ts';
import type { Store } from '../../store/database.ts';
import { gatherCaseRecord } from './case-record.ts';
import { loadSettings } from './household-settings.ts';
import { settled } from './settled.ts';

// The advisor for one child on a day: what to do next (follow up, write a summary of a call, call
// an IEP meeting, escalate), each with its reason, the entries behind it, its citation or product
// choice, its deadlines and the letter to send; and the reminders coming up.

export async function effectiveAdvisorSettings(store: Store, householdId: string): Promise<AdvisorSettings> {
  const stored = await loadSettings(store.db, householdId);
  return resolveAdvisorSettings({
    ...(stored.advisor as Partial<AdvisorSettings>),
    replySchoolDays: stored.replySchoolDays,
  });
}

/** Whose advice, on which day, for whom, in which language: the case record's own arguments. */
type AdviceArgs = Parameters<typeof gatherCaseRecord>;

/** The child's case record on the day and the household's advisor settings, read side by side. */
async function recordAndSettings(...args: AdviceArgs) {
  const [store, householdId] = args;
  // The findings the advisor quotes are gathered in the reader's language too.
  // Asked for together, taken in order (settled.ts).
  const [recordRead, settingsRead] = await Promise.allSettled([
    gatherCaseRecord(...args),
    effectiveAdvisorSettings(store, householdId),
  ]);
  return { record: settled(recordRead), settings: settled(settingsRead) };
}

async function adviceAndRecord(...args: AdviceArgs) {
  const [, , childId, asOf, , language = 'en'] = args;
  const { record, settings } = await recordAndSettings(...args);
  const advice = {
    childId,
    asOf,
    planKind: record.plan?.kind ?? null,
    jurisdiction: record.plan?.jurisdiction ?? null,
    settings,
    recommendations: advise(record, settings, adviceLanguage(language)),
    reminders: reminders(record, settings),
  };
  return { advice, record };
}

/**
 * The recommendations alone, as the Advisor screen words them in `language`: what the caseload counts
 * and takes its deadlines from, without the reminders and the entries' sources it does not show.
 */
export async function recommendationsOf(...args: AdviceArgs): Promise<Recommendation[]> {
  const { record, settings } = await recordAndSettings(...args);
  return advise(record, settings, adviceLanguage(args[5] ?? 'en'));
}

export async function adviceForChild(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  parent: { name: string; email: string | null },
) {
  return (await adviceAndRecord(store, householdId, childId, asOf, parent)).advice;
}

/**
 * Which of a recommendation's entries are messages (and which of those the family sent) and which
 * are the family's own notes: what the Advisor screen links to and which message a follow-up letter
 * answers. Worked out here, from the record the advice was made from, so the screen never has to
 * load every message of the child (a household with thousands of imported emails).
 */
export function entrySourcesOf(
  rec: Recommendation,
  record: Pick<CaseRecord, 'communications' | 'parentNotes'>,
) {
  const messages = new Map(record.communications.map((c) => [c.id, c]));
  const notes = new Set(record.parentNotes.map((n) => n.id));
  const inMessages = rec.entryIds.filter((id) => messages.has(id));
  return {
    messages: inMessages.length,
    notes: rec.entryIds.filter((id) => notes.has(id)).length,
    sentMessageIds: inMessages.filter((id) => messages.get(id)?.direction === 'sent'),
  };
}

/**
 * The advice the Advisor screen shows: each recommendation with where its entries are kept, its
 * sentences in the reader's language (English unless `language` is Spanish; the fields are the same).
 */
export async function adviceForScreen(...args: AdviceArgs) {
  const { advice, record } = await adviceAndRecord(...args);
  return {
    ...advice,
    recommendations: advice.recommendations.map((rec) => ({ ...rec, entries: entrySourcesOf(rec, record) })),
  };
}
