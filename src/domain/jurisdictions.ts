// Jurisdiction profiles: which timelines and which escalation ladder apply to a child's plan.
//
// Every citation here comes from the table of legal sources (src/domain/legal-sources.ts,
// docs/legal-sources.md), with its kind: law, guidance, or a product choice. Where a source names a duty
// but sets no number ("as soon as possible", "timely", "periodic"), the timeline has `count: null` and is
// shown in words. Where the app chooses something no source sets (the order of the first rungs of a
// ladder, who counts as "the principal"), the basis is marked `productChoice`.
//
// Two rules are absolute, because applying the wrong law would send a parent to the wrong office:
// - IDEA (34 CFR 300) timelines and steps are never applied to a Section 504 plan;
// - a Canadian plan never gets US steps: each province sets its own rules.

import { type LegalSourceId, legalSource, pins, citation as sourceOf } from './legal-sources.ts';
import { PROFILE_TEXTS } from './profile-texts.ts';
import { roleForMatching } from './team-roles.ts';

/**
 * A rule the app applies, with where it comes from: `source` is the pinpoint (or pinpoints) from the
 * table of legal sources, `kind` whether it is law or guidance (the first source's kind).
 */
export type Citation = {
  text: string;
  source: string;
  kind: 'law' | 'guidance';
  sourceIds: readonly LegalSourceId[];
};

/** A number or step no source sets: the app's own choice, shown as such and adjustable where it is a number. */
export type ProductChoice = { productChoice: true; text: string };

export type Basis = Citation | ProductChoice;

export function isProductChoice(basis: Basis): basis is ProductChoice {
  return 'productChoice' in basis;
}

/**
 * A citation from the table: its pinpoints joined, the first source's summary unless `text` says it
 * more exactly for the place it is used, and the first source's kind. A practice row is a product choice,
 * never a citation.
 */
export function cite(ids: readonly [LegalSourceId, ...LegalSourceId[]], text?: string): Citation {
  const first = legalSource(ids[0]);
  if (first.kind === 'practice') throw new RangeError(`${first.id} is a practice, not law or guidance`);
  return { text: text ?? sourceOf(ids[0]).summary, source: pins(...ids), kind: first.kind, sourceIds: ids };
}

export type PlanKind = 'iep' | '504';
export type PlanJurisdiction = { country: 'US' | 'CA'; region: string | null };
export type PlanRef = { kind: PlanKind; jurisdiction: PlanJurisdiction };

/**
 * How a timeline counts (src/domain/deadlines.ts, `countFrom`):
 * - `calendar_days_outside_long_vacations` is California's (Ed. Code 56343.5): calendar days, not counting
 *   days between the pupil's regular school sessions or terms (summer) or days of a school vacation of more
 *   than five school days;
 * - `school_days_present` is Illinois's (23 Ill. Adm. Code 226.220): school days, not counting days the
 *   child was marked absent from school;
 * - `business_days` are Monday to Friday, not counting the school calendar's holidays and breaks.
 */
export type CountUnit =
  | 'calendar_days'
  | 'school_days'
  | 'school_days_present'
  | 'business_days'
  | 'calendar_days_outside_long_vacations'
  | 'years';

export type TimelineCount = { amount: number; unit: CountUnit };

/**
 * Who must act by the date. A family deadline (a filing window) that falls on a weekend is shown on the
 * Friday before, so a parent is never late (src/domain/deadlines.ts); the others are shown as counted.
 */
export type TimelineOwner = 'family' | 'school' | 'agency';

export type TimelineId =
  | 'service_start'
  | 'service_start_notice'
  | 'iep_implementation'
  | 'meeting_after_request'
  | 'records_access'
  | 'records_extension'
  | 'service_logs'
  | 'documents_before_meeting'
  | 'progress_reports'
  | 'annual_review'
  | 'reevaluation'
  | 'prior_written_notice'
  | 'mediation'
  | 'state_complaint'
  | 'state_complaint_decision'
  | 'due_process'
  | 'resolution_meeting'
  | 'resolution_period'
  | 'hearing_decision'
  | 'ocr_complaint'
  | 'ocr_after_grievance'
  | 'impartial_hearing'
  | 'periodic_reevaluation'
  | 'iep_after_placement'
  | 'iep_review'
  | 'iprc_review'
  | 'iprc_review_request'
  | 'board_appeal'
  | 'board_appeal_decision'
  | 'minister_review'
  | 'superintendent_of_appeals'
  | 'ombudsman'
  | 'human_rights_application'
  | 'ipp';

export type Timeline = {
  id: TimelineId;
  label: string;
  /** What starts the clock, in words ("the day the school receives the parent's written request"). */
  startsFrom: string;
  /**
   * The clock starts when the school (or the board) receives the request, not when it is sent: the
   * parent's "date the school received it" is the start when known (a sent message's schoolReceivedOn).
   */
  fromReceipt: boolean;
  /** Null when the source sets no number ("as soon as possible", "timely"). */
  count: TimelineCount | null;
  owner: TimelineOwner;
  /** Words shown with the date ("federal default: check your state's limit"); null when none. */
  caveat: string | null;
  /**
   * What the school is to do by the date, as a letter states it ("copies are to be provided"); null when
   * letters do not state this timeline (they state the federal rights in their own words).
   */
  duty: string | null;
  citation: Citation;
};

/** Letters a ladder step can be reached with (the letter writer's kinds, referred to by name). */
export type LadderLetterKind = 'escalation' | 'state_complaint' | 'ocr_complaint_outline' | 'board_appeal';

export type LadderStepId =
  | 'provider_or_case_manager'
  | 'teacher_or_504_coordinator'
  | 'teacher'
  | 'principal'
  | 'special_education_director'
  | 'district_504_coordinator'
  | 'superintendent'
  | 'superintendent_or_board'
  | 'board'
  | 'board_appeal'
  | 'board_review'
  | 'mediation'
  | 'state_complaint'
  | 'due_process'
  | 'ocr_complaint'
  | 'impartial_hearing'
  | 'ombudsman'
  | 'human_rights_tribunal';

export type EscalationRecipient = 'principal' | 'director' | 'superintendent' | 'board';

export type LadderStep = {
  id: LadderStepId;
  /** 1 is the first person to talk to. Alternatives share a rung (an OCR complaint or an impartial hearing). */
  rung: number;
  label: string;
  /** A person to write to, or a formal process (mediation, a complaint, a hearing, an appeal). */
  kind: 'person' | 'formal';
  note: string | null;
  basis: Basis;
  /** The letter that reaches this step; null when none is drafted (mediation is asked for in person). */
  letterKind: LadderLetterKind | null;
  /**
   * Whom an escalation letter at this step is addressed to, in the letter writer's words
   * (EscalationOptions.to in src/domain/letters/escalation.ts); null for the first rung and for formal processes
   * that have their own letter or none.
   */
  addressedTo: EscalationRecipient | null;
  /**
   * Team contacts whose role matches are taken to be at this step, so the advisor knows who has already
   * been written to. Product choice: roles are free text, so this is a best guess; an unmatched role
   * counts as the first rung.
   */
  rolePattern: RegExp | null;
};

/** The legal basis the advisor cites for each kind of recommendation, per profile. */
export type ProfileBases = {
  /** Carrying out the plan as written (services, accommodations). */
  implementAsWritten: Basis;
  /** Revising the plan when the child is not making the expected progress. */
  reviewForProgress: Basis;
  /** Asking for a meeting. */
  requestMeeting: Basis;
  annualReview: Basis;
  reevaluation: Basis;
  /** When a service must start. */
  serviceStart: Basis;
  /** Access to records (service logs). */
  records: Basis;
};

export type ProfileId =
  | 'us_idea'
  | 'us_504'
  | 'us_ca_iep'
  | 'us_il_iep'
  | 'us_az_iep'
  | 'ca_on'
  | 'ca_bc'
  | 'ca_ab'
  | 'ca_other';

export type JurisdictionProfile = {
  id: ProfileId;
  name: string;
  country: 'US' | 'CA';
  /** The state or province the profile adds (null for the federal baseline, 504 and unprofiled provinces). */
  region: string | null;
  /** Which body of law: IDEA, Section 504, or a province's. Decides which steps may ever be suggested. */
  law: 'idea' | 'section_504' | 'provincial';
  /** What the plan is called here, for titles ("IEP", "504 plan", "IPP"). */
  planName: string;
  timelines: Timeline[];
  ladder: LadderStep[];
  bases: ProfileBases;
  notes: string[];
};

// ---------------------------------------------------------------------------------------------
// Shared pieces.

const FIRST_RUNGS_CHOICE: ProductChoice = {
  productChoice: true,
  text: 'Start with the person closest to the problem (the provider or the case manager) and go up one step at a time: the article this app follows advises writing to them first, then escalating when emails go unanswered. Harm to your child can go straight up. No complaint or hearing requires climbing this ladder first.',
};

const PRINCIPAL_ROLE = /principal|head of school/i;

const PROVIDER_OR_CASE_MANAGER: LadderStep = {
  id: 'provider_or_case_manager',
  rung: 1,
  label: 'Provider or case manager',
  kind: 'person',
  note: null,
  basis: FIRST_RUNGS_CHOICE,
  letterKind: null,
  addressedTo: null,
  rolePattern: null,
};

const PRINCIPAL: LadderStep = {
  id: 'principal',
  rung: 2,
  label: 'Principal',
  kind: 'person',
  note: null,
  basis: FIRST_RUNGS_CHOICE,
  letterKind: 'escalation',
  addressedTo: 'principal',
  rolePattern: PRINCIPAL_ROLE,
};

type TimelineInput = Omit<Timeline, 'fromReceipt' | 'caveat' | 'duty'> &
  Partial<Pick<Timeline, 'fromReceipt' | 'caveat' | 'duty'>>;

function timeline(input: TimelineInput): Timeline {
  return { fromReceipt: false, caveat: null, duty: null, ...input };
}

// ---------------------------------------------------------------------------------------------
// United States: IDEA Part B (34 CFR Part 300).

// Whether a gap is serious enough to be a violation is for the courts, and they word it differently:
// outside the Ninth Circuit the app cites 300.323 and says that courts differ, never one circuit's test
// as the national rule.
const IDEA_IMPLEMENT = cite(
  ['cfr-300-323', 'bobby-r'],
  'The school implements the IEP as written, and every teacher and provider is told their responsibilities. Courts differ on when a gap between the services required and those provided is a violation (the Fifth Circuit, in Bobby R., asks whether significant provisions were not implemented); no rule sets a percentage.',
);

/** California and Arizona are in the Ninth Circuit, where Van Duyn is binding. */
const NINTH_CIRCUIT_IMPLEMENT = cite(
  ['cfr-300-323', 'van-duyn'],
  'The school implements the IEP as written, and every teacher and provider is told their responsibilities. In the Ninth Circuit, which includes this state, a failure is material when there is more than a minor discrepancy between the services provided and those required; no proof of harm is needed.',
);

const IDEA_REVIEW = cite(['cfr-300-324-b-1']);
const IDEA_REEVALUATION = cite(['cfr-300-303']);
const IDEA_SERVICE_START = cite(
  ['cfr-300-323'],
  'Services are made available as soon as possible after the IEP is developed.',
);
const IDEA_REQUEST_MEETING = cite(
  ['fr-71-46676'],
  'A parent may ask for an IEP meeting at any time. No federal rule sets how soon it must be held; the preamble to the 2006 regulations discusses requests, and many states set a timeline.',
);
const IDEA_RECORDS = cite(
  ['cfr-300-613-a', 'cfr-300-613-b-2'],
  'Parents may inspect and review their child’s education records without unnecessary delay, before any IEP meeting or hearing, and within 45 days of the request at most; copies are owed when not having them would effectively prevent the parent from inspecting and reviewing the records.',
);

const IDEA_TIMELINES: Timeline[] = [
  timeline({
    id: 'service_start',
    label: 'Services start',
    startsFrom: 'the IEP is developed',
    count: null,
    owner: 'school',
    citation: IDEA_SERVICE_START,
  }),
  timeline({
    id: 'progress_reports',
    label: 'Progress reports on goals',
    startsFrom: 'as often as the IEP states (for example quarterly, with report cards)',
    count: null,
    owner: 'school',
    citation: cite(['cfr-300-320-a-3-ii']),
  }),
  timeline({
    id: 'annual_review',
    label: 'Annual review of the IEP',
    startsFrom: 'the last IEP meeting',
    count: { amount: 1, unit: 'years' },
    owner: 'school',
    citation: IDEA_REVIEW,
  }),
  timeline({
    id: 'reevaluation',
    label: 'Reevaluation',
    startsFrom: 'the last evaluation',
    count: { amount: 3, unit: 'years' },
    owner: 'school',
    citation: IDEA_REEVALUATION,
  }),
  timeline({
    id: 'records_access',
    label: 'Inspect and review education records',
    startsFrom: 'the parent’s request',
    count: { amount: 45, unit: 'calendar_days' },
    owner: 'school',
    citation: IDEA_RECORDS,
  }),
  timeline({
    id: 'meeting_after_request',
    label: 'Meeting after a parent’s request',
    startsFrom: 'the parent’s request',
    count: null,
    owner: 'school',
    citation: IDEA_REQUEST_MEETING,
  }),
  timeline({
    id: 'prior_written_notice',
    label: 'Prior written notice',
    startsFrom: 'a reasonable time before the school proposes or refuses a change',
    count: null,
    owner: 'school',
    citation: cite(['cfr-300-503']),
  }),
  timeline({
    id: 'mediation',
    label: 'Mediation',
    startsFrom: 'both sides agree to mediate',
    count: null,
    owner: 'agency',
    citation: cite(['cfr-300-506']),
  }),
  timeline({
    id: 'state_complaint',
    label: 'State complaint',
    startsFrom:
      'the oldest violation the complaint includes (the state must receive it within one year of it)',
    count: { amount: 1, unit: 'years' },
    owner: 'family',
    citation: cite(['cfr-300-153']),
  }),
  timeline({
    id: 'state_complaint_decision',
    label: 'State decides the complaint',
    startsFrom: 'the complaint is received',
    fromReceipt: true,
    count: { amount: 60, unit: 'calendar_days' },
    owner: 'agency',
    citation: cite(['cfr-300-152', 'cfr-300-151-b']),
  }),
  timeline({
    id: 'due_process',
    label: 'Due process complaint',
    startsFrom: 'when the parent knew or should have known',
    count: { amount: 2, unit: 'years' },
    owner: 'family',
    caveat: PROFILE_TEXTS.dueProcessLimit,
    citation: cite(['cfr-300-507-a-2', 'cfr-300-511-e']),
  }),
  timeline({
    id: 'resolution_meeting',
    label: 'Resolution meeting',
    startsFrom: 'the due process complaint is received',
    fromReceipt: true,
    count: { amount: 15, unit: 'calendar_days' },
    owner: 'school',
    citation: cite(['cfr-300-510'], 'A resolution meeting within 15 days.'),
  }),
  timeline({
    id: 'resolution_period',
    label: 'Resolution period',
    startsFrom: 'the due process complaint is received',
    fromReceipt: true,
    count: { amount: 30, unit: 'calendar_days' },
    owner: 'school',
    citation: cite(['cfr-300-510'], 'A 30-day resolution period.'),
  }),
  timeline({
    id: 'hearing_decision',
    label: 'Hearing decision',
    startsFrom: 'the end of the resolution period',
    count: { amount: 45, unit: 'calendar_days' },
    owner: 'agency',
    citation: cite(['cfr-300-515-a']),
  }),
];

const IDEA_LADDER: LadderStep[] = [
  PROVIDER_OR_CASE_MANAGER,
  PRINCIPAL,
  {
    id: 'special_education_director',
    rung: 3,
    label: 'Special-education director',
    kind: 'person',
    note: null,
    basis: FIRST_RUNGS_CHOICE,
    letterKind: 'escalation',
    addressedTo: 'director',
    rolePattern: /director|special[- ]?ed(ucation)? (administrator|coordinator|supervisor)|superintendent/i,
  },
  {
    id: 'mediation',
    rung: 4,
    label: 'Mediation',
    kind: 'formal',
    note: PROFILE_TEXTS.ideaMediation,
    basis: cite(['cfr-300-506']),
    letterKind: null,
    addressedTo: null,
    rolePattern: null,
  },
  {
    id: 'state_complaint',
    rung: 5,
    label: 'State complaint',
    kind: 'formal',
    note: PROFILE_TEXTS.ideaStateComplaint,
    basis: cite(['cfr-300-153', 'cfr-300-152']),
    letterKind: 'state_complaint',
    addressedTo: null,
    rolePattern: null,
  },
  {
    id: 'due_process',
    rung: 6,
    label: 'Due process complaint',
    kind: 'formal',
    note: PROFILE_TEXTS.ideaDueProcess,
    basis: cite(['cfr-300-507-a-2', 'cfr-300-511-e']),
    letterKind: null,
    addressedTo: null,
    rolePattern: null,
  },
];

const IDEA_BASES: ProfileBases = {
  implementAsWritten: IDEA_IMPLEMENT,
  reviewForProgress: IDEA_REVIEW,
  requestMeeting: IDEA_REQUEST_MEETING,
  annualReview: IDEA_REVIEW,
  reevaluation: IDEA_REEVALUATION,
  serviceStart: IDEA_SERVICE_START,
  records: IDEA_RECORDS,
};

const MAKE_UP_PRACTICE =
  'Many advocates treat sessions the school cancels as owed make-ups, and As Written counts them so by default because the plan’s minutes were not delivered for a reason the school controls (a product choice you can change per plan). Whether compensatory services are owed is decided case by case (OSEP, Letter to Clarke (2007)).';

const US_IDEA: JurisdictionProfile = {
  id: 'us_idea',
  name: 'United States: IDEA (federal baseline)',
  country: 'US',
  region: null,
  law: 'idea',
  planName: 'IEP',
  timelines: IDEA_TIMELINES,
  ladder: IDEA_LADDER,
  bases: IDEA_BASES,
  notes: [
    MAKE_UP_PRACTICE,
    'Courts differ on when a gap in services is a violation: 34 CFR 300.323 requires the IEP to be implemented, and the Fifth Circuit (Bobby R.) asks whether significant provisions were not; no rule sets a percentage, so every threshold here is a product choice.',
  ],
};

/** A state profile: the federal baseline with the state's own timelines added or put in place of federal ones. */
function stateProfile(
  id: ProfileId,
  name: string,
  region: string,
  stateTimelines: Timeline[],
  bases: Partial<ProfileBases>,
  notes: string[],
): JurisdictionProfile {
  const replaced = new Set(stateTimelines.map((t) => t.id));
  return {
    ...US_IDEA,
    id,
    name,
    region,
    timelines: [...stateTimelines, ...IDEA_TIMELINES.filter((t) => !replaced.has(t.id))],
    bases: { ...IDEA_BASES, ...bases },
    notes: [MAKE_UP_PRACTICE, ...notes],
  };
}

const NINTH_CIRCUIT_NOTE =
  'This state is in the Ninth Circuit, where a failure to implement is material when there is more than a minor discrepancy between the services provided and those required (Van Duyn v. Baker School District 5J, 9th Cir. 2007); no rule sets a percentage, so every threshold here is a product choice.';

const CA_MEETING = cite(['ca-ed-56343-5', 'ca-ed-56343-c']);
const CA_RECORDS = cite(['ca-ed-56504']);

const US_CALIFORNIA = stateProfile(
  'us_ca_iep',
  'California (IDEA and the California Education Code)',
  'CA',
  [
    timeline({
      id: 'meeting_after_request',
      label: 'IEP meeting after a written request',
      startsFrom: 'the day the school receives the parent’s written request',
      fromReceipt: true,
      count: { amount: 30, unit: 'calendar_days_outside_long_vacations' },
      owner: 'school',
      duty: 'the meeting is to be held',
      citation: CA_MEETING,
    }),
    timeline({
      id: 'records_access',
      label: 'Examine records and receive copies',
      startsFrom: 'the day the parent makes the request, orally or in writing',
      count: { amount: 5, unit: 'business_days' },
      owner: 'school',
      duty: 'I may examine the records and receive copies',
      citation: CA_RECORDS,
    }),
  ],
  { requestMeeting: CA_MEETING, records: CA_RECORDS, implementAsWritten: NINTH_CIRCUIT_IMPLEMENT },
  [NINTH_CIRCUIT_NOTE],
);

const IL_SERVICE_START = cite(['il-226-220-b', 'il-14-8-02f-d-5']);
const IL_SERVICE_LOGS = cite(['il-14-8-02f-d', 'il-226-310']);

const US_ILLINOIS = stateProfile(
  'us_il_iep',
  'Illinois (IDEA and 23 Ill. Adm. Code 226)',
  'IL',
  [
    timeline({
      id: 'service_start',
      label: 'A service starts',
      startsFrom: 'the date the IEP says the service begins',
      count: { amount: 10, unit: 'school_days_present' },
      owner: 'school',
      caveat: PROFILE_TEXTS.absentDaysNotCounted,
      citation: IL_SERVICE_START,
    }),
    timeline({
      id: 'service_start_notice',
      label: 'Written notice of a service not started',
      startsFrom: 'the 10th school day after the service was to begin',
      count: { amount: 3, unit: 'school_days_present' },
      owner: 'school',
      caveat: PROFILE_TEXTS.absentDaysNotCounted,
      citation: IL_SERVICE_START,
    }),
    timeline({
      id: 'iep_implementation',
      label: 'The whole IEP implemented',
      startsFrom:
        'the school’s notice of the new or revised IEP under 34 CFR 300.503 (or by the next school year when fewer than 10 school days remain)',
      count: { amount: 10, unit: 'school_days_present' },
      owner: 'school',
      caveat: PROFILE_TEXTS.absentDaysNotCounted,
      citation: cite(['il-226-220-a']),
    }),
    timeline({
      id: 'records_access',
      label: 'Inspect and copy school student records',
      startsFrom: 'the day the school’s official records custodian receives the request',
      fromReceipt: true,
      count: { amount: 10, unit: 'business_days' },
      owner: 'school',
      caveat: PROFILE_TEXTS.recordsExtension,
      duty: 'this request to inspect and copy the records is to be granted',
      citation: cite(['il-10-5-c']),
    }),
    timeline({
      id: 'records_extension',
      label: 'Extension the school may take for records',
      startsFrom: 'the end of the first 10 business days',
      count: { amount: 5, unit: 'business_days' },
      owner: 'school',
      citation: cite(['il-10-5-c']),
    }),
    timeline({
      id: 'service_logs',
      label: 'Related-service logs',
      startsFrom: 'any time, on the parent’s request',
      count: null,
      owner: 'school',
      citation: IL_SERVICE_LOGS,
    }),
    timeline({
      id: 'documents_before_meeting',
      label: 'Copies of what the team will consider, before a meeting',
      startsFrom: 'no later than 3 school days before a meeting to decide eligibility or review the IEP',
      count: null,
      owner: 'school',
      citation: cite(['il-14-8-02f-c']),
    }),
    timeline({
      id: 'prior_written_notice',
      label: 'Prior written notice before the school acts',
      startsFrom: 'the notice, before the proposed change',
      count: { amount: 10, unit: 'calendar_days' },
      owner: 'school',
      caveat: PROFILE_TEXTS.placementNoticeWaiver,
      citation: cite(['il-226-520', 'cfr-300-503']),
    }),
  ],
  { serviceStart: IL_SERVICE_START, records: IL_SERVICE_LOGS },
  [
    'Courts differ on when a gap in services is a violation: 34 CFR 300.323 requires the IEP to be implemented, and the Fifth Circuit (Bobby R.) asks whether significant provisions were not; Illinois sets the 10 school days itself (23 Ill. Adm. Code 226.220(a), (b)).',
  ],
);

const AZ_MEETING = cite(['az-r7-2-401-g-7']);

const US_ARIZONA = stateProfile(
  'us_az_iep',
  'Arizona (IDEA and the Arizona Administrative Code)',
  'AZ',
  [
    timeline({
      id: 'meeting_after_request',
      label: 'Review after a written request',
      startsFrom: 'the parent’s written request',
      count: { amount: 45, unit: 'school_days' },
      owner: 'school',
      duty: 'the review is to be held',
      citation: AZ_MEETING,
    }),
  ],
  { requestMeeting: AZ_MEETING, implementAsWritten: NINTH_CIRCUIT_IMPLEMENT },
  [NINTH_CIRCUIT_NOTE],
);

// ---------------------------------------------------------------------------------------------
// United States: Section 504. No IDEA timeline, step or citation may appear here.

const SECTION_504_FAPE = cite(
  ['cfr-104-33'],
  'The district provides a free appropriate public education: regular or special education and related aids and services designed to meet the student’s needs. Carrying out the 504 plan is part of it.',
);
const SECTION_504_SAFEGUARDS = cite(['cfr-104-36']);
const SECTION_504_REEVALUATION = cite(['cfr-104-35-d']);
const SECTION_504_RECORDS = cite(
  ['cfr-104-36', 'cfr-99-10'],
  'Parents may examine the records relevant to the 504 plan (34 CFR 104.36); under FERPA the school answers a request to inspect and review education records within 45 days of receiving it (34 CFR 99.10).',
);
const SECTION_504_GRIEVANCE = cite(['cfr-104-7']);

const OCR_COMPLAINT = cite(
  ['cfr-100-7-b', 'cfr-104-61'],
  'A complaint to the U.S. Department of Education’s Office for Civil Rights within 180 days of the act complained of, unless OCR extends the time. A 504 complaint goes to OCR or the district’s 504 process, not to the state’s special-education complaint office. You do not have to use the district’s grievance process first.',
);
const OCR_AFTER_GRIEVANCE = cite(
  ['ocr-cpm-timeliness'],
  'Guidance: OCR’s Case Processing Manual also treats a complaint as timely when it is filed within 60 days after the district’s grievance process ends, if the grievance itself was filed within the 180 days.',
);

const US_504: JurisdictionProfile = {
  id: 'us_504',
  name: 'United States: Section 504',
  country: 'US',
  region: null,
  law: 'section_504',
  planName: '504 plan',
  timelines: [
    timeline({
      id: 'periodic_reevaluation',
      label: 'Periodic reevaluation',
      startsFrom: 'the last evaluation',
      count: null,
      owner: 'school',
      citation: SECTION_504_REEVALUATION,
    }),
    timeline({
      id: 'records_access',
      label: 'Inspect and review education records',
      startsFrom: 'the day the school receives the request',
      fromReceipt: true,
      count: { amount: 45, unit: 'calendar_days' },
      owner: 'school',
      citation: SECTION_504_RECORDS,
    }),
    timeline({
      id: 'impartial_hearing',
      label: 'Impartial hearing',
      startsFrom: 'the parent’s request',
      count: null,
      owner: 'agency',
      citation: SECTION_504_SAFEGUARDS,
    }),
    timeline({
      id: 'ocr_complaint',
      label: 'OCR complaint',
      startsFrom: 'the act complained of',
      count: { amount: 180, unit: 'calendar_days' },
      owner: 'family',
      citation: OCR_COMPLAINT,
    }),
    timeline({
      id: 'ocr_after_grievance',
      label: 'OCR complaint after a district grievance (only if the grievance was filed within the 180 days)',
      startsFrom: 'the end of the district’s grievance process',
      count: { amount: 60, unit: 'calendar_days' },
      owner: 'family',
      citation: OCR_AFTER_GRIEVANCE,
    }),
  ],
  ladder: [
    {
      ...PROVIDER_OR_CASE_MANAGER,
      id: 'teacher_or_504_coordinator',
      label: 'Teacher or school 504 coordinator',
    },
    PRINCIPAL,
    {
      id: 'district_504_coordinator',
      rung: 3,
      label: 'District 504 coordinator (grievance)',
      kind: 'person',
      note: PROFILE_TEXTS.grievanceThenOcr,
      basis: SECTION_504_GRIEVANCE,
      letterKind: 'escalation',
      addressedTo: 'director',
      rolePattern: /district.*504|504.*district|504 compliance|director|superintendent/i,
    },
    {
      id: 'ocr_complaint',
      rung: 4,
      label: 'Office for Civil Rights complaint',
      kind: 'formal',
      note: PROFILE_TEXTS.ocrWindow,
      basis: OCR_COMPLAINT,
      letterKind: 'ocr_complaint_outline',
      addressedTo: null,
      rolePattern: null,
    },
    {
      id: 'impartial_hearing',
      rung: 4,
      label: 'Impartial hearing',
      kind: 'formal',
      note: null,
      basis: SECTION_504_SAFEGUARDS,
      letterKind: null,
      addressedTo: null,
      rolePattern: null,
    },
  ],
  bases: {
    implementAsWritten: SECTION_504_FAPE,
    reviewForProgress: SECTION_504_REEVALUATION,
    requestMeeting: {
      productChoice: true,
      text: 'Section 504 sets no rule on meetings a parent asks for; As Written suggests asking the 504 team in writing, so the request and its date are on record.',
    },
    annualReview: SECTION_504_REEVALUATION,
    reevaluation: SECTION_504_REEVALUATION,
    serviceStart: {
      productChoice: true,
      text: 'Section 504 sets no start deadline; As Written asks about a service not started after a number of school days you can change.',
    },
    records: SECTION_504_RECORDS,
  },
  notes: [
    'IDEA timelines are not applied to a 504 plan.',
    'Many advocates treat sessions the school cancels as owed make-ups, and As Written counts them so by default (a product choice you can change per plan).',
  ],
};

// ---------------------------------------------------------------------------------------------
// Canada: each province sets its own rules. No US step, office or citation may appear here.

const CANADA_MAKE_UP_PRACTICE =
  'Many advocates treat sessions the school cancels as owed make-ups, and As Written counts them so by default (a product choice you can change per plan); no provincial rule sets a number.';

const ONTARIO_IMPLEMENT = cite(
  ['on-reg-181-98-s6-3-b', 'on-ea-170-1-7'],
  'The IEP outlines the special education program and services the pupil will receive, and the board provides the special education programs and services for its exceptional pupils.',
);
const ONTARIO_IEP = cite(['on-reg-181-98-s6-8']);
const ONTARIO_REVIEW = cite(['on-iep-standards-2000']);
const ONTARIO_IPRC = cite(['on-reg-181-98-s21-s26']);
const ONTARIO_RECORDS = cite(['on-ea-266-3']);
const ONTARIO_HUMAN_RIGHTS = cite(['on-hrc-34-1']);
const ONTARIO_OMBUDSMAN = cite(['on-ombudsman']);

const ONTARIO: JurisdictionProfile = {
  id: 'ca_on',
  name: 'Ontario',
  country: 'CA',
  region: 'ON',
  law: 'provincial',
  planName: 'IEP',
  timelines: [
    timeline({
      id: 'iep_after_placement',
      label: 'IEP completed and a copy sent to you',
      startsFrom: 'the pupil’s placement in the program',
      count: { amount: 30, unit: 'school_days' },
      owner: 'school',
      citation: ONTARIO_IEP,
    }),
    timeline({
      id: 'iep_review',
      label: 'IEP reviewed and updated',
      startsFrom: 'each reporting period',
      count: null,
      owner: 'school',
      citation: ONTARIO_REVIEW,
    }),
    timeline({
      id: 'iprc_review',
      label: 'IPRC review',
      startsFrom: 'the last IPRC decision',
      count: { amount: 1, unit: 'years' },
      owner: 'school',
      citation: ONTARIO_IPRC,
    }),
    timeline({
      id: 'iprc_review_request',
      label: 'IPRC review at the parent’s request',
      startsFrom: '3 months after the placement',
      count: null,
      owner: 'family',
      citation: ONTARIO_IPRC,
    }),
    timeline({
      id: 'records_access',
      label: 'Examine the Ontario Student Record',
      startsFrom: 'the parent’s request',
      count: null,
      owner: 'school',
      citation: ONTARIO_RECORDS,
    }),
    timeline({
      id: 'ombudsman',
      label: 'Complaint to the Ontario Ombudsman',
      startsFrom: 'once the board’s own complaint process has been used',
      count: null,
      owner: 'family',
      citation: ONTARIO_OMBUDSMAN,
    }),
    timeline({
      id: 'human_rights_application',
      label: 'Application to the Human Rights Tribunal of Ontario',
      startsFrom: 'the incident, or the last incident in a series',
      count: { amount: 1, unit: 'years' },
      owner: 'family',
      citation: ONTARIO_HUMAN_RIGHTS,
    }),
  ],
  ladder: [
    { ...PROVIDER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher' },
    PRINCIPAL,
    {
      id: 'superintendent_or_board',
      rung: 3,
      label: 'Superintendent or school board',
      kind: 'person',
      note: PROFILE_TEXTS.ontarioIprcAppeals,
      basis: FIRST_RUNGS_CHOICE,
      letterKind: 'escalation',
      addressedTo: 'superintendent',
      rolePattern: /superintendent|trustee|board/i,
    },
    {
      id: 'ombudsman',
      rung: 4,
      label: 'Ontario Ombudsman',
      kind: 'formal',
      note: PROFILE_TEXTS.ontarioOmbudsman,
      basis: ONTARIO_OMBUDSMAN,
      letterKind: null,
      addressedTo: null,
      rolePattern: null,
    },
    {
      id: 'human_rights_tribunal',
      rung: 4,
      label: 'Human Rights Tribunal of Ontario',
      kind: 'formal',
      note: PROFILE_TEXTS.ontarioHumanRights,
      basis: ONTARIO_HUMAN_RIGHTS,
      letterKind: null,
      addressedTo: null,
      rolePattern: null,
    },
  ],
  bases: {
    implementAsWritten: ONTARIO_IMPLEMENT,
    reviewForProgress: ONTARIO_REVIEW,
    requestMeeting: ONTARIO_REVIEW,
    annualReview: ONTARIO_IPRC,
    reevaluation: {
      productChoice: true,
      text: 'Ontario sets no reevaluation date; As Written reminds you of the date written in your plan.',
    },
    serviceStart: {
      productChoice: true,
      text: 'Ontario sets no start deadline for a service; As Written asks about a service not started after a number of school days you can change.',
    },
    records: ONTARIO_RECORDS,
  },
  notes: [
    'IPRC appeals cover identification and placement, not implementation (O. Reg. 181/98 s.21, s.26).',
    CANADA_MAKE_UP_PRACTICE,
  ],
};

const BC_IEP = cite(['bc-mo-638-95-150-89']);
const BC_APPEAL = cite(['bc-sa-11']);
const BC_RECORDS = cite(['bc-sa-9']);
const BC_HUMAN_RIGHTS = cite(['bc-hrc-22-1']);
const BC_SUPERINTENDENT_OF_APPEALS = cite(['bc-sa-11-1', 'bc-reg-24-2008']);

const BRITISH_COLUMBIA: JurisdictionProfile = {
  id: 'ca_bc',
  name: 'British Columbia',
  country: 'CA',
  region: 'BC',
  law: 'provincial',
  planName: 'IEP',
  timelines: [
    timeline({
      id: 'iep_review',
      label: 'IEP in place and reviewed',
      startsFrom: 'as soon as practical; reviewed at least once a school year',
      count: null,
      owner: 'school',
      citation: BC_IEP,
    }),
    timeline({
      id: 'records_access',
      label: 'Examine the student’s records',
      startsFrom: 'the parent’s request',
      count: null,
      owner: 'school',
      citation: BC_RECORDS,
    }),
    timeline({
      id: 'board_appeal',
      label: 'Appeal to the board of education',
      startsFrom: 'within a reasonable time of being told of the decision (the board’s bylaw may say more)',
      count: null,
      owner: 'family',
      citation: BC_APPEAL,
    }),
    timeline({
      id: 'board_appeal_decision',
      label: 'Board decides an appeal',
      startsFrom: 'the day the board receives the appeal',
      fromReceipt: true,
      count: { amount: 45, unit: 'calendar_days' },
      owner: 'agency',
      citation: BC_APPEAL,
    }),
    timeline({
      id: 'superintendent_of_appeals',
      label: 'Superintendent of appeals (only the decisions B.C. Reg. 24/2008 lists)',
      startsFrom: 'the board’s decision on the appeal',
      count: null,
      owner: 'family',
      citation: BC_SUPERINTENDENT_OF_APPEALS,
    }),
    timeline({
      id: 'human_rights_application',
      label: 'Complaint to the B.C. Human Rights Tribunal',
      startsFrom: 'the alleged contravention, or the last in a continuing series',
      count: { amount: 1, unit: 'years' },
      owner: 'family',
      citation: BC_HUMAN_RIGHTS,
    }),
  ],
  ladder: [
    { ...PROVIDER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher' },
    PRINCIPAL,
    {
      id: 'board_appeal',
      rung: 3,
      label: 'Appeal to the board of education',
      kind: 'formal',
      note: PROFILE_TEXTS.bcBoardAppeal,
      basis: BC_APPEAL,
      letterKind: 'board_appeal',
      addressedTo: 'board',
      rolePattern: /superintendent|trustee|board/i,
    },
    {
      id: 'human_rights_tribunal',
      rung: 4,
      label: 'B.C. Human Rights Tribunal',
      kind: 'formal',
      note: PROFILE_TEXTS.bcHumanRights,
      basis: BC_HUMAN_RIGHTS,
      letterKind: null,
      addressedTo: null,
      rolePattern: null,
    },
  ],
  bases: {
    implementAsWritten: BC_IEP,
    reviewForProgress: BC_IEP,
    requestMeeting: BC_IEP,
    annualReview: BC_IEP,
    reevaluation: {
      productChoice: true,
      text: 'British Columbia sets no reevaluation date; As Written reminds you of the date written in your plan.',
    },
    serviceStart: {
      productChoice: true,
      text: 'The IEP is in place "as soon as practical" (M638/95) with no number; As Written asks after a number of school days you can change.',
    },
    records: BC_RECORDS,
  },
  notes: [
    'School Act s.11.1 (a superintendent of appeals) reviews only the kinds of board decisions B.C. Reg. 24/2008 lists, such as expulsion or not providing an IEP; it is not the next step for services that were not delivered.',
    CANADA_MAKE_UP_PRACTICE,
  ],
};

const ALBERTA_IPP = cite(['ab-standards']);
const ALBERTA_BOARD_REVIEW = cite(['ab-ea-42']);
const ALBERTA_MINISTER = cite(['ab-ea-43']);
const ALBERTA_POLICY_STEPS: ProductChoice = {
  productChoice: true,
  text: 'Board policy, not the Education Act: school boards usually ask a parent to go to the teacher, then the principal, then the superintendent before the board reviews a decision (Education Act s.42). Check your board’s policy for its steps and time limits.',
};

const ALBERTA: JurisdictionProfile = {
  id: 'ca_ab',
  name: 'Alberta',
  country: 'CA',
  region: 'AB',
  law: 'provincial',
  planName: 'IPP',
  timelines: [
    timeline({
      id: 'ipp',
      label: 'Individualized Program Plan',
      startsFrom: 'developed with the parent',
      count: null,
      owner: 'school',
      citation: ALBERTA_IPP,
    }),
    timeline({
      id: 'board_appeal',
      label: 'Board review of an employee’s decision',
      startsFrom: 'the decision (the Act sets no time limit; the board’s policy may)',
      count: null,
      owner: 'family',
      citation: ALBERTA_BOARD_REVIEW,
    }),
    timeline({
      id: 'minister_review',
      label: 'Minister’s review (only the matters s.43 lists)',
      startsFrom: 'the board’s decision',
      count: null,
      owner: 'family',
      citation: ALBERTA_MINISTER,
    }),
  ],
  ladder: [
    { ...PROVIDER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher', basis: ALBERTA_POLICY_STEPS },
    { ...PRINCIPAL, basis: ALBERTA_POLICY_STEPS },
    {
      id: 'superintendent',
      rung: 3,
      label: 'Superintendent',
      kind: 'person',
      note: null,
      basis: ALBERTA_POLICY_STEPS,
      letterKind: 'escalation',
      addressedTo: 'superintendent',
      rolePattern: /superintendent/i,
    },
    {
      id: 'board_review',
      rung: 4,
      label: 'Review by the school board',
      kind: 'formal',
      note: PROFILE_TEXTS.albertaBoardAppeal,
      basis: ALBERTA_BOARD_REVIEW,
      letterKind: 'board_appeal',
      addressedTo: 'board',
      rolePattern: /trustee|board/i,
    },
  ],
  bases: {
    implementAsWritten: ALBERTA_IPP,
    reviewForProgress: ALBERTA_IPP,
    requestMeeting: ALBERTA_IPP,
    annualReview: {
      productChoice: true,
      text: 'As Written records no Alberta review date; it reminds you of the date written in your plan.',
    },
    reevaluation: {
      productChoice: true,
      text: 'As Written records no Alberta reevaluation date; it reminds you of the date written in your plan.',
    },
    serviceStart: {
      productChoice: true,
      text: 'As Written records no Alberta start deadline; it asks after a number of school days you can change.',
    },
    records: {
      productChoice: true,
      text: 'As Written records no Alberta timeline for service records; it suggests asking for them in writing.',
    },
  },
  notes: [
    'Education Act s.43 (a review by the Minister) covers only the kinds of board decisions it lists, such as an expulsion; it is not the next step for services that were not delivered.',
    CANADA_MAKE_UP_PRACTICE,
  ],
};

const CANADA_OTHER_CHOICE: ProductChoice = {
  productChoice: true,
  text: 'Each province sets its own rules and As Written has no profile for this one yet: talk to the teacher, then the principal, then the school board.',
};

const CANADA_OTHER: JurisdictionProfile = {
  id: 'ca_other',
  name: 'Canada (province not profiled)',
  country: 'CA',
  region: null,
  law: 'provincial',
  planName: 'IEP',
  timelines: [],
  ladder: [
    { ...PROVIDER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher', basis: CANADA_OTHER_CHOICE },
    { ...PRINCIPAL, basis: CANADA_OTHER_CHOICE },
    {
      id: 'board',
      rung: 3,
      label: 'School board',
      kind: 'person',
      note: null,
      basis: CANADA_OTHER_CHOICE,
      letterKind: 'escalation',
      addressedTo: 'board',
      rolePattern: /superintendent|trustee|board/i,
    },
  ],
  bases: {
    implementAsWritten: CANADA_OTHER_CHOICE,
    reviewForProgress: CANADA_OTHER_CHOICE,
    requestMeeting: CANADA_OTHER_CHOICE,
    annualReview: CANADA_OTHER_CHOICE,
    reevaluation: CANADA_OTHER_CHOICE,
    serviceStart: CANADA_OTHER_CHOICE,
    records: CANADA_OTHER_CHOICE,
  },
  notes: ['Each province sets its own rules.', CANADA_MAKE_UP_PRACTICE],
};

// ---------------------------------------------------------------------------------------------
// Lookup.

export const JURISDICTION_PROFILES: Readonly<Record<ProfileId, JurisdictionProfile>> = {
  us_idea: US_IDEA,
  us_504: US_504,
  us_ca_iep: US_CALIFORNIA,
  us_il_iep: US_ILLINOIS,
  us_az_iep: US_ARIZONA,
  ca_on: ONTARIO,
  ca_bc: BRITISH_COLUMBIA,
  ca_ab: ALBERTA,
  ca_other: CANADA_OTHER,
};

const US_STATE_IEP_PROFILES: Readonly<Record<string, JurisdictionProfile>> = {
  CA: US_CALIFORNIA,
  IL: US_ILLINOIS,
  AZ: US_ARIZONA,
};

const PROVINCE_PROFILES: Readonly<Record<string, JurisdictionProfile>> = {
  ON: ONTARIO,
  BC: BRITISH_COLUMBIA,
  AB: ALBERTA,
};

/**
 * The profile that applies to a plan. The country decides first, so a Canadian plan never reaches a US
 * profile whatever its kind; in the US a 504 plan always gets the 504 profile (state IEP rules are IDEA
 * rules); an IEP gets its state's profile, or the federal baseline for a state with none.
 */
export function profileFor(plan: PlanRef): JurisdictionProfile {
  const region = plan.jurisdiction.region?.toUpperCase() ?? null;
  if (plan.jurisdiction.country === 'CA') return (region && PROVINCE_PROFILES[region]) || CANADA_OTHER;
  if (plan.kind === '504') return US_504;
  return (region && US_STATE_IEP_PROFILES[region]) || US_IDEA;
}

export function timelineOf(profile: JurisdictionProfile, id: TimelineId): Timeline | null {
  return profile.timelines.find((t) => t.id === id) ?? null;
}

/** The first step on a rung (the first listed when alternatives share it); null past the top. */
export function ladderStepAt(profile: JurisdictionProfile, rung: number): LadderStep | null {
  return profile.ladder.find((s) => s.rung === rung) ?? null;
}

/** The highest rung a team contact's role matches (1 when none does). */
export function rungOfRole(profile: JurisdictionProfile, role: string): number {
  let rung = 1;
  const words = roleForMatching(role);
  for (const step of profile.ladder) {
    if (step.rolePattern?.test(words) && step.rung > rung) rung = step.rung;
  }
  return rung;
}

/** The highest rung a person (not a formal process) holds on the ladder. */
export function topPersonRung(profile: JurisdictionProfile): number {
  return Math.max(...profile.ladder.filter((s) => s.kind === 'person').map((s) => s.rung));
}
