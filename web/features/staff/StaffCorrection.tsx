import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  type NumberInputProps,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MissReason, SessionStatus } from '../../../src/domain/session-entry.ts';
import { ApiError } from '../../api/client.ts';
import type { SessionCorrectionResult, StaffLinkView } from '../../api/types.ts';
import { formatDay, todayIso } from '../../components/dates.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { describeEntry, LINK_NOT_VALID, REASON_OPTIONS, STATUS_LABELS, staffRequest } from './staff-api.ts';

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
  const day = formatDay(entry.date, 'weekdayLong');

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
      if (!v.date || v.date > today) return form.setFieldError('date', 'Give a date up to today');
      if (v.status !== 'delivered' && !v.reason) return form.setFieldError('reason', 'Choose a reason');
      if (v.status === 'short' && (typeof v.minutesDelivered !== 'number' || v.minutesDelivered < 1))
        return form.setFieldError('minutesDelivered', 'Give the minutes that were delivered');
      if (Object.keys(changes()).length === 0 && !v.note.trim())
        return setError('Nothing is different yet. Change what was wrong, or choose “Logged by mistake”.');
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
          ? `Removed: ${serviceName}, ${day}. The family sees that you marked it as logged by mistake.`
          : `Corrected: ${serviceName}, ${formatDay(now.date, 'weekdayLong')}: ${describeEntry({
              status: now.status as SessionStatus,
              minutesDelivered: now.minutesDelivered,
              reason: now.reason,
            })}.`,
      );
    } catch (e) {
      setStep('edit');
      if (e instanceof ApiError && e.status === 401) setError(LINK_NOT_VALID);
      else
        setError(
          applyApiError(form, e, {
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
          <Text fw={700}>{v.mode === 'void' ? 'Remove this session?' : 'Save this correction?'}</Text>
          <Text size="sm">
            {v.mode === 'void'
              ? `${serviceName}, ${day} (${describeEntry(entry)}) will be marked as logged by mistake: it will no longer count. The family sees the entry and your note.`
              : `${serviceName}, ${day}: ${describeEntry(entry)} becomes ${v.date !== entry.date ? `${formatDay(v.date, 'weekdayLong')}: ` : ''}${describeEntry(after)}. The family sees both, with your note.`}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => setStep('edit')} disabled={saving}>
              Back
            </Button>
            <Button
              color={v.mode === 'void' ? 'red.9' : 'blue.8'}
              loading={saving}
              onClick={() => void save()}
            >
              {v.mode === 'void' ? 'Remove it' : 'Save the correction'}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="sm" mt="xs" component="section" aria-label={`Fix ${serviceName}, ${day}`}>
      <Stack gap="sm">
        <FormError message={error} />
        <Radio.Group label="What was wrong?" {...form.getInputProps('mode')}>
          <Stack gap="xs" mt={6}>
            <Radio value="correct" label="Something in it" />
            <Radio value="void" label="Logged by mistake (remove it)" />
          </Stack>
        </Radio.Group>
        {v.mode === 'correct' && (
          <>
            <TextInput
              type="date"
              label="Date of the session"
              max={today}
              w={{ base: '100%', xs: 240 }}
              {...form.getInputProps('date')}
            />
            <Radio.Group label="What happened?" {...form.getInputProps('status')}>
              <Stack gap="xs" mt={6}>
                {(Object.keys(STATUS_LABELS) as SessionStatus[]).map((s) => (
                  <Radio key={s} value={s} label={STATUS_LABELS[s]} />
                ))}
              </Stack>
            </Radio.Group>
            {v.status === 'short' && <MinutesDeliveredInput {...form.getInputProps('minutesDelivered')} />}
            {v.status !== 'delivered' && (
              <NativeSelect label="Reason" data={REASON_OPTIONS} {...form.getInputProps('reason')} />
            )}
            <TextInput
              type="time"
              label="Time it started (optional)"
              w={{ base: '100%', xs: 240 }}
              {...form.getInputProps('startTime')}
            />
          </>
        )}
        <Textarea
          label="Note for the family (optional)"
          autosize
          minRows={1}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <Group gap="sm">
          <Button variant="default" onClick={() => onDone(null)}>
            Cancel
          </Button>
          <Button onClick={review}>{v.mode === 'void' ? 'Review the removal' : 'Review the change'}</Button>
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
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" span>
          You confirmed {formatDay(entry.date, 'weekdayLong')}: {describeEntry(entry)}
          {entry.changedByFamily ? '. The family changed this entry since.' : ''}
        </Text>
        {!entry.changedByFamily && !fixing && (
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`Fix this: ${serviceName}, ${formatDay(entry.date, 'weekdayLong')}`}
            onClick={() => setFixing(true)}
          >
            Fix this
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

/** "Minutes delivered", as a staff member confirms a session or fixes one: a whole number up to a day. */
export function MinutesDeliveredInput(props: NumberInputProps) {
  return (
    <NumberInput
      label="Minutes delivered"
      min={1}
      max={1440}
      allowDecimal={false}
      allowNegative={false}
      w={{ base: '100%', xs: 240 }}
      {...props}
    />
  );
}
