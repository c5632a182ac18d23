import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { WeekSummary } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { datesInWords, formatRange, todayIso } from '../../components/dates.ts';
import { TextLink } from '../../components/TextLink.tsx';
import { useTParts } from '../../i18n/i18n.tsx';
import { AccommodationsThisWeek } from './AccommodationsThisWeek.tsx';
import { SchoolClosedToday } from './SchoolClosedToday.tsx';
import { ServiceCard } from './ServiceCard.tsx';
import { useWeek } from './week-api.ts';
import { upperFirst, useWeekWords } from './week-words.ts';

// The home screen: this week for the current child, one card per service, what needs attention,
// days without school, and the one-tap "School closed today".

// A tiny link to the advisor when replies are overdue, loaded after the first screen.
const RepliesOverdue = lazy(() => import('../communications/RepliesOverdue.tsx'));
// What the district calendar read by its address added lately, or left for the parent.
const DistrictCalendarNews = lazy(() => import('../calendar/DistrictCalendarNews.tsx'));

/** Whether an English possessive of the name takes only an apostrophe ("James’"). */
const endsInS = (name: string) => (name.endsWith('s') ? 'yes' : 'no');

export function WeekPage() {
  const { householdId, child } = useHouseholdChild();
  const [today] = useState(todayIso);
  const week = useWeek(householdId, child.id, today);
  const { t, range, locale } = useWeekWords();
  const tParts = useTParts();
  const writable = useCan('session.write');
  const data = week.data;
  const needsSetup = data != null && (!data.hasCalendar || data.services.length === 0);
  const closures = data
    ? data.closures.map((text) => {
        const c = parseClosure(text, locale);
        return {
          ...c,
          words: c.what == null ? c.words : t('week.closure', { dates: c.words, what: c.what }),
        };
      })
    : [];
  const noSchoolToday = closures.some(
    (c) => c.start != null && c.start <= today && today <= (c.end ?? c.start),
  );

  return (
    <Stack gap="lg" maw={1100} className={contrast.scope}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2}>
            {tParts('week.title', {
              name: <bdi>{child.firstName}</bdi>,
              endsInS: endsInS(child.firstName),
            })}
          </Title>
          <Text>{data ? range(data.weekStart, data.weekEnd) : t('week.thisWeek')}</Text>
          <Suspense fallback={null}>
            <RepliesOverdue householdId={householdId} childId={child.id}>
              {(n) => <TextLink href="/advisor">{t('week.repliesOverdue', { count: n })}</TextLink>}
            </RepliesOverdue>
          </Suspense>
        </div>
        {/* Offered on a school day (and, once marked, to undo it), never on a weekend or holiday. */}
        {data?.hasCalendar && writable && (data.schoolDayToday || data.closedToday) && (
          <SchoolClosedToday
            householdId={householdId}
            childId={child.id}
            today={today}
            closedToday={data.closedToday}
          />
        )}
      </Group>

      {week.isPending && <WeekSkeleton />}
      {week.isError && (
        <Alert color="red" title={t('week.loadFailed')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{week.error.message}</Text>
            <Button size="xs" variant="default" onClick={() => void week.refetch()}>
              {t('week.tryAgain')}
            </Button>
          </Stack>
        </Alert>
      )}

      {data && needsSetup && <FinishSetup data={data} writable={writable} firstName={child.firstName} />}

      {data && closures.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="week-no-school">
          <Title order={3} size="h5" id="week-no-school">
            {noSchoolToday ? t('week.noSchoolToday') : t('week.noSchoolThisWeek')}
          </Title>
          <List size="sm" mt={4}>
            {closures.map((c) => (
              <List.Item key={c.text}>{c.words}</List.Item>
            ))}
          </List>
        </Paper>
      )}

      {data?.hasCalendar && (
        <Suspense fallback={null}>
          <DistrictCalendarNews householdId={householdId} childId={child.id} today={today}>
            {(news) => (
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="week-district">
                <Title order={3} size="h5" id="week-district">
                  {t('week.district.title')}
                </Title>
                <List size="sm" mt={4}>
                  {news.added.map((d) => (
                    <List.Item key={`${d.summary}-${d.startDate}`}>
                      {t('week.district.added', {
                        summary: d.summary,
                        dates: range(d.startDate, d.endDate),
                      })}
                    </List.Item>
                  ))}
                  {news.waiting > 0 && (
                    <List.Item>
                      <TextLink href="/calendar">
                        {t('week.district.waiting', { count: news.waiting })}
                      </TextLink>
                    </List.Item>
                  )}
                </List>
              </Paper>
            )}
          </DistrictCalendarNews>
        </Suspense>
      )}

      {data && data.attention.length > 0 && <NeedsAttention items={data.attention} />}

      {data && data.services.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {data.services.map((s) => (
            <ServiceCard
              key={s.serviceId}
              householdId={householdId}
              childId={child.id}
              service={s}
              today={today}
              writable={writable}
            />
          ))}
        </SimpleGrid>
      )}

      {data && !needsSetup && (
        <AccommodationsThisWeek
          householdId={householdId}
          childId={child.id}
          accommodations={data.accommodations}
          today={today}
          writable={writable}
        />
      )}
    </Stack>
  );
}

function NeedsAttention({ items }: { items: WeekSummary['attention'] }) {
  const { t, locale } = useWeekWords();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, 4);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="week-attention">
      <Title order={3} size="h5" id="week-attention">
        {t('week.attention.title')}
      </Title>
      <List size="sm" mt={4} spacing={4}>
        {shown.map((a) => (
          <List.Item key={`${a.kind}-${a.serviceId}`}>
            <TextLink href={a.kind === 'accommodation' ? '/accommodations' : `/ledger/${a.serviceId}`}>
              {/* The server's sentence, in the reader's language: its dates as the reader's locale writes them. */}
              {datesInWords(a.message, 'weekdayShort', locale)}
            </TextLink>
          </List.Item>
        ))}
      </List>
      {items.length > shown.length && (
        <Button variant="default" size="compact-sm" mt="xs" onClick={() => setAll(true)}>
          {t('week.attention.showAll', { count: items.length })}
        </Button>
      )}
    </Paper>
  );
}

function FinishSetup({
  data,
  writable,
  firstName,
}: {
  data: WeekSummary;
  writable: boolean;
  firstName: string;
}) {
  const { t } = useWeekWords();
  const missing: string[] = [];
  if (!data.hasCalendar) missing.push(t('week.setup.calendar'));
  if (data.services.length === 0)
    missing.push(t('week.setup.services', { name: firstName, endsInS: endsInS(firstName) }));
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="week-setup">
      <Stack gap="sm" align="flex-start">
        <Title order={3} size="h4" id="week-setup">
          {t('week.setup.title')}
        </Title>
        <Text>{t('week.setup.intro')}</Text>
        <List>
          {missing.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
        {writable ? (
          <Button component={Link} href="/welcome" size="md" color="blue.8">
            {t('week.setup.finish')}
          </Button>
        ) : (
          <Text>{t('week.setup.ask')}</Text>
        )}
      </Stack>
    </Card>
  );
}

function WeekSkeleton() {
  const { t } = useWeekWords();
  return (
    <div role="status">
      <VisuallyHidden>{t('week.loading')}</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-hidden>
        <Skeleton h={220} radius="md" />
        <Skeleton h={220} radius="md" />
      </SimpleGrid>
    </div>
  );
}

/**
 * The server lists days off as "2026-11-25 to 2026-11-27: Thanksgiving break (break)": the dates in
 * the reader's words (`words`) and what the day is, as the calendar names it (`what`); text of
 * another form is shown as it is, its dates in words (`what` null).
 */
function parseClosure(
  text: string,
  locale: string | undefined,
): {
  text: string;
  start: string | null;
  end: string | null;
  words: string;
  what: string | null;
} {
  const m = /^(\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?: (.*)$/.exec(text);
  if (!m)
    return { text, start: null, end: null, words: datesInWords(text, 'weekdayShort', locale), what: null };
  const start = m[1] as string;
  const end = m[2] ?? null;
  const what = (m[3] ?? '').replace(/ \((holiday|break|closure)\)$/, '');
  return { text, start, end, words: formatRange(start, end, locale), what: upperFirst(what, locale) };
}
