import {
  Alert,
  Box,
  Button,
  Center,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { ENTRY_SOURCES } from '../../../src/domain/session-entry.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { SessionEntry } from '../../api/types.ts';
import { EntryActions, useCorrectionDrawer } from '../../components/CorrectionDrawer.tsx';
import { formatDay, formatMonth, localeFor } from '../../components/dates.ts';
import { useChildServices, useMembers, useSessions } from '../../components/queries.ts';
import { SessionEntryCard } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';

const PAGE = 60;

/** Every session entry of the child, newest first, with who recorded it and when. */
export default function TimelinePage() {
  const { householdId, child } = useHouseholdChild();
  const t = useT('records');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
  const writable = useCan('session.write');
  const correction = useCorrectionDrawer(householdId, child.id);
  const sessions = useSessions(householdId, { childId: child.id });
  const { services } = useChildServices(householdId, child.id);
  const members = useMembers(householdId);
  const [kind, setKind] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [source, setSource] = useState('');
  const [shown, setShown] = useState(PAGE);

  const all = sessions.data ?? [];
  const byId = useMemo(() => new Map(all.map((e) => [e.id, e])), [all]);
  const names = new Map(services.map((s) => [s.id, s.name]));
  const filtered = useMemo(
    () =>
      all
        .filter(
          (e) =>
            (!kind || e.kind === kind) &&
            (!serviceId || e.serviceId === serviceId) &&
            (!source || e.source === source),
        )
        .sort((a, b) =>
          a.date === b.date ? (a.recordedAt < b.recordedAt ? 1 : -1) : a.date < b.date ? 1 : -1,
        ),
    [all, kind, serviceId, source],
  );
  const visible = filtered.slice(0, shown);
  const months: { month: string; entries: SessionEntry[] }[] = [];
  for (const e of visible) {
    const month = e.date.slice(0, 7);
    const last = months[months.length - 1];
    if (last && last.month === month) last.entries.push(e);
    else months.push({ month, entries: [e] });
  }
  const filtering = kind !== '' || serviceId !== '' || source !== '';

  return (
    <Stack gap="lg" className={ui.page}>
      <Stack gap="xs">
        <Title order={2}>{t('records.timeline.title')}</Title>
        <Text>{tParts('records.timeline.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
      </Stack>
      <Paper
        withBorder
        p="sm"
        component="form"
        aria-label={t('records.timeline.filter')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NativeSelect
            label={t('records.timeline.kind')}
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value);
              setShown(PAGE);
            }}
            data={[
              { value: '', label: t('records.timeline.kindAll') },
              { value: 'scheduled', label: t('records.timeline.kindSessions') },
              { value: 'makeup', label: t('records.timeline.kindMakeups') },
            ]}
          />
          <NativeSelect
            label={t('records.timeline.service')}
            value={serviceId}
            onChange={(e) => {
              setServiceId(e.currentTarget.value);
              setShown(PAGE);
            }}
            data={[
              { value: '', label: t('records.timeline.serviceAll') },
              ...services.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <NativeSelect
            label={t('records.timeline.source')}
            value={source}
            onChange={(e) => {
              setSource(e.currentTarget.value);
              setShown(PAGE);
            }}
            data={[
              { value: '', label: t('records.timeline.sourceAll') },
              ...ENTRY_SOURCES.map((value) => ({
                value,
                label: t('records.timeline.sourceName', { source: value }),
              })),
            ]}
          />
        </SimpleGrid>
      </Paper>
      {sessions.isPending && (
        <Center h={200} role="status" aria-label={t('records.timeline.loading')}>
          <Loader />
        </Center>
      )}
      {sessions.error && (
        <Alert color="red" role="alert" title={t('records.timeline.loadError')}>
          {sessions.error.message}
        </Alert>
      )}
      {sessions.data && (
        <Text aria-live="polite" fw={600}>
          {t('records.timeline.count', {
            state: filtering ? 'filtering' : all.length === 0 ? 'empty' : 'all',
            count: filtered.length,
            total: all.length,
          })}
          {visible.length < filtered.length ? t('records.timeline.showing', { count: visible.length }) : ''}
        </Text>
      )}
      {sessions.data && all.length === 0 && (
        <Text>
          {tParts('records.timeline.empty', {
            link: <TextLink href="/">{t('records.timeline.weekLink')}</TextLink>,
          })}
        </Text>
      )}
      {months.map((m) => (
        <Box component="section" key={m.month} aria-labelledby={`timeline-${m.month}`}>
          <Title order={3} id={`timeline-${m.month}`} size="h4" mb="xs">
            {formatMonth(`${m.month}-01`, locale)}
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {m.entries.map((e) => (
              <SessionEntryCard
                key={e.id}
                entry={e}
                members={members.data}
                serviceName={names.get(e.serviceId) ?? t('records.timeline.serviceGone')}
                byId={byId}
                actions={
                  writable ? (
                    <EntryActions
                      entry={e}
                      what={t('records.timeline.entryName', {
                        hasService: names.has(e.serviceId) ? 'yes' : 'no',
                        service: names.get(e.serviceId) ?? '',
                        day: formatDay(e.date, 'weekdayLong', locale),
                      })}
                      onOpen={correction.open}
                    />
                  ) : undefined
                }
              />
            ))}
          </Stack>
        </Box>
      ))}
      {visible.length < filtered.length && (
        <Button variant="default" w="fit-content" onClick={() => setShown((n) => n + PAGE)}>
          {t('records.timeline.more', { count: Math.min(PAGE, filtered.length - visible.length) })}
        </Button>
      )}
      {writable && correction.drawer}
    </Stack>
  );
}
