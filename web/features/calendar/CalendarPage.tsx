import { Box, Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
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
import { type CalendarWords, useCalendarWords } from './calendar-words.ts';
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

function weekdaysWords(days: number[], { t, locale, list }: CalendarWords): string {
  const sorted = [...days].sort((a, b) => a - b);
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  const name = (d: number) => weekdayWords(d, locale);
  if (run && sorted.length > 2)
    return t('calendar.span', { from: name(sorted[0]!), to: name(sorted.at(-1)!) });
  return list(sorted.map(name));
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
  const words = useCalendarWords();
  const { t, locale, list: listOf } = words;
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
    notifications.show({ color: 'blue', closeButtonProps: { 'aria-label': t('calendar.close') }, message });
  };
  const eventWords = (e: CalendarEvent) =>
    t('calendar.event', {
      what: e.label ?? t('calendar.kind', { kind: e.kind }),
      range: formatRange(e.startDate, e.endDate, locale),
    });

  const remove = async (e: CalendarEvent) => {
    setRemoveError(null);
    try {
      await del(`/households/${householdId}/calendar-events/${e.id}`);
      await changed(t('calendar.days.removed', { what: eventWords(e) }));
    } catch (error) {
      setRemoveError(error instanceof Error ? error.message : t('calendar.removeFailed'));
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
        <Title order={2}>{t('calendar.title')}</Title>
        <Text>{t('calendar.intro')}</Text>
      </div>

      {query.isPending && <LoadingCards label={t('calendar.loading')} heights={[120, 320]} />}
      {query.isError && (
        <LoadFailed
          title={t('calendar.loadFailed')}
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      )}

      {data && !calendar && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-new`}>
          <Stack gap="sm">
            <Title order={3} size="h4" id={`${ids}-new`}>
              {t('calendar.year.add')}
            </Title>
            {writable ? (
              <SchoolYearForm
                householdId={householdId}
                childId={child.id}
                calendar={null}
                onSaved={(saved) => changed(t('calendar.year.added', { name: saved.name }))}
              />
            ) : (
              <Text>{t('calendar.year.none')}</Text>
            )}
          </Stack>
        </Paper>
      )}

      {data && calendar && (
        <>
          <Stack gap={4}>
            {data.calendars.length > 1 && (
              <NativeSelect
                label={t('calendar.year.choose')}
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
              {t('calendar.year.summary', {
                from: formatDay(calendar.firstDay, 'weekdayLongYear', locale),
                to: formatDay(calendar.lastDay, 'weekdayLongYear', locale),
                count: schoolDays,
                weekdays: weekdaysWords(calendar.schoolWeekdays, words),
              })}
            </Text>
            {calendar.terms.length > 0 && (
              <Text>
                {t('calendar.year.terms', {
                  terms: listOf(
                    calendar.terms.map((term) =>
                      t('calendar.year.term', {
                        name: term.name,
                        range: formatRange(term.startDate, term.endDate, locale),
                      }),
                    ),
                  ),
                })}
              </Text>
            )}
          </Stack>

          <Group
            gap="sm"
            component="ul"
            aria-label={t('calendar.legend')}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {KINDS.map((k) => (
              <li key={k}>
                <KindTag kind={k} />
              </li>
            ))}
            {/* These two describe the month grid, which a phone does not show. */}
            <Box component="li" visibleFrom="sm">
              <span className={`${classes.swatch} ${classes.weekend}`}>{t('calendar.legend.weekend')}</span>
            </Box>
            <Box component="li" visibleFrom="sm">
              <span className={`${classes.swatch} ${classes.today}`}>{t('calendar.legend.today')}</span>
            </Box>
          </Group>

          <Box visibleFrom="sm">
            <MonthGrid calendar={calendar} events={events} index={data.index} today={today} />
          </Box>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-days`}>
            <Stack gap="sm">
              <Title order={3} size="h4" id={`${ids}-days`}>
                {t('calendar.days.title')}
              </Title>
              {events.length === 0 && <Text>{t('calendar.days.none')}</Text>}
              {[...byMonth.entries()].map(([month, list]) => (
                <Stack key={month} gap={6}>
                  <Text fw={700} component="h4" m={0} size="sm">
                    {formatMonth(`${month}-01`, locale)}
                  </Text>
                  <List spacing={8} listStyleType="none" ml={0} pl={0}>
                    {list.map((e) => (
                      <List.Item key={e.id}>
                        <Group gap="xs" justify="space-between" wrap="wrap">
                          <Group gap="xs" wrap="wrap">
                            <KindTag kind={e.kind} />
                            <Text size="sm">
                              {formatRange(e.startDate, e.endDate, locale)}
                              {e.label ? `: ${e.label}` : ''}
                            </Text>
                          </Group>
                          {writable && (
                            <Group gap={6}>
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-label={t('calendar.days.changeLabel', { what: eventWords(e) })}
                                onClick={() => setEditing(e)}
                              >
                                {t('calendar.days.change')}
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-label={t('calendar.days.removeLabel', {
                                  kind: e.kind,
                                  what: eventWords(e),
                                })}
                                onClick={() => void remove(e)}
                              >
                                {t('calendar.days.remove', { kind: e.kind })}
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
                  {t('calendar.days.add')}
                </Title>
                <Text size="sm">{t('calendar.days.addHelp')}</Text>
                <DayOffForm
                  householdId={householdId}
                  calendars={data.calendars}
                  event={null}
                  onSaved={(saved) => changed(t('calendar.days.added', { what: eventWords(saved) }))}
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
                    count > 0 ? t('calendar.days.fromDistrict', { count }) : '',
                    terms > 0 ? t('calendar.days.termsSet', { count: terms }) : '',
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
              notifications.show({
                color: 'blue',
                closeButtonProps: { 'aria-label': t('calendar.close') },
                message,
              });
            }}
          />

          {writable && (
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-year`}>
              <Stack gap="sm">
                <Title order={3} size="h4" id={`${ids}-year`}>
                  {t('calendar.year.title')}
                </Title>
                <SchoolYearForm
                  key={`${calendar.id}-${calendar.updatedAt}`}
                  householdId={householdId}
                  childId={child.id}
                  calendar={calendar}
                  onSaved={(saved) => changed(t('calendar.year.saved', { name: saved.name }))}
                />
              </Stack>
            </Paper>
          )}
        </>
      )}

      <PlainModal
        opened={editing != null}
        onClose={() => setEditing(null)}
        title={t('calendar.days.changeTitle')}
      >
        {editing && data && (
          <DayOffForm
            key={editing.id}
            householdId={householdId}
            calendars={data.calendars}
            event={editing}
            onCancel={() => setEditing(null)}
            onSaved={async (saved) => {
              setEditing(null);
              await changed(t('calendar.days.saved', { what: eventWords(saved) }));
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
