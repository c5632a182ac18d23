import { Text, Title } from '@mantine/core';

/** The app's name above the page's title (h1), on pages outside the app's own layout: signing in, a staff link. */
export function BrandHeading({ title }: { title: string }) {
  return (
    <>
      <Text fw={700} c="blue" size="lg">
        As Written
      </Text>
      <Title order={1} size="h2">
        {title}
      </Title>
    </>
  );
}
