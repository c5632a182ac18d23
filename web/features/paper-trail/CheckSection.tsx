import { Alert, Button, CopyButton, Group, List, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ApiError, get } from '../../api/client.ts';
import type { VerifyResult } from '../../api/types.ts';
import { plural } from '../../components/plain-words.ts';
import classes from './paper-trail.module.css';

// "Check the record": every change is kept in a journal where each entry carries a fingerprint of the
// one before it, and every file is kept with the fingerprint of its bytes. The check recomputes them all.

export function CheckSection({ householdId }: { householdId: string }) {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await get<VerifyResult>(`/households/${householdId}/verify`));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const problems = result
    ? [
        ...(result.journal.problem ? [result.journal.problem.message] : []),
        ...result.attachments.problems.map((p) => p.message),
        ...result.references.problems.map((p) => p.message),
      ]
    : [];

  return (
    <Stack gap="md">
      <Text size="sm">
        Every change to your records is kept in a journal, in order, and each entry carries a fingerprint of
        the one before it. Every file is kept with a fingerprint of its bytes. The check recomputes them all:
        if anything was edited, removed or put out of order, it says where.
      </Text>
      <Group>
        <Button color="blue.8" onClick={() => void check()} loading={busy}>
          Check now
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" title="The check could not run">
          {error}
        </Alert>
      )}
      {result?.ok && (
        <Alert color="green" role="status">
          <Stack gap="xs">
            <Text size="sm" fw={700}>
              Everything checks out: {plural(result.journal.entries, 'journal entry', 'journal entries')},{' '}
              {plural(result.attachments.checked, 'file', 'files')}.
            </Text>
            {result.journal.headHash && <HeadHash hash={result.journal.headHash} />}
          </Stack>
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" role="alert" title="Something in the record does not match">
          <Stack gap="xs">
            <List size="sm" spacing={2}>
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
            <Text size="sm">
              Nothing was changed by this check. Keep your last report or backup: they show the record as it
              was. The person who runs the server can restore a backup with <code>as-written restore</code>.
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function HeadHash({ hash }: { hash: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        The last entry’s fingerprint (SHA-256)
      </Text>
      <Text className={classes.mono}>{hash}</Text>
      <Group gap="xs">
        <CopyButton value={hash} timeout={2500}>
          {({ copied, copy }) => (
            <>
              <Button size="xs" variant={copied ? 'light' : 'default'} onClick={copy}>
                {copied ? 'Copied' : 'Copy the fingerprint'}
              </Button>
              <VisuallyHidden role="status">{copied ? 'The fingerprint was copied.' : ''}</VisuallyHidden>
            </>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">
        Write this down, or keep the report: it carries the same fingerprint. If anything earlier is ever
        changed, the check will show it.
      </Text>
    </Stack>
  );
}
