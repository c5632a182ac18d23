import { Alert, CloseButton, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { get, getAll } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { CheckIn, CheckInQuestions } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { formatDay, formatRange, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { useServicesOfPlan } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import classes from '../../components/ui.module.css';
import { CheckInForm, QuestionCard } from './CheckInForm.tsx';
import { checkInQuestionsKey, checkInsKey, questionsUrl, savedWords } from './check-in-words.ts';

// This week's check-in: questions to ask the child, written from the plan and the timetable, and the
// parent's record of the answers. Each answer becomes an observation, a session entry or a behavior
// record marked "child's report"; a question left alone is skipped.

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export default function CheckInPage() {
  const { householdId, child } = useHouseholdChild();
  const [today] = useState(todayIso);
  const [date, setDate] = useState(today);
  const [dateInput, setDateInput] = useState(today);
  const writable = useCan('plan.write');
  const client = useQueryClient();

  const questions = useQuery({
    queryKey: checkInQuestionsKey(householdId, child.id, date),
    queryFn: () => get<CheckInQuestions>(questionsUrl(householdId, child.id, date)),
  });
  const past = useQuery({
    queryKey: checkInsKey(householdId, child.id),
    queryFn: () => getAll<CheckIn>(`/households/${householdId}/check-ins?childId=${child.id}`),
  });
  const services = useServicesOfPlan(householdId, questions.data?.planId);

  // After saving: what was recorded, and a fresh form.
  const [saved, setSaved] = useState<CheckIn | null>(null);
  const [formKey, setFormKey] = useState(0);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const onSaved = async (checkIn: CheckIn) => {
    setSaved(checkIn);
    setFormKey((n) => n + 1);
    await Promise.all(
      [
        'check-ins',
        'check-in-questions',
        'week',
        'sessions',
        'ledger',
        'accommodation-observations',
        'behavior-incidents',
        'patterns',
      ].map((key) => client.invalidateQueries({ queryKey: [key] })),
    );
  };

  const changeDate = (value: string) => {
    setDateInput(value);
    if (ISO.test(value) && value <= today) {
      setDate(value);
      setSaved(null);
    }
  };

  const data = questions.data;
  const name = child.firstName;

  return (
    <Stack gap="lg" maw={800} className={contrast.scope}>
      <div>
        <Title order={2}>
          Check-in with <bdi>{name}</bdi>
        </Title>
        <Text>
          A few questions to ask <bdi>{name}</bdi> about the week, written from the plan. Ask them in your own
          words, at dinner or in the car, and write down what <bdi>{name}</bdi> says. Each answer is kept as “
          <bdi>{name}</bdi> told me”.
        </Text>
        {!writable && (
          <Text size="sm" mt={4}>
            You can read the questions; only the owner and co-parents can record answers.
          </Text>
        )}
      </div>

      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="date"
          label="Day of the check-in"
          description="Questions cover that day’s week, up to that day."
          max={today}
          value={dateInput}
          onChange={(e) => changeDate(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
        />
        <TextLink href={`/check-in/print?date=${date}`}>Print a card</TextLink>
      </Group>

      {saved && (
        <Paper
          ref={savedRef}
          tabIndex={-1}
          role="status"
          withBorder
          radius="md"
          p="md"
          style={{ borderInlineStart: '6px solid var(--mantine-color-green-8)' }}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={4}>
              <Text fw={700}>Saved</Text>
              <Text>
                {savedWords(saved)} (from the check-in of {formatDay(saved.date, 'weekdayLong')}).
              </Text>
              <Stack gap={4} align="flex-start">
                {saved.answers.some((a) => a.recordedAs?.entity === 'accommodation_observation') && (
                  <TextLink href="/accommodations">See them on the Accommodations page</TextLink>
                )}
                {saved.answers.some((a) => a.recordedAs?.entity === 'session_entry') && (
                  <TextLink href="/ledger">See the sessions in the ledger</TextLink>
                )}
                {saved.answers.some((a) => a.recordedAs?.entity === 'behavior_incident') && (
                  <TextLink href="/behavior">See the Behavior page</TextLink>
                )}
              </Stack>
              <Text size="sm">
                Each answer became a record there: if one was wrong, use “Correct” or “Void” on it.
              </Text>
            </Stack>
            <CloseButton aria-label="Close" onClick={() => setSaved(null)} />
          </Group>
        </Paper>
      )}

      {questions.isError && (
        <LoadFailed
          title="The questions could not be loaded"
          message={questions.error.message}
          onRetry={() => void questions.refetch()}
        />
      )}

      {questions.isPending && <LoadingCards label="Loading the questions" heights={[180, 180]} />}

      {data && (
        <section aria-labelledby="checkin-questions">
          <Title order={3} size="h4" id="checkin-questions">
            Questions for {formatRange(data.weekStart, data.date)}
          </Title>
          {data.questions.length === 0 ? (
            <Text mt="xs">
              No questions for this week: there is no plan in force on this day, or it has no services,
              accommodations or behavior plan yet. <TextLink href="/plan">Go to the Plan page</TextLink>
            </Text>
          ) : writable ? (
            <CheckInForm
              key={`${data.date}-${formKey}`}
              householdId={householdId}
              childId={child.id}
              childName={name}
              data={data}
              services={services.data ?? []}
              onSaved={onSaved}
            />
          ) : (
            <Stack gap="md" mt="sm">
              {data.questions.map((q, i) => (
                <QuestionCard key={q.key} question={q} index={i} total={data.questions.length} />
              ))}
            </Stack>
          )}
        </section>
      )}

      <PastCheckIns checkIns={past.data} error={past.error} pending={past.isPending} name={name} />
    </Stack>
  );
}

function PastCheckIns({
  checkIns,
  error,
  pending,
  name,
}: {
  checkIns: CheckIn[] | undefined;
  error: Error | null;
  pending: boolean;
  name: string;
}) {
  return (
    <section aria-labelledby="checkin-past">
      <Title order={3} size="h4" id="checkin-past" mb="xs">
        Past check-ins
      </Title>
      {pending && <Text size="sm">Loading…</Text>}
      {error && (
        <Alert color="red" role="alert" title="The past check-ins could not be loaded">
          {error.message}
        </Alert>
      )}
      {checkIns && checkIns.length === 0 && <Text>None yet.</Text>}
      {checkIns && checkIns.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {checkIns.map((c) => {
            const words = c.answers.filter((a) => a.childWords);
            return (
              <Paper component="li" key={c.id} withBorder p="md" radius="md">
                <Text fw={700}>{formatDay(c.date, 'weekdayLong')}</Text>
                <Text size="sm">{savedWords(c)}</Text>
                {words.length > 0 && (
                  <List size="sm" spacing={2} mt={4}>
                    {words.map((a) => (
                      <List.Item key={a.questionKey}>
                        <span className={classes.muted}>{a.ask}</span> <bdi>{name}</bdi>: “{a.childWords}”
                      </List.Item>
                    ))}
                  </List>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
    </section>
  );
}
