import {
  NO_SCHEDULE,
  type ScheduleOf,
  type SessionOccurrence,
  type SessionOccurrenceResult,
  scheduleFromTerms,
  sessionOccurrences,
} from '../../domain/occurrences.ts';
import type { Db } from '../../store/repository.ts';
import type { SessionEntryRow } from '../../store/schema.ts';
import { type ServiceWithPlan, servicesWithPlan } from '../../store/services.repository.ts';
import type { LedgerEntryRow } from '../../store/session-entries.repository.ts';
import { type EntryStatement, entryStatement, loadServiceTerms } from './ledgers.ts';
import { loadCurrentEntries, loadCurrentLedgerEntries } from './session-corrections.ts';

// One session, one fact, for every reader of session entries that is not the ledger itself (the week's
// summary, the patterns, the check-in questions, the case record behind letters and the advisor, the
// report, the CSV): the entries in force (corrections resolved), grouped into occurrences by the same
// rule the ledger applies (src/domain/occurrences.ts), with each service's schedule from its plan's
// versions. A reader counts `counted` (one entry per session) and shows `occurrences` for disagreements.

export type LoadedSessionOccurrences<R = SessionEntryRow> = SessionOccurrenceResult<EntryStatement<R>> & {
  /** The entries in force in the scope (corrections resolved, voids left out), date then id order. */
  current: R[];
  /** The counted rows (one per session, then make-ups), in the same order. */
  countedRows: R[];
};

/** How many sessions each of a child's services schedules on a day, from the plan's versions. */
export async function loadSchedules(
  db: Db,
  householdId: string,
  childId: string,
  /** Every service of the child, when the caller has read them already (`servicesWithPlan`). */
  known?: readonly ServiceWithPlan[],
): Promise<ScheduleOf> {
  const services = known ?? (await servicesWithPlan(db, householdId, { childId }));
  const terms = await loadServiceTerms(db, householdId, services);
  const byService = new Map<string, (date: string) => ReturnType<ScheduleOf>>();
  for (const s of services) byService.set(s.id, scheduleFromTerms(terms.get(s.id)!));
  return (serviceId, date) => byService.get(serviceId)?.(date) ?? NO_SCHEDULE;
}

/**
 * A child's session entries in force over a date range (both ends optional), grouped into occurrences.
 * Every correction is read whatever its date (loadCurrentEntries), so an entry moved to another date
 * counts on its corrected date only.
 */
export async function loadSessionOccurrences(
  db: Db,
  householdId: string,
  scope: { childId: string; serviceIds?: readonly string[]; from?: string; to?: string; kind?: string },
  /** Every service of the child, when the caller has read them already (`servicesWithPlan`). */
  known: { services?: readonly ServiceWithPlan[] } = {},
): Promise<LoadedSessionOccurrences> {
  return occurrencesOf(
    db,
    householdId,
    scope.childId,
    await loadCurrentEntries(db, householdId, scope),
    known,
  );
}

/**
 * `loadSessionOccurrences` with only the ledger's columns of each entry (id, service, date, kind, status,
 * minutes, reason, source and the rest the ledger reads; no note): for a reader that shows no more, as
 * the home screen.
 */
export async function loadLedgerSessionOccurrences(
  db: Db,
  householdId: string,
  scope: { childId: string; serviceIds?: readonly string[]; from?: string; to?: string; kind?: string },
  known: { services?: readonly ServiceWithPlan[] } = {},
): Promise<LoadedSessionOccurrences<LedgerEntryRow>> {
  return occurrencesOf(
    db,
    householdId,
    scope.childId,
    await loadCurrentLedgerEntries(db, householdId, scope),
    known,
  );
}

/** The entries in force, grouped into occurrences by each service's schedule. */
async function occurrencesOf<R extends LedgerEntryRow>(
  db: Db,
  householdId: string,
  childId: string,
  current: R[],
  known: { services?: readonly ServiceWithPlan[] },
): Promise<LoadedSessionOccurrences<R>> {
  const scheduleOf = current.some((r) => r.kind === 'scheduled')
    ? await loadSchedules(db, householdId, childId, known.services)
    : () => NO_SCHEDULE;
  const result = sessionOccurrences(current.map(entryStatement), scheduleOf);
  return { ...result, current, countedRows: result.counted.map((s) => s.row) };
}

/** Whether an entry in force counts, or why not: another entry about the same session counts. */
export type CountedState =
  | { counted: true }
  /** A later entry from the same source about this session replaces it. */
  | { counted: false; replacedBySameSource: true }
  /** Another source's entry about this session counts (by the one-occurrence rule). */
  | { counted: false; countsInstead: string };

export function countedState(
  loaded: Pick<LoadedSessionOccurrences, 'setAside'>,
  entryId: string,
): CountedState {
  const occurrence: SessionOccurrence<EntryStatement> | undefined = loaded.setAside.get(entryId);
  if (!occurrence) return { counted: true };
  const own = occurrence.statements.some((s) => s.id === entryId)
    ? null
    : occurrence.superseded.find((s) => s.id === entryId);
  if (own) return { counted: false, replacedBySameSource: true };
  return { counted: false, countsInstead: occurrence.counted.source };
}
