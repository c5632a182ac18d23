import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { EmailField, NameField, useSessionForm } from './auth-form.tsx';

export function SetupPage() {
  const t = useT();
  const { form, error, submit } = useSessionForm('/auth/setup', {
    displayName: '',
    email: '',
    password: '',
    householdName: t('auth.setup.defaultHouseholdName'),
  });
  return (
    <AuthLayout title={t('auth.setup.title')} intro={t('auth.setup.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <NameField {...form.getInputProps('displayName')} />
          <EmailField {...form.getInputProps('email')} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.setup.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <TextInput label={t('auth.setup.householdName')} {...form.getInputProps('householdName')} />
          <Button type="submit" loading={form.submitting}>
            {t('auth.setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
