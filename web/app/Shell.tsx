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
import { useCurrent } from '../api/session.tsx';
import shell from './shell.module.css';

// The pages in groups, the ones a parent uses every week first: on a phone the menu opens on them.
const NAV_GROUPS: { title: string; items: { href: string; label: string }[] }[] = [
  {
    title: 'Every week',
    items: [
      { href: '/', label: 'This week' },
      { href: '/check-in', label: 'Check-in' },
      { href: '/communications', label: 'Messages' },
      { href: '/advisor', label: 'What to do next' },
    ],
  },
  {
    title: 'The record',
    items: [
      { href: '/ledger', label: 'Ledger' },
      { href: '/accommodations', label: 'Accommodations' },
      { href: '/behavior', label: 'Behavior' },
      { href: '/goals', label: 'Goals' },
      { href: '/work-samples', label: 'Work samples' },
      { href: '/timeline', label: 'Timeline' },
    ],
  },
  {
    title: 'Plan and school',
    items: [
      { href: '/plan', label: 'Plan' },
      { href: '/calendar', label: 'School calendar' },
      { href: '/timetable', label: 'Class timetable' },
    ],
  },
  {
    title: 'Letters and papers',
    items: [
      { href: '/letters', label: 'Letters' },
      { href: '/paper-trail', label: 'Paper trail' },
    ],
  },
  {
    title: 'Settings',
    items: [
      { href: '/household', label: 'Household' },
      { href: '/account', label: 'Account' },
    ],
  },
];

const navGroupId = (title: string) => `nav-${title.toLowerCase().replace(/\W+/g, '-')}`;

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const [location] = useLocation();
  const current = useCurrent();
  const isActive = (href: string) => (href === '/' ? location === '/' : location.startsWith(href));
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
              aria-label={opened ? 'Close menu' : 'Open menu'}
            />
            <UnstyledButton component={Link} href="/" onClick={close} aria-label="As Written, this week">
              <Title order={1} size="h4">
                As Written
              </Title>
            </UnstyledButton>
          </Group>
          {current.children.length > 1 ? (
            <NativeSelect
              aria-label="Child"
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
      <AppShell.Navbar p="xs" aria-label="Main" className={shell.nav}>
        <Stack gap="sm" component="nav" aria-label="Pages" className={shell.scroll}>
          {NAV_GROUPS.map((group) => (
            <div key={group.title}>
              <Text id={navGroupId(group.title)} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={2}>
                {group.title}
              </Text>
              <Stack
                gap={2}
                component="ul"
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-labelledby={navGroupId(group.title)}
              >
                {group.items.map((item) => (
                  <li key={item.href}>
                    <NavLink
                      component={Link}
                      href={item.href}
                      label={item.label}
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
            label="Household"
            value={current.householdId ?? undefined}
            onChange={(e) => current.setHouseholdId(e.currentTarget.value)}
            data={current.session.households.map((h) => ({ value: h.id, label: h.name }))}
          />
        )}
        <VisuallyHidden>
          Signed in as <bdi>{current.session.user?.displayName}</bdi>
        </VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
