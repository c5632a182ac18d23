import { Anchor, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { CaseloadDeadline, CaseloadRow } from '../../../src/api/caseload.ts';
import {
  CASELOAD_SOON_DAYS,
  CASELOAD_TREND_DAYS,
  CASELOAD_URGENT_DAYS,
  matchesSearch,
  owedChange,
} from '../../../src/domain/caseload.ts';
import { get } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import { formatDate, formatInstant, localeFor } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';

// The advocate's caseload (issue 18): every family where the reader is an owner or an advocate, one row
// per child, most urgent first as the server sorts them (src/domain/caseload.ts); a search and filters;
// each row opens that household and child; the same rows as CSV. A table on a wide screen, cards on a
// phone.

const FILTERS = ['owed', 'rising', 'overdue', 'soon'] as const;
type Filters = Record<(typeof FILTERS)[number], boolean>;
/** The filters with the given ones on (the checkbox group's value). */
const filtersOf = (on: readonly string[]) =>
  Object.fromEntries(FILTERS.map((key) => [key, on.includes(key)])) as Filters;
const TREND_WEEKS = CASELOAD_TREND_DAYS / 7;

function shown(row: CaseloadRow, search: string, filters: Filters): boolean {
  if (!matchesSearch(row, search)) return false;
  if (filters.owed && row.owedMinutes <= 0) return false;
  if (filters.rising && owedChange(row) <= 0) return false;
  if (filters.overdue && row.repliesOverdue <= 0) return false;
  if (filters.soon && (row.nextDeadline == null || row.nextDeadline.inDays > CASELOAD_SOON_DAYS))
    return false;
  return true;
}

/** How the minutes owed moved in the last four weeks, in words ("60 more than 4 weeks ago"). */
function trendWords(t: T, row: CaseloadRow): string {
  const change = owedChange(row);
  return t('caseload.trend', {
    change: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
    minutes: Math.abs(change),
    weeks: TREND_WEEKS,
  });
}

function deadlineWords(t: T, deadline: CaseloadDeadline | null, locale: string | undefined): string {
  if (!deadline) return t('caseload.deadline.none');
  const what = deadline.kind === 'annual_review' ? t('caseload.deadline.annualReview') : deadline.label;
  const when = t('caseload.deadline.when', {
    date: formatDate(deadline.date, locale),
    days: deadline.inDays,
  });
  return what ? `${what}: ${when}` : when;
}

export default function CaseloadPage() {
  const t = useT('caseload');
  const locale = localeFor(useLanguage().language);
  const current = useCurrent();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>(() => filtersOf([]));
  const caseload = useQuery({ queryKey: ['caseload'], queryFn: () => get<CaseloadRow[]>('/caseload') });
  const rows = (caseload.data ?? []).filter((r) => shown(r, search, filters));
  const open = (row: CaseloadRow) => {
    current.setHouseholdId(row.householdId);
    if (row.childId) current.setChildId(row.childId);
  };
  const openLink = (row: CaseloadRow) => (
    <Anchor
      component={Link}
      href="/"
      onClick={() => open(row)}
      underline="always"
      className={ui.link}
      aria-label={
        row.childFirstName
          ? t('caseload.open', { family: row.householdName, child: row.childFirstName })
          : t('caseload.openNoChild', { family: row.householdName })
      }
    >
      <bdi>{row.householdName}</bdi>
    </Anchor>
  );
  const child = (row: CaseloadRow) =>
    row.childFirstName ? (
      <bdi>{row.childFirstName}</bdi>
    ) : (
      <span className={ui.muted}>{t('caseload.noChild')}</span>
    );
  const activity = (row: CaseloadRow) =>
    row.lastActivityAt ? formatInstant(row.lastActivityAt, locale) : t('caseload.activity.none');
  const urgentTag = (row: CaseloadRow) => (row.urgent ? <Tag tone="red">{t('caseload.urgent')}</Tag> : null);

  return (
    <Stack gap="md">
      <Title order={2}>{t('caseload.title')}</Title>
      <Text size="sm">{t('caseload.intro', { days: CASELOAD_URGENT_DAYS })}</Text>
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('caseload.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 14rem' }}
        />
        <Anchor href="/api/caseload.csv" download underline="always" className={ui.link} size="sm">
          {t('caseload.download')}
        </Anchor>
      </Group>
      <Checkbox.Group
        label={t('caseload.filters')}
        value={FILTERS.filter((key) => filters[key])}
        onChange={(on) => setFilters(filtersOf(on))}
      >
        <Group gap="md" mt={4}>
          <Checkbox value="owed" label={t('caseload.filter.owed')} />
          <Checkbox value="rising" label={t('caseload.filter.rising', { weeks: TREND_WEEKS })} />
          <Checkbox value="overdue" label={t('caseload.filter.overdue')} />
          <Checkbox value="soon" label={t('caseload.filter.soon', { days: CASELOAD_SOON_DAYS })} />
        </Group>
      </Checkbox.Group>

      {caseload.isPending && <LoadingCards label={t('caseload.loading')} heights={[90, 90, 90]} />}
      {caseload.error && (
        <LoadFailed
          title={t('caseload.loadError')}
          message={caseload.error.message}
          onRetry={() => caseload.refetch()}
        />
      )}
      {caseload.data && (
        <>
          <Text size="sm" role="status">
            {caseload.data.length === 0
              ? t('caseload.empty')
              : rows.length === 0
                ? t('caseload.noMatch')
                : t('caseload.count', { shown: rows.length, total: caseload.data.length })}
          </Text>
          {rows.length > 0 && (
            <>
              <Table.ScrollContainer minWidth={900} visibleFrom="sm">
                <Table striped verticalSpacing="xs" aria-label={t('caseload.tableLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('caseload.col.family')}</Table.Th>
                      <Table.Th scope="col">{t('caseload.col.child')}</Table.Th>
                      <Table.Th scope="col">{t('caseload.col.owed')}</Table.Th>
                      <Table.Th scope="col">{t('caseload.col.behind')}</Table.Th>
                      <Table.Th scope="col">{t('caseload.col.overdue')}</Table.Th>
                      <Table.Th scope="col">{t('caseload.col.deadline')}</Table.Th>
                      <Table.Th scope="col">{t('caseload.col.activity')}</Table.Th>
                      <Table.Th scope="col">{t('caseload.col.advisor')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={`${row.householdId}:${row.childId ?? ''}`}>
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            {openLink(row)}
                            <Text size="xs" className={ui.muted}>
                              {t('caseload.role', { role: row.role })}
                            </Text>
                            {urgentTag(row)}
                          </Stack>
                        </Table.Td>
                        <Table.Td>{child(row)}</Table.Td>
                        <Table.Td>
                          <Stack gap={0}>
                            <span>{row.owedMinutes}</span>
                            <Text size="xs" className={ui.muted}>
                              {trendWords(t, row)}
                            </Text>
                          </Stack>
                        </Table.Td>
                        <Table.Td>{row.servicesBehind}</Table.Td>
                        <Table.Td>{row.repliesOverdue}</Table.Td>
                        <Table.Td>{deadlineWords(t, row.nextDeadline, locale)}</Table.Td>
                        <Table.Td>{activity(row)}</Table.Td>
                        <Table.Td>{row.openAdvisorItems}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Stack component="ul" gap="sm" m={0} p={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
                {rows.map((row) => (
                  <Card
                    component="li"
                    key={`${row.householdId}:${row.childId ?? ''}`}
                    withBorder
                    padding="sm"
                  >
                    <Stack gap={4}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Stack gap={0}>
                          {openLink(row)}
                          <Text size="sm">{child(row)}</Text>
                        </Stack>
                        {urgentTag(row)}
                      </Group>
                      <Figures
                        items={[
                          [t('caseload.col.owed'), `${row.owedMinutes} (${trendWords(t, row)})`],
                          [t('caseload.col.overdue'), row.repliesOverdue],
                          [t('caseload.col.behind'), row.servicesBehind],
                          [t('caseload.col.advisor'), row.openAdvisorItems],
                          [t('caseload.col.deadline'), deadlineWords(t, row.nextDeadline, locale)],
                          [t('caseload.col.activity'), activity(row)],
                        ]}
                      />
                    </Stack>
                  </Card>
                ))}
              </Stack>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

/** A card's figures as a description list: each label with its value. */
function Figures({ items }: { items: [string, string | number][] }) {
  return (
    <dl
      style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '0.75rem', rowGap: 2 }}
    >
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" className={ui.muted}>
            {label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </dl>
  );
}
