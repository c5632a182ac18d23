import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { patch, post } from '../../api/client.ts';
import type { Child } from '../../api/types.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { StepHeading } from './StepHeading.tsx';

const orNull = (s: string) => s.trim() || null;

/** Step 1: the child. Creates the child, or changes it when the parent comes back to this step. */
export function ChildStep({
  householdId,
  child,
  focusHeading,
  onSaved,
}: {
  householdId: string;
  child: Child | null;
  focusHeading: boolean;
  onSaved(child: Child): void;
}) {
  const t = useT('onboarding');
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      firstName: child?.firstName ?? '',
      lastName: child?.lastName ?? '',
      school: child?.school ?? '',
      grade: child?.grade ?? '',
    },
    validate: { firstName: (v) => (v.trim() ? null : t('onboarding.child.firstNameMissing')) },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body = {
      firstName: values.firstName.trim(),
      lastName: orNull(values.lastName),
      school: orNull(values.school),
      grade: orNull(values.grade),
    };
    try {
      if (child && !form.isDirty()) return onSaved(child);
      const saved = child
        ? await patch<Child>(`/households/${householdId}/children/${child.id}`, body)
        : await post<Child>(`/households/${householdId}/children`, body);
      form.resetDirty();
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });

  return (
    <FormStack
      heading={
        <StepHeading
          title={t('onboarding.child.title')}
          intro={t('onboarding.child.intro')}
          focus={focusHeading}
        />
      }
      onSubmit={submit}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('onboarding.child.firstName')}
          required
          autoComplete="off"
          {...form.getInputProps('firstName')}
        />
        <TextInput
          label={t('onboarding.child.lastName')}
          autoComplete="off"
          {...form.getInputProps('lastName')}
        />
        <TextInput label={t('onboarding.child.school')} {...form.getInputProps('school')} />
        <TextInput label={t('onboarding.child.grade')} placeholder="3" {...form.getInputProps('grade')} />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" size="md" color="blue.8" loading={form.submitting}>
          {t('onboarding.next')}
        </Button>
      </Group>
    </FormStack>
  );
}
