import { Card, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Accommodation, AccommodationObservation, Patterns } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { formatDay, formatRange, humanizeDates, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import {
  observationSourceLabel,
  outcomeLabel,
  teacherKindLabel,
} from '../../components/observation-words.ts';
import { usePlans } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';

// The accommodations of the school year so far: the patterns found in what was recorded (each a
// question to ask), then every accommodation with what was recorded and how often it was provided.

export default function AccommodationsPage() {
  const { householdId, child } = useHouseholdChild();
  const [today] = useState(todayIso);
  const plans = usePlans(householdId, child.id);
  const planList = plans.data ?? [];
  const from = planList.reduce<string | null>(
    (min, p) => (min == null || p.effectiveFrom < min ? p.effectiveFrom : min),
    null,
  );
  const to = from != null && from > today ? from : today;

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
  const observationLists = useQueries({
    queries: accommodations.map((a) => ({
      queryKey: ['accommodation-observations', householdId, a.id],
      queryFn: () =>
        get<AccommodationObservation[]>(
          `/households/${householdId}/accommodation-observations?accommodationId=${a.id}`,
        ),
    })),
  });

  const error =
    plans.error ??
    patterns.error ??
    lists.find((q) => q.error)?.error ??
    observationLists.find((q) => q.error)?.error ??
    null;
  const pending =
    plans.isPending ||
    (from != null && patterns.isPending) ||
    lists.some((q) => q.isPending) ||
    observationLists.some((q) => q.isPending);
  const retry = () => {
    void plans.refetch();
    void patterns.refetch();
    for (const q of [...lists, ...observationLists]) void q.refetch();
  };

  // The server counts per week; add the weeks up for the whole period.
  const rates = new Map<string, Counts>();
  for (const r of patterns.data?.accommodationRates ?? []) {
    const sum = rates.get(r.accommodationId) ?? { provided: 0, partly: 0, notProvided: 0, unknown: 0 };
    sum.provided += r.provided;
    sum.partly += r.partly;
    sum.notProvided += r.notProvided;
    sum.unknown += r.unknown;
    rates.set(r.accommodationId, sum);
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
                    <Text>{humanizeDates(f.message)}</Text>
                    <Text size="sm" mt="xs">
                      What to ask
                    </Text>
                    <Text fw={700}>{humanizeDates(f.question)}</Text>
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
                {accommodations.map((a, i) => {
                  const observations = (observationLists[i]?.data ?? [])
                    .filter((o) => from != null && o.date >= from && o.date <= to)
                    .sort((x, y) => (x.date < y.date ? 1 : -1));
                  const rate = rates.get(a.id);
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
                        {rateWords(rate)}
                      </Text>
                      {observations.length === 0 ? (
                        <Text size="sm">Nothing recorded yet.</Text>
                      ) : (
                        <List size="sm" spacing={2} mt={4}>
                          {observations.map((o) => (
                            <List.Item key={o.id}>{observationWords(o)}</List.Item>
                          ))}
                        </List>
                      )}
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

type Counts = { provided: number; partly: number; notProvided: number; unknown: number };

function rateWords(rate: Counts | undefined): string {
  if (!rate) return 'Nothing recorded yet';
  const total = rate.provided + rate.partly + rate.notProvided + rate.unknown;
  if (total === 0) return 'Nothing recorded yet';
  return `Provided ${rate.provided} of ${total} ${total === 1 ? 'time' : 'times'} recorded`;
}

function observationWords(o: AccommodationObservation): string {
  const parts = [
    `${formatDay(o.date, 'medium')}: ${outcomeLabel(o.outcome)}`,
    o.className ? `in ${o.className}` : null,
    `teacher: ${teacherKindLabel(o.teacherKind).toLowerCase()}`,
    `how we know: ${observationSourceLabel(o.source).toLowerCase()}`,
  ];
  return parts.filter(Boolean).join(', ');
}
