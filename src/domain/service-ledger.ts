// The service ledger: for one service over a window, what the IEP required, what was delivered, what is
// owed, excused, pending or unlogged, and how make-ups cure owed minutes. Pure: no I/O, no clock (the
// caller passes `asOf`). Every rule is written out, with its sources, in ../../docs/ledger-rules.md.
//
// Vocabulary used below:
// - a *term* is one dated amount of the service (a segment, or an ESY block);
// - a *bucket* is one of the service's own periods (a Monday-Sunday week, a calendar month, a day, a cycle of
//   N instructional days, a school year, a block of M weeks for "N of every M weeks", or an ESY block's own
//   period). Required amounts and unlogged sessions are counted per bucket;
// - a *row* (LedgerPeriod) is what is shown: a bucket, or several buckets summed for weekly/monthly display.
//
// Speed: dates are turned into day numbers once; calendar lookups are array reads (see school-calendar.ts).

import { formatRecordDate, weekStartDay } from './dates.ts';
import { type LedgerLanguage, type LedgerNoteWords, ledgerNoteWords } from './ledger-notes.ts';
import {
  type CalendarIndex,
  dayOf,
  isoOfDay,
  monthIndexOfDay,
  monthIndexStartDay,
} from './school-calendar.ts';
import type { ServiceSegment } from './service.ts';
import {
  DEFAULT_REASON_POLICY,
  type LedgerEntry,
  type ReasonPolicy,
  type Responsibility,
} from './session-entry.ts';

export type LedgerServiceTerms = {
  serviceId: string;
  /** The service's amount over time, sorted, non-overlapping, each with startDate/endDate (inclusive). */
  segments: ServiceSegment[];
  /** Extended school year blocks; counted over their own weekdays (Mon-Fri) not the school calendar, minus closure events that fall in them. */
  esyBlocks: ServiceSegment[];
};

export type LedgerInput = {
  service: LedgerServiceTerms;
  calendar: CalendarIndex;
  entries: LedgerEntry[];
  policy: ReasonPolicy;
  window: { from: string; to: string };
  asOf: string;
  grouping?: 'auto' | 'week' | 'month';
  /** Also list each owed miss with the minutes still owed (the make-up picker asks for it). */
  listOwedMisses?: boolean;
  /** The language of the notes (English by default): the reader's (src/domain/ledger-notes.ts). */
  language?: LedgerLanguage;
  /**
   * `'totals'`: the figures, notes and owed misses only, for a caller that shows sums (the caseload, a
   * district's totals): no period rows (`periods` is empty) and no entry ids behind the figures (every
   * list empty). The figures and notes are those of `'full'` (the default), exactly; what is skipped is
   * what a drill-down shows, which is most of the work for a long history (docs/ledger-rules.md).
   */
  detail?: 'full' | 'totals';
};

/** A miss with owed minutes, and how many of them make-ups have not cured yet. */
export type OwedMiss = { entryId: string; date: string; owedMinutes: number; remainingMinutes: number };

/**
 * The ids behind each figure. `short`/`missed` list scheduled entries that delivered less than planned
 * (some / none). `makeup` lists make-ups dated in the row; `makeupApplied` lists the make-ups whose minutes
 * were applied to misses dated in the row. The arrays may be shared frozen empty arrays: do not mutate.
 */
export type FigureIds = {
  delivered: string[];
  short: string[];
  missed: string[];
  extra: string[];
  owed: string[];
  excused: string[];
  pending: string[];
  makeup: string[];
  makeupApplied: string[];
};

export type LedgerFigures = {
  requiredSessions: number | null;
  requiredMinutes: number;
  scheduledSessions: number;
  deliveredMinutes: number;
  extraMinutes: number;
  owedMinutes: number;
  excusedMinutes: number;
  pendingMinutes: number;
  unloggedSessions: number | null;
  unloggedMinutes: number;
  makeupMinutes: number;
  makeupAppliedMinutes: number;
  owedBalanceMinutes: number;
  percentDelivered: number | null;
  entryIds: FigureIds;
};

export type LedgerPeriod = LedgerFigures & {
  unit: 'day' | 'week' | 'month' | 'year' | 'cycle' | 'term' | 'esy';
  start: string;
  end: string;
  label: string;
  /** School days (ESY days for ESY rows) of the service periods that make up the row: the proration's denominator. */
  instructionalDays: number;
  /** Those of them on which the service was active (within its dates and the window): the numerator. */
  activeDays: number;
  /** Holidays, breaks and closures in [start, end], as display lines. */
  closures: string[];
};

export type ServiceLedger = {
  serviceId: string;
  window: { from: string; to: string };
  totals: LedgerFigures;
  periods: LedgerPeriod[];
  unappliedMakeupMinutes: number;
  notes: string[];
  /** Only when asked for (`listOwedMisses`): every owed miss up to the window's end, oldest first. */
  owedMisses?: OwedMiss[];
};

// ---------------------------------------------------------------------------------------------

const EMPTY: string[] = Object.freeze([]) as unknown as string[];

type IdKey = keyof FigureIds;

function emptyIds(): FigureIds {
  return {
    delivered: EMPTY,
    short: EMPTY,
    missed: EMPTY,
    extra: EMPTY,
    owed: EMPTY,
    excused: EMPTY,
    pending: EMPTY,
    makeup: EMPTY,
    makeupApplied: EMPTY,
  };
}

/** The ids of a bucket of a 'totals' ledger, which never lists any. */
const NO_IDS: FigureIds = Object.freeze(emptyIds());

function pushId(ids: FigureIds, key: IdKey, id: string): void {
  const list = ids[key];
  if (list === EMPTY) ids[key] = [id];
  else list.push(id);
}

// Bucket kinds. Ranks order them from finest to coarsest for weekly/monthly display.
const K_DAY = 1;
const K_WEEK = 2;
const K_MONTH = 3;
const K_YEAR = 4;
const K_CYCLE = 5;
const K_PATTERN = 6;
const K_ESY_YEAR = 7;
const K_ESY_CYCLE = 8;
/** One of the school calendar's terms or grading periods. */
const K_TERM = 9;

const RANK: Record<number, number> = {
  [K_DAY]: 0,
  [K_WEEK]: 1,
  [K_PATTERN]: 2,
  [K_CYCLE]: 2,
  [K_ESY_CYCLE]: 2,
  [K_MONTH]: 3,
  [K_TERM]: 4,
  [K_YEAR]: 4,
  [K_ESY_YEAR]: 4,
};

const UNIT_OF: Record<number, 'day' | 'week' | 'month' | 'year' | 'cycle' | 'term'> = {
  [K_TERM]: 'term',
  [K_DAY]: 'day',
  [K_WEEK]: 'week',
  [K_PATTERN]: 'week',
  [K_MONTH]: 'month',
  [K_YEAR]: 'year',
  [K_ESY_YEAR]: 'year',
  [K_CYCLE]: 'cycle',
  [K_ESY_CYCLE]: 'cycle',
};

/** Share units for "N of every M weeks": 420 is divisible by every count of school days in a week (1..7). */
const SHARE_UNIT = 420;

type Term = {
  index: number;
  esy: boolean;
  startDay: number;
  endDay: number;
  kind: number;
  sessionsPerPeriod: number | null;
  minutesPerPeriod: number | null;
  minutesPerSession: number | null;
  minutesBased: boolean;
  /** Cycle length in days (K_CYCLE / K_ESY_CYCLE). */
  cycleDays: number;
  patternActive: number;
  patternEvery: number;
  /** Monday of the week of the term's start (pattern blocks count from it). */
  anchor: number;
  /** Active ranges as flat [from, to, from, to, ...] day numbers: the term's dates within the window (ESY days excluded for school terms). */
  ranges: number[];
  /** ESY cycle terms: the ESY days of the whole block. */
  esyDays: number[] | null;
  /** The bucket of the last entry looked up (entries come in date order, so most lookups hit it). */
  lastBucket: Bucket | null;
  /** The builder's buckets of this term's kind of period. */
  space: BucketSpace;
};

type Part = {
  term: Term;
  active: number;
  shareUnits: number;
  sessions: number;
  minutes: number;
  entries: number;
  /** Minutes its entries account for so far (credited + gaps): what the part "still requires" is minutes minus this. */
  accounted: number;
};

/** The minutes a bucket counts, or a sum of buckets: scheduled, delivered, and the rest. */
class Counts {
  scheduled = 0;
  delivered = 0;
  extra = 0;
  owed = 0;
  excused = 0;
  pending = 0;
}

/**
 * One of the service's own periods, what it counts, and (as a part) the term that made it. Buckets are
 * kept between calls and given out again (`takeBucket`): a district's ledger makes one per week of every
 * service, and making them new each time was most of what the in-memory ledger allocated, so a seventh
 * of its time went to collecting them. No bucket outlives the call that took it: the rows and totals a
 * ledger returns copy their figures, and a bucket's id lists are new for each taking.
 */
class Bucket implements Part {
  // Its first part, the term that made it (a bucket is the part of that term): a part of its own for
  // every bucket was a third of what a district's ledger allocated, a bucket per week of every service.
  term!: Term;
  active = 0;
  shareUnits = 0;
  sessions = 0;
  minutes = 0;
  entries = 0;
  accounted = 0;
  // What it counts (the same fields as Counts: an entry's gap is added to owed, excused or pending by name).
  scheduled = 0;
  delivered = 0;
  extra = 0;
  owed = 0;
  excused = 0;
  pending = 0;
  /** The other terms counted in the bucket, when the amount changes within it; null for none. */
  more: Part[] | null = null;
  activeDays = 0;
  minutesBased = false;
  requiredSessions = 0;
  requiredMinutes = 0;
  unloggedSessions = 0;
  unloggedMinutes = 0;
  makeup = 0;
  makeupApplied = 0;
  /** Shared and empty until the builder gives the bucket its own (a 'totals' ledger lists no ids). */
  ids: FigureIds = NO_IDS;
  label = '';
  key = 0;
  kind = 0;
  esyTerm: Term | null = null;
  spanStart = 0;
  spanEnd = 0;
  start = 0;
  end = 0;
  instructionalDays = 0;
  /** Cycle number (1-based) for cycles; unused otherwise. */
  ordinal = 0;

  /** Makes the bucket new: every field as a new bucket of `term` has it. */
  init(
    term: Term,
    key: number,
    kind: number,
    spanStart: number,
    spanEnd: number,
    start: number,
    end: number,
    instructionalDays: number,
    ordinal: number,
    ids: FigureIds,
  ): Bucket {
    this.term = term;
    this.active = 0;
    this.shareUnits = 0;
    this.sessions = 0;
    this.minutes = 0;
    this.entries = 0;
    this.accounted = 0;
    this.scheduled = 0;
    this.delivered = 0;
    this.extra = 0;
    this.owed = 0;
    this.excused = 0;
    this.pending = 0;
    this.more = null;
    this.activeDays = 0;
    this.minutesBased = term.minutesBased;
    this.requiredSessions = 0;
    this.requiredMinutes = 0;
    this.unloggedSessions = 0;
    this.unloggedMinutes = 0;
    this.makeup = 0;
    this.makeupApplied = 0;
    this.ids = ids;
    this.label = '';
    this.key = key;
    this.kind = kind;
    this.esyTerm = term.esy ? term : null;
    this.spanStart = spanStart;
    this.spanEnd = spanEnd;
    this.start = start;
    this.end = end;
    this.instructionalDays = instructionalDays;
    this.ordinal = ordinal;
    return this;
  }
}

/** Buckets kept for the next call; the first `bucketsTaken` are the current call's (the ledger is synchronous). */
const BUCKETS: Bucket[] = [];
let bucketsTaken = 0;
/** The most buckets kept between calls (more are made new and left to the collector): 20 years of weeks. */
const BUCKETS_KEPT = 1_040;

function takeBucket(): Bucket {
  if (bucketsTaken < BUCKETS.length) return BUCKETS[bucketsTaken++]!;
  const b = new Bucket();
  if (BUCKETS.length < BUCKETS_KEPT) {
    BUCKETS.push(b);
    bucketsTaken++;
  }
  return b;
}

type Miss = {
  id: string;
  day: number;
  remaining: number;
  applied: number;
  bucket: Bucket | null;
  inWindow: boolean;
};
type Makeup = {
  id: string;
  day: number;
  minutes: number;
  left: number;
  named: string | null;
  inWindow: boolean;
};

function policyOf(policy: ReasonPolicy, entry: LedgerEntry): Responsibility {
  if (entry.responsibility) return entry.responsibility;
  const reason = entry.reason ?? 'unknown';
  return policy[reason] ?? DEFAULT_REASON_POLICY[reason] ?? 'pending';
}

/** Round half up of numerator / denominator for non-negative integers, exactly. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

function percent(delivered: number, required: number): number | null {
  return required > 0 ? Math.round((delivered / required) * 1000) / 10 : null;
}

// ---------------------------------------------------------------------------------------------

/** A part's required sessions and minutes (rule 1), over a bucket of `inst` school days. */
function requireOf(p: Part, inst: number): void {
  const t = p.term;
  if (t.kind === K_PATTERN) {
    const cap = t.patternActive * SHARE_UNIT;
    const units = Math.min(p.shareUnits, cap);
    if (t.minutesBased) p.minutes = roundHalfUp(t.minutesPerPeriod! * units, SHARE_UNIT);
    else {
      p.sessions = roundHalfUp(t.sessionsPerPeriod! * units, SHARE_UNIT);
      p.minutes = p.sessions * t.minutesPerSession!;
    }
  } else if (inst > 0 && p.active > 0) {
    if (t.minutesBased) p.minutes = roundHalfUp(t.minutesPerPeriod! * p.active, inst);
    else {
      p.sessions = roundHalfUp(t.sessionsPerPeriod! * p.active, inst);
      p.minutes = p.sessions * t.minutesPerSession!;
    }
  }
}

class LedgerBuilder {
  readonly buckets: Bucket[] = [];
  /** One map of buckets per kind of period (and cycle length, or term for patterns and ESY), keyed by a small integer. */
  readonly spaces = new Map<number, BucketSpace>();

  spaceFor(term: Term): BucketSpace {
    const sub = term.kind === K_CYCLE ? term.cycleDays : term.kind === K_PATTERN || term.esy ? term.index : 0;
    const key = (term.kind * 2 + (term.esy ? 1 : 0)) * 1000 + sub;
    let space = this.spaces.get(key);
    if (space === undefined) {
      space = new BucketSpace();
      this.spaces.set(key, space);
    }
    return space;
  }

  constructor(
    readonly cal: CalendarIndex,
    readonly from: number,
    readonly to: number,
    /** Whether buckets list the ids behind their figures (a 'full' ledger). */
    readonly listIds: boolean,
  ) {}

  count(term: Term, a: number, b: number): number {
    return term.esy ? this.cal.countEsyDayNumbers(a, b) : this.cal.countInstructionalDayNumbers(a, b);
  }

  isDay(term: Term, d: number): boolean {
    return term.esy ? this.cal.isEsyDayNumber(d) : this.cal.isInstructionalDayNumber(d);
  }

  /** A new bucket of the term's space (each caller has looked for it there first). */
  bucket(
    key: number,
    kind: number,
    term: Term,
    spanStart: number,
    spanEnd: number,
    instructional: number,
    ordinal: number,
  ): Bucket {
    const b = takeBucket().init(
      term,
      key,
      kind,
      spanStart,
      spanEnd,
      spanStart > this.from ? spanStart : this.from,
      spanEnd < this.to ? spanEnd : this.to,
      instructional,
      ordinal,
      this.listIds ? emptyIds() : NO_IDS,
    );
    term.space.set(key, b);
    this.buckets.push(b);
    return b;
  }

  part(b: Bucket, term: Term): Part {
    if (b.term === term) return b;
    const more = b.more;
    if (more !== null) for (let i = more.length - 1; i >= 0; i--) if (more[i]!.term === term) return more[i]!;
    const p: Part = { term, active: 0, shareUnits: 0, sessions: 0, minutes: 0, entries: 0, accounted: 0 };
    if (more === null) b.more = [p];
    else more.push(p);
    if (term.minutesBased) b.minutesBased = true;
    return p;
  }

  addActive(b: Bucket, term: Term, active: number, shareUnits: number): void {
    const p = this.part(b, term);
    p.active += active;
    p.shareUnits += shareUnits;
    b.activeDays += active;
  }

  // ---- enumerate the service's own periods over a term's active ranges

  enumerate(term: Term): void {
    const r = term.ranges;
    for (let i = 0; i < r.length; i += 2) {
      const a = r[i]!;
      const b = r[i + 1]!;
      switch (term.kind) {
        case K_WEEK:
          this.weeks(term, a, b);
          break;
        case K_PATTERN:
          this.patternWeeks(term, a, b);
          break;
        case K_MONTH:
          this.months(term, a, b);
          break;
        case K_DAY:
          for (let d = a; d <= b; d++) {
            if (this.isDay(term, d)) this.addActive(this.dayBucket(term, d), term, 1, 0);
          }
          break;
        case K_YEAR:
          this.schoolYears(term, a, b);
          break;
        case K_TERM:
          this.schoolTerms(term, a, b);
          break;
        case K_CYCLE:
          this.cycles(term, a, b);
          break;
        case K_ESY_YEAR:
          this.esyWhole(term, a, b);
          break;
        case K_ESY_CYCLE:
          this.esyCycles(term, a, b);
          break;
      }
    }
  }

  weekBucket(term: Term, ws: number): Bucket {
    // Weeks are numbered so that they count up by one, as every other kind's keys do: a Monday's day
    // number is 4 more than a multiple of 7 (day 0, 1970-01-01, was a Thursday).
    const key = (ws + 3) / 7;
    return term.space.get(key) ?? this.bucket(key, K_WEEK, term, ws, ws + 6, this.count(term, ws, ws + 6), 0);
  }

  weeks(term: Term, a: number, b: number): void {
    for (let ws = weekStartDay(a); ws <= b; ws += 7) {
      const we = ws + 6;
      const bucket = this.weekBucket(term, ws);
      // A week within the range is active on all its days, which the bucket has counted: a space of
      // weeks counts one kind of day (school days, or one ESY block's days; spaceFor).
      const active =
        ws >= a && we <= b ? bucket.instructionalDays : this.count(term, Math.max(ws, a), Math.min(we, b));
      this.addActive(bucket, term, active, 0);
    }
  }

  patternBucket(term: Term, block: number): Bucket {
    const key = block;
    const existing = term.space.get(key);
    if (existing) return existing;
    const span = 7 * term.patternEvery;
    const start = term.anchor + block * span;
    return this.bucket(
      key,
      K_PATTERN,
      term,
      start,
      start + span - 1,
      this.count(term, start, start + span - 1),
      block,
    );
  }

  patternWeeks(term: Term, a: number, b: number): void {
    const span = 7 * term.patternEvery;
    for (let ws = weekStartDay(a); ws <= b; ws += 7) {
      const we = ws + 6;
      const block = Math.floor((ws - term.anchor) / span);
      const inWeek = this.count(term, ws, we);
      const active = this.count(term, Math.max(ws, a), Math.min(we, b));
      const units = inWeek > 0 ? (active * SHARE_UNIT) / inWeek : 0;
      this.addActive(this.patternBucket(term, block), term, active, units);
    }
  }

  monthBucket(term: Term, month: number): Bucket {
    const key = month;
    const existing = term.space.get(key);
    if (existing) return existing;
    const ms = monthIndexStartDay(month);
    const me = monthIndexStartDay(month + 1) - 1;
    return this.bucket(key, K_MONTH, term, ms, me, this.count(term, ms, me), month);
  }

  months(term: Term, a: number, b: number): void {
    let month = monthIndexOfDay(a);
    let ms = monthIndexStartDay(month);
    while (ms <= b) {
      const next = monthIndexStartDay(month + 1);
      const me = next - 1;
      this.addActive(
        this.monthBucket(term, month),
        term,
        this.count(term, Math.max(ms, a), Math.min(me, b)),
        0,
      );
      month++;
      ms = next;
    }
  }

  dayBucket(term: Term, d: number): Bucket {
    const key = d;
    return term.space.get(key) ?? this.bucket(key, K_DAY, term, d, d, this.isDay(term, d) ? 1 : 0, 0);
  }

  yearBucket(term: Term, y: number): Bucket {
    const key = y;
    const existing = term.space.get(key);
    if (existing) return existing;
    const year = this.cal.years[y]!;
    return this.bucket(key, K_YEAR, term, year.firstDayNumber, year.lastDayNumber, year.instructionalDays, y);
  }

  schoolYears(term: Term, a: number, b: number): void {
    for (const year of this.cal.years) {
      if (year.lastDayNumber < a || year.firstDayNumber > b) continue;
      const s = Math.max(year.firstDayNumber, a);
      const e = Math.min(year.lastDayNumber, b);
      this.addActive(this.yearBucket(term, year.index), term, this.cal.countInstructionalDayNumbers(s, e), 0);
    }
  }

  termBucket(term: Term, t: number): Bucket {
    const key = t;
    const existing = term.space.get(key);
    if (existing) return existing;
    const span = this.cal.terms[t]!;
    return this.bucket(key, K_TERM, term, span.firstDayNumber, span.lastDayNumber, span.instructionalDays, t);
  }

  schoolTerms(term: Term, a: number, b: number): void {
    for (const span of this.cal.terms) {
      if (span.lastDayNumber < a || span.firstDayNumber > b) continue;
      const s = Math.max(span.firstDayNumber, a);
      const e = Math.min(span.lastDayNumber, b);
      this.addActive(this.termBucket(term, span.index), term, this.cal.countInstructionalDayNumbers(s, e), 0);
    }
  }

  cycleBucket(term: Term, y: number, g: number): Bucket {
    const n = term.cycleDays;
    const key = y * 100_000 + g;
    const existing = term.space.get(key);
    if (existing) return existing;
    const gs = this.cal.groupStartDayNumber(y, g, n);
    const next = this.cal.groupStartDayNumber(y, g + 1, n);
    const ge = next < 0 ? this.cal.years[y]!.lastDayNumber : next - 1;
    return this.bucket(key, K_CYCLE, term, gs, ge, n, g + 1);
  }

  cycles(term: Term, a: number, b: number): void {
    const n = term.cycleDays;
    for (const year of this.cal.years) {
      if (year.lastDayNumber < a || year.firstDayNumber > b) continue;
      const s = Math.max(year.firstDayNumber, a);
      const e = Math.min(year.lastDayNumber, b);
      const g0 = this.cal.groupOfDayNumber(s, n);
      const g1 = this.cal.groupOfDayNumber(e, n);
      for (let g = g0; g <= g1; g++) {
        const bucket = this.cycleBucket(term, year.index, g);
        const cs = Math.max(bucket.spanStart, s);
        const ce = Math.min(bucket.spanEnd, e);
        this.addActive(bucket, term, this.cal.countInstructionalDayNumbers(cs, ce), 0);
      }
    }
  }

  esyWholeBucket(term: Term): Bucket {
    const key = 0;
    return (
      term.space.get(key) ??
      this.bucket(
        key,
        K_ESY_YEAR,
        term,
        term.startDay,
        term.endDay,
        this.count(term, term.startDay, term.endDay),
        0,
      )
    );
  }

  esyWhole(term: Term, a: number, b: number): void {
    this.addActive(this.esyWholeBucket(term), term, this.count(term, a, b), 0);
  }

  esyDaysOf(term: Term): number[] {
    if (term.esyDays === null) {
      const days: number[] = [];
      for (let d = term.startDay; d <= term.endDay; d++) if (this.cal.isEsyDayNumber(d)) days.push(d);
      term.esyDays = days;
    }
    return term.esyDays;
  }

  esyGroupOf(term: Term, d: number): number {
    const through = this.count(term, term.startDay, d);
    return through <= 0 ? 0 : Math.floor((through - 1) / term.cycleDays);
  }

  esyCycleBucket(term: Term, g: number): Bucket {
    const key = g;
    const existing = term.space.get(key);
    if (existing) return existing;
    const days = this.esyDaysOf(term);
    const n = term.cycleDays;
    const gs = g === 0 ? term.startDay : days[g * n]!;
    const ge = (g + 1) * n < days.length ? days[(g + 1) * n]! - 1 : term.endDay;
    return this.bucket(key, K_ESY_CYCLE, term, gs, ge, n, g + 1);
  }

  esyCycles(term: Term, a: number, b: number): void {
    const g0 = this.esyGroupOf(term, a);
    const g1 = this.esyGroupOf(term, b);
    for (let g = g0; g <= g1; g++) {
      const bucket = this.esyCycleBucket(term, g);
      const cs = Math.max(bucket.spanStart, a);
      const ce = Math.min(bucket.spanEnd, b);
      this.addActive(bucket, term, this.count(term, cs, ce), 0);
    }
  }

  /** The bucket an entry dated `d` (inside the term's dates and the window) belongs to; null outside the calendar (cycle/year). */
  bucketFor(term: Term, d: number): Bucket | null {
    const last = term.lastBucket;
    if (last !== null && d >= last.spanStart && d <= last.spanEnd) return last;
    const b = this.findBucket(term, d);
    if (b !== null) term.lastBucket = b;
    return b;
  }

  findBucket(term: Term, d: number): Bucket | null {
    switch (term.kind) {
      case K_WEEK:
        return this.weekBucket(term, weekStartDay(d));
      case K_PATTERN:
        return this.patternBucket(
          term,
          Math.floor((weekStartDay(d) - term.anchor) / (7 * term.patternEvery)),
        );
      case K_MONTH:
        return this.monthBucket(term, monthIndexOfDay(d));
      case K_DAY:
        return this.dayBucket(term, d);
      case K_YEAR: {
        const y = this.cal.yearIndexOfDayNumber(d);
        return y < 0 ? null : this.yearBucket(term, y);
      }
      case K_TERM: {
        const t = this.cal.termIndexOfDayNumber(d);
        return t < 0 ? null : this.termBucket(term, t);
      }
      case K_CYCLE: {
        const y = this.cal.yearIndexOfDayNumber(d);
        return y < 0 ? null : this.cycleBucket(term, y, this.cal.groupOfDayNumber(d, term.cycleDays));
      }
      case K_ESY_YEAR:
        return this.esyWholeBucket(term);
      case K_ESY_CYCLE:
        return this.esyCycleBucket(term, this.esyGroupOf(term, d));
    }
    return null;
  }

  /** Required sessions and minutes of each part (rule 1), then of each bucket. */
  finalizeRequired(b: Bucket): void {
    const inst = b.instructionalDays;
    requireOf(b, inst);
    let sessions = b.sessions;
    let minutes = b.minutes;
    if (b.more !== null)
      for (const p of b.more) {
        requireOf(p, inst);
        sessions += p.sessions;
        minutes += p.minutes;
      }
    b.requiredSessions = sessions;
    b.requiredMinutes = minutes;
  }

  /** A bucket as a note names it, in the notes' language (the same periods as `labelOf`). */
  periodOf(b: Bucket, words: LedgerNoteWords): string {
    const esy = b.esyTerm != null;
    const start = isoOfDay(b.spanStart);
    const end = isoOfDay(b.spanEnd);
    switch (b.kind) {
      case K_DAY:
        return words.period({ kind: 'day', esy, start });
      case K_WEEK:
        return words.period({ kind: 'week', esy, start });
      case K_PATTERN: {
        const t = b.term;
        return words.period({
          kind: 'pattern',
          esy,
          start,
          end,
          active: t.patternActive,
          every: t.patternEvery,
        });
      }
      case K_MONTH:
        return words.period({ kind: 'month', esy, start });
      case K_YEAR:
        return words.period({ kind: 'year', start, end });
      case K_TERM:
        return words.period({ kind: 'term', term: this.cal.terms[b.ordinal]!.name, start, end });
      case K_ESY_YEAR:
        return words.period({ kind: 'esyYear', start, end });
      default:
        return words.period({ kind: 'cycle', esy, ordinal: b.ordinal, start, end });
    }
  }

  labelOf(b: Bucket): string {
    if (b.label) return b.label;
    const esy = b.esyTerm ? 'ESY ' : '';
    let label: string;
    switch (b.kind) {
      case K_DAY:
        label = esy + isoOfDay(b.spanStart);
        break;
      case K_WEEK:
        label = `${esy ? 'ESY week' : 'Week'} of ${isoOfDay(b.spanStart)}`;
        break;
      case K_PATTERN: {
        const t = b.term;
        label = `${esy}Weeks of ${isoOfDay(b.spanStart)} to ${isoOfDay(b.spanEnd)} (${t.patternActive} of every ${t.patternEvery} weeks)`;
        break;
      }
      case K_MONTH:
        label = `${esy}${formatRecordDate(isoOfDay(b.spanStart), 'monthYear')}`;
        break;
      case K_YEAR:
        label = `School year ${isoOfDay(b.spanStart)} to ${isoOfDay(b.spanEnd)}`;
        break;
      case K_TERM:
        label = `${this.cal.terms[b.ordinal]!.name} (${isoOfDay(b.spanStart)} to ${isoOfDay(b.spanEnd)})`;
        break;
      case K_ESY_YEAR:
        label = `ESY ${isoOfDay(b.spanStart)} to ${isoOfDay(b.spanEnd)}`;
        break;
      default:
        label = `${esy}Cycle ${b.ordinal} (${isoOfDay(b.spanStart)} to ${isoOfDay(b.spanEnd)})`;
    }
    b.label = label;
    return label;
  }
}

/**
 * One kind of period's buckets by key (a whole number). Keys come in runs that count up by one (a
 * window's weeks, months, days, blocks), so they are kept in an array by their distance from the first
 * key set; a key before it or too far past it (a cycle of another school year) goes to a map. A map for
 * every key cost a tenth of a district's ledger: a bucket per week of every service, each growing it.
 */
class BucketSpace {
  private base = 0;
  private readonly slots: (Bucket | undefined)[] = [];
  private others: Map<number, Bucket> | null = null;

  get(key: number): Bucket | undefined {
    const i = key - this.base;
    return i >= 0 && i < this.slots.length ? this.slots[i] : this.others?.get(key);
  }

  set(key: number, bucket: Bucket): void {
    const slots = this.slots;
    if (slots.length === 0 && this.others === null) this.base = key;
    const i = key - this.base;
    if (i >= 0 && i < SPACE_SLOTS) {
      while (slots.length < i) slots.push(undefined);
      slots[i] = bucket;
    } else {
      this.others ??= new Map();
      this.others.set(key, bucket);
    }
  }
}

/** The most keys a space keeps in its array: 100 years of weeks, 400 years of months. */
const SPACE_SLOTS = 5_200;

const NO_SPACE = new BucketSpace();

function makeTerm(seg: ServiceSegment, index: number, esy: boolean): Term {
  const unit = seg.period.unit;
  const minutesBased = seg.sessionsPerPeriod == null;
  const pattern = unit === 'week' ? seg.pattern : null;
  let kind: number;
  if (unit === 'week') kind = pattern ? K_PATTERN : K_WEEK;
  else if (unit === 'month') kind = K_MONTH;
  else if (unit === 'day') kind = K_DAY;
  // An extended school year block has no terms: "per term" there means the whole block.
  else if (unit === 'year' || (unit === 'term' && esy)) kind = esy ? K_ESY_YEAR : K_YEAR;
  else if (unit === 'term') kind = K_TERM;
  else kind = esy ? K_ESY_CYCLE : K_CYCLE;
  const startDay = dayOf(seg.startDate);
  return {
    index,
    esy,
    startDay,
    endDay: dayOf(seg.endDate),
    kind,
    sessionsPerPeriod: seg.sessionsPerPeriod ?? null,
    minutesPerPeriod: minutesBased ? (seg.minutesPerPeriod ?? 0) : null,
    minutesPerSession: seg.minutesPerSession ?? null,
    minutesBased,
    cycleDays: Math.max(1, seg.period.cycleDays ?? 1),
    patternActive: pattern?.activeWeeks ?? 0,
    patternEvery: pattern?.everyWeeks ?? 1,
    anchor: weekStartDay(startDay),
    ranges: [],
    esyDays: null,
    lastBucket: null,
    space: NO_SPACE,
  };
}

/** [a, b] minus the given sorted-or-not spans, as flat ranges. */
function subtractSpans(a: number, b: number, spans: Term[]): number[] {
  let out = [a, b];
  for (const s of spans) {
    if (s.endDay < a || s.startDay > b) continue;
    const next: number[] = [];
    for (let i = 0; i < out.length; i += 2) {
      const x = out[i]!;
      const y = out[i + 1]!;
      if (s.endDay < x || s.startDay > y) {
        next.push(x, y);
        continue;
      }
      if (s.startDay > x) next.push(x, s.startDay - 1);
      if (s.endDay < y) next.push(s.endDay + 1, y);
    }
    out = next;
  }
  return out;
}

type Row = {
  unit: LedgerPeriod['unit'];
  start: number;
  end: number;
  label: string;
  buckets: Bucket[];
};

/** Running sums of buckets' figures. */
class Sums extends Counts {
  requiredSessions: number | null = 0;
  unloggedSessions: number | null = 0;
  required = 0;
  unlogged = 0;
  makeup = 0;
  applied = 0;
  instructional = 0;
  active = 0;

  /** Every sum back to nothing, as a new Sums has it. */
  reset(): this {
    this.scheduled = 0;
    this.delivered = 0;
    this.extra = 0;
    this.owed = 0;
    this.excused = 0;
    this.pending = 0;
    this.requiredSessions = 0;
    this.unloggedSessions = 0;
    this.required = 0;
    this.unlogged = 0;
    this.makeup = 0;
    this.applied = 0;
    this.instructional = 0;
    this.active = 0;
    return this;
  }

  add(b: Bucket): void {
    if (b.minutesBased) {
      this.requiredSessions = null;
      this.unloggedSessions = null;
    } else if (this.requiredSessions !== null && this.unloggedSessions !== null) {
      this.requiredSessions += b.requiredSessions;
      this.unloggedSessions += b.unloggedSessions;
    }
    this.required += b.requiredMinutes;
    this.scheduled += b.scheduled;
    this.delivered += b.delivered;
    this.extra += b.extra;
    this.owed += b.owed;
    this.excused += b.excused;
    this.pending += b.pending;
    this.unlogged += b.unloggedMinutes;
    this.makeup += b.makeup;
    this.applied += b.makeupApplied;
    this.instructional += b.instructionalDays;
    this.active += b.activeDays;
  }
}

function idsOf(buckets: Bucket[]): FigureIds {
  if (buckets.length === 1) return buckets[0]!.ids;
  const out = emptyIds();
  for (const b of buckets) {
    for (const key of Object.keys(b.ids) as IdKey[]) {
      const list = b.ids[key];
      if (list.length > 0) out[key] = out[key] === EMPTY ? list.slice() : out[key].concat(list);
    }
  }
  return out;
}

/**
 * The figures of a sum. Written out in one object literal, not spread into another: V8 copies a spread
 * object slowly, and a district's ledger builds a period per week of every service (spreading made the
 * ledger bench 10 times slower, issue 14).
 */
function totalsOf(s: Sums, entryIds: FigureIds): LedgerFigures {
  return {
    requiredSessions: s.requiredSessions,
    requiredMinutes: s.required,
    scheduledSessions: s.scheduled,
    deliveredMinutes: s.delivered,
    extraMinutes: s.extra,
    owedMinutes: s.owed,
    excusedMinutes: s.excused,
    pendingMinutes: s.pending,
    unloggedSessions: s.unloggedSessions,
    unloggedMinutes: s.unlogged,
    makeupMinutes: s.makeup,
    makeupAppliedMinutes: s.applied,
    owedBalanceMinutes: s.owed - s.applied,
    percentDelivered: percent(s.delivered, s.required),
    entryIds,
  };
}

/** The sum of a row's buckets, set back to nothing for each row (its figures are copied out of it). */
const ROW_SUMS = new Sums();

/**
 * A row as a period: its figures, then its own fields, in one object literal as `totalsOf` writes the
 * figures (adding the row's fields to the figures with Object.assign was an eighth of a full ledger).
 */
function periodOf(row: Row, cal: CalendarIndex): LedgerPeriod {
  const s = ROW_SUMS.reset();
  for (const b of row.buckets) s.add(b);
  return {
    requiredSessions: s.requiredSessions,
    requiredMinutes: s.required,
    scheduledSessions: s.scheduled,
    deliveredMinutes: s.delivered,
    extraMinutes: s.extra,
    owedMinutes: s.owed,
    excusedMinutes: s.excused,
    pendingMinutes: s.pending,
    unloggedSessions: s.unloggedSessions,
    unloggedMinutes: s.unlogged,
    makeupMinutes: s.makeup,
    makeupAppliedMinutes: s.applied,
    owedBalanceMinutes: s.owed - s.applied,
    percentDelivered: percent(s.delivered, s.required),
    entryIds: idsOf(row.buckets),
    unit: row.unit,
    start: isoOfDay(row.start),
    end: isoOfDay(row.end),
    label: row.label,
    instructionalDays: s.instructional,
    activeDays: s.active,
    closures: cal.closureTextsBetweenDayNumbers(row.start, row.end) as string[],
  };
}

/**
 * Compute one service's ledger over a window. See docs/ledger-rules.md for every rule and its source.
 */
export function computeServiceLedger(input: LedgerInput): ServiceLedger {
  const { service, calendar: cal, entries } = input;
  const policy = input.policy ?? DEFAULT_REASON_POLICY;
  const grouping = input.grouping ?? 'auto';
  const notes: string[] = [];
  const words = ledgerNoteWords(input.language);

  const from = dayOf(input.window.from);
  const asOf = dayOf(input.asOf);
  const requestedTo = dayOf(input.window.to);
  const to = Math.min(requestedTo, asOf);
  const window = { from: input.window.from, to: to === requestedTo ? input.window.to : input.asOf };
  if (requestedTo > asOf && to >= from) {
    notes.push(words.asOf(input.asOf));
  }

  bucketsTaken = 0;
  // A 'totals' ledger keeps no id lists and builds no rows; every figure is counted the same way.
  const full = input.detail !== 'totals';
  const builder = new LedgerBuilder(cal, from, to, full);

  // Terms: ESY blocks first (they take precedence on their dates), then the segments.
  const esyTerms: Term[] = [];
  for (const seg of service.esyBlocks ?? []) esyTerms.push(makeTerm(seg, esyTerms.length, true));
  const schoolTerms: Term[] = [];
  for (const seg of service.segments)
    schoolTerms.push(makeTerm(seg, esyTerms.length + schoolTerms.length, false));
  schoolTerms.sort((a, b) => a.startDay - b.startDay);
  const terms = esyTerms.concat(schoolTerms);
  for (const t of terms) t.space = builder.spaceFor(t);
  const countsPerTerm = schoolTerms.some((t) => t.kind === K_TERM && t.startDay <= to && t.endDay >= from);

  for (const t of terms) {
    const a = Math.max(t.startDay, from);
    const b = Math.min(t.endDay, to);
    if (a > b) continue;
    t.ranges = t.esy || esyTerms.length === 0 ? [a, b] : subtractSpans(a, b, esyTerms);
    builder.enumerate(t);
  }
  for (const b of builder.buckets) builder.finalizeRequired(b);

  const locate = (d: number): Term | null => {
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      if (d >= t.startDay && d <= t.endDay) return t;
    }
    return null;
  };

  // ---- entries, in date order (ties by id) so "oldest first" and running remainders are deterministic
  const n = entries.length;
  const days = dayScratch(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    days[i] = dayOf(entries[i]!.date);
    if (
      i > 0 &&
      (days[i]! < days[i - 1]! || (days[i] === days[i - 1] && entries[i]!.id < entries[i - 1]!.id))
    ) {
      sorted = false;
    }
  }
  let order: Int32Array | null = null;
  if (!sorted) order = dateOrder(entries, days);

  const totalIds = emptyIds();
  const misses: Miss[] = [];
  const makeups: Makeup[] = [];
  let makeupInWindow = 0;
  let anyNamed = false;
  let anyReplaces = false;
  const outsideDates: string[] = [];
  const outsideCalendarDates: string[] = [];
  const outsideTermDates: string[] = [];
  const closureDates: string[] = [];
  let noSchoolCount = 0;
  let afterAsOf = 0;
  let unknownLength = 0;

  for (let k = 0; k < n; k++) {
    const idx = order === null ? k : order[k]!;
    const e = entries[idx]!;
    const d = days[idx]!;
    if (e.replaces) anyReplaces = true;
    // A void (logged by mistake) counts for nothing; it only tells make-ups what became of their miss.
    if (e.status === 'void') continue;
    if (d > to) {
      if (d > asOf) afterAsOf++;
      continue;
    }
    const inWindow = d >= from;
    const term = locate(d);

    if (e.kind === 'makeup') {
      const minutes = Math.max(e.minutesDelivered, 0);
      makeups.push({ id: e.id, day: d, minutes, left: minutes, named: e.makeupForEntryId, inWindow });
      if (e.makeupForEntryId) anyNamed = true;
      if (inWindow) {
        makeupInWindow += minutes;
        if (full) pushId(totalIds, 'makeup', e.id);
        const b = term ? builder.bucketFor(term, d) : null;
        if (b && term) {
          builder.part(b, term);
          b.makeup += minutes;
          if (full) pushId(b.ids, 'makeup', e.id);
        }
      }
      continue;
    }

    if (term === null) {
      if (inWindow) outsideDates.push(e.date);
      continue;
    }
    const planned = term.minutesPerSession ?? e.minutesPlanned ?? null;
    const deliveredRaw = Math.max(e.minutesDelivered, 0);

    if (!inWindow) {
      // History before the window: only its owed minutes matter (make-ups are allocated over all of it).
      if (planned !== null) {
        const gap = planned - Math.min(deliveredRaw, planned);
        if (gap > 0 && policyOf(policy, e) === 'owed')
          misses.push({ id: e.id, day: d, remaining: gap, applied: 0, bucket: null, inWindow: false });
      }
      continue;
    }

    const b = builder.bucketFor(term, d);
    if (b === null) {
      if (term.kind === K_TERM) outsideTermDates.push(e.date);
      else outsideCalendarDates.push(e.date);
      continue;
    }
    const part = builder.part(b, term);
    part.entries++;
    b.scheduled++;

    let credited: number;
    let gap: number;
    if (planned !== null) {
      credited = Math.min(deliveredRaw, planned);
      gap = planned - credited;
    } else {
      const still = part.minutes - part.accounted;
      credited = deliveredRaw < still ? deliveredRaw : Math.max(still, 0);
      gap = 0;
      if (deliveredRaw === 0) unknownLength++;
    }
    const extra = deliveredRaw - credited;
    part.accounted += credited + gap;
    b.delivered += credited;
    b.extra += extra;
    if (full) {
      if (credited > 0) {
        pushId(b.ids, 'delivered', e.id);
        pushId(totalIds, 'delivered', e.id);
      }
      if (extra > 0) {
        pushId(b.ids, 'extra', e.id);
        pushId(totalIds, 'extra', e.id);
      }
    }
    if (gap > 0) {
      // Who answers for a gap (the reason's policy) is asked only of a gap.
      const responsibility = policyOf(policy, e);
      // By name, not b[responsibility]: a keyed store was a thirtieth of the in-memory ledger.
      if (responsibility === 'owed') b.owed += gap;
      else if (responsibility === 'excused') b.excused += gap;
      else b.pending += gap;
      if (full) {
        const statusKey: IdKey = credited > 0 ? 'short' : 'missed';
        pushId(b.ids, statusKey, e.id);
        pushId(totalIds, statusKey, e.id);
        pushId(b.ids, responsibility, e.id);
        pushId(totalIds, responsibility, e.id);
      }
      if (responsibility === 'owed') {
        misses.push({ id: e.id, day: d, remaining: gap, applied: 0, bucket: b, inWindow: true });
      }
    } else if (full && planned === null && deliveredRaw === 0) {
      pushId(b.ids, 'missed', e.id);
      pushId(totalIds, 'missed', e.id);
    }

    if (!builder.isDay(term, d)) {
      noSchoolCount++;
      const closure = cal.closureOnDayNumber(d);
      if (closure) closureDates.push(words.closureDay(e.date, closure.label ?? null, closure.kind));
    }
  }

  // ---- unlogged (rule 3), per bucket
  const buckets = builder.buckets;
  const surplusNotes: string[] = [];
  for (const b of buckets) {
    const accounted = b.delivered + b.owed + b.excused + b.pending;
    b.unloggedMinutes = b.requiredMinutes > accounted ? b.requiredMinutes - accounted : 0;
    if (!b.minutesBased) {
      b.unloggedSessions = b.requiredSessions > b.scheduled ? b.requiredSessions - b.scheduled : 0;
      if (b.scheduled > b.requiredSessions) {
        surplusNotes.push(words.surplusSessions(builder.periodOf(b, words), b.scheduled, b.requiredSessions));
      } else if (accounted > b.requiredMinutes) {
        surplusNotes.push(words.surplusPlanned(builder.periodOf(b, words), accounted, b.requiredMinutes));
      }
    } else if (accounted > b.requiredMinutes) {
      surplusNotes.push(words.surplusMinutes(builder.periodOf(b, words), accounted, b.requiredMinutes));
    }
  }

  // ---- make-ups (rule 4): named misses first, then the oldest owed minutes, over all history up to `to`
  // A make-up may name a miss that was corrected or voided since (docs/ledger-rules.md, "What happens
  // to make-ups of a voided miss"): it follows the correction while that is still an owed miss dated on
  // or before it; otherwise it is treated as unnamed.
  let namedProblems = 0;
  const retargetedTo: string[] = [];
  let namedVoided = 0;
  let namedDelivered = 0;
  const namedLater: string[] = [];
  if (anyNamed) {
    const byId = new Map<string, Miss>();
    for (const m of misses) byId.set(m.id, m);
    let replacedBy: Map<string, LedgerEntry> | null = null;
    if (anyReplaces) {
      replacedBy = new Map();
      for (const e of entries) if (e.replaces) for (const r of e.replaces) replacedBy.set(r, e);
    }
    for (const mk of makeups) {
      if (!mk.named) continue;
      let miss = byId.get(mk.named);
      const head = miss ? undefined : replacedBy?.get(mk.named);
      if (head) {
        const current = byId.get(head.id);
        if (head.status === 'void') namedVoided++;
        else if (current && current.day <= mk.day) {
          miss = current;
          retargetedTo.push(head.date);
        } else if (current) namedLater.push(head.date);
        else if (head.kind === 'scheduled' && head.status === 'delivered') namedDelivered++;
        else namedProblems++;
        if (!miss) continue;
      }
      if (!miss) {
        namedProblems++;
        continue;
      }
      const take = Math.min(mk.left, miss.remaining);
      if (take > 0) applyMakeup(mk, miss, take, full ? totalIds : null);
    }
  }
  let pointer = 0;
  for (const mk of makeups) {
    while (mk.left > 0 && pointer < misses.length) {
      const miss = misses[pointer]!;
      if (miss.remaining === 0) {
        pointer++;
        continue;
      }
      if (miss.day > mk.day) break;
      applyMakeup(mk, miss, Math.min(mk.left, miss.remaining), full ? totalIds : null);
    }
  }
  let unapplied = 0;
  for (const mk of makeups) unapplied += mk.left;

  // ---- rows
  let periods: LedgerPeriod[];
  if (full) {
    const rows = buildRows(builder, grouping, notes, words);
    periods = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) periods[i] = periodOf(rows[i]!, cal);
  } else {
    periods = [];
    if (fallsBack(builder.buckets, grouping))
      notes.push(words.fellBack(grouping === 'week' ? 'week' : 'month'));
  }

  const sums = new Sums();
  for (const b of buckets) sums.add(b);
  const totals = totalsOf(sums, totalIds);
  if (buckets.length === 0) {
    const anyMinutes = terms.some((t) => t.minutesBased);
    totals.requiredSessions = anyMinutes ? null : 0;
    totals.unloggedSessions = anyMinutes ? null : 0;
  }
  totals.makeupMinutes = makeupInWindow;
  let appliedInWindow = 0;
  for (const m of misses) if (m.inWindow) appliedInWindow += m.applied;
  totals.makeupAppliedMinutes = appliedInWindow;
  totals.owedBalanceMinutes = totals.owedMinutes - appliedInWindow;

  // ---- notes
  if (outsideDates.length > 0) {
    notes.push(words.counted('outsideService', outsideDates.length, words.dates(outsideDates)));
  }
  if (outsideCalendarDates.length > 0) {
    notes.push(
      words.counted('outsideCalendar', outsideCalendarDates.length, words.dates(outsideCalendarDates)),
    );
  }
  if (outsideTermDates.length > 0) {
    notes.push(words.counted('outsideTerms', outsideTermDates.length, words.dates(outsideTermDates)));
  }
  if (countsPerTerm && cal.terms.length === 0) {
    notes.push(words.noTerms());
  }
  if (noSchoolCount > 0) {
    notes.push(words.counted('noSchool', noSchoolCount));
  }
  if (closureDates.length > 0) {
    notes.push(words.counted('closure', closureDates.length, words.dates(closureDates)));
  }
  for (const s of surplusNotes) notes.push(s);
  if (unknownLength > 0) {
    notes.push(words.counted('unknownLength', unknownLength));
  }
  if (namedProblems > 0) {
    notes.push(words.counted('makeupNoOwed', namedProblems));
  }
  if (retargetedTo.length > 0) {
    notes.push(words.counted('makeupRetargeted', retargetedTo.length, words.dates(retargetedTo)));
  }
  if (namedVoided > 0) {
    notes.push(words.counted('makeupVoided', namedVoided));
  }
  if (namedDelivered > 0) {
    notes.push(words.counted('makeupDelivered', namedDelivered));
  }
  if (namedLater.length > 0) {
    notes.push(words.counted('makeupLater', namedLater.length, words.dates(namedLater)));
  }
  if (afterAsOf > 0) {
    notes.push(words.afterAsOf(afterAsOf, input.asOf));
  }

  const result: ServiceLedger = {
    serviceId: service.serviceId,
    window,
    totals,
    periods,
    unappliedMakeupMinutes: unapplied,
    notes,
  };
  if (input.listOwedMisses) {
    result.owedMisses = misses.map((m) => ({
      entryId: m.id,
      date: isoOfDay(m.day),
      owedMinutes: m.remaining + m.applied,
      remainingMinutes: m.remaining,
    }));
  }
  return result;
}

/**
 * The entries' day numbers, in an array kept between calls and grown as needed: a typed array made for
 * each service cost a tenth of a district's ledger (V8 makes each in its runtime). Only the first `n`
 * are this call's; the ledger is synchronous, so no two calls share it at once.
 */
let DAYS = new Int32Array(1024);
function dayScratch(n: number): Int32Array {
  if (DAYS.length < n) DAYS = new Int32Array(Math.max(n, DAYS.length * 2));
  return DAYS;
}

const INDEX_SPAN = 4_194_304; // 2^22 entries per service at most

/** Entry indexes in (date, id) order: a native numeric sort on date * 2^22 + index, then ids within a day. */
function dateOrder(entries: LedgerEntry[], days: Int32Array): Int32Array {
  const n = entries.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = days[i]! * INDEX_SPAN + i;
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const key = keys[k]!;
    order[k] = key - Math.floor(key / INDEX_SPAN) * INDEX_SPAN;
  }
  // Same-day entries: order by id, so the result does not depend on the input order.
  let runStart = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && days[order[k]!] === days[order[runStart]!]) continue;
    if (k - runStart > 1) {
      const run = Array.from(order.subarray(runStart, k));
      run.sort((x, y) =>
        entries[x]!.id < entries[y]!.id ? -1 : entries[x]!.id > entries[y]!.id ? 1 : x - y,
      );
      order.set(run, runStart);
    }
    runStart = k;
  }
  return order;
}

/** Applies make-up minutes to a miss; `totalIds` is null when the ledger lists no ids ('totals'). */
function applyMakeup(mk: Makeup, miss: Miss, minutes: number, totalIds: FigureIds | null): void {
  mk.left -= minutes;
  miss.remaining -= minutes;
  miss.applied += minutes;
  if (!miss.inWindow) return;
  const b = miss.bucket;
  if (b) {
    b.makeupApplied += minutes;
    if (totalIds === null) return;
    const list = b.ids.makeupApplied;
    if (list[list.length - 1] !== mk.id) pushId(b.ids, 'makeupApplied', mk.id);
  }
  if (totalIds === null) return;
  const list = totalIds.makeupApplied;
  if (!list.includes(mk.id)) pushId(totalIds, 'makeupApplied', mk.id);
}

/** The rank of the grouping asked for: a bucket of a coarser rank is shown as its own row. */
function requestedRankOf(grouping: 'auto' | 'week' | 'month'): number {
  return grouping === 'week' ? 1 : grouping === 'month' ? 3 : -1;
}

/** Whether a week or month grouping leaves some bucket as its own row (the rows' "fell back" note). */
function fallsBack(buckets: Bucket[], grouping: 'auto' | 'week' | 'month'): boolean {
  if (grouping === 'auto') return false;
  const requestedRank = requestedRankOf(grouping);
  return buckets.some((b) => RANK[b.kind]! > requestedRank);
}

function buildRows(
  builder: LedgerBuilder,
  grouping: 'auto' | 'week' | 'month',
  notes: string[],
  words: LedgerNoteWords,
): Row[] {
  const buckets = builder.buckets;
  const rows: Row[] = [];
  if (buckets.length === 0) return rows;
  const requestedRank = requestedRankOf(grouping);
  const grouped = new Map<number, Row>();

  for (const b of buckets) {
    const rank = RANK[b.kind]!;
    const esy = b.esyTerm;
    // 'auto' shows each of the service's own periods, except that days are shown by week.
    const by =
      grouping === 'auto' ? (b.kind === K_DAY ? 'week' : null) : rank > requestedRank ? null : grouping;
    if (by === null) {
      rows.push({
        unit: esy ? 'esy' : UNIT_OF[b.kind]!,
        start: b.start,
        end: b.end,
        label: builder.labelOf(b),
        buckets: [b],
      });
      continue;
    }
    // Grouped by week or month: a bucket goes to the week or month in which it starts (within the window).
    let value: number;
    let label: string;
    if (by === 'week') {
      value = weekStartDay(b.start);
      label = `${esy ? 'ESY week' : 'Week'} of ${isoOfDay(value)}`;
    } else {
      value = monthIndexOfDay(b.start);
      label = `${esy ? 'ESY ' : ''}${formatRecordDate(isoOfDay(b.start), 'monthYear')}`;
    }
    const key = value * 2 + (esy ? 1 : 0);
    let row = grouped.get(key);
    if (!row) {
      row = { unit: esy ? 'esy' : by, start: b.start, end: b.end, label, buckets: [] };
      grouped.set(key, row);
      rows.push(row);
    }
    if (b.start < row.start) row.start = b.start;
    if (b.end > row.end) row.end = b.end;
    row.buckets.push(b);
  }
  if (fallsBack(buckets, grouping)) {
    notes.push(words.fellBack(grouping === 'week' ? 'week' : 'month'));
  }
  for (const row of rows) {
    if (row.buckets.length > 1) row.buckets.sort((x, y) => x.start - y.start || x.end - y.end);
  }
  rows.sort((x, y) => x.start - y.start || x.end - y.end);
  return rows;
}

/** Percent delivered to one decimal, null when nothing was required: the ledger's rule, for totals across services. */
export function percentDelivered(delivered: number, required: number): number | null {
  return percent(delivered, required);
}
