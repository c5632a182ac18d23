import { Alert, Button, Stack, Text } from '@mantine/core';
import type { Communication } from '../../api/types.ts';

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
  return (
    <Alert
      color="blue"
      title={`Put the ${message.kind === 'meeting' ? 'meeting' : 'call'} in writing?`}
      role="status"
      withCloseButton
      closeButtonLabel="Not now"
      onClose={onClose}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          A short email (“Thank you for talking with me. To make sure I understood: …”) keeps a record of what
          was decided{message.nextSteps ? ' and the next steps' : ''}. As Written drafts it from what you just
          logged; you can change anything before sending.
        </Text>
        {canDraft && (
          <Button size="sm" color="blue.8" loading={drafting === `verbal-${message.id}`} onClick={onDraft}>
            Write the follow-up email
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
