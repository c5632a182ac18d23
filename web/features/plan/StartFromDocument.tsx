import { Alert, Button, FileButton, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { errorFrom, reach, readApiBody } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';

// "Start from your IEP or 504 plan": the parent chooses the signed plan (a PDF, or a Word document); the
// server keeps it apart from the record and reads it, and the review page shows what it read. Nothing
// is saved to the record until the parent saves the plan there.

export function StartFromDocument({
  householdId,
  childId,
  amendPlanId,
}: {
  householdId: string;
  childId: string;
  /** A plan in force: the document is a new version of it ("Read a new version of the IEP"). */
  amendPlanId?: string;
}) {
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
      const review = `/plan/review/${(data as { id: string }).id}`;
      navigate(amendPlanId ? `${review}?amend=${amendPlanId}` : review);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The file could not be sent. Try again.');
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm" align="flex-start">
        <Title order={3} size="h4" id={id}>
          {amendPlanId ? 'Read a new version of the IEP' : 'Start from your IEP or 504 plan'}
        </Title>
        {amendPlanId ? (
          <Text size="sm">
            When the plan is amended, choose the new signed document. As Written reads it on this server and
            shows you what changed from the plan in force (a service cut, an accommodation removed, new goals)
            before it saves anything as a new version. The version in force now stays readable.
          </Text>
        ) : (
          <Text size="sm">
            Choose the signed plan (a PDF from the school, a Word document, or a photo of a page). As Written
            reads it on this server, never sending it anywhere, and shows you each service, accommodation,
            goal and date it found, with the page it came from. You check and correct them before anything is
            saved.
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert" title="The file was not taken">
            {error}
          </Alert>
        )}
        <FileButton
          onChange={(f) => void send(f)}
          accept="application/pdf,.pdf,.docx,image/jpeg,image/png,.jpg,.jpeg,.png"
        >
          {(props) => (
            <Button {...props} loading={busy} variant={amendPlanId ? 'default' : 'filled'}>
              {amendPlanId ? 'Choose the new document' : 'Choose the plan document'}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
