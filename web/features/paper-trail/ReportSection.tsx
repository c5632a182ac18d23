import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, get } from '../../api/client.ts';
import type { Child, ImplementationReport } from '../../api/types.ts';
import { addDaysIso, datesInWords, formatDate, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { currentPlan, usePlans } from '../../components/queries.ts';
import { ReportView } from './ReportView.tsx';

// The implementation report for a date range: the web view of the report's JSON, and the same report
// as a PDF to print or attach. The range starts, unless changed, on the current plan's first day and
// ends today.

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
  const plans = usePlans(householdId, child.id);
  const plan = currentPlan(plans.data ?? []);
  const defaults = defaultReportRange(plan?.effectiveFrom ?? null);
  const from = range.from ?? defaults.from;
  const to = range.to ?? defaults.to;
  const ready = !plans.isPending;
  const query = new URLSearchParams({ from, to }).toString();
  const base = `/households/${householdId}/children/${child.id}`;
  const report = useQuery({
    queryKey: ['report', householdId, child.id, from, to],
    queryFn: () => get<ImplementationReport>(`${base}/report?${query}`),
    enabled: canExport && ready && from <= to,
    retry: (count, e) => !(e instanceof ApiError && e.status === 400) && count < 1,
  });

  if (!canExport)
    return (
      <Text>
        The report carries the whole record, so only the owner, co-parents and advocates can make it. Ask the
        owner of this household if you need a copy.
      </Text>
    );

  const apiError = report.error instanceof ApiError ? report.error : null;
  return (
    <Stack gap="md">
      <Text size="sm">
        What the plan promised for <bdi>{child.firstName}</bdi> and what happened, for the dates you choose:
        for an IEP meeting, a mediator or a state complaint investigator. The PDF holds the same report.
      </Text>
      {!ready ? (
        <Skeleton h={120} radius="md" />
      ) : (
        <RangeForm
          key={`${from}|${to}`}
          from={from}
          to={to}
          fromError={fieldWords(apiError?.fieldError('from'))}
          toError={
            from > to
              ? `The end must not be before the start (${formatDate(from)}).`
              : fieldWords(apiError?.fieldError('to'))
          }
          onShow={onRange}
        />
      )}
      {ready && from <= to && (
        <Group gap="sm">
          <Button
            component="a"
            href={`/api${base}/report.pdf?${query}`}
            download
            color="blue.8"
            aria-label={`Download PDF, ${formatDate(from)} to ${formatDate(to)}`}
          >
            Download PDF
          </Button>
          <Text size="sm">
            {formatDate(from)} to {formatDate(to)}
          </Text>
        </Group>
      )}

      {report.isError && !apiError?.fields.length && (
        <LoadFailed
          title="The report could not be made"
          message={report.error.message}
          onRetry={() => void report.refetch()}
        />
      )}
      {ready && report.isPending && from <= to && (
        <LoadingCards label="Making the report" heights={[140, 200]} />
      )}
      {report.data && <ReportView report={report.data} />}
    </Stack>
  );
}

/** The server's field message as a sentence, its dates in words. */
const fieldWords = (message: string | undefined) =>
  message ? datesInWords(message.charAt(0).toUpperCase() + message.slice(1)) : undefined;

function RangeForm({
  from,
  to,
  fromError,
  toError,
  onShow,
}: {
  from: string;
  to: string;
  fromError: string | undefined;
  toError: string | undefined;
  onShow(range: { from: string; to: string }): void;
}) {
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const [local, setLocal] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!start || !end) return setLocal('Choose both dates.');
    if (end < start) return setLocal(`The end must not be before the start (${formatDate(start)}).`);
    setLocal(null);
    onShow({ from: start, to: end });
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" aria-label="Dates of the report" onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label="From"
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={fromError}
          />
          <TextInput
            type="date"
            label="To"
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
            error={local ?? toError}
          />
        </SimpleGrid>
        <Button type="submit" variant="default" w="fit-content">
          Show the report
        </Button>
      </Stack>
    </Paper>
  );
}
