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
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useChildServices } from '../../components/queries.ts';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { QueryFailed } from './QueryFailed.tsx';
import {
  ConfirmRevoke,
  CreatedLine,
  DaysInput,
  RevocableList,
  RevokeButton,
  useInstantDay,
} from './revocable.tsx';

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
  const t = useT('household');
  const tParts = useTParts();
  const day = useInstantDay();
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
      label: (v) => (v.trim() ? null : t('household.links.forMissing')),
      expiresInDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 366
          ? null
          : t('household.daysInvalid', { max: 366 }),
    },
  });

  const serviceName = (id: string | undefined) => childServices.services.find((s) => s.id === id)?.name;
  const childName = (id: string) => kids.find((k) => k.id === id)?.firstName ?? t('household.links.aChild');
  const scopeText = (l: StaffLinkRecord) =>
    l.scope.kind === 'child'
      ? t('household.links.allServices', { child: childName(l.scope.childId) })
      : (serviceName(l.scope.serviceId) ??
        t('household.links.oneService', { child: childName(l.scope.childId) }));
  const linkFor = (label: string | null | undefined) => label ?? t('household.links.staff');

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
      message: t('household.links.revoked', { label: linkFor(link.label) }),
    });
    if (created?.id === link.id) setCreated(null);
    await client.invalidateQueries({ queryKey: ['household', householdId] });
  };

  const sorted = [...(links.data ?? [])].sort((a, b) =>
    a.active === b.active ? b.createdAt.localeCompare(a.createdAt) : a.active ? -1 : 1,
  );

  const scopeOptions = [
    { value: ALL, label: t('household.links.allServices', { child: child.firstName }) },
    ...childServices.services.map((s) => ({
      value: s.id,
      label: t('household.links.serviceOption', {
        service: s.name,
        hasRole: s.providerRole ? 'yes' : 'no',
        role: s.providerRole ?? '',
        ended: endedPlans.has(s.planId) ? 'yes' : 'no',
      }),
    })),
  ];

  return (
    <Stack component="section" aria-labelledby="staff-links-title" gap="sm">
      <Title order={3} id="staff-links-title">
        {t('household.links.title')}
      </Title>
      <Text size="sm">{tParts('household.links.intro', { child: <bdi>{child.firstName}</bdi> })}</Text>
      <Paper withBorder p="md">
        <FormStack onSubmit={submit} error={error} gap="sm">
          {childServices.error ? (
            <Alert
              color="red"
              role="alert"
              title={t('household.links.servicesFailed', { child: child.firstName })}
            >
              {t('household.links.servicesFailedBody')}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('household.links.covers')}
            data={scopeOptions}
            disabled={childServices.isPending}
            description={childServices.isPending ? t('household.links.loadingServices') : undefined}
            {...form.getInputProps('scope')}
          />
          <TextInput
            label={t('household.links.for')}
            description={t('household.links.forExample')}
            required
            maxLength={200}
            {...form.getInputProps('label')}
          />
          <DaysInput max={366} {...form.getInputProps('expiresInDays')} />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('household.links.submit')}
          </Button>
        </FormStack>
      </Paper>

      {created && (
        <Alert
          color="green"
          title={t('household.links.created', { label: linkFor(created.label) })}
          role="status"
        >
          <Stack gap="xs">
            <Text size="sm">{t('household.links.sendYourself')}</Text>
            <CopyLink
              label={t('household.links.link')}
              value={created.link}
              copyLabel={t('household.links.copy')}
            />
            <Text size="xs">
              {t('household.links.createdCovers', {
                scope: scopeText(created),
                date: day(created.expiresAt),
              })}
            </Text>
          </Stack>
        </Alert>
      )}

      <Title order={4} id="links-list-title">
        {t('household.links.list')}
      </Title>
      {links.isPending ? (
        <Skeleton h={40} />
      ) : links.isError ? (
        <QueryFailed
          title={t('household.failed.links')}
          error={links.error}
          onRetry={() => void links.refetch()}
        />
      ) : sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('household.links.noneYet')}
        </Text>
      ) : (
        <RevocableList labelledBy="links-list-title">
          {sorted.map((l) => {
            // A link whose maker has left the household stopped working then, even if never revoked.
            const state = l.revokedAt
              ? 'revoked'
              : l.active
                ? 'active'
                : l.createdBy.formerMember
                  ? 'stopped'
                  : 'expired';
            return (
              <Paper component="li" key={l.id} withBorder p="sm">
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Group gap="xs">
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {l.label ?? t('household.links.noName')}
                      </Text>
                      <Badge
                        variant="light"
                        tt="none"
                        color={state === 'active' ? 'green' : state === 'expired' ? 'orange' : 'gray'}
                      >
                        {t('household.links.state', { state })}
                      </Badge>
                    </Group>
                    <Text size="sm">{scopeText(l)}</Text>
                    <CreatedLine by={l.createdBy} at={l.createdAt} me={me} />
                    <Text size="xs" c="dimmed">
                      {t('household.links.status', {
                        state,
                        date: day(l.revokedAt ?? l.expiresAt),
                        used: l.lastUsedAt ? 'yes' : 'no',
                        lastUsed: l.lastUsedAt ? day(l.lastUsedAt) : '',
                      })}
                    </Text>
                  </Stack>
                  {l.active && (
                    <RevokeButton
                      label={t('household.links.revokeNamed', { label: linkFor(l.label) })}
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
        title={t('household.links.revokeTitle')}
        confirmLabel={t('household.links.revokeConfirm')}
        item={revoking}
        onClose={() => setRevoking(null)}
        revoke={revoke}
      >
        {t('household.links.revokeBody', { label: linkFor(revoking?.label) })}
      </ConfirmRevoke>
    </Stack>
  );
}
