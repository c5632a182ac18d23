import { useState } from 'react';
import type { Communication, TeamContact } from '../../api/types.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { CommunicationForm, type FormStart } from './CommunicationForm.tsx';
import { isVerbal } from './communication-words.ts';

// The sheet that logs a message, its reply, or a correction. It stays mounted while it closes;
// `start` is what it shows, and each opening starts the form afresh.

export function useMessageSheet() {
  const [opened, setOpened] = useState(false);
  const [start, setStart] = useState<FormStart | null>(null);
  const [opening, setOpening] = useState(0);
  const open = (s: FormStart) => {
    setStart(s);
    setOpening((n) => n + 1);
    setOpened(true);
  };
  /** Log the reply to a message (or the answer to one received), in the same conversation. */
  const logReplyTo = (m: Communication) =>
    open({
      mode: 'new',
      preset: {
        kind: isVerbal(m.kind) ? 'email' : m.kind,
        direction: m.direction === 'sent' ? 'received' : 'sent',
        contactIds: m.contactIds,
        otherParties: m.otherParties ?? '',
        subject: m.subject ? (/^re:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`) : '',
        inReplyToId: m.id,
      },
    });
  return { opened, start, opening, open, logReplyTo, close: () => setOpened(false) };
}

export function MessageSheet({
  sheet,
  householdId,
  childId,
  contacts,
  messages,
  replySchoolDays,
  today,
  onSaved,
}: {
  sheet: ReturnType<typeof useMessageSheet>;
  householdId: string;
  childId: string;
  contacts: TeamContact[];
  messages: Communication[];
  replySchoolDays: number;
  today: string;
  onSaved(saved: Communication, created: boolean): void;
}) {
  const t = useT('messages');
  const { start } = sheet;
  return (
    <ResponsiveDrawer
      opened={sheet.opened}
      onClose={sheet.close}
      title={
        start?.mode === 'edit'
          ? t('messages.sheet.edit')
          : start?.preset?.inReplyToId
            ? start.preset.direction === 'received'
              ? t('messages.logTheirReply')
              : t('messages.logYourAnswer')
            : t('messages.logMessage')
      }
    >
      {start && (
        <CommunicationForm
          key={sheet.opening}
          householdId={householdId}
          childId={childId}
          start={start}
          contacts={contacts}
          messages={messages}
          replySchoolDays={replySchoolDays}
          today={today}
          onCancel={sheet.close}
          onDone={(saved, created) => {
            sheet.close();
            onSaved(saved, created);
          }}
        />
      )}
    </ResponsiveDrawer>
  );
}
