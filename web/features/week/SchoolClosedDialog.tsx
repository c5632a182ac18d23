import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client.ts';
import type { SchoolCalendar } from '../../api/types.ts';
import { PlainModal } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { applyApiError, FormError, useDialogError } from '../../components/form-errors.tsx';
import { refreshAfterCalendarChange } from '../../components/school-calendar.ts';
import type { WeekDialogProps } from './week-api.ts';

/**
 * The confirmation behind "School closed today" (SchoolClosedToday.tsx): adds today to the child's school
 * calendar as a closure (a snow day, a power cut). A closure explains a missed session; it does not by
 * itself reduce the week's promised sessions (docs/ledger-rules.md, rule 1). Loaded after the first screen.
 */
export function SchoolClosedDialog({ householdId, childId, today, opened, onClose }: WeekDialogProps) {
  const client = useQueryClient();
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
        setError('There is no school calendar yet. Finish setup first.');
        return;
      }
      await post(`/households/${householdId}/calendar-events`, {
        calendarId: calendar.id,
        kind: 'closure',
        startDate: today,
        endDate: null,
        label: values.label.trim() || 'School closed',
      });
      notifications.show({
        color: 'blue',
        closeButtonProps: { 'aria-label': 'Close' },
        message: `Saved: ${formatDay(today)} is marked as a day the school was closed.`,
      });
      await refreshAfterCalendarChange(client);
      form.reset();
      close();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });

  return (
    <PlainModal opened={opened} onClose={close} title="Is school closed today?">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>
            This adds {formatDay(today, 'weekdayLong')} to the school calendar as a day the school was closed,
            for example a snow day. It explains a session that could not happen today; this week's sessions
            are still owed, so the school should find another time for them.
          </Text>
          <FormError message={error} />
          <TextInput
            label="What happened? (optional)"
            placeholder="Snow day"
            {...form.getInputProps('label')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="blue.8" loading={form.submitting} data-autofocus>
              Yes, school is closed
            </Button>
          </Group>
        </Stack>
      </form>
    </PlainModal>
  );
}
