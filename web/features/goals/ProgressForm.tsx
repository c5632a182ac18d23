import { Button, Group, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, patch, post } from '../../api/client.ts';
import type { GoalProgress } from '../../api/types.ts';
import { useAttachments } from '../../components/Attachments.tsx';
import { formatDay } from '../../components/dates.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { GOAL_SOURCE_LABELS, type GoalProgressSource } from './goal-words.ts';

type Values = {
  date: string;
  value: string;
  numericValue: number | string;
  source: GoalProgressSource;
  note: string;
};

const SOURCE_OPTIONS = (Object.keys(GOAL_SOURCE_LABELS) as GoalProgressSource[]).map((value) => ({
  value,
  label: GOAL_SOURCE_LABELS[value],
}));

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
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
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
      date: (v) => (v ? null : 'Choose the date of the measurement'),
      value: (v) => (v.trim() ? null : 'Write what was measured, as it was reported'),
    },
  });

  const { focusFirst, onInvalid } = useFocusFirstError(form);

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
    try {
      if (point) await patch(`/households/${householdId}/goal-progress/${point.id}`, body);
      else await post(`/households/${householdId}/goal-progress`, { ...body, goalId });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Saved: ${body.value}, ${formatDay(v.date)}.`,
      });
      await client.invalidateQueries({ queryKey: ['goal-progress', householdId, goalId] });
      await client.invalidateQueries({ queryKey: ['patterns'] });
      onDone();
    } catch (e) {
      setError(applyApiError(form, e));
      if (e instanceof ApiError) focusFirst(e.fields.map((f) => f.path));
    }
  }, onInvalid);

  return (
    <FormStack onSubmit={submit} error={error}>
      <TextInput
        type="date"
        label="Date"
        max={today}
        required
        data-autofocus
        {...form.getInputProps('date')}
      />
      <TextInput
        label="What was measured"
        description="As reported, for example “68 words correct per minute” or “4 of 5 trials”."
        maxLength={500}
        required
        {...form.getInputProps('value')}
      />
      <NumberInput
        hideControls
        label="The number (optional)"
        description="For the trend, for example 68. Leave it empty if there is no number."
        decimalScale={2}
        w={220}
        {...form.getInputProps('numericValue')}
      />
      <NativeSelect label="Where it comes from" data={SOURCE_OPTIONS} {...form.getInputProps('source')} />
      <NoteTextarea label="Note (optional)" maxRows={6} maxLength={5000} {...form.getInputProps('note')} />
      {(!point || point.attachmentIds.length === 0 || files.data) && (
        <FileUpload
          householdId={householdId}
          label="The report or data sheet (optional)"
          description="A photo or PDF of the progress report page"
          initial={(point?.attachmentIds ?? []).flatMap((id) => {
            const a = files.data?.get(id);
            return a ? [a] : [];
          })}
          onChange={setAttachmentIds}
          onBusyChange={setUploading}
        />
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone} disabled={form.submitting}>
          Cancel
        </Button>
        <Button type="submit" color="blue.8" loading={form.submitting} disabled={uploading}>
          {point ? 'Save changes' : 'Save'}
        </Button>
      </Group>
    </FormStack>
  );
}
