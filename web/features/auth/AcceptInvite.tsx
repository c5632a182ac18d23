import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, post } from '../../api/client.ts';
import { useSessionInfo } from '../../api/session.tsx';
import type { SessionInfo } from '../../api/types.ts';
import { Loading } from '../../app/App.tsx';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { roleWords } from '../household/roles.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { tokenFromHash } from './PasswordReset.tsx';

type Preview = {
  householdName: string;
  role: string;
  email: string;
  accountExists: boolean;
  /** The invited address, masked: "g***@example.com". */
  sentTo: string;
  /** Someone other than the invited address is signed in. */
  wrongAccount: boolean;
};

export function AcceptInvitePage() {
  const token = tokenFromHash();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  // The shared session query also sets the CSRF token that joining (and signing out) need.
  const session = useSessionInfo();
  const userId = session.data?.user?.id ?? null;
  const preview = useQuery({
    // Keyed by who is signed in: whether they are the invited address is part of the answer.
    queryKey: ['invitation', token, userId],
    queryFn: () => post<Preview>('/invitations/preview', { token }),
    enabled: !session.isPending,
    retry: false,
  });
  const form = useForm({ initialValues: { displayName: '', password: '' } });
  const signInForm = useForm({ initialValues: { password: '' } });
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
  const signOut = async () => {
    setError(null);
    try {
      await post('/auth/logout');
      client.setQueryData(['session'], {
        ...session.data,
        signedIn: false,
        user: null,
        csrfToken: null,
        households: [],
      });
      await client.invalidateQueries({ queryKey: ['session'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not sign out. Try again.');
    }
  };
  const signIn = signInForm.onSubmit(async (values) => {
    setError(null);
    try {
      const result = await post<SessionInfo>('/auth/login', { email: preview.data?.email, ...values });
      client.setQueryData(['session'], result);
    } catch (e) {
      setError(applyApiError(signInForm, e));
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
  const intro = `You are invited as ${roleWords(invite.role)}.`;

  if (signedIn && invite.wrongAccount) {
    return (
      <AuthLayout title={`Join ${invite.householdName}`} intro={intro}>
        <Stack>
          <FormError message={error} />
          <Alert color="red" role="alert" title={`This invitation was sent to ${invite.sentTo}`}>
            You are signed in as {session.data?.user?.email}. Only {invite.sentTo} can use this invitation.
            Sign out, then sign in as {invite.sentTo}. If that is not you, ask the family to invite you at
            your own email address.
          </Alert>
          <Button onClick={() => void signOut()}>Sign out and use {invite.sentTo}</Button>
        </Stack>
      </AuthLayout>
    );
  }

  if (!signedIn && invite.accountExists) {
    return (
      <AuthLayout title={`Join ${invite.householdName}`} intro={intro}>
        <form onSubmit={signIn} noValidate>
          <Stack>
            <FormError message={error} />
            <Text size="sm">An account already uses {invite.email}. Sign in to it to join.</Text>
            <TextInput label="Email" value={invite.email} readOnly autoComplete="username" />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...signInForm.getInputProps('password')}
            />
            <Button type="submit" loading={signInForm.submitting}>
              Sign in
            </Button>
          </Stack>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={`Join ${invite.householdName}`} intro={intro}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          {signedIn ? (
            <Text>You are signed in as {session.data?.user?.email}. Join with this account?</Text>
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
          <Button type="submit" loading={form.submitting}>
            Join the household
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
