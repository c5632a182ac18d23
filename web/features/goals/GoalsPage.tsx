import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import type { Goal, Patterns } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { usePlanRecordsPage } from '../../components/queries.ts';
import { ReadOnlyNote } from '../../components/RecordButtons.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { GoalCard } from './GoalCard.tsx';
import { isGoalFlag } from './goal-words.ts';

// Each goal of the plan in force, with the progress noted so far, a small trend when there are numbers,
// and the goal flags (no data since the last report, no progress across two reports, target met early),
// each a question to ask.

export default function GoalsPage() {
  const { householdId, child, today, writable, deletable, plans, plan, from, to } = usePlanRecordsPage();

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
        <Title order={2}>Goals</Title>
        <Text>
          The goals in <bdi>{child.firstName}</bdi>’s plan, the progress noted so far, and what to ask when a
          goal stalls or is met early.
        </Text>
        {!writable && <ReadOnlyNote cannot="add progress" />}
      </div>

      {error && <LoadFailed title="The goals could not be loaded" message={error.message} onRetry={retry} />}

      {pending && !error && <LoadingCards label="Loading the goals" heights={[160, 160]} />}

      {!pending && !error && !plan && (
        <Text>
          There is no plan yet. <TextLink href="/plan">Go to the Plan page</TextLink>
        </Text>
      )}

      {!pending && !error && plan && goalList.length === 0 && (
        <Stack gap="xs">
          <Text>The plan has no goals recorded yet.</Text>
          <Text size="sm">
            Add the goals as the plan words them, with the baseline and the target; then progress can be noted
            against each one. <TextLink href="/plan">Add the goals on the Plan page</TextLink>
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
