import {
  Alert,
  Badge,
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
import { get, post } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import type { Child, StaffLinkRecord } from '../../api/types.ts';
import { CopyLink } from '../../components/CopyLink.tsx';
import { formatInstantDay } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useChildServices } from '../../components/queries.ts';
import { QueryFailed } from './QueryFailed.tsx';
import { ConfirmRevoke, CreatedLine, DaysInput, RevocableList, RevokeButton } from './revocable.tsx';

const DEFAULT_DAYS = 120;
const ALL = 'all';

export const staffLinksKey = (householdId: string) => ['household', householdId, 'staff-links'];

export function useStaffLinks(householdId: string, enabled: boolean) {
  return useQuery({
    queryKey: staffLinksKey(householdId),
    queryFn: () => get<StaffLinkRecord[]>(`/households/${householdId}/staff-links`),
    enabled,
  });
}

type Created = StaffLinkRecord & { link: string };

export function StaffLinksSection({
  householdId,
  child,
  kids,
}: {
  householdId: string;
  child: Child;
  kids: Child[];
}) {
  const client = useQueryClient();
  const me = useCurrent().session.user?.id;
  const links = useStaffLinks(householdId, true);
  const childServices = useChildServices(householdId, child.id);
  const endedPlans = new Set(childServices.plans.filter((p) => p.status === 'ended').map((p) => p.id));
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<StaffLinkRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ scope: string; label: string; expiresInDays: number | string }>({
    initialValues: { scope: ALL, label: '', expiresInDays: DEFAULT_DAYS },
    validate: {
      label: (v) => (v.trim() ? null : 'Say who the link is for, so you can tell links apart'),
      expiresInDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 366
          ? null
          : 'Give a number of days from 1 to 366',
    },
  });

  const serviceName = (id: string | undefined) => childServices.services.find((s) => s.id === id)?.name;
  const childName = (id: string) => kids.find((k) => k.id === id)?.firstName ?? 'a child';
  const scopeText = (l: StaffLinkRecord) =>
    l.scope.kind === 'child'
      ? `All of ${childName(l.scope.childId)}’s services`
      : (serviceName(l.scope.serviceId) ?? `One of ${childName(l.scope.childId)}’s services`);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const scope = values.scope === ALL ? { childId: child.id } : { serviceId: values.scope };
      const result = await post<Created>(`/households/${householdId}/staff-links`, {
        ...scope,
        label: values.label.trim(),
        expiresInDays: values.expiresInDays,
      });
      setCreated(result);
      form.reset();
      await client.invalidateQueries({ queryKey: ['household', householdId] });
    } catch (e) {
      setError(applyApiError(form, e, { serviceId: 'scope', childId: 'scope' }));
    }
  });

  const revoke = async (link: StaffLinkRecord) => {
    await post(`/households/${householdId}/staff-links/${link.id}/revoke`);
    notifications.show({
      color: 'green',
      message: `The link for ${link.label ?? 'staff'} was revoked; it stopped working.`,
    });
    if (created?.id === link.id) setCreated(null);
    await client.invalidateQueries({ queryKey: ['household', householdId] });
  };

  const sorted = [...(links.data ?? [])].sort((a, b) =>
    a.active === b.active ? b.createdAt.localeCompare(a.createdAt) : a.active ? -1 : 1,
  );

  const scopeOptions = [
    { value: ALL, label: `All of ${child.firstName}’s services` },
    ...childServices.services.map((s) => ({
      value: s.id,
      label: `${s.name}${s.providerRole ? ` (${s.providerRole})` : ''}${endedPlans.has(s.planId) ? ', ended plan' : ''}`,
    })),
  ];

  return (
    <Stack component="section" aria-labelledby="staff-links-title" gap="sm">
      <Title order={3} id="staff-links-title">
        Staff links
      </Title>
      <Text size="sm">
        Give a therapist or case manager a link to confirm sessions, no account needed. The link shows only{' '}
        <bdi>{child.firstName}</bdi>’s first name, the services it covers and the expected sessions of recent
        weeks. What they confirm appears here at once, marked “provider, via link”.
      </Text>
      <Paper withBorder p="md">
        <FormStack onSubmit={submit} error={error} gap="sm">
          {childServices.error ? (
            <Alert color="red" role="alert" title={`Could not load ${child.firstName}’s services`}>
              You can still make a link for all of them, or reload the page to try again.
            </Alert>
          ) : null}
          <NativeSelect
            label="What the link covers"
            data={scopeOptions}
            disabled={childServices.isPending}
            description={childServices.isPending ? 'Loading the services…' : undefined}
            {...form.getInputProps('scope')}
          />
          <TextInput
            label="Who it is for"
            description="For example: Mr. Chen, SLP"
            required
            maxLength={200}
            {...form.getInputProps('label')}
          />
          <DaysInput max={366} {...form.getInputProps('expiresInDays')} />
          <Button type="submit" loading={form.submitting} w="fit-content">
            Create the staff link
          </Button>
        </FormStack>
      </Paper>

      {created && (
        <Alert color="green" title={`Staff link for ${created.label ?? 'staff'} created`} role="status">
          <Stack gap="xs">
            <Text size="sm">
              Send this link to them yourself. This is the only time it is shown: if it gets lost, revoke it
              and make a new one.
            </Text>
            <CopyLink label="Staff link" value={created.link} copyLabel="Copy the staff link" />
            <Text size="xs">
              Covers: {scopeText(created)}. Works until {formatInstantDay(created.expiresAt)}, unless you
              revoke it.
            </Text>
          </Stack>
        </Alert>
      )}

      <Title order={4} id="links-list-title">
        Staff links in this household
      </Title>
      {links.isPending ? (
        <Skeleton h={40} />
      ) : links.isError ? (
        <QueryFailed what="the staff links" error={links.error} onRetry={() => void links.refetch()} />
      ) : sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet.
        </Text>
      ) : (
        <RevocableList labelledBy="links-list-title">
          {sorted.map((l) => {
            // A link whose maker has left the household stopped working then, even if never revoked.
            const state = l.revokedAt
              ? 'Revoked'
              : l.active
                ? 'Active'
                : l.createdBy.formerMember
                  ? 'Stopped'
                  : 'Expired';
            return (
              <Paper component="li" key={l.id} withBorder p="sm">
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Group gap="xs">
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {l.label ?? 'No name'}
                      </Text>
                      <Badge
                        variant="light"
                        tt="none"
                        color={state === 'Active' ? 'green' : state === 'Expired' ? 'orange' : 'gray'}
                      >
                        {state}
                      </Badge>
                    </Group>
                    <Text size="sm">{scopeText(l)}</Text>
                    <CreatedLine by={l.createdBy} at={l.createdAt} me={me} />
                    <Text size="xs" c="dimmed">
                      {l.revokedAt
                        ? `Revoked ${formatInstantDay(l.revokedAt)}`
                        : l.active
                          ? `Works until ${formatInstantDay(l.expiresAt)}`
                          : state === 'Stopped'
                            ? 'Stopped when the person who made it left the household'
                            : `Expired ${formatInstantDay(l.expiresAt)}`}{' '}
                      · {l.lastUsedAt ? `last used ${formatInstantDay(l.lastUsedAt)}` : 'not used yet'}
                    </Text>
                  </Stack>
                  {l.active && (
                    <RevokeButton
                      what={`the link for ${l.label ?? 'staff'}`}
                      onClick={() => setRevoking(l)}
                    />
                  )}
                </Group>
              </Paper>
            );
          })}
        </RevocableList>
      )}
      <ConfirmRevoke
        title="Revoke this staff link?"
        confirmLabel="Yes, revoke the link"
        item={revoking}
        onClose={() => setRevoking(null)}
        revoke={revoke}
      >
        The link for {revoking?.label ?? 'staff'} will stop working at once. What was already confirmed
        through it stays. You can make a new link later.
      </ConfirmRevoke>
    </Stack>
  );
}
