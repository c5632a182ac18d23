import { Alert, Button, FileButton, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { errorFrom, reach, readApiBody } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';

// "Start from your IEP or 504 plan": the parent chooses the signed plan (a PDF, or a Word document); the
// server keeps it apart from the record and reads it, and the review page shows what it read. Nothing
// is saved to the record until the parent saves the plan there.

export function StartFromDocument({ householdId, childId }: { householdId: string; childId: string }) {
  const id = useId();
  const current = useCurrent();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const headers: Record<string, string> = {
        'content-type': 'application/octet-stream',
        accept: 'application/json',
      };
      if (current.session.csrfToken) headers['x-csrf-token'] = current.session.csrfToken;
      const response = await reach(
        `/api/households/${householdId}/children/${childId}/iep-documents?filename=${encodeURIComponent(file.name)}`,
        { method: 'POST', headers, credentials: 'same-origin', body: file },
      );
      const data = await readApiBody(response);
      if (!response.ok) throw errorFrom(response.status, data);
      navigate(`/plan/review/${(data as { id: string }).id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The file could not be sent. Try again.');
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm" align="flex-start">
        <Title order={3} size="h4" id={id}>
          Start from your IEP or 504 plan
        </Title>
        <Text size="sm">
          Choose the signed plan (a PDF from the school, or a Word document). As Written reads it on this
          server, never sending it anywhere, and shows you each service, accommodation, goal and date it
          found, with the page it came from. You check and correct them before anything is saved.
        </Text>
        {error && (
          <Alert color="red" role="alert" title="The file was not taken">
            {error}
          </Alert>
        )}
        <FileButton onChange={(f) => void send(f)} accept="application/pdf,.pdf,.docx">
          {(props) => (
            <Button {...props} loading={busy}>
              Choose the plan document
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
