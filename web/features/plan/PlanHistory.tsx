import { Accordion, Anchor, Box, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { attachmentHref, useAttachments } from '../../components/Attachments.tsx';
import { formatDate, todayIso } from '../../components/dates.ts';
import { plural, serviceAmountWords } from '../../components/plain-words.ts';
import { changeWords, segmentsWords } from './changes.ts';
import type { PlanVersion, PlanVersionDetail } from './types.ts';

export function useVersions(householdId: string, planId: string) {
  return useQuery({
    queryKey: ['plan-versions', householdId, planId],
    queryFn: () => get<PlanVersion[]>(`/households/${householdId}/plans/${planId}/versions`),
  });
}

/** Whether a version is the one in force today. */
export function inForceToday(v: PlanVersion, planEnd: string) {
  const today = todayIso();
  return v.effectiveFrom <= today && today <= (v.effectiveTo ?? planEnd);
}

export function versionDates(v: PlanVersion, planEnd: string) {
  const span = `From ${formatDate(v.effectiveFrom)} to ${formatDate(v.effectiveTo ?? planEnd)}`;
  if (inForceToday(v, planEnd)) return `${span} (in force now)`;
  if (v.effectiveFrom > todayIso()) return `${span} (not in force yet)`;
  return span;
}

/** Every version of the plan, newest first; opening one shows what changed from the one before. */
export function PlanHistory({
  householdId,
  planId,
  planEnd,
}: {
  householdId: string;
  planId: string;
  planEnd: string;
}) {
  const versions = useVersions(householdId, planId);
  const [open, setOpen] = useState<string[]>([]);
  const list = [...(versions.data ?? [])].sort((a, b) => b.versionNumber - a.versionNumber);
  const sources = useAttachments(
    householdId,
    list.flatMap((v) => (v.sourceAttachmentId ? [v.sourceAttachmentId] : [])),
  );
  const sourceOf = (v: PlanVersion) =>
    v.sourceAttachmentId ? sources.data?.get(v.sourceAttachmentId) : undefined;
  return (
    <Box component="section" aria-labelledby="plan-history-heading">
      <Title order={3} id="plan-history-heading" mb="xs">
        History
      </Title>
      <Text size="sm" mb="xs">
        Each amendment starts a new version on the day it takes effect. Earlier versions stay readable exactly
        as they were, and the ledger counts each day by the version in force then.
      </Text>
      {versions.isPending && <Text size="sm">Loading…</Text>}
      {versions.error && (
        <Text role="alert" size="sm">
          Could not load the versions: {versions.error.message}
        </Text>
      )}
      {list.length > 0 && (
        <Accordion multiple value={open} onChange={setOpen} variant="separated">
          {list.map((v) => (
            <Accordion.Item key={v.id} value={String(v.versionNumber)}>
              <Accordion.Control>
                <Text fw={700} component="span" display="block">
                  Version {v.versionNumber}: {v.summary}
                </Text>
                <Text size="sm" component="span" display="block">
                  {versionDates(v, planEnd)}
                </Text>
              </Accordion.Control>
              {sourceOf(v) && (
                <Text size="sm" px="md" pb="xs">
                  Read from the document{' '}
                  <Anchor href={attachmentHref(householdId, sourceOf(v)!)}>
                    <bdi>{sourceOf(v)!.filename}</bdi>
                  </Anchor>
                </Text>
              )}
              <Accordion.Panel>
                {open.includes(String(v.versionNumber)) && (
                  <VersionDetail householdId={householdId} planId={planId} version={v} />
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Box>
  );
}

function VersionDetail({
  householdId,
  planId,
  version,
}: {
  householdId: string;
  planId: string;
  version: PlanVersion;
}) {
  const detail = useQuery({
    queryKey: ['plan-version', householdId, planId, version.versionNumber],
    queryFn: () =>
      get<PlanVersionDetail>(`/households/${householdId}/plans/${planId}/versions/${version.versionNumber}`),
  });
  if (detail.isPending) return <Text size="sm">Loading…</Text>;
  if (detail.error)
    return (
      <Text role="alert" size="sm">
        Could not load this version: {detail.error.message}
      </Text>
    );
  const d = detail.data;
  const c = d.content;
  return (
    <Stack gap="sm">
      {version.versionNumber > 1 && (
        <Box>
          <Text fw={700}>What changed from version {version.versionNumber - 1}</Text>
          {d.changesFromPrevious.length === 0 ? (
            <Text size="sm">
              Nothing yet.{' '}
              {version.isCurrent
                ? 'Change the plan above to match what was agreed; the changes show here.'
                : 'The content stayed the same.'}
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {d.changesFromPrevious.map((change) => {
                const words = changeWords(change, c);
                return (
                  <List.Item key={`${change.section}-${change.id}-${change.kind}`}>
                    {words.title}
                    {words.details.length > 0 && (
                      <List withPadding size="sm">
                        {words.details.map((line) => (
                          <List.Item key={line}>{line}</List.Item>
                        ))}
                      </List>
                    )}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Box>
      )}
      <Box>
        <Text fw={700}>What this version says</Text>
        {c.services.length === 0 ? (
          <Text size="sm">No services.</Text>
        ) : (
          <List spacing={4} size="sm">
            {c.services.map((s) => {
              const segments = s.segments;
              return (
                <List.Item key={s.id}>
                  {s.name}:{' '}
                  {segments.length === 1 && segments[0]
                    ? serviceAmountWords(segments[0], s.setting as string)
                    : segmentsWords(segments)}
                </List.Item>
              );
            })}
          </List>
        )}
        <Text size="sm" mt={4}>
          Also {plural(c.accommodations.length, 'accommodation', 'accommodations')},{' '}
          {plural(c.goals.length, 'goal', 'goals')},{' '}
          {plural(c.behaviorSteps.length, 'behavior-plan step', 'behavior-plan steps')} and{' '}
          {plural(c.keyDates.length, 'key date', 'key dates')}.
        </Text>
      </Box>
    </Stack>
  );
}
