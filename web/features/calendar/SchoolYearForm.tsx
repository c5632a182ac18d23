import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useState } from 'react';
import { patch, post } from '../../api/client.ts';
import type { SchoolCalendar } from '../../api/types.ts';
import { WEEKDAYS } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { SCHOOL_YEAR_CHECKS } from '../../components/school-calendar.ts';

/** `key` only tells the rows apart while the form is open; it is not sent. */
type TermValues = { key: string; name: string; startDate: string; endDate: string };
type Values = {
  name: string;
  firstDay: string;
  lastDay: string;
  schoolWeekdays: string[];
  terms: TermValues[];
};

/** The next term's name, following the last one's numbering ("Quarter 2" after "Quarter 1"). */
function nextTermName(terms: TermValues[]): string {
  const last = terms[terms.length - 1]?.name.trim() ?? '';
  const numbered = /^(.*?)(\d+)$/.exec(last);
  if (numbered) return `${numbered[1]}${Number(numbered[2]) + 1}`;
  return terms.length === 0 ? 'Term 1' : '';
}

/**
 * The school year itself: its name, first and last day, the weekdays school meets on, and its terms or
 * grading periods (a service promised "per quarter" is counted in each of them).
 */
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
      terms: (calendar?.terms ?? []).map((t) => ({ ...t, key: randomId() })),
    },
    validate: {
      ...SCHOOL_YEAR_CHECKS,
      schoolWeekdays: (v) => (v.length > 0 ? null : 'Choose at least one day'),
      terms: {
        name: (v) => (v.trim() ? null : 'Enter a name, for example Quarter 1'),
        startDate: (v) => (v ? null : 'Enter the first day of the term'),
        endDate: (v, all, path) => {
          if (!v) return 'Enter the last day of the term';
          const start = all.terms[Number(path.split('.')[1])]?.startDate;
          return start && v < start ? 'must not be before the first day' : null;
        },
      },
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      name: v.name.trim(),
      firstDay: v.firstDay,
      lastDay: v.lastDay,
      schoolWeekdays: v.schoolWeekdays.map(Number).sort((a, b) => a - b),
      // In the order shown: a refused term is named by its place in the list.
      terms: v.terms.map((t) => ({ name: t.name.trim(), startDate: t.startDate, endDate: t.endDate })),
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
      <Fieldset legend="Terms or grading periods (optional)" variant="unstyled">
        <Stack gap="sm">
          <Text size="sm">
            If the IEP gives a service per quarter, trimester, semester or marking period, enter those dates
            here: the service is counted in each of them.
          </Text>
          {form.values.terms.map((term, i) => (
            <Group key={term.key} gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={`Term ${i + 1} name`}
                maxLength={60}
                w={180}
                {...form.getInputProps(`terms.${i}.name`)}
              />
              <TextInput type="date" label="First day" {...form.getInputProps(`terms.${i}.startDate`)} />
              <TextInput type="date" label="Last day" {...form.getInputProps(`terms.${i}.endDate`)} />
              <Button
                variant="default"
                onClick={() => form.removeListItem('terms', i)}
                aria-label={`Remove ${term.name.trim() || `term ${i + 1}`}`}
              >
                Remove
              </Button>
            </Group>
          ))}
          <Button
            variant="default"
            w="fit-content"
            onClick={() =>
              form.insertListItem('terms', {
                key: randomId(),
                name: nextTermName(form.values.terms),
                startDate: '',
                endDate: '',
              })
            }
          >
            Add a term
          </Button>
        </Stack>
      </Fieldset>
      <Button type="submit" color="blue.8" loading={form.submitting} w="fit-content">
        {calendar ? 'Save the school year' : 'Add the school year'}
      </Button>
    </FormStack>
  );
}
