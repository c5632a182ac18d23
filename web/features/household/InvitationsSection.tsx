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
import { formatInstantDay } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { QueryFailed } from './QueryFailed.tsx';
import { ConfirmRevoke, CreatedLine, DaysInput, RevocableList, RevokeButton } from './revocable.tsx';
import { ROLE_HELP, ROLE_OPTIONS, type Role, roleWords } from './roles.ts';

type Created = InvitationRecord & { link: string; emailed: boolean };

export function InvitationsSection({ householdId }: { householdId: string }) {
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
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Give an email address'),
      expiresInDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 30
          ? null
          : 'Give a number of days from 1 to 30',
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
      message: `The invitation for ${invitation.email} was revoked; its link no longer works.`,
    });
    if (created?.id === invitation.id) setCreated(null);
    await client.invalidateQueries({ queryKey: ['household', householdId] });
  };

  return (
    <Stack component="section" aria-labelledby="invite-title" gap="sm">
      <Title order={3} id="invite-title">
        Invite someone
      </Title>
      <Text size="sm" c="dimmed">
        They get a link that works once, and only for the email address you enter here. Only owners can
        invite.
      </Text>
      <Paper withBorder p="md">
        <FormStack onSubmit={submit} error={error} gap="sm">
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            required
            {...form.getInputProps('email')}
          />
          <NativeSelect
            label="Invite as"
            data={ROLE_OPTIONS}
            description={ROLE_HELP[form.values.role]}
            {...form.getInputProps('role')}
          />
          <DaysInput max={30} {...form.getInputProps('expiresInDays')} />
          <Button type="submit" loading={form.submitting} w="fit-content">
            Create the invitation
          </Button>
        </FormStack>
      </Paper>

      {created && (
        <Alert color="green" title={`Invitation for ${created.email} created`} role="status">
          <Stack gap="xs">
            <Text size="sm">
              {created.emailed
                ? `We emailed the link to ${created.email}. You can also send it yourself:`
                : 'It was not emailed (email is not set up on this server). Send this link yourself:'}
            </Text>
            <CopyLink label="Invitation link" value={created.link} copyLabel="Copy the invitation link" />
            <Text size="xs">
              It works once, for {roleWords(created.role)}, until {formatInstantDay(created.expiresAt)}.
            </Text>
          </Stack>
        </Alert>
      )}

      <Title order={4} id="pending-title">
        Invitations not yet accepted
      </Title>
      {invitations.isPending ? (
        <Skeleton h={40} />
      ) : invitations.isError ? (
        <QueryFailed
          what="the invitations"
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
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
                    As {roleWords(i.role)} · works until {formatInstantDay(i.expiresAt)}
                  </Text>
                  <CreatedLine by={i.createdBy} at={i.createdAt} me={me} />
                </Stack>
                <RevokeButton what={`the invitation for ${i.email}`} onClick={() => setRevoking(i)} />
              </Group>
            </Paper>
          ))}
        </RevocableList>
      )}
      <ConfirmRevoke
        title="Revoke this invitation?"
        confirmLabel="Yes, revoke the invitation"
        item={revoking}
        onClose={() => setRevoking(null)}
        revoke={revoke}
      >
        The link sent to {revoking?.email} will stop working at once. You can invite them again later.
      </ConfirmRevoke>
    </Stack>
  );
}
