import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { formatDay } from '../../components/dates.ts';
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

import { MISS_REASON_LABELS } from '../../../src/domain/record-kinds.ts';
import classes from './week.module.css';
import type { WeekEntry, WeekService } from './week-api.ts';

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
            <Text size="sm">{service.minutesPerSession}-minute sessions</Text>
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
              label={service.period.esy ? 'Promised this week (summer)' : 'Promised this week'}
              value={
                service.promisedSessions != null
                  ? String(service.promisedSessions)
                  : `${service.promisedMinutes} min`
              }
            />
            <Stat label="Delivered" value={String(service.deliveredSessions)} />
            <Stat label="Missed" value={String(service.missedSessions)} />
            {service.notYetConfirmed != null && (
              <Stat label="Not yet confirmed" value={String(service.notYetConfirmed)} />
            )}
          </SimpleGrid>
        ) : (
          // A monthly, cycle or yearly amount has no weekly share: the card says the period instead.
          <div>
            <Text fw={700} fz="lg" data-testid="service-period">
              {service.period.words}
            </Text>
            <Text size="sm">
              {service.missedSessions > 0
                ? `${service.missedSessions} missed ${service.missedSessions === 1 ? 'session' : 'sessions'} in this period so far.`
                : 'No missed sessions in this period so far.'}
            </Text>
          </div>
        )}

        <div>
          {owed > 0 ? (
            <Text fw={700} className={classes.alert}>
              {owed} make-up minutes owed
            </Text>
          ) : (
            <Text fw={600}>No make-up minutes owed</Text>
          )}
          {service.pendingMinutes > 0 && (
            <Text size="sm">{service.pendingMinutes} missed minutes are waiting for a reason.</Text>
          )}
          {service.percentDeliveredThisYear != null && (
            <Text size="sm">
              {service.percentDeliveredThisYear}% of the promised minutes delivered so far this year
              {service.unloggedMinutesThisYear > 0
                ? ` (${service.unloggedMinutesThisYear} minutes of earlier sessions are not logged).`
                : '.'}
            </Text>
          )}
        </div>

        {service.entries.length > 0 && (
          <div>
            <Text size="sm" fw={600} component="h4" m={0}>
              Logged this week
            </Text>
            <List size="sm" spacing={4}>
              {service.entries.map((e) => (
                <List.Item key={e.id}>
                  {entryWords(e)}
                  {writable && (
                    <Group gap={6} mt={2}>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={`Correct ${service.name}, ${formatDay(e.date)}`}
                        onClick={() => correct(e.id, 'correct')}
                      >
                        Correct
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={`Void ${service.name}, ${formatDay(e.date)}`}
                        onClick={() => correct(e.id, 'void')}
                      >
                        Void
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
              aria-label={`Log a session for ${service.name}`}
              onClick={() => setOpen('session')}
            >
              Log a session
            </Button>
            <Button
              size="md"
              variant="default"
              aria-label={`Log a make-up for ${service.name}`}
              onClick={() => setOpen('makeup')}
            >
              Log a make-up
            </Button>
            {canConfirmAll && (
              <Button
                size="md"
                variant="default"
                aria-label={`All delivered this week: ${service.name}`}
                onClick={() => setOpen('all')}
              >
                All delivered this week
              </Button>
            )}
          </SimpleGrid>
        )}
        <Text size="sm">
          <TextLink href={`/ledger/${service.serviceId}`}>Every session of {service.name}</TextLink>
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

function entryWords(e: WeekEntry): string {
  const day = formatDay(e.date);
  const by = e.source === 'provider_link' || e.source === 'provider' ? ' (from the provider)' : '';
  const why = e.reason ? `, ${MISS_REASON_LABELS[e.reason].toLowerCase()}` : '';
  if (e.kind === 'makeup') return `${day}: make-up, ${e.minutesDelivered} minutes${by}`;
  if (e.status === 'delivered') return `${day}: happened, ${e.minutesDelivered} minutes${by}`;
  if (e.status === 'short') return `${day}: shorter, ${e.minutesDelivered} minutes${why}${by}`;
  if (e.reason === 'unknown') return `${day}: missed, reason not known yet${by}`;
  return `${day}: missed${why}${by}`;
}
