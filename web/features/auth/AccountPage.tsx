import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import { applyApiError, FormError } from '../../components/form-errors.tsx';

export default function AccountPage() {
  const current = useCurrent();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await post('/auth/password', values);
      form.reset();
      notifications.show({
        color: 'green',
        message: 'Your password was changed. Other browsers were signed out.',
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
      <Title order={2}>Account</Title>
      <Text>
        Signed in as <bdi>{current.session.user?.displayName}</bdi> ({current.session.user?.email})
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            Change your password
          </Title>
          <FormError message={error} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters."
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            Change password
          </Button>
        </Stack>
      </form>
      <Group mt="lg">
        <Button variant="default" onClick={() => void signOut(false)}>
          Sign out
        </Button>
        <Button variant="subtle" color="red" onClick={() => void signOut(true)}>
          Sign out everywhere
        </Button>
      </Group>
    </Stack>
  );
}
