import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { MISS_REASON_LABELS, MISS_REASONS, type MissReason } from '../../../src/domain/record-kinds.ts';
import { checkRecordDate } from '../../../src/domain/school-days.ts';
import { post } from '../../api/client.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { MinutesInput, NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError, useDialogError, useFieldRefs } from '../../components/form-errors.tsx';
import { SchoolDayNotice, useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useSchoolCalendars } from '../../components/school-calendar.ts';
import classes from './week.module.css';
import { refreshAfterChange, type ServiceDialogProps } from './week-api.ts';

type Status = 'delivered' | 'short' | 'missed';
type Values = {
  date: string;
  shorter: boolean;
  minutesDelivered: number | string;
  minutesPlanned: number | string;
  note: string;
  reason: string;
  startTime: string;
};

const wholeMinutes = (v: number | string): number | null => {
  if (v === '' || v == null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? Math.round(n) : null;
};

/**
 * Log one session in at most three taps: "Log a session" on the card, then "Happened" (saved at
 * once), "Not sure" (saved as missed, reason unknown) or "Didn't happen" followed by the reason.
 */
export function LogSessionDrawer(props: ServiceDialogProps) {
  const { householdId, childId, service, today, opened, onClose } = props;
  const client = useQueryClient();
  const ids = useId();
  const fixed = service.minutesPerSession != null;
  const [step, setStep] = useState<'answer' | 'reason'>('answer');
  const [intent, setIntent] = useState<'missed' | 'short'>('missed');
  const [saving, setSaving] = useState<string | null>(null);
  const { error, setError, close } = useDialogError(onClose);
  const reasonHeading = useRef<HTMLHeadingElement>(null);
  const { refTo, focus: focusField, focusRefused } = useFieldRefs();
  const form = useForm<Values>({
    initialValues: {
      date: today,
      shorter: false,
      minutesDelivered: '',
      minutesPlanned: '',
      note: '',
      reason: '',
      startTime: '',
    },
  });
  const v = form.values;
  const calendars = useSchoolCalendars(householdId, childId, opened);
  const index = calendars.data?.index ?? null;
  // Shown while the answer is not yet chosen: a session that happened on that day.
  const schoolDay = useSchoolDayDate({
    index,
    today,
    date: v.date,
    setDate: (date) => form.setFieldValue('date', date),
    touched: form.isTouched('date'),
    record: { kind: 'session', status: 'delivered', reason: null, esyBlocks: service.esyBlocks },
    esyBlocks: service.esyBlocks,
  });
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const showReasons = (next: 'missed' | 'short') => {
    setIntent(next);
    setStep('reason');
    requestAnimationFrame(() => reasonHeading.current?.focus());
  };

  const save = async (status: Status, reason: MissReason | null) => {
    setError(null);
    form.clearErrors();
    if (!v.date) {
      form.setFieldError('date', 'Choose the date of the session');
      focusField('date');
      return;
    }
    // The same rule as the server's, for the answer given: a miss because school was closed, on a
    // closure, needs no confirmation (src/domain/school-days.ts).
    const check = index
      ? checkRecordDate(index, v.date, { kind: 'session', status, reason, esyBlocks: service.esyBlocks })
      : null;
    if (check?.needsConfirmation && !schoolDay.confirmed) {
      setConfirmError('Tick “I’m sure” if it was on this day, or choose another date.');
      setStep('answer');
      focusField('date');
      return;
    }
    setConfirmError(null);
    const delivered = wholeMinutes(v.minutesDelivered);
    const planned = wholeMinutes(v.minutesPlanned);
    if (!fixed && status === 'delivered' && delivered == null) {
      form.setFieldError('minutesDelivered', 'Enter how many minutes it lasted');
      focusField('minutesDelivered');
      return;
    }
    if (!fixed && status !== 'delivered' && planned == null) {
      form.setFieldError('minutesPlanned', 'Enter how many minutes it was meant to last');
      focusField('minutesPlanned');
      return;
    }
    setSaving(reason ?? status);
    try {
      await post(`/households/${householdId}/sessions`, {
        serviceId: service.serviceId,
        date: v.date,
        kind: 'scheduled',
        status,
        reason,
        minutesDelivered: status === 'short' || (!fixed && status === 'delivered') ? delivered : null,
        minutesPlanned: !fixed && status !== 'delivered' ? planned : null,
        note: v.note.trim() || null,
        startTime: v.startTime || null,
        source: 'parent',
        nonSchoolDayConfirmed: Boolean(check?.needsConfirmation && schoolDay.confirmed),
      });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: status === 'delivered' ? 'green' : 'blue',
        message: `Saved: ${service.name}, ${formatDay(v.date)}: ${outcomeWords(status, reason, delivered)}`,
      });
      await refreshAfterChange(client);
      form.reset();
      schoolDay.applyDefault();
      setStep('answer');
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
      focusRefused(e, ['date', 'minutesDelivered', 'minutesPlanned', 'startTime', 'note']);
    } finally {
      setSaving(null);
    }
  };

  const happened = () => {
    if (fixed && v.shorter) {
      const minutes = wholeMinutes(v.minutesDelivered);
      if (minutes == null || minutes < 1) {
        form.setFieldError('minutesDelivered', 'Enter how many minutes it lasted');
        focusField('minutesDelivered');
        return;
      }
      if (service.minutesPerSession != null && minutes >= service.minutesPerSession) {
        form.setFieldError(
          'minutesDelivered',
          `A shorter session lasts less than ${service.minutesPerSession} minutes`,
        );
        focusField('minutesDelivered');
        return;
      }
      showReasons('short');
      return;
    }
    void save('delivered', null);
  };

  const busy = saving != null;
  const questionId = `${ids}-question`;
  const dayWords = v.date ? formatDay(v.date, 'weekdayLong') : 'that day';

  return (
    <ResponsiveDrawer opened={opened} onClose={close} title={`Log a session: ${service.name}`}>
      <Stack gap="md">
        <FormError message={error} />
        <TextInput type="date" label="Date" max={today} ref={refTo('date')} {...form.getInputProps('date')} />
        <SchoolDayNotice
          state={schoolDay}
          error={confirmError}
          hint={
            schoolDay.check?.day.kind === 'closure'
              ? 'If it did not happen because the school was closed, choose “Didn’t happen”, then “School closed”: that needs no confirmation.'
              : null
          }
        />
        {fixed ? (
          <>
            <Checkbox
              label={`It was shorter than ${service.minutesPerSession} minutes`}
              {...form.getInputProps('shorter', { type: 'checkbox' })}
            />
            {v.shorter && (
              <MinutesInput
                label="Minutes it lasted"
                w={200}
                ref={refTo('minutesDelivered')}
                {...form.getInputProps('minutesDelivered')}
              />
            )}
          </>
        ) : (
          <Group grow align="flex-start">
            <MinutesInput
              label="Minutes it lasted"
              min={0}
              ref={refTo('minutesDelivered')}
              {...form.getInputProps('minutesDelivered')}
            />
            <MinutesInput
              label="Minutes it was meant to last"
              ref={refTo('minutesPlanned')}
              {...form.getInputProps('minutesPlanned')}
            />
          </Group>
        )}
        <NoteTextarea label="Note (optional)" ref={refTo('note')} {...form.getInputProps('note')} />
        {service.setting === 'pull_out' && (
          <TextInput
            type="time"
            label="Time it started (optional)"
            description="Shows which class it takes your child out of"
            ref={refTo('startTime')}
            {...form.getInputProps('startTime')}
          />
        )}

        {step === 'answer' ? (
          <Stack gap="sm" role="group" aria-labelledby={questionId}>
            <Text id={questionId} fw={600}>
              Did it happen on {dayWords}?
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Button
                size="lg"
                color="teal.9"
                data-autofocus
                loading={saving === 'delivered'}
                disabled={busy && saving !== 'delivered'}
                onClick={happened}
              >
                Happened
              </Button>
              <Button size="lg" color="red.9" disabled={busy} onClick={() => showReasons('missed')}>
                Didn't happen
              </Button>
              <Button
                size="lg"
                variant="default"
                loading={saving === 'unknown'}
                disabled={busy && saving !== 'unknown'}
                onClick={() => void save('missed', 'unknown')}
              >
                Not sure
              </Button>
            </SimpleGrid>
            <Text size="sm">
              “Not sure” keeps the session as missed, waiting for a reason, until you find out.
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm" role="group" aria-labelledby={`${ids}-reasons`}>
            <Title order={3} size="h4" id={`${ids}-reasons`} ref={reasonHeading} tabIndex={-1}>
              {intent === 'missed' ? 'Why didn’t it happen?' : 'Why was it shorter?'}
            </Title>
            {form.errors.reason && (
              <Text className={classes.alert} size="sm" role="alert">
                {form.errors.reason}
              </Text>
            )}
            <SimpleGrid cols={2} spacing="xs">
              {MISS_REASONS.map((reason) => (
                <Button
                  key={reason}
                  size="md"
                  variant="default"
                  loading={saving === reason}
                  disabled={busy && saving !== reason}
                  onClick={() => void save(intent === 'short' ? 'short' : 'missed', reason)}
                  h="auto"
                  mih={52}
                  py={6}
                  px="xs"
                  styles={{
                    label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25, height: 'auto' },
                  }}
                >
                  {MISS_REASON_LABELS[reason]}
                </Button>
              ))}
            </SimpleGrid>
            <Button variant="default" disabled={busy} onClick={() => setStep('answer')} w="fit-content">
              Back
            </Button>
          </Stack>
        )}
      </Stack>
    </ResponsiveDrawer>
  );
}

function outcomeWords(status: Status, reason: MissReason | null, minutes: number | null): string {
  if (status === 'delivered') return 'happened.';
  if (status === 'short')
    return `shorter (${minutes} minutes), ${MISS_REASON_LABELS[reason ?? 'unknown'].toLowerCase()}.`;
  if (reason === 'unknown') return 'not sure yet. It waits for a reason.';
  return `didn’t happen (${MISS_REASON_LABELS[reason ?? 'unknown'].toLowerCase()}).`;
}
