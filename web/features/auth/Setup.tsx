import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../components/form-errors.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { EmailField, useSessionForm } from './auth-form.tsx';

export function SetupPage() {
  const { form, error, submit } = useSessionForm('/auth/setup', {
    displayName: '',
    email: '',
    password: '',
    householdName: 'My family',
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
          <EmailField {...form.getInputProps('email')} />
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
