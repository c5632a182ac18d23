import { z } from 'zod';
import type { DraftEvent } from './calendar-import-draft.ts';
import { IdSchema, IsoDateSchema } from './common.ts';
import { CalendarDayKind } from './school-calendar-model.ts';

// A district calendar the family subscribed to by its address (an .ics feed), read again every day.
// Each read is compared with what the last read said (pure: the reading and the saving are the
// server's):
// - a new day off dated today or later, which the words make sure of ("Snow day", "Winter break"), is
//   added to the school calendar at once (the ledger stops counting that day), with a note on the
//   home screen;
// - anything else waits for the parent: a new day already past (a letter sent since may quote the days
//   as school days), a day whose kind is uncertain ("Veterans Day": some districts hold school), a day
//   that moved or changed kind, a day the district no longer lists. Nothing already on the calendar is
//   changed or removed without the parent.
// The first read after subscribing adds nothing on its own: every day off it finds that is not on the
// calendar waits for the parent, as the review of an .ics file does.

/** A subscription's address: http(s) or webcal, with no user name or password in it. */
export const FeedAddressSchema = z
  .string()
  .trim()
  .min(1, 'must be the calendar’s address')
  .max(2000)
  .superRefine((text, ctx) => {
    const problem = feedAddressRule(text);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        params: { rule: problem.rule, ...problem.values },
      });
  });

/** What is wrong with an address typed for a calendar feed, or null. */
export function feedAddressProblem(text: string): string | null {
  return feedAddressRule(text)?.message ?? null;
}

/** The same, with the rule that words it in the reader's language (error.rule.<rule>). */
function feedAddressRule(
  text: string,
): { message: string; rule: string; values?: Record<string, string> } | null {
  let url: URL;
  try {
    url = new URL(text.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    return {
      message: 'must be a web address (starting with https:// or webcal://)',
      rule: 'feed.notAnAddress',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    const scheme = url.protocol.replace(':', '');
    return {
      message: `must be an http, https or webcal address, not ${scheme}`,
      rule: 'feed.scheme',
      values: { scheme },
    };
  }
  if (url.username || url.password)
    return { message: 'must not hold a user name or password', rule: 'feed.credentials' };
  return null;
}

export const SubscriptionDay = z.object({
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  kind: CalendarDayKind.nullable(),
  summary: z.string().max(500),
});
export type SubscriptionDay = z.infer<typeof SubscriptionDay>;

/** An event as the last read saw it, and the calendar day it became (null: none was added). */
export const KnownDistrictEvent = SubscriptionDay.extend({
  id: z.string().max(1200),
  eventId: IdSchema.nullable(),
});
export type KnownDistrictEvent = z.infer<typeof KnownDistrictEvent>;

export const PENDING_CHANGES = ['added', 'changed', 'removed'] as const;

/** A change the parent confirms or dismisses. */
export const PendingDistrictChange = SubscriptionDay.extend({
  /** The event's identity in the feed (its UID; with the date, for one occurrence of a repeat). */
  id: z.string().max(1200),
  change: z.enum(PENDING_CHANGES),
  /** Why it waits, in words for the parent. */
  reason: z.string().max(500),
  /** The school year it falls in (null: none of the child's). */
  calendarId: IdSchema.nullable(),
  /** What the calendar said before (a change or a removal). */
  previous: SubscriptionDay.nullable(),
  /** The calendar day a change or removal is about, when the subscription added it. */
  eventId: IdSchema.nullable(),
  /** When the read that found it was made. */
  foundAt: z.string(),
});
export type PendingDistrictChange = z.infer<typeof PendingDistrictChange>;

/** A day the subscription added on its own, for the home screen's note. */
export const AddedDistrictDay = SubscriptionDay.extend({ eventId: IdSchema, addedAt: z.string() });
export type AddedDistrictDay = z.infer<typeof AddedDistrictDay>;

/** The most changes kept waiting, and the most recent additions kept for the note. */
export const PENDING_MAX = 500;
export const RECENT_MAX = 20;

/** An event's identity across reads: its UID, with its date for one occurrence of a repeat. */
export function eventIdentity(e: Pick<DraftEvent, 'key' | 'recurring'>): string {
  if (e.recurring) return e.key;
  // key = `${uid}|${startDate}|${startTime}`: the UID is what stays when the district moves the day.
  const parts = e.key.split('|');
  return parts.slice(0, -2).join('|');
}

export type DayToAdd = {
  id: string;
  calendarId: string;
  kind: CalendarDayKind;
  startDate: string;
  endDate: string;
  summary: string;
};

export type SubscriptionComparison = {
  /** New days off, sure and not past: added now. */
  toAdd: DayToAdd[];
  /** Changes for the parent, newest finding last (earlier ones about the same event replaced). */
  pending: PendingDistrictChange[];
  /** What this read saw (the days added now get their eventId once saved). */
  known: KnownDistrictEvent[];
};

function sameDay(a: SubscriptionDay, b: SubscriptionDay): boolean {
  return a.startDate === b.startDate && a.endDate === b.endDate && a.kind === b.kind;
}

const day = (e: SubscriptionDay): SubscriptionDay => ({
  startDate: e.startDate,
  endDate: e.endDate,
  kind: e.kind,
  summary: e.summary.slice(0, 500),
});

/**
 * Compare this read of the feed with the last one. `firstRead`: nothing was read before (nothing is
 * added on its own). `today` is the school date the read is made on.
 */
export function compareDistrictCalendar(input: {
  firstRead: boolean;
  known: readonly KnownDistrictEvent[];
  pending: readonly PendingDistrictChange[];
  events: readonly DraftEvent[];
  today: string;
  now: string;
}): SubscriptionComparison {
  const before = new Map(input.known.map((k) => [k.id, k]));
  const pending = new Map(input.pending.map((p) => [p.id, p]));
  const known: KnownDistrictEvent[] = [];
  const toAdd: DayToAdd[] = [];
  const seen = new Set<string>();
  const wait = (change: Omit<PendingDistrictChange, 'foundAt'>) => {
    pending.delete(change.id);
    pending.set(change.id, { ...change, foundAt: input.now });
  };

  for (const e of input.events) {
    const id = eventIdentity(e);
    if (seen.has(id)) continue;
    seen.add(id);
    const now = day(e);
    const prev = before.get(id);
    if (!prev) {
      // Outside every school year of the child: not kept, so it is looked at again once that year is added.
      if (e.status === 'outside_school_year') continue;
      known.push({ ...now, id, eventId: null });
      if (e.kind === null || e.status === 'on_calendar' || !e.calendarId) continue;
      if (!input.firstRead && e.confidence === 'sure' && e.endDate >= input.today) {
        toAdd.push({
          id,
          calendarId: e.calendarId,
          kind: e.kind,
          startDate: e.startDate,
          endDate: e.endDate,
          summary: now.summary,
        });
        continue;
      }
      wait({
        ...now,
        id,
        change: 'added',
        reason: input.firstRead
          ? 'On the district calendar, not on the child’s calendar yet.'
          : e.endDate < input.today
            ? 'The district added a day that has already passed: a letter sent since may count it as a school day, so it waits for you.'
            : `Check the kind of day: ${e.reason}`,
        calendarId: e.calendarId,
        previous: null,
        eventId: null,
      });
      continue;
    }
    known.push({ ...now, id, eventId: prev.eventId });
    if (sameDay(prev, now)) continue;
    wait({
      ...now,
      id,
      change: 'changed',
      reason:
        prev.endDate < input.today || now.startDate < input.today
          ? 'The district changed a day that has already passed: a letter sent since may quote the old days, so it waits for you.'
          : 'The district changed this day: the calendar keeps the old days until you confirm.',
      calendarId: e.calendarId,
      previous: day(prev),
      eventId: prev.eventId,
    });
  }

  for (const prev of input.known) {
    if (seen.has(prev.id)) continue;
    // Gone from the feed. A day that was never a day off is simply forgotten.
    if (prev.kind === null) continue;
    wait({
      ...day(prev),
      id: prev.id,
      change: 'removed',
      reason:
        'The district no longer lists this day. If school is held that day after all, remove it from the calendar.',
      calendarId: null,
      previous: day(prev),
      eventId: prev.eventId,
    });
  }

  return { toAdd, pending: [...pending.values()].slice(-PENDING_MAX), known };
}
