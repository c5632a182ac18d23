import { Divider, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useCan } from '../../api/permissions.ts';
import { useCurrent } from '../../api/session.tsx';
import contrast from '../../components/contrast.module.css';
import { useChildServices, useMembers } from '../../components/queries.ts';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { AuditSection } from './AuditSection.tsx';
import aa from './aa.module.css';
import { InvitationsSection } from './InvitationsSection.tsx';
import { MembersSection } from './MembersSection.tsx';
import { ROLES, roleHelp, roleLabel } from './roles.ts';
import { StaffLinksSection, useStaffLinks } from './StaffLinksSection.tsx';

export default function HouseholdPage() {
  const t = useT('household');
  const tParts = useTParts();
  const current = useCurrent();
  const householdId = current.householdId as string;
  const role = current.role;
  const isOwner = useCan('member.manage');
  const writer = useCan('staff_link.manage');
  const members = useMembers(householdId);
  const links = useStaffLinks(householdId, writer);
  const childServices = useChildServices(householdId, current.child?.id ?? '');
  const householdName = current.session.households.find((h) => h.id === householdId)?.name;

  return (
    <Stack maw={880} gap="xl" className={`${contrast.scope} ${aa.page}`}>
      <Stack gap={4}>
        <Title order={2}>{t('household.title')}</Title>
        <Text c="dimmed">
          {householdName
            ? tParts('household.intro.named', { household: <bdi>{householdName}</bdi>, role: role ?? '' })
            : t('household.intro', { role: role ?? '' })}{' '}
          {isOwner ? t('household.intro.owner') : t('household.intro.notOwner')}
        </Text>
      </Stack>

      <MembersSection householdId={householdId} isOwner={isOwner} />

      <Stack component="section" aria-labelledby="roles-title" gap="sm">
        <Title order={3} id="roles-title">
          {t('household.roles.title')}
        </Title>
        <Paper withBorder p="md">
          <List spacing="xs" size="sm" listStyleType="none" p={0}>
            {ROLES.map((r) => (
              <List.Item key={r}>
                <Text span fw={700}>
                  {t('household.roles.term', { name: roleLabel(t, r) })}
                </Text>{' '}
                {roleHelp(t, r)}
              </List.Item>
            ))}
          </List>
        </Paper>
      </Stack>

      {isOwner && <InvitationsSection householdId={householdId} />}

      {writer && current.child && (
        <>
          <Divider />
          <StaffLinksSection householdId={householdId} child={current.child} kids={current.children} />
        </>
      )}

      <Divider />
      <AuditSection
        householdId={householdId}
        me={current.session.user?.id}
        members={members.data ?? []}
        links={links.data ?? []}
        kids={current.children}
        services={childServices.services}
      />
    </Stack>
  );
}
