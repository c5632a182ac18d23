import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { post } from '../../api/client.ts';
import type { SessionInfo } from '../../api/types.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function SignInPage() {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const session = await post<SessionInfo>('/auth/login', values);
      client.setQueryData(['session'], session);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return (
    <AuthLayout title="Sign in" intro="Keep track of whether your child's plan is carried out as written.">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} title="Could not sign in" />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            Sign in
          </Button>
          <Anchor component={Link} href="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
