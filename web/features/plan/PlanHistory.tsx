import { Accordion, Anchor, Box, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { attachmentHref, useAttachments } from '../../components/Attachments.tsx';
import { formatDate, todayIso } from '../../components/dates.ts';
import { useTParts } from '../../i18n/i18n.tsx';
import { changeWords, segmentsWords } from './changes.ts';
import { type PlanWords, usePlanWords } from './plan-words.ts';
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

/** "From Sep 8, 2026 to Jun 11, 2027 (in force now)", in the reader's language. */
export function versionDates({ t, locale }: PlanWords, v: PlanVersion, planEnd: string) {
  const state = inForceToday(v, planEnd) ? 'now' : v.effectiveFrom > todayIso() ? 'later' : 'past';
  return t('plan.history.dates', {
    from: formatDate(v.effectiveFrom, locale),
    to: formatDate(v.effectiveTo ?? planEnd, locale),
    state,
  });
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
  const words = usePlanWords();
  const { t } = words;
  const versions = useVersions(householdId, planId);
  const [open, setOpen] = useState<string[]>([]);
  const list = [...(versions.data ?? [])].sort((a, b) => b.versionNumber - a.versionNumber);
  const sources = useAttachments(
    householdId,
    list.flatMap((v) => (v.sourceAttachmentId ? [v.sourceAttachmentId] : [])),
  );
  const tParts = useTParts();
  const sourceOf = (v: PlanVersion) =>
    v.sourceAttachmentId ? sources.data?.get(v.sourceAttachmentId) : undefined;
  return (
    <Box component="section" aria-labelledby="plan-history-heading">
      <Title order={3} id="plan-history-heading" mb="xs">
        {t('plan.history.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('plan.history.intro')}
      </Text>
      {versions.isPending && <Text size="sm">{t('plan.loadingShort')}</Text>}
      {versions.error && (
        <Text role="alert" size="sm">
          {t('plan.history.loadError', { error: versions.error.message })}
        </Text>
      )}
      {list.length > 0 && (
        <Accordion multiple value={open} onChange={setOpen} variant="separated">
          {list.map((v) => (
            <Accordion.Item key={v.id} value={String(v.versionNumber)}>
              <Accordion.Control>
                <Text fw={700} component="span" display="block">
                  {t('plan.history.version', { number: String(v.versionNumber), summary: v.summary })}
                </Text>
                <Text size="sm" component="span" display="block">
                  {versionDates(words, v, planEnd)}
                </Text>
              </Accordion.Control>
              {sourceOf(v) && (
                <Text size="sm" px="md" pb="xs">
                  {tParts('plan.history.source', {
                    file: (
                      <Anchor href={attachmentHref(householdId, sourceOf(v)!)}>
                        <bdi>{sourceOf(v)!.filename}</bdi>
                      </Anchor>
                    ),
                  })}
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
  const words = usePlanWords();
  const { t, amount } = words;
  const detail = useQuery({
    queryKey: ['plan-version', householdId, planId, version.versionNumber],
    queryFn: () =>
      get<PlanVersionDetail>(`/households/${householdId}/plans/${planId}/versions/${version.versionNumber}`),
  });
  if (detail.isPending) return <Text size="sm">{t('plan.loadingShort')}</Text>;
  if (detail.error)
    return (
      <Text role="alert" size="sm">
        {t('plan.history.detailError', { error: detail.error.message })}
      </Text>
    );
  const d = detail.data;
  const c = d.content;
  return (
    <Stack gap="sm">
      {version.versionNumber > 1 && (
        <Box>
          <Text fw={700}>{t('plan.history.changed', { number: String(version.versionNumber - 1) })}</Text>
          {d.changesFromPrevious.length === 0 ? (
            <Text size="sm">
              {t('plan.history.nothingYet')}{' '}
              {version.isCurrent ? t('plan.history.changeAbove') : t('plan.history.same')}
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {d.changesFromPrevious.map((change) => {
                const said = changeWords(words, change, c);
                return (
                  <List.Item key={`${change.section}-${change.id}-${change.kind}`}>
                    {said.title}
                    {said.details.length > 0 && (
                      <List withPadding size="sm">
                        {said.details.map((line) => (
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
        <Text fw={700}>{t('plan.history.says')}</Text>
        {c.services.length === 0 ? (
          <Text size="sm">{t('plan.history.noServices')}</Text>
        ) : (
          <List spacing={4} size="sm">
            {c.services.map((s) => {
              const segments = s.segments;
              return (
                <List.Item key={s.id}>
                  {t('plan.history.service', {
                    name: s.name,
                    amount:
                      segments.length === 1 && segments[0]
                        ? amount(segments[0], s.setting as string)
                        : segmentsWords(words, segments),
                  })}
                </List.Item>
              );
            })}
          </List>
        )}
        <Text size="sm" mt={4}>
          {t('plan.history.also', {
            accommodations: c.accommodations.length,
            goals: c.goals.length,
            steps: c.behaviorSteps.length,
            dates: c.keyDates.length,
          })}
        </Text>
      </Box>
    </Stack>
  );
}
