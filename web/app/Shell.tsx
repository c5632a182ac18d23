import {
  AppShell,
  Burger,
  Group,
  NativeSelect,
  NavLink,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { offersCaseload } from '../../src/domain/caseload.ts';
import { useCurrent } from '../api/session.tsx';
import { type MessageKey, useT, useTParts } from '../i18n/i18n.tsx';
import shell from './shell.module.css';

// The pages in groups, the ones a parent uses every week first: on a phone the menu opens on them.
const NAV_GROUPS: { id: string; title: MessageKey; items: { href: string; label: MessageKey }[] }[] = [
  {
    id: 'every-week',
    title: 'nav.group.everyWeek',
    items: [
      { href: '/', label: 'nav.week' },
      { href: '/check-in', label: 'nav.checkIn' },
      { href: '/communications', label: 'nav.messages' },
      { href: '/advisor', label: 'nav.advisor' },
    ],
  },
  {
    id: 'the-record',
    title: 'nav.group.record',
    items: [
      { href: '/ledger', label: 'nav.ledger' },
      { href: '/accommodations', label: 'nav.accommodations' },
      { href: '/behavior', label: 'nav.behavior' },
      { href: '/goals', label: 'nav.goals' },
      { href: '/work-samples', label: 'nav.workSamples' },
      { href: '/timeline', label: 'nav.timeline' },
    ],
  },
  {
    id: 'plan-and-school',
    title: 'nav.group.planAndSchool',
    items: [
      { href: '/plan', label: 'nav.plan' },
      { href: '/calendar', label: 'nav.calendar' },
      { href: '/timetable', label: 'nav.timetable' },
    ],
  },
  {
    id: 'letters-and-papers',
    title: 'nav.group.letters',
    items: [
      { href: '/letters', label: 'nav.letters' },
      { href: '/paper-trail', label: 'nav.paperTrail' },
    ],
  },
  {
    id: 'settings',
    title: 'nav.group.settings',
    items: [
      { href: '/household', label: 'nav.household' },
      { href: '/account', label: 'nav.account' },
    ],
  },
];

/** For someone who acts for several families (src/domain/caseload.ts: offersCaseload): all of them at once. */
const CASELOAD_GROUP: (typeof NAV_GROUPS)[number] = {
  id: 'families',
  title: 'nav.group.families',
  items: [{ href: '/caseload', label: 'nav.caseload' }],
};

const navGroupId = (id: string) => `nav-${id}`;

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const [location] = useLocation();
  const current = useCurrent();
  const t = useT();
  const tParts = useTParts();
  const isActive = (href: string) => (href === '/' ? location === '/' : location.startsWith(href));
  const groups = offersCaseload(current.session.households) ? [CASELOAD_GROUP, ...NAV_GROUPS] : NAV_GROUPS;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.menu.close') : t('shell.menu.open')}
            />
            <UnstyledButton component={Link} href="/" onClick={close} aria-label={t('shell.home')}>
              <Title order={1} size="h4">
                {t('app.name')}
              </Title>
            </UnstyledButton>
          </Group>
          {current.children.length > 1 ? (
            <NativeSelect
              aria-label={t('shell.child')}
              size="xs"
              value={current.child?.id}
              onChange={(e) => current.setChildId(e.currentTarget.value)}
              data={current.children.map((c) => ({ value: c.id, label: c.firstName }))}
            />
          ) : (
            <Text size="sm" fw={500}>
              <bdi>{current.child?.firstName}</bdi>
            </Text>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.main')} className={shell.nav}>
        <Stack gap="sm" component="nav" aria-label={t('shell.pages')} className={shell.scroll}>
          {groups.map((group) => (
            <div key={group.id}>
              <Text id={navGroupId(group.id)} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={2}>
                {t(group.title)}
              </Text>
              <Stack
                gap={2}
                component="ul"
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-labelledby={navGroupId(group.id)}
              >
                {group.items.map((item) => (
                  <li key={item.href}>
                    <NavLink
                      component={Link}
                      href={item.href}
                      label={t(item.label)}
                      active={isActive(item.href)}
                      aria-current={isActive(item.href) ? 'page' : undefined}
                      onClick={close}
                    />
                  </li>
                ))}
              </Stack>
            </div>
          ))}
        </Stack>
        {current.session.households.length > 1 && (
          <NativeSelect
            mt="md"
            label={t('shell.household')}
            value={current.householdId ?? undefined}
            onChange={(e) => current.setHouseholdId(e.currentTarget.value)}
            data={current.session.households.map((h) => ({ value: h.id, label: h.name }))}
          />
        )}
        <VisuallyHidden>
          {tParts('shell.signedInAs', { name: <bdi>{current.session.user?.displayName}</bdi> })}
        </VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
