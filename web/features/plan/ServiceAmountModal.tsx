import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { patch } from '../../api/client.ts';
import type { Service } from '../../api/types.ts';
import { PlainModal } from '../../components/Dialogs.tsx';
import { formatDate } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import { amountWords } from '../../components/plain-words.ts';
import ui from '../../components/ui.module.css';
import { saveError } from './save-error.ts';

type Segment = Service['segments'][number];

type SegmentForm = {
  startDate: string;
  endDate: string;
  label: string;
  amountKind: 'sessions' | 'minutes';
  minutesPerSession: number | string;
  sessionsPerPeriod: number | string;
  minutesPerPeriod: number | string;
  period: { unit: string; cycleDays: number | string };
  pattern: Segment['pattern'];
};

const UNITS = [
  { value: 'week', label: 'a week' },
  { value: 'day', label: 'a day' },
  { value: 'month', label: 'a month' },
  { value: 'year', label: 'a school year' },
  { value: 'cycle', label: 'a cycle of school days' },
  { value: 'term', label: 'a term or grading period' },
];

function toForm(s: Segment): SegmentForm {
  return {
    startDate: s.startDate,
    endDate: s.endDate,
    label: s.label ?? '',
    amountKind: s.sessionsPerPeriod != null ? 'sessions' : 'minutes',
    minutesPerSession: s.minutesPerSession ?? '',
    sessionsPerPeriod: s.sessionsPerPeriod ?? '',
    minutesPerPeriod: s.minutesPerPeriod ?? '',
    period: { unit: s.period.unit, cycleDays: s.period.cycleDays ?? '' },
    pattern: s.pattern,
  };
}

const num = (v: number | string) => (v === '' || v == null ? null : Number(v));

function toSegment(f: SegmentForm) {
  const sessions = f.amountKind === 'sessions';
  return {
    startDate: f.startDate,
    endDate: f.endDate,
    label: f.label.trim() === '' ? null : f.label,
    minutesPerSession: num(f.minutesPerSession),
    sessionsPerPeriod: sessions ? num(f.sessionsPerPeriod) : null,
    minutesPerPeriod: sessions ? null : num(f.minutesPerPeriod),
    period: { unit: f.period.unit, cycleDays: f.period.unit === 'cycle' ? num(f.period.cycleDays) : null },
    pattern: f.period.unit === 'week' ? f.pattern : null,
  };
}

/** Change how much of a service the plan gives: its minutes and sessions, for each dated stretch. */
export function ServiceAmountModal({
  service,
  householdId,
  onClose,
}: {
  service: Service;
  householdId: string;
  onClose(): void;
}) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ segments: SegmentForm[] }>({
    initialValues: { segments: service.segments.map(toForm) },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await patch(`/households/${householdId}/services/${service.id}`, {
        segments: values.segments.map(toSegment),
      });
      // The ledger, the week and the plan's history all depend on the amount.
      await client.invalidateQueries();
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close the message' },
        color: 'green',
        message: `The amount of ${service.name} was saved.`,
      });
      onClose();
    } catch (e) {
      setError(saveError(form, e));
    }
  });
  const many = form.values.segments.length > 1;
  return (
    <PlainModal opened onClose={onClose} title={`Change the amount of ${service.name}`}>
      <form onSubmit={submit} noValidate className={ui.page}>
        <Stack gap="sm">
          <Text size="sm">
            This changes the plan as it stands now. If the new amount was agreed at an IEP meeting, close this
            and record an amendment first, so the old amount stays on record for the dates before it.
          </Text>
          <FormError message={error} />
          {form.values.segments.map((seg, i) => {
            const path = `segments.${i}`;
            const legend = many ? `${formatDate(seg.startDate)} to ${formatDate(seg.endDate)}` : 'Amount';
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id; their order is fixed here
              <Fieldset key={i} legend={legend}>
                <Stack gap="sm">
                  <NativeSelect
                    label="Counted as"
                    data={[
                      { value: 'sessions', label: 'A number of sessions' },
                      { value: 'minutes', label: 'A total of minutes' },
                    ]}
                    {...form.getInputProps(`${path}.amountKind`)}
                  />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    {seg.amountKind === 'sessions' ? (
                      <NumberInput
                        label="Sessions"
                        min={1}
                        allowDecimal={false}
                        {...form.getInputProps(`${path}.sessionsPerPeriod`)}
                      />
                    ) : (
                      <NumberInput
                        label="Minutes in all"
                        min={1}
                        allowDecimal={false}
                        {...form.getInputProps(`${path}.minutesPerPeriod`)}
                      />
                    )}
                    <NativeSelect label="Every" data={UNITS} {...form.getInputProps(`${path}.period.unit`)} />
                    <NumberInput
                      label={
                        seg.amountKind === 'sessions' ? 'Minutes per session' : 'Minutes per session (if set)'
                      }
                      min={1}
                      allowDecimal={false}
                      {...form.getInputProps(`${path}.minutesPerSession`)}
                    />
                    {seg.period.unit === 'cycle' && (
                      <NumberInput
                        label="School days in the cycle"
                        min={2}
                        max={20}
                        allowDecimal={false}
                        {...form.getInputProps(`${path}.period.cycleDays`)}
                      />
                    )}
                    {seg.period.unit === 'term' && (
                      <Text size="sm">
                        Counted in each term or grading period of the school calendar. Enter the terms' dates
                        on the School calendar page.
                      </Text>
                    )}
                    <TextInput type="date" label="From" {...form.getInputProps(`${path}.startDate`)} />
                    <TextInput type="date" label="To" {...form.getInputProps(`${path}.endDate`)} />
                  </SimpleGrid>
                  <Text size="sm" aria-live="polite">
                    Reads as: {safeAmountWords(toSegment(seg))}
                  </Text>
                </Stack>
              </Fieldset>
            );
          })}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="blue.8" loading={form.submitting}>
              Save the amount
            </Button>
          </Group>
        </Stack>
      </form>
    </PlainModal>
  );
}

function safeAmountWords(s: ReturnType<typeof toSegment>) {
  if (s.sessionsPerPeriod == null && s.minutesPerPeriod == null) return 'not complete yet';
  return amountWords({
    ...s,
    period: { unit: s.period.unit as Segment['period']['unit'], cycleDays: s.period.cycleDays },
  });
}
