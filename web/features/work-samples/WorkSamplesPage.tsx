import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { get, getAll } from '../../api/client.ts';
import type { Accommodation, ClassPeriod, Goal, VoidFlag, WorkSample } from '../../api/types.ts';
import { AttachmentLinks, attachmentsKey, useAttachments } from '../../components/Attachments.tsx';
import { ConfirmDelete } from '../../components/ConfirmModal.tsx';
import contrast from '../../components/contrast.module.css';
import { formatDay, localeFor } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { teacherKindInline } from '../../components/observation-words.ts';
import { usePlanRecordsPage } from '../../components/queries.ts';
import { ReadOnlyNote, type RecordActions, RecordButtonsLine } from '../../components/RecordButtons.tsx';
import { RecordList } from '../../components/RecordList.tsx';
import { RecordSheet, useRecordSheet } from '../../components/RecordSheet.tsx';
import { TagList } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { isVoided, VoidedNote, voidedClass } from '../../components/VoidRecord.tsx';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { goalHeading } from '../goals/goal-words.ts';
import { WorkSampleForm } from './WorkSampleForm.tsx';
import {
  accommodationShortName,
  type CheckOutcome,
  checkBadge,
  settingLabel,
  workSamplesKey,
} from './work-sample-words.ts';

// Work samples: photos of tests, worksheets and homework, each checked against the accommodations the
// plan promises (extra time, a calculator) and linked to the goals it shows progress on.

const TONE: Record<CheckOutcome, 'green' | 'orange' | 'red'> = {
  provided: 'green',
  partly: 'orange',
  not_provided: 'red',
};

export default function WorkSamplesPage() {
  const { householdId, child, today, writable, deletable, plans, planList, plan } = usePlanRecordsPage();
  const t = useT('records');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
  const samples = useQuery({
    queryKey: workSamplesKey(householdId, { childId: child.id }),
    queryFn: () => getAll<WorkSample>(`/households/${householdId}/work-samples?childId=${child.id}`),
  });
  const attachments = useAttachments(
    householdId,
    (samples.data ?? []).flatMap((s) => s.attachmentIds),
  );
  // Every plan's accommodations and goals, to name those a sample refers to; the form offers the
  // current plan's.
  const accommodationLists = useQueries({
    queries: planList.map((p) => ({
      queryKey: ['accommodations', householdId, p.id],
      queryFn: () => get<Accommodation[]>(`/households/${householdId}/accommodations?planId=${p.id}`),
    })),
  });
  const goalLists = useQueries({
    queries: planList.map((p) => ({
      queryKey: ['goals', householdId, p.id],
      queryFn: () => get<Goal[]>(`/households/${householdId}/goals?planId=${p.id}`),
    })),
  });
  const periods = useQuery({
    queryKey: ['class-periods', householdId, child.id],
    queryFn: () => get<ClassPeriod[]>(`/households/${householdId}/class-periods?childId=${child.id}`),
  });

  const accommodationById = new Map(accommodationLists.flatMap((q) => q.data ?? []).map((a) => [a.id, a]));
  const goalById = new Map(goalLists.flatMap((q) => q.data ?? []).map((g) => [g.id, g]));
  const planIndex = plan ? planList.indexOf(plan) : -1;
  const planAccommodations = accommodationLists[planIndex]?.data ?? [];
  const planGoals = goalLists[planIndex]?.data ?? [];
  const classNames = [...new Set((periods.data ?? []).map((p) => p.className))].sort();

  const list = [...(samples.data ?? [])].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1,
  );

  const error =
    plans.error ??
    samples.error ??
    attachments.error ??
    accommodationLists.find((q) => q.error)?.error ??
    goalLists.find((q) => q.error)?.error ??
    null;
  const pending =
    plans.isPending ||
    samples.isPending ||
    attachments.isPending ||
    accommodationLists.some((q) => q.isPending) ||
    goalLists.some((q) => q.isPending);
  const retry = () => {
    void plans.refetch();
    void samples.refetch();
    void attachments.refetch();
    for (const q of [...accommodationLists, ...goalLists]) void q.refetch();
  };

  const sheet = useRecordSheet<WorkSample>();

  return (
    <Stack gap="lg" maw={1000} className={contrast.scope}>
      <div>
        <Title order={2}>{t('records.samples.title')}</Title>
        <Text>{tParts('records.samples.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
        {!writable && <ReadOnlyNote cannot={t('records.samples.cannot')} />}
      </div>

      {error && <LoadFailed title={t('records.samples.loadError')} message={error.message} onRetry={retry} />}

      {pending && !error && <LoadingCards label={t('records.samples.loading')} heights={[140, 140]} />}

      {!pending && !error && (
        <>
          {writable && (
            <Group>
              <Button size="md" color="blue.8" onClick={() => sheet.open('new')}>
                {t('records.samples.add')}
              </Button>
            </Group>
          )}

          <RecordList
            id="samples-list"
            title={t('records.samples.recent')}
            empty={t('records.samples.none')}
            isEmpty={list.length === 0}
            after={
              !plan && (
                <Text size="sm" mt="xs">
                  {t('records.samples.noPlan')} <TextLink href="/plan">{t('records.goToPlan')}</TextLink>
                </Text>
              )
            }
          >
            {list.map((s) => (
              <SampleItem
                key={s.id}
                sample={s}
                householdId={householdId}
                attachments={attachments.data}
                accommodationById={accommodationById}
                goalById={goalById}
                {...sheet.actionsFor(s, { canEdit: writable, canDelete: deletable })}
              />
            ))}
          </RecordList>
        </>
      )}

      <RecordSheet
        sheet={sheet}
        editable={writable}
        title={(s) => (s ? t('records.correctDay', { day: s.title }) : t('records.samples.add'))}
        confirmDelete={(s) => (
          <ConfirmDelete
            householdId={householdId}
            path={`work-samples/${s.id}`}
            refresh={[['work-samples', householdId], attachmentsKey(householdId), ['patterns']]}
            title={t('records.samples.deleteTitle')}
            onClose={sheet.stopDeleting}
          >
            {t('records.samples.deleteText', {
              title: s.title,
              day: formatDay(s.date, 'weekdayShort', locale),
            })}
          </ConfirmDelete>
        )}
      >
        {(sample) => (
          <WorkSampleForm
            householdId={householdId}
            childId={child.id}
            sample={sample}
            attachments={
              sample
                ? sample.attachmentIds.flatMap((id) => {
                    const a = attachments.data?.get(id);
                    return a ? [a] : [];
                  })
                : []
            }
            accommodations={planAccommodations}
            goals={planGoals}
            classNames={classNames}
            today={today}
            onDone={sheet.close}
          />
        )}
      </RecordSheet>
    </Stack>
  );
}

function SampleItem({
  sample: s,
  householdId,
  attachments,
  accommodationById,
  goalById,
  ...actions
}: {
  sample: WorkSample & Partial<VoidFlag>;
  householdId: string;
  attachments: ReturnType<typeof useAttachments>['data'];
  accommodationById: Map<string, Accommodation>;
  goalById: Map<string, Goal>;
} & RecordActions) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  const day = formatDay(s.date, 'weekdayLong', locale);
  const headingId = `sample-${s.id}`;
  const facts = [
    day,
    s.className,
    s.setting ? settingLabel(t, s.setting) : null,
    s.teacherKind !== 'unknown'
      ? t('records.samples.teacher', { teacher: teacherKindInline(t, s.teacherKind) })
      : null,
  ].filter((f): f is string => f != null && f !== '');
  const goals = s.goalIds.map((id) => goalById.get(id)).filter((g): g is Goal => g != null);
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <div>
          <Title order={4} size="h5" id={headingId} className={isVoided(s) ? voidedClass : undefined}>
            {s.title}
          </Title>
          <Text size="sm">{facts.join(' · ')}</Text>
          <VoidedNote householdId={householdId} record={s} />
        </div>
        <AttachmentLinks householdId={householdId} ids={s.attachmentIds} byId={attachments} />
        {s.accommodationChecks.length > 0 && (
          <TagList
            label={t('records.samples.shows')}
            tags={s.accommodationChecks.map((c) => {
              const a = accommodationById.get(c.accommodationId);
              return {
                key: c.accommodationId,
                tone: TONE[c.outcome],
                text: checkBadge(
                  t,
                  c.outcome,
                  a ? accommodationShortName(a.text) : t('records.samples.anAccommodation'),
                ),
              };
            })}
          />
        )}
        {goals.length > 0 && (
          <Text size="sm">
            {t('records.samples.evidenceFor', { goals: goals.map((g) => goalHeading(t, g)).join(', ') })}
          </Text>
        )}
        {s.note && <Text size="sm">{t('records.note', { note: s.note })}</Text>}
        <RecordButtonsLine
          name={t('records.samples.name', { title: s.title, day })}
          editWord="Correct"
          {...actions}
          voiding={{
            householdId,
            path: 'work-samples',
            record: s,
            what: t('records.samples.what', { title: s.title, day }),
          }}
        />
      </Stack>
    </Paper>
  );
}
