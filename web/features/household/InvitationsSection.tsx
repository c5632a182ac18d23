import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get, post } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import type { InvitationRecord } from '../../api/types.ts';
import { CopyLink } from '../../components/CopyLink.tsx';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { QueryFailed } from './QueryFailed.tsx';
import {
  ConfirmRevoke,
  CreatedLine,
  DaysInput,
  RevocableList,
  RevokeButton,
  useInstantDay,
} from './revocable.tsx';
import { type Role, roleHelp, roleOptions } from './roles.ts';

type Created = InvitationRecord & { link: string; emailed: boolean };

export function InvitationsSection({ householdId }: { householdId: string }) {
  const t = useT('household');
  const day = useInstantDay();
  const client = useQueryClient();
  const me = useCurrent().session.user?.id;
  const invitations = useQuery({
    queryKey: ['household', householdId, 'invitations'],
    queryFn: () => get<InvitationRecord[]>(`/households/${householdId}/invitations`),
  });
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<InvitationRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ email: string; role: Role; expiresInDays: number | string }>({
    initialValues: { email: '', role: 'co_parent', expiresInDays: 7 },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('household.invite.emailInvalid')),
      expiresInDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 30
          ? null
          : t('household.daysInvalid', { max: 30 }),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const result = await post<Created>(`/households/${householdId}/invitations`, {
        email: values.email.trim(),
        role: values.role,
        expiresInDays: values.expiresInDays,
      });
      setCreated(result);
      form.reset();
      await client.invalidateQueries({ queryKey: ['household', householdId] });
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  const revoke = async (invitation: InvitationRecord) => {
    await del(`/households/${householdId}/invitations/${invitation.id}`);
    notifications.show({
      color: 'green',
      message: t('household.invite.revoked', { email: invitation.email }),
    });
    if (created?.id === invitation.id) setCreated(null);
    await client.invalidateQueries({ queryKey: ['household', householdId] });
  };

  return (
    <Stack component="section" aria-labelledby="invite-title" gap="sm">
      <Title order={3} id="invite-title">
        {t('household.invite.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('household.invite.intro')}
      </Text>
      <Paper withBorder p="md">
        <FormStack onSubmit={submit} error={error} gap="sm">
          <TextInput
            label={t('household.invite.email')}
            type="email"
            autoComplete="off"
            required
            {...form.getInputProps('email')}
          />
          <NativeSelect
            label={t('household.invite.as')}
            data={roleOptions(t)}
            description={roleHelp(t, form.values.role)}
            {...form.getInputProps('role')}
          />
          <DaysInput max={30} {...form.getInputProps('expiresInDays')} />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('household.invite.submit')}
          </Button>
        </FormStack>
      </Paper>

      {created && (
        <Alert color="green" title={t('household.invite.created', { email: created.email })} role="status">
          <Stack gap="xs">
            <Text size="sm">
              {created.emailed
                ? t('household.invite.emailed', { email: created.email })
                : t('household.invite.notEmailed')}
            </Text>
            <CopyLink
              label={t('household.invite.link')}
              value={created.link}
              copyLabel={t('household.invite.copy')}
            />
            <Text size="xs">
              {t('household.invite.worksOnce', { role: created.role, date: day(created.expiresAt) })}
            </Text>
          </Stack>
        </Alert>
      )}

      <Title order={4} id="pending-title">
        {t('household.invite.pending')}
      </Title>
      {invitations.isPending ? (
        <Skeleton h={40} />
      ) : invitations.isError ? (
        <QueryFailed
          title={t('household.failed.invitations')}
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('household.none')}
        </Text>
      ) : (
        <RevocableList labelledBy="pending-title">
          {invitations.data.map((i) => (
            <Paper component="li" key={i.id} withBorder p="sm">
              <Group justify="space-between" gap="sm">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {i.email}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('household.invite.item', { role: i.role, date: day(i.expiresAt) })}
                  </Text>
                  <CreatedLine by={i.createdBy} at={i.createdAt} me={me} />
                </Stack>
                <RevokeButton
                  label={t('household.invite.revokeNamed', { email: i.email })}
                  onClick={() => setRevoking(i)}
                />
              </Group>
            </Paper>
          ))}
        </RevocableList>
      )}
      <ConfirmRevoke
        title={t('household.invite.revokeTitle')}
        confirmLabel={t('household.invite.revokeConfirm')}
        item={revoking}
        onClose={() => setRevoking(null)}
        revoke={revoke}
      >
        {t('household.invite.revokeBody', { email: revoking?.email ?? '' })}
      </ConfirmRevoke>
    </Stack>
  );
}
