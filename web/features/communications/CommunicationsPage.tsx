import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useCurrent, useHouseholdChild } from '../../api/session.tsx';
import type { Attachment, Communication, HouseholdSettingsRecord } from '../../api/types.ts';
import { useAttachments } from '../../components/Attachments.tsx';
import contrast from '../../components/contrast.module.css';
import { todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { ReadOnlyNote } from '../../components/RecordButtons.tsx';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { useDraftLetter } from '../letters/letter-api.ts';
import {
  isVerbal,
  useCommunicationPages,
  useCommunicationStatus,
  useParentNotes,
  useTeamContacts,
} from './communication-words.ts';
import { conversationsOf } from './conversations.ts';
import { ImportResult, LogAndImportButtons } from './EmailImport.tsx';
import { FollowUpPrompt } from './FollowUpPrompt.tsx';
import { ConfirmDeleteMessage, ConfirmNoReplyNeeded } from './MessageDialogs.tsx';
import { MessageItem } from './MessageItem.tsx';
import { MessageSheet, useMessageSheet } from './MessageSheet.tsx';
import { ParentNotes } from './ParentNotes.tsx';
import { RightNow } from './RightNow.tsx';
import { Thread, ThreadItem } from './Thread.tsx';
import { useEmailImport } from './useEmailImport.ts';

// The communication log: every email, call, meeting, note home and letter with the school, grouped in
// conversations, newest first; whether each message you sent is still waiting for its reply (and how
// late it is); calls and meetings not yet followed up in writing; email import; and the things the
// parent noticed at home. Each of these lives in its own file beside this one; this page loads the
// data and puts them together.

export default function CommunicationsPage() {
  const t = useT('messages');
  const tParts = useTParts();
  const { householdId, child } = useHouseholdChild();
  const current = useCurrent();
  const [today] = useState(todayIso);
  const writable = useCan('plan.write');
  const drafting = useCan('letter.draft');
  const deletable = useCan('record.delete');
  // The parent's notes take note.write, which advocates have too (the role table).
  const noting = useCan('note.write');

  // Newest first, a page at a time ("Show more" below the list).
  const messages = useCommunicationPages(householdId, child.id);
  const status = useCommunicationStatus(householdId, child.id);
  const contacts = useTeamContacts(householdId, child.id);
  const notes = useParentNotes(householdId, child.id);
  // The files of the messages shown (the page grows with "Show more"), not every file of the household.
  const attachments = useAttachments(
    householdId,
    (messages.messages ?? []).flatMap((m) => m.attachmentIds),
  );
  const settings = useQuery({
    queryKey: ['settings', householdId],
    queryFn: () => get<HouseholdSettingsRecord>(`/households/${householdId}/settings`),
    staleTime: 60_000,
  });
  const { draft, busy } = useDraftLetter(householdId, child.id);

  const queries = [messages, status, contacts, notes, attachments];
  const error = queries.find((q) => q.error)?.error ?? null;
  const pending = queries.some((q) => q.isPending);
  const retry = () => {
    for (const q of queries) void q.refetch();
  };

  const log = conversationsOf(messages.messages, status.data, contacts.data);
  const shownCount = messages.messages?.length ?? 0;
  const sheet = useMessageSheet();
  const emails = useEmailImport(householdId, child.id, current.session.csrfToken);
  const [deleting, setDeleting] = useState<Communication | null>(null);
  const [closing, setClosing] = useState<Communication | null>(null);
  const [justLogged, setJustLogged] = useState<Communication | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const filesOf = (m: Communication): Attachment[] =>
    m.attachmentIds.flatMap((id) => {
      const a = attachments.data?.get(id);
      return a ? [a] : [];
    });

  const runDraft = async (request: Parameters<typeof draft>[0], key: string) => {
    setActionError(null);
    const message = await draft(request, key);
    if (message) setActionError(message);
  };
  const draftVerbalFollowUp = (m: Communication) =>
    void runDraft({ kind: 'follow_up_verbal', communicationId: m.id }, `verbal-${m.id}`);

  return (
    <Stack gap="lg" maw={1000} className={contrast.scope}>
      <div>
        <Title order={2}>{t('messages.title')}</Title>
        <Text>{tParts('messages.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
        {!writable && <ReadOnlyNote cannot={t('messages.readOnly')} />}
      </div>

      {error && <LoadFailed title={t('messages.loadError')} message={error.message} onRetry={retry} />}

      {pending && !error && <LoadingCards label={t('messages.loading')} heights={[120, 120]} />}

      {!pending && !error && (
        <>
          <RightNow
            overdueCount={log.overdueCount}
            waitingCount={log.waitingCount}
            verbalCount={log.verbalCount}
          />

          {writable && <LogAndImportButtons onLog={() => sheet.open({ mode: 'new' })} emails={emails} />}
          <ImportResult emails={emails} />

          {justLogged && (
            <FollowUpPrompt
              message={justLogged}
              canDraft={drafting}
              drafting={busy}
              onDraft={() => draftVerbalFollowUp(justLogged)}
              onClose={() => setJustLogged(null)}
            />
          )}
          {actionError && (
            <Alert
              color="red"
              title={t('common.notDone')}
              role="alert"
              withCloseButton
              closeButtonLabel={t('messages.dismiss')}
              onClose={() => setActionError(null)}
            >
              {actionError}
            </Alert>
          )}

          <section aria-labelledby="messages-list">
            <Title order={3} size="h4" id="messages-list" mb="xs">
              {t('messages.list.title')}
            </Title>
            {log.threadList.length === 0 ? (
              <Text>{t('messages.list.empty')}</Text>
            ) : (
              <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
                {log.threadList.map((thread) => (
                  <Thread key={thread[0]?.id} size={thread.length}>
                    {thread.map((m) => (
                      <ThreadItem key={m.id} alone={thread.length === 1}>
                        <MessageItem
                          message={m}
                          state={log.stateById.get(m.id)}
                          contacts={log.contactById}
                          householdId={householdId}
                          attachments={attachments.data}
                          canEdit={writable}
                          canDraft={drafting}
                          canDelete={deletable}
                          drafting={busy}
                          onEdit={() => sheet.open({ mode: 'edit', message: m, attachments: filesOf(m) })}
                          onDelete={() => setDeleting(m)}
                          onLogReply={() => sheet.logReplyTo(m)}
                          onClose={() => setClosing(m)}
                          onFollowUp={() =>
                            void runDraft(
                              { kind: 'follow_up_unanswered', communicationId: m.id },
                              `unanswered-${m.id}`,
                            )
                          }
                          onWriteSummary={() => draftVerbalFollowUp(m)}
                        />
                      </ThreadItem>
                    ))}
                  </Thread>
                ))}
              </Stack>
            )}
            {(messages.hasNextPage || (messages.data?.pages.length ?? 0) > 1) && (
              <Stack gap="xs" mt="md" align="flex-start">
                <Text size="sm" aria-live="polite">
                  {messages.hasNextPage
                    ? t('messages.list.showing', { count: shownCount })
                    : t('messages.list.allShown', { count: shownCount })}
                </Text>
                {messages.hasNextPage && (
                  <Button
                    variant="default"
                    loading={messages.isFetchingNextPage}
                    onClick={() => void messages.fetchNextPage()}
                  >
                    {t('messages.list.more')}
                  </Button>
                )}
              </Stack>
            )}
          </section>

          <ParentNotes
            householdId={householdId}
            childId={child.id}
            firstName={child.firstName}
            notes={notes.data ?? []}
            today={today}
            canAdd={noting}
            canDelete={deletable}
          />
        </>
      )}

      {writable && (
        <MessageSheet
          sheet={sheet}
          householdId={householdId}
          childId={child.id}
          contacts={contacts.data ?? []}
          messages={log.list}
          replySchoolDays={settings.data?.replySchoolDays ?? 5}
          today={today}
          onSaved={(saved, created) => setJustLogged(created && isVerbal(saved.kind) ? saved : null)}
        />
      )}

      {closing && (
        <ConfirmNoReplyNeeded householdId={householdId} message={closing} onClose={() => setClosing(null)} />
      )}
      {deleting && (
        <ConfirmDeleteMessage
          householdId={householdId}
          message={deleting}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
