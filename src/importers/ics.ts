import ICAL from 'ical.js';
import { type ApiErrorKey, apiWords } from '../domain/api-errors.ts';
import { leftOutReason, UNTITLED_EVENT } from '../domain/calendar-import-words.ts';
import { addDays, isIsoDate } from '../domain/dates.ts';
import type { MessageWords } from '../domain/errors.ts';

// Reading an iCalendar (.ics) file, as districts publish their school calendars (Google Calendar,
// Outlook, Finalsite and the like export one), into plain events: the district's words, the first
// and last day (inclusive: an all-day DTEND is the day after, RFC 5545), the start time of a timed
// event in the calendar's own time zone, and every occurrence of a repeating event (RRULE, less its
// EXDATEs, with its RECURRENCE-ID overrides) within a bounded window. ical.js unfolds lines and reads
// CRLF or LF. Nothing here touches the store or decides what a day is: the pure classifier
// (src/domain/calendar-import.ts) and the service do. The work is bounded: at most `maxEvents` events
// and a fixed number of recurrence steps per file.

export type IcsEvent = {
  uid: string;
  summary: string;
  description: string | null;
  /** The first day, YYYY-MM-DD (the calendar's own day for a timed event). */
  startDate: string;
  /** The last day, inclusive. */
  endDate: string;
  allDay: boolean;
  /** HH:MM, for a timed event. */
  startTime: string | null;
  /** True for one occurrence of a repeating event. */
  recurring: boolean;
};

export type IcsCalendar = {
  /** The calendar's name (X-WR-CALNAME), when the file gives one. */
  name: string | null;
  /** The calendar's time zone (X-WR-TIMEZONE or its first VTIMEZONE), when the file gives one. */
  timeZone: string | null;
  events: IcsEvent[];
  /**
   * What was left out, and why (an event without a date, a cancelled one, a repeat cut short), in the
   * English of the catalog part `calendar` (src/domain/calendar-import-words.ts says it in others).
   */
  skipped: { summary: string; reason: string }[];
};

/**
 * A file that is not a calendar, or one that cannot be read; the message follows the file's name ("is
 * empty"), and its words (the catalog part `apierror`, `icsFile.*`) say it in another language.
 */
export class IcsFileError extends Error {
  readonly words: MessageWords;

  constructor(key: ApiErrorKey, values?: Record<string, string>) {
    const said = apiWords(key, values);
    super(said.message);
    this.words = said.words;
  }
}

/** A calendar with more events than one import takes. */
export class TooManyEvents extends IcsFileError {
  constructor(readonly limit: number) {
    super('icsFile.tooManyEvents', { limit: limit.toLocaleString('en-US') });
  }
}

export type IcsReadOptions = {
  /** The most events (occurrences counted one by one) a file may give. */
  maxEvents?: number;
  /**
   * Repeating events are expanded from `from` to `to` (the last two years of it, at most); by default
   * for two years from the file's first date.
   */
  window?: { from: string; to: string };
};

export const ICS_MAX_EVENTS = 2_000;
/** Recurrence steps one repeating event may take (a daily rule for five years), and one file. */
const STEPS_PER_RULE = 2_000;
const STEPS_PER_FILE = 50_000;
const MAX_WINDOW_DAYS = 731;
/** A school year's calendar is tens of kilobytes; a file over this is something else. */
const MAX_CHARACTERS = 8 * 1024 * 1024;

type VEvent = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/** Read an .ics file. Throws IcsFileError (not a calendar, empty, damaged) or TooManyEvents. */
export function readIcsFile(bytes: Uint8Array | string, options: IcsReadOptions = {}): IcsCalendar {
  const maxEvents = options.maxEvents ?? ICS_MAX_EVENTS;
  const text = (typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes)).replace(
    /^\uFEFF/,
    '',
  );
  if (text.length > MAX_CHARACTERS) throw new IcsFileError('icsFile.tooLarge');
  if (text.trim() === '') throw new IcsFileError('icsFile.empty');
  const firstLine = text.trimStart().slice(0, 100).split(/\r?\n/, 1)[0]!.trim().toUpperCase();
  if (firstLine !== 'BEGIN:VCALENDAR' || text.includes('\u0000')) throw new IcsFileError('icsFile.notIcs');
  if (!/^END:VCALENDAR\s*$/im.test(text)) throw new IcsFileError('icsFile.cutShort');

  let root: InstanceType<typeof ICAL.Component>;
  try {
    const parsed = ICAL.parse(text);
    const first = Array.isArray(parsed) && typeof parsed[0] === 'string' ? parsed : (parsed as unknown[])[0];
    root = new ICAL.Component(first as unknown[]);
  } catch (error) {
    throw new IcsFileError('icsFile.damaged', { detail: shortReason(error) });
  }
  if (root.name !== 'vcalendar') throw new IcsFileError('icsFile.notIcs');

  try {
    return readCalendar(root, maxEvents, options.window);
  } catch (error) {
    if (error instanceof IcsFileError) throw error;
    throw new IcsFileError('icsFile.damaged', { detail: shortReason(error) });
  }
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 120);
}

function readCalendar(
  root: InstanceType<typeof ICAL.Component>,
  maxEvents: number,
  window: { from: string; to: string } | undefined,
): IcsCalendar {
  const name = textOf(root.getFirstPropertyValue('x-wr-calname'));
  const timeZone =
    textOf(root.getFirstPropertyValue('x-wr-timezone')) ??
    textOf(root.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'));
  const zone = usableZone(timeZone);
  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length === 0) throw new IcsFileError('icsFile.noEvents');
  if (vevents.length > maxEvents) throw new TooManyEvents(maxEvents);

  // Masters (and single events) by UID, with the overrides of single occurrences (RECURRENCE-ID).
  const masters: VEvent[] = [];
  const overrides = new Map<string, VEvent[]>();
  for (const v of vevents) {
    if (v.hasProperty('recurrence-id')) {
      const uid = textOf(v.getFirstPropertyValue('uid')) ?? '';
      overrides.set(uid, [...(overrides.get(uid) ?? []), v]);
    } else masters.push(v);
  }
  const masterUids = new Set(masters.map((m) => textOf(m.getFirstPropertyValue('uid')) ?? ''));
  // An override whose series is not in the file stands on its own.
  for (const [uid, list] of overrides) if (!masterUids.has(uid)) masters.push(...list);

  const events: IcsEvent[] = [];
  const skipped: IcsCalendar['skipped'] = [];
  const seen = new Set<string>();
  const budget = { steps: 0 };
  const span = window ? boundedWindow(window) : defaultWindow(masters);
  const add = (e: IcsEvent) => {
    const key = `${e.uid}|${e.startDate}|${e.startTime ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (events.length >= maxEvents) throw new TooManyEvents(maxEvents);
    events.push(e);
  };

  for (const v of masters) {
    const summary = cleanText(textOf(v.getFirstPropertyValue('summary'))) ?? '';
    const label = summary || UNTITLED_EVENT;
    if (!v.hasProperty('dtstart')) {
      skipped.push({ summary: label, reason: leftOutReason('noDate') });
      continue;
    }
    if (statusOf(v) === 'CANCELLED') {
      skipped.push({ summary: label, reason: leftOutReason('cancelled') });
      continue;
    }
    const uid = textOf(v.getFirstPropertyValue('uid')) ?? `no-uid-${events.length + skipped.length + 1}`;
    const isOverride = v.hasProperty('recurrence-id');
    const event = new ICAL.Event(v, {
      exceptions: isOverride ? [] : (overrides.get(uid) ?? []),
    });
    if (!event.isRecurring() || isOverride) {
      const e = occurrence(uid, event.summary, event.description, event.startDate, event.endDate, zone);
      if (e) add({ ...e, recurring: false });
      else skipped.push({ summary: label, reason: leftOutReason('dateUnread') });
      continue;
    }
    expand(event, uid, label, zone, span, budget, add, skipped);
  }

  events.sort(
    (a, b) =>
      a.startDate.localeCompare(b.startDate) ||
      (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
      a.summary.localeCompare(b.summary),
  );
  return { name: cleanText(name), timeZone, events, skipped };
}

function expand(
  event: InstanceType<typeof ICAL.Event>,
  uid: string,
  label: string,
  zone: string | null,
  span: { from: string; to: string },
  budget: { steps: number },
  add: (e: IcsEvent) => void,
  skipped: IcsCalendar['skipped'],
) {
  const it = event.iterator();
  let steps = 0;
  for (let next = it.next(); next; next = it.next()) {
    steps++;
    budget.steps++;
    if (budget.steps > STEPS_PER_FILE) throw new IcsFileError('icsFile.repeatsTooMuch');
    if (steps > STEPS_PER_RULE) {
      skipped.push({ summary: label, reason: leftOutReason('repeatsTooOften') });
      return;
    }
    const details = event.getOccurrenceDetails(next);
    const item = details.item;
    if (item.component !== event.component && statusOf(item.component) === 'CANCELLED') continue;
    const e = occurrence(uid, item.summary, item.description, details.startDate, details.endDate, zone);
    if (!e) continue;
    // Occurrences come in order of their original date; a moved one may fall outside the window.
    if (dateOf(next, zone) > span.to) return;
    if (e.startDate < span.from || e.startDate > span.to) continue;
    add({ ...e, recurring: true });
  }
}

function statusOf(v: VEvent): string {
  return String(v.getFirstPropertyValue('status') ?? '').toUpperCase();
}

/** One event's days and time, or null when its date is not a real date. */
function occurrence(
  uid: string,
  summary: unknown,
  description: unknown,
  start: Time,
  end: Time | null,
  zone: string | null,
): Omit<IcsEvent, 'recurring'> | null {
  const startDate = dateOf(start, zone);
  if (!isIsoDate(startDate)) return null;
  const allDay = start.isDate;
  let endDate = startDate;
  if (end) {
    const last = dateOf(end, zone);
    if (isIsoDate(last)) {
      // An all-day end is the day after the last day; a timed one ending at midnight ends the day before.
      const exclusive = allDay || end.isDate || clockOf(end, zone) === '00:00';
      const inclusive = exclusive && last > startDate ? addDays(last, -1) : last;
      if (inclusive > startDate) endDate = inclusive;
    }
  }
  return {
    uid,
    summary: cleanText(textOf(summary)) ?? '',
    description: cleanText(textOf(description)),
    startDate,
    endDate,
    allDay,
    startTime: allDay ? null : clockOf(start, zone),
  };
}

/** The calendar day of a time: as written, or (for a UTC time) in the calendar's own zone. */
function dateOf(t: Time, zone: string | null): string {
  const local = inZone(t, zone);
  if (local) return local.date;
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

function clockOf(t: Time, zone: string | null): string {
  const local = inZone(t, zone);
  if (local) return local.time;
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

function isUtc(t: Time): boolean {
  return !t.isDate && (t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === 'UTC');
}

/** A UTC time as the calendar's own date and clock; null when it is not UTC or no zone is known. */
function inZone(t: Time, zone: string | null): { date: string; time: string } | null {
  if (!zone || !isUtc(t)) return null;
  const ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  if (!Number.isFinite(ms)) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** An IANA zone this runtime knows ("America/Chicago"), or null (Outlook's "Central Standard Time"). */
function usableZone(zone: string | null): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

function defaultWindow(masters: VEvent[]): { from: string; to: string } {
  // From the first single event's date (a school year's file), else the first repeating event's.
  let single: string | null = null;
  let any: string | null = null;
  for (const v of masters) {
    const raw = v.getFirstPropertyValue('dtstart') as unknown;
    if (!(raw instanceof ICAL.Time)) continue;
    const date = `${pad(raw.year, 4)}-${pad(raw.month)}-${pad(raw.day)}`;
    if (!isIsoDate(date)) continue;
    if (!any || date < any) any = date;
    if (!v.hasProperty('rrule') && (!single || date < single)) single = date;
  }
  const from = single ?? any ?? '1970-01-01';
  return { from, to: addDays(from, MAX_WINDOW_DAYS) };
}

/** The window asked for, or its last two years when it is longer (the newest school years matter most). */
function boundedWindow(window: { from: string; to: string }): { from: string; to: string } {
  const earliest = addDays(window.to, -MAX_WINDOW_DAYS);
  return { from: window.from > earliest ? window.from : earliest, to: window.to };
}

function textOf(value: unknown): string | null {
  if (value == null) return null;
  const text = String(value);
  return text === '' ? null : text;
}

/** Words as a parent should see them: no control characters, spaces collapsed, at most 500 characters. */
function cleanText(text: string | null): string | null {
  if (text == null) return null;
  const clean = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()
    .slice(0, 500);
  return clean === '' ? null : clean;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
