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
import type { EntrySource } from '../../../src/domain/session-entry.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { SessionEntry } from '../../api/types.ts';
import { EntryActions, useCorrectionDrawer } from '../../components/CorrectionDrawer.tsx';
import { formatDay, formatMonth } from '../../components/dates.ts';
import { plural, SOURCE_LABELS } from '../../components/plain-words.ts';
import { useChildServices, useMembers, useSessions } from '../../components/queries.ts';
import { SessionEntryCard } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';

const PAGE = 60;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every session entry of the child, newest first, with who recorded it and when. */
export default function TimelinePage() {
  const { householdId, child } = useHouseholdChild();
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
        <Title order={2}>Timeline</Title>
        <Text>
          Every session entry for <bdi>{child.firstName}</bdi>, newest first: what happened, why, and who
          recorded it. An entry is never rewritten: “Correct” or “Void” adds a correcting entry, and both stay
          here, the first struck through with who corrected it and when.
        </Text>
      </Stack>
      <Paper
        withBorder
        p="sm"
        component="form"
        aria-label="Filter the timeline"
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NativeSelect
            label="Kind"
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value);
              setShown(PAGE);
            }}
            data={[
              { value: '', label: 'Sessions and make-ups' },
              { value: 'scheduled', label: 'Sessions' },
              { value: 'makeup', label: 'Make-ups' },
            ]}
          />
          <NativeSelect
            label="Service"
            value={serviceId}
            onChange={(e) => {
              setServiceId(e.currentTarget.value);
              setShown(PAGE);
            }}
            data={[
              { value: '', label: 'All services' },
              ...services.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <NativeSelect
            label="Recorded from"
            value={source}
            onChange={(e) => {
              setSource(e.currentTarget.value);
              setShown(PAGE);
            }}
            data={[
              { value: '', label: 'All sources' },
              ...(Object.entries(SOURCE_LABELS) as [EntrySource, string][]).map(([value, label]) => ({
                value,
                label: capitalise(label),
              })),
            ]}
          />
        </SimpleGrid>
      </Paper>
      {sessions.isPending && (
        <Center h={200} role="status" aria-label="Loading the timeline">
          <Loader />
        </Center>
      )}
      {sessions.error && (
        <Alert color="red" role="alert" title="The timeline could not be loaded">
          {sessions.error.message}
        </Alert>
      )}
      {sessions.data && (
        <Text aria-live="polite" fw={600}>
          {filtering
            ? `${plural(filtered.length, 'entry matches', 'entries match')} out of ${all.length}.`
            : all.length === 0
              ? 'No session entries yet.'
              : `${plural(all.length, 'entry', 'entries')}.`}
          {visible.length < filtered.length ? ` Showing the newest ${visible.length}.` : ''}
        </Text>
      )}
      {sessions.data && all.length === 0 && (
        <Text>
          Entries appear here once sessions are logged on <TextLink href="/">this week’s page</TextLink>, by a
          provider through a staff link, or imported.
        </Text>
      )}
      {months.map((m) => (
        <Box component="section" key={m.month} aria-labelledby={`timeline-${m.month}`}>
          <Title order={3} id={`timeline-${m.month}`} size="h4" mb="xs">
            {formatMonth(`${m.month}-01`)}
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {m.entries.map((e) => (
              <SessionEntryCard
                key={e.id}
                entry={e}
                members={members.data}
                serviceName={names.get(e.serviceId) ?? 'A service no longer in the plan'}
                byId={byId}
                actions={
                  writable ? (
                    <EntryActions
                      entry={e}
                      what={`${names.get(e.serviceId) ?? 'session'}, ${formatDay(e.date, 'weekdayLong')}`}
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
          Show {Math.min(PAGE, filtered.length - visible.length)} older entries
        </Button>
      )}
      {writable && correction.drawer}
    </Stack>
  );
}
