import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { MinutesInput, NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError, useDialogError } from '../../components/form-errors.tsx';
import { SchoolDayNotice, useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useSchoolCalendars } from '../../components/school-calendar.ts';
import { refreshAfterChange, type ServiceDialogProps, useMakeupOptions } from './week-api.ts';
import { lower, useWeekWords } from './week-words.ts';

type Values = { date: string; minutesDelivered: number | string; makeupForEntryId: string; note: string };

/** Extra time given to make up missed minutes, optionally naming the missed session it makes up. */
export function LogMakeupDrawer(props: ServiceDialogProps) {
  const { householdId, childId, service, today, opened, onClose } = props;
  const client = useQueryClient();
  const words = useWeekWords();
  const { t, day, locale } = words;
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
      date: (value) => (value ? null : t('week.makeup.chooseDate')),
      minutesDelivered: (value) =>
        value === '' || Number(value) < 1 ? t('week.makeup.minutesRequired') : null,
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
        closeButtonProps: { 'aria-label': t('week.close') },
        color: 'green',
        message: t('week.makeup.saved', {
          service: service.name,
          day: day(values.date),
          minutes: Math.round(Number(values.minutesDelivered)),
        }),
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
    { value: '', label: t('week.makeup.oldest') },
    ...(missed.data ?? []).map((m) => {
      const values = {
        day: day(m.date, 'weekdayLong'),
        status: m.status === 'short' ? 'short' : 'missed',
        hasReason: m.reason ? 'yes' : 'no',
        reason: m.reason ? lower(words.reason(m.reason), locale) : '',
        owed: m.owedMinutes,
        remaining: m.remainingMinutes,
      };
      return {
        value: m.entryId,
        label:
          m.remainingMinutes === m.owedMinutes
            ? t('week.makeup.optionOwed', values)
            : t('week.makeup.optionPartly', values),
      };
    }),
  ];

  return (
    <ResponsiveDrawer
      opened={opened}
      onClose={close}
      title={t('week.makeup.title', { service: service.name })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('week.makeup.intro')}</Text>
          <FormError message={error} />
          <TextInput
            type="date"
            label={t('week.makeup.date')}
            max={today}
            required
            {...form.getInputProps('date')}
          />
          <SchoolDayNotice state={schoolDay} words={words.notice} />
          <MinutesInput
            label={t('week.makeup.minutes')}
            required
            data-autofocus
            w={200}
            {...form.getInputProps('minutesDelivered')}
          />
          <NativeSelect
            label={t('week.makeup.which')}
            data={options}
            disabled={missed.isPending}
            {...form.getInputProps('makeupForEntryId')}
          />
          <NoteTextarea label={t('week.note')} {...form.getInputProps('note')} />
          <Button type="submit" size="lg" color="blue.8" loading={form.submitting}>
            {t('week.makeup.save')}
          </Button>
        </Stack>
      </form>
    </ResponsiveDrawer>
  );
}
