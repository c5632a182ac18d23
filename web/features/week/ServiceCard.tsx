import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { TextLink } from '../../components/TextLink.tsx';

// The logging sheets are loaded after the first screen (fetched while the page is idle), which
// keeps the home screen's first download small on a slow phone connection.
const loadSessionDrawer = () =>
  import('./LogSessionDrawer.tsx').then((m) => ({ default: m.LogSessionDrawer }));
const loadMakeupDrawer = () => import('./LogMakeupDrawer.tsx').then((m) => ({ default: m.LogMakeupDrawer }));
const LogSessionDrawer = lazy(loadSessionDrawer);
const LogMakeupDrawer = lazy(loadMakeupDrawer);
const CorrectionDrawer = lazy(() =>
  import('../../components/CorrectionDrawer.tsx').then((m) => ({ default: m.CorrectionDrawer })),
);
const AllDeliveredDrawer = lazy(() =>
  import('./AllDeliveredDrawer.tsx').then((m) => ({ default: m.AllDeliveredDrawer })),
);

import classes from './week.module.css';
import type { WeekEntry, WeekService } from './week-api.ts';
import { lower, useWeekWords } from './week-words.ts';

/** One service this week: promised, delivered, missed, not yet confirmed, make-up minutes owed. */
export function ServiceCard({
  householdId,
  childId,
  service,
  today,
  writable,
}: {
  householdId: string;
  childId: string;
  service: WeekService;
  today: string;
  writable: boolean;
}) {
  const headingId = useId();
  const words = useWeekWords();
  const { t, day } = words;
  const [open, setOpenState] = useState<'session' | 'makeup' | 'all' | 'correct' | null>(null);
  // Mounted from the first opening on, so closing animates and focus returns to the button.
  const [used, setUsed] = useState(false);
  const setOpen = (value: 'session' | 'makeup' | 'all' | 'correct' | null) => {
    if (value) setUsed(true);
    setOpenState(value);
  };
  // The entry being corrected from this card, and whether "Correct" or "Void" opened it.
  const [correcting, setCorrecting] = useState<{ entryId: string; start: 'correct' | 'void' } | null>(null);
  const correct = (entryId: string, start: 'correct' | 'void') => {
    setCorrecting({ entryId, start });
    setOpen('correct');
  };
  const canConfirmAll =
    writable &&
    service.minutesPerSession != null &&
    (service.notYetConfirmed ?? 0) > 0 &&
    service.openDays.length > 0;
  useEffect(() => {
    if (!writable) return;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => {
      void loadSessionDrawer();
      void loadMakeupDrawer();
    });
  }, [writable]);
  const owed = service.owedBalanceMinutes;
  const weekly = service.period.unit === 'week' || service.period.unit === 'day';
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {service.name}
          </Title>
          {service.minutesPerSession != null && (
            <Text size="sm">{t('week.card.minuteSessions', { minutes: service.minutesPerSession })}</Text>
          )}
        </div>

        {weekly ? (
          <SimpleGrid
            component="dl"
            type="container"
            cols={{ base: 2, '32rem': 4 }}
            spacing="xs"
            verticalSpacing="xs"
            m={0}
          >
            <Stat
              label={service.period.esy ? t('week.card.promisedSummer') : t('week.card.promised')}
              value={
                service.promisedSessions != null
                  ? String(service.promisedSessions)
                  : t('week.card.minutesShort', { minutes: service.promisedMinutes })
              }
            />
            <Stat label={t('week.card.delivered')} value={String(service.deliveredSessions)} />
            <Stat label={t('week.card.missed')} value={String(service.missedSessions)} />
            {service.notYetConfirmed != null && (
              <Stat label={t('week.card.notConfirmed')} value={String(service.notYetConfirmed)} />
            )}
          </SimpleGrid>
        ) : (
          // A monthly, cycle or yearly amount has no weekly share: the card says the period instead.
          <div>
            <Text fw={700} fz="lg" data-testid="service-period">
              {service.period.words}
            </Text>
            <Text size="sm">{t('week.card.missedInPeriod', { count: service.missedSessions })}</Text>
          </div>
        )}

        <div>
          {owed > 0 ? (
            <Text fw={700} className={classes.alert}>
              {t('week.card.owed', { minutes: owed })}
            </Text>
          ) : (
            <Text fw={600}>{t('week.card.noOwed')}</Text>
          )}
          {service.pendingMinutes > 0 && (
            <Text size="sm">{t('week.card.pending', { minutes: service.pendingMinutes })}</Text>
          )}
          {service.percentDeliveredThisYear != null && (
            <Text size="sm">
              {service.unloggedMinutesThisYear > 0
                ? t('week.card.percentUnlogged', {
                    percent: service.percentDeliveredThisYear,
                    minutes: service.unloggedMinutesThisYear,
                  })
                : t('week.card.percent', { percent: service.percentDeliveredThisYear })}
            </Text>
          )}
        </div>

        {service.entries.length > 0 && (
          <div>
            <Text size="sm" fw={600} component="h4" m={0}>
              {t('week.card.loggedThisWeek')}
            </Text>
            <List size="sm" spacing={4}>
              {service.entries.map((e) => (
                <List.Item key={e.id}>
                  {entryWords(e, words)}
                  {writable && (
                    <Group gap={6} mt={2}>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('week.card.correctLabel', { service: service.name, day: day(e.date) })}
                        onClick={() => correct(e.id, 'correct')}
                      >
                        {t('week.card.correct')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('week.card.voidLabel', { service: service.name, day: day(e.date) })}
                        onClick={() => correct(e.id, 'void')}
                      >
                        {t('week.card.void')}
                      </Button>
                    </Group>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        )}

        {writable && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Button
              size="md"
              color="blue.8"
              aria-label={t('week.card.logSessionLabel', { service: service.name })}
              onClick={() => setOpen('session')}
            >
              {t('week.card.logSession')}
            </Button>
            <Button
              size="md"
              variant="default"
              aria-label={t('week.card.logMakeupLabel', { service: service.name })}
              onClick={() => setOpen('makeup')}
            >
              {t('week.card.logMakeup')}
            </Button>
            {canConfirmAll && (
              <Button
                size="md"
                variant="default"
                aria-label={t('week.card.allDeliveredLabel', { service: service.name })}
                onClick={() => setOpen('all')}
              >
                {t('week.card.allDelivered')}
              </Button>
            )}
          </SimpleGrid>
        )}
        <Text size="sm">
          <TextLink href={`/ledger/${service.serviceId}`}>
            {t('week.card.everySession', { service: service.name })}
          </TextLink>
        </Text>
      </Stack>

      {writable && used && (
        <Suspense fallback={null}>
          <LogSessionDrawer
            householdId={householdId}
            childId={childId}
            service={service}
            today={today}
            opened={open === 'session'}
            onClose={() => setOpen(null)}
          />
          <LogMakeupDrawer
            householdId={householdId}
            childId={childId}
            service={service}
            today={today}
            opened={open === 'makeup'}
            onClose={() => setOpen(null)}
          />
          {canConfirmAll && (
            <AllDeliveredDrawer
              key={service.openDays.join()}
              householdId={householdId}
              service={service}
              opened={open === 'all'}
              onClose={() => setOpen(null)}
            />
          )}
          <CorrectionDrawer
            householdId={householdId}
            childId={childId}
            entryId={correcting?.entryId ?? null}
            start={correcting?.start ?? 'correct'}
            opened={open === 'correct'}
            onClose={() => setOpen(null)}
          />
        </Suspense>
      )}
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm">
        {label}
      </Text>
      <Text component="dd" fw={700} fz="xl" m={0} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}

function entryWords(e: WeekEntry, { t, day, reason, locale }: ReturnType<typeof useWeekWords>): string {
  const values = {
    day: day(e.date),
    minutes: e.minutesDelivered,
    provider: e.source === 'provider_link' || e.source === 'provider' ? 'yes' : 'no',
    hasReason: e.reason ? 'yes' : 'no',
    reason: e.reason ? lower(reason(e.reason), locale) : '',
  };
  if (e.kind === 'makeup') return t('week.entry.makeup', values);
  if (e.status === 'delivered') return t('week.entry.delivered', values);
  if (e.status === 'short') return t('week.entry.short', values);
  if (e.reason === 'unknown') return t('week.entry.missedUnknown', values);
  return t('week.entry.missed', values);
}
