import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { patch } from '../../api/client.ts';
import type { Communication } from '../../api/types.ts';
import { ConfirmDelete, ConfirmModal } from '../../components/ConfirmModal.tsx';
import { formatDay } from '../../components/dates.ts';
import { AFFECTED_BY_MESSAGES, type MessageWords, shorten, useMessageWords } from './communication-words.ts';

// The two questions asked before changing a message: stop waiting for its reply, or delete it.

function useRefreshMessages() {
  const client = useQueryClient();
  return async () => {
    for (const queryKey of AFFECTED_BY_MESSAGES) await client.invalidateQueries({ queryKey: [...queryKey] });
  };
}

const nameOf = ({ t, locale }: MessageWords, m: Communication) =>
  t('messages.dialog.name', {
    what: m.subject ?? shorten(m.summary, 60),
    date: formatDay(m.date, 'weekdayShort', locale),
  });

type MessageDialogProps = { householdId: string; message: Communication; onClose(): void };

export function ConfirmNoReplyNeeded({ householdId, message, onClose }: MessageDialogProps) {
  const words = useMessageWords();
  const { t } = words;
  const refresh = useRefreshMessages();
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('messages.dialog.closeTitle')}
      confirmLabel={t('messages.dialog.closeConfirm')}
      onConfirm={async () => {
        await patch(`/households/${householdId}/communications/${message.id}`, { closedWithoutReply: true });
        await refresh();
        notifications.show({
          closeButtonProps: { 'aria-label': t('common.close') },
          color: 'green',
          message: t('messages.dialog.closed'),
        });
      }}
    >
      {t('messages.dialog.closeText', { name: nameOf(words, message) })}
    </ConfirmModal>
  );
}

export function ConfirmDeleteMessage({ householdId, message, onClose }: MessageDialogProps) {
  const words = useMessageWords();
  const { t } = words;
  return (
    <ConfirmDelete
      householdId={householdId}
      path={`communications/${message.id}`}
      refresh={AFFECTED_BY_MESSAGES}
      title={t('messages.dialog.deleteTitle')}
      onClose={onClose}
    >
      {t('messages.dialog.deleteText', { name: nameOf(words, message) })}
    </ConfirmDelete>
  );
}
