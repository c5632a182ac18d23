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
import { formatInstant, localeFor } from '../../components/dates.ts';
import { Tag } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
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
  const t = useT('report');
  const tParts = useTParts();
  const api = `/api/households/${householdId}`;
  const name = <bdi>{child.firstName}</bdi>;
  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="exports-files" gap="xs">
        <Title order={4} size="h5" id="exports-files">
          {t('report.exports.title')}
        </Title>
        {canExport ? (
          <>
            <Text size="sm">{t('report.exports.intro')}</Text>
            <List size="sm" spacing={6}>
              <List.Item>
                <Download href={`${api}/exports/sessions.csv?childId=${child.id}`}>
                  {tParts('report.exports.sessions', { name })}
                </Download>
              </List.Item>
              <List.Item>
                <Download href={`${api}/exports/observations.csv?childId=${child.id}`}>
                  {tParts('report.exports.observations', { name })}
                </Download>
              </List.Item>
              <List.Item>
                <Download href={`${api}/exports/communications.csv?childId=${child.id}`}>
                  {tParts('report.exports.communications', { name })}
                </Download>
              </List.Item>
              <List.Item>
                <Download href={`${api}/export`}>{t('report.exports.everything')}</Download>
              </List.Item>
            </List>
          </>
        ) : (
          <Text size="sm">{t('report.exports.notAllowed')}</Text>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="exports-calendar" gap="xs">
        <Title order={4} size="h5" id="exports-calendar">
          {t('report.feeds.title')}
        </Title>
        {canManageCalendars ? (
          <CalendarFeeds householdId={householdId} child={child} kids={kids} />
        ) : (
          <Text size="sm">{t('report.feeds.notAllowed')}</Text>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="exports-backups" gap="xs">
        <Title order={4} size="h5" id="exports-backups">
          {t('report.backups.title')}
        </Title>
        <Text size="sm">
          {tParts('report.backups.text', {
            backup: <code>{'as-written backup FILE'}</code>,
            restore: <code>{'as-written restore FILE'}</code>,
            dir: <code>{'AS_WRITTEN_BACKUP_DIR'}</code>,
          })}
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
  const t = useT('report');
  const locale = localeFor(useLanguage().language);
  const tParts = useTParts();
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
    childId
      ? (kids.find((k) => k.id === childId)?.firstName ?? t('report.feeds.oneChild'))
      : t('report.feeds.allChildren');

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
      setError(e instanceof ApiError ? e.message : t('report.feeds.createFailed'));
    } finally {
      setBusy(false);
    }
  };

  const list = feeds.data ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm">{t('report.feeds.intro')}</Text>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Radio.Group
            label={t('report.feeds.for')}
            value={scope}
            onChange={(v) => setScope(v === 'all' ? 'all' : 'child')}
          >
            <Group gap="md" mt={4}>
              <Radio value="child" label={t('report.feeds.childOnly', { name: child.firstName })} />
              <Radio
                value="all"
                label={kids.length > 1 ? t('report.feeds.allTheChildren') : t('report.feeds.allLater')}
              />
            </Group>
          </Radio.Group>
          {error && (
            <Alert color="red" role="alert" title={t('report.feeds.notMade')}>
              {error}
            </Alert>
          )}
          <Button color="blue.8" onClick={() => void create()} loading={busy} w="fit-content">
            {t('report.feeds.make')}
          </Button>
        </Stack>
      </Paper>

      {created && (
        <Alert color="blue" role="status" title={t('report.feeds.yours')}>
          <Stack gap="xs">
            <Text size="sm">{t('report.feeds.onlyOnce')}</Text>
            <CopyLink
              label={t('report.feeds.address')}
              value={created.url}
              copyLabel={t('report.feeds.copyAddress')}
            />
            <Text size="sm">
              {tParts('report.feeds.subscribe', {
                link: (
                  <Anchor
                    href={created.url.replace(/^https?:/, 'webcal:')}
                    underline="always"
                    className={ui.link}
                  >
                    {t('report.feeds.subscribeLink')}
                  </Anchor>
                ),
              })}
            </Text>
            <Text size="sm" fw={600}>
              {t('report.feeds.iphone')}
            </Text>
            <Text size="sm">{t('report.feeds.iphoneSteps')}</Text>
            <Text size="sm" fw={600}>
              {t('report.feeds.android')}
            </Text>
            <Text size="sm">{t('report.feeds.androidSteps')}</Text>
          </Stack>
        </Alert>
      )}

      <Text size="sm" fw={600} id="feeds-list">
        {t('report.feeds.list')}
      </Text>
      {feeds.isPending ? (
        <Skeleton h={40} />
      ) : feeds.isError ? (
        <Alert color="red" role="alert" title={t('report.feeds.loadError')}>
          {feeds.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void feeds.refetch()}>
            {t('common.tryAgain')}
          </Button>
        </Alert>
      ) : list.length === 0 ? (
        <Text size="sm">{t('report.feeds.none')}</Text>
      ) : (
        <ul className={classes.plain} aria-labelledby="feeds-list">
          {list.map((f) => {
            const made = formatInstant(f.createdAt, locale);
            // A feed whose maker has left the household stopped working then, even if never revoked.
            const state = f.active ? 'active' : f.revokedAt ? 'revoked' : 'stopped';
            const by = f.createdBy;
            const who = by.formerMember || !by.displayName ? 'former' : by.userId === me ? 'me' : 'other';
            return (
              <Paper component="li" key={f.id} withBorder p="sm" radius="md">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                    <Text size="sm" fw={600}>
                      {whose(f.childId)}{' '}
                      <Tag tone={f.active ? 'green' : 'gray'}>{t('report.feeds.state', { state })}</Tag>
                    </Text>
                    <Text size="xs">
                      {t('report.feeds.created', {
                        by: who,
                        name: by.email ? `${by.displayName} (${by.email})` : (by.displayName ?? ''),
                        date: made,
                      })}
                    </Text>
                    <Text size="xs">
                      {f.revokedAt
                        ? t('report.feeds.revokedAt', { date: formatInstant(f.revokedAt, locale) })
                        : state === 'stopped'
                          ? t('report.feeds.stopped')
                          : f.lastUsedAt
                            ? t('report.feeds.lastRead', { date: formatInstant(f.lastUsedAt, locale) })
                            : t('report.feeds.notRead')}
                    </Text>
                  </Stack>
                  {f.active && (
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => setRevoking(f)}
                      aria-label={t('report.feeds.revokeLabel', { date: made })}
                    >
                      {t('report.feeds.revoke')}
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
        title={t('report.feeds.revokeTitle')}
        confirmLabel={t('report.feeds.revoke')}
        onConfirm={async () => {
          if (!revoking) return;
          await post(`/households/${householdId}/calendar-feeds/${revoking.id}/revoke`);
          if (created?.feed.id === revoking.id) setCreated(null);
          await client.invalidateQueries({ queryKey: feedsKey(householdId) });
        }}
      >
        {t('report.feeds.revokeText')}
      </ConfirmModal>
    </Stack>
  );
}
