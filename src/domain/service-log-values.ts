// The values of a school's service log, cell by cell (issue 19): minutes as systems write them ("30",
// "0:30", "30 min", "1.5 hrs", "1 hr 15 min"), clock times ("9:00 AM", "14:30"), and statuses
// ("Delivered", "Student absent", "PA", "Cancelled - assembly", "Make-up") normalised to what a
// session entry holds: its kind, status and reason. Every value the reader cannot read is null with
// the reason, never a guess. Dates are read by the IEP reader's one date reader (src/domain/iep-dates.ts).
// Pure and zod-free (the web app shows the same words).

import type { EntryKind, MissReason, SessionStatus } from './session-entry.ts';

/** Lower case, accents off, punctuation to spaces, spaces collapsed: "Cancelled - Assembly!" → "cancelled assembly". */
export function plainWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#/]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Minutes

export type MinutesUnit = 'minutes' | 'hours';

export type MinutesReading = { minutes: number } | { minutes: null; problem: string };

const MAX_MINUTES = 1440;

/**
 * Minutes as a log writes them. A bare number is minutes, or hours when the column says it holds hours
 * ("Hours", "Duration (hrs)"); "h:mm" ("0:30", "1:15") is hours and minutes; words and abbreviations
 * name their unit ("30 min", "1.5 hrs", "1 hr 15 min", "45m", "1h30"). Blank is null with no problem.
 */
export function readMinutes(raw: string, unit: MinutesUnit = 'minutes'): MinutesReading | null {
  const text = raw.trim().toLowerCase().replace(/,/g, '.');
  if (text === '' || text === '-' || text === '—' || text === 'n/a' || text === 'na') return null;
  const done = (m: number): MinutesReading => {
    const minutes = Math.round(m);
    if (!Number.isFinite(minutes) || minutes < 0)
      return { minutes: null, problem: `“${raw.trim()}” is not a number of minutes` };
    if (minutes > MAX_MINUTES)
      return { minutes: null, problem: `“${raw.trim()}” is more minutes than a day holds` };
    return { minutes };
  };
  let m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (m) return done(Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0));
  m = /^(\d+(?:\.\d+)?)$/.exec(text);
  if (m) return done(unit === 'hours' ? Number(m[1]) * 60 : Number(m[1]));
  m =
    /^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours)\.?)?\s*(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minute|minutes)?\.?)?$/.exec(
      text,
    );
  if (m && (m[1] != null || m[2] != null) && !(m[1] == null && !/[a-z]/.test(text))) {
    const hours = m[1] == null ? 0 : Number(m[1]);
    // "1h30": the minutes after an hour need no unit.
    return done(hours * 60 + (m[2] == null ? 0 : Number(m[2])));
  }
  return { minutes: null, problem: `“${raw.trim()}” is not a number of minutes` };
}

// ---------------------------------------------------------------------------------------------
// Clock times

/**
 * A clock time as "HH:MM" (24 hours): "9:00", "09:00 AM", "2:30 pm", "14:30", "9am", "0900". A range
 * ("9:00-9:30", "9:00 to 9:30") gives its start. Null when there is none.
 */
export function readClockTime(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (text === '') return null;
  const m = /^(\d{1,2})(?::?(\d{2}))?(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?(?=$|\s*(?:-|–|to)\s*\d)/.exec(text);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] == null ? 0 : Number(m[2]);
  const half = m[3]?.[0];
  // "9" alone is not a time; "9am" or "0900" is.
  if (m[2] == null && half == null) return null;
  if (half === 'p' && hours < 12) hours += 12;
  if (half === 'a' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The clock time written after a date in the same cell ("10/6/2026 9:00 AM"), or null. */
export function timeAfterDate(raw: string): string | null {
  const m = /(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)\s*$/i.exec(raw.trim());
  return m ? readClockTime(m[1]!) : null;
}

/** Minutes between two clock times ("09:00", "09:30" → 30), or null when the end is not after the start. */
export function minutesBetween(start: string, end: string): number | null {
  const a = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5));
  const b = Number(end.slice(0, 2)) * 60 + Number(end.slice(3, 5));
  return b > a ? b - a : null;
}

// ---------------------------------------------------------------------------------------------
// Statuses

/** What a status cell means for a session entry. */
export type LogStatus = {
  kind: EntryKind;
  status: SessionStatus;
  reason: MissReason | null;
};

const delivered: LogStatus = { kind: 'scheduled', status: 'delivered', reason: null };
const short: LogStatus = { kind: 'scheduled', status: 'short', reason: null };
const makeup: LogStatus = { kind: 'makeup', status: 'delivered', reason: null };
const missed = (reason: MissReason): LogStatus => ({ kind: 'scheduled', status: 'missed', reason });

/**
 * Why a session did not happen, from the words a log gives (checked in this order, so "cancelled -
 * assembly" is an assembly and "provider absent" is not the student's absence).
 */
const REASON_WORDS: [RegExp, MissReason][] = [
  [
    /\b(provider|therapist|clinician|slp|ot|pt|staff|teacher|counselor|psychologist|specialist|itinerant)\b.*\b(absent|out|sick|ill|leave|unavailable|away|not available|training|pd|meeting)\b|\bpa\b|\bprovider (absence|abs)\b|\bstaff abs/,
    'provider_absent',
  ],
  [/\b(refus\w*|declin\w*|would not|wouldn t|did not want|didn t want)\b/, 'student_refused'],
  [
    /\b(student|stu|child|pupil)\b.*\b(absent|abs|out|sick|ill|unavailable|not available|not present|no show|left early|dismissed)\b|\b(absent|absence|abs|no show|noshow|ns|sa|not in school|excused|unexcused)\b/,
    'student_absent',
  ],
  [
    /\b(assembly|assemblies|school event|pep rally|field day|spirit|concert|performance|celebration|party)\b/,
    'school_event',
  ],
  [/\b(test|testing|tests|exam|exams|state assessment|benchmark|map testing|staar|parcc|sbac)\b/, 'testing'],
  [/\bfield trip\b|\bft\b/, 'field_trip'],
  [
    /\b(school closed|closure|closed|snow|weather|holiday|no school|emergency|power outage|inclement|delay|late start|early dismissal|half day)\b/,
    'school_closed',
  ],
  [/\b(schedul\w*|conflict|iep meeting|meeting|double booked|rescheduled)\b/, 'scheduling_conflict'],
];

/** Words that say a session was not held (with or without a reason). */
const NOT_HELD =
  /\b(cancel+ed|cancel+ation|cxl|cx|canc|missed|not held|not seen|not provided|not delivered|no session|did not occur|didn t occur|no service|unavailable|absent|abs|no show|noshow)\b/;

/** Codes systems print alone in a status column. */
const CODES: Record<string, LogStatus> = {
  p: delivered,
  y: delivered,
  yes: delivered,
  d: delivered,
  s: delivered,
  a: missed('student_absent'),
  sa: missed('student_absent'),
  ns: missed('student_absent'),
  ab: missed('student_absent'),
  pa: missed('provider_absent'),
  tu: missed('provider_absent'),
  ua: missed('provider_absent'),
  mu: makeup,
  m: makeup,
  h: missed('school_closed'),
  hol: missed('school_closed'),
  sc: missed('school_closed'),
  c: missed('unknown'),
  cx: missed('unknown'),
  x: missed('unknown'),
  n: missed('unknown'),
  no: missed('unknown'),
  ft: missed('field_trip'),
  r: missed('student_refused'),
  sr: missed('student_refused'),
  t: missed('testing'),
};

const DELIVERED_WORDS =
  /^(delivered|deliver|present|attended|attendance|provided|completed|complete|served|seen|met|held|done|ok|yes|in attendance|session (held|completed|delivered|provided)|service (provided|delivered)|therapy provided|direct service|direct|consult|consultation|indirect|group|individual|ind|grp|in person|virtual|teletherapy|tele|remote|on time|full session|student present|student seen|student attended|pres|attnd|att)$/;

/**
 * A status as the log writes it, read into a session's kind, status and reason; null when the words are
 * not ones As Written knows (the row is then listed as unread with them, and the parent can say what
 * they mean in the mapping).
 */
export function readStatus(raw: string): LogStatus | null {
  const text = plainWords(raw);
  if (text === '') return null;
  if (CODES[text]) return CODES[text]!;
  // A make-up first: "make-up session delivered" is a make-up.
  if (/\b(make ?up|makeup|mu|compensatory|comp (session|time|services?)|make good)\b/.test(text)) {
    return /\b(not|cancel+ed|missed)\b/.test(text) ? null : makeup;
  }
  if (
    /\b(partial|partially|shortened|short|cut short|late start|ended early|left early)\b/.test(text) &&
    !NOT_HELD.test(text.replace(/\bleft early\b/, ''))
  )
    return short;
  for (const [re, reason] of REASON_WORDS) {
    if (re.test(text)) {
      // "Student present" is not an absence; "student absent" is.
      if (reason === 'student_absent' && /\b(present|attended)\b/.test(text) && !/\babsent\b/.test(text))
        break;
      return missed(reason);
    }
  }
  if (NOT_HELD.test(text)) return missed('unknown');
  if (DELIVERED_WORDS.test(text)) return delivered;
  if (/\b(delivered|provided|completed|attended|present)\b/.test(text) && !/\bnot\b/.test(text))
    return delivered;
  return null;
}

/** A status the parent named in the mapping for words the reader did not know. */
export type StatusOverride = LogStatus;

/** How a row's status was read: from the cell, from the parent's choice, or assumed. */
export type StatusReading =
  | { ok: true; value: LogStatus; assumed: string | null }
  | { ok: false; problem: string };

/**
 * A row's status from its status cell (and its reason cell, if the log has one), the parent's choices
 * for words the reader does not know, and, when the log has no status at all, its minutes: minutes
 * given mean delivered, 0 means not held.
 */
export function rowStatus(
  statusText: string | null,
  reasonText: string | null,
  minutes: number | null,
  overrides: Readonly<Record<string, StatusOverride>>,
): StatusReading {
  const key = statusText == null ? '' : plainWords(statusText);
  let value: LogStatus | null = null;
  if (key !== '') value = overrides[key] ?? readStatus(statusText!);
  if (key !== '' && value == null) {
    return { ok: false, problem: `the status “${statusText!.trim()}” is not one As Written knows` };
  }
  const reasonKey = reasonText == null ? '' : plainWords(reasonText);
  if (value && value.status === 'missed' && reasonKey !== '') {
    // A reason column refines a plain "Cancelled" or "Absent".
    const fromReason = overrides[reasonKey] ?? readStatus(reasonText!);
    if (fromReason && fromReason.status === 'missed' && fromReason.reason !== 'unknown')
      value = { ...value, reason: fromReason.reason };
  }
  if (value) return { ok: true, value, assumed: null };
  // No status cell: a reason alone says it did not happen; minutes say it did.
  if (reasonKey !== '') {
    const fromReason = overrides[reasonKey] ?? readStatus(reasonText!);
    if (fromReason) return { ok: true, value: fromReason, assumed: null };
  }
  if (minutes === 0)
    return { ok: true, value: missed('unknown'), assumed: 'no status, and 0 minutes: read as not held' };
  if (minutes != null)
    return { ok: true, value: delivered, assumed: 'no status: read as delivered (minutes given)' };
  return { ok: false, problem: 'neither a status nor minutes' };
}

/** A status in a few words, for the reconciliation table: "delivered", "not held (student absent)", "make-up". */
export function logStatusWords(s: Pick<LogStatus, 'kind' | 'status' | 'reason'>): string {
  if (s.kind === 'makeup') return 'make-up';
  if (s.status === 'delivered') return 'delivered';
  if (s.status === 'short') return 'shortened';
  return s.reason && s.reason !== 'unknown' ? `not held (${REASON_SHORT[s.reason]})` : 'not held';
}

const REASON_SHORT: Record<MissReason, string> = {
  provider_absent: 'provider absent',
  school_event: 'school event or assembly',
  testing: 'testing',
  field_trip: 'field trip',
  school_closed: 'school closed',
  scheduling_conflict: 'scheduling conflict',
  student_absent: 'student absent',
  student_refused: 'student declined',
  other: 'other reason',
  unknown: 'no reason given',
};

/** A reason in a few words ("student absent"). */
export function reasonShortWords(reason: MissReason | null): string {
  return REASON_SHORT[reason ?? 'unknown'];
}
