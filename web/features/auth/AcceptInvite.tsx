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
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { NameField } from './auth-form.tsx';
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
  const t = useT();
  const { language } = useLanguage();
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
        // A new account keeps the language its invitation was read in.
        signedIn ? { token } : { token, ...values, language },
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
      setError(e instanceof ApiError ? e.message : t('invite.signOutFailed'));
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
      <AuthLayout title={t('invite.unusable')}>
        <Alert color="red" role="alert">
          {preview.error instanceof ApiError ? preview.error.message : t('invite.unreadable')}
        </Alert>
      </AuthLayout>
    );
  }
  const invite = preview.data;
  const signedIn = session.data?.signedIn ?? false;
  const intro = t('invite.intro', { role: invite.role });
  const title = t('invite.join', { household: invite.householdName });
  const email = session.data?.user?.email ?? '';

  if (signedIn && invite.wrongAccount) {
    return (
      <AuthLayout title={title} intro={intro}>
        <Stack>
          <FormError message={error} />
          <Alert color="red" role="alert" title={t('invite.wrongAccount.title', { sentTo: invite.sentTo })}>
            {t('invite.wrongAccount.body', { email, sentTo: invite.sentTo })}
          </Alert>
          <Button onClick={() => void signOut()}>
            {t('invite.wrongAccount.signOut', { sentTo: invite.sentTo })}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  if (!signedIn && invite.accountExists) {
    return (
      <AuthLayout title={title} intro={intro}>
        <form onSubmit={signIn} noValidate>
          <Stack>
            <FormError message={error} />
            <Text size="sm">{t('invite.accountExists', { email: invite.email })}</Text>
            <TextInput label={t('auth.email')} value={invite.email} readOnly autoComplete="username" />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...signInForm.getInputProps('password')}
            />
            <Button type="submit" loading={signInForm.submitting}>
              {t('auth.signIn.submit')}
            </Button>
          </Stack>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={title} intro={intro}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          {signedIn ? (
            <Text>{t('invite.signedInAs', { email })}</Text>
          ) : (
            <>
              <Text size="sm">{t('invite.createFor', { email: invite.email })}</Text>
              <NameField {...form.getInputProps('displayName')} />
              <PasswordInput
                label={t('auth.password')}
                description={t('auth.passwordHint')}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
            </>
          )}
          <Button type="submit" loading={form.submitting}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
