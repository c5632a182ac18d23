import { Button, Group, NativeSelect, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { patch, post } from '../../api/client.ts';
import type { Plan } from '../../api/types.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { StartFromDocument } from '../plan/StartFromDocument.tsx';
import { regionsOf } from './regions.ts';
import { type SetupSoFar, StepHeading } from './StepHeading.tsx';

type Values = {
  kind: 'iep' | '504';
  country: 'US' | 'CA';
  region: string;
  effectiveFrom: string;
  effectiveTo: string;
};

/** Step 3: the plan: IEP or 504, where, and the dates it is in force. Creating it makes version 1. */
export function PlanStep({
  householdId,
  child,
  calendar,
  plan,
  focusHeading,
  onSaved,
  onBack,
}: SetupSoFar & {
  onSaved(plan: Plan): void;
  onBack(): void;
}) {
  const t = useT('onboarding');
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      kind: plan?.kind ?? 'iep',
      country: plan?.jurisdiction.country ?? 'US',
      region: plan?.jurisdiction.region ?? '',
      effectiveFrom: plan?.effectiveFrom ?? '',
      effectiveTo: plan?.effectiveTo ?? '',
    },
    validate: {
      effectiveFrom: (v) => (v ? null : t('onboarding.plan.startsMissing')),
      effectiveTo: (v, all) =>
        !v
          ? t('onboarding.plan.endsMissing')
          : all.effectiveFrom && v < all.effectiveFrom
            ? t('onboarding.plan.endsBeforeStart')
            : null,
    },
  });
  const v = form.values;
  const regions = regionsOf(v.country);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    if (plan && !form.isDirty()) return onSaved(plan);
    const body = {
      kind: values.kind,
      jurisdiction: { country: values.country, region: values.region || null },
      effectiveFrom: values.effectiveFrom,
      effectiveTo: values.effectiveTo,
    };
    try {
      const saved = plan
        ? await patch<Plan>(`/households/${householdId}/plans/${plan.id}`, body)
        : await post<Plan>(`/households/${householdId}/plans`, { childId: child.id, ...body });
      form.resetDirty();
      onSaved(saved);
    } catch (e) {
      setError(
        applyApiError(form, e, { 'jurisdiction.region': 'region', 'jurisdiction.country': 'country' }),
      );
    }
  });

  return (
    <FormStack
      heading={
        <StepHeading
          title={t('onboarding.plan.title')}
          intro={t('onboarding.plan.intro')}
          focus={focusHeading}
        />
      }
      onSubmit={submit}
      error={error}
    >
      {!plan && <StartFromDocument householdId={householdId} childId={child.id} />}
      <Radio.Group label={t('onboarding.plan.kind')} {...form.getInputProps('kind')}>
        <Group mt="xs" gap="lg">
          <Radio value="iep" label={t('onboarding.plan.iep')} />
          <Radio value="504" label={t('onboarding.plan.504')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <NativeSelect
          label={t('onboarding.plan.country')}
          data={[
            { value: 'US', label: t('onboarding.plan.us') },
            { value: 'CA', label: t('onboarding.plan.ca') },
          ]}
          {...form.getInputProps('country')}
          onChange={(e) => {
            const country = e.currentTarget.value as 'US' | 'CA';
            form.setFieldValue('country', country);
            if (!regionsOf(country).some(([code]) => code === form.values.region))
              form.setFieldValue('region', '');
          }}
        />
        <NativeSelect
          label={t('onboarding.plan.region')}
          data={[
            { value: '', label: t('onboarding.plan.regionNone') },
            ...regions.map(([value, name]) => ({
              value,
              label: t('onboarding.plan.regionName', { code: value, name }),
            })),
          ]}
          {...form.getInputProps('region')}
        />
        <TextInput
          type="date"
          label={t('onboarding.plan.starts')}
          required
          {...form.getInputProps('effectiveFrom')}
        />
        <TextInput
          type="date"
          label={t('onboarding.plan.ends')}
          required
          {...form.getInputProps('effectiveTo')}
        />
      </SimpleGrid>
      {calendar && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => {
            form.setFieldValue('effectiveFrom', calendar.firstDay);
            form.setFieldValue('effectiveTo', calendar.lastDay);
          }}
        >
          {t('onboarding.plan.useYear')}
        </Button>
      )}
      <Group justify="space-between">
        <Button variant="default" size="md" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        <Button type="submit" size="md" color="blue.8" loading={form.submitting}>
          {t('onboarding.next')}
        </Button>
      </Group>
    </FormStack>
  );
}
