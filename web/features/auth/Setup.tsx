import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api/client.ts';
import type { SessionInfo } from '../../api/types.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function SetupPage() {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { displayName: '', email: '', password: '', householdName: 'My family' },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const session = await post<SessionInfo>('/auth/setup', values);
      client.setQueryData(['session'], session);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return (
    <AuthLayout
      title="Welcome to As Written"
      intro="This is a new installation. Create the first account: you will own your household's records and can invite a co-parent or an advocate later."
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('displayName')} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters. A short sentence is easy to remember."
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <TextInput label="Household name" {...form.getInputProps('householdName')} />
          <Button type="submit" loading={form.submitting}>
            Create my account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
