import { Box, Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { listWords } from '../../../src/domain/letter-words.ts';
import { CALENDAR_DAY_LABELS } from '../../../src/domain/school-days.ts';
import { del } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useCurrent, useHouseholdChild } from '../../api/session.tsx';
import type { CalendarEvent, SchoolCalendar } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { PlainModal } from '../../components/Dialogs.tsx';
import { formatDay, formatMonth, formatRange, todayIso, weekdayWords } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { refreshAfterCalendarChange, useSchoolCalendars } from '../../components/school-calendar.ts';
import classes from './calendar.module.css';
import { KINDS, KindTag } from './DayKind.tsx';
import { DayOffForm } from './DayOffForm.tsx';
import { DistrictCalendarFeeds } from './DistrictCalendarFeeds.tsx';
import { DistrictCalendarImport } from './DistrictCalendarImport.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { SchoolAbsences } from './SchoolAbsences.tsx';
import { SchoolYearForm } from './SchoolYearForm.tsx';

// The school calendar: the year at a glance (a month grid on a wide screen, a list on a phone), with
// holidays, breaks, closures and early dismissals in their own colour, symbol and name; any of them
// can be added, changed or removed for any date, and the school year's first and last day and school
// weekdays changed. Every change shows at once in "This week", the ledger and the advisor.

function weekdaysWords(days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (run && sorted.length > 2) return `${weekdayWords(sorted[0]!)} to ${weekdayWords(sorted.at(-1)!)}`;
  return listWords(sorted.map(weekdayWords));
}

/** The year containing today, else the last one that has started, else the first. */
function currentYear(calendars: SchoolCalendar[], today: string): SchoolCalendar | null {
  return (
    calendars.find((c) => c.firstDay <= today && today <= c.lastDay) ??
    [...calendars].reverse().find((c) => c.firstDay <= today) ??
    calendars[0] ??
    null
  );
}

export default function CalendarPage() {
  const { householdId, child } = useHouseholdChild();
  const current = useCurrent();
  const writable = useCan('plan.write');
  const client = useQueryClient();
  const ids = useId();
  const [today] = useState(todayIso);
  const query = useSchoolCalendars(householdId, child.id);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<CalendarEvent | null>(null);
  const [status, setStatus] = useState('');
  const [removeError, setRemoveError] = useState<string | null>(null);
  const data = query.data;
  const calendar =
    data?.calendars.find((c) => c.id === chosenId) ?? (data ? currentYear(data.calendars, today) : null);
  const events = data && calendar ? data.events.filter((e) => e.calendarId === calendar.id) : [];

  const changed = async (message: string) => {
    await refreshAfterCalendarChange(client);
    setStatus(message);
    notifications.show({ color: 'blue', closeButtonProps: { 'aria-label': 'Close' }, message });
  };
  const eventWords = (e: CalendarEvent) =>
    `${e.label ?? CALENDAR_DAY_LABELS[e.kind]}, ${formatRange(e.startDate, e.endDate)}`;

  const remove = async (e: CalendarEvent) => {
    setRemoveError(null);
    try {
      await del(`/households/${householdId}/calendar-events/${e.id}`);
      await changed(`Removed: ${eventWords(e)}.`);
    } catch (error) {
      setRemoveError(error instanceof Error ? error.message : 'It could not be removed. Try again.');
    }
  };

  // The days off, month by month (the list a phone shows, and the place to change or remove one).
  const byMonth = new Map<string, CalendarEvent[]>();
  for (const e of events) {
    const month = e.startDate.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), e]);
  }
  const schoolDays =
    data && calendar ? data.index.countInstructionalDays(calendar.firstDay, calendar.lastDay) : 0;

  return (
    <Stack gap="lg" maw={1200} className={contrast.scope}>
      <div>
        <Title order={2}>School calendar</Title>
        <Text>
          The school days As Written counts, and the days with no school. A session logged on a day with no
          school asks “Are you sure?” before it is saved.
        </Text>
      </div>

      {query.isPending && <LoadingCards label="Loading the school calendar" heights={[120, 320]} />}
      {query.isError && (
        <LoadFailed
          title="The school calendar could not be loaded"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      )}

      {data && !calendar && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-new`}>
          <Stack gap="sm">
            <Title order={3} size="h4" id={`${ids}-new`}>
              Add the school year
            </Title>
            {writable ? (
              <SchoolYearForm
                householdId={householdId}
                childId={child.id}
                calendar={null}
                onSaved={(saved) => changed(`Added the school year ${saved.name}.`)}
              />
            ) : (
              <Text>
                There is no school calendar yet. Ask the household’s owner or a co-parent to add it.
              </Text>
            )}
          </Stack>
        </Paper>
      )}

      {data && calendar && (
        <>
          <Stack gap={4}>
            {data.calendars.length > 1 && (
              <NativeSelect
                label="School year"
                w={{ base: '100%', xs: 320 }}
                value={calendar.id}
                onChange={(e) => setChosenId(e.currentTarget.value)}
                data={data.calendars.map((c) => ({ value: c.id, label: c.name }))}
              />
            )}
            <Title order={3} size="h4">
              {calendar.name}
            </Title>
            <Text>
              {formatDay(calendar.firstDay, 'weekdayLongYear')} to{' '}
              {formatDay(calendar.lastDay, 'weekdayLongYear')}: {schoolDays} school days,{' '}
              {weekdaysWords(calendar.schoolWeekdays)}.
            </Text>
            {calendar.terms.length > 0 && (
              <Text>
                Terms:{' '}
                {listWords(calendar.terms.map((t) => `${t.name} (${formatRange(t.startDate, t.endDate)})`))}.
              </Text>
            )}
          </Stack>

          <Group gap="sm" component="ul" aria-label="Legend" p={0} m={0} style={{ listStyle: 'none' }}>
            {KINDS.map((k) => (
              <li key={k}>
                <KindTag kind={k} />
              </li>
            ))}
            {/* These two describe the month grid, which a phone does not show. */}
            <Box component="li" visibleFrom="sm">
              <span className={`${classes.swatch} ${classes.weekend}`}>No school (weekend)</span>
            </Box>
            <Box component="li" visibleFrom="sm">
              <span className={`${classes.swatch} ${classes.today}`}>Today</span>
            </Box>
          </Group>

          <Box visibleFrom="sm">
            <MonthGrid calendar={calendar} events={events} index={data.index} today={today} />
          </Box>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-days`}>
            <Stack gap="sm">
              <Title order={3} size="h4" id={`${ids}-days`}>
                Days off and early dismissals
              </Title>
              {events.length === 0 && <Text>None yet. Add holidays, breaks and closures below.</Text>}
              {[...byMonth.entries()].map(([month, list]) => (
                <Stack key={month} gap={6}>
                  <Text fw={700} component="h4" m={0} size="sm">
                    {formatMonth(`${month}-01`)}
                  </Text>
                  <List spacing={8} listStyleType="none" ml={0} pl={0}>
                    {list.map((e) => (
                      <List.Item key={e.id}>
                        <Group gap="xs" justify="space-between" wrap="wrap">
                          <Group gap="xs" wrap="wrap">
                            <KindTag kind={e.kind} />
                            <Text size="sm">
                              {formatRange(e.startDate, e.endDate)}
                              {e.label ? `: ${e.label}` : ''}
                            </Text>
                          </Group>
                          {writable && (
                            <Group gap={6}>
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-label={`Change ${eventWords(e)}`}
                                onClick={() => setEditing(e)}
                              >
                                Change
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-label={`${e.kind === 'closure' ? 'Undo' : 'Remove'} ${eventWords(e)}`}
                                onClick={() => void remove(e)}
                              >
                                {e.kind === 'closure' ? 'Undo' : 'Remove'}
                              </Button>
                            </Group>
                          )}
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              ))}
              {removeError && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  {removeError}
                </Text>
              )}
            </Stack>
          </Paper>

          {writable && (
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-add`}>
              <Stack gap="sm">
                <Title order={3} size="h4" id={`${ids}-add`}>
                  Add a day
                </Title>
                <Text size="sm">
                  A holiday the district added, a closure last Tuesday, a break: any day of the school year,
                  past or coming.
                </Text>
                <DayOffForm
                  householdId={householdId}
                  calendars={data.calendars}
                  event={null}
                  onSaved={(saved) => changed(`Added: ${eventWords(saved)}.`)}
                />
              </Stack>
            </Paper>
          )}

          <DistrictCalendarFeeds
            householdId={householdId}
            childId={child.id}
            writable={writable}
            onChanged={changed}
          />

          {writable && (
            <DistrictCalendarImport
              householdId={householdId}
              childId={child.id}
              csrfToken={current.session.csrfToken}
              onAdded={(count, terms) =>
                changed(
                  [
                    count > 0
                      ? `Added ${count === 1 ? '1 day' : `${count} days`} from the district calendar.`
                      : '',
                    terms > 0
                      ? `Set ${terms === 1 ? 'the terms of 1 school year' : `the terms of ${terms} school years`}.`
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                )
              }
            />
          )}

          <SchoolAbsences
            householdId={householdId}
            childId={child.id}
            childName={child.firstName}
            today={today}
            writable={writable}
            onChanged={(message) => {
              setStatus(message);
              notifications.show({ color: 'blue', closeButtonProps: { 'aria-label': 'Close' }, message });
            }}
          />

          {writable && (
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-year`}>
              <Stack gap="sm">
                <Title order={3} size="h4" id={`${ids}-year`}>
                  The school year
                </Title>
                <SchoolYearForm
                  key={`${calendar.id}-${calendar.updatedAt}`}
                  householdId={householdId}
                  childId={child.id}
                  calendar={calendar}
                  onSaved={(saved) => changed(`Saved the school year ${saved.name}.`)}
                />
              </Stack>
            </Paper>
          )}
        </>
      )}

      <PlainModal opened={editing != null} onClose={() => setEditing(null)} title="Change a day">
        {editing && data && (
          <DayOffForm
            key={editing.id}
            householdId={householdId}
            calendars={data.calendars}
            event={editing}
            onCancel={() => setEditing(null)}
            onSaved={async (saved) => {
              setEditing(null);
              await changed(`Saved: ${eventWords(saved)}.`);
            }}
          />
        )}
      </PlainModal>

      <Text size="sm" role="status">
        {status}
      </Text>
    </Stack>
  );
}
