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
import { datesInWords, formatDay, todayIso } from '../../components/dates.ts';
import { useChildServices, useMembers, useSessions } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';
import { useTParts } from '../../i18n/i18n.tsx';
import { type DrawerState, EntriesDrawer } from './EntriesDrawer.tsx';
import { type FigureDef, type LedgerPeriod, useLedgerWords } from './figures.ts';
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
  const { t, locale, date, language } = useLedgerWords();
  const tParts = useTParts();

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
    // By the reader's language too: the ledger's notes are worded by the server.
    queryKey: ['ledger', householdId, service?.id, from, to, grouping, language],
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
  const fromError = datesInWords(rangeError?.fieldError('from') ?? '', 'monthDayYear', locale) || undefined;
  const toError =
    from > to ? t('ledger.form.endBeforeStart', { start: date(from) }) : rangeError?.fieldError('to');

  if (isPending)
    return (
      <Center h="40vh" role="status" aria-label={t('ledger.loading')}>
        <Loader />
      </Center>
    );

  return (
    <Stack gap="lg" className={ui.page}>
      <Title order={2}>{t('ledger.title')}</Title>
      {error && (
        <Alert color="red" role="alert" title={t('ledger.servicesFailed')}>
          {error.message}
        </Alert>
      )}
      {!error && !service && (
        <Alert title={t('ledger.noServices.title')} color="gray">
          {plans.length === 0
            ? tParts('ledger.noServices.noPlan', {
                name: <bdi>{child.firstName}</bdi>,
                link: <TextLink href="/plan">{t('ledger.noServices.link')}</TextLink>,
              })
            : tParts('ledger.noServices.noServices', {
                link: <TextLink href="/plan">{t('ledger.noServices.link')}</TextLink>,
              })}
        </Alert>
      )}
      {service && (
        <>
          <Text>{tParts('ledger.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
          <Paper
            withBorder
            p="sm"
            component="form"
            aria-label={t('ledger.form.label')}
            onSubmit={(e) => e.preventDefault()}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
              <NativeSelect
                label={t('ledger.form.service')}
                value={service.id}
                onChange={(e) => navigate(`/ledger/${e.currentTarget.value}?${search.toString()}`)}
                data={services.map((s) => ({
                  value: s.id,
                  label:
                    plans.length > 1
                      ? t('ledger.form.serviceInPlan', {
                          service: s.name,
                          plan: plans.find((p) => p.id === s.planId)?.title ?? t('ledger.form.plan'),
                        })
                      : s.name,
                }))}
              />
              <TextInput
                type="date"
                label={t('ledger.form.from')}
                value={from}
                error={fromError}
                onChange={(e) => e.currentTarget.value && setParam('from', e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('ledger.form.to')}
                value={to}
                error={toError}
                onChange={(e) => e.currentTarget.value && setParam('to', e.currentTarget.value)}
              />
              <Box>
                <Text component="span" size="sm" fw={500} id="ledger-rows-label" display="block" mb={4}>
                  {t('ledger.form.rows')}
                </Text>
                <SegmentedControl
                  fullWidth
                  aria-labelledby="ledger-rows-label"
                  value={grouping}
                  onChange={(v) => setParam('by', v === 'month' ? 'month' : null)}
                  data={[
                    { value: 'week', label: t('ledger.form.byWeek') },
                    { value: 'month', label: t('ledger.form.byMonth') },
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
                {t('ledger.form.schoolYear')}
              </Anchor>
            )}
          </Paper>

          {ledgerQuery.isPending && from <= to && (
            <Center h={200} role="status" aria-label={t('ledger.loading')}>
              <Loader />
            </Center>
          )}
          {ledgerQuery.error && !fromError && !toError && (
            <Alert color="red" role="alert" title={t('ledger.failed')}>
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
                        what={`${service.name}, ${formatDay(e.date, 'weekdayLong', locale)}`}
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
  const { t, locale, date, FIGURES, scopeWords } = useLedgerWords();
  const tParts = useTParts();
  const totals = ledger.totals;
  const name = ledger.service.name;
  const rows = t('ledger.rows', { grouping });
  const from = date(ledger.window.from);
  const to = date(ledger.window.to);
  return (
    <>
      <Box component="section" aria-labelledby="ledger-summary-heading">
        <Title order={3} id="ledger-summary-heading" mb={4}>
          {name}
        </Title>
        <Text size="sm" mb="sm">
          {t('ledger.window', {
            from,
            to,
            counted: ledger.asOf < ledger.window.to ? 'yes' : 'no',
            asOf: date(ledger.asOf),
          })}
        </Text>
        <Text mb="sm" fw={600}>
          {totals.owedBalanceMinutes > 0
            ? tParts('ledger.summary.owed', {
                name: <bdi>{childName}</bdi>,
                minutes: totals.owedBalanceMinutes,
              })
            : totals.requiredMinutes > 0
              ? t('ledger.summary.noneOwed')
              : t('ledger.summary.nothingRequired')}
          {totals.unloggedMinutes > 0
            ? ` ${t('ledger.summary.unlogged', { minutes: totals.unloggedMinutes })}`
            : ''}
          {totals.pendingMinutes > 0
            ? ` ${t('ledger.summary.pending', { minutes: totals.pendingMinutes })}`
            : ''}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, xs: 3, md: 5 }} spacing="xs" m={0}>
          {FIGURES.map((def) => (
            <Paper key={def.key} withBorder p="xs" className={classes.figureCard}>
              <Text component="dt" size="sm">
                {def.label}
              </Text>
              <Text component="dd" m={0} fz={24} fw={700} lh={1.3}>
                <FigureButton
                  def={def}
                  figures={totals}
                  period={null}
                  scope={scopeWords(null)}
                  onOpen={onOpen}
                />
                {def.key !== 'percent' && (
                  <Text component="span" size="sm" fw={400} ml={6}>
                    {t('ledger.minShort')}
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
              caption={t('ledger.table.caption', { service: name, grouping, from, to })}
              captionId={TABLE_CAPTION_ID}
              onOpen={onOpen}
            />
          </Stack>
        ) : (
          <Text>{t('ledger.nothingRequired')}</Text>
        )}
      </Box>

      {(ledger.notes.length > 0 || ledger.unappliedMakeupMinutes > 0) && (
        <Box component="section" aria-labelledby="ledger-notes-heading">
          <Title order={3} id="ledger-notes-heading" mb="xs">
            {t('ledger.notes')}
          </Title>
          <List spacing={4}>
            {ledger.unappliedMakeupMinutes > 0 && (
              <List.Item>{t('ledger.unappliedMakeup', { minutes: ledger.unappliedMakeupMinutes })}</List.Item>
            )}
            {ledger.notes.map((note) => (
              <List.Item key={note}>{datesInWords(note, 'monthDayYear', locale)}</List.Item>
            ))}
          </List>
        </Box>
      )}
      <Group>
        <TextLink href="/timeline">{t('ledger.timeline')}</TextLink>
        <TextLink href={`/ledger/${ledger.serviceId}/school-log`}>{t('ledger.importLog')}</TextLink>
      </Group>
    </>
  );
}
