import {
  ActionIcon,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { CALENDAR_DAY_HELP, CALENDAR_DAY_LABELS } from '../../../src/domain/school-days.ts';
import { del, getAll, patch, post } from '../../api/client.ts';
import type { CalendarEvent, Child, SchoolCalendar } from '../../api/types.ts';
import { formatRange } from '../../components/dates.ts';
import { applyApiError, FormError, FormStack } from '../../components/form-errors.tsx';
import { refreshAfterCalendarChange, SCHOOL_YEAR_CHECKS } from '../../components/school-calendar.ts';
import { StepHeading } from './StepHeading.tsx';

function defaultYearName(child: Child, today = new Date()): string {
  const y = today.getMonth() >= 6 ? today.getFullYear() : today.getFullYear() - 1;
  return `${child.school ? `${child.school} ` : ''}${y}-${y + 1}`;
}

/**
 * Step 2: the school calendar. The school year (name, first and last day) and the days off, added one
 * by one to a list, each with its kind said outright (a holiday, a break, a closure, an early
 * dismissal): the kind decides whether it is a school day, so it is never guessed from the dates.
 * Adding the first day off saves the school year.
 */
export function CalendarStep({
  householdId,
  child,
  calendar,
  focusHeading,
  onChange,
  onNext,
  onBack,
}: {
  householdId: string;
  child: Child;
  calendar: SchoolCalendar | null;
  focusHeading: boolean;
  onChange(calendar: SchoolCalendar): void;
  onNext(): void;
  onBack(): void;
}) {
  const client = useQueryClient();
  const ids = useId();
  const formId = `${ids}-year`;
  const [error, setError] = useState<string | null>(null);
  const [dayOffError, setDayOffError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const firstDayOff = useRef<HTMLInputElement>(null);
  // The calendar as last saved; a ref, because one click can save it and then use it again.
  const savedRef = useRef<SchoolCalendar | null>(calendar);

  const year = useForm({
    initialValues: {
      name: calendar?.name ?? defaultYearName(child),
      firstDay: calendar?.firstDay ?? '',
      lastDay: calendar?.lastDay ?? '',
    },
    validate: SCHOOL_YEAR_CHECKS,
  });
  const dayOff = useForm<{ kind: CalendarDayKind; startDate: string; endDate: string; label: string }>({
    initialValues: { kind: 'holiday', startDate: '', endDate: '', label: '' },
    validate: {
      startDate: (v) => (v ? null : 'Choose the day off (or the first day of a break)'),
      endDate: (v, all) =>
        v && all.startDate && v < all.startDate ? 'The last day comes after the first day' : null,
    },
  });

  const events = useQuery({
    queryKey: ['calendar-events', householdId, calendar?.id],
    queryFn: () =>
      getAll<CalendarEvent>(`/households/${householdId}/calendar-events?calendarId=${calendar?.id}`),
    enabled: calendar != null,
  });
  const daysOff = events.data ?? [];

  /** Saves the school year if it is new or changed; null (with the errors shown) if it cannot. */
  const saveYear = async (): Promise<SchoolCalendar | null> => {
    setError(null);
    if (year.validate().hasErrors) return null;
    const current = savedRef.current;
    if (current && !year.isDirty()) return current;
    const v = year.values;
    const body = { name: v.name.trim(), firstDay: v.firstDay, lastDay: v.lastDay };
    try {
      const saved = current
        ? await patch<SchoolCalendar>(`/households/${householdId}/calendars/${current.id}`, body)
        : await post<SchoolCalendar>(`/households/${householdId}/calendars`, { childId: child.id, ...body });
      savedRef.current = saved;
      year.resetDirty(body);
      onChange(saved);
      return saved;
    } catch (e) {
      setError(applyApiError(year, e));
      return null;
    }
  };

  const addDayOff = async (): Promise<boolean> => {
    setDayOffError(null);
    setStatus('');
    if (dayOff.validate().hasErrors) return false;
    const saved = await saveYear();
    if (!saved) {
      setDayOffError('Fill in the school year above first; then add the day off.');
      return false;
    }
    const v = dayOff.values;
    const endDate = v.endDate && v.endDate !== v.startDate ? v.endDate : null;
    try {
      await post<CalendarEvent>(`/households/${householdId}/calendar-events`, {
        calendarId: saved.id,
        kind: v.kind,
        startDate: v.startDate,
        endDate,
        label: v.label.trim() || null,
      });
      await refreshAfterCalendarChange(client);
      setStatus(
        `Added: ${v.label.trim() || CALENDAR_DAY_LABELS[v.kind]}, ${formatRange(v.startDate, endDate)}.`,
      );
      dayOff.reset();
      firstDayOff.current?.focus();
      return true;
    } catch (e) {
      setDayOffError(applyApiError(dayOff, e));
      return false;
    }
  };

  const remove = async (event: CalendarEvent) => {
    setListError(null);
    try {
      await del(`/households/${householdId}/calendar-events/${event.id}`);
      await refreshAfterCalendarChange(client);
      setStatus(`Removed: ${event.label ?? 'day off'}.`);
    } catch (e) {
      setListError(e instanceof Error ? e.message : 'It could not be removed.');
    }
  };

  const next = year.onSubmit(async () => {
    setBusy(true);
    try {
      // A day off typed but not yet added is added first, so nothing typed is lost.
      if (dayOff.values.startDate && !(await addDayOff())) return;
      if (await saveYear()) onNext();
    } finally {
      setBusy(false);
    }
  });

  const submitDayOff = dayOff.onSubmit(async () => {
    await addDayOff();
  });

  return (
    <Stack gap="lg">
      <StepHeading
        title="The school calendar"
        intro="The first and last day of school and the days off let As Written count the school weeks. The school district's website usually has them."
        focus={focusHeading}
      />
      <form id={formId} onSubmit={next} noValidate>
        <Stack gap="md">
          <FormError message={error} />
          <TextInput label="School year name" required {...year.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput type="date" label="First day of school" required {...year.getInputProps('firstDay')} />
            <TextInput type="date" label="Last day of school" required {...year.getInputProps('lastDay')} />
          </SimpleGrid>
        </Stack>
      </form>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-daysoff`}>
        <Stack gap="md">
          <div>
            <Title order={3} size="h4" id={`${ids}-daysoff`}>
              Days off
            </Title>
            <Text size="sm">
              Add each holiday and break (and a closure or an early dismissal, if you know of one). For a
              break, give its first and last day. You can change them later on the School calendar page.
            </Text>
          </div>
          {daysOff.length > 0 ? (
            <List spacing={4} listStyleType="none" ml={0} pl={0}>
              {daysOff.map((e) => (
                <List.Item key={e.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">
                      {`${formatRange(e.startDate, e.endDate)}: ${
                        e.label
                          ? `${e.label} (${CALENDAR_DAY_LABELS[e.kind].toLowerCase()})`
                          : CALENDAR_DAY_LABELS[e.kind]
                      }`}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${e.label ?? 'this day off'}`}
                      onClick={() => void remove(e)}
                    >
                      <span aria-hidden>×</span>
                    </ActionIcon>
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No days off added yet.</Text>
          )}
          <FormError message={listError} />
          <FormStack onSubmit={submitDayOff} error={dayOffError} gap="sm">
            <NativeSelect
              label="What kind of day?"
              description={CALENDAR_DAY_HELP[dayOff.values.kind]}
              data={(Object.keys(CALENDAR_DAY_LABELS) as CalendarDayKind[]).map((k) => ({
                value: k,
                label: CALENDAR_DAY_LABELS[k],
              }))}
              {...dayOff.getInputProps('kind')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                type="date"
                label="Day off (or first day)"
                ref={firstDayOff}
                {...dayOff.getInputProps('startDate')}
              />
              <TextInput type="date" label="Last day (optional)" {...dayOff.getInputProps('endDate')} />
            </SimpleGrid>
            <TextInput
              label="What is it called?"
              placeholder="Winter break"
              {...dayOff.getInputProps('label')}
            />
            <Button type="submit" variant="default" loading={dayOff.submitting} w="fit-content">
              Add day off
            </Button>
          </FormStack>
          <Text size="sm" role="status">
            {status}
          </Text>
        </Stack>
      </Paper>

      <Group justify="space-between">
        <Button variant="default" size="md" onClick={onBack}>
          Back
        </Button>
        <Button type="submit" form={formId} size="md" color="blue.8" loading={busy}>
          Next
        </Button>
      </Group>
    </Stack>
  );
}
