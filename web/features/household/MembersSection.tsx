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
import { formatInstantDay } from '../../components/dates.ts';
import { plural } from '../../components/plain-words.ts';
import { useMembers } from '../../components/queries.ts';
import { QueryFailed } from './QueryFailed.tsx';
import { ROLE_OPTIONS, roleLabel, roleWords } from './roles.ts';
import { useStaffLinks } from './StaffLinksSection.tsx';

type StaffLinkChoice = 'revoke' | 'transfer';

export function MembersSection({ householdId, isOwner }: { householdId: string; isOwner: boolean }) {
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
    current.session.households.find((h) => h.id === householdId)?.name ?? 'this household';
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
    notifications.show({ color: 'green', message: `${member.displayName} was removed from the household.` });
    await refreshHousehold(client, householdId);
  };

  const leave = async () => {
    await post(`/households/${householdId}/leave`);
    notifications.show({ color: 'green', message: `You left ${householdName}.` });
    client.removeQueries({ queryKey: ['household', householdId] });
    await current.refreshSession();
    navigate('/');
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
                    Member since {formatInstantDay(m.joinedAt)}
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
                        aria-label={`Remove ${m.displayName}`}
                      >
                        Remove
                      </Button>
                    )}
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
      {members.isSuccess && (
        <Group gap="sm" align="center">
          {onlyOwner ? (
            <Text size="sm" c="dimmed">
              You are the only owner, so you cannot leave. Make someone else owner first.
            </Text>
          ) : (
            <Button variant="default" color="red" onClick={() => setLeaving(true)} w="fit-content">
              Leave this household
            </Button>
          )}
        </Group>
      )}
      <ConfirmModal
        opened={removing != null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.displayName ?? ''}?`}
        confirmLabel="Remove from the household"
        onConfirm={() => (removing ? remove(removing) : Promise.resolve())}
      >
        <Stack gap="sm">
          <Text size="sm">
            {removing?.displayName} ({removing?.email}) will no longer see this household or its records. What
            they recorded stays. You can invite them again later.
          </Text>
          <Text size="sm">These stop working at once:</Text>
          <List size="sm" spacing={2}>
            <List.Item>their calendar addresses for this household</List.Item>
            <List.Item>invitations they sent that nobody has accepted yet</List.Item>
          </List>
          {held === 0 ? (
            <Text size="sm">They have no working staff links.</Text>
          ) : (
            <Radio.Group
              label={
                held
                  ? `Their staff links (${plural(held, 'working link', 'working links')})`
                  : 'Their staff links'
              }
              value={staffLinks}
              onChange={(v) => setStaffLinks(v === 'transfer' ? 'transfer' : 'revoke')}
            >
              <Stack gap="xs" mt={6}>
                <Radio
                  value="revoke"
                  label="Revoke their staff links"
                  description="The links stop working. Send a new link to anyone who still needs one."
                />
                <Radio
                  value="transfer"
                  label="Hand their staff links to me"
                  description="The links keep working, and they are listed as yours."
                />
              </Stack>
            </Radio.Group>
          )}
        </Stack>
      </ConfirmModal>
      <ConfirmModal
        opened={leaving}
        onClose={() => setLeaving(false)}
        title="Leave this household?"
        confirmLabel="Leave the household"
        onConfirm={leave}
      >
        <Stack gap="sm">
          <Text size="sm">
            You will no longer see {householdName} or its records. What you recorded stays. An owner can
            invite you again.
          </Text>
          <Text size="sm">These stop working at once:</Text>
          <List size="sm" spacing={2}>
            <List.Item>your calendar addresses for this household</List.Item>
            <List.Item>the staff links you made (the family can make new ones)</List.Item>
            <List.Item>invitations you sent that nobody has accepted yet</List.Item>
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
