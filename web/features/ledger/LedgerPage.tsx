import {
  Alert,
  Anchor,
  Box,
  Center,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'wouter';
import { ApiError, get } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Service, ServiceLedger, SessionEntry } from '../../api/types.ts';
import {
  type CorrectionMode,
  EntryActions,
  useCorrectionDrawer,
} from '../../components/CorrectionDrawer.tsx';
import { datesInWords, formatDate, formatDay, todayIso } from '../../components/dates.ts';
import { minutesWords } from '../../components/plain-words.ts';
import { useChildServices, useMembers, useSessions } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';
import { type DrawerState, EntriesDrawer } from './EntriesDrawer.tsx';
import { FIGURES, type FigureDef, type LedgerPeriod } from './figures.ts';
import { LedgerChart } from './LedgerChart.tsx';
import { FigureButton, LedgerTable } from './LedgerTable.tsx';
import classes from './ledger.module.css';

const TABLE_CAPTION_ID = 'ledger-table-caption';

function defaultRange(services: Service[]) {
  const today = todayIso();
  const starts = services.map((s) => s.startDate).sort();
  const from = starts[0] ?? today;
  if (today < from) return { from, to: from };
  return { from, to: today };
}

export default function LedgerPage() {
  const { householdId, child } = useHouseholdChild();
  const writable = useCan('session.write');
  const params = useParams<{ serviceId?: string }>();
  const [, navigate] = useLocation();
  const [search, setSearch] = useSearchParams();
  const { plans, services, isPending, error } = useChildServices(householdId, child.id);

  const service = services.find((s) => s.id === params.serviceId) ?? services[0] ?? null;
  const range = defaultRange(services);
  const from = search.get('from') || range.from;
  const to = search.get('to') || range.to;
  const grouping: 'week' | 'month' = search.get('by') === 'month' ? 'month' : 'week';

  const setParam = (key: string, value: string | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const ledgerQuery = useQuery({
    queryKey: ['ledger', householdId, service?.id, from, to, grouping],
    queryFn: () =>
      get<ServiceLedger>(
        `/households/${householdId}/services/${service?.id}/ledger?${new URLSearchParams({ from, to, grouping })}`,
      ),
    enabled: service != null && from <= to,
    retry: (count, e) => !(e instanceof ApiError && e.status === 400) && count < 1,
  });
  const sessions = useSessions(householdId, { serviceId: service?.id, from, to });
  const members = useMembers(householdId);
  const [drawer, setDrawer] = useState<DrawerState>(null);
  // A correction opened from the entries behind a figure replaces that drawer while it is open, and
  // the entries come back after it, counted again.
  const [returnTo, setReturnTo] = useState<DrawerState>(null);
  const correction = useCorrectionDrawer(householdId, child.id, () => {
    if (returnTo) setDrawer(returnTo);
    setReturnTo(null);
  });
  const correct = (entryId: string, start: CorrectionMode) => {
    setReturnTo(drawer);
    setDrawer(null);
    correction.open(entryId, start);
  };
  const open = (def: FigureDef, period: LedgerPeriod | null, scope: string) =>
    setDrawer({ def, period, scope });

  const rangeError = ledgerQuery.error instanceof ApiError ? ledgerQuery.error : null;
  const fromError = datesInWords(rangeError?.fieldError('from') ?? '', 'monthDayYear') || undefined;
  const toError =
    from > to ? `The end must not be before the start (${formatDate(from)})` : rangeError?.fieldError('to');

  if (isPending)
    return (
      <Center h="40vh" role="status" aria-label="Loading the ledger">
        <Loader />
      </Center>
    );

  return (
    <Stack gap="lg" className={ui.page}>
      <Title order={2}>Service ledger</Title>
      {error && (
        <Alert color="red" role="alert" title="The services could not be loaded">
          {error.message}
        </Alert>
      )}
      {!error && !service && (
        <Alert title="No services yet" color="gray">
          {plans.length === 0 ? `${child.firstName} has no plan yet. ` : 'The plan has no services yet. '}
          <TextLink href="/plan">Go to the plan</TextLink> to add them; the ledger counts their minutes.
        </Alert>
      )}
      {service && (
        <>
          <Text>
            Minutes the plan requires for <bdi>{child.firstName}</bdi>, and what happened to them. Every
            number opens the session entries behind it.
          </Text>
          <Paper
            withBorder
            p="sm"
            component="form"
            aria-label="What to show"
            onSubmit={(e) => e.preventDefault()}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
              <NativeSelect
                label="Service"
                value={service.id}
                onChange={(e) => navigate(`/ledger/${e.currentTarget.value}?${search.toString()}`)}
                data={services.map((s) => ({
                  value: s.id,
                  label:
                    plans.length > 1
                      ? `${s.name} (${plans.find((p) => p.id === s.planId)?.title ?? 'plan'})`
                      : s.name,
                }))}
              />
              <TextInput
                type="date"
                label="From"
                value={from}
                error={fromError}
                onChange={(e) => e.currentTarget.value && setParam('from', e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label="To"
                value={to}
                error={toError}
                onChange={(e) => e.currentTarget.value && setParam('to', e.currentTarget.value)}
              />
              <Box>
                <Text component="span" size="sm" fw={500} id="ledger-rows-label" display="block" mb={4}>
                  Rows
                </Text>
                <SegmentedControl
                  fullWidth
                  aria-labelledby="ledger-rows-label"
                  value={grouping}
                  onChange={(v) => setParam('by', v === 'month' ? 'month' : null)}
                  data={[
                    { value: 'week', label: 'By week' },
                    { value: 'month', label: 'By month' },
                  ]}
                />
              </Box>
            </SimpleGrid>
            {(search.get('from') || search.get('to')) && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                mt="xs"
                underline="always"
                className={ui.link}
                onClick={() =>
                  setSearch(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      next.delete('from');
                      next.delete('to');
                      return next;
                    },
                    { replace: true },
                  )
                }
              >
                Back to the school year so far
              </Anchor>
            )}
          </Paper>

          {ledgerQuery.isPending && from <= to && (
            <Center h={200} role="status" aria-label="Loading the ledger">
              <Loader />
            </Center>
          )}
          {ledgerQuery.error && !fromError && !toError && (
            <Alert color="red" role="alert" title="The ledger could not be computed">
              {ledgerQuery.error.message}
            </Alert>
          )}
          {ledgerQuery.data && (
            <LedgerView
              ledger={ledgerQuery.data}
              grouping={grouping}
              childName={child.firstName}
              onOpen={open}
            />
          )}
          {ledgerQuery.data && (
            <EntriesDrawer
              state={drawer}
              onClose={() => setDrawer(null)}
              ledger={ledgerQuery.data}
              householdId={householdId}
              entries={new Map((sessions.data ?? []).map((e: SessionEntry) => [e.id, e]))}
              entriesPending={sessions.isPending}
              members={members.data}
              actionsFor={
                writable
                  ? (e) => (
                      <EntryActions
                        entry={e}
                        what={`${service.name}, ${formatDay(e.date, 'weekdayLong')}`}
                        onOpen={correct}
                      />
                    )
                  : undefined
              }
            />
          )}
          {writable && correction.drawer}
        </>
      )}
    </Stack>
  );
}

function LedgerView({
  ledger,
  grouping,
  childName,
  onOpen,
}: {
  ledger: ServiceLedger;
  grouping: 'week' | 'month';
  childName: string;
  onOpen: (def: FigureDef, period: LedgerPeriod | null, scope: string) => void;
}) {
  const t = ledger.totals;
  const name = ledger.service.name;
  const rows = grouping === 'week' ? 'Week by week' : 'Month by month';
  return (
    <>
      <Box component="section" aria-labelledby="ledger-summary-heading">
        <Title order={3} id="ledger-summary-heading" mb={4}>
          {name}
        </Title>
        <Text size="sm" mb="sm">
          {formatDate(ledger.window.from)} to {formatDate(ledger.window.to)}
          {ledger.asOf < ledger.window.to ? `, counted up to today (${formatDate(ledger.asOf)})` : ''}.
        </Text>
        <Text mb="sm" fw={600}>
          {t.owedBalanceMinutes > 0
            ? `${childName} is owed ${minutesWords(t.owedBalanceMinutes)} of make-up time in these dates.`
            : t.requiredMinutes > 0
              ? 'No make-up minutes are owed in these dates.'
              : 'The plan required nothing in these dates.'}
          {t.unloggedMinutes > 0 ? ` ${minutesWords(t.unloggedMinutes)} have no entry at all.` : ''}
          {t.pendingMinutes > 0
            ? ` ${minutesWords(t.pendingMinutes)} are waiting for you to give a reason.`
            : ''}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, xs: 3, md: 5 }} spacing="xs" m={0}>
          {FIGURES.map((def) => (
            <Paper key={def.key} withBorder p="xs" className={classes.figureCard}>
              <Text component="dt" size="sm">
                {def.label}
              </Text>
              <Text component="dd" m={0} fz={24} fw={700} lh={1.3}>
                <FigureButton def={def} figures={t} period={null} scope="in total" onOpen={onOpen} />
                {def.key !== 'percent' && (
                  <Text component="span" size="sm" fw={400} ml={6}>
                    min
                  </Text>
                )}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Box>

      <Box component="section" aria-labelledby="ledger-rows-heading">
        <Title order={3} id="ledger-rows-heading" mb="xs">
          {rows}
        </Title>
        {ledger.periods.length > 0 ? (
          <Stack gap="md">
            <LedgerChart ledger={ledger} grouping={grouping} tableCaptionId={TABLE_CAPTION_ID} />
            <LedgerTable
              ledger={ledger}
              grouping={grouping}
              caption={`${name}: minutes ${rows.toLowerCase()}, ${formatDate(ledger.window.from)} to ${formatDate(ledger.window.to)}`}
              captionId={TABLE_CAPTION_ID}
              onOpen={onOpen}
            />
          </Stack>
        ) : (
          <Text>Nothing was required in these dates.</Text>
        )}
      </Box>

      {(ledger.notes.length > 0 || ledger.unappliedMakeupMinutes > 0) && (
        <Box component="section" aria-labelledby="ledger-notes-heading">
          <Title order={3} id="ledger-notes-heading" mb="xs">
            Notes
          </Title>
          <List spacing={4}>
            {ledger.unappliedMakeupMinutes > 0 && (
              <List.Item>
                {minutesWords(ledger.unappliedMakeupMinutes)} of make-up time had no owed minutes left to
                cover.
              </List.Item>
            )}
            {ledger.notes.map((note) => (
              <List.Item key={note}>{datesInWords(note, 'monthDayYear')}</List.Item>
            ))}
          </List>
        </Box>
      )}
      <Group>
        <TextLink href="/timeline">See every entry on the timeline</TextLink>
        <TextLink href={`/ledger/${ledger.serviceId}/school-log`}>Import the school’s service log</TextLink>
      </Group>
    </>
  );
}
