import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { getAll, patch } from '../../api/client.ts';
import type { AccommodationObservation, VoidFlag } from '../../api/types.ts';
import { refreshAfterCorrection } from '../../components/corrections.ts';
import { PlainModal } from '../../components/Dialogs.tsx';
import { formatDay, todayIso } from '../../components/dates.ts';
import { NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import {
  type ObservationOutcome,
  OUTCOME_LABELS,
  observationSourceLabel,
  outcomeLabel,
  TEACHER_KIND_LABELS,
  type TeacherKind,
  teacherKindLabel,
} from '../../components/observation-words.ts';
import { RecordButtons } from '../../components/RecordButtons.tsx';
import { SchoolDayNotice, useCorrectedDate } from '../../components/SchoolDayNotice.tsx';
import { isVoided, VoidedNote, voidedClass } from '../../components/VoidRecord.tsx';

// Every observation recorded for one accommodation, as recorded (a day's occurrence above may rest on
// several of them), with "Correct" and "Void" for each. A voided one stays listed, struck through, and
// counts nowhere; a check-in answer that became an observation is corrected here too.

type Observation = AccommodationObservation & Partial<VoidFlag>;

/** "Tuesday, November 17: not provided, in Math, substitute (I saw it)". */
function observationWords(o: Observation): string {
  const parts = [outcomeLabel(o.outcome).toLowerCase()];
  if (o.className) parts.push(`in ${o.className}`);
  if (o.teacherKind !== 'unknown') parts.push(teacherKindLabel(o.teacherKind).toLowerCase());
  return `${formatDay(o.date, 'weekdayLong')}: ${parts.join(', ')} (${observationSourceLabel(o.source).toLowerCase()})`;
}

export function ObservationRecords({
  householdId,
  childId,
  accommodationId,
  accommodationText,
  writable,
}: {
  householdId: string;
  childId: string;
  accommodationId: string;
  accommodationText: string;
  writable: boolean;
}) {
  const [shown, setShown] = useState(false);
  const [correcting, setCorrecting] = useState<Observation | null>(null);
  const listId = useId();
  const records = useQuery({
    queryKey: ['accommodation-observations', householdId, accommodationId],
    queryFn: () =>
      getAll<Observation>(
        `/households/${householdId}/accommodation-observations?accommodationId=${accommodationId}`,
      ),
    enabled: shown,
  });
  const list = [...(records.data ?? [])].sort((a, b) =>
    a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1,
  );
  return (
    <Stack gap={4} mt="xs">
      <Button
        size="compact-sm"
        variant="subtle"
        w="fit-content"
        aria-expanded={shown}
        aria-controls={listId}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? 'Hide the records' : 'Records, to correct or void'}
      </Button>
      {shown && (
        <Stack gap="xs" id={listId} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {records.isPending && <Text size="sm">Loading…</Text>}
          {records.data && list.length === 0 && <Text size="sm">No observations recorded.</Text>}
          {list.map((o) => (
            <Paper key={o.id} component="li" withBorder p="xs">
              <Text size="sm" className={isVoided(o) ? voidedClass : undefined}>
                {observationWords(o)}
              </Text>
              {o.note && <Text size="sm">Note: {o.note}</Text>}
              <VoidedNote householdId={householdId} record={o} />
              {writable && (
                <Group gap="xs" mt={4}>
                  <RecordButtons
                    name={`the observation of ${formatDay(o.date, 'weekdayLong')}`}
                    editWord="Correct"
                    canEdit
                    canDelete={false}
                    onEdit={() => setCorrecting(o)}
                    voiding={{
                      householdId,
                      path: 'accommodation-observations',
                      record: o,
                      what: `the observation of ${formatDay(o.date, 'weekdayLong')} (${accommodationText})`,
                    }}
                  />
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      {correcting && (
        <CorrectObservation
          key={correcting.id}
          householdId={householdId}
          childId={childId}
          observation={correcting}
          onClose={() => setCorrecting(null)}
        />
      )}
    </Stack>
  );
}

type Values = {
  date: string;
  outcome: ObservationOutcome;
  className: string;
  teacherKind: TeacherKind;
  note: string;
};

/** Put an observation right: the day, what happened, the class, who was teaching, the note. */
function CorrectObservation({
  householdId,
  childId,
  observation: o,
  onClose,
}: {
  householdId: string;
  childId: string;
  observation: Observation;
  onClose(): void;
}) {
  const client = useQueryClient();
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      date: o.date,
      outcome: o.outcome,
      className: o.className ?? '',
      teacherKind: o.teacherKind,
      note: o.note ?? '',
    },
  });
  const v = form.values;
  const { schoolDay, dateChanged } = useCorrectedDate({
    householdId,
    childId,
    logged: o.date,
    date: v.date,
    setDate: (date) => form.setFieldValue('date', date),
    record: { kind: 'observation' },
  });
  const changes = () => {
    const out: Record<string, unknown> = {};
    if (dateChanged) out.date = v.date;
    if (v.outcome !== o.outcome) out.outcome = v.outcome;
    if ((v.className.trim() || null) !== (o.className ?? null)) out.className = v.className.trim() || null;
    if (v.teacherKind !== o.teacherKind) out.teacherKind = v.teacherKind;
    if ((v.note.trim() || null) !== (o.note ?? null)) out.note = v.note.trim() || null;
    if (dateChanged && schoolDay.confirmation) out.nonSchoolDayConfirmed = true;
    return out;
  };
  const lines = () => {
    const out: string[] = [];
    if (dateChanged)
      out.push(`Date: ${formatDay(o.date, 'weekdayLong')} becomes ${formatDay(v.date, 'weekdayLong')}`);
    if (v.outcome !== o.outcome)
      out.push(`What happened: ${outcomeLabel(o.outcome)} becomes ${outcomeLabel(v.outcome)}`);
    if ((v.className.trim() || null) !== (o.className ?? null))
      out.push(`Class: ${o.className ?? 'none'} becomes ${v.className.trim() || 'none'}`);
    if (v.teacherKind !== o.teacherKind)
      out.push(
        `Who was teaching: ${teacherKindLabel(o.teacherKind)} becomes ${teacherKindLabel(v.teacherKind)}`,
      );
    if ((v.note.trim() || null) !== (o.note ?? null)) out.push(`Note: ${v.note.trim() || 'none'}`);
    return out;
  };
  const review = () => {
    setError(null);
    if (!v.date) return form.setFieldError('date', 'Choose the date');
    if (dateChanged && !schoolDay.ready)
      return setError('Tick “I’m sure” if it happened on that day, or choose another date.');
    if (Object.keys(changes()).length === 0)
      return setError('Nothing is different yet: change what was wrong.');
    setStep('confirm');
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await patch(`/households/${householdId}/accommodation-observations/${o.id}`, changes());
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Corrected: the observation of ${formatDay(v.date, 'weekdayLong')}.`,
      });
      await refreshAfterCorrection(client);
      onClose();
    } catch (e) {
      setStep('edit');
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <PlainModal
      opened
      onClose={onClose}
      title={`Correct the observation of ${formatDay(o.date, 'weekdayLong')}`}
    >
      {step === 'confirm' ? (
        <Stack gap="sm">
          <FormError message={error} />
          <Text fw={700}>Save this correction?</Text>
          <Stack component="ul" gap={2} pl="md" m={0}>
            {lines().map((l) => (
              <Text component="li" size="sm" key={l}>
                {l}
              </Text>
            ))}
          </Stack>
          <Text size="sm">The journal keeps what it said before, and who changed it.</Text>
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={() => setStep('edit')} disabled={saving}>
              Back
            </Button>
            <Button color="blue.8" loading={saving} onClick={() => void save()}>
              Save the correction
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <FormError message={error} />
          <TextInput type="date" label="Date" max={todayIso()} {...form.getInputProps('date')} />
          {dateChanged && <SchoolDayNotice state={schoolDay} />}
          <NativeSelect
            label="What happened"
            data={(Object.keys(OUTCOME_LABELS) as ObservationOutcome[]).map((k) => ({
              value: k,
              label: OUTCOME_LABELS[k],
            }))}
            {...form.getInputProps('outcome')}
          />
          <TextInput label="Class (optional)" {...form.getInputProps('className')} />
          <NativeSelect
            label="Who was teaching"
            data={(Object.keys(TEACHER_KIND_LABELS) as TeacherKind[]).map((k) => ({
              value: k,
              label: TEACHER_KIND_LABELS[k],
            }))}
            {...form.getInputProps('teacherKind')}
          />
          <NoteTextarea label="Note (optional)" {...form.getInputProps('note')} />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={review}>Review the change</Button>
          </Group>
        </Stack>
      )}
    </PlainModal>
  );
}
