import { Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get, post } from '../../api/client.ts';
import type { InvitationRecord } from '../../api/types.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { CreatedAlert, DaysInput, RevocableCard, RevocableItems, useInstantDay } from './revocable.tsx';
import { type Role, roleHelp, roleOptions } from './roles.ts';

type Created = InvitationRecord & { link: string; emailed: boolean };

export function InvitationsSection({ householdId }: { householdId: string }) {
  const t = useT('household');
  const day = useInstantDay();
  const client = useQueryClient();
  const invitations = useQuery({
    queryKey: ['household', householdId, 'invitations'],
    queryFn: () => get<InvitationRecord[]>(`/households/${householdId}/invitations`),
  });
  const [created, setCreated] = useState<Created | null>(null);
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
        <CreatedAlert
          title={t('household.invite.created', { email: created.email })}
          message={
            created.emailed
              ? t('household.invite.emailed', { email: created.email })
              : t('household.invite.notEmailed')
          }
          linkLabel={t('household.invite.link')}
          link={created.link}
          copyLabel={t('household.invite.copy')}
          note={t('household.invite.worksOnce', { role: created.role, date: day(created.expiresAt) })}
        />
      )}

      <Title order={4} id="pending-title">
        {t('household.invite.pending')}
      </Title>
      <RevocableItems
        query={invitations}
        items={invitations.data ?? []}
        failedTitle={t('household.failed.invitations')}
        emptyText={t('household.none')}
        labelledBy="pending-title"
        confirm={{
          title: t('household.invite.revokeTitle'),
          confirmLabel: t('household.invite.revokeConfirm'),
          body: (i) => t('household.invite.revokeBody', { email: i?.email ?? '' }),
          revoke,
        }}
        card={(i, askRevoke) => (
          <RevocableCard
            key={i.id}
            name={i.email}
            createdBy={i.createdBy}
            createdAt={i.createdAt}
            revokeLabel={t('household.invite.revokeNamed', { email: i.email })}
            onRevoke={askRevoke}
          >
            <Text size="sm" c="dimmed">
              {t('household.invite.item', { role: i.role, date: day(i.expiresAt) })}
            </Text>
          </RevocableCard>
        )}
      />
    </Stack>
  );
}
