import { Card, List, Text, Title } from '@mantine/core';
import type { Finding } from '../api/types.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { datesInWords, localeFor } from './dates.ts';

/**
 * One pattern found in what was recorded, worded as a question to bring to the school, with the
 * entries behind it. Never a verdict: the notes show where to look, not what happened. The finding is
 * the server's words (data); the frame around it is the catalog's part "records".
 */
export function FindingCard({
  finding,
  heading,
  headingOrder = 4,
  entries,
}: {
  finding: Finding;
  /** A few plain words naming the pattern ("A step that is often skipped"). */
  heading: string;
  headingOrder?: 3 | 4 | 5;
  /** The entries behind the finding, in words, in date order. */
  entries: { id: string; text: string }[];
}) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  return (
    <Card withBorder radius="md" padding="md" component="article" data-rule={finding.rule}>
      <Title order={headingOrder} size="h5">
        {heading}
      </Title>
      <Text mt={4}>{datesInWords(finding.message, 'weekdayShort', locale)}</Text>
      <Text size="sm" mt="xs">
        {t('records.finding.ask')}
      </Text>
      <Text fw={700}>{datesInWords(finding.question, 'weekdayShort', locale)}</Text>
      {entries.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            {t('records.finding.basedOn')}
          </Text>
          <List size="sm" spacing={2}>
            {entries.map((e) => (
              <List.Item key={e.id}>{e.text}</List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}
