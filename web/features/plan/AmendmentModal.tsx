import { Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api/client.ts';
import { PlainModal } from '../../components/Dialogs.tsx';
import { formatDate, todayIso } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import ui from '../../components/ui.module.css';
import { usePlanWords } from './plan-words.ts';
import { saveError } from './save-error.ts';
import type { PlanVersion } from './types.ts';

/** Record an amendment: a new version of the plan from a date; the old one stays readable. */
export function AmendmentModal({
  householdId,
  planId,
  current,
  onClose,
}: {
  householdId: string;
  planId: string;
  current: PlanVersion | undefined;
  onClose(): void;
}) {
  const { t, locale } = usePlanWords();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { effectiveFrom: todayIso(), summary: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const version = await post<PlanVersion>(
        `/households/${householdId}/plans/${planId}/amendments`,
        values,
      );
      await client.invalidateQueries();
      notifications.show({
        closeButtonProps: { 'aria-label': t('plan.record.closeMessage') },
        color: 'green',
        message: t('plan.amendment.saved', {
          number: String(version.versionNumber),
          date: formatDate(version.effectiveFrom, locale),
          previous: String(version.versionNumber - 1),
        }),
        autoClose: 10_000,
      });
      onClose();
    } catch (e) {
      setError(saveError(form, e));
    }
  });
  return (
    <PlainModal opened onClose={onClose} title={t('plan.amend')}>
      <form onSubmit={submit} noValidate className={ui.page}>
        <Stack gap="sm">
          <Text size="sm">{t('plan.amendment.intro')}</Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('plan.amendment.step1')}</List.Item>
            <List.Item>{t('plan.amendment.step2')}</List.Item>
            <List.Item>{t('plan.amendment.step3')}</List.Item>
          </List>
          {current && (
            <Text size="sm">
              {t('plan.amendment.current', {
                number: String(current.versionNumber),
                date: formatDate(current.effectiveFrom, locale),
              })}
            </Text>
          )}
          <FormError message={error} />
          <TextInput
            type="date"
            label={t('plan.amendment.from')}
            withAsterisk
            {...form.getInputProps('effectiveFrom')}
          />
          <Textarea
            label={t('plan.amendment.summary')}
            description={t('plan.amendment.summaryHint')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('summary')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('plan.record.cancel')}
            </Button>
            <Button type="submit" color="blue.8" loading={form.submitting}>
              {t('plan.amendment.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PlainModal>
  );
}
