import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { MISS_REASONS, type MissReason } from '../../../src/domain/record-kinds.ts';
import { checkRecordDate } from '../../../src/domain/school-days.ts';
import { post } from '../../api/client.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { MinutesInput, NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError, useDialogError, useFieldRefs } from '../../components/form-errors.tsx';
import { useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useSchoolCalendars } from '../../components/school-calendar.ts';
import { DayField } from './DayField.tsx';
import classes from './week.module.css';
import { refreshAfterChange, type ServiceDialogProps } from './week-api.ts';
import { lower, useWeekWords } from './week-words.ts';

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
  const words = useWeekWords();
  const { t, day } = words;
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
      form.setFieldError('date', t('week.session.chooseDate'));
      focusField('date');
      return;
    }
    // The same rule as the server's, for the answer given: a miss because school was closed, on a
    // closure, needs no confirmation (src/domain/school-days.ts).
    const check = index
      ? checkRecordDate(index, v.date, { kind: 'session', status, reason, esyBlocks: service.esyBlocks })
      : null;
    if (check?.needsConfirmation && !schoolDay.confirmed) {
      setConfirmError(t('week.confirmDay'));
      setStep('answer');
      focusField('date');
      return;
    }
    setConfirmError(null);
    const delivered = wholeMinutes(v.minutesDelivered);
    const planned = wholeMinutes(v.minutesPlanned);
    if (!fixed && status === 'delivered' && delivered == null) {
      form.setFieldError('minutesDelivered', t('week.session.lastedRequired'));
      focusField('minutesDelivered');
      return;
    }
    if (!fixed && status !== 'delivered' && planned == null) {
      form.setFieldError('minutesPlanned', t('week.session.plannedRequired'));
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
        closeButtonProps: { 'aria-label': t('week.close') },
        color: status === 'delivered' ? 'green' : 'blue',
        message: savedWords(words, status, reason, {
          service: service.name,
          day: day(v.date),
          minutes: delivered,
        }),
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
        form.setFieldError('minutesDelivered', t('week.session.lastedRequired'));
        focusField('minutesDelivered');
        return;
      }
      if (service.minutesPerSession != null && minutes >= service.minutesPerSession) {
        form.setFieldError(
          'minutesDelivered',
          t('week.session.shorterError', { minutes: service.minutesPerSession }),
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
  const dayWords = v.date ? day(v.date, 'weekdayLong') : t('week.thatDay');

  return (
    <ResponsiveDrawer
      opened={opened}
      onClose={close}
      title={t('week.session.title', { service: service.name })}
    >
      <Stack gap="md">
        <FormError message={error} />
        <DayField
          today={today}
          schoolDay={schoolDay}
          confirmError={confirmError}
          hint={schoolDay.check?.day.kind === 'closure' ? t('week.session.closureHint') : null}
          inputRef={refTo('date')}
          {...form.getInputProps('date')}
        />
        {fixed ? (
          <>
            <Checkbox
              label={t('week.session.shorterCheck', { minutes: service.minutesPerSession })}
              {...form.getInputProps('shorter', { type: 'checkbox' })}
            />
            {v.shorter && (
              <MinutesInput
                label={t('week.session.lasted')}
                w={200}
                ref={refTo('minutesDelivered')}
                {...form.getInputProps('minutesDelivered')}
              />
            )}
          </>
        ) : (
          <Group grow align="flex-start">
            <MinutesInput
              label={t('week.session.lasted')}
              min={0}
              ref={refTo('minutesDelivered')}
              {...form.getInputProps('minutesDelivered')}
            />
            <MinutesInput
              label={t('week.session.planned')}
              ref={refTo('minutesPlanned')}
              {...form.getInputProps('minutesPlanned')}
            />
          </Group>
        )}
        <NoteTextarea label={t('week.note')} ref={refTo('note')} {...form.getInputProps('note')} />
        {service.setting === 'pull_out' && (
          <TextInput
            type="time"
            label={t('week.session.startTime')}
            description={t('week.session.startTimeHelp')}
            ref={refTo('startTime')}
            {...form.getInputProps('startTime')}
          />
        )}

        {step === 'answer' ? (
          <Stack gap="sm" role="group" aria-labelledby={questionId}>
            <Text id={questionId} fw={600}>
              {t('week.session.question', { day: dayWords })}
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
                {t('week.session.happened')}
              </Button>
              <Button size="lg" color="red.9" disabled={busy} onClick={() => showReasons('missed')}>
                {t('week.session.didNotHappen')}
              </Button>
              <Button
                size="lg"
                variant="default"
                loading={saving === 'unknown'}
                disabled={busy && saving !== 'unknown'}
                onClick={() => void save('missed', 'unknown')}
              >
                {t('week.session.notSure')}
              </Button>
            </SimpleGrid>
            <Text size="sm">{t('week.session.notSureHelp')}</Text>
          </Stack>
        ) : (
          <Stack gap="sm" role="group" aria-labelledby={`${ids}-reasons`}>
            <Title order={3} size="h4" id={`${ids}-reasons`} ref={reasonHeading} tabIndex={-1}>
              {intent === 'missed' ? t('week.session.whyMissed') : t('week.session.whyShorter')}
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
                  {words.reason(reason)}
                </Button>
              ))}
            </SimpleGrid>
            <Button variant="default" disabled={busy} onClick={() => setStep('answer')} w="fit-content">
              {t('week.back')}
            </Button>
          </Stack>
        )}
      </Stack>
    </ResponsiveDrawer>
  );
}

/** "Saved: Speech, Tue, Oct 6: didn’t happen (provider absent)." */
function savedWords(
  words: ReturnType<typeof useWeekWords>,
  status: Status,
  reason: MissReason | null,
  values: { service: string; day: string; minutes: number | null },
): string {
  const { t, locale } = words;
  const all = {
    ...values,
    minutes: values.minutes ?? 0,
    reason: lower(words.reason(reason ?? 'unknown'), locale),
  };
  if (status === 'delivered') return t('week.session.savedDelivered', all);
  if (status === 'short') return t('week.session.savedShort', all);
  if (reason === 'unknown') return t('week.session.savedNotSure', all);
  return t('week.session.savedMissed', all);
}
