import {
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, del, patch, post } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import type { MemberRecord } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { useMembers } from '../../components/queries.ts';
import { useT } from '../../i18n/i18n.tsx';
import { QueryFailed } from './QueryFailed.tsx';
import { useInstantDay } from './revocable.tsx';
import { roleLabel, roleOptions } from './roles.ts';
import { useStaffLinks } from './StaffLinksSection.tsx';

type StaffLinkChoice = 'revoke' | 'transfer';

export function MembersSection({ householdId, isOwner }: { householdId: string; isOwner: boolean }) {
  const t = useT('household');
  const day = useInstantDay();
  const members = useMembers(householdId);
  // Owners see the staff links, to say how many a member being removed still has working.
  const links = useStaffLinks(householdId, isOwner);
  const [removing, setRemoving] = useState<MemberRecord | null>(null);
  const [staffLinks, setStaffLinks] = useState<StaffLinkChoice>('revoke');
  const [leaving, setLeaving] = useState(false);
  const client = useQueryClient();
  const current = useCurrent();
  const [, navigate] = useLocation();
  const me = current.session.user?.id;
  const owners = members.data?.filter((m) => m.role === 'owner').length ?? 0;
  const onlyOwner = current.role === 'owner' && owners === 1;
  const householdName =
    current.session.households.find((h) => h.id === householdId)?.name ?? t('household.thisHousehold');
  /** Working staff links the member made; undefined while the list is not known. */
  const heldLinks = (member: MemberRecord | null) =>
    member && links.data
      ? links.data.filter((l) => l.active && l.createdBy.userId === member.userId).length
      : undefined;
  const held = heldLinks(removing);

  const startRemoving = (member: MemberRecord) => {
    setStaffLinks('revoke');
    setRemoving(member);
  };

  const remove = async (member: MemberRecord) => {
    await del(`/households/${householdId}/members/${member.userId}?staffLinks=${staffLinks}`);
    notifications.show({
      color: 'green',
      message: t('household.members.removed', { name: member.displayName }),
    });
    await refreshHousehold(client, householdId);
  };

  const leave = async () => {
    await post(`/households/${householdId}/leave`);
    notifications.show({
      color: 'green',
      message: t('household.members.left', { household: householdName }),
    });
    client.removeQueries({ queryKey: ['household', householdId] });
    await current.refreshSession();
    navigate('/');
  };

  return (
    <Stack component="section" aria-labelledby="members-title" gap="sm">
      <Title order={3} id="members-title">
        {t('household.members.title')}
      </Title>
      {members.isPending ? (
        <Skeleton h={80} />
      ) : members.isError ? (
        <QueryFailed
          title={t('household.failed.members')}
          error={members.error}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {members.data.map((m) => (
            <Paper component="li" key={m.userId} withBorder p="sm">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text fw={600}>
                    {m.userId === me ? t('household.members.you', { name: m.displayName }) : m.displayName}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }} c="dimmed">
                    {m.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('household.members.since', { date: day(m.joinedAt) })}
                  </Text>
                </Stack>
                {isOwner && !(m.role === 'owner' && owners === 1) ? (
                  <Group gap="xs" align="flex-end" wrap="wrap">
                    <RoleChanger householdId={householdId} member={m} isMe={m.userId === me} />
                    {/* You leave with "Leave this household" below, never by removing yourself. */}
                    {m.userId !== me && (
                      <Button
                        variant="default"
                        color="red"
                        onClick={() => startRemoving(m)}
                        aria-label={t('household.members.removeNamed', { name: m.displayName })}
                      >
                        {t('household.members.remove')}
                      </Button>
                    )}
                  </Group>
                ) : (
                  <Stack gap={4} align="flex-start" maw={220}>
                    <Badge variant="light" size="lg" tt="none">
                      {roleLabel(t, m.role)}
                    </Badge>
                    {isOwner && (
                      <Text size="xs" c="dimmed">
                        {t('household.members.onlyOwnerRole')}
                      </Text>
                    )}
                  </Stack>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {members.isSuccess && (
        <Group gap="sm" align="center">
          {onlyOwner ? (
            <Text size="sm" c="dimmed">
              {t('household.members.onlyOwnerLeave')}
            </Text>
          ) : (
            <Button variant="default" color="red" onClick={() => setLeaving(true)} w="fit-content">
              {t('household.members.leave')}
            </Button>
          )}
        </Group>
      )}
      <ConfirmModal
        opened={removing != null}
        onClose={() => setRemoving(null)}
        title={t('household.remove.title', { name: removing?.displayName ?? '' })}
        confirmLabel={t('household.remove.confirm')}
        onConfirm={() => (removing ? remove(removing) : Promise.resolve())}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('household.remove.body', { name: removing?.displayName ?? '', email: removing?.email ?? '' })}
          </Text>
          <Text size="sm">{t('household.stopAtOnce')}</Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('household.remove.calendar')}</List.Item>
            <List.Item>{t('household.remove.invitations')}</List.Item>
          </List>
          {held === 0 ? (
            <Text size="sm">{t('household.remove.noLinks')}</Text>
          ) : (
            <Radio.Group
              label={held ? t('household.remove.linksCount', { count: held }) : t('household.remove.links')}
              value={staffLinks}
              onChange={(v) => setStaffLinks(v === 'transfer' ? 'transfer' : 'revoke')}
            >
              <Stack gap="xs" mt={6}>
                <Radio
                  value="revoke"
                  label={t('household.remove.revoke')}
                  description={t('household.remove.revokeHelp')}
                />
                <Radio
                  value="transfer"
                  label={t('household.remove.transfer')}
                  description={t('household.remove.transferHelp')}
                />
              </Stack>
            </Radio.Group>
          )}
        </Stack>
      </ConfirmModal>
      <ConfirmModal
        opened={leaving}
        onClose={() => setLeaving(false)}
        title={t('household.leave.title')}
        confirmLabel={t('household.leave.confirm')}
        onConfirm={leave}
      >
        <Stack gap="sm">
          <Text size="sm">{t('household.leave.body', { household: householdName })}</Text>
          <Text size="sm">{t('household.stopAtOnce')}</Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('household.leave.calendar')}</List.Item>
            <List.Item>{t('household.leave.links')}</List.Item>
            <List.Item>{t('household.leave.invitations')}</List.Item>
          </List>
        </Stack>
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
  const t = useT('household');
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
      notifications.show({
        color: 'green',
        message: t('household.members.roleChanged', { name: member.displayName, role }),
      });
    } catch (e) {
      setError(
        e instanceof ApiError ? (e.fieldError('role') ?? e.message) : t('household.members.roleNotChanged'),
      );
    } finally {
      setPending(null);
    }
  };
  return (
    <NativeSelect
      label={t('household.members.roleOf', { name: member.displayName })}
      value={pending ?? member.role}
      data={roleOptions(t)}
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
