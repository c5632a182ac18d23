import { Alert, Box, Button, Card, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getAll } from '../../api/client.ts';
import type { Finding, Goal, GoalProgress, WorkSample } from '../../api/types.ts';
import { AttachmentLinks, useAttachments } from '../../components/Attachments.tsx';
import { ConfirmDelete } from '../../components/ConfirmModal.tsx';
import { formatDay, localeFor } from '../../components/dates.ts';
import { FindingCard } from '../../components/FindingCard.tsx';
import { RecordButtonsLine } from '../../components/RecordButtons.tsx';
import { RecordSheet, useRecordSheet } from '../../components/RecordSheet.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { workSamplesKey } from '../work-samples/work-sample-words.ts';
import { goalFlagHeading, goalHeading, goalSourceInline, targetNumber } from './goal-words.ts';
import { ProgressForm } from './ProgressForm.tsx';
import { Trend } from './Trend.tsx';

export const goalProgressKey = (householdId: string, goalId: string) => [
  'goal-progress',
  householdId,
  goalId,
];

/**
 * One goal of the plan, as a card with a stable structure:
 *   h3 (the goal's short name) and the goal as written,
 *   the goal's flags (questions to ask),
 *   "Progress noted": the trend and the data points, with adding, changing and deleting,
 *   then "Work samples linked to this goal": the samples that name this goal, with their files.
 * The card loads its own data points; it takes no children.
 */
export function GoalCard({
  goal,
  householdId,
  flags,
  canEdit,
  canDelete,
  today,
}: {
  goal: Goal;
  householdId: string;
  /** The patterns endpoint's findings about this goal. */
  flags: Finding[];
  canEdit: boolean;
  canDelete: boolean;
  today: string;
}) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  const progress = useQuery({
    queryKey: goalProgressKey(householdId, goal.id),
    queryFn: () => getAll<GoalProgress>(`/households/${householdId}/goal-progress?goalId=${goal.id}`),
  });
  const points = [...(progress.data ?? [])].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1,
  );
  const pointById = new Map(points.map((p) => [p.id, p]));
  const sheet = useRecordSheet<GoalProgress>();
  const heading = goalHeading(t, goal);
  const headingId = `goal-${goal.id}`;
  const pointWords = (p: GoalProgress) =>
    t('records.goal.point', { day: formatDay(p.date, 'weekdayShort', locale), value: p.value });

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {heading}
          </Title>
          <Text mt={4}>{goal.text}</Text>
          <List size="sm" spacing={2} mt={4}>
            {goal.baseline && <List.Item>{t('records.goal.baseline', { text: goal.baseline })}</List.Item>}
            {goal.target && <List.Item>{t('records.goal.target', { text: goal.target })}</List.Item>}
            {goal.measurement && (
              <List.Item>{t('records.goal.measurement', { text: goal.measurement })}</List.Item>
            )}
          </List>
        </div>

        {flags.length > 0 && (
          <Stack gap="xs">
            {flags.map((f) => (
              <FindingCard
                key={`${f.rule}-${f.subjectId}`}
                finding={f}
                heading={goalFlagHeading(t, f.rule)}
                headingOrder={4}
                entries={f.entryIds
                  .map((id) => pointById.get(id))
                  .filter((p): p is GoalProgress => p != null)
                  .sort((a, b) => (a.date < b.date ? -1 : 1))
                  .map((p) => ({ id: p.id, text: pointWords(p) }))}
              />
            ))}
          </Stack>
        )}

        <Box component="section" aria-labelledby={`${headingId}-progress ${headingId}`}>
          <Group justify="space-between" align="center" gap="xs" mb="xs">
            <Title order={4} size="h5" id={`${headingId}-progress`}>
              {t('records.goal.progress')}
            </Title>
            {canEdit && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('records.goal.addPointLabel', { goal: heading })}
                onClick={() => sheet.open('new')}
              >
                {t('records.goal.addPoint')}
              </Button>
            )}
          </Group>
          {progress.isPending && <Text size="sm">{t('records.loadingShort')}</Text>}
          {progress.error && (
            <Alert color="red" role="alert" title={t('records.goal.loadError')}>
              <Group gap="xs">
                <Text size="sm">{progress.error.message}</Text>
                <Button size="compact-sm" variant="default" onClick={() => void progress.refetch()}>
                  {t('common.tryAgain')}
                </Button>
              </Group>
            </Alert>
          )}
          {progress.data && points.length === 0 && <Text size="sm">{t('records.goal.nothingYet')}</Text>}
          {points.length > 0 && (
            <Stack gap="xs">
              <Trend points={points} target={targetNumber(goal.target)} />
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {points.map((p) => (
                  <Paper component="li" key={p.id} withBorder p="sm" radius="md">
                    <Text fw={700} size="sm">
                      {formatDay(p.date, 'weekdayLong', locale)}
                    </Text>
                    <Text>{p.value}</Text>
                    <Text size="sm">{t('records.goal.from', { source: goalSourceInline(t, p.source) })}</Text>
                    {p.note && <Text size="sm">{t('records.note', { note: p.note })}</Text>}
                    <RecordButtonsLine
                      mt={4}
                      name={t('records.goal.pointName', {
                        day: formatDay(p.date, 'weekdayLong', locale),
                        value: p.value,
                      })}
                      {...sheet.actionsFor(p, { canEdit, canDelete })}
                    />
                  </Paper>
                ))}
              </Stack>
            </Stack>
          )}
        </Box>

        <LinkedWorkSamples householdId={householdId} goalId={goal.id} headingId={headingId} />
      </Stack>

      <RecordSheet
        sheet={sheet}
        editable={canEdit}
        title={(p) =>
          p
            ? t('records.goal.editPointLabel', { goal: heading })
            : t('records.goal.addPointLabel', { goal: heading })
        }
        confirmDelete={(p) => (
          <ConfirmDelete
            householdId={householdId}
            path={`goal-progress/${p.id}`}
            refresh={[goalProgressKey(householdId, goal.id), ['patterns']]}
            title={t('records.goal.deleteTitle')}
            onClose={sheet.stopDeleting}
          >
            {t('records.deleteText', { what: pointWords(p) })}
          </ConfirmDelete>
        )}
      >
        {(point) => (
          <ProgressForm
            householdId={householdId}
            goalId={goal.id}
            point={point}
            today={today}
            onDone={sheet.close}
          />
        )}
      </RecordSheet>
    </Card>
  );
}

/** The work samples that name this goal as evidence, newest first, with their files. */
function LinkedWorkSamples({
  householdId,
  goalId,
  headingId,
}: {
  householdId: string;
  goalId: string;
  headingId: string;
}) {
  const t = useT('records');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
  const samples = useQuery({
    queryKey: workSamplesKey(householdId, { goalId }),
    queryFn: () => getAll<WorkSample>(`/households/${householdId}/work-samples?goalId=${goalId}`),
  });
  const list = [...(samples.data ?? [])].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1,
  );
  const attachments = useAttachments(
    householdId,
    list.flatMap((s) => s.attachmentIds),
  );
  const sectionHeadingId = `${headingId}-samples`;
  return (
    <Box component="section" aria-labelledby={`${sectionHeadingId} ${headingId}`}>
      <Title order={4} size="h5" id={sectionHeadingId} mb="xs">
        {t('records.goal.samples')}
      </Title>
      {samples.isPending && <Text size="sm">{t('records.loadingShort')}</Text>}
      {samples.error && (
        <Alert color="red" role="alert" title={t('records.samples.loadError')}>
          <Group gap="xs">
            <Text size="sm">{samples.error.message}</Text>
            <Button size="compact-sm" variant="default" onClick={() => void samples.refetch()}>
              {t('common.tryAgain')}
            </Button>
          </Group>
        </Alert>
      )}
      {samples.data && list.length === 0 && (
        <Text size="sm">
          {tParts('records.goal.noSamples', {
            link: <TextLink href="/work-samples">{t('records.goal.addSampleLink')}</TextLink>,
          })}
        </Text>
      )}
      {list.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((s) => (
            <Paper component="li" key={s.id} withBorder p="sm" radius="md">
              <Text fw={700} size="sm">
                {s.title}
              </Text>
              <Text size="sm" mb={4}>
                {t('records.goal.sampleDay', {
                  day: formatDay(s.date, 'weekdayLong', locale),
                  hasClass: s.className ? 'yes' : 'no',
                  className: s.className ?? '',
                })}
              </Text>
              <AttachmentLinks
                householdId={householdId}
                ids={s.attachmentIds}
                byId={attachments.data}
                size={56}
              />
            </Paper>
          ))}
        </Stack>
      )}
    </Box>
  );
}
