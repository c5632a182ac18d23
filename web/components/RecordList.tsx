import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A page's list of records under its heading: the heading names the section for screen readers, a sentence
 * stands in for an empty list, and the items (each an <li>) follow; `after` holds what comes below the list
 * ("Show all", a hint). The behavior and work-sample pages share it.
 */
export function RecordList({
  id,
  title,
  empty,
  isEmpty,
  children,
  after,
}: {
  id: string;
  title: ReactNode;
  empty: ReactNode;
  isEmpty: boolean;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {isEmpty ? (
        <Text>{empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {children}
        </Stack>
      )}
      {after}
    </section>
  );
}
