// Plain words for the records the API returns: dates, amounts, statuses, reasons and who recorded an
// entry. Shared by the ledger, the plan and the timeline. Types come from the server's own modules.
import type { ServiceSegment } from '../../src/domain/service.ts';
import type { EntrySource, MissReason, Responsibility } from '../../src/domain/session-entry.ts';
import type { CreatorRecord, MemberRecord, SessionEntry } from '../api/types.ts';

// The words of MISS_REASON_LABELS in src/domain/session-entry.ts. The module itself is not imported
// because it builds zod schemas at load time, which would pull zod into the browser bundle; the
// Record type keeps the keys in step with the domain.
export const MISS_REASON_LABELS: Record<MissReason, string> = {
  provider_absent: 'Provider absent',
  school_event: 'School event or assembly',
  testing: 'Testing',
  field_trip: 'Field trip',
  school_closed: 'School closed',
  scheduling_conflict: 'Scheduling conflict',
  student_absent: 'Student absent',
  student_refused: 'Student refused',
  other: 'Other',
  unknown: 'Unknown',
};

export const SOURCE_LABELS: Record<EntrySource, string> = {
  parent: 'parent',
  school_log: 'school log',
  provider: 'provider',
  provider_link: 'provider, via link',
  child_report: 'child’s report',
};

export const RESPONSIBILITY_LABELS: Record<Responsibility, string> = {
  owed: 'make-up owed',
  excused: 'excused',
  pending: 'waiting for a reason',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function parts(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** "Sep 8, 2026" (a school date has no time zone: it is read as written). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const { y, m, d } = parts(iso);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** "Tue, Sep 8, 2026" */
export function formatDay(iso: string): string {
  const { weekday } = parts(iso);
  return `${WEEKDAYS[weekday]}, ${formatDate(iso)}`;
}

/** "September 2026" */
export function formatMonth(iso: string): string {
  const { y, m } = parts(iso);
  return `${LONG_MONTHS[m - 1]} ${y}`;
}

/** An instant (ISO-8601 UTC) in the reader's own time: "Sep 8, 2026, 4:05 PM". */
export function formatInstant(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Today's date on this device, YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const minutesWords = (n: number) => plural(n, 'minute', 'minutes');

const PERIOD_WORDS: Record<string, string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
};

export const SETTING_LABELS: Record<string, string> = {
  pull_out: 'pull-out',
  push_in: 'push-in',
  consultation: 'consultation',
};

export const AREA_LABELS: Record<string, string> = {
  speech: 'Speech',
  ot: 'Occupational therapy',
  pt: 'Physical therapy',
  counseling: 'Counseling',
  specialized_instruction: 'Specialized instruction',
  behavior: 'Behavior',
  other: 'Other',
};

type Amount = Pick<
  ServiceSegment,
  'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod' | 'period' | 'pattern'
>;

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** "30 minutes, 2 times a week" or "90 minutes a week, in sessions of 30 minutes". */
export function amountWords(a: Amount): string {
  const per =
    a.period.unit === 'cycle'
      ? `every ${a.period.cycleDays ?? '?'}-day cycle`
      : (PERIOD_WORDS[a.period.unit] ?? `a ${a.period.unit}`);
  let text: string;
  if (a.sessionsPerPeriod != null) {
    text = `${minutesWords(a.minutesPerSession ?? 0)}, ${times(a.sessionsPerPeriod)} ${per}`;
  } else {
    text = `${minutesWords(a.minutesPerPeriod ?? 0)} ${per}`;
    if (a.minutesPerSession != null) text += `, in sessions of ${minutesWords(a.minutesPerSession)}`;
  }
  if (a.pattern) text += `, ${a.pattern.activeWeeks} of every ${a.pattern.everyWeeks} weeks`;
  return text;
}

/** "30 minutes, 2 times a week, pull-out" */
export function serviceAmountWords(segment: Amount, setting: string | null | undefined): string {
  const where = setting ? SETTING_LABELS[setting] : null;
  return where ? `${amountWords(segment)}, ${where}` : amountWords(segment);
}

export const reasonLabel = (reason: string | null | undefined) =>
  reason ? (MISS_REASON_LABELS[reason as MissReason] ?? reason) : null;

/** What happened, in a few words: "Delivered, 30 minutes", "Short: 20 of 30 minutes", "Missed". */
export function happenedWords(e: SessionEntry): string {
  if (e.kind === 'makeup') return `Make-up, ${minutesWords(e.minutesDelivered)}`;
  if (e.status === 'delivered') return `Delivered, ${minutesWords(e.minutesDelivered)}`;
  if (e.status === 'short')
    return e.minutesPlanned != null
      ? `Short: ${e.minutesDelivered} of ${minutesWords(e.minutesPlanned)}`
      : `Short: ${minutesWords(e.minutesDelivered)}`;
  return e.minutesPlanned != null ? `Missed, ${minutesWords(e.minutesPlanned)} not given` : 'Missed';
}

/** Minutes planned but not given (for a short or missed session). */
export function gapMinutes(e: SessionEntry): number {
  if (e.kind !== 'scheduled' || e.status === 'delivered' || e.minutesPlanned == null) return 0;
  return Math.max(0, e.minutesPlanned - e.minutesDelivered);
}

/** Who recorded an entry: a member's name, the staff link, or the command line. */
export function recordedByWords(recordedBy: string, members: MemberRecord[] | undefined): string {
  const [kind, id] = recordedBy.split(':', 2);
  switch (kind) {
    case 'user':
      return members?.find((m) => m.userId === id)?.displayName ?? 'a member of the household';
    case 'staff_link':
      return 'the staff confirmation link';
    case 'cli':
      return id === 'demo' ? 'the demo set-up' : 'the command line';
    case 'system':
      return 'the app';
    default:
      return recordedBy;
  }
}

/** Who made a link or an invitation: "you", "Ana Rivera (ana@example.org)" or "a former member". */
export function createdByWords(creator: CreatorRecord, me: string | undefined): string {
  if (creator.formerMember || !creator.displayName) return 'a former member';
  if (creator.userId === me) return 'you';
  return creator.email ? `${creator.displayName} (${creator.email})` : creator.displayName;
}

/** "parent (Ana Rivera)" or "provider, via link". */
export function sourceWords(e: SessionEntry, members: MemberRecord[] | undefined): string {
  const source = SOURCE_LABELS[e.source] ?? e.source;
  const who = recordedByWords(e.recordedBy, members);
  if (e.source === 'provider_link') return source;
  return `${source}, entered by ${who}`;
}

/** Every YYYY-MM-DD in a server message written as "Sep 8, 2026". */
export const datesInWords = (text: string) =>
  text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
