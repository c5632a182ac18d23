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
import ui from '../../components/ui.module.css';
import type { T } from '../../i18n/i18n.tsx';
import { amountOnlyInWords, usePlanWords } from './plan-words.ts';
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

/** The periods an amount is counted over, worded by `plan.amount.unit`. */
const UNITS = ['week', 'day', 'month', 'year', 'cycle', 'term'] as const;

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
  const { t, language, locale } = usePlanWords();
  const units = UNITS.map((unit) => ({ value: unit, label: t('plan.amount.unit', { unit }) }));
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
        closeButtonProps: { 'aria-label': t('plan.record.closeMessage') },
        color: 'green',
        message: t('plan.amount.saved', { name: service.name }),
      });
      onClose();
    } catch (e) {
      setError(saveError(form, e));
    }
  });
  const many = form.values.segments.length > 1;
  return (
    <PlainModal opened onClose={onClose} title={t('plan.services.changeLabel', { name: service.name })}>
      <form onSubmit={submit} noValidate className={ui.page}>
        <Stack gap="sm">
          <Text size="sm">{t('plan.amount.intro')}</Text>
          <FormError message={error} />
          {form.values.segments.map((seg, i) => {
            const path = `segments.${i}`;
            const legend = many
              ? t('plan.services.dates', {
                  from: formatDate(seg.startDate, locale),
                  to: formatDate(seg.endDate, locale),
                })
              : t('plan.amount.legend');
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id; their order is fixed here
              <Fieldset key={i} legend={legend}>
                <Stack gap="sm">
                  <NativeSelect
                    label={t('plan.amount.countedAs')}
                    data={[
                      { value: 'sessions', label: t('plan.amount.bySessions') },
                      { value: 'minutes', label: t('plan.amount.byMinutes') },
                    ]}
                    {...form.getInputProps(`${path}.amountKind`)}
                  />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    {seg.amountKind === 'sessions' ? (
                      <NumberInput
                        label={t('plan.amount.sessions')}
                        min={1}
                        allowDecimal={false}
                        {...form.getInputProps(`${path}.sessionsPerPeriod`)}
                      />
                    ) : (
                      <NumberInput
                        label={t('plan.amount.minutesInAll')}
                        min={1}
                        allowDecimal={false}
                        {...form.getInputProps(`${path}.minutesPerPeriod`)}
                      />
                    )}
                    <NativeSelect
                      label={t('plan.amount.every')}
                      data={units}
                      {...form.getInputProps(`${path}.period.unit`)}
                    />
                    <NumberInput
                      label={t('plan.amount.minutesPerSession', { kind: seg.amountKind })}
                      min={1}
                      allowDecimal={false}
                      {...form.getInputProps(`${path}.minutesPerSession`)}
                    />
                    {seg.period.unit === 'cycle' && (
                      <NumberInput
                        label={t('plan.amount.cycleDays')}
                        min={2}
                        max={20}
                        allowDecimal={false}
                        {...form.getInputProps(`${path}.period.cycleDays`)}
                      />
                    )}
                    {seg.period.unit === 'term' && <Text size="sm">{t('plan.amount.termHelp')}</Text>}
                    <TextInput
                      type="date"
                      label={t('plan.amount.from')}
                      {...form.getInputProps(`${path}.startDate`)}
                    />
                    <TextInput
                      type="date"
                      label={t('plan.amount.to')}
                      {...form.getInputProps(`${path}.endDate`)}
                    />
                  </SimpleGrid>
                  <Text size="sm" aria-live="polite">
                    {t('plan.amount.readsAs', { words: safeAmountWords(t, language, toSegment(seg)) })}
                  </Text>
                </Stack>
              </Fieldset>
            );
          })}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('plan.record.cancel')}
            </Button>
            <Button type="submit" color="blue.8" loading={form.submitting}>
              {t('plan.amount.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PlainModal>
  );
}

function safeAmountWords(t: T, language: string, s: ReturnType<typeof toSegment>) {
  if (s.sessionsPerPeriod == null && s.minutesPerPeriod == null) return t('plan.amount.incomplete');
  return amountOnlyInWords(t, language, {
    ...s,
    period: { unit: s.period.unit as Segment['period']['unit'], cycleDays: s.period.cycleDays },
  });
}
