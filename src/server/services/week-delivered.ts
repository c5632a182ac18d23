import { type SessionEntry, WeekDeliveredInput } from '../../api/sessions.ts';
import { addDays, formatLongDate, weekStart } from '../../domain/dates.ts';
import { SessionEntryInput } from '../../domain/session-entry.ts';
import type { Store } from '../../store/database.ts';
import { requireServiceWithPlan } from '../../store/services.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { invalid, parseOrThrow } from '../errors.ts';
import { writeSessionEntry } from './session-entries.ts';
import { weekSummary } from './week-summary.ts';

// "All delivered this week": one step logs the week's not-yet-confirmed sessions of a service as
// delivered, on the days the parent confirmed. The days offered and the number still to confirm come
// from the week's summary (`openDays`, `notYetConfirmed`), the same figures the home card shows.

/**
 * Log a delivered session of `serviceId` on each of `dates`, in one transaction with a journal entry
 * per entry. Refused (nothing written) when a day is not one still open this week, or when more days
 * are given than sessions remain unconfirmed.
 */
export async function logWeekDelivered(
  store: Store,
  ctx: ServiceContext,
  serviceId: string,
  body: unknown,
): Promise<SessionEntry[]> {
  const input = parseOrThrow(WeekDeliveredInput, body);
  const today = ctx.clock.today();
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const service = await requireServiceWithPlan(trx, ctx.householdId, serviceId);
    const week = (await weekSummary(trx, ctx.householdId, service.child_id, today)).services.find(
      (s) => s.serviceId === serviceId,
    );
    if (!week)
      throw invalid('serviceId', 'is not part of a plan in force this week', {
        rule: 'week.serviceNotInForce',
      });
    if (week.notYetConfirmed == null) {
      throw invalid(
        'dates',
        'this service is counted over a period longer than a week; log each session on its own',
        { rule: 'week.periodLonger' },
      );
    }
    if (week.minutesPerSession == null) {
      throw invalid('dates', 'this service has no fixed session length; log each session with its minutes', {
        rule: 'week.noSessionLength',
      });
    }
    const start = weekStart(today);
    const open = new Set(week.openDays);
    const seen = new Set<string>();
    input.dates.forEach((date, i) => {
      const day = formatLongDate(date);
      if (seen.has(date))
        throw invalid(`dates.${i}`, `gives ${day} twice`, { rule: 'week.dayTwice', values: { day: date } });
      seen.add(date);
      if (date > today)
        throw invalid(`dates.${i}`, `${day} is in the future`, {
          rule: 'week.dayFuture',
          values: { day: date },
        });
      if (date < start || date > addDays(start, 6))
        throw invalid(`dates.${i}`, `${day} is not in this week (from ${formatLongDate(start)})`, {
          rule: 'week.dayOutside',
          values: { day: date, start },
        });
      if (!open.has(date))
        throw invalid(
          `dates.${i}`,
          `${day} is not a school day still waiting for ${service.name}: it has an entry already, has no school, or is outside the service's dates`,
          { rule: 'week.dayNotOpen', values: { day: date, service: service.name } },
        );
    });
    if (input.dates.length > week.notYetConfirmed) {
      throw invalid(
        'dates',
        `${week.notYetConfirmed === 0 ? 'no session is' : week.notYetConfirmed === 1 ? '1 session is' : `${week.notYetConfirmed} sessions are`} still to confirm this week; choose at most that many days`,
        { rule: 'week.tooManyDays', values: { count: week.notYetConfirmed } },
      );
    }
    const out: SessionEntry[] = [];
    for (const date of [...input.dates].sort()) {
      out.push(
        await writeSessionEntry(
          trx,
          ctx,
          parseOrThrow(SessionEntryInput, {
            serviceId,
            date,
            kind: 'scheduled',
            status: 'delivered',
            source: 'parent',
          }),
        ),
      );
    }
    return out;
  });
}
