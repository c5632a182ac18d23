import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { patch, post } from '../../api/client.ts';
import type { CalendarEvent, SchoolCalendar } from '../../api/types.ts';
import { formatDate } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useCalendarWords } from './calendar-words.ts';
import { KINDS } from './DayKind.tsx';

type Values = { kind: CalendarDayKind; startDate: string; endDate: string; label: string };

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
  const { t, locale } = useCalendarWords();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      kind: event?.kind ?? 'holiday',
      startDate: event?.startDate ?? initialDate ?? '',
      endDate: event?.endDate ?? '',
      label: event?.label ?? '',
    },
    validate: {
      startDate: (v) => (v ? null : t('calendar.dayForm.startMissing')),
      endDate: (v, all) =>
        v && all.startDate && v < all.startDate ? t('calendar.dayForm.lastBeforeFirst') : null,
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
          ? t('calendar.dayForm.noYear')
          : t('calendar.dayForm.outsideYears', {
              years: calendars
                .map((c) =>
                  t('calendar.span', {
                    from: formatDate(c.firstDay, locale),
                    to: formatDate(c.lastDay, locale),
                  }),
                )
                .join('; '),
            }),
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
        label={t('calendar.dayForm.whatKind')}
        description={t('calendar.kindHelp', { kind })}
        data={KINDS.map((k) => ({ value: k, label: t('calendar.kind', { kind: k }) }))}
        {...form.getInputProps('kind')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('calendar.dayForm.start')}
          required
          {...form.getInputProps('startDate')}
        />
        <TextInput type="date" label={t('calendar.dayForm.end')} {...form.getInputProps('endDate')} />
      </SimpleGrid>
      <TextInput
        label={t('calendar.dayForm.name')}
        placeholder={t('calendar.dayForm.placeholder', { kind })}
        maxLength={200}
        {...form.getInputProps('label')}
      />
      <Group gap="sm">
        <Button type="submit" color="blue.8" loading={form.submitting}>
          {event ? t('calendar.dayForm.save') : t('calendar.dayForm.add')}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel} disabled={form.submitting}>
            {t('calendar.cancel')}
          </Button>
        )}
      </Group>
    </FormStack>
  );
}
