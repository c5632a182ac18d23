import { Alert, Button, FileButton, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { errorFrom, reach, readApiBody } from '../../api/client.ts';
import { useCurrent } from '../../api/session.tsx';
import { useT } from '../../i18n/i18n.tsx';

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
  const t = useT('plan');
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
      setError(e instanceof Error ? e.message : t('plan.document.notSent'));
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm" align="flex-start">
        <Title order={3} size="h4" id={id}>
          {amendPlanId ? t('plan.document.amendTitle') : t('plan.document.startTitle')}
        </Title>
        <Text size="sm">{amendPlanId ? t('plan.document.amendText') : t('plan.document.startText')}</Text>
        {error && (
          <Alert color="red" role="alert" title={t('plan.document.notTaken')}>
            {error}
          </Alert>
        )}
        <FileButton
          onChange={(f) => void send(f)}
          accept="application/pdf,.pdf,.docx,image/jpeg,image/png,.jpg,.jpeg,.png"
        >
          {(props) => (
            <Button {...props} loading={busy} variant={amendPlanId ? 'default' : 'filled'}>
              {amendPlanId ? t('plan.document.chooseNew') : t('plan.document.choose')}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
