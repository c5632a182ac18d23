import { Alert, Badge, Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post } from '../../api/client.ts';
import type { Child, StaffLinkRecord } from '../../api/types.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { useChildServices } from '../../components/queries.ts';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { CreatedAlert, DaysInput, RevocableCard, RevocableItems, useInstantDay } from './revocable.tsx';

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
  const links = useStaffLinks(householdId, true);
  const childServices = useChildServices(householdId, child.id);
  const endedPlans = new Set(childServices.plans.filter((p) => p.status === 'ended').map((p) => p.id));
  const [created, setCreated] = useState<Created | null>(null);
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
        <CreatedAlert
          title={t('household.links.created', { label: linkFor(created.label) })}
          message={t('household.links.sendYourself')}
          linkLabel={t('household.links.link')}
          link={created.link}
          copyLabel={t('household.links.copy')}
          note={t('household.links.createdCovers', {
            scope: scopeText(created),
            date: day(created.expiresAt),
          })}
        />
      )}

      <Title order={4} id="links-list-title">
        {t('household.links.list')}
      </Title>
      <RevocableItems
        query={links}
        items={sorted}
        failedTitle={t('household.failed.links')}
        emptyText={t('household.links.noneYet')}
        labelledBy="links-list-title"
        confirm={{
          title: t('household.links.revokeTitle'),
          confirmLabel: t('household.links.revokeConfirm'),
          body: (l) => t('household.links.revokeBody', { label: linkFor(l?.label) }),
          revoke,
        }}
        card={(l, askRevoke) => {
          // A link whose maker has left the household stopped working then, even if never revoked.
          const state = l.revokedAt
            ? 'revoked'
            : l.active
              ? 'active'
              : l.createdBy.formerMember
                ? 'stopped'
                : 'expired';
          return (
            <RevocableCard
              key={l.id}
              name={l.label ?? t('household.links.noName')}
              badge={
                <Badge
                  variant="light"
                  tt="none"
                  color={state === 'active' ? 'green' : state === 'expired' ? 'orange' : 'gray'}
                >
                  {t('household.links.state', { state })}
                </Badge>
              }
              createdBy={l.createdBy}
              createdAt={l.createdAt}
              footer={
                <Text size="xs" c="dimmed">
                  {t('household.links.status', {
                    state,
                    date: day(l.revokedAt ?? l.expiresAt),
                    used: l.lastUsedAt ? 'yes' : 'no',
                    lastUsed: l.lastUsedAt ? day(l.lastUsedAt) : '',
                  })}
                </Text>
              }
              revokeLabel={t('household.links.revokeNamed', { label: linkFor(l.label) })}
              onRevoke={l.active ? askRevoke : undefined}
            >
              <Text size="sm">{scopeText(l)}</Text>
            </RevocableCard>
          );
        }}
      />
    </Stack>
  );
}
