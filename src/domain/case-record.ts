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
  /**
   * How the plan's reason policy classifies a session lost to a school closure, and whether the plan
   * sets it or the default applies (docs/ledger-rules.md, rule 2); complaints state it beside closures.
   */
  closurePolicy?: { responsibility: 'owed' | 'excused' | 'pending'; setOnPlan: boolean };
};

export type CaseContact = { id: string; name: string; role: string; email: string | null };

/**
 * A session the ledger counts as missed or short (one per session, however many sources logged it),
 * with the ledger's classification of its gap: owed (counted as one to make up, by the plan's reason
 * policy), excused (not owed: the child was absent or refused) or pending (reason not yet known). Letters list only what is owed and
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
  /**
   * Set on a service of an earlier plan (one that ended before the plan in force began, such as last
   * year's IEP before the annual review renewed it) that still has make-up minutes owed; its ledger then
   * runs from that plan's start up to asOf. Absent on the services of the plan in force.
   */
  earlierPlan?: { id: string; title: string | null; effectiveFrom: string; effectiveTo: string };
  /** The same figures week by week (Monday starts), oldest first. */
  weeks: {
    start: string;
    requiredMinutes: number;
    deliveredMinutes: number;
    owedMinutes: number;
    /** Required minutes with no entry at all (the week of asOf counts only its days up to asOf). */
    unloggedMinutes: number;
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
): readonly AccommodationOccurrence<CaseObservation & { accommodationId: string }>[] {
  // Asked for by several rules of one record (the advisor's lapses and its filing windows, a letter's
  // counts), whose accommodations never change once gathered: worked out once for each, and frozen so
  // that no reader can change what the next one counts.
  const known = occurrencesOfAccommodation.get(accommodation);
  if (known) return known;
  const occurrences = Object.freeze(
    accommodationOccurrences(
      accommodation.observations.map((o) => ({ ...o, accommodationId: accommodation.id })),
    ),
  );
  occurrencesOfAccommodation.set(accommodation, occurrences);
  return occurrences;
}

const occurrencesOfAccommodation = new WeakMap<
  CaseAccommodation,
  readonly AccommodationOccurrence<CaseObservation & { accommodationId: string }>[]
>();

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
  /**
   * The plan that follows `plan`, when one is recorded (the IEP renewed at the annual review, in force
   * from a later date): the review was held. Null or absent when there is none.
   */
  nextPlan?: { id: string; title: string | null; effectiveFrom: string } | null;
  team: CaseContact[];
  services: CaseService[];
  accommodations: CaseAccommodation[];
  goals: CaseGoal[];
  /** Findings of the implementation patterns (src/domain/implementation-patterns.ts), incl. goal flags. */
  findings: Finding[];
  communications: Communication[];
  keyDates: CaseKeyDate[];
  parentNotes: CaseParentNote[];
  /** The household's reply time in school days (the reply clock); DEFAULT_REPLY_SCHOOL_DAYS when absent. */
  replySchoolDays?: number;
  /** School days of the child's calendars (no weekends, holidays, breaks or closures). */
  isSchoolDay: (date: string) => boolean;
  /**
   * For California's 30 days (Ed. Code 56343.5): whether a date is between the pupil's regular school
   * sessions (the summer, or any day outside the loaded school years) or in a vacation of more than five
   * school days.
   */
  inLongVacation: (date: string) => boolean;
  /** Business days (Monday to Friday, not a holiday or break of the calendar); weekdays when absent. */
  isBusinessDay?: (date: string) => boolean;
  /** Days the child was marked absent from school (migration 0012), oldest first; none when absent. */
  absentDays?: readonly string[];
  /**
   * Letters the family marked sent, each with the message it became: what the advisor reads to know
   * which step of a problem's ladder was taken (a make-up request, a meeting request, an escalation).
   */
  lettersSent?: CaseLetterSent[];
  /**
   * The school's service logs brought in for the child (issue 19), oldest first: what the advisor reads
   * to know that logs asked for were received.
   */
  serviceLogsReceived?: CaseServiceLogReceived[];
};

/** A school service log imported for the child: the day it was brought in and the service it was for. */
export type CaseServiceLogReceived = {
  importId: string;
  /** The day it was imported. */
  date: string;
  /** The service it was imported on, or null for a log of several services. */
  serviceId: string | null;
};

/** A letter marked sent: its kind, what it was about, whom it escalated to, and its message. */
export type CaseLetterSent = {
  letterId: string;
  kind: string;
  communicationId: string;
  date: string;
  /** The service or accommodation the letter was about, when it named one. */
  subjectId: string | null;
  /** For an escalation: principal, director, superintendent or board. */
  to: string | null;
};
