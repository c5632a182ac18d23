import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client.ts';
import type { SchoolCalendar } from '../../api/types.ts';
import { PlainModal } from '../../components/Dialogs.tsx';
import { applyApiError, FormError, useDialogError } from '../../components/form-errors.tsx';
import { refreshAfterCalendarChange } from '../../components/school-calendar.ts';
import type { WeekDialogProps } from './week-api.ts';
import { useWeekWords } from './week-words.ts';

/**
 * The confirmation behind "School closed today" (SchoolClosedToday.tsx): adds today to the child's school
 * calendar as a closure (a snow day, a power cut). A closure explains a missed session; it does not by
 * itself reduce the week's promised sessions (docs/ledger-rules.md, rule 1). Loaded after the first screen.
 */
export function SchoolClosedDialog({ householdId, childId, today, opened, onClose }: WeekDialogProps) {
  const client = useQueryClient();
  const { t, day } = useWeekWords();
  const { error, setError, close } = useDialogError(onClose);
  const form = useForm({ initialValues: { label: '' } });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const calendars = await get<SchoolCalendar[]>(
        `/households/${householdId}/calendars?childId=${childId}`,
      );
      const calendar =
        calendars.find((c) => c.firstDay <= today && today <= c.lastDay) ??
        calendars[calendars.length - 1] ??
        null;
      if (!calendar) {
        setError(t('week.closed.noCalendar'));
        return;
      }
      await post(`/households/${householdId}/calendar-events`, {
        calendarId: calendar.id,
        kind: 'closure',
        startDate: today,
        endDate: null,
        // The calendar's own words (the record's language, like the calendar's other days).
        label: values.label.trim() || 'School closed',
      });
      notifications.show({
        color: 'blue',
        closeButtonProps: { 'aria-label': t('week.close') },
        message: t('week.closed.saved', { day: day(today) }),
      });
      await refreshAfterCalendarChange(client);
      form.reset();
      close();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });

  return (
    <PlainModal opened={opened} onClose={close} title={t('week.closed.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('week.closed.body', { day: day(today, 'weekdayLong') })}</Text>
          <FormError message={error} />
          <TextInput
            label={t('week.closed.what')}
            placeholder={t('week.closed.whatPlaceholder')}
            {...form.getInputProps('label')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('week.cancel')}
            </Button>
            <Button type="submit" color="blue.8" loading={form.submitting} data-autofocus>
              {t('week.closed.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PlainModal>
  );
}
