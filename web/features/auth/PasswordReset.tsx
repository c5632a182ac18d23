import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'wouter';
import { post } from '../../api/client.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { EmailField } from './auth-form.tsx';

/** Tokens arrive in the address after '#', which the browser never sends to the server. */
export function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function ForgotPasswordPage() {
  const t = useT();
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
    <AuthLayout title={t('auth.forgot.title')} intro={t('auth.forgot.intro')}>
      {done ? (
        <Alert color="green" role="status">
          {done} {t('auth.forgot.noEmail')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError message={error} title={t('auth.forgot.failed')} />
            <EmailField {...form.getInputProps('email')} />
            <Button type="submit" loading={form.submitting}>
              {t('auth.forgot.submit')}
            </Button>
            <Anchor component={Link} href="/sign-in" size="sm">
              {t('auth.forgot.back')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const t = useT();
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
    <AuthLayout title={t('auth.reset.title')}>
      {done ? (
        <Stack>
          <Alert color="green" role="status">
            {t('auth.reset.done')}
          </Alert>
          <Anchor component={Link} href="/sign-in">
            {t('auth.signIn.submit')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError message={error} title={t('auth.reset.failed')} />
            <PasswordInput
              label={t('auth.reset.newPassword')}
              description={t('auth.passwordHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
