import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { post } from '../../api/client.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { FileUpload } from '../../components/FileUpload.tsx';
import { NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError, useDialogError, useFieldRefs } from '../../components/form-errors.tsx';
import type {
  ObservationOutcome,
  ObservationSource,
  TeacherKind,
} from '../../components/observation-words.ts';
import { currentPlan, useAccommodationsOfPlan, usePlans } from '../../components/queries.ts';
import { useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useSchoolCalendars } from '../../components/school-calendar.ts';
import { DayField } from './DayField.tsx';
import { refreshAfterChange, type WeekDialogProps } from './week-api.ts';
import { lower, SOURCES, TEACHERS, useWeekWords } from './week-words.ts';

type Values = {
  accommodationId: string;
  date: string;
  className: string;
  teacherKind: TeacherKind;
  source: ObservationSource;
  note: string;
};

const OUTCOMES: { value: ObservationOutcome; color?: string; variant?: string }[] = [
  { value: 'provided', color: 'teal.9' },
  { value: 'not_provided', color: 'red.9' },
  { value: 'partly', variant: 'default' },
  { value: 'unknown', variant: 'default' },
];

/**
 * Record whether an accommodation was provided on a day: pick it, then one tap on the outcome saves.
 */
export function LogAccommodationDrawer({ householdId, childId, today, opened, onClose }: WeekDialogProps) {
  const client = useQueryClient();
  const words = useWeekWords();
  const { t, day, locale } = words;
  const ids = useId();
  const plans = usePlans(householdId, childId);
  const plan = currentPlan(plans.data ?? []);
  const list = useAccommodationsOfPlan(householdId, plan?.id);
  const accommodations = list.data ?? [];
  const [saving, setSaving] = useState<ObservationOutcome | null>(null);
  const { error, setError, close } = useDialogError(onClose);
  const { refTo, focus: focusField, focusRefused } = useFieldRefs();
  const form = useForm<Values>({
    initialValues: {
      accommodationId: '',
      date: today,
      className: '',
      teacherKind: 'unknown',
      source: 'child_report',
      note: '',
    },
  });
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  // A new FileUpload after each save, so the next entry starts with no files.
  const [uploadKey, setUploadKey] = useState(0);
  const v = form.values;
  const calendars = useSchoolCalendars(householdId, childId, opened);
  const schoolDay = useSchoolDayDate({
    index: calendars.data?.index ?? null,
    today,
    date: v.date,
    setDate: (date) => form.setFieldValue('date', date),
    touched: form.isTouched('date'),
    record: { kind: 'observation' },
  });
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const save = async (outcome: ObservationOutcome) => {
    setError(null);
    form.clearErrors();
    if (!v.accommodationId) {
      form.setFieldError('accommodationId', t('week.accLog.chooseAccommodation'));
      focusField('accommodationId');
      return;
    }
    if (!v.date) {
      form.setFieldError('date', t('week.accLog.chooseDate'));
      focusField('date');
      return;
    }
    if (!schoolDay.ready) {
      setConfirmError(t('week.confirmDay'));
      focusField('date');
      return;
    }
    setConfirmError(null);
    setSaving(outcome);
    try {
      await post(`/households/${householdId}/accommodation-observations`, {
        accommodationId: v.accommodationId,
        date: v.date,
        outcome,
        className: v.className.trim() || null,
        teacherKind: v.teacherKind,
        source: v.source,
        note: v.note.trim() || null,
        attachmentIds,
        nonSchoolDayConfirmed: schoolDay.confirmation,
      });
      const text =
        accommodations.find((a) => a.id === v.accommodationId)?.text ?? t('week.accLog.accommodation');
      notifications.show({
        closeButtonProps: { 'aria-label': t('week.close') },
        color: outcome === 'provided' ? 'green' : 'blue',
        message: t('week.accLog.saved', {
          accommodation: text,
          day: day(v.date),
          outcome: lower(words.outcome(outcome), locale),
        }),
      });
      await refreshAfterChange(client);
      await client.invalidateQueries({ queryKey: ['patterns'] });
      await client.invalidateQueries({ queryKey: ['accommodation-observations'] });
      form.reset();
      schoolDay.applyDefault();
      setAttachmentIds([]);
      setUploadKey((k) => k + 1);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
      focusRefused(e, ['accommodationId', 'date', 'className', 'teacherKind', 'source', 'note']);
    } finally {
      setSaving(null);
    }
  };

  const busy = saving != null || uploading;
  const questionId = `${ids}-question`;
  const dayWords = v.date ? day(v.date, 'weekdayLong') : t('week.thatDay');
  const loading = plans.isPending || (plan != null && list.isPending);
  const loadError = plans.error ?? list.error;

  return (
    <ResponsiveDrawer opened={opened} onClose={close} title={t('week.acc.log')}>
      <Stack gap="md">
        <FormError message={error} />
        {loadError && (
          <Alert color="red" role="alert" title={t('week.accLog.loadFailed')}>
            {loadError.message}
          </Alert>
        )}
        {!loading && !loadError && accommodations.length === 0 ? (
          <Text>{t('week.accLog.none')}</Text>
        ) : (
          <>
            <NativeSelect
              label={t('week.accLog.accommodation')}
              disabled={loading}
              data={[
                { value: '', label: loading ? t('week.accLog.loadingList') : t('week.accLog.chooseOne') },
                ...accommodations.map((a) => ({ value: a.id, label: a.text })),
              ]}
              ref={refTo('accommodationId')}
              {...form.getInputProps('accommodationId')}
            />
            <DayField
              today={today}
              schoolDay={schoolDay}
              confirmError={confirmError}
              inputRef={refTo('date')}
              {...form.getInputProps('date')}
            />
            <TextInput
              label={t('week.accLog.className')}
              maxLength={100}
              ref={refTo('className')}
              {...form.getInputProps('className')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NativeSelect
                label={t('week.accLog.teacher')}
                data={TEACHERS.map((value) => ({ value, label: words.teacher(value) }))}
                ref={refTo('teacherKind')}
                {...form.getInputProps('teacherKind')}
              />
              <NativeSelect
                label={t('week.accLog.source')}
                data={SOURCES.map((value) => ({ value, label: words.source(value) }))}
                ref={refTo('source')}
                {...form.getInputProps('source')}
              />
            </SimpleGrid>
            <NoteTextarea
              label={t('week.accLog.what')}
              description={t('week.accLog.whatHelp')}
              ref={refTo('note')}
              {...form.getInputProps('note')}
            />
            <FileUpload
              key={uploadKey}
              householdId={householdId}
              label={t('week.accLog.file')}
              description={t('week.accLog.fileHelp')}
              onChange={setAttachmentIds}
              onBusyChange={setUploading}
            />

            <Stack gap="sm" role="group" aria-labelledby={questionId}>
              <Text id={questionId} fw={600}>
                {t('week.accLog.question', { day: dayWords })}
              </Text>
              <SimpleGrid cols={2} spacing="sm">
                {OUTCOMES.map((o) => (
                  <Button
                    key={o.value}
                    size="lg"
                    color={o.color}
                    variant={o.variant ?? 'filled'}
                    loading={saving === o.value}
                    disabled={loading || (busy && saving !== o.value)}
                    onClick={() => void save(o.value)}
                  >
                    {words.outcome(o.value)}
                  </Button>
                ))}
              </SimpleGrid>
            </Stack>
          </>
        )}
      </Stack>
    </ResponsiveDrawer>
  );
}
