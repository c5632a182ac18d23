import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { DistrictCalendar } from '../../../src/api/district-calendars.ts';
import type { PendingDistrictChange } from '../../../src/domain/calendar-subscription.ts';
import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { ApiError, del, get, post } from '../../api/client.ts';
import { formatDay, formatRange } from '../../components/dates.ts';
import { sayServerWords } from '../../i18n/server-words.ts';
import { useCalendarWords } from './calendar-words.ts';
import { KINDS } from './DayKind.tsx';

// Reading the district's calendar by its address, every day: the subscriptions of the child, how the
// last read went, the days it added on its own, and the changes waiting for the parent (each with its
// reason: a new day already past, a kind to check, a moved day, a day the district no longer lists),
// applied or dismissed one at a time.

type Feed = z.infer<typeof DistrictCalendar>;

export const districtCalendarsKey = (householdId: string, childId: string) => [
  'district-calendars',
  householdId,
  childId,
];

/** The subscriptions of a child (also read by the home screen's note). */
export function useDistrictCalendars(householdId: string, childId: string) {
  return useQuery({
    queryKey: districtCalendarsKey(householdId, childId),
    queryFn: () => get<Feed[]>(`/households/${householdId}/children/${childId}/district-calendars`),
  });
}

export function DistrictCalendarFeeds({
  householdId,
  childId,
  writable,
  onChanged,
}: {
  householdId: string;
  childId: string;
  writable: boolean;
  onChanged(message: string): Promise<void> | void;
}) {
  const { t, locale } = useCalendarWords();
  /** The kind's name, or "Not a day off". */
  const kindWords = (kind: CalendarDayKind | null) => t('calendar.kind', { kind: kind ?? 'none' });
  const range = (start: string, end: string | null) => formatRange(start, end, locale);
  const day = (iso: string) => formatDay(iso, 'weekdayShort', locale);
  const ids = useId();
  const client = useQueryClient();
  const feeds = useDistrictCalendars(householdId, childId);
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kinds, setKinds] = useState<Record<string, CalendarDayKind>>({});

  const refresh = () => client.invalidateQueries({ queryKey: districtCalendarsKey(householdId, childId) });

  const subscribe = async () => {
    setAddressError(null);
    setError(null);
    if (!address.trim()) {
      setAddressError(t('calendar.feeds.addressMissing'));
      return;
    }
    setBusy('subscribe');
    try {
      const made = await post<Feed>(`/households/${householdId}/children/${childId}/district-calendars`, {
        address: address.trim(),
      });
      setAddress('');
      await refresh();
      const waiting = made.pending.length;
      await onChanged(
        waiting === 0
          ? t('calendar.feeds.subscribed')
          : t('calendar.feeds.subscribedWaiting', { count: waiting }),
      );
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.path === 'address') : undefined;
      if (field) setAddressError(t('calendar.feeds.addressProblem', { problem: field.message }));
      else setError(e instanceof Error ? e.message : t('calendar.feeds.readFailed'));
    } finally {
      setBusy(null);
    }
  };

  const act = async (key: string, work: () => Promise<unknown>, message: string) => {
    setError(null);
    setBusy(key);
    try {
      await work();
      await refresh();
      await onChanged(message);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('calendar.feeds.failed'));
    } finally {
      setBusy(null);
    }
  };

  const decide = (feed: Feed, change: PendingDistrictChange, action: 'apply' | 'dismiss') => {
    const kind = kinds[`${feed.id}|${change.id}`];
    return act(
      `${feed.id}|${change.id}|${action}`,
      () =>
        post(`/households/${householdId}/district-calendars/${feed.id}/decisions`, {
          changeId: change.id,
          action,
          ...(action === 'apply' && kind ? { kind } : {}),
        }),
      action === 'apply'
        ? t('calendar.feeds.applied', {
            change: change.change,
            summary: change.summary,
            range: range(change.startDate, change.endDate),
          })
        : t('calendar.feeds.dismissed', { summary: change.summary }),
    );
  };

  const list = feeds.data ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-title`}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${ids}-title`}>
          {t('calendar.feeds.title')}
        </Title>
        <Text size="sm">{t('calendar.feeds.intro')}</Text>

        {error && (
          <Alert color="red" role="alert" title={t('calendar.feeds.errorTitle')}>
            {error}
          </Alert>
        )}

        {list.map((feed) => (
          <Paper
            key={feed.id}
            withBorder
            p="sm"
            radius="sm"
            component="article"
            aria-label={feed.name ?? feed.address}
          >
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600}>{feed.name ?? t('calendar.feeds.unnamed')}</Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {feed.address}
                  </Text>
                </div>
                {writable && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === `${feed.id}|read`}
                      onClick={() =>
                        act(
                          `${feed.id}|read`,
                          () => post(`/households/${householdId}/district-calendars/${feed.id}/read`),
                          t('calendar.feeds.readAgain'),
                        )
                      }
                    >
                      {t('calendar.feeds.readNow')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={busy === `${feed.id}|stop`}
                      onClick={() =>
                        act(
                          `${feed.id}|stop`,
                          () => del(`/households/${householdId}/district-calendars/${feed.id}`),
                          t('calendar.feeds.stopped'),
                        )
                      }
                    >
                      {t('calendar.feeds.stop')}
                    </Button>
                  </Group>
                )}
              </Group>
              {feed.lastStatus === 'failed' ? (
                <Alert color="orange" title={t('calendar.feeds.lastFailedTitle')}>
                  {feed.lastReadAt
                    ? t('calendar.feeds.lastFailedOn', {
                        date: day(feed.lastReadAt.slice(0, 10)),
                        problem: feed.lastError ?? '',
                      })
                    : t('calendar.feeds.lastFailed', { problem: feed.lastError ?? '' })}
                </Alert>
              ) : (
                feed.lastReadAt && (
                  <Text size="sm">
                    {t('calendar.feeds.lastRead', { date: day(feed.lastReadAt.slice(0, 10)) })}
                  </Text>
                )
              )}
              {feed.recent.length > 0 && (
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {t('calendar.feeds.addedByItself')}
                  </Text>
                  {[...feed.recent].reverse().map((d) => (
                    <Text size="sm" key={`${d.eventId}-${d.addedAt}`}>
                      {t('calendar.feeds.recent', {
                        summary: d.summary,
                        kind: kindWords(d.kind),
                        range: range(d.startDate, d.endDate),
                        date: day(d.addedAt.slice(0, 10)),
                      })}
                    </Text>
                  ))}
                </Stack>
              )}
              {feed.pending.length > 0 && (
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('calendar.feeds.waiting', { count: feed.pending.length })}
                  </Text>
                  {feed.pending.map((change) => {
                    const key = `${feed.id}|${change.id}`;
                    const canApply =
                      change.change !== 'removed' && change.kind !== null && change.calendarId !== null;
                    return (
                      <Paper
                        key={key}
                        withBorder
                        p="xs"
                        radius="sm"
                        component="article"
                        aria-label={change.summary}
                      >
                        <Stack gap={4}>
                          <Group gap="xs" wrap="wrap">
                            <Badge variant="light" color={change.change === 'removed' ? 'gray' : 'blue'}>
                              {t('calendar.feeds.change', { change: change.change })}
                            </Badge>
                            <Text size="sm" fw={600}>
                              {change.summary}
                            </Text>
                          </Group>
                          <Text size="sm">
                            {t('calendar.feeds.pendingLine', {
                              range: range(change.startDate, change.endDate),
                              kind: kindWords(change.kind),
                            })}
                            {change.previous &&
                              change.change === 'changed' &&
                              t('calendar.feeds.was', {
                                range: range(change.previous.startDate, change.previous.endDate),
                                kind: kindWords(change.previous.kind).toLocaleLowerCase(locale),
                              })}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {sayServerWords('calendar', change.words, change.reason, t)}
                          </Text>
                          {writable && (
                            <Group gap="xs" align="flex-end" wrap="wrap">
                              {canApply && change.change === 'added' && (
                                <NativeSelect
                                  size="xs"
                                  label={t('calendar.feeds.kindOfDay')}
                                  value={kinds[key] ?? change.kind ?? 'holiday'}
                                  onChange={(e) =>
                                    setKinds((k) => ({
                                      ...k,
                                      [key]: e.currentTarget.value as CalendarDayKind,
                                    }))
                                  }
                                  data={KINDS.map((k) => ({
                                    value: k,
                                    label: t('calendar.kind', { kind: k }),
                                  }))}
                                />
                              )}
                              {canApply && (
                                <Button
                                  size="xs"
                                  loading={busy === `${key}|apply`}
                                  onClick={() => decide(feed, change, 'apply')}
                                  aria-label={t('calendar.feeds.applyLabel', {
                                    change: change.change,
                                    summary: change.summary,
                                  })}
                                >
                                  {t('calendar.feeds.apply', { change: change.change })}
                                </Button>
                              )}
                              <Button
                                size="xs"
                                variant="default"
                                loading={busy === `${key}|dismiss`}
                                onClick={() => decide(feed, change, 'dismiss')}
                                aria-label={t('calendar.feeds.dismissLabel', { summary: change.summary })}
                              >
                                {t('calendar.feeds.dismiss')}
                              </Button>
                            </Group>
                          )}
                        </Stack>
                      </Paper>
                    );
                  })}
                </Stack>
              )}
            </Stack>
          </Paper>
        ))}

        {writable && (
          <Stack gap="xs">
            <TextInput
              label={t('calendar.feeds.address')}
              placeholder={t('calendar.feeds.addressPlaceholder')}
              value={address}
              onChange={(e) => {
                setAddress(e.currentTarget.value);
                setAddressError(null);
              }}
              error={addressError}
              inputMode="url"
              autoComplete="off"
            />
            <Group>
              <Button onClick={subscribe} loading={busy === 'subscribe'}>
                {t('calendar.feeds.subscribe')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
