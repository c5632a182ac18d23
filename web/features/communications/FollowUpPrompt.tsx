import { Alert, Button, Stack, Text } from '@mantine/core';
import type { Communication } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';

/** After a call or meeting is logged: offer to draft the email that puts it in writing. */
export function FollowUpPrompt({
  message,
  canDraft,
  drafting,
  onDraft,
  onClose,
}: {
  message: Communication;
  canDraft: boolean;
  drafting: string | null;
  onDraft(): void;
  onClose(): void;
}) {
  const t = useT('messages');
  return (
    <Alert
      color="blue"
      title={t('messages.followUp.title', { kind: message.kind })}
      role="status"
      withCloseButton
      closeButtonLabel={t('messages.followUp.notNow')}
      onClose={onClose}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('messages.followUp.text', { steps: message.nextSteps ? 'yes' : 'no' })}</Text>
        {canDraft && (
          <Button size="sm" color="blue.8" loading={drafting === `verbal-${message.id}`} onClick={onDraft}>
            {t('messages.writeFollowUpEmail')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
