import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, patch, post } from '../../api/client.ts';
import type { ClassPeriod } from '../../api/types.ts';
import { WEEKDAYS, weekdayWords } from '../../components/dates.ts';
import { applyApiError, FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { timetableMessage, timeWords } from './timetable-words.ts';

type Values = { weekday: string; startTime: string; endTime: string; className: string; teacher: string };

const WEEKDAY_OPTIONS = WEEKDAYS.map(({ day, name }) => ({ value: String(day), label: name }));

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
      startTime: (v) => (v ? null : 'Enter the time the class starts'),
      endTime: (v) => (v ? null : 'Enter the time the class ends'),
      className: (v) => (v.trim() ? null : 'Write the name of the class, for example Math'),
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
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Saved: ${body.className}, ${weekdayWords(body.weekday)} at ${timeWords(body.startTime)}.`,
      });
      await client.invalidateQueries({ queryKey: classPeriodsKey(householdId, childId) });
      onDone(body.weekday);
    } catch (e) {
      const message = applyApiError(
        {
          values: form.values,
          setErrors: (errors) =>
            form.setErrors(
              Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, timetableMessage(m)])),
            ),
        },
        e,
      );
      setError(message ? timetableMessage(message) : null);
      if (e instanceof ApiError) focusFirst(e.fields.map((f) => f.path));
    }
  }, onInvalid);

  return (
    <FormStack onSubmit={submit} error={error}>
      <NativeSelect label="Day" data={WEEKDAY_OPTIONS} data-autofocus {...form.getInputProps('weekday')} />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput type="time" label="Starts" required {...form.getInputProps('startTime')} />
        <TextInput type="time" label="Ends" required {...form.getInputProps('endTime')} />
      </SimpleGrid>
      <TextInput label="Class" maxLength={100} required {...form.getInputProps('className')} />
      <TextInput label="Teacher (optional)" maxLength={200} {...form.getInputProps('teacher')} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => onDone()} disabled={form.submitting}>
          Cancel
        </Button>
        <Button type="submit" color="blue.8" loading={form.submitting}>
          {period ? 'Save changes' : 'Save'}
        </Button>
      </Group>
    </FormStack>
  );
}
