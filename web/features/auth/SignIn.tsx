import { Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { Link } from 'wouter';
import { FormError } from '../../components/form-errors.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { EmailField, useSessionForm } from './auth-form.tsx';

export function SignInPage() {
  const { form, error, submit } = useSessionForm('/auth/login', { email: '', password: '' });
  return (
    <AuthLayout title="Sign in" intro="Keep track of whether your child's plan is carried out as written.">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} title="Could not sign in" />
          <EmailField {...form.getInputProps('email')} />
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
