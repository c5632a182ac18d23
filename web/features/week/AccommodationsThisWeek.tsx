import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { WeekSummary } from '../../api/types.ts';
import { TextLink } from '../../components/TextLink.tsx';
import classes from './week.module.css';
import { lower, upperFirst, useWeekWords } from './week-words.ts';

// The sheet is loaded after the first screen (fetched while the page is idle), like the session sheets.
const loadAccommodationDrawer = () =>
  import('./LogAccommodationDrawer.tsx').then((m) => ({ default: m.LogAccommodationDrawer }));
const LogAccommodationDrawer = lazy(loadAccommodationDrawer);

type WeekAccommodation = WeekSummary['accommodations'][number];

/** This week's accommodations, the ones that slipped first, and "Log an accommodation". */
export function AccommodationsThisWeek({
  householdId,
  childId,
  accommodations,
  today,
  writable,
}: {
  householdId: string;
  childId: string;
  accommodations: WeekAccommodation[];
  today: string;
  writable: boolean;
}) {
  const words = useWeekWords();
  const { t, day, locale } = words;
  const [opened, setOpened] = useState(false);
  // Mounted from the first opening on, so closing animates and focus returns to the button.
  const [used, setUsed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!writable) return;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => void loadAccommodationDrawer());
  }, [writable]);
  const sorted = [...accommodations].sort((a, b) => Number(b.slipped) - Number(a.slipped));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="week-accommodations">
      <Stack gap="sm">
        <Title order={3} size="h4" id="week-accommodations">
          {t('week.acc.title')}
        </Title>
        {sorted.length === 0 ? (
          <Text size="sm">{t('week.acc.none')}</Text>
        ) : (
          <List size="sm" spacing="xs" listStyleType="none" ml={0} pl={0}>
            {sorted.map((a) => (
              <List.Item key={a.accommodationId}>
                <Text size="sm" fw={600} span>
                  {a.text}
                </Text>
                <Text size="sm" className={a.slipped ? classes.alert : undefined} fw={a.slipped ? 700 : 400}>
                  {weekWords(a, words)}
                </Text>
                {a.occurrences.map((o) => (
                  <Text size="sm" key={o.key}>
                    {t('week.acc.occurrence', {
                      day: day(o.date),
                      outcome: lower(words.outcome(o.outcome), locale),
                      hasClass: o.className ? 'yes' : 'no',
                      className: o.className ?? '',
                      hasTeacher: o.teacherKind !== 'unknown' ? 'yes' : 'no',
                      teacher: lower(words.teacher(o.teacherKind), locale),
                      summary: upperFirst(o.summary, locale),
                    })}
                    {o.question && (
                      <Text span size="sm" fw={700}>
                        {` ${t('week.acc.question', { question: o.question })}`}
                      </Text>
                    )}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm">
          <TextLink href="/accommodations">{t('week.acc.every')}</TextLink>
        </Text>
        {writable && (
          <Button
            size="md"
            color="blue.8"
            w="fit-content"
            ref={button}
            onClick={() => {
              setUsed(true);
              setOpened(true);
            }}
          >
            {t('week.acc.log')}
          </Button>
        )}
      </Stack>
      {writable && used && (
        <Suspense fallback={null}>
          <LogAccommodationDrawer
            householdId={householdId}
            childId={childId}
            today={today}
            opened={opened}
            onClose={() => {
              setOpened(false);
              // Back to the button that opened the sheet (the sheet is mounted already open the first time).
              window.setTimeout(() => button.current?.focus(), 50);
            }}
          />
        </Suspense>
      )}
    </Paper>
  );
}

/**
 * Counted by occurrence: one school day and class, however many records speak of it. Each count is a
 * clause of its own in the catalog; the clauses are listed with commas.
 */
function weekWords(a: WeekAccommodation, { t, locale }: ReturnType<typeof useWeekWords>): string {
  const parts: string[] = [];
  if (a.notProvided > 0) parts.push(t('week.acc.notProvided', { count: a.notProvided }));
  if (a.partly > 0) parts.push(t('week.acc.partly', { count: a.partly }));
  if (a.provided > 0)
    parts.push(
      a.notProvided + a.partly > 0
        ? t('week.acc.providedTimes', { count: a.provided })
        : t('week.acc.provided'),
    );
  if (a.unknown > 0) parts.push(t('week.acc.notSure', { count: a.unknown }));
  if (parts.length === 0) return t('week.acc.nothing');
  return upperFirst(parts.join(', '), locale);
}
