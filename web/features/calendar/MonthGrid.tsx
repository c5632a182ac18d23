import { SimpleGrid, VisuallyHidden } from '@mantine/core';
import { addDays, isoWeekday, monthEnd, monthStart } from '../../../src/domain/dates.ts';
import type { CalendarIndex } from '../../../src/domain/school-calendar.ts';
import type { CalendarEvent, SchoolCalendar } from '../../api/types.ts';
import { formatMonth, weekdaysIn } from '../../components/dates.ts';
import classes from './calendar.module.css';
import { useCalendarWords } from './calendar-words.ts';
import { KIND_CLASS, KIND_SYMBOL } from './DayKind.tsx';

/** The event of a day, the latest-starting one when two overlap (a closure inside a break). */
function eventsByDay(events: CalendarEvent[], from: string, to: string): Map<string, CalendarEvent> {
  const out = new Map<string, CalendarEvent>();
  for (const e of events) {
    const end = e.endDate ?? e.startDate;
    for (let d = e.startDate < from ? from : e.startDate; d <= end && d <= to; d = addDays(d, 1)) {
      const held = out.get(d);
      if (!held || held.startDate <= e.startDate) out.set(d, e);
    }
  }
  return out;
}

/** The school year at a glance: one small month table per month, days off in their kind's colour and symbol. */
export function MonthGrid({
  calendar,
  events,
  index,
  today,
}: {
  calendar: SchoolCalendar;
  events: CalendarEvent[];
  index: CalendarIndex;
  today: string;
}) {
  const { t, locale } = useCalendarWords();
  const weekdays = weekdaysIn(locale);
  const months: string[] = [];
  for (let m = monthStart(calendar.firstDay); m <= calendar.lastDay; m = addDays(monthEnd(m), 1))
    months.push(m);
  const byDay = eventsByDay(events, monthStart(calendar.firstDay), monthEnd(calendar.lastDay));
  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="lg" verticalSpacing="lg">
      {months.map((month) => {
        const first = isoWeekday(month);
        const days: (string | null)[] = Array.from({ length: first - 1 }, () => null);
        for (let d = month; d <= monthEnd(month); d = addDays(d, 1)) days.push(d);
        while (days.length % 7 !== 0) days.push(null);
        const weeks: (string | null)[][] = [];
        for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
        return (
          <table key={month} className={classes.month}>
            <caption>{formatMonth(month, locale)}</caption>
            <thead>
              <tr>
                {weekdays.map(({ letter, name }) => (
                  <th key={name} scope="col" abbr={name}>
                    <span aria-hidden>{letter}</span>
                    <VisuallyHidden>{name}</VisuallyHidden>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.find(Boolean) ?? month}>
                  {week.map((day, i) => {
                    // biome-ignore lint/suspicious/noArrayIndexKey: the blank days before the 1st and after the last never move
                    if (!day) return <td key={`blank-${i}`} />;
                    const event = byDay.get(day);
                    const inYear = day >= calendar.firstDay && day <= calendar.lastDay;
                    const school = index.isInstructionalDay(day);
                    const style = event
                      ? KIND_CLASS[event.kind]
                      : !inYear
                        ? classes.outside
                        : !school
                          ? classes.weekend
                          : '';
                    const name = event
                      ? `${t('calendar.kind', { kind: event.kind })}${event.label ? `: ${event.label}` : ''}`
                      : null;
                    return (
                      <td
                        key={day}
                        className={`${style} ${day === today ? classes.today : ''}`}
                        title={name ?? undefined}
                        aria-current={day === today ? 'date' : undefined}
                      >
                        {Number(day.slice(8, 10))}
                        {event && (
                          <span className={classes.symbol} aria-hidden>
                            {KIND_SYMBOL[event.kind]}
                          </span>
                        )}
                        {name && <VisuallyHidden>{name}</VisuallyHidden>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </SimpleGrid>
  );
}
