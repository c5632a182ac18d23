import { Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useT } from '../../i18n/i18n.tsx';

// A conversation in the log: one message alone, or several in the order they happened.

/** One message in a conversation's list (a message alone is its own list item). */
export function ThreadItem({ alone, children }: { alone: boolean; children: ReactNode }) {
  return alone ? children : <li>{children}</li>;
}

export function Thread({ size, children }: { size: number; children: ReactNode }) {
  const t = useT('messages');
  const id = useId();
  if (size === 1) return <li>{children}</li>;
  return (
    <li>
      <Paper withBorder radius="md" p="xs" bg="var(--mantine-color-body)">
        <Text size="sm" fw={600} id={id} mb={6} px={4}>
          {t('messages.thread', { count: size })}
        </Text>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={id}>
          {children}
        </Stack>
      </Paper>
    </li>
  );
}
