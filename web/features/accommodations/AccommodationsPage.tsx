import { Card, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Accommodation, Patterns } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { datesInWords, formatDay, formatRange, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { outcomeLabel, teacherKindLabel } from '../../components/observation-words.ts';
import { plansSpan, usePlans } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import { ObservationRecords } from './ObservationRecords.tsx';

// The accommodations of the school year so far: the patterns found in what was recorded (each a
// question to ask), then every accommodation with how often it was provided and each occurrence (one
// school day and class, however many records speak of it: src/domain/occurrences.ts), with its sources.
// The counts and the list come from the same occurrences, so they always agree.

export default function AccommodationsPage() {
  const { householdId, child } = useHouseholdChild();
  const writable = useCan('plan.write');
  const [today] = useState(todayIso);
  const plans = usePlans(householdId, child.id);
  const planList = plans.data ?? [];
  const { from, to } = plansSpan(planList, today);

  const patterns = useQuery({
    queryKey: ['patterns', householdId, child.id, from, to],
    queryFn: () =>
      get<Patterns>(`/households/${householdId}/children/${child.id}/patterns?from=${from}&to=${to}`),
    enabled: from != null,
  });
  const lists = useQueries({
    queries: planList.map((plan) => ({
      queryKey: ['accommodations', householdId, plan.id],
      queryFn: () => get<Accommodation[]>(`/households/${householdId}/accommodations?planId=${plan.id}`),
    })),
  });
  const accommodations = lists.flatMap((q) => q.data ?? []);

  const error = plans.error ?? patterns.error ?? lists.find((q) => q.error)?.error ?? null;
  const pending = plans.isPending || (from != null && patterns.isPending) || lists.some((q) => q.isPending);
  const retry = () => {
    void plans.refetch();
    void patterns.refetch();
    for (const q of lists) void q.refetch();
  };

  const occurrencesOf = new Map<string, Occurrence[]>();
  for (const o of patterns.data?.accommodationOccurrences ?? []) {
    const list = occurrencesOf.get(o.accommodationId) ?? [];
    list.push(o);
    occurrencesOf.set(o.accommodationId, list);
  }
  const findings = patterns.data?.findings ?? [];

  return (
    <Stack gap="lg" maw={1000} className={contrast.scope}>
      <div>
        <Title order={2}>Accommodations</Title>
        <Text>{from ? `School year so far: ${formatRange(from, to)}` : 'School year so far'}</Text>
        <Text size="sm" mt={4}>
          <TextLink href="/timetable">Class timetable</TextLink>
        </Text>
      </div>

      {error && (
        <LoadFailed title="The accommodations could not be loaded" message={error.message} onRetry={retry} />
      )}

      {pending && !error && <LoadingCards label="Loading the accommodations" heights={[120, 120]} />}

      {!pending && !error && planList.length === 0 && <Text>There is no plan yet.</Text>}

      {!pending && !error && planList.length > 0 && (
        <>
          <section aria-labelledby="acc-ask">
            <Title order={3} size="h4" id="acc-ask" mb="xs">
              Patterns in what was recorded
            </Title>
            {findings.length === 0 ? (
              <Text>No patterns in what was recorded so far.</Text>
            ) : (
              <Stack gap="sm">
                {findings.map((f) => (
                  <Card
                    key={`${f.rule}-${f.subjectId}-${f.message}`}
                    withBorder
                    radius="md"
                    padding="md"
                    component="article"
                  >
                    <Text>{datesInWords(f.message)}</Text>
                    <Text size="sm" mt="xs">
                      What to ask
                    </Text>
                    <Text fw={700}>{datesInWords(f.question)}</Text>
                  </Card>
                ))}
              </Stack>
            )}
          </section>

          <section aria-labelledby="acc-each">
            <Title order={3} size="h4" id="acc-each" mb="xs">
              Each accommodation
            </Title>
            {accommodations.length === 0 ? (
              <Text>The plan has no accommodations yet.</Text>
            ) : (
              <Stack gap="sm">
                {accommodations.map((a) => {
                  const occurrences = occurrencesOf.get(a.id) ?? [];
                  const headingId = `acc-${a.id}`;
                  return (
                    <Paper
                      key={a.id}
                      withBorder
                      p="md"
                      radius="md"
                      component="section"
                      aria-labelledby={headingId}
                    >
                      <Title order={4} size="h5" id={headingId}>
                        {a.text}
                      </Title>
                      <Text fw={600} size="sm" mt={4}>
                        {rateWords(occurrences)}
                      </Text>
                      {occurrences.length === 0 ? (
                        <Text size="sm">Nothing recorded yet.</Text>
                      ) : (
                        <List size="sm" spacing={4} mt={4}>
                          {occurrences.map((o) => (
                            <List.Item key={o.key}>
                              <Text size="sm" span>
                                {occurrenceHeading(o)}
                              </Text>
                              <Text size="sm">{o.summary}.</Text>
                              {o.question && (
                                <Text size="sm" fw={700}>
                                  Question: {o.question}
                                </Text>
                              )}
                            </List.Item>
                          ))}
                        </List>
                      )}
                      <ObservationRecords
                        householdId={householdId}
                        childId={child.id}
                        accommodationId={a.id}
                        accommodationText={a.text}
                        writable={writable}
                      />
                    </Paper>
                  );
                })}
              </Stack>
            )}
          </section>
        </>
      )}
    </Stack>
  );
}

type Occurrence = Patterns['accommodationOccurrences'][number];

/**
 * "Provided on 2 of 3 days noted; 1 lapse", counted by occurrence. "Days" when every occurrence is on its
 * own day; "times" when one day holds two classes.
 */
function rateWords(occurrences: readonly Occurrence[]): string {
  const known = occurrences.filter((o) => o.outcome !== 'unknown');
  const unsure = occurrences.length - known.length;
  if (occurrences.length === 0) return 'Nothing recorded yet';
  const lapses = known.filter((o) => o.lapse).length;
  const provided = known.filter((o) => o.outcome === 'provided').length;
  const perDay = new Set(known.map((o) => o.date)).size === known.length;
  const unit = (n: number) => (perDay ? (n === 1 ? 'day' : 'days') : n === 1 ? 'time' : 'times');
  const parts =
    known.length === 0
      ? []
      : [
          `Provided on ${provided} of ${known.length} ${unit(known.length)} noted`,
          `${lapses} ${lapses === 1 ? 'lapse' : 'lapses'}`,
        ];
  if (unsure > 0)
    parts.push(
      `not sure on ${unsure} ${perDay ? (unsure === 1 ? 'day' : 'days') : unsure === 1 ? 'time' : 'times'}`,
    );
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** "Friday, December 4: not provided, in Math (quiz), substitute". */
function occurrenceHeading(o: Occurrence): string {
  const where = o.className
    ? `in ${o.className}${o.setting && o.setting !== 'other' ? ` (${o.setting})` : ''}`
    : o.classUnplaced
      ? 'class not noted'
      : null;
  const parts = [
    `${formatDay(o.date, 'weekdayLong')}: ${outcomeLabel(o.outcome).toLowerCase()}`,
    where,
    o.teacherKind !== 'unknown' ? teacherKindLabel(o.teacherKind).toLowerCase() : null,
  ];
  return parts.filter(Boolean).join(', ');
}
