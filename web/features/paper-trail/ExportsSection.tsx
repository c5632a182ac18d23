import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError, get, post } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import type { CalendarFeed, Child } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { CopyLink } from '../../components/CopyLink.tsx';
import { formatInstant } from '../../components/dates.ts';
import { createdByWords } from '../../components/plain-words.ts';
import { Tag } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import classes from './paper-trail.module.css';

// Copies of the record to keep or open elsewhere: spreadsheets (CSV) and the whole household (JSON);
// a secret calendar address for the reminders and deadlines; and how backups are made.

export function ExportsSection({
  householdId,
  child,
  kids,
  canExport,
  canManageCalendars,
}: {
  householdId: string;
  child: Child;
  kids: Child[];
  canExport: boolean;
  canManageCalendars: boolean;
}) {
  const api = `/api/households/${householdId}`;
  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="exports-files" gap="xs">
        <Title order={4} size="h5" id="exports-files">
          Copies of your records
        </Title>
        {canExport ? (
          <>
            <Text size="sm">
              Spreadsheets (CSV) open in Excel, Numbers or Google Sheets; the last row of each is the record’s
              fingerprint when you downloaded it, which you can check later under Check now. The JSON file
              holds everything in this household and can be brought into another As Written server.
            </Text>
            <List size="sm" spacing={6}>
              <List.Item>
                <Download href={`${api}/exports/sessions.csv?childId=${child.id}`}>
                  <bdi>{child.firstName}</bdi>’s sessions (CSV)
                </Download>
              </List.Item>
              <List.Item>
                <Download href={`${api}/exports/observations.csv?childId=${child.id}`}>
                  <bdi>{child.firstName}</bdi>’s accommodation observations (CSV)
                </Download>
              </List.Item>
              <List.Item>
                <Download href={`${api}/exports/communications.csv?childId=${child.id}`}>
                  <bdi>{child.firstName}</bdi>’s messages, calls and meetings (CSV)
                </Download>
              </List.Item>
              <List.Item>
                <Download href={`${api}/export`}>Everything in this household (JSON)</Download>
              </List.Item>
            </List>
          </>
        ) : (
          <Text size="sm">Only the owner, co-parents and advocates can download copies of the records.</Text>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="exports-calendar" gap="xs">
        <Title order={4} size="h5" id="exports-calendar">
          Reminders in your phone’s calendar
        </Title>
        {canManageCalendars ? (
          <CalendarFeeds householdId={householdId} child={child} kids={kids} />
        ) : (
          <Text size="sm">Only the owner and co-parents can make calendar addresses.</Text>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="exports-backups" gap="xs">
        <Title order={4} size="h5" id="exports-backups">
          Backups
        </Title>
        <Text size="sm">
          Backups are made on the server, by the person who runs it, from the command line:{' '}
          <code>as-written backup FILE</code> writes one file with everything, files included (encrypted when
          a passphrase is set), and <code>as-written restore FILE</code> brings it back and checks it. Setting{' '}
          <code>AS_WRITTEN_BACKUP_DIR</code> makes one every day and keeps the last few. Ask them to keep a
          copy somewhere other than the server; the downloads above are a copy you can keep yourself.
        </Text>
      </Stack>
    </Stack>
  );
}

function Download({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Anchor href={href} download underline="always" className={ui.link}>
      {children}
    </Anchor>
  );
}

const feedsKey = (householdId: string) => ['calendar-feeds', householdId];

type Created = { feed: CalendarFeed; url: string };

function CalendarFeeds({ householdId, child, kids }: { householdId: string; child: Child; kids: Child[] }) {
  const client = useQueryClient();
  const me = useCurrent().session.user?.id;
  const feeds = useQuery({
    queryKey: feedsKey(householdId),
    queryFn: () => get<CalendarFeed[]>(`/households/${householdId}/calendar-feeds`),
  });
  const [scope, setScope] = useState<'child' | 'all'>('child');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);

  const whose = (childId: string | null) =>
    childId ? `${kids.find((k) => k.id === childId)?.firstName ?? 'One child'}` : 'All children';

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await post<Created>(`/households/${householdId}/calendar-feeds`, {
        childId: scope === 'child' ? child.id : null,
      });
      setCreated(result);
      await client.invalidateQueries({ queryKey: feedsKey(householdId) });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong. Nothing was made: try again.');
    } finally {
      setBusy(false);
    }
  };

  const list = feeds.data ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm">
        A private calendar address with the weekly check-in, replies due, progress reports, the annual review
        and the deadlines As Written knows of. Your phone subscribes to it and keeps it up to date.
      </Text>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Radio.Group
            label="Reminders for"
            value={scope}
            onChange={(v) => setScope(v === 'all' ? 'all' : 'child')}
          >
            <Group gap="md" mt={4}>
              <Radio value="child" label={`${child.firstName} only`} />
              <Radio
                value="all"
                label={kids.length > 1 ? 'All the children' : 'All children, also later ones'}
              />
            </Group>
          </Radio.Group>
          {error && (
            <Alert color="red" role="alert" title="Not made">
              {error}
            </Alert>
          )}
          <Button color="blue.8" onClick={() => void create()} loading={busy} w="fit-content">
            Make a calendar address
          </Button>
        </Stack>
      </Paper>

      {created && (
        <Alert color="blue" role="status" title="Your calendar address">
          <Stack gap="xs">
            <Text size="sm">
              This is the only time it is shown. Copy it now. Anyone who has it can read these reminders, so
              keep it to yourself; if it gets out, revoke it below and make a new one.
            </Text>
            <CopyLink label="Calendar address" value={created.url} copyLabel="Copy the address" />
            <Text size="sm">
              <Anchor
                href={created.url.replace(/^https?:/, 'webcal:')}
                underline="always"
                className={ui.link}
              >
                Subscribe on this device
              </Anchor>{' '}
              (opens your calendar app, if it knows how).
            </Text>
            <Text size="sm" fw={600}>
              On an iPhone
            </Text>
            <Text size="sm">
              Open Settings, then Calendar (on newer iPhones: Apps, then Calendar), Calendar Accounts or
              Accounts, Add Account, Other, Add Subscribed Calendar. Paste the address and tap Next, then
              Save.
            </Text>
            <Text size="sm" fw={600}>
              On an Android phone (Google Calendar)
            </Text>
            <Text size="sm">
              The app cannot add an address itself. On a computer, open calendar.google.com, choose the + next
              to “Other calendars”, then “From URL”, paste the address and choose “Add calendar”. It appears
              on your phone shortly after. Google reads it from its own servers, so this works only if your As
              Written can be reached from the internet; it updates every few hours.
            </Text>
          </Stack>
        </Alert>
      )}

      <Text size="sm" fw={600} id="feeds-list">
        Calendar addresses in this household
      </Text>
      {feeds.isPending ? (
        <Skeleton h={40} />
      ) : feeds.isError ? (
        <Alert color="red" role="alert" title="Could not load the calendar addresses">
          {feeds.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void feeds.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : list.length === 0 ? (
        <Text size="sm">None yet.</Text>
      ) : (
        <ul className={classes.plain} aria-labelledby="feeds-list">
          {list.map((f) => {
            const made = formatInstant(f.createdAt);
            // A feed whose maker has left the household stopped working then, even if never revoked.
            const state = f.active ? 'Active' : f.revokedAt ? 'Revoked' : 'Stopped';
            return (
              <Paper component="li" key={f.id} withBorder p="sm" radius="md">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                    <Text size="sm" fw={600}>
                      {whose(f.childId)} <Tag tone={f.active ? 'green' : 'gray'}>{state}</Tag>
                    </Text>
                    <Text size="xs">
                      Created by {createdByWords(f.createdBy, me)} on {made}
                    </Text>
                    <Text size="xs">
                      {f.revokedAt
                        ? `Revoked ${formatInstant(f.revokedAt)}`
                        : state === 'Stopped'
                          ? 'Stopped when the person who made it left the household'
                          : f.lastUsedAt
                            ? `Last read by a calendar ${formatInstant(f.lastUsedAt)}`
                            : 'Not read by a calendar yet'}
                    </Text>
                  </Stack>
                  {f.active && (
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => setRevoking(f)}
                      aria-label={`Revoke the address made ${made}`}
                    >
                      Revoke
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </ul>
      )}

      <ConfirmModal
        opened={revoking != null}
        onClose={() => setRevoking(null)}
        title="Revoke this calendar address?"
        confirmLabel="Revoke"
        onConfirm={async () => {
          if (!revoking) return;
          await post(`/households/${householdId}/calendar-feeds/${revoking.id}/revoke`);
          if (created?.feed.id === revoking.id) setCreated(null);
          await client.invalidateQueries({ queryKey: feedsKey(householdId) });
        }}
      >
        Calendars subscribed to it stop getting new reminders at once, and the reminders already there may
        disappear. You can make a new address at any time.
      </ConfirmModal>
    </Stack>
  );
}
