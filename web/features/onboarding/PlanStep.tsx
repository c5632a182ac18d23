import { Button, Group, NativeSelect, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { patch, post } from '../../api/client.ts';
import type { Plan } from '../../api/types.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
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
      effectiveFrom: (v) => (v ? null : 'Choose the day the plan starts'),
      effectiveTo: (v, all) =>
        !v
          ? 'Choose the day the plan ends'
          : all.effectiveFrom && v < all.effectiveFrom
            ? 'The plan ends after it starts'
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
          title="The plan"
          intro="The first page of the plan gives its type and the dates it is in force."
          focus={focusHeading}
        />
      }
      onSubmit={submit}
      error={error}
    >
      {!plan && <StartFromDocument householdId={householdId} childId={child.id} />}
      <Radio.Group label="Plan type" {...form.getInputProps('kind')}>
        <Group mt="xs" gap="lg">
          <Radio value="iep" label="IEP" />
          <Radio value="504" label="504 plan" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <NativeSelect
          label="Country"
          data={[
            { value: 'US', label: 'United States' },
            { value: 'CA', label: 'Canada' },
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
          label="State or province"
          data={[
            { value: '', label: 'Choose one (optional)' },
            ...regions.map(([value, label]) => ({ value, label })),
          ]}
          {...form.getInputProps('region')}
        />
        <TextInput type="date" label="Plan starts" required {...form.getInputProps('effectiveFrom')} />
        <TextInput type="date" label="Plan ends" required {...form.getInputProps('effectiveTo')} />
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
          Use the school year’s dates
        </Button>
      )}
      <Group justify="space-between">
        <Button variant="default" size="md" onClick={onBack}>
          Back
        </Button>
        <Button type="submit" size="md" color="blue.8" loading={form.submitting}>
          Next
        </Button>
      </Group>
    </FormStack>
  );
}
