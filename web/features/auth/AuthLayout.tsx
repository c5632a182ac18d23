import { Container, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandHeading } from '../../components/BrandHeading.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';

export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Container size={440} py="xl" component="main">
      <Stack gap="md">
        <BrandHeading title={title} />
        {intro && <Text c="dimmed">{intro}</Text>}
        <Paper withBorder p="lg" radius="md">
          {children}
        </Paper>
        <LanguagePicker />
      </Stack>
    </Container>
  );
}
