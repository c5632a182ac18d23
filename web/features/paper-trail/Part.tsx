import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of the report or of the living IEP (its heading names the section for screen readers). */
export function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Title order={4} size="h5" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
