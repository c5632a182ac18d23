import { Alert, CloseButton, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { get, getAll } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { CheckIn, CheckInQuestions } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { formatDay, formatRange, localeFor, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { useServicesOfPlan } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import classes from '../../components/ui.module.css';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { CheckInForm, QuestionCard } from './CheckInForm.tsx';
import { checkInQuestionsKey, checkInsKey, questionsUrl, savedWords } from './check-in-words.ts';

// This week's check-in: questions to ask the child, written from the plan and the timetable, and the
// parent's record of the answers. Each answer becomes an observation, a session entry or a behavior
// record marked "child's report"; a question left alone is skipped.

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export default function CheckInPage() {
  const t = useT('checkin');
  const tParts = useTParts();
  const { language } = useLanguage();
  const locale = localeFor(language);
  const { householdId, child } = useHouseholdChild();
  const [today] = useState(todayIso);
  const [date, setDate] = useState(today);
  const [dateInput, setDateInput] = useState(today);
  const writable = useCan('plan.write');
  const client = useQueryClient();

  const questions = useQuery({
    queryKey: checkInQuestionsKey(householdId, child.id, date, language),
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
        <Title order={2}>{tParts('checkin.title', { name: <bdi>{name}</bdi> })}</Title>
        <Text>{tParts('checkin.intro', { name: <bdi>{name}</bdi> })}</Text>
        {!writable && (
          <Text size="sm" mt={4}>
            {t('checkin.readOnly')}
          </Text>
        )}
      </div>

      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="date"
          label={t('checkin.day')}
          description={t('checkin.dayHelp')}
          max={today}
          value={dateInput}
          onChange={(e) => changeDate(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
        />
        <TextLink href={`/check-in/print?date=${date}`}>{t('checkin.printCard')}</TextLink>
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
              <Text fw={700}>{t('checkin.saved')}</Text>
              <Text>
                {t('checkin.savedLine', {
                  saved: savedWords(saved, t),
                  date: formatDay(saved.date, 'weekdayLong', locale),
                })}
              </Text>
              <Stack gap={4} align="flex-start">
                {saved.answers.some((a) => a.recordedAs?.entity === 'accommodation_observation') && (
                  <TextLink href="/accommodations">{t('checkin.seeAccommodations')}</TextLink>
                )}
                {saved.answers.some((a) => a.recordedAs?.entity === 'session_entry') && (
                  <TextLink href="/ledger">{t('checkin.seeLedger')}</TextLink>
                )}
                {saved.answers.some((a) => a.recordedAs?.entity === 'behavior_incident') && (
                  <TextLink href="/behavior">{t('checkin.seeBehavior')}</TextLink>
                )}
              </Stack>
              <Text size="sm">{t('checkin.correctHint')}</Text>
            </Stack>
            <CloseButton aria-label={t('checkin.close')} onClick={() => setSaved(null)} />
          </Group>
        </Paper>
      )}

      {questions.isError && (
        <LoadFailed
          title={t('checkin.loadFailed')}
          message={questions.error.message}
          onRetry={() => void questions.refetch()}
        />
      )}

      {questions.isPending && <LoadingCards label={t('checkin.loading')} heights={[180, 180]} />}

      {data && (
        <section aria-labelledby="checkin-questions">
          <Title order={3} size="h4" id="checkin-questions">
            {t('checkin.questionsFor', { range: formatRange(data.weekStart, data.date, locale) })}
          </Title>
          {data.questions.length === 0 ? (
            <Text mt="xs">
              {t('checkin.noQuestions')} <TextLink href="/plan">{t('checkin.goToPlan')}</TextLink>
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
  const t = useT('checkin');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
  return (
    <section aria-labelledby="checkin-past">
      <Title order={3} size="h4" id="checkin-past" mb="xs">
        {t('checkin.past')}
      </Title>
      {pending && <Text size="sm">{t('checkin.pastLoading')}</Text>}
      {error && (
        <Alert color="red" role="alert" title={t('checkin.pastFailed')}>
          {error.message}
        </Alert>
      )}
      {checkIns && checkIns.length === 0 && <Text>{t('checkin.pastNone')}</Text>}
      {checkIns && checkIns.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {checkIns.map((c) => {
            const words = c.answers.filter((a) => a.childWords);
            return (
              <Paper component="li" key={c.id} withBorder p="md" radius="md">
                <Text fw={700}>{formatDay(c.date, 'weekdayLong', locale)}</Text>
                <Text size="sm">{savedWords(c, t)}</Text>
                {words.length > 0 && (
                  <List size="sm" spacing={2} mt={4}>
                    {words.map((a) => (
                      <List.Item key={a.questionKey}>
                        {tParts('checkin.childSaid', {
                          ask: <span className={classes.muted}>{a.ask}</span>,
                          name: <bdi>{name}</bdi>,
                          words: a.childWords,
                        })}
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
