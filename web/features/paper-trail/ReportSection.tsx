import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, get } from '../../api/client.ts';
import type { Child, ImplementationReport } from '../../api/types.ts';
import { DocumentLanguageChoice } from '../../components/DocumentLanguageChoice.tsx';
import { addDaysIso, datesInWords, formatDate, localeFor, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { currentPlan, usePlans } from '../../components/queries.ts';
import { type T, useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { ReportView } from './ReportView.tsx';

// The implementation report for a date range: the web view of the report's JSON, and the same report
// as a PDF to print or attach. The range starts, unless changed, on the current plan's first day and
// ends today. The report's own words (its summary, the PDF) are in the language chosen here, by default
// the screen's: a parent who reads Spanish may send the report to a school that reads English.

/** The server's limit on one report (two school years). */
const MAX_DAYS = 731;

export function defaultReportRange(planStart: string | null): { from: string; to: string } {
  const today = todayIso();
  if (!planStart) return { from: addDaysIso(today, -90), to: today };
  if (planStart > today) return { from: planStart, to: planStart };
  const earliest = addDaysIso(today, -MAX_DAYS);
  return { from: planStart < earliest ? earliest : planStart, to: today };
}

export function ReportSection({
  householdId,
  child,
  canExport,
  range,
  onRange,
}: {
  householdId: string;
  child: Child;
  canExport: boolean;
  /** The range chosen in the address, if any. */
  range: { from: string | null; to: string | null };
  onRange(range: { from: string; to: string }): void;
}) {
  const t = useT('report');
  const tParts = useTParts();
  const screenLanguage = useLanguage().language;
  const locale = localeFor(screenLanguage);
  const [language, setLanguage] = useState<'en' | 'es'>(screenLanguage.startsWith('es') ? 'es' : 'en');
  const plans = usePlans(householdId, child.id);
  const plan = currentPlan(plans.data ?? []);
  const defaults = defaultReportRange(plan?.effectiveFrom ?? null);
  const from = range.from ?? defaults.from;
  const to = range.to ?? defaults.to;
  const ready = !plans.isPending;
  const query = new URLSearchParams({ from, to, language }).toString();
  const base = `/households/${householdId}/children/${child.id}`;
  const report = useQuery({
    queryKey: ['report', householdId, child.id, from, to, language],
    queryFn: () => get<ImplementationReport>(`${base}/report?${query}`),
    enabled: canExport && ready && from <= to,
    retry: (count, e) => !(e instanceof ApiError && e.status === 400) && count < 1,
  });

  if (!canExport) return <Text>{t('report.make.notAllowed')}</Text>;

  const apiError = report.error instanceof ApiError ? report.error : null;
  return (
    <Stack gap="md">
      <Text size="sm">{tParts('report.make.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
      {!ready ? (
        <Skeleton h={120} radius="md" />
      ) : (
        <RangeForm
          key={`${from}|${to}`}
          from={from}
          to={to}
          fromError={fieldWords(apiError?.fieldError('from'), locale)}
          toError={
            from > to
              ? t('report.make.endBeforeStart', { start: formatDate(from, locale) })
              : fieldWords(apiError?.fieldError('to'), locale)
          }
          t={t}
          locale={locale}
          onShow={onRange}
        />
      )}
      <DocumentLanguageChoice
        label={t('report.make.language')}
        description={t('report.make.languageHelp')}
        value={language}
        onChange={setLanguage}
      />
      {ready && from <= to && (
        <Group gap="sm">
          <Button
            component="a"
            href={`/api${base}/report.pdf?${query}`}
            download
            color="blue.8"
            aria-label={t('report.make.downloadLabel', {
              from: formatDate(from, locale),
              to: formatDate(to, locale),
            })}
          >
            {t('report.make.download')}
          </Button>
          <Text size="sm">
            {t('report.make.range', { from: formatDate(from, locale), to: formatDate(to, locale) })}
          </Text>
        </Group>
      )}

      {report.isError && !apiError?.fields.length && (
        <LoadFailed
          title={t('report.make.failed')}
          message={report.error.message}
          onRetry={() => void report.refetch()}
        />
      )}
      {ready && report.isPending && from <= to && (
        <LoadingCards label={t('report.make.loading')} heights={[140, 200]} />
      )}
      {report.data && <ReportView report={report.data} />}
    </Stack>
  );
}

/** The server's field message as a sentence, its dates in words. */
const fieldWords = (message: string | undefined, locale: string | undefined) =>
  message
    ? datesInWords(message.charAt(0).toUpperCase() + message.slice(1), 'weekdayShort', locale)
    : undefined;

function RangeForm({
  from,
  to,
  fromError,
  toError,
  onShow,
  t,
  locale,
}: {
  from: string;
  to: string;
  fromError: string | undefined;
  toError: string | undefined;
  t: T;
  locale: string | undefined;
  onShow(range: { from: string; to: string }): void;
}) {
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const [local, setLocal] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!start || !end) return setLocal(t('report.make.bothDates'));
    if (end < start) return setLocal(t('report.make.endBeforeStart', { start: formatDate(start, locale) }));
    setLocal(null);
    onShow({ from: start, to: end });
  };
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="form"
      aria-label={t('report.make.dates')}
      onSubmit={submit}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('report.make.from')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={fromError}
          />
          <TextInput
            type="date"
            label={t('report.make.to')}
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
            error={local ?? toError}
          />
        </SimpleGrid>
        <Button type="submit" variant="default" w="fit-content">
          {t('report.make.show')}
        </Button>
      </Stack>
    </Paper>
  );
}
