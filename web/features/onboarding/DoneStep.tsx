import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, getAll } from '../../api/client.ts';
import type { CalendarEvent, Service } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';
import { type SetupSoFar, StepHeading } from './StepHeading.tsx';

/** Step 6: what was set up, and the way to the home screen. */
export function DoneStep({
  householdId,
  child,
  calendar,
  plan,
  focusHeading,
  finishing,
  onFinish,
  onAddAnother,
  onBack,
}: SetupSoFar & {
  finishing: boolean;
  onFinish(): void;
  onAddAnother(): void;
  onBack(): void;
}) {
  const events = useQuery({
    queryKey: ['calendar-events', householdId, calendar?.id],
    queryFn: () =>
      getAll<CalendarEvent>(`/households/${householdId}/calendar-events?calendarId=${calendar?.id}`),
    enabled: calendar != null,
  });
  const services = useQuery({
    queryKey: ['services', householdId, plan?.id],
    queryFn: () => get<Service[]>(`/households/${householdId}/services?planId=${plan?.id}`),
    enabled: plan != null,
  });
  // Each kind said as entered: a closure or an early dismissal is not a holiday.
  const byKind = new Map<string, number>();
  for (const e of events.data ?? []) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  const KIND_WORDS: Record<string, [string, string]> = {
    holiday: ['holiday', 'holidays'],
    break: ['break', 'breaks'],
    closure: ['school closure', 'school closures'],
    early_dismissal: ['early dismissal', 'early dismissals'],
  };
  const daysOff =
    byKind.size === 0
      ? 'no days off yet'
      : Object.keys(KIND_WORDS)
          .filter((k) => byKind.has(k))
          .map((k) => `${byKind.get(k)} ${KIND_WORDS[k]![byKind.get(k) === 1 ? 0 : 1]}`)
          .join(', ');
  const serviceList = services.data ?? [];
  return (
    <Stack gap="md">
      <StepHeading
        title="All set"
        intro={`Here is what As Written knows about ${child.firstName}.`}
        focus={focusHeading}
      />
      <List spacing="xs">
        <List.Item>
          <Text span fw={600}>
            Child:
          </Text>{' '}
          {[child.firstName, child.lastName].filter(Boolean).join(' ')}
          {child.school ? `, ${child.school}` : ''}
          {child.grade ? `, grade ${child.grade}` : ''}
        </List.Item>
        {calendar && (
          <List.Item>
            <Text span fw={600}>
              School year:
            </Text>{' '}
            {calendar.name}, {formatDay(calendar.firstDay, 'weekdayLongYear')} to{' '}
            {formatDay(calendar.lastDay, 'weekdayLongYear')}, {daysOff}
          </List.Item>
        )}
        {plan && (
          <List.Item>
            <Text span fw={600}>
              Plan:
            </Text>{' '}
            {plan.kind === 'iep' ? 'IEP' : '504 plan'}, {formatDay(plan.effectiveFrom, 'weekdayLongYear')} to{' '}
            {formatDay(plan.effectiveTo, 'weekdayLongYear')}
          </List.Item>
        )}
        <List.Item>
          <Text span fw={600}>
            Services:
          </Text>{' '}
          {serviceList.length === 0
            ? 'none yet (add them from the Plan page)'
            : serviceList.map((s) => s.name).join(', ')}
        </List.Item>
      </List>
      <Text>
        From now on, log each session on the home screen: tap “Log a session”, then “Happened” or “Didn’t
        happen”. As Written keeps count of the minutes promised, delivered and owed.
      </Text>
      <Button
        size="lg"
        color="blue.8"
        onClick={onFinish}
        loading={finishing}
        w={{ base: '100%', xs: 'auto' }}
      >
        Finish
      </Button>
      <Group gap="sm">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button variant="default" onClick={onAddAnother}>
          Add another child
        </Button>
      </Group>
    </Stack>
  );
}
