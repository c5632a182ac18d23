import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import type { BehaviorIncident, BehaviorStep, Patterns, VoidFlag } from '../../api/types.ts';
import { ConfirmDelete } from '../../components/ConfirmModal.tsx';
import contrast from '../../components/contrast.module.css';
import { formatDay, formatRange, localeFor } from '../../components/dates.ts';
import { FindingCard } from '../../components/FindingCard.tsx';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { observationSourceInline } from '../../components/observation-words.ts';
import { usePlanRecordsPage } from '../../components/queries.ts';
import { ReadOnlyNote, type RecordActions, RecordButtonsLine } from '../../components/RecordButtons.tsx';
import { RecordList } from '../../components/RecordList.tsx';
import { RecordSheet, useRecordSheet } from '../../components/RecordSheet.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { isVoided, VoidedNote, voidedClass } from '../../components/VoidRecord.tsx';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import {
  behaviorFindingHeading,
  consequenceWords,
  isBehaviorFinding,
  rewardWords,
  STEP_KIND_ORDER,
  stepKindLabel,
  stepName,
} from './behavior-words.ts';
import { IncidentForm } from './IncidentForm.tsx';

// The behavior plan as written (its steps), what happened on hard days checked against it, and the
// patterns across those days, each a question to ask.

const RECENT = 10;

export default function BehaviorPage() {
  const { householdId, child, today, writable, deletable, plans, planList, plan, from, to } =
    usePlanRecordsPage();
  const t = useT('records');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);

  // Every plan of the child: an incident recorded under an earlier plan is still shown, with its steps.
  const stepLists = useQueries({
    queries: planList.map((p) => ({
      queryKey: ['behavior-steps', householdId, p.id],
      queryFn: () => get<BehaviorStep[]>(`/households/${householdId}/behavior-steps?planId=${p.id}`),
    })),
  });
  const incidentLists = useQueries({
    queries: planList.map((p) => ({
      queryKey: ['behavior-incidents', householdId, p.id],
      queryFn: () => get<BehaviorIncident[]>(`/households/${householdId}/behavior-incidents?planId=${p.id}`),
    })),
  });
  const patterns = useQuery({
    queryKey: ['patterns', householdId, child.id, from, to],
    queryFn: () =>
      get<Patterns>(`/households/${householdId}/children/${child.id}/patterns?from=${from}&to=${to}`),
    enabled: from != null,
  });

  const stepsByPlan = new Map<string, BehaviorStep[]>();
  planList.forEach((p, i) => {
    const steps = [...(stepLists[i]?.data ?? [])].sort((a, b) => a.position - b.position);
    stepsByPlan.set(p.id, steps);
  });
  const stepById = new Map([...stepsByPlan.values()].flat().map((s) => [s.id, s]));
  const planSteps = plan ? (stepsByPlan.get(plan.id) ?? []) : [];
  const incidents = incidentLists
    .flatMap((q) => q.data ?? [])
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1));
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const findings = (patterns.data?.findings ?? []).filter((f) => isBehaviorFinding(f.rule));

  const error =
    plans.error ??
    stepLists.find((q) => q.error)?.error ??
    incidentLists.find((q) => q.error)?.error ??
    patterns.error ??
    null;
  const pending =
    plans.isPending ||
    stepLists.some((q) => q.isPending) ||
    incidentLists.some((q) => q.isPending) ||
    (from != null && patterns.isPending);
  const retry = () => {
    void plans.refetch();
    void patterns.refetch();
    for (const q of [...stepLists, ...incidentLists]) void q.refetch();
  };

  const sheet = useRecordSheet<BehaviorIncident>();
  const [all, setAll] = useState(false);
  const shown = all ? incidents : incidents.slice(0, RECENT);

  const incidentLine = (i: BehaviorIncident) =>
    t('records.behavior.incidentLine', {
      day: formatDay(i.date, 'weekdayShort', locale),
      summary: i.summary,
    });

  return (
    <Stack gap="lg" maw={1000} className={contrast.scope}>
      <div>
        <Title order={2}>{t('records.behavior.title')}</Title>
        <Text>{tParts('records.behavior.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
        {from && (
          <Text size="sm">{t('records.acc.yearSoFarRange', { range: formatRange(from, to, locale) })}</Text>
        )}
        {!writable && <ReadOnlyNote cannot={t('records.behavior.cannot')} />}
      </div>

      {error && (
        <LoadFailed title={t('records.behavior.loadError')} message={error.message} onRetry={retry} />
      )}

      {pending && !error && <LoadingCards label={t('records.behavior.loading')} heights={[120, 120]} />}

      {!pending && !error && !plan && (
        <Text>
          {t('records.acc.noPlan')} <TextLink href="/plan">{t('records.goToPlan')}</TextLink>
        </Text>
      )}

      {!pending && !error && plan && (
        <>
          <PlanSteps steps={planSteps} firstName={child.firstName} />

          {writable && (
            <Group>
              <Button size="md" color="blue.8" onClick={() => sheet.open('new')}>
                {t('records.behavior.record')}
              </Button>
            </Group>
          )}

          <section aria-labelledby="behavior-ask">
            <Title order={3} size="h4" id="behavior-ask" mb="xs">
              {t('records.behavior.patterns')}
            </Title>
            {findings.length === 0 ? (
              <Text>{t('records.behavior.noPatterns')}</Text>
            ) : (
              <Stack gap="sm">
                {findings.map((f) => (
                  <FindingCard
                    key={`${f.rule}-${f.subjectId}`}
                    finding={f}
                    heading={behaviorFindingHeading(t, f.rule)}
                    entries={f.entryIds
                      .map((id) => incidentById.get(id))
                      .filter((i): i is BehaviorIncident => i != null)
                      .sort((a, b) => (a.date < b.date ? -1 : 1))
                      .map((i) => ({ id: i.id, text: incidentLine(i) }))}
                  />
                ))}
              </Stack>
            )}
          </section>

          <RecordList
            id="behavior-incidents"
            title={t('records.behavior.recent')}
            empty={t('records.acc.nothingYet')}
            isEmpty={incidents.length === 0}
            after={
              incidents.length > shown.length && (
                <Button variant="default" size="compact-sm" mt="xs" onClick={() => setAll(true)}>
                  {t('records.showAll', { count: incidents.length })}
                </Button>
              )
            }
          >
            {shown.map((i) => (
              <IncidentItem
                key={i.id}
                householdId={householdId}
                incident={i}
                stepById={stepById}
                {...sheet.actionsFor(i, { canEdit: writable, canDelete: deletable })}
              />
            ))}
          </RecordList>
        </>
      )}

      <RecordSheet
        sheet={sheet}
        editable={writable}
        title={(i) =>
          i
            ? t('records.correctDay', { day: formatDay(i.date, 'weekdayShort', locale) })
            : t('records.behavior.record')
        }
        confirmDelete={(i) => (
          <ConfirmDelete
            householdId={householdId}
            path={`behavior-incidents/${i.id}`}
            refresh={[['behavior-incidents', householdId], ['patterns']]}
            title={t('records.deleteTitle')}
            onClose={sheet.stopDeleting}
          >
            {t('records.deleteText', { what: incidentLine(i) })}
          </ConfirmDelete>
        )}
      >
        {(incident) => {
          const planId = incident ? incident.planId : plan?.id;
          if (!planId) return null;
          return (
            <IncidentForm
              householdId={householdId}
              planId={planId}
              steps={stepsByPlan.get(planId) ?? []}
              incident={incident}
              today={today}
              onDone={sheet.close}
            />
          );
        }}
      </RecordSheet>
    </Stack>
  );
}

function PlanSteps({ steps, firstName }: { steps: BehaviorStep[]; firstName: string }) {
  const t = useT('records');
  const tParts = useTParts();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="behavior-plan">
      <Title order={3} size="h4" id="behavior-plan" mb="xs">
        {t('records.behavior.plan')}
      </Title>
      {steps.length === 0 ? (
        <Stack gap="xs">
          <Text>{t('records.behavior.noSteps')}</Text>
          <Text size="sm">
            {tParts('records.behavior.addSteps', { name: <bdi>{firstName}</bdi> })}{' '}
            <TextLink href="/plan">{t('records.behavior.addStepsLink')}</TextLink>
          </Text>
        </Stack>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {STEP_KIND_ORDER.flatMap((kind) => steps.filter((s) => s.kind === kind)).map((s) => (
            <Text component="li" key={s.id}>
              <Tag tone="gray">{stepKindLabel(t, s.kind)}</Tag> {s.text}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function IncidentItem({
  householdId,
  incident: i,
  stepById,
  ...actions
}: {
  householdId: string;
  incident: BehaviorIncident & Partial<VoidFlag>;
  stepById: Map<string, BehaviorStep>;
} & RecordActions) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  const followed = i.stepsFollowed.map((id) => stepName(t, stepById.get(id)));
  const skipped = i.stepsSkipped.map((id) => stepName(t, stepById.get(id)));
  const day = formatDay(i.date, 'weekdayLong', locale);
  const what = i.summary.length > 40 ? `${i.summary.slice(0, 39).trimEnd()}…` : i.summary;
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={4}>
        <Text fw={700} className={isVoided(i) ? voidedClass : undefined}>
          {day}
        </Text>
        <Text className={isVoided(i) ? voidedClass : undefined}>{i.summary}</Text>
        <VoidedNote householdId={householdId} record={i} />
        <List size="sm" spacing={2}>
          {skipped.length > 0 && (
            <List.Item>{t('records.behavior.skipped', { steps: skipped.join('; ') })}</List.Item>
          )}
          {followed.length > 0 && (
            <List.Item>{t('records.behavior.followed', { steps: followed.join('; ') })}</List.Item>
          )}
          <List.Item>{rewardWords(t, i)}</List.Item>
          <List.Item>{consequenceWords(t, i)}</List.Item>
          <List.Item>
            {t('records.behavior.howKnown', { source: observationSourceInline(t, i.source) })}
          </List.Item>
        </List>
        {i.note && <Text size="sm">{t('records.note', { note: i.note })}</Text>}
        <RecordButtonsLine
          mt={4}
          name={t('records.behavior.incidentLine', { day, summary: what })}
          editWord="Correct"
          {...actions}
          voiding={{
            householdId,
            path: 'behavior-incidents',
            record: i,
            what: t('records.behavior.incidentOf', { day }),
          }}
        />
      </Stack>
    </Paper>
  );
}
