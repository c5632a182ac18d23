import { Text, Title } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';

/** The app's name above the page's title (h1), on pages outside the app's own layout: signing in, a staff link. */
export function BrandHeading({ title }: { title: string }) {
  const t = useT();
  return (
    <>
      <Text fw={700} c="blue" size="lg">
        {t('app.name')}
      </Text>
      <Title order={1} size="h2">
        {title}
      </Title>
    </>
  );
}
