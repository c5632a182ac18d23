import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import type { Goal, Patterns } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { usePlanRecordsPage } from '../../components/queries.ts';
import { ReadOnlyNote } from '../../components/RecordButtons.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { GoalCard } from './GoalCard.tsx';
import { isGoalFlag } from './goal-words.ts';

// Each goal of the plan in force, with the progress noted so far, a small trend when there are numbers,
// and the goal flags (no data since the last report, no progress across two reports, target met early),
// each a question to ask.

export default function GoalsPage() {
  const { householdId, child, today, writable, deletable, plans, plan, from, to } = usePlanRecordsPage();
  const t = useT('records');
  const tParts = useTParts();

  const goals = useQuery({
    queryKey: ['goals', householdId, plan?.id],
    queryFn: () => get<Goal[]>(`/households/${householdId}/goals?planId=${plan?.id}`),
    enabled: plan != null,
  });
  // The same query as the Accommodations page: goal flags are read as of today.
  const patterns = useQuery({
    queryKey: ['patterns', householdId, child.id, from, to],
    queryFn: () =>
      get<Patterns>(`/households/${householdId}/children/${child.id}/patterns?from=${from}&to=${to}`),
    enabled: from != null,
  });

  const error = plans.error ?? goals.error ?? patterns.error ?? null;
  const pending =
    plans.isPending || (plan != null && goals.isPending) || (from != null && patterns.isPending);
  const retry = () => {
    void plans.refetch();
    void goals.refetch();
    void patterns.refetch();
  };
  const flags = (patterns.data?.findings ?? []).filter((f) => isGoalFlag(f.rule));
  const goalList = goals.data ?? [];

  return (
    <Stack gap="lg" maw={1000} className={contrast.scope}>
      <div>
        <Title order={2}>{t('records.goals.title')}</Title>
        <Text>{tParts('records.goals.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
        {!writable && <ReadOnlyNote cannot={t('records.goals.cannot')} />}
      </div>

      {error && <LoadFailed title={t('records.goals.loadError')} message={error.message} onRetry={retry} />}

      {pending && !error && <LoadingCards label={t('records.goals.loading')} heights={[160, 160]} />}

      {!pending && !error && !plan && (
        <Text>
          {t('records.acc.noPlan')} <TextLink href="/plan">{t('records.goToPlan')}</TextLink>
        </Text>
      )}

      {!pending && !error && plan && goalList.length === 0 && (
        <Stack gap="xs">
          <Text>{t('records.goals.none')}</Text>
          <Text size="sm">
            {t('records.goals.addHelp')} <TextLink href="/plan">{t('records.goals.addLink')}</TextLink>
          </Text>
        </Stack>
      )}

      {!pending && !error && goalList.length > 0 && (
        <Stack gap="md">
          {goalList.map((g) => (
            <GoalCard
              key={g.id}
              goal={g}
              householdId={householdId}
              flags={flags.filter((f) => f.subjectId === g.id)}
              canEdit={writable}
              canDelete={deletable}
              today={today}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
