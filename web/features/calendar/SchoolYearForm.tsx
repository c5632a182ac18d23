import { Button, Checkbox, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { patch, post } from '../../api/client.ts';
import type { SchoolCalendar } from '../../api/types.ts';
import { WEEKDAYS } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { SCHOOL_YEAR_CHECKS } from '../../components/school-calendar.ts';

type Values = { name: string; firstDay: string; lastDay: string; schoolWeekdays: string[] };

/** The school year itself: its name, first and last day, and the weekdays school meets on. */
export function SchoolYearForm({
  householdId,
  childId,
  calendar,
  onSaved,
}: {
  householdId: string;
  childId: string;
  /** The year being changed; null to add one. */
  calendar: SchoolCalendar | null;
  onSaved(saved: SchoolCalendar): Promise<void> | void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      name: calendar?.name ?? '',
      firstDay: calendar?.firstDay ?? '',
      lastDay: calendar?.lastDay ?? '',
      schoolWeekdays: (calendar?.schoolWeekdays ?? [1, 2, 3, 4, 5]).map(String),
    },
    validate: {
      ...SCHOOL_YEAR_CHECKS,
      schoolWeekdays: (v) => (v.length > 0 ? null : 'Choose at least one day'),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      name: v.name.trim(),
      firstDay: v.firstDay,
      lastDay: v.lastDay,
      schoolWeekdays: v.schoolWeekdays.map(Number).sort((a, b) => a - b),
    };
    try {
      const saved = calendar
        ? await patch<SchoolCalendar>(`/households/${householdId}/calendars/${calendar.id}`, body)
        : await post<SchoolCalendar>(`/households/${householdId}/calendars`, { childId, ...body });
      form.resetDirty(v);
      await onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });

  return (
    <FormStack onSubmit={submit} error={error} gap="sm">
      <TextInput label="School year name" required maxLength={200} {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label="First day of school" required {...form.getInputProps('firstDay')} />
        <TextInput type="date" label="Last day of school" required {...form.getInputProps('lastDay')} />
      </SimpleGrid>
      <Checkbox.Group label="School meets on" {...form.getInputProps('schoolWeekdays')}>
        <Group gap="md" mt={6}>
          {WEEKDAYS.map(({ day, name }) => (
            <Checkbox key={day} value={String(day)} label={name} />
          ))}
        </Group>
      </Checkbox.Group>
      <Button type="submit" color="blue.8" loading={form.submitting} w="fit-content">
        {calendar ? 'Save the school year' : 'Add the school year'}
      </Button>
    </FormStack>
  );
}
