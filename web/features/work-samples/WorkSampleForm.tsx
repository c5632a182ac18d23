import { Checkbox, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId, useState } from 'react';
import type { Accommodation, Attachment, Goal, WorkSample } from '../../api/types.ts';
import { attachmentsKey } from '../../components/Attachments.tsx';
import { formatDay, localeFor } from '../../components/dates.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { RecordNote } from '../../components/fields.tsx';
import { FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { type TeacherKind, teacherKindOptions } from '../../components/observation-words.ts';
import { useRecordSave } from '../../components/record-save.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { goalHeading } from '../goals/goal-words.ts';
import { type CheckOutcome, checkOptions, type Setting, settingOptions } from './work-sample-words.ts';

type Check = 'none' | CheckOutcome;

type Values = {
  attachmentIds: string[];
  title: string;
  date: string;
  className: string;
  setting: '' | Setting;
  teacherKind: TeacherKind;
  checks: Record<string, Check>;
  goalIds: string[];
  note: string;
};

function initialValues(sample: WorkSample | null, today: string): Values {
  const checks: Record<string, Check> = {};
  for (const c of sample?.accommodationChecks ?? []) checks[c.accommodationId] = c.outcome;
  return {
    attachmentIds: sample?.attachmentIds ?? [],
    title: sample?.title ?? '',
    date: sample?.date ?? today,
    className: sample?.className ?? '',
    setting: sample?.setting ?? '',
    teacherKind: sample?.teacherKind ?? 'unknown',
    checks,
    goalIds: sample?.goalIds ?? [],
    note: sample?.note ?? '',
  };
}

/**
 * Add or change a work sample: the photos or files (uploaded as they are chosen), what it is, when and
 * where, what it shows about each accommodation of the plan, and the goals it is evidence for. Used
 * inside a ResponsiveDrawer; mounted fresh for each sample (key).
 */
export function WorkSampleForm({
  householdId,
  childId,
  sample,
  attachments,
  accommodations,
  goals,
  classNames,
  today,
  onDone,
}: {
  householdId: string;
  childId: string;
  sample: WorkSample | null;
  /** The files already attached to the sample (when changing it). */
  attachments: Attachment[];
  /** The accommodations of the plan in force. */
  accommodations: Accommodation[];
  /** The goals of the plan in force. */
  goals: Goal[];
  /** The class names of the timetable, as suggestions. */
  classNames: string[];
  today: string;
  onDone(): void;
}) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  const ids = useId();
  const [uploading, setUploading] = useState(false);
  const form = useForm<Values>({
    initialValues: initialValues(sample, today),
    validate: {
      attachmentIds: (v) => (v.length > 0 ? null : t('records.sampleForm.filesMissing')),
      title: (v) => (v.trim() ? null : t('records.sampleForm.titleMissing')),
      date: (v) => (v ? null : t('records.sampleForm.dateMissing')),
    },
  });

  // Checks and goals of an earlier plan (not shown here) are kept as they were.
  const shownAccommodations = new Set(accommodations.map((a) => a.id));
  const shownGoals = new Set(goals.map((g) => g.id));

  const { focusFirst, onInvalid } = useFocusFirstError(form, (path) =>
    path === 'attachmentIds'
      ? document.getElementById(`${ids}-files`)?.querySelector<HTMLElement>('[data-file-button]')
      : undefined,
  );
  const { error, setError, save } = useRecordSave(form, {
    householdId,
    path: 'work-samples',
    record: sample,
    onDone,
    focusFirst,
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    if (uploading) {
      setError(t('records.sampleForm.uploading'));
      return;
    }
    const body = {
      date: v.date,
      title: v.title.trim(),
      className: v.className.trim() || null,
      setting: v.setting || null,
      teacherKind: v.teacherKind,
      attachmentIds: v.attachmentIds,
      accommodationChecks: Object.entries(v.checks)
        .filter((e): e is [string, CheckOutcome] => e[1] !== 'none')
        .map(([accommodationId, outcome]) => ({ accommodationId, outcome })),
      goalIds: v.goalIds,
      note: v.note.trim() || null,
    };
    await save(body, {
      create: { childId },
      saved: t('records.sampleForm.saved', {
        changed: sample ? 'yes' : 'no',
        title: body.title,
        day: formatDay(v.date, 'weekdayShort', locale),
      }),
      refresh: [['work-samples', householdId], attachmentsKey(householdId), ['patterns']],
      fields: { goalIds: 'goalIds', attachmentIds: 'attachmentIds' },
    });
  }, onInvalid);

  const accommodationsId = `${ids}-accommodations`;
  return (
    <FormStack onSubmit={submit} error={error}>
      <div id={`${ids}-files`}>
        <FileUpload
          householdId={householdId}
          label={t('records.sampleForm.files')}
          description={t('records.sampleForm.filesHelp')}
          required
          initial={attachments}
          onChange={(list) => form.setFieldValue('attachmentIds', list)}
          onBusyChange={setUploading}
          error={typeof form.errors.attachmentIds === 'string' ? form.errors.attachmentIds : null}
        />
      </div>
      <TextInput
        label={t('records.sampleForm.title')}
        description={t('records.sampleForm.titleHelp')}
        maxLength={200}
        required
        {...form.getInputProps('title')}
      />
      {/* Suggestions for the class, with free text allowed: the browser's own list, no script. */}
      <datalist id={`${ids}-classes`}>
        {classNames.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('records.sampleForm.date')}
          max={today}
          required
          {...form.getInputProps('date')}
        />
        <TextInput
          label={t('records.field.classOptional')}
          description={t('records.sampleForm.classHelp')}
          list={classNames.length > 0 ? `${ids}-classes` : undefined}
          autoComplete="off"
          maxLength={100}
          {...form.getInputProps('className')}
        />
        <NativeSelect
          label={t('records.sampleForm.setting')}
          data={[{ value: '', label: t('records.sampleForm.notSure') }, ...settingOptions(t)]}
          {...form.getInputProps('setting')}
        />
        <NativeSelect
          label={t('records.field.whoTaught')}
          data={teacherKindOptions(t)}
          {...form.getInputProps('teacherKind')}
        />
      </SimpleGrid>

      {accommodations.length > 0 && (
        <Stack gap="sm" role="group" aria-labelledby={accommodationsId}>
          <div>
            <Text id={accommodationsId} fw={600}>
              {t('records.sampleForm.shows')}
            </Text>
            <Text size="sm">{t('records.sampleForm.showsHelp')}</Text>
          </div>
          {accommodations.map((a) => (
            <Radio.Group
              key={a.id}
              label={a.text}
              value={form.values.checks[a.id] ?? 'none'}
              onChange={(value) =>
                form.setFieldValue('checks', { ...form.values.checks, [a.id]: value as Check })
              }
            >
              <Group gap="md" mt={6}>
                {checkOptions(t).map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          {Object.keys(form.values.checks).some((id) => !shownAccommodations.has(id)) && (
            <Text size="sm">{t('records.sampleForm.earlierChecks')}</Text>
          )}
        </Stack>
      )}

      {goals.length > 0 && (
        <Checkbox.Group
          label={t('records.sampleForm.goals')}
          value={form.values.goalIds}
          onChange={(value) => form.setFieldValue('goalIds', value)}
          error={form.errors.goalIds}
        >
          <Stack gap="xs" mt={6}>
            {goals.map((g) => (
              <Checkbox
                key={g.id}
                value={g.id}
                label={t('records.sampleForm.goal', { goal: goalHeading(t, g), text: g.text })}
              />
            ))}
            {form.values.goalIds.some((id) => !shownGoals.has(id)) && (
              <Text size="sm">{t('records.sampleForm.earlierGoals')}</Text>
            )}
          </Stack>
        </Checkbox.Group>
      )}

      <RecordNote description={t('records.sampleForm.noteHelp')} {...form.getInputProps('note')} />
      <FormActions
        onCancel={onDone}
        submitting={form.submitting}
        saveLabel={sample ? t('records.saveChanges') : t('records.save')}
        disabled={uploading}
      />
    </FormStack>
  );
}
