import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { patch } from '../../api/client.ts';
import type { Communication } from '../../api/types.ts';
import { ConfirmDelete, ConfirmModal } from '../../components/ConfirmModal.tsx';
import { formatDay } from '../../components/dates.ts';
import { AFFECTED_BY_MESSAGES, shorten } from './communication-words.ts';

// The two questions asked before changing a message: stop waiting for its reply, or delete it.

function useRefreshMessages() {
  const client = useQueryClient();
  return async () => {
    for (const queryKey of AFFECTED_BY_MESSAGES) await client.invalidateQueries({ queryKey: [...queryKey] });
  };
}

const nameOf = (m: Communication) => `“${m.subject ?? shorten(m.summary, 60)}” (${formatDay(m.date)})`;

type MessageDialogProps = { householdId: string; message: Communication; onClose(): void };

export function ConfirmNoReplyNeeded({ householdId, message, onClose }: MessageDialogProps) {
  const refresh = useRefreshMessages();
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title="No reply needed any more?"
      confirmLabel="Yes, stop waiting"
      onConfirm={async () => {
        await patch(`/households/${householdId}/communications/${message.id}`, { closedWithoutReply: true });
        await refresh();
        notifications.show({
          closeButtonProps: { 'aria-label': 'Close' },
          color: 'green',
          message: 'As Written is no longer waiting for a reply to this message.',
        });
      }}
    >
      For example, when they answered in person or by phone. As Written stops counting the days for{' '}
      {nameOf(message)}. If they did answer in writing, log their reply instead: it keeps what they said.
    </ConfirmModal>
  );
}

export function ConfirmDeleteMessage({ householdId, message, onClose }: MessageDialogProps) {
  return (
    <ConfirmDelete
      householdId={householdId}
      path={`communications/${message.id}`}
      refresh={AFFECTED_BY_MESSAGES}
      title="Delete this message from the log?"
      onClose={onClose}
    >
      {nameOf(message)} will no longer be listed or counted. Its files stay in the household’s files, and the
      journal keeps what it was.
    </ConfirmDelete>
  );
}
