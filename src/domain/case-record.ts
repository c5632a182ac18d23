import type { Communication } from './communications.ts';
import type { Finding } from './implementation-patterns.ts';

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

export type CaseSessionMiss = { entryId: string; date: string; reason: string | null; minutes: number };

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
  id: string;
  date: string;
  outcome: 'provided' | 'not_provided' | 'partly' | 'unknown';
  className: string | null;
  setting: string | null;
  teacherKind: string;
  source: string;
  note: string | null;
};

export type CaseAccommodation = { id: string; text: string; observations: CaseObservation[] };

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
