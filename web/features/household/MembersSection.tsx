import { Badge, Button, Group, NativeSelect, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, del, patch } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import type { MemberRecord } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { useMembers } from '../../components/queries.ts';
import { formatDay } from './format.ts';
import { QueryFailed } from './QueryFailed.tsx';
import { ROLE_OPTIONS, roleLabel, roleWords } from './roles.ts';

export function MembersSection({ householdId, isOwner }: { householdId: string; isOwner: boolean }) {
  const members = useMembers(householdId);
  const [removing, setRemoving] = useState<MemberRecord | null>(null);
  const client = useQueryClient();
  const current = useCurrent();
  const me = current.session.user?.id;
  const owners = members.data?.filter((m) => m.role === 'owner').length ?? 0;

  const remove = async (member: MemberRecord) => {
    await del(`/households/${householdId}/members/${member.userId}`);
    notifications.show({ color: 'green', message: `${member.displayName} was removed from the household.` });
    await refreshHousehold(client, householdId);
    if (member.userId === me) await current.refreshSession();
  };

  return (
    <Stack component="section" aria-labelledby="members-title" gap="sm">
      <Title order={3} id="members-title">
        Members
      </Title>
      {members.isPending ? (
        <Skeleton h={80} />
      ) : members.isError ? (
        <QueryFailed what="the members" error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {members.data.map((m) => (
            <Paper component="li" key={m.userId} withBorder p="sm">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text fw={600}>
                    {m.displayName}
                    {m.userId === me ? ' (you)' : ''}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }} c="dimmed">
                    {m.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Member since {formatDay(m.joinedAt)}
                  </Text>
                </Stack>
                {isOwner && !(m.role === 'owner' && owners === 1) ? (
                  <Group gap="xs" align="flex-end" wrap="wrap">
                    <RoleChanger householdId={householdId} member={m} isMe={m.userId === me} />
                    <Button
                      variant="default"
                      color="red"
                      onClick={() => setRemoving(m)}
                      aria-label={`Remove ${m.displayName}`}
                    >
                      Remove
                    </Button>
                  </Group>
                ) : (
                  <Stack gap={4} align="flex-start" maw={220}>
                    <Badge variant="light" size="lg" tt="none">
                      {roleLabel(m.role)}
                    </Badge>
                    {isOwner && (
                      <Text size="xs" c="dimmed">
                        The only owner. Make someone else owner before changing this role.
                      </Text>
                    )}
                  </Stack>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <ConfirmModal
        opened={removing != null}
        onClose={() => setRemoving(null)}
        title={removing?.userId === me ? 'Leave this household?' : `Remove ${removing?.displayName ?? ''}?`}
        confirmLabel={removing?.userId === me ? 'Leave the household' : 'Remove from the household'}
        onConfirm={() => (removing ? remove(removing) : Promise.resolve())}
      >
        {removing?.userId === me
          ? 'You will no longer see this household or its records. Another owner can invite you again.'
          : `${removing?.displayName ?? ''} (${removing?.email ?? ''}) will no longer see this household or its records. What they recorded stays. You can invite them again later.`}
      </ConfirmModal>
    </Stack>
  );
}

function RoleChanger({
  householdId,
  member,
  isMe,
}: {
  householdId: string;
  member: MemberRecord;
  isMe: boolean;
}) {
  const client = useQueryClient();
  const current = useCurrent();
  // The choice shows while it is saved; a refused change goes back to the role the server has.
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = async (role: string) => {
    if (role === member.role) return;
    setPending(role);
    setError(null);
    try {
      await patch<MemberRecord>(`/households/${householdId}/members/${member.userId}`, { role });
      await refreshHousehold(client, householdId);
      if (isMe) await current.refreshSession();
      notifications.show({ color: 'green', message: `${member.displayName} is now ${roleWords(role)}.` });
    } catch (e) {
      setError(
        e instanceof ApiError ? (e.fieldError('role') ?? e.message) : 'The role was not changed: try again.',
      );
    } finally {
      setPending(null);
    }
  };
  return (
    <NativeSelect
      label={`Role of ${member.displayName}`}
      value={pending ?? member.role}
      data={ROLE_OPTIONS}
      disabled={pending != null}
      error={error ? capitalise(error) : undefined}
      onChange={(e) => void change(e.currentTarget.value)}
      w={190}
    />
  );
}

/** Members appear on other pages too (who recorded an entry), under the shared ['members', id] key. */
export async function refreshHousehold(client: QueryClient, householdId: string) {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['household', householdId] }),
    client.invalidateQueries({ queryKey: ['members', householdId] }),
  ]);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
