import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { MISS_REASON_LABELS } from '../../../src/domain/record-kinds.ts';
import { post } from '../../api/client.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { MinutesInput, NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError, useDialogError } from '../../components/form-errors.tsx';
import { SchoolDayNotice, useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useSchoolCalendars } from '../../components/school-calendar.ts';
import { refreshAfterChange, type ServiceDialogProps, useMakeupOptions } from './week-api.ts';

type Values = { date: string; minutesDelivered: number | string; makeupForEntryId: string; note: string };

/** Extra time given to make up missed minutes, optionally naming the missed session it makes up. */
export function LogMakeupDrawer(props: ServiceDialogProps) {
  const { householdId, childId, service, today, opened, onClose } = props;
  const client = useQueryClient();
  const { error, setError, close } = useDialogError(onClose);
  const missed = useMakeupOptions(householdId, service.serviceId, opened);
  const form = useForm<Values>({
    initialValues: {
      date: today,
      minutesDelivered: service.minutesPerSession ?? '',
      makeupForEntryId: '',
      note: '',
    },
    validate: {
      date: (value) => (value ? null : 'Choose the date of the make-up'),
      minutesDelivered: (value) =>
        value === '' || Number(value) < 1 ? 'Enter the minutes that were made up' : null,
    },
  });

  // A make-up may be given on any day: on a day with no school the form only says so.
  const calendars = useSchoolCalendars(householdId, childId, opened);
  const schoolDay = useSchoolDayDate({
    index: calendars.data?.index ?? null,
    today,
    date: form.values.date,
    setDate: (date) => form.setFieldValue('date', date),
    touched: form.isTouched('date'),
    record: { kind: 'makeup' },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await post(`/households/${householdId}/sessions`, {
        serviceId: service.serviceId,
        date: values.date,
        kind: 'makeup',
        status: 'delivered',
        minutesDelivered: Math.round(Number(values.minutesDelivered)),
        makeupForEntryId: values.makeupForEntryId || null,
        note: values.note.trim() || null,
        source: 'parent',
      });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Make-up saved: ${service.name}, ${formatDay(values.date)}: ${Math.round(Number(values.minutesDelivered))} minutes made up.`,
      });
      await refreshAfterChange(client);
      form.reset();
      schoolDay.applyDefault();
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });

  // "Tuesday, October 6: missed, provider absent, 30 minutes owed": only misses whose minutes are
  // owed and not yet made up are offered.
  const options = [
    { value: '', label: 'The oldest minutes owed (decide for me)' },
    ...(missed.data ?? []).map((m) => ({
      value: m.entryId,
      label: `${formatDay(m.date, 'weekdayLong')}: ${m.status === 'short' ? 'shorter' : 'missed'}${m.reason ? `, ${MISS_REASON_LABELS[m.reason].toLowerCase()}` : ''}, ${
        m.remainingMinutes === m.owedMinutes
          ? `${m.owedMinutes} minutes owed`
          : `${m.remainingMinutes} of ${m.owedMinutes} minutes still owed`
      }`,
    })),
  ];

  return (
    <ResponsiveDrawer opened={opened} onClose={close} title={`Log a make-up: ${service.name}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">A make-up is extra time given to cover minutes that were missed.</Text>
          <FormError message={error} />
          <TextInput
            type="date"
            label="Date of the make-up"
            max={today}
            required
            {...form.getInputProps('date')}
          />
          <SchoolDayNotice state={schoolDay} />
          <MinutesInput
            label="Minutes made up"
            required
            data-autofocus
            w={200}
            {...form.getInputProps('minutesDelivered')}
          />
          <NativeSelect
            label="Which missed session does it make up?"
            data={options}
            disabled={missed.isPending}
            {...form.getInputProps('makeupForEntryId')}
          />
          <NoteTextarea label="Note (optional)" {...form.getInputProps('note')} />
          <Button type="submit" size="lg" color="blue.8" loading={form.submitting}>
            Save make-up
          </Button>
        </Stack>
      </form>
    </ResponsiveDrawer>
  );
}
