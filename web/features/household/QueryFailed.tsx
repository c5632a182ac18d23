import { Alert, Button } from '@mantine/core';
import { ApiError } from '../../api/client.ts';

export function QueryFailed({ what, error, onRetry }: { what: string; error: unknown; onRetry(): void }) {
  return (
    <Alert color="red" title={`Could not load ${what}`} role="alert">
      {error instanceof ApiError ? error.message : 'Something went wrong.'}{' '}
      <Button variant="subtle" size="compact-sm" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
