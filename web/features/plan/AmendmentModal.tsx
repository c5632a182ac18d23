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
        closeButtonProps: { 'aria-label': 'Close the message' },
        color: 'green',
        message: `Version ${version.versionNumber} starts on ${formatDate(version.effectiveFrom)}. Now change the plan below to match what was agreed; version ${version.versionNumber - 1} stays as it was.`,
        autoClose: 10_000,
      });
      onClose();
    } catch (e) {
      setError(saveError(form, e));
    }
  });
  return (
    <PlainModal opened onClose={onClose} title="Record an amendment">
      <form onSubmit={submit} noValidate className={ui.page}>
        <Stack gap="sm">
          <Text size="sm">
            Changes agreed at an IEP meeting take effect on a date. Recording an amendment starts a new
            version of the plan on that date; the old version stays readable, exactly as it was.
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>
              First record the amendment here, with the date it takes effect and what was agreed.
            </List.Item>
            <List.Item>
              Then change the services, accommodations and the rest on this page to match.
            </List.Item>
            <List.Item>
              The ledger counts days before that date by the old version, and days after by the new.
            </List.Item>
          </List>
          {current && (
            <Text size="sm">
              The version in force now, version {current.versionNumber}, started on{' '}
              {formatDate(current.effectiveFrom)}; the amendment must take effect after that.
            </Text>
          )}
          <FormError message={error} />
          <TextInput
            type="date"
            label="Takes effect on"
            withAsterisk
            {...form.getInputProps('effectiveFrom')}
          />
          <Textarea
            label="What was agreed"
            description="A short summary, for example: Speech reduced to once a week; extended time added for homework."
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('summary')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="blue.8" loading={form.submitting}>
              Record the amendment
            </Button>
          </Group>
        </Stack>
      </form>
    </PlainModal>
  );
}
