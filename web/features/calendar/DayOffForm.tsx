import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { CALENDAR_DAY_HELP, CALENDAR_DAY_LABELS } from '../../../src/domain/school-days.ts';
import { patch, post } from '../../api/client.ts';
import type { CalendarEvent, SchoolCalendar } from '../../api/types.ts';
import { formatDate } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { KINDS } from './DayKind.tsx';

type Values = { kind: CalendarDayKind; startDate: string; endDate: string; label: string };

const PLACEHOLDERS: Record<CalendarDayKind, string> = {
  holiday: 'Labor Day',
  break: 'Winter break',
  closure: 'Snow day',
  early_dismissal: 'Parent conferences',
};

/**
 * Add a day to the school calendar (a holiday the district added, a closure last Tuesday), or change
 * one (a wrong date, a wrong kind). The day goes into the school year that contains it.
 */
export function DayOffForm({
  householdId,
  calendars,
  event,
  initialDate,
  onSaved,
  onCancel,
}: {
  householdId: string;
  calendars: SchoolCalendar[];
  /** The day being changed; null to add one. */
  event: CalendarEvent | null;
  initialDate?: string;
  onSaved(saved: CalendarEvent): Promise<void> | void;
  onCancel?(): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      kind: event?.kind ?? 'holiday',
      startDate: event?.startDate ?? initialDate ?? '',
      endDate: event?.endDate ?? '',
      label: event?.label ?? '',
    },
    validate: {
      startDate: (v) => (v ? null : 'Choose the day (or the first day)'),
      endDate: (v, all) =>
        v && all.startDate && v < all.startDate ? 'The last day comes after the first day' : null,
    },
  });
  const kind = form.values.kind;

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const endDate = v.endDate && v.endDate !== v.startDate ? v.endDate : null;
    const calendar = event
      ? calendars.find((c) => c.id === event.calendarId)
      : calendars.find((c) => c.firstDay <= v.startDate && v.startDate <= c.lastDay);
    if (!calendar) {
      form.setFieldError(
        'startDate',
        calendars.length === 0
          ? 'Add the school year first'
          : `Choose a day of a school year (${calendars.map((c) => `${formatDate(c.firstDay)} to ${formatDate(c.lastDay)}`).join('; ')})`,
      );
      return;
    }
    const body = { kind: v.kind, startDate: v.startDate, endDate, label: v.label.trim() || null };
    try {
      const saved = event
        ? await patch<CalendarEvent>(`/households/${householdId}/calendar-events/${event.id}`, body)
        : await post<CalendarEvent>(`/households/${householdId}/calendar-events`, {
            calendarId: calendar.id,
            ...body,
          });
      if (!event) form.reset();
      await onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });

  return (
    <FormStack onSubmit={submit} error={error} gap="sm">
      <NativeSelect
        label="What kind of day?"
        description={CALENDAR_DAY_HELP[kind]}
        data={KINDS.map((k) => ({ value: k, label: CALENDAR_DAY_LABELS[k] }))}
        {...form.getInputProps('kind')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label="Day (or first day)" required {...form.getInputProps('startDate')} />
        <TextInput type="date" label="Last day (for several days)" {...form.getInputProps('endDate')} />
      </SimpleGrid>
      <TextInput
        label="What is it called? (optional)"
        placeholder={PLACEHOLDERS[kind]}
        maxLength={200}
        {...form.getInputProps('label')}
      />
      <Group gap="sm">
        <Button type="submit" color="blue.8" loading={form.submitting}>
          {event ? 'Save changes' : 'Add to the calendar'}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel} disabled={form.submitting}>
            Cancel
          </Button>
        )}
      </Group>
    </FormStack>
  );
}
