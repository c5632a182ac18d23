import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { readAccommodationLines } from '../../../src/domain/accommodation-lines.ts';
import { post } from '../../api/client.ts';
import { can } from '../../api/permissions.ts';
import { useCurrent } from '../../api/session.tsx';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { RecordSection } from '../plan/RecordSection.tsx';
import { accommodationsDef } from '../plan/sections.tsx';
import { type PlanStepProps, StepHeading } from './StepHeading.tsx';

/**
 * Step 5: the accommodations. Paste them as the IEP lists them, one per line: each is saved with the
 * plan's own words and a first guess at its kind and where it applies, which the list below lets the
 * parent correct. They can also be added one at a time, or later from the Plan page.
 */
export function AccommodationsStep({ householdId, plan, focusHeading, onNext, onBack }: PlanStepProps) {
  const t = useT('onboarding');
  const client = useQueryClient();
  const current = useCurrent();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const form = useForm({
    initialValues: { text: '' },
    validate: {
      text: (v) => (readAccommodationLines(v).length > 0 ? null : t('onboarding.accommodations.textMissing')),
    },
  });

  const add = form.onSubmit(async ({ text }) => {
    setError(null);
    setStatus('');
    const lines = readAccommodationLines(text);
    let saved = 0;
    try {
      for (const line of lines) {
        await post(`/households/${householdId}/accommodations`, { planId: plan.id, ...line });
        saved++;
      }
      form.reset();
      setStatus(t('onboarding.accommodations.added', { count: saved, shown: String(saved) }));
    } catch (e) {
      // Keep what was not saved yet in the box, so nothing typed is lost.
      form.setFieldValue(
        'text',
        lines
          .slice(saved)
          .map((l) => l.text)
          .join('\n'),
      );
      setError(applyApiError(form, e));
    } finally {
      await client.invalidateQueries({ queryKey: ['accommodations', householdId] });
    }
  });

  return (
    <Stack gap="md">
      <StepHeading
        title={t('onboarding.accommodations.title')}
        intro={t('onboarding.accommodations.intro')}
        focus={focusHeading}
      />
      <FormStack onSubmit={add} error={error} gap="sm">
        <Textarea
          label={t('onboarding.accommodations.label')}
          description={t('onboarding.accommodations.example')}
          autosize
          minRows={4}
          {...form.getInputProps('text')}
        />
        <Button type="submit" variant="default" loading={form.submitting} w="fit-content">
          {t('onboarding.accommodations.add')}
        </Button>
        <Text size="sm" role="status" aria-live="polite">
          {status}
        </Text>
      </FormStack>
      <RecordSection
        def={accommodationsDef}
        householdId={householdId}
        parentId={plan.id}
        planId={plan.id}
        canEdit
        canDelete={can(current.role, 'record.delete')}
        headingId={headingId}
      />
      <Group gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        <Button color="blue.8" onClick={onNext}>
          {t('onboarding.next')}
        </Button>
      </Group>
    </Stack>
  );
}
