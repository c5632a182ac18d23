import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { patch, post } from '../../api/client.ts';
import type { Child } from '../../api/types.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
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
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      firstName: child?.firstName ?? '',
      lastName: child?.lastName ?? '',
      school: child?.school ?? '',
      grade: child?.grade ?? '',
    },
    validate: { firstName: (v) => (v.trim() ? null : "Enter your child's first name") },
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
          title="Your child"
          intro="Only the first name is needed; you can add the rest now or later."
          focus={focusHeading}
        />
      }
      onSubmit={submit}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="First name" required autoComplete="off" {...form.getInputProps('firstName')} />
        <TextInput label="Last name (optional)" autoComplete="off" {...form.getInputProps('lastName')} />
        <TextInput label="School (optional)" {...form.getInputProps('school')} />
        <TextInput label="Grade (optional)" placeholder="3" {...form.getInputProps('grade')} />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" size="md" color="blue.8" loading={form.submitting}>
          Next
        </Button>
      </Group>
    </FormStack>
  );
}
