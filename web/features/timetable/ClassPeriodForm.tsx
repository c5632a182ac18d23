import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, patch, post } from '../../api/client.ts';
import type { ClassPeriod } from '../../api/types.ts';
import { localeFor, weekdaysIn, weekdayWords } from '../../components/dates.ts';
import { applyApiError, FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { timetableMessage, timeWords } from './timetable-words.ts';

type Values = { weekday: string; startTime: string; endTime: string; className: string; teacher: string };

export const classPeriodsKey = (householdId: string, childId: string) => [
  'class-periods',
  householdId,
  childId,
];

/**
 * Add or change one class of the weekly timetable. The server checks the times (an end after the start)
 * and its messages appear next to the fields. Mounted fresh each time the sheet opens (key).
 */
export function ClassPeriodForm({
  householdId,
  childId,
  period,
  weekday,
  onDone,
}: {
  householdId: string;
  childId: string;
  period: ClassPeriod | null;
  /** The day to start from when adding. */
  weekday: number;
  /** Called when saved (with the day saved) or cancelled. */
  onDone(savedWeekday?: number): void;
}) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  const weekdayOptions = weekdaysIn(locale).map(({ day, name }) => ({ value: String(day), label: name }));
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      weekday: String(period?.weekday ?? weekday),
      startTime: period?.startTime ?? '',
      endTime: period?.endTime ?? '',
      className: period?.className ?? '',
      teacher: period?.teacher ?? '',
    },
    validate: {
      startTime: (v) => (v ? null : t('records.timetable.startMissing')),
      endTime: (v) => (v ? null : t('records.timetable.endMissing')),
      className: (v) => (v.trim() ? null : t('records.timetable.classMissing')),
    },
  });

  const { focusFirst, onInvalid } = useFocusFirstError(form);

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      weekday: Number(v.weekday),
      startTime: v.startTime,
      endTime: v.endTime,
      className: v.className.trim(),
      teacher: v.teacher.trim() || null,
    };
    try {
      if (period) await patch(`/households/${householdId}/class-periods/${period.id}`, body);
      else await post(`/households/${householdId}/class-periods`, { ...body, childId });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('records.timetable.saved', {
          className: body.className,
          weekday: weekdayWords(body.weekday, locale),
          time: timeWords(body.startTime, locale),
        }),
      });
      await client.invalidateQueries({ queryKey: classPeriodsKey(householdId, childId) });
      onDone(body.weekday);
    } catch (e) {
      const message = applyApiError(
        {
          values: form.values,
          setErrors: (errors) =>
            form.setErrors(
              Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, timetableMessage(t, m, locale)])),
            ),
        },
        e,
      );
      setError(message ? timetableMessage(t, message, locale) : null);
      if (e instanceof ApiError) focusFirst(e.fields.map((f) => f.path));
    }
  }, onInvalid);

  return (
    <FormStack onSubmit={submit} error={error}>
      <NativeSelect
        label={t('records.incident.day')}
        data={weekdayOptions}
        data-autofocus
        {...form.getInputProps('weekday')}
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          type="time"
          label={t('records.timetable.starts')}
          required
          {...form.getInputProps('startTime')}
        />
        <TextInput
          type="time"
          label={t('records.timetable.ends')}
          required
          {...form.getInputProps('endTime')}
        />
      </SimpleGrid>
      <TextInput
        label={t('records.timetable.class')}
        maxLength={100}
        required
        {...form.getInputProps('className')}
      />
      <TextInput label={t('records.timetable.teacher')} maxLength={200} {...form.getInputProps('teacher')} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => onDone()} disabled={form.submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" color="blue.8" loading={form.submitting}>
          {period ? t('records.saveChanges') : t('records.save')}
        </Button>
      </Group>
    </FormStack>
  );
}
