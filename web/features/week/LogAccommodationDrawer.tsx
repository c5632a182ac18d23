import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { post } from '../../api/client.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError, useDialogError, useFieldRefs } from '../../components/form-errors.tsx';
import {
  OBSERVATION_SOURCE_LABELS,
  type ObservationOutcome,
  type ObservationSource,
  OUTCOME_LABELS,
  TEACHER_KIND_LABELS,
  type TeacherKind,
} from '../../components/observation-words.ts';
import { currentPlan, useAccommodationsOfPlan, usePlans } from '../../components/queries.ts';
import { SchoolDayNotice, useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useSchoolCalendars } from '../../components/school-calendar.ts';
import { refreshAfterChange, type WeekDialogProps } from './week-api.ts';

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

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/**
 * Record whether an accommodation was provided on a day: pick it, then one tap on the outcome saves.
 */
export function LogAccommodationDrawer({ householdId, childId, today, opened, onClose }: WeekDialogProps) {
  const client = useQueryClient();
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
      form.setFieldError('accommodationId', 'Choose the accommodation');
      focusField('accommodationId');
      return;
    }
    if (!v.date) {
      form.setFieldError('date', 'Choose the date');
      focusField('date');
      return;
    }
    if (!schoolDay.ready) {
      setConfirmError('Tick “I’m sure” if it was on this day, or choose another date.');
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
      const text = accommodations.find((a) => a.id === v.accommodationId)?.text ?? 'Accommodation';
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: outcome === 'provided' ? 'green' : 'blue',
        message: `Saved: ${text}, ${formatDay(v.date)}: ${OUTCOME_LABELS[outcome].toLowerCase()}.`,
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
  const dayWords = v.date ? formatDay(v.date, 'weekdayLong') : 'that day';
  const loading = plans.isPending || (plan != null && list.isPending);
  const loadError = plans.error ?? list.error;

  return (
    <ResponsiveDrawer opened={opened} onClose={close} title="Log an accommodation">
      <Stack gap="md">
        <FormError message={error} />
        {loadError && (
          <Alert color="red" role="alert" title="The accommodations could not be loaded">
            {loadError.message}
          </Alert>
        )}
        {!loading && !loadError && accommodations.length === 0 ? (
          <Text>The plan has no accommodations yet. Add them on the Plan page first.</Text>
        ) : (
          <>
            <NativeSelect
              label="Accommodation"
              disabled={loading}
              data={[
                { value: '', label: loading ? 'Loading…' : 'Choose one' },
                ...accommodations.map((a) => ({ value: a.id, label: a.text })),
              ]}
              ref={refTo('accommodationId')}
              {...form.getInputProps('accommodationId')}
            />
            <TextInput
              type="date"
              label="Date"
              max={today}
              ref={refTo('date')}
              {...form.getInputProps('date')}
            />
            <SchoolDayNotice state={schoolDay} error={confirmError} />
            <TextInput
              label="Class or subject (optional)"
              maxLength={100}
              ref={refTo('className')}
              {...form.getInputProps('className')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NativeSelect
                label="Who was teaching"
                data={options(TEACHER_KIND_LABELS)}
                ref={refTo('teacherKind')}
                {...form.getInputProps('teacherKind')}
              />
              <NativeSelect
                label="How do you know?"
                data={options(OBSERVATION_SOURCE_LABELS)}
                ref={refTo('source')}
                {...form.getInputProps('source')}
              />
            </SimpleGrid>
            <NoteTextarea
              label="What happened (optional)"
              description="In your child's words if you can: “I sat in the back row again.”"
              ref={refTo('note')}
              {...form.getInputProps('note')}
            />
            <FileUpload
              key={uploadKey}
              householdId={householdId}
              label="Photo or file (optional)"
              description="A picture of the work or a note from school"
              onChange={setAttachmentIds}
              onBusyChange={setUploading}
            />

            <Stack gap="sm" role="group" aria-labelledby={questionId}>
              <Text id={questionId} fw={600}>
                Was it provided on {dayWords}?
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
                    {OUTCOME_LABELS[o.value]}
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
