import { Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MissReason, SessionStatus } from '../../../src/domain/session-entry.ts';
import type { SessionCorrectionResult, StaffLinkView } from '../../api/types.ts';
import { formatDay, todayIso } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import { describeEntry, staffRequest, staffSaveError, useStaffWords } from './staff-api.ts';
import { MinutesDeliveredInput, ReasonSelect, StatusRadios } from './staff-fields.tsx';

// A therapist puts right a session they confirmed through the link: what happened, the minutes, the
// reason, the day or the start time, or "logged by mistake". The server accepts this only for the
// link's own entries (src/server/services/staff-links.ts); the family sees the correction and who made it.

type Confirmed = StaffLinkView['services'][number]['weeks'][number]['confirmedByThisLink'][number];

type Values = {
  mode: 'correct' | 'void';
  date: string;
  status: SessionStatus;
  minutesDelivered: number | string;
  reason: string;
  startTime: string;
  note: string;
};

export function StaffCorrection({
  token,
  serviceName,
  entry,
  onDone,
}: {
  token: string;
  serviceName: string;
  entry: Confirmed;
  onDone(message: string | null): void;
}) {
  const client = useQueryClient();
  const { t, locale } = useStaffWords();
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const today = todayIso();
  const form = useForm<Values>({
    initialValues: {
      mode: 'correct',
      date: entry.date,
      status: entry.status,
      minutesDelivered: entry.minutesDelivered,
      reason: entry.reason ?? '',
      startTime: entry.startTime ?? '',
      note: '',
    },
  });
  const v = form.values;
  const day = formatDay(entry.date, 'weekdayLong', locale);

  const changes = () => {
    const out: Record<string, unknown> = {};
    if (v.date !== entry.date) out.date = v.date;
    if (v.status !== entry.status) out.status = v.status;
    const reason = v.status === 'delivered' ? null : (v.reason as MissReason) || null;
    if (reason !== entry.reason) out.reason = reason;
    if (v.status === 'short') {
      const minutes = typeof v.minutesDelivered === 'number' ? v.minutesDelivered : null;
      if (minutes !== entry.minutesDelivered || v.status !== entry.status) out.minutesDelivered = minutes;
    }
    if ((v.startTime || null) !== (entry.startTime ?? null)) out.startTime = v.startTime || null;
    return out;
  };

  const review = () => {
    setError(null);
    form.clearErrors();
    if (v.mode === 'correct') {
      if (!v.date || v.date > today) return form.setFieldError('date', t('staff.error.upToToday'));
      if (v.status !== 'delivered' && !v.reason) return form.setFieldError('reason', t('staff.error.reason'));
      if (v.status === 'short' && (typeof v.minutesDelivered !== 'number' || v.minutesDelivered < 1))
        return form.setFieldError('minutesDelivered', t('staff.error.minutesShort'));
      if (Object.keys(changes()).length === 0 && !v.note.trim()) return setError(t('staff.error.nothing'));
    }
    setStep('confirm');
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await staffRequest<SessionCorrectionResult>(
        token,
        'POST',
        `/staff-link/sessions/${entry.id}/corrections`,
        v.mode === 'void'
          ? { action: 'void', note: v.note.trim() || null }
          : { action: 'correct', changes: changes(), note: v.note.trim() || null },
      );
      await client.invalidateQueries({ queryKey: ['staff-link-view', token] });
      const now = result.correction;
      onDone(
        v.mode === 'void'
          ? t('staff.fix.removed', { service: serviceName, day })
          : t('staff.fix.corrected', {
              service: serviceName,
              day: formatDay(now.date, 'weekdayLong', locale),
              entry: describeEntry(t, {
                status: now.status as SessionStatus,
                minutesDelivered: now.minutesDelivered,
                reason: now.reason,
              }),
            }),
      );
    } catch (e) {
      setStep('edit');
      setError(
        staffSaveError(t, form, e, {
          'changes.date': 'date',
          'changes.status': 'status',
          'changes.minutesDelivered': 'minutesDelivered',
          'changes.reason': 'reason',
          'changes.startTime': 'startTime',
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  if (step === 'confirm') {
    const after = {
      status: v.status,
      minutesDelivered: v.status === 'missed' ? 0 : Number(v.minutesDelivered) || entry.minutesDelivered,
      reason: v.status === 'delivered' ? null : (v.reason as MissReason) || null,
    };
    return (
      <Paper withBorder p="sm" mt="xs">
        <Stack gap="sm">
          <Text fw={700}>{t('staff.fix.confirmTitle', { mode: v.mode })}</Text>
          <Text size="sm">
            {v.mode === 'void'
              ? t('staff.fix.confirmVoid', { service: serviceName, day, entry: describeEntry(t, entry) })
              : t('staff.fix.confirmCorrect', {
                  service: serviceName,
                  day,
                  entry: describeEntry(t, entry),
                  hasDate: v.date !== entry.date ? 'yes' : 'no',
                  date: formatDay(v.date, 'weekdayLong', locale),
                  after: describeEntry(t, after),
                })}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => setStep('edit')} disabled={saving}>
              {t('staff.fix.back')}
            </Button>
            <Button
              color={v.mode === 'void' ? 'red.9' : 'blue.8'}
              loading={saving}
              onClick={() => void save()}
            >
              {t('staff.fix.save', { mode: v.mode })}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper
      withBorder
      p="sm"
      mt="xs"
      component="section"
      aria-label={t('staff.fix.label', { service: serviceName, day })}
    >
      <Stack gap="sm">
        <FormError message={error} />
        <Radio.Group label={t('staff.fix.whatWrong')} {...form.getInputProps('mode')}>
          <Stack gap="xs" mt={6}>
            <Radio value="correct" label={t('staff.fix.modeCorrect')} />
            <Radio value="void" label={t('staff.fix.modeVoid')} />
          </Stack>
        </Radio.Group>
        {v.mode === 'correct' && (
          <>
            <TextInput
              type="date"
              label={t('staff.form.date')}
              max={today}
              w={{ base: '100%', xs: 240 }}
              {...form.getInputProps('date')}
            />
            <StatusRadios {...form.getInputProps('status')} />
            {v.status === 'short' && <MinutesDeliveredInput {...form.getInputProps('minutesDelivered')} />}
            {v.status !== 'delivered' && <ReasonSelect {...form.getInputProps('reason')} />}
            <TextInput
              type="time"
              label={t('staff.fix.startTime')}
              w={{ base: '100%', xs: 240 }}
              {...form.getInputProps('startTime')}
            />
          </>
        )}
        <Textarea
          label={t('staff.fix.note')}
          autosize
          minRows={1}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <Group gap="sm">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={review}>{t('staff.fix.review', { mode: v.mode })}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * A confirmation the link made, with "Fix this" when the link may still change it. A saved fix
 * replaces the entry in the list, so its message is shown by the list (`onSaved`).
 */
export function ConfirmedItem({
  token,
  serviceName,
  entry,
  onSaved,
}: {
  token: string;
  serviceName: string;
  entry: Confirmed;
  onSaved(message: string): void;
}) {
  const [fixing, setFixing] = useState(false);
  const { t, locale } = useStaffWords();
  const day = formatDay(entry.date, 'weekdayLong', locale);
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" span>
          {t('staff.fix.confirmedLine', {
            day,
            entry: describeEntry(t, entry),
            changed: entry.changedByFamily ? 'yes' : 'no',
          })}
        </Text>
        {!entry.changedByFamily && !fixing && (
          <Button
            size="compact-sm"
            variant="default"
            aria-label={t('staff.fix.buttonLabel', { service: serviceName, day })}
            onClick={() => setFixing(true)}
          >
            {t('staff.fix.button')}
          </Button>
        )}
      </Group>
      {fixing && (
        <StaffCorrection
          token={token}
          serviceName={serviceName}
          entry={entry}
          onDone={(message) => {
            setFixing(false);
            if (message) onSaved(message);
          }}
        />
      )}
    </>
  );
}
