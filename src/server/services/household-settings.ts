import { type HouseholdSettings, HouseholdSettingsPatch } from '../../api/communications.ts';
import { DEFAULT_REPLY_SCHOOL_DAYS } from '../../domain/communications.ts';
import { isoWeekday } from '../../domain/dates.ts';
import { buildCalendarIndex } from '../../domain/school-calendar.ts';
import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import type { Store } from '../../store/database.ts';
import { findSettings, replaceSettings } from '../../store/household-settings.repository.ts';
import type { Db } from '../../store/repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { parseOrThrow } from '../errors.ts';
import { journalChange } from './journal.ts';
import { loadCalendars } from './school-calendars.ts';

// Per-household settings: how many school days the family waits for a reply before following up,
// and the advisor's thresholds (product choices the household may adjust; see docs/advisor-rules.md).

export const DEFAULT_SETTINGS: HouseholdSettings = {
  replySchoolDays: DEFAULT_REPLY_SCHOOL_DAYS,
  advisor: {},
};

export async function loadSettings(db: Db, householdId: string): Promise<HouseholdSettings> {
  return (await findSettings(db, householdId)) ?? DEFAULT_SETTINGS;
}

/**
 * Whether a date is a school day for a child: by their school calendars where one covers the date,
 * Monday to Friday otherwise (a family that has not entered a calendar still gets sensible dates).
 */
export async function schoolDayTest(db: Db, householdId: string, childId: string) {
  return schoolDayTestOf(await loadCalendars(db, householdId, childId));
}

/** `schoolDayTest` on calendars already read. */
export function schoolDayTestOf(calendars: readonly SchoolCalendar[]) {
  const index = buildCalendarIndex(calendars);
  return (date: string) =>
    calendars.some((c) => c.firstDay <= date && date <= c.lastDay)
      ? index.isInstructionalDay(date)
      : isoWeekday(date) <= 5;
}

/** Change the household's settings; the journal keeps what they were. */
export async function updateSettings(
  store: Store,
  ctx: ServiceContext,
  body: unknown,
): Promise<HouseholdSettings> {
  const patch = parseOrThrow(HouseholdSettingsPatch, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const before = await loadSettings(trx, ctx.householdId);
    const after: HouseholdSettings = {
      replySchoolDays: patch.replySchoolDays ?? before.replySchoolDays,
      advisor: { ...before.advisor, ...((patch.advisor ?? {}) as Record<string, number>) },
    };
    const at = ctx.clock.now();
    await replaceSettings(trx, ctx.householdId, after, at);
    await journalChange(trx, ctx, {
      action: 'update',
      entity: 'household_settings',
      entityId: ctx.householdId,
      data: { changed: { from: before, to: after } },
      at,
    });
    return after;
  });
}
