import { Button, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { del, get, post } from '../../api/client.ts';
import { formatDay } from '../../components/dates.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { refreshAfterCalendarChange } from '../../components/school-calendar.ts';
import { useCalendarWords } from './calendar-words.ts';

// Days the child was absent from school: a simple mark, one per day (migration 0012). Illinois does not
// count them toward the 10 school days a service has to start (23 Ill. Adm. Code 226.220), and the
// advisor reads them with the ledger's reasons. The server refuses a day with no school and a day
// already marked, naming the date.

type SchoolAbsence = { id: string; childId: string; date: string; note: string | null };

const absencesKey = (householdId: string, childId: string) => ['school-absences', householdId, childId];

export function SchoolAbsences({
  householdId,
  childId,
  childName,
  today,
  writable,
  onChanged,
}: {
  householdId: string;
  childId: string;
  childName: string;
  today: string;
  writable: boolean;
  onChanged(message: string): Promise<void> | void;
}) {
  const { t, locale } = useCalendarWords();
  const longDay = (iso: string) => formatDay(iso, 'weekdayLongYear', locale);
  const ids = useId();
  const client = useQueryClient();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const absences = useQuery({
    queryKey: absencesKey(householdId, childId),
    queryFn: () => get<SchoolAbsence[]>(`/households/${householdId}/school-absences?childId=${childId}`),
  });
  const form = useForm({
    initialValues: { date: today, note: '' },
    validate: {
      date: (v) =>
        !v ? t('calendar.absences.dayMissing') : v > today ? t('calendar.absences.future') : null,
    },
  });

  const refresh = async (message: string) => {
    await client.invalidateQueries({ queryKey: ['school-absences'] });
    await refreshAfterCalendarChange(client);
    await onChanged(message);
  };

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const saved = await post<SchoolAbsence>(`/households/${householdId}/school-absences`, {
        childId,
        date: v.date,
        note: v.note.trim() || null,
      });
      form.setValues({ date: today, note: '' });
      await refresh(t('calendar.absences.marked', { date: longDay(saved.date), name: childName }));
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });

  const remove = async (a: SchoolAbsence) => {
    setRemoveError(null);
    try {
      await del(`/households/${householdId}/school-absences/${a.id}`);
      await refresh(t('calendar.absences.removed', { date: longDay(a.date) }));
    } catch (e) {
      setRemoveError(e instanceof Error ? e.message : t('calendar.removeFailed'));
    }
  };

  const list = [...(absences.data ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-absences`}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${ids}-absences`}>
          {t('calendar.absences.title', { name: childName })}
        </Title>
        <Text size="sm">{t('calendar.absences.help', { name: childName })}</Text>
        {absences.isError && (
          <Text size="sm" role="alert">
            {t('calendar.absences.loadFailed', { problem: absences.error.message })}
          </Text>
        )}
        {absences.data && list.length === 0 && <Text size="sm">{t('calendar.absences.none')}</Text>}
        {list.length > 0 && (
          <List spacing={6} listStyleType="none" ml={0} pl={0} aria-label={t('calendar.absences.list')}>
            {list.map((a) => (
              <List.Item key={a.id}>
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <Text size="sm">
                    {longDay(a.date)}
                    {a.note ? `: ${a.note}` : ''}
                  </Text>
                  {writable && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('calendar.absences.removeLabel', { date: longDay(a.date) })}
                      onClick={() => void remove(a)}
                    >
                      {t('calendar.remove')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {removeError && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {removeError}
          </Text>
        )}
        {writable && (
          <form onSubmit={submit} noValidate aria-label={t('calendar.absences.form')}>
            <Stack gap="sm">
              <FormError message={error} title={t('calendar.absences.notMarked')} />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  type="date"
                  label={t('calendar.absences.day')}
                  required
                  max={today}
                  {...form.getInputProps('date')}
                />
                <TextInput
                  label={t('calendar.absences.why')}
                  placeholder={t('calendar.absences.whyPlaceholder')}
                  maxLength={500}
                  {...form.getInputProps('note')}
                />
              </SimpleGrid>
              <Group>
                <Button type="submit" color="blue.8" loading={form.submitting}>
                  {t('calendar.absences.mark')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
