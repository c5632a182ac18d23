import { Alert, Button } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';

/** A list that did not load: `title` says which ("Could not load the members"), with a way to retry. */
export function QueryFailed({ title, error, onRetry }: { title: string; error: unknown; onRetry(): void }) {
  const t = useT('household');
  return (
    <Alert color="red" title={title} role="alert">
      {error instanceof ApiError ? error.message : t('household.failed.body')}{' '}
      <Button variant="subtle" size="compact-sm" onClick={onRetry}>
        {t('household.tryAgain')}
      </Button>
    </Alert>
  );
}
