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
import { CALENDAR_DAY_LABELS } from '../../../src/domain/school-days.ts';
import { ApiError, del, get, post } from '../../api/client.ts';
import { formatDay, formatRange } from '../../components/dates.ts';
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

const CHANGE_WORDS: Record<PendingDistrictChange['change'], string> = {
  added: 'New',
  changed: 'Changed',
  removed: 'No longer listed',
};

function kindWords(kind: CalendarDayKind | null): string {
  return kind ? CALENDAR_DAY_LABELS[kind] : 'Not a day off';
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
      setAddressError('Enter the calendar’s address (it starts with https:// or webcal://)');
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
          ? 'The district calendar is read every day from now on. Nothing new to add today.'
          : `The district calendar is read every day from now on. ${waiting === 1 ? '1 day waits' : `${waiting} days wait`} for you below.`,
      );
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.path === 'address') : undefined;
      if (field) setAddressError(`The address ${field.message}`);
      else setError(e instanceof Error ? e.message : 'The calendar could not be read. Try again.');
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
      setError(e instanceof Error ? e.message : 'That did not work. Try again.');
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
        ? `${change.change === 'changed' ? 'Moved' : 'Added'}: ${change.summary}, ${formatRange(change.startDate, change.endDate)}.`
        : `Dismissed: ${change.summary}.`,
    );
  };

  const list = feeds.data ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-title`}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${ids}-title`}>
          Read the district calendar every day
        </Title>
        <Text size="sm">
          Many districts publish their calendar as an address (it starts with https:// or webcal://; look for
          “Subscribe” or “iCal” on the district’s calendar page). As Written reads it every day: a new snow
          day or closure from today on is added to the calendar by itself, and you see it on the home screen.
          Anything else, such as a day that has already passed or a day that moved, waits for you here.
        </Text>

        {error && (
          <Alert color="red" role="alert" title="That did not work">
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
                  <Text fw={600}>{feed.name ?? 'District calendar'}</Text>
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
                          'The district calendar was read again.',
                        )
                      }
                    >
                      Read it now
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
                          'The district calendar is no longer read. The days it added stay on the calendar.',
                        )
                      }
                    >
                      Stop reading it
                    </Button>
                  </Group>
                )}
              </Group>
              {feed.lastStatus === 'failed' ? (
                <Alert color="orange" title="The last read did not work">
                  {feed.lastReadAt ? `On ${formatDay(feed.lastReadAt.slice(0, 10))}, the` : 'The'} address{' '}
                  {feed.lastError}. It is tried again tomorrow, or now with “Read it now”.
                </Alert>
              ) : (
                feed.lastReadAt && (
                  <Text size="sm">Last read on {formatDay(feed.lastReadAt.slice(0, 10))}.</Text>
                )
              )}
              {feed.recent.length > 0 && (
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    Added by itself
                  </Text>
                  {[...feed.recent].reverse().map((d) => (
                    <Text size="sm" key={`${d.eventId}-${d.addedAt}`}>
                      {d.summary} ({kindWords(d.kind)}, {formatRange(d.startDate, d.endDate)}), on{' '}
                      {formatDay(d.addedAt.slice(0, 10))}
                    </Text>
                  ))}
                </Stack>
              )}
              {feed.pending.length > 0 && (
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {feed.pending.length === 1
                      ? '1 change waits for you'
                      : `${feed.pending.length} changes wait for you`}
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
                              {CHANGE_WORDS[change.change]}
                            </Badge>
                            <Text size="sm" fw={600}>
                              {change.summary}
                            </Text>
                          </Group>
                          <Text size="sm">
                            {formatRange(change.startDate, change.endDate)}: {kindWords(change.kind)}
                            {change.previous &&
                              change.change === 'changed' &&
                              ` (was ${formatRange(change.previous.startDate, change.previous.endDate)}, ${kindWords(change.previous.kind).toLowerCase()})`}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {change.reason}
                          </Text>
                          {writable && (
                            <Group gap="xs" align="flex-end" wrap="wrap">
                              {canApply && change.change === 'added' && (
                                <NativeSelect
                                  size="xs"
                                  label="Kind of day"
                                  value={kinds[key] ?? change.kind ?? 'holiday'}
                                  onChange={(e) =>
                                    setKinds((k) => ({
                                      ...k,
                                      [key]: e.currentTarget.value as CalendarDayKind,
                                    }))
                                  }
                                  data={KINDS.map((k) => ({ value: k, label: CALENDAR_DAY_LABELS[k] }))}
                                />
                              )}
                              {canApply && (
                                <Button
                                  size="xs"
                                  loading={busy === `${key}|apply`}
                                  onClick={() => decide(feed, change, 'apply')}
                                  aria-label={`${change.change === 'changed' ? 'Move the day' : 'Add to the calendar'}: ${change.summary}`}
                                >
                                  {change.change === 'changed' ? 'Move the day' : 'Add to the calendar'}
                                </Button>
                              )}
                              <Button
                                size="xs"
                                variant="default"
                                loading={busy === `${key}|dismiss`}
                                onClick={() => decide(feed, change, 'dismiss')}
                                aria-label={`Dismiss: ${change.summary}`}
                              >
                                Dismiss
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
              label="The calendar’s address"
              placeholder="https://www.district.example.org/calendar.ics"
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
                Read it every day
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
