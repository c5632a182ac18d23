import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, get, post } from '../../api/client.ts';
import type { SessionInfo } from '../../api/types.ts';
import { Loading } from '../../app/App.tsx';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { tokenFromHash } from './PasswordReset.tsx';

const ROLE_WORDS: Record<string, string> = {
  owner: 'an owner',
  co_parent: 'a co-parent',
  advocate: 'an advocate',
  viewer: 'a viewer',
};

export function AcceptInvitePage() {
  const token = tokenFromHash();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const session = useQuery({ queryKey: ['session'], queryFn: () => get<SessionInfo>('/auth/session') });
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () =>
      post<{ householdName: string; role: string; email: string; accountExists: boolean }>(
        '/invitations/preview',
        { token },
      ),
    retry: false,
  });
  const form = useForm({ initialValues: { displayName: '', password: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const signedIn = session.data?.signedIn;
      const result = await post<SessionInfo>(
        '/invitations/accept',
        signedIn ? { token } : { token, ...values },
      );
      client.setQueryData(['session'], result);
      navigate('/');
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  if (preview.isPending || session.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <AuthLayout title="This invitation cannot be used">
        <Alert color="red" role="alert">
          {preview.error instanceof ApiError ? preview.error.message : 'The invitation could not be read.'}
        </Alert>
      </AuthLayout>
    );
  }
  const invite = preview.data;
  const signedIn = session.data?.signedIn ?? false;
  return (
    <AuthLayout
      title={`Join ${invite.householdName}`}
      intro={`You are invited as ${ROLE_WORDS[invite.role] ?? invite.role}.`}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          {signedIn ? (
            <Text>You are signed in as {session.data?.user?.email}. Join with this account?</Text>
          ) : invite.accountExists ? (
            <Alert color="blue">
              An account already uses {invite.email}. Sign in first, then open the invitation link again.
            </Alert>
          ) : (
            <>
              <Text size="sm">Create your account for {invite.email}.</Text>
              <TextInput
                label="Your name"
                autoComplete="name"
                required
                {...form.getInputProps('displayName')}
              />
              <PasswordInput
                label="Password"
                description="At least 10 characters."
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
            </>
          )}
          {(signedIn || !invite.accountExists) && (
            <Button type="submit" loading={form.submitting}>
              Join the household
            </Button>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
