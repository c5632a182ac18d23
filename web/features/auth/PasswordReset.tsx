import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'wouter';
import { post } from '../../api/client.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { EmailField } from './auth-form.tsx';

/** Tokens arrive in the address after '#', which the browser never sends to the server. */
export function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function ForgotPasswordPage() {
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const res = await post<{ message: string }>('/auth/password-reset', values);
      setDone(res.message);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return (
    <AuthLayout title="Forgot your password?" intro="We will send a link to choose a new one.">
      {done ? (
        <Alert color="green" role="status">
          {done} If email is not set up on this server, ask the person who runs it for a reset link.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError message={error} title="Could not send the link" />
            <EmailField {...form.getInputProps('email')} />
            <Button type="submit" loading={form.submitting}>
              Send the link
            </Button>
            <Anchor component={Link} href="/sign-in" size="sm">
              Back to sign in
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { newPassword: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await post('/auth/password-reset/complete', {
        token: tokenFromHash(),
        newPassword: values.newPassword,
      });
      setDone(true);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return (
    <AuthLayout title="Choose a new password">
      {done ? (
        <Stack>
          <Alert color="green" role="status">
            Your password was changed. Every browser was signed out; sign in with the new password.
          </Alert>
          <Anchor component={Link} href="/sign-in">
            Sign in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError message={error} title="Password not changed" />
            <PasswordInput
              label="New password"
              description="At least 10 characters."
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <Button type="submit" loading={form.submitting}>
              Save the new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
