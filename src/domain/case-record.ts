import type { Communication } from './communications.ts';
import type { Finding } from './implementation-patterns.ts';
import { type AccommodationOccurrence, accommodationOccurrences } from './occurrences.ts';

// Everything the letter writer and the advisor read about one child, gathered by the server from
// the store (src/server/services/case-record.ts) and passed in whole: the rules stay pure and are
// tested on small hand-written records.

export type CaseChild = {
  id: string;
  firstName: string;
  lastName: string | null;
  school: string | null;
  grade: string | null;
};

export type CasePlan = {
  id: string;
  kind: 'iep' | '504';
  jurisdiction: { country: 'US' | 'CA'; region: string | null };
  title: string | null;
  effectiveFrom: string;
  effectiveTo: string;
};

export type CaseContact = { id: string; name: string; role: string; email: string | null };

/**
 * A session the ledger counts as missed or short (one per session, however many sources logged it),
 * with the ledger's classification of its gap: owed (the school's to make up), excused (not owed: the
 * child was absent or refused) or pending (reason not yet known). Letters list only what is owed and
 * not yet made up (`owedMissesToList`).
 */
export type CaseSessionMiss = {
  entryId: string;
  date: string;
  reason: string | null;
  /** The minutes the session fell short by. */
  minutes: number;
  responsibility: 'owed' | 'excused' | 'pending';
  /** Of an owed miss, the minutes make-ups have not cured yet (0 once made up); 0 when not owed. */
  owedRemainingMinutes: number;
};

/** One service, with its ledger figures over the window the caller chose. */
export type CaseService = {
  id: string;
  name: string;
  /** The IEP's own words for the service ("Speech-language therapy, 30 minutes 2 times per week"). */
  sourceText: string | null;
  providerRole: string | null;
  startDate: string;
  endDate: string;
  /** The first session logged as delivered, if any (for "not started within N school days"). */
  firstDeliveredDate: string | null;
  ledger: {
    from: string;
    to: string;
    requiredMinutes: number;
    deliveredMinutes: number;
    owedMinutes: number;
    /** Owed minutes not yet made up. */
    owedBalanceMinutes: number;
    makeupMinutes: number;
    unloggedMinutes: number;
    percentDelivered: number | null;
    misses: CaseSessionMiss[];
  };
  /** The same figures week by week (Monday starts), oldest first. */
  weeks: {
    start: string;
    requiredMinutes: number;
    deliveredMinutes: number;
    owedMinutes: number;
    entryIds: string[];
  }[];
};

export type CaseObservation = {
  /** The observation's id, or the work sample's id for a work sample's accommodation check. */
  id: string;
  /** An observation (the default), or a work sample's accommodation check. */
  record?: 'observation' | 'work_sample';
  date: string;
  outcome: 'provided' | 'not_provided' | 'partly' | 'unknown';
  className: string | null;
  setting: string | null;
  teacherKind: string;
  source: string;
  note: string | null;
};

/** An accommodation with every record about it: observations and work samples' accommodation checks. */
export type CaseAccommodation = { id: string; text: string; observations: CaseObservation[] };

/**
 * An accommodation's occurrences (one school day and class, however many records speak of it): what
 * every count of lapses and "N of M" in letters, the living IEP and the advisor counts.
 */
export function occurrencesOf(
  accommodation: CaseAccommodation,
): AccommodationOccurrence<CaseObservation & { accommodationId: string }>[] {
  return accommodationOccurrences(
    accommodation.observations.map((o) => ({ ...o, accommodationId: accommodation.id })),
  );
}

/** Sessions missed for a reason the school owes and not yet made up, closures apart (the letters' "missed" list). */
export function owedMissesToList(service: CaseService): CaseSessionMiss[] {
  return service.ledger.misses.filter(
    (m) => m.responsibility === 'owed' && m.owedRemainingMinutes > 0 && m.reason !== 'school_closed',
  );
}

/** Sessions lost to a school closure that are still owed (listed apart from misses, as closures). */
export function closureMissesToList(service: CaseService): CaseSessionMiss[] {
  return service.ledger.misses.filter(
    (m) => m.responsibility === 'owed' && m.owedRemainingMinutes > 0 && m.reason === 'school_closed',
  );
}

/** Misses whose reason is not yet known (pending): never the school's failure, at most a question. */
export function pendingMisses(service: CaseService): CaseSessionMiss[] {
  return service.ledger.misses.filter((m) => m.responsibility === 'pending');
}

export type CaseGoal = { id: string; area: string; text: string };

export type CaseKeyDate = { kind: string; date: string; label: string | null };

/** What the parent noted that is not an observation: a new challenge, a concern, harm to the child. */
export type CaseParentNote = {
  id: string;
  date: string;
  kind: 'new_challenge' | 'concern' | 'harm' | 'win';
  text: string;
};

export type CaseRecord = {
  asOf: string;
  child: CaseChild;
  /** The family member writing (for signatures). */
  parent: { name: string; email: string | null };
  plan: CasePlan | null;
  team: CaseContact[];
  services: CaseService[];
  accommodations: CaseAccommodation[];
  goals: CaseGoal[];
  /** Findings of the implementation patterns (src/domain/implementation-patterns.ts), incl. goal flags. */
  findings: Finding[];
  communications: Communication[];
  keyDates: CaseKeyDate[];
  parentNotes: CaseParentNote[];
  /** School days of the child's calendars (no weekends, holidays, breaks or closures). */
  isSchoolDay: (date: string) => boolean;
  /** For California's 30 days: whether a date falls in a school vacation longer than 5 school days. */
  inLongVacation: (date: string) => boolean;
};
