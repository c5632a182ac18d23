import { type AdvisorSettings, advise, reminders, resolveAdvisorSettings } from '../../domain/advisor.ts';
import type { Store } from '../../store/database.ts';
import { gatherCaseRecord } from './case-record.ts';
import { loadSettings } from './household-settings.ts';

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

export async function adviceForChild(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  parent: { name: string; email: string | null },
) {
  const record = await gatherCaseRecord(store, householdId, childId, asOf, parent);
  const settings = await effectiveAdvisorSettings(store, householdId);
  return {
    childId,
    asOf,
    planKind: record.plan?.kind ?? null,
    jurisdiction: record.plan?.jurisdiction ?? null,
    settings,
    recommendations: advise(record, settings),
    reminders: reminders(record, settings),
  };
}
