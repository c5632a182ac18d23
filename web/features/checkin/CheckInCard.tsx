import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearch } from 'wouter';
import { get } from '../../api/client.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { CheckInQuestions } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { formatRange, localeFor, todayIso } from '../../components/dates.ts';
import { TextLink } from '../../components/TextLink.tsx';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { checkInQuestionsKey, questionsUrl } from './check-in-words.ts';
import print from './print.module.css';

// The week's check-in questions as a card to print: the child's name, each question in large type,
// and lines to write the answers on. For a parent who would rather ask at the dinner table with a
// pencil than with a phone; the answers can be typed in on the Check-in page later.

const LINES = [1, 2, 3];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export default function CheckInCard() {
  const t = useT('checkin');
  const { language } = useLanguage();
  const locale = localeFor(language);
  const { householdId, child } = useHouseholdChild();
  const search = useSearch();
  const [today] = useState(todayIso);
  const asked = new URLSearchParams(search).get('date');
  const date = asked && ISO.test(asked) && asked <= today ? asked : today;
  const questions = useQuery({
    queryKey: checkInQuestionsKey(householdId, child.id, date, language),
    queryFn: () => get<CheckInQuestions>(questionsUrl(householdId, child.id, date)),
  });
  const data = questions.data;

  return (
    <Stack gap="md" maw={800} className={contrast.scope}>
      <Group justify="space-between" align="center" gap="sm" className={print.noPrint}>
        <TextLink href="/check-in">{t('checkin.card.back')}</TextLink>
        <Button color="blue.8" onClick={() => window.print()} disabled={!data}>
          {t('checkin.card.print')}
        </Button>
      </Group>

      {questions.isError && (
        <Alert color="red" title={t('checkin.loadFailed')} role="alert" className={print.noPrint}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{questions.error.message}</Text>
            <Button size="xs" variant="default" onClick={() => void questions.refetch()}>
              {t('checkin.card.tryAgain')}
            </Button>
          </Stack>
        </Alert>
      )}

      {questions.isPending && (
        <div role="status">
          <VisuallyHidden>{t('checkin.loading')}</VisuallyHidden>
          <Skeleton h={400} radius="md" aria-hidden />
        </div>
      )}

      {data && (
        <Paper
          withBorder
          radius="md"
          p="lg"
          className={print.card}
          component="article"
          aria-labelledby="card-name"
        >
          <Title order={2} id="card-name" className={print.name}>
            {t('checkin.title', { name: data.childName })}
          </Title>
          <Text mt={4}>{formatRange(data.weekStart, data.date, locale)}</Text>
          {data.questions.length === 0 ? (
            <Text mt="md">{t('checkin.card.noQuestions')}</Text>
          ) : (
            <ol style={{ paddingInlineStart: '1.25em', margin: 0 }}>
              {data.questions.map((q) => (
                <li key={q.key} className={print.question}>
                  <p className={print.ask}>{q.ask}</p>
                  <p className={print.followUp}>{t('checkin.ifShort', { followUp: q.followUp })}</p>
                  <div aria-hidden>
                    {LINES.map((n) => (
                      <div key={n} className={print.line} />
                    ))}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Paper>
      )}
    </Stack>
  );
}
