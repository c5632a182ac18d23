import { NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { GoalProgress } from '../../api/types.ts';
import { useAttachments } from '../../components/Attachments.tsx';
import { formatDay, localeFor } from '../../components/dates.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { RecordNote } from '../../components/fields.tsx';
import { FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { useRecordSave } from '../../components/record-save.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { type GoalProgressSource, goalSourceOptions } from './goal-words.ts';

type Values = {
  date: string;
  value: string;
  numericValue: number | string;
  source: GoalProgressSource;
  note: string;
};

/**
 * Add or change one data point of a goal: the date, the value as reported, the number when there is one
 * (for the trend and the flags), where it comes from, and a note. Mounted fresh for each point (key).
 */
export function ProgressForm({
  householdId,
  goalId,
  point,
  today,
  onDone,
}: {
  householdId: string;
  goalId: string;
  point: GoalProgress | null;
  today: string;
  onDone(): void;
}) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  // The progress report or a data sheet, kept with the data point as its evidence.
  const [attachmentIds, setAttachmentIds] = useState<string[]>(point?.attachmentIds ?? []);
  const [uploading, setUploading] = useState(false);
  const files = useAttachments(householdId, point?.attachmentIds ?? []);
  const form = useForm<Values>({
    initialValues: {
      date: point?.date ?? today,
      value: point?.value ?? '',
      numericValue: point?.numericValue ?? '',
      source: point?.source ?? 'progress_report',
      note: point?.note ?? '',
    },
    validate: {
      date: (v) => (v ? null : t('records.progress.dateMissing')),
      value: (v) => (v.trim() ? null : t('records.progress.valueMissing')),
    },
  });

  const { focusFirst, onInvalid } = useFocusFirstError(form);
  const { error, setError, save } = useRecordSave(form, {
    householdId,
    path: 'goal-progress',
    record: point,
    onDone,
    focusFirst,
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      date: v.date,
      value: v.value.trim(),
      numericValue: v.numericValue === '' ? null : Number(v.numericValue),
      source: v.source,
      note: v.note.trim() || null,
      attachmentIds,
    };
    await save(body, {
      create: { goalId },
      saved: t('records.progress.saved', {
        value: body.value,
        day: formatDay(v.date, 'weekdayShort', locale),
      }),
      refresh: [['goal-progress', householdId, goalId], ['patterns']],
    });
  }, onInvalid);

  return (
    <FormStack onSubmit={submit} error={error}>
      <TextInput
        type="date"
        label={t('records.field.date')}
        max={today}
        required
        data-autofocus
        {...form.getInputProps('date')}
      />
      <TextInput
        label={t('records.progress.value')}
        description={t('records.progress.valueHelp')}
        maxLength={500}
        required
        {...form.getInputProps('value')}
      />
      <NumberInput
        hideControls
        label={t('records.progress.number')}
        description={t('records.progress.numberHelp')}
        decimalScale={2}
        w={220}
        {...form.getInputProps('numericValue')}
      />
      <NativeSelect
        label={t('records.progress.source')}
        data={goalSourceOptions(t)}
        {...form.getInputProps('source')}
      />
      <RecordNote {...form.getInputProps('note')} />
      {(!point || point.attachmentIds.length === 0 || files.data) && (
        <FileUpload
          householdId={householdId}
          label={t('records.progress.file')}
          description={t('records.progress.fileHelp')}
          initial={(point?.attachmentIds ?? []).flatMap((id) => {
            const a = files.data?.get(id);
            return a ? [a] : [];
          })}
          onChange={setAttachmentIds}
          onBusyChange={setUploading}
        />
      )}
      <FormActions
        onCancel={onDone}
        submitting={form.submitting}
        saveLabel={point ? t('records.saveChanges') : t('records.save')}
        disabled={uploading}
      />
    </FormStack>
  );
}
