import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { get, getAll } from '../../api/client.ts';
import type { Accommodation, ClassPeriod, Goal, VoidFlag, WorkSample } from '../../api/types.ts';
import { AttachmentLinks, attachmentsKey, useAttachments } from '../../components/Attachments.tsx';
import { ConfirmDelete } from '../../components/ConfirmModal.tsx';
import contrast from '../../components/contrast.module.css';
import { formatDay } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { teacherKindLabel } from '../../components/observation-words.ts';
import { usePlanRecordsPage } from '../../components/queries.ts';
import { ReadOnlyNote, RecordButtons } from '../../components/RecordButtons.tsx';
import { RecordSheet, useRecordSheet } from '../../components/RecordSheet.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { isVoided, VoidedNote, voidedClass } from '../../components/VoidRecord.tsx';
import { goalHeading } from '../goals/goal-words.ts';
import { WorkSampleForm } from './WorkSampleForm.tsx';
import {
  accommodationShortName,
  CHECK_BADGE_WORDS,
  type CheckOutcome,
  SETTING_LABELS,
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
        <Title order={2}>Work samples</Title>
        <Text>
          Photos of <bdi>{child.firstName}</bdi>’s tests, worksheets and homework show what happened in class:
          whether the extra time or the calculator was there, and how the goals are coming along.
        </Text>
        {!writable && <ReadOnlyNote cannot="add work samples" />}
      </div>

      {error && (
        <LoadFailed title="The work samples could not be loaded" message={error.message} onRetry={retry} />
      )}

      {pending && !error && <LoadingCards label="Loading the work samples" heights={[140, 140]} />}

      {!pending && !error && (
        <>
          {writable && (
            <Group>
              <Button size="md" color="blue.8" onClick={() => sheet.open('new')}>
                Add a work sample
              </Button>
            </Group>
          )}

          <section aria-labelledby="samples-list">
            <Title order={3} size="h4" id="samples-list" mb="xs">
              Most recent first
            </Title>
            {list.length === 0 ? (
              <Text>
                None yet. A photo of a test or a worksheet is enough to start; you can say what it shows about
                each accommodation and link it to a goal.
              </Text>
            ) : (
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                {list.map((s) => (
                  <SampleItem
                    key={s.id}
                    sample={s}
                    householdId={householdId}
                    attachments={attachments.data}
                    accommodationById={accommodationById}
                    goalById={goalById}
                    canEdit={writable}
                    canDelete={deletable}
                    onEdit={() => sheet.open(s)}
                    onDelete={() => sheet.askDelete(s)}
                  />
                ))}
              </Stack>
            )}
            {!plan && (
              <Text size="sm" mt="xs">
                There is no plan yet, so there are no accommodations or goals to check the work against.{' '}
                <TextLink href="/plan">Go to the Plan page</TextLink>
              </Text>
            )}
          </section>
        </>
      )}

      <RecordSheet
        sheet={sheet}
        editable={writable}
        title={(s) => (s ? `Correct: ${s.title}` : 'Add a work sample')}
        confirmDelete={(s) => (
          <ConfirmDelete
            householdId={householdId}
            path={`work-samples/${s.id}`}
            refresh={[['work-samples', householdId], attachmentsKey(householdId), ['patterns']]}
            title="Delete this work sample?"
            onClose={sheet.stopDeleting}
          >
            “{s.title}” ({formatDay(s.date)}) will no longer be listed or counted. Its files stay in the
            household’s files, and the journal keeps what it was.
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
  canEdit,
  canDelete,
  onEdit,
  onDelete,
}: {
  sample: WorkSample & Partial<VoidFlag>;
  householdId: string;
  attachments: ReturnType<typeof useAttachments>['data'];
  accommodationById: Map<string, Accommodation>;
  goalById: Map<string, Goal>;
  canEdit: boolean;
  canDelete: boolean;
  onEdit(): void;
  onDelete(): void;
}) {
  const day = formatDay(s.date, 'weekdayLong');
  const headingId = `sample-${s.id}`;
  const facts = [
    day,
    s.className,
    s.setting ? SETTING_LABELS[s.setting] : null,
    s.teacherKind !== 'unknown' ? `teacher: ${teacherKindLabel(s.teacherKind).toLowerCase()}` : null,
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
          <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="What it shows">
            {s.accommodationChecks.map((c) => {
              const a = accommodationById.get(c.accommodationId);
              return (
                <li key={c.accommodationId}>
                  <Tag tone={TONE[c.outcome]}>
                    {CHECK_BADGE_WORDS[c.outcome]}: {a ? accommodationShortName(a.text) : 'an accommodation'}
                  </Tag>
                </li>
              );
            })}
          </Group>
        )}
        {goals.length > 0 && (
          <Text size="sm">Evidence for: {goals.map((g) => goalHeading(g)).join(', ')}</Text>
        )}
        {s.note && <Text size="sm">Note: {s.note}</Text>}
        {(canEdit || canDelete) && (
          <Group gap="xs">
            <RecordButtons
              name={`${s.title}, ${day}`}
              editWord="Correct"
              {...{ canEdit, canDelete, onEdit, onDelete }}
              voiding={{
                householdId,
                path: 'work-samples',
                record: s,
                what: `the work sample “${s.title}” of ${day}`,
              }}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
