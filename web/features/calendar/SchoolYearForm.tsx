import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useState } from 'react';
import { patch, post } from '../../api/client.ts';
import type { SchoolCalendar } from '../../api/types.ts';
import { weekdaysIn } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useCalendarWords } from './calendar-words.ts';

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
function nextTermName(terms: TermValues[], firstTerm: string): string {
  const last = terms[terms.length - 1]?.name.trim() ?? '';
  const numbered = /^(.*?)(\d+)$/.exec(last);
  if (numbered) return `${numbered[1]}${Number(numbered[2]) + 1}`;
  return terms.length === 0 ? firstTerm : '';
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
  const { t, locale } = useCalendarWords();
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
      // The checks of web/components/school-calendar.ts (SCHOOL_YEAR_CHECKS), in the reader's language.
      name: (v) => (v.trim() ? null : t('calendar.yearForm.nameMissing')),
      firstDay: (v) => (v ? null : t('calendar.yearForm.firstMissing')),
      lastDay: (v, all) =>
        !v
          ? t('calendar.yearForm.lastMissing')
          : all.firstDay && v < all.firstDay
            ? t('calendar.dayForm.lastBeforeFirst')
            : null,
      schoolWeekdays: (v) => (v.length > 0 ? null : t('calendar.yearForm.weekdaysMissing')),
      terms: {
        name: (v) => (v.trim() ? null : t('calendar.yearForm.termNameMissing')),
        startDate: (v) => (v ? null : t('calendar.yearForm.termStartMissing')),
        endDate: (v, all, path) => {
          if (!v) return t('calendar.yearForm.termEndMissing');
          const start = all.terms[Number(path.split('.')[1])]?.startDate;
          return start && v < start ? t('calendar.yearForm.termEndBeforeStart') : null;
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
      <TextInput
        label={t('calendar.yearForm.name')}
        required
        maxLength={200}
        {...form.getInputProps('name')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('calendar.yearForm.first')}
          required
          {...form.getInputProps('firstDay')}
        />
        <TextInput
          type="date"
          label={t('calendar.yearForm.last')}
          required
          {...form.getInputProps('lastDay')}
        />
      </SimpleGrid>
      <Checkbox.Group label={t('calendar.yearForm.weekdays')} {...form.getInputProps('schoolWeekdays')}>
        <Group gap="md" mt={6}>
          {weekdaysIn(locale).map(({ day, name }) => (
            <Checkbox key={day} value={String(day)} label={name} />
          ))}
        </Group>
      </Checkbox.Group>
      <Fieldset legend={t('calendar.yearForm.terms')} variant="unstyled">
        <Stack gap="sm">
          <Text size="sm">{t('calendar.yearForm.termsHelp')}</Text>
          {form.values.terms.map((term, i) => (
            <Group key={term.key} gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('calendar.yearForm.termName', { number: i + 1 })}
                maxLength={60}
                w={180}
                {...form.getInputProps(`terms.${i}.name`)}
              />
              <TextInput
                type="date"
                label={t('calendar.yearForm.termFirst')}
                {...form.getInputProps(`terms.${i}.startDate`)}
              />
              <TextInput
                type="date"
                label={t('calendar.yearForm.termLast')}
                {...form.getInputProps(`terms.${i}.endDate`)}
              />
              <Button
                variant="default"
                onClick={() => form.removeListItem('terms', i)}
                aria-label={t('calendar.yearForm.removeTerm', {
                  name: term.name.trim() || t('calendar.yearForm.termNumber', { number: i + 1 }),
                })}
              >
                {t('calendar.remove')}
              </Button>
            </Group>
          ))}
          <Button
            variant="default"
            w="fit-content"
            onClick={() =>
              form.insertListItem('terms', {
                key: randomId(),
                name: nextTermName(form.values.terms, t('calendar.yearForm.firstTerm')),
                startDate: '',
                endDate: '',
              })
            }
          >
            {t('calendar.yearForm.addTerm')}
          </Button>
        </Stack>
      </Fieldset>
      <Button type="submit" color="blue.8" loading={form.submitting} w="fit-content">
        {calendar ? t('calendar.yearForm.save') : t('calendar.year.add')}
      </Button>
    </FormStack>
  );
}
