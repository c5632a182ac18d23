import { Alert, Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';

/** A page's data could not be loaded: what, why, and a way to try again. */
export function LoadFailed({ title, message, onRetry }: { title: string; message: string; onRetry(): void }) {
  const t = useT();
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="default" onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Placeholder cards while a page loads, announced to screen readers by `label`. */
export function LoadingCards({ label, heights }: { label: string; heights: readonly number[] }) {
  return (
    <div role="status">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Stack aria-hidden>
        {heights.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders that never reorder
          <Skeleton key={i} h={h} radius="md" />
        ))}
      </Stack>
    </div>
  );
}
