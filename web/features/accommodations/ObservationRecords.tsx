import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { getAll, patch } from '../../api/client.ts';
import type { AccommodationObservation, VoidFlag } from '../../api/types.ts';
import { refreshAfterCorrection } from '../../components/corrections.ts';
import { PlainModal } from '../../components/Dialogs.tsx';
import { formatDay, localeFor, todayIso } from '../../components/dates.ts';
import { NoteTextarea } from '../../components/fields.tsx';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import {
  type ObservationOutcome,
  observationSourceInline,
  outcomeInline,
  outcomeLabel,
  outcomeOptions,
  type TeacherKind,
  teacherKindInline,
  teacherKindLabel,
  teacherKindOptions,
} from '../../components/observation-words.ts';
import { RecordButtons } from '../../components/RecordButtons.tsx';
import { SchoolDayNotice, useCorrectedDate } from '../../components/SchoolDayNotice.tsx';
import { isVoided, VoidedNote, voidedClass } from '../../components/VoidRecord.tsx';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';

// Every observation recorded for one accommodation, as recorded (a day's occurrence above may rest on
// several of them), with "Correct" and "Void" for each. A voided one stays listed, struck through, and
// counts nowhere; a check-in answer that became an observation is corrected here too.

type Observation = AccommodationObservation & Partial<VoidFlag>;

/** "Tuesday, November 17: not provided, in Math, substitute (I saw it)". */
function observationWords(t: T, o: Observation, locale: string | undefined): string {
  return t('records.obsList.line', {
    day: formatDay(o.date, 'weekdayLong', locale),
    outcome: outcomeInline(t, o.outcome),
    hasClass: o.className ? 'yes' : 'no',
    className: o.className ?? '',
    hasTeacher: o.teacherKind !== 'unknown' ? 'yes' : 'no',
    teacher: teacherKindInline(t, o.teacherKind),
    source: observationSourceInline(t, o.source),
  });
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
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
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
        {shown ? t('records.obsList.hide') : t('records.obsList.show')}
      </Button>
      {shown && (
        <Stack gap="xs" id={listId} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {records.isPending && <Text size="sm">{t('records.loadingShort')}</Text>}
          {records.data && list.length === 0 && <Text size="sm">{t('records.obsList.none')}</Text>}
          {list.map((o) => (
            <Paper key={o.id} component="li" withBorder p="xs">
              <Text size="sm" className={isVoided(o) ? voidedClass : undefined}>
                {observationWords(t, o, locale)}
              </Text>
              {o.note && <Text size="sm">{t('records.note', { note: o.note })}</Text>}
              <VoidedNote householdId={householdId} record={o} />
              {writable && (
                <Group gap="xs" mt={4}>
                  <RecordButtons
                    name={t('records.obsList.name', { day: formatDay(o.date, 'weekdayLong', locale) })}
                    editWord="Correct"
                    canEdit
                    canDelete={false}
                    onEdit={() => setCorrecting(o)}
                    voiding={{
                      householdId,
                      path: 'accommodation-observations',
                      record: o,
                      what: t('records.obsList.what', {
                        day: formatDay(o.date, 'weekdayLong', locale),
                        accommodation: accommodationText,
                      }),
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
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  const day = (iso: string) => formatDay(iso, 'weekdayLong', locale);
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
    const none = t('records.change.none');
    if (dateChanged) out.push(t('records.change.date', { before: day(o.date), after: day(v.date) }));
    if (v.outcome !== o.outcome)
      out.push(
        t('records.change.outcome', {
          before: outcomeLabel(t, o.outcome),
          after: outcomeLabel(t, v.outcome),
        }),
      );
    if ((v.className.trim() || null) !== (o.className ?? null))
      out.push(t('records.change.class', { before: o.className ?? none, after: v.className.trim() || none }));
    if (v.teacherKind !== o.teacherKind)
      out.push(
        t('records.change.teacher', {
          before: teacherKindLabel(t, o.teacherKind),
          after: teacherKindLabel(t, v.teacherKind),
        }),
      );
    if ((v.note.trim() || null) !== (o.note ?? null))
      out.push(t('records.change.note', { note: v.note.trim() || none }));
    return out;
  };
  const review = () => {
    setError(null);
    if (!v.date) return form.setFieldError('date', t('records.error.date'));
    if (dateChanged && !schoolDay.ready) return setError(t('records.error.sure'));
    if (Object.keys(changes()).length === 0) return setError(t('records.error.nothing'));
    setStep('confirm');
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await patch(`/households/${householdId}/accommodation-observations/${o.id}`, changes());
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('records.obsList.corrected', { day: day(v.date) }),
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
    <PlainModal opened onClose={onClose} title={t('records.obsList.correctTitle', { day: day(o.date) })}>
      {step === 'confirm' ? (
        <Stack gap="sm">
          <FormError message={error} />
          <Text fw={700}>{t('records.change.confirm')}</Text>
          <Stack component="ul" gap={2} pl="md" m={0}>
            {lines().map((l) => (
              <Text component="li" size="sm" key={l}>
                {l}
              </Text>
            ))}
          </Stack>
          <Text size="sm">{t('records.change.journal')}</Text>
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={() => setStep('edit')} disabled={saving}>
              {t('records.back')}
            </Button>
            <Button color="blue.8" loading={saving} onClick={() => void save()}>
              {t('records.change.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <FormError message={error} />
          <TextInput
            type="date"
            label={t('records.field.date')}
            max={todayIso()}
            {...form.getInputProps('date')}
          />
          {dateChanged && <SchoolDayNotice state={schoolDay} />}
          <NativeSelect
            label={t('records.field.whatHappened')}
            data={outcomeOptions(t)}
            {...form.getInputProps('outcome')}
          />
          <TextInput label={t('records.field.classOptional')} {...form.getInputProps('className')} />
          <NativeSelect
            label={t('records.field.whoTaught')}
            data={teacherKindOptions(t)}
            {...form.getInputProps('teacherKind')}
          />
          <NoteTextarea label={t('records.field.noteOptional')} {...form.getInputProps('note')} />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={review}>{t('records.change.review')}</Button>
          </Group>
        </Stack>
      )}
    </PlainModal>
  );
}
