import { Card, List, Text, Title } from '@mantine/core';
import type { Finding } from '../api/types.ts';
import { datesInWords } from './dates.ts';

/**
 * One pattern found in what was recorded, worded as a question to bring to the school, with the
 * entries behind it. Never a verdict: the notes show where to look, not what happened.
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
  return (
    <Card withBorder radius="md" padding="md" component="article" data-rule={finding.rule}>
      <Title order={headingOrder} size="h5">
        {heading}
      </Title>
      <Text mt={4}>{datesInWords(finding.message)}</Text>
      <Text size="sm" mt="xs">
        What to ask
      </Text>
      <Text fw={700}>{datesInWords(finding.question)}</Text>
      {entries.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            Based on what you recorded:
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
