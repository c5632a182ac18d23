import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { WeekSummary } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';
import { outcomeLabel, teacherKindLabel, timesWords } from '../../components/observation-words.ts';
import { TextLink } from '../../components/TextLink.tsx';
import classes from './week.module.css';

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
          Accommodations this week
        </Title>
        {sorted.length === 0 ? (
          <Text size="sm">Nothing recorded about accommodations this week.</Text>
        ) : (
          <List size="sm" spacing="xs" listStyleType="none" ml={0} pl={0}>
            {sorted.map((a) => (
              <List.Item key={a.accommodationId}>
                <Text size="sm" fw={600} span>
                  {a.text}
                </Text>
                <Text size="sm" className={a.slipped ? classes.alert : undefined} fw={a.slipped ? 700 : 400}>
                  {weekWords(a)}
                </Text>
                {a.occurrences.map((o) => (
                  <Text size="sm" key={o.key}>
                    {`${formatDay(o.date)}: ${outcomeLabel(o.outcome).toLowerCase()}${o.className ? `, ${o.className}` : ''}${o.teacherKind !== 'unknown' ? `, ${teacherKindLabel(o.teacherKind).toLowerCase()}` : ''}. ${capitalize(o.summary)}.`}
                    {o.question && (
                      <Text span size="sm" fw={700}>
                        {` Question: ${o.question}`}
                      </Text>
                    )}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm">
          <TextLink href="/accommodations">Every accommodation, and what to ask</TextLink>
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
            Log an accommodation
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

const capitalize = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Counted by occurrence: one school day and class, however many records speak of it. */
function weekWords(a: WeekAccommodation): string {
  const parts: string[] = [];
  if (a.notProvided > 0) parts.push(`Not provided ${timesWords(a.notProvided)} this week`);
  if (a.partly > 0) parts.push(`Partly provided ${timesWords(a.partly)}`);
  if (a.provided > 0)
    parts.push(a.notProvided + a.partly > 0 ? `provided ${timesWords(a.provided)}` : 'Provided');
  if (a.unknown > 0) parts.push(`not sure ${timesWords(a.unknown)}`);
  if (parts.length === 0) return 'Nothing recorded this week';
  const s = parts.join(', ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}
