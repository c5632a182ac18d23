import { NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId, useState } from 'react';
import { useHouseholdChild } from '../../api/session.tsx';
import type { BehaviorIncident, BehaviorStep } from '../../api/types.ts';
import { formatDay, localeFor } from '../../components/dates.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { RecordNote } from '../../components/fields.tsx';
import { FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { type ObservationSource, observationSourceOptions } from '../../components/observation-words.ts';
import { useRecordSave } from '../../components/record-save.ts';
import { SchoolDayNotice, useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useSchoolCalendars } from '../../components/school-calendar.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import {
  type Answer,
  answerOptions,
  fromAnswer,
  isActionStep,
  type StepMark,
  stepKindLabel,
  stepMarkOptions,
  toAnswer,
} from './behavior-words.ts';

type Values = {
  date: string;
  summary: string;
  steps: Record<string, StepMark>;
  rewardUsed: Answer;
  consequenceContradicted: Answer;
  source: ObservationSource;
  note: string;
};

function initialValues(incident: BehaviorIncident | null, today: string): Values {
  const steps: Record<string, StepMark> = {};
  for (const id of incident?.stepsFollowed ?? []) steps[id] = 'followed';
  for (const id of incident?.stepsSkipped ?? []) steps[id] = 'skipped';
  return {
    date: incident?.date ?? today,
    summary: incident?.summary ?? '',
    steps,
    rewardUsed: toAnswer(incident?.rewardUsed ?? null),
    consequenceContradicted: toAnswer(incident?.consequenceContradicted ?? null),
    source: incident?.source ?? 'teacher',
    note: incident?.note ?? '',
  };
}

/**
 * Record a hard moment or a day against the behavior plan: what happened, which steps were followed or
 * skipped, whether the plan's reward was used, and whether a consequence went against the plan. Used
 * inside a ResponsiveDrawer; mounted fresh for each incident (key), so it starts from that incident.
 */
export function IncidentForm({
  householdId,
  planId,
  steps,
  incident,
  today,
  onDone,
}: {
  householdId: string;
  planId: string;
  /** The steps of the incident's plan, in the plan's order. */
  steps: BehaviorStep[];
  incident: BehaviorIncident | null;
  today: string;
  onDone(): void;
}) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  const ids = useId();
  const form = useForm<Values>({
    initialValues: initialValues(incident, today),
    validate: {
      date: (v) => (v ? null : t('records.incident.dateMissing')),
      summary: (v) => (v.trim() ? null : t('records.incident.summaryMissing')),
    },
  });
  const actionSteps = steps.filter(isActionStep);
  const hasReward = steps.some((s) => s.kind === 'reward');
  // The date is checked against the school calendar when it is set: a new incident, or a change of
  // day (the server keeps an unchanged day's earlier answer).
  const { child } = useHouseholdChild();
  const calendars = useSchoolCalendars(householdId, child.id);
  const sameDay = incident != null && form.values.date === incident.date;
  const schoolDay = useSchoolDayDate({
    index: sameDay ? null : (calendars.data?.index ?? null),
    today,
    date: form.values.date,
    setDate: (date) => form.setFieldValue('date', date),
    touched: form.isTouched('date'),
    record: { kind: 'incident' },
    startOnSchoolDay: incident == null,
  });
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const { focusFirst, onInvalid } = useFocusFirstError(form);
  const { error, setError, save } = useRecordSave(form, {
    householdId,
    path: 'behavior-incidents',
    record: incident,
    onDone,
    focusFirst,
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    if (!schoolDay.ready) {
      setConfirmError(t('records.error.sureThisDay'));
      focusFirst(['date']);
      return;
    }
    setConfirmError(null);
    const marked = Object.entries(v.steps);
    const body = {
      date: v.date,
      summary: v.summary.trim(),
      stepsFollowed: marked.filter(([, m]) => m === 'followed').map(([id]) => id),
      stepsSkipped: marked.filter(([, m]) => m === 'skipped').map(([id]) => id),
      rewardUsed: fromAnswer(v.rewardUsed),
      consequenceContradicted: fromAnswer(v.consequenceContradicted),
      source: v.source,
      note: v.note.trim() || null,
      nonSchoolDayConfirmed: schoolDay.confirmation,
    };
    await save(body, {
      create: { planId },
      saved: t('records.incident.saved', {
        changed: incident ? 'yes' : 'no',
        day: formatDay(v.date, 'weekdayShort', locale),
      }),
      refresh: [['behavior-incidents', householdId], ['patterns']],
      fields: { stepsFollowed: 'steps', stepsSkipped: 'steps' },
    });
  }, onInvalid);

  const stepsError = form.errors.steps;
  return (
    <FormStack onSubmit={submit} error={error}>
      <TextInput
        type="date"
        label={t('records.incident.day')}
        max={today}
        required
        data-autofocus
        {...form.getInputProps('date')}
      />
      <SchoolDayNotice state={schoolDay} error={confirmError} />
      <Textarea
        label={t('records.field.whatHappened')}
        description={t('records.incident.summaryHelp')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        required
        {...form.getInputProps('summary')}
      />

      {actionSteps.length > 0 && (
        <Stack gap="sm" role="group" aria-labelledby={`${ids}-steps`}>
          <div>
            <Text id={`${ids}-steps`} fw={600}>
              {t('records.incident.steps')}
            </Text>
            <Text size="sm">{t('records.incident.stepsHelp')}</Text>
          </div>
          {actionSteps.map((s) => {
            const labelId = `${ids}-step-${s.id}`;
            return (
              <Stack key={s.id} gap={4}>
                <Text id={labelId} size="sm">
                  <Text span fw={700} size="sm">
                    {t('records.incident.stepKind', { kind: stepKindLabel(t, s.kind) })}
                  </Text>{' '}
                  {s.text}
                </Text>
                <SegmentedControl
                  aria-labelledby={labelId}
                  fullWidth
                  size="sm"
                  value={form.values.steps[s.id] ?? 'na'}
                  onChange={(value) =>
                    form.setFieldValue('steps', { ...form.values.steps, [s.id]: value as StepMark })
                  }
                  data={stepMarkOptions(t)}
                />
              </Stack>
            );
          })}
          {stepsError && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {stepsError}
            </Text>
          )}
        </Stack>
      )}

      <Stack gap={4}>
        <Text id={`${ids}-reward`} size="sm" fw={600}>
          {t('records.incident.reward', { hasReward: hasReward ? 'yes' : 'no' })}
        </Text>
        <SegmentedControl
          aria-labelledby={`${ids}-reward`}
          fullWidth
          size="sm"
          data={answerOptions(t)}
          {...form.getInputProps('rewardUsed')}
        />
      </Stack>
      <Stack gap={4}>
        <Text id={`${ids}-consequence`} size="sm" fw={600}>
          {t('records.incident.consequence')}
        </Text>
        <Text id={`${ids}-consequence-help`} size="sm">
          {t('records.incident.consequenceHelp')}
        </Text>
        <SegmentedControl
          aria-labelledby={`${ids}-consequence`}
          aria-describedby={`${ids}-consequence-help`}
          fullWidth
          size="sm"
          data={answerOptions(t)}
          {...form.getInputProps('consequenceContradicted')}
        />
      </Stack>

      <NativeSelect
        label={t('records.incident.howKnow')}
        data={observationSourceOptions(t)}
        {...form.getInputProps('source')}
      />
      <RecordNote {...form.getInputProps('note')} />
      <FormActions
        onCancel={onDone}
        submitting={form.submitting}
        saveLabel={incident ? t('records.saveChanges') : t('records.save')}
      />
    </FormStack>
  );
}
