import { Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { Link } from 'wouter';
import { FormError } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { EmailField, useSessionForm } from './auth-form.tsx';

export function SignInPage() {
  const t = useT();
  const { form, error, submit } = useSessionForm('/auth/login', { email: '', password: '' });
  return (
    <AuthLayout title={t('auth.signIn.title')} intro={t('auth.signIn.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} title={t('auth.signIn.failed')} />
          <EmailField {...form.getInputProps('email')} />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('auth.signIn.submit')}
          </Button>
          <Anchor component={Link} href="/forgot-password" size="sm">
            {t('auth.signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
