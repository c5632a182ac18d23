import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post, put } from '../../api/client.ts';
import { askAgainInLanguage } from '../../api/language-change.ts';
import { useCurrent } from '../../api/session.tsx';
import type { SessionInfo } from '../../api/types.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';

export default function AccountPage() {
  const current = useCurrent();
  const client = useQueryClient();
  const t = useT();
  const tParts = useTParts();
  const saveLanguage = async (language: string) => {
    try {
      client.setQueryData(['session'], await put<SessionInfo>('/auth/language', { language }));
      // The server words its answers in the account's language: what it answered before the choice was saved may be in the old one.
      await askAgainInLanguage(client);
    } catch {
      notifications.show({ color: 'red', message: t('language.notSaved') });
    }
  };
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await post('/auth/password', values);
      form.reset();
      notifications.show({
        color: 'green',
        message: t('account.password.changed'),
      });
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  const signOut = async (everywhere: boolean) => {
    await post(everywhere ? '/auth/logout-everywhere' : '/auth/logout');
    client.clear();
    window.location.assign('/sign-in');
  };
  return (
    <Stack maw={520}>
      <Title order={2}>{t('account.title')}</Title>
      <Text>
        {tParts('account.signedInAs', {
          name: <bdi>{current.session.user?.displayName}</bdi>,
          email: <bdi>{current.session.user?.email}</bdi>,
        })}
      </Text>
      <LanguagePicker onChoose={saveLanguage} description={t('account.language.help')} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t('account.password.title')}
          </Title>
          <FormError message={error} />
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
      <Group mt="lg">
        <Button variant="default" onClick={() => void signOut(false)}>
          {t('account.signOut')}
        </Button>
        <Button variant="subtle" color="red" onClick={() => void signOut(true)}>
          {t('account.signOutEverywhere')}
        </Button>
      </Group>
    </Stack>
  );
}
