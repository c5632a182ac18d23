import { Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

// A conversation in the log: one message alone, or several in the order they happened.

/** One message in a conversation's list (a message alone is its own list item). */
export function ThreadItem({ alone, children }: { alone: boolean; children: ReactNode }) {
  return alone ? children : <li>{children}</li>;
}

export function Thread({ size, children }: { size: number; children: ReactNode }) {
  const id = useId();
  if (size === 1) return <li>{children}</li>;
  return (
    <li>
      <Paper withBorder radius="md" p="xs" bg="var(--mantine-color-body)">
        <Text size="sm" fw={600} id={id} mb={6} px={4}>
          A conversation of {size} messages
        </Text>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={id}>
          {children}
        </Stack>
      </Paper>
    </li>
  );
}
