import { Card, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Accommodation, Patterns } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { datesInWords, formatDay, formatRange, localeFor, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { outcomeInline, teacherKindInline } from '../../components/observation-words.ts';
import { plansSpan, usePlans } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';
import { ObservationRecords } from './ObservationRecords.tsx';

// The accommodations of the school year so far: the patterns found in what was recorded (each a
// question to ask), then every accommodation with how often it was provided and each occurrence (one
// school day and class, however many records speak of it: src/domain/occurrences.ts), with its sources.
// The counts and the list come from the same occurrences, so they always agree.

export default function AccommodationsPage() {
  const { householdId, child } = useHouseholdChild();
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
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
        <Title order={2}>{t('records.acc.title')}</Title>
        <Text>
          {from
            ? t('records.acc.yearSoFarRange', { range: formatRange(from, to, locale) })
            : t('records.acc.yearSoFar')}
        </Text>
        <Text size="sm" mt={4}>
          <TextLink href="/timetable">{t('records.acc.timetable')}</TextLink>
        </Text>
      </div>

      {error && <LoadFailed title={t('records.acc.loadError')} message={error.message} onRetry={retry} />}

      {pending && !error && <LoadingCards label={t('records.acc.loading')} heights={[120, 120]} />}

      {!pending && !error && planList.length === 0 && <Text>{t('records.acc.noPlan')}</Text>}

      {!pending && !error && planList.length > 0 && (
        <>
          <section aria-labelledby="acc-ask">
            <Title order={3} size="h4" id="acc-ask" mb="xs">
              {t('records.acc.patterns')}
            </Title>
            {findings.length === 0 ? (
              <Text>{t('records.acc.noPatterns')}</Text>
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
                    <Text>{datesInWords(f.message, 'weekdayShort', locale)}</Text>
                    <Text size="sm" mt="xs">
                      {t('records.finding.ask')}
                    </Text>
                    <Text fw={700}>{datesInWords(f.question, 'weekdayShort', locale)}</Text>
                  </Card>
                ))}
              </Stack>
            )}
          </section>

          <section aria-labelledby="acc-each">
            <Title order={3} size="h4" id="acc-each" mb="xs">
              {t('records.acc.each')}
            </Title>
            {accommodations.length === 0 ? (
              <Text>{t('records.acc.none')}</Text>
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
                        {rateWords(t, occurrences)}
                      </Text>
                      {occurrences.length === 0 ? (
                        <Text size="sm">{t('records.acc.nothingYet')}</Text>
                      ) : (
                        <List size="sm" spacing={4} mt={4}>
                          {occurrences.map((o) => (
                            <List.Item key={o.key}>
                              <Text size="sm" span>
                                {occurrenceHeading(t, o, locale)}
                              </Text>
                              <Text size="sm">{o.summary}.</Text>
                              {o.question && (
                                <Text size="sm" fw={700}>
                                  {t('records.acc.question', { question: o.question })}
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
function rateWords(t: T, occurrences: readonly Occurrence[]): string {
  if (occurrences.length === 0) return t('records.acc.nothingRecorded');
  const known = occurrences.filter((o) => o.outcome !== 'unknown');
  return t('records.acc.rate', {
    hasKnown: known.length > 0 ? 'yes' : 'no',
    perDay: new Set(known.map((o) => o.date)).size === known.length ? 'yes' : 'no',
    provided: known.filter((o) => o.outcome === 'provided').length,
    known: known.length,
    lapses: known.filter((o) => o.lapse).length,
    unsure: occurrences.length - known.length,
  });
}

/** "Friday, December 4: not provided, in Math (quiz), substitute". */
function occurrenceHeading(t: T, o: Occurrence, locale: string | undefined): string {
  return t('records.acc.occurrence', {
    day: formatDay(o.date, 'weekdayLong', locale),
    outcome: outcomeInline(t, o.outcome),
    where: o.className ? 'class' : o.classUnplaced ? 'unplaced' : 'none',
    className: o.className ?? '',
    setting: o.setting && o.setting !== 'other' ? o.setting : 'none',
    hasTeacher: o.teacherKind !== 'unknown' ? 'yes' : 'no',
    teacher: teacherKindInline(t, o.teacherKind),
  });
}
