import { Alert, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDownLeft,
  IconArrowUpRight,
  IconFileText,
  IconMail,
  IconMessage,
  IconNote,
  IconPhone,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useRef, useState } from 'react';
import { ApiError, del, get, patch } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useCurrent, useHouseholdChild } from '../../api/session.tsx';
import type {
  Attachment,
  Communication,
  CommunicationReply,
  EmailImportResult,
  HouseholdSettingsRecord,
  TeamContact,
  VoidFlag,
} from '../../api/types.ts';
import { AttachmentLinks, useAttachments } from '../../components/Attachments.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import contrast from '../../components/contrast.module.css';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatClockTime, formatDay, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { isVoided, VoidedNote, VoidRecordButton, voidedClass } from '../../components/VoidRecord.tsx';
import { useDraftLetter } from '../letters/letter-api.ts';
import { CommunicationForm, type FormStart } from './CommunicationForm.tsx';
import {
  AFFECTED_BY_MESSAGES,
  type Badge,
  expectsReply,
  isVerbal,
  type Kind,
  kindAndDirection,
  newestFirst,
  positionBadge,
  replyBadge,
  shorten,
  useCommunicationStatus,
  useCommunications,
  useParentNotes,
  useTeamContacts,
  verbalBadge,
  whoLine,
} from './communication-words.ts';
import { EMAIL_ACCEPT, emailFilesOf, importEmailFile, inWrittenOrder } from './email-import.ts';
import { ParentNotes } from './ParentNotes.tsx';

// The communication log: every email, call, meeting, note home and letter with the school, grouped in
// conversations, newest first; whether each message you sent is still waiting for its reply (and how
// late it is); calls and meetings not yet followed up in writing; email import; and the things the
// parent noticed at home.

const KIND_ICONS: Record<Kind, typeof IconMail> = {
  email: IconMail,
  phone: IconPhone,
  meeting: IconUsers,
  note_home: IconNote,
  letter: IconFileText,
  other: IconMessage,
};

type MessageState = { threadId: string; reply: CommunicationReply | undefined; verbalOpen: boolean };

export default function CommunicationsPage() {
  const { householdId, child } = useHouseholdChild();
  const current = useCurrent();
  const [today] = useState(todayIso);
  const writable = useCan('plan.write');
  const drafting = useCan('letter.draft');
  const deletable = useCan('record.delete');
  const client = useQueryClient();

  const messages = useCommunications(householdId, child.id);
  const status = useCommunicationStatus(householdId, child.id);
  const contacts = useTeamContacts(householdId, child.id);
  const notes = useParentNotes(householdId, child.id);
  const attachments = useAttachments(householdId);
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

  const list = [...(messages.data ?? [])].sort(newestFirst);
  const contactById = new Map((contacts.data ?? []).map((c) => [c.id, c]));
  const stateById = new Map<string, MessageState>();
  const verbalOpen = new Set(status.data?.verbalWithoutFollowUp ?? []);
  for (const m of status.data?.messages ?? []) {
    stateById.set(m.id, { threadId: m.threadId, reply: m.reply, verbalOpen: verbalOpen.has(m.id) });
  }
  // Conversations: each thread's messages in the order they happened; the most recent thread first.
  const threads = new Map<string, Communication[]>();
  for (const m of [...list].reverse()) {
    const threadId = stateById.get(m.id)?.threadId ?? m.id;
    threads.set(threadId, [...(threads.get(threadId) ?? []), m]);
  }
  const threadList = [...threads.values()].sort((a, b) =>
    newestFirst(a[a.length - 1] as Communication, b[b.length - 1] as Communication),
  );
  const overdueCount = status.data?.overdue.length ?? 0;
  const waitingCount = status.data?.waiting.length ?? 0;
  const verbalCount = verbalOpen.size;

  // The sheet stays mounted while it closes; `start` is what it shows.
  const [opened, setOpened] = useState(false);
  const [start, setStart] = useState<FormStart | null>(null);
  const [opening, setOpening] = useState(0);
  const [deleting, setDeleting] = useState<Communication | null>(null);
  const [closing, setClosing] = useState<Communication | null>(null);
  const [justLogged, setJustLogged] = useState<Communication | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const open = (s: FormStart) => {
    setStart(s);
    setOpening((n) => n + 1);
    setOpened(true);
  };
  const filesOf = (m: Communication): Attachment[] =>
    m.attachmentIds.flatMap((id) => {
      const a = attachments.data?.get(id);
      return a ? [a] : [];
    });

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

  const runDraft = async (request: Parameters<typeof draft>[0], key: string) => {
    setActionError(null);
    const message = await draft(request, key);
    if (message) setActionError(message);
  };

  // Import emails: one file, several, or a folder's worth. Each file is imported on its own (all of
  // it or none of it), oldest first so replies join their conversations; one broken file does not
  // stop the others.
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const resetImport = useRef<() => void>(null);
  const resetFolder = useRef<() => void>(null);
  const importFiles = async (chosen: File[]) => {
    resetImport.current?.();
    resetFolder.current?.();
    const files = await inWrittenOrder(emailFilesOf(chosen));
    setImportError(null);
    setImported(null);
    if (files.length === 0) {
      if (chosen.length > 0) setImportError('No email files there: choose .eml or .mbox files.');
      return;
    }
    setImporting(true);
    const outcome: ImportOutcome = { files: [], failures: [] };
    try {
      for (const file of files) {
        try {
          const result = await importEmailFile(householdId, child.id, file, current.session.csrfToken);
          outcome.files.push({ name: file.name, result });
        } catch (e) {
          outcome.failures.push({
            name: file.name,
            message: e instanceof ApiError ? e.message : `“${file.name}” could not be imported.`,
          });
        }
      }
      if (outcome.files.length > 0) {
        for (const queryKey of AFFECTED_BY_MESSAGES)
          await client.invalidateQueries({ queryKey: [...queryKey] });
        await client.invalidateQueries({ queryKey: ['attachments', householdId] });
      }
      if (outcome.files.length === 0 && outcome.failures.length === 1) {
        setImportError(outcome.failures[0]!.message);
      } else {
        setImported(outcome);
      }
    } finally {
      setImporting(false);
    }
  };

  return (
    <Stack gap="lg" maw={1000} className={contrast.scope}>
      <div>
        <Title order={2}>Messages</Title>
        <Text>
          Every email, call, meeting and note with <bdi>{child.firstName}</bdi>’s school, in one place. When
          you send something, As Written waits for the reply with you, and tells you when it is late.
        </Text>
        {!writable && (
          <Text size="sm" mt={4}>
            You can read this; only the owner and co-parents can log messages.
          </Text>
        )}
      </div>

      {error && (
        <LoadFailed title="The messages could not be loaded" message={error.message} onRetry={retry} />
      )}

      {pending && !error && <LoadingCards label="Loading the messages" heights={[120, 120]} />}

      {!pending && !error && (
        <>
          {(overdueCount > 0 || waitingCount > 0 || verbalCount > 0) && (
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="messages-now">
              <Title order={3} size="h5" id="messages-now">
                Right now
              </Title>
              <List size="sm" spacing={2} mt={4}>
                {overdueCount > 0 && (
                  <List.Item>
                    {overdueCount === 1
                      ? '1 message is past its reply date.'
                      : `${overdueCount} messages are past their reply dates.`}{' '}
                    <TextLink href="/advisor">What to do next</TextLink>
                  </List.Item>
                )}
                {waitingCount > 0 && (
                  <List.Item>
                    {waitingCount === 1
                      ? '1 message is waiting for a reply.'
                      : `${waitingCount} messages are waiting for replies.`}
                  </List.Item>
                )}
                {verbalCount > 0 && (
                  <List.Item>
                    {verbalCount === 1
                      ? '1 call or meeting is not yet followed up in writing.'
                      : `${verbalCount} calls or meetings are not yet followed up in writing.`}
                  </List.Item>
                )}
              </List>
            </Paper>
          )}

          {writable && (
            <Group gap="sm">
              <Button size="md" color="blue.8" onClick={() => open({ mode: 'new' })}>
                Log a message
              </Button>
              <FileButton
                multiple
                onChange={(f) => void importFiles(f)}
                accept={EMAIL_ACCEPT}
                resetRef={resetImport}
              >
                {(props) => (
                  <Button {...props} size="md" variant="default" loading={importing}>
                    Import emails
                  </Button>
                )}
              </FileButton>
              <FileButton
                multiple
                onChange={(f) => void importFiles(f)}
                resetRef={resetFolder}
                inputProps={{ webkitdirectory: '', directory: '' } as Record<string, string>}
              >
                {(props) => (
                  <Button {...props} size="md" variant="subtle" disabled={importing}>
                    Import a folder
                  </Button>
                )}
              </FileButton>
            </Group>
          )}
          {writable && (
            <Text size="sm" mt={-8}>
              To import, save emails from your mail app as .eml files (choose several at once, or a whole
              folder), or export a folder as .mbox. Each message is added once, matched to the team by
              address, and joined to its conversation.
            </Text>
          )}

          {importError && (
            <Alert
              color="red"
              title="Nothing was imported"
              role="alert"
              withCloseButton
              closeButtonLabel="Dismiss"
              onClose={() => setImportError(null)}
            >
              {importError}
            </Alert>
          )}
          {imported && <ImportSummary outcome={imported} onClose={() => setImported(null)} />}

          {justLogged && (
            <Alert
              color="blue"
              title={`Put the ${justLogged.kind === 'meeting' ? 'meeting' : 'call'} in writing?`}
              role="status"
              withCloseButton
              closeButtonLabel="Not now"
              onClose={() => setJustLogged(null)}
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  A short email (“Thank you for talking with me. To make sure I understood: …”) keeps a record
                  of what was decided{justLogged.nextSteps ? ' and the next steps' : ''}. As Written drafts it
                  from what you just logged; you can change anything before sending.
                </Text>
                {drafting && (
                  <Button
                    size="sm"
                    color="blue.8"
                    loading={busy === `verbal-${justLogged.id}`}
                    onClick={() =>
                      void runDraft(
                        { kind: 'follow_up_verbal', communicationId: justLogged.id },
                        `verbal-${justLogged.id}`,
                      )
                    }
                  >
                    Write the follow-up email
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          {actionError && (
            <Alert
              color="red"
              title="Not done"
              role="alert"
              withCloseButton
              closeButtonLabel="Dismiss"
              onClose={() => setActionError(null)}
            >
              {actionError}
            </Alert>
          )}

          <section aria-labelledby="messages-list">
            <Title order={3} size="h4" id="messages-list" mb="xs">
              Conversations, most recent first
            </Title>
            {threadList.length === 0 ? (
              <Text>
                Nothing logged yet. Start with the last email you sent the school, or a call you had: the
                date, who, and a few words are enough.
              </Text>
            ) : (
              <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
                {threadList.map((thread) => (
                  <Thread key={thread[0]?.id} size={thread.length}>
                    {thread.map((m) => (
                      <ThreadItem key={m.id} alone={thread.length === 1}>
                        <MessageItem
                          message={m}
                          state={stateById.get(m.id)}
                          contacts={contactById}
                          householdId={householdId}
                          attachments={attachments.data}
                          canEdit={writable}
                          canDraft={drafting}
                          canDelete={deletable}
                          drafting={busy}
                          onEdit={() => open({ mode: 'edit', message: m, attachments: filesOf(m) })}
                          onDelete={() => setDeleting(m)}
                          onLogReply={() => logReplyTo(m)}
                          onClose={() => setClosing(m)}
                          onFollowUp={() =>
                            void runDraft(
                              { kind: 'follow_up_unanswered', communicationId: m.id },
                              `unanswered-${m.id}`,
                            )
                          }
                          onWriteSummary={() =>
                            void runDraft(
                              { kind: 'follow_up_verbal', communicationId: m.id },
                              `verbal-${m.id}`,
                            )
                          }
                        />
                      </ThreadItem>
                    ))}
                  </Thread>
                ))}
              </Stack>
            )}
          </section>

          <ParentNotes
            householdId={householdId}
            childId={child.id}
            firstName={child.firstName}
            notes={notes.data ?? []}
            today={today}
            canAdd={writable}
            canDelete={deletable}
          />
        </>
      )}

      {writable && (
        <ResponsiveDrawer
          opened={opened}
          onClose={() => setOpened(false)}
          title={
            start?.mode === 'edit'
              ? 'Change this message'
              : start?.preset?.inReplyToId
                ? start.preset.direction === 'received'
                  ? 'Log their reply'
                  : 'Log your answer'
                : 'Log a message'
          }
        >
          {start && (
            <CommunicationForm
              key={opening}
              householdId={householdId}
              childId={child.id}
              start={start}
              contacts={contacts.data ?? []}
              messages={list}
              replySchoolDays={settings.data?.replySchoolDays ?? 5}
              today={today}
              onCancel={() => setOpened(false)}
              onDone={(saved, created) => {
                setOpened(false);
                setJustLogged(created && isVerbal(saved.kind) ? saved : null);
              }}
            />
          )}
        </ResponsiveDrawer>
      )}

      {closing && (
        <ConfirmModal
          opened
          onClose={() => setClosing(null)}
          title="No reply needed any more?"
          confirmLabel="Yes, stop waiting"
          onConfirm={async () => {
            await patch(`/households/${householdId}/communications/${closing.id}`, {
              closedWithoutReply: true,
            });
            for (const queryKey of AFFECTED_BY_MESSAGES)
              await client.invalidateQueries({ queryKey: [...queryKey] });
            notifications.show({
              closeButtonProps: { 'aria-label': 'Close' },
              color: 'green',
              message: 'As Written is no longer waiting for a reply to this message.',
            });
          }}
        >
          For example, when they answered in person or by phone. As Written stops counting the days for “
          {closing.subject ?? shorten(closing.summary, 60)}” ({formatDay(closing.date)}). If they did answer
          in writing, log their reply instead: it keeps what they said.
        </ConfirmModal>
      )}

      {deleting && (
        <ConfirmModal
          opened
          onClose={() => setDeleting(null)}
          title="Delete this message from the log?"
          confirmLabel="Delete"
          onConfirm={async () => {
            await del(`/households/${householdId}/communications/${deleting.id}`);
            for (const queryKey of AFFECTED_BY_MESSAGES)
              await client.invalidateQueries({ queryKey: [...queryKey] });
          }}
        >
          “{deleting.subject ?? shorten(deleting.summary, 60)}” ({formatDay(deleting.date)}) will no longer be
          listed or counted. Its files stay in the household’s files, and the journal keeps what it was.
        </ConfirmModal>
      )}
    </Stack>
  );
}

/** One message in a conversation's list (a message alone is its own list item). */
function ThreadItem({ alone, children }: { alone: boolean; children: ReactNode }) {
  return alone ? children : <li>{children}</li>;
}

function Thread({ size, children }: { size: number; children: ReactNode }) {
  const id = useId();
  if (size === 1) return <li>{children}</li>;
  return (
    <li>
      <Paper withBorder radius="md" p="xs" bg="var(--mantine-color-body)">
        <Text size="sm" fw={600} id={id} mb={6} px={4}>
          A conversation of {size} messages
        </Text>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={id}>
          {children}
        </Stack>
      </Paper>
    </li>
  );
}

function MessageItem({
  message: m,
  state,
  contacts,
  householdId,
  attachments,
  canEdit,
  canDraft,
  canDelete,
  drafting,
  onEdit,
  onDelete,
  onLogReply,
  onClose,
  onFollowUp,
  onWriteSummary,
}: {
  message: Communication & Partial<VoidFlag>;
  state: MessageState | undefined;
  contacts: Map<string, TeamContact>;
  householdId: string;
  attachments: Map<string, Attachment> | undefined;
  canEdit: boolean;
  canDraft: boolean;
  canDelete: boolean;
  drafting: string | null;
  onEdit(): void;
  onDelete(): void;
  onLogReply(): void;
  onClose(): void;
  onFollowUp(): void;
  onWriteSummary(): void;
}) {
  const headingId = useId();
  const moreId = useId();
  const [expanded, setExpanded] = useState(false);
  const Icon = KIND_ICONS[m.kind];
  const DirectionIcon = m.direction === 'sent' ? IconArrowUpRight : IconArrowDownLeft;
  const reply = state?.reply;
  const badges: Badge[] = [];
  const rb = replyBadge(reply);
  if (rb) badges.push(rb);
  if (state?.verbalOpen) badges.push(verbalBadge(m.kind));
  const position = isVerbal(m.kind) ? positionBadge(m.parentPosition) : null;
  if (position) badges.push(position);
  // Still without its answer: waiting, past its date, or holding on an answer promised by a date.
  const waiting = reply?.state === 'waiting' || reply?.state === 'overdue' || reply?.state === 'holding';
  const overdue = reply?.state === 'overdue';
  const long = m.summary.length > 180 || m.summary.includes('\n') || !!m.decisions || !!m.nextSteps;
  const title = m.subject?.trim() || kindAndDirection(m);
  const who = whoLine(m, contacts);
  const day = formatDay(m.date, 'weekdayLong');
  const name = `${title}, ${formatDay(m.date)}`;
  // A message voided as logged by mistake stays listed, struck through, and counts nowhere (no reply clock).
  const voided = isVoided(m);

  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      aria-labelledby={headingId}
      data-direction={m.direction}
      {...(state?.reply ? { 'data-reply': state.reply.state } : {})}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap" align="center">
          <Icon size={18} stroke={1.75} aria-hidden />
          {!isVerbal(m.kind) && <DirectionIcon size={16} stroke={1.75} aria-hidden />}
          <Text size="sm">
            {kindAndDirection(m)} · {day}
            {m.time ? ` · ${formatClockTime(m.time)}` : ''}
          </Text>
        </Group>
        <Title order={4} size="h5" id={headingId} className={voided ? voidedClass : undefined}>
          {title}
        </Title>
        <VoidedNote householdId={householdId} record={m} />
        {who && <Text size="sm">{who}</Text>}
        {badges.length > 0 && (
          <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Status">
            {badges.map((b) => (
              <li key={b.text}>
                <Tag tone={b.tone}>{b.text}</Tag>
              </li>
            ))}
          </Group>
        )}
        <Text lineClamp={expanded ? undefined : 3} style={{ whiteSpace: 'pre-wrap' }}>
          {m.summary}
        </Text>
        {expanded && (m.decisions || m.nextSteps) && (
          <Stack gap={4} id={moreId}>
            {m.decisions && (
              <div>
                <Text size="sm" fw={700}>
                  What was decided
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.decisions}
                </Text>
              </div>
            )}
            {m.nextSteps && (
              <div>
                <Text size="sm" fw={700}>
                  Next steps
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.nextSteps}
                </Text>
              </div>
            )}
          </Stack>
        )}
        {long && (
          <Group>
            <Button
              size="compact-sm"
              variant="default"
              aria-expanded={expanded}
              aria-label={`${expanded ? 'Show less of' : 'Show all of'} ${name}`}
              onClick={() => setExpanded((x) => !x)}
            >
              {expanded ? 'Show less' : 'Show all'}
            </Button>
          </Group>
        )}
        <AttachmentLinks householdId={householdId} ids={m.attachmentIds} byId={attachments} size={56} />
        {(canEdit || canDraft || canDelete) && (
          <Group gap="xs" mt={4}>
            {canEdit && waiting && (
              <Button size="xs" color="blue.8" aria-label={`Log their reply to ${name}`} onClick={onLogReply}>
                Log their reply
              </Button>
            )}
            {canDraft && overdue && (
              <Button
                size="xs"
                variant="default"
                loading={drafting === `unanswered-${m.id}`}
                aria-label={`Write a follow-up on ${name}`}
                onClick={onFollowUp}
              >
                Write a follow-up
              </Button>
            )}
            {canEdit && waiting && (
              <Button
                size="xs"
                variant="default"
                aria-label={`No reply needed any more: ${name}`}
                onClick={onClose}
              >
                No reply needed any more
              </Button>
            )}
            {canDraft && state?.verbalOpen && (
              <Button
                size="xs"
                color="blue.8"
                loading={drafting === `verbal-${m.id}`}
                aria-label={`Write the follow-up email for ${name}`}
                onClick={onWriteSummary}
              >
                Write the follow-up email
              </Button>
            )}
            {canEdit && !voided && m.direction === 'received' && expectsReply(m.kind) && (
              <Button
                size="xs"
                variant="default"
                aria-label={`Log your answer to ${name}`}
                onClick={onLogReply}
              >
                Log your answer
              </Button>
            )}
            {canEdit && !voided && (
              <Button size="xs" variant="default" aria-label={`Correct ${name}`} onClick={onEdit}>
                Correct
              </Button>
            )}
            {canEdit && (
              <VoidRecordButton
                householdId={householdId}
                path="communications"
                record={m}
                what={`the message “${title}” of ${day}`}
              />
            )}
            {canDelete && (
              <Button size="xs" variant="default" aria-label={`Delete ${name}`} onClick={onDelete}>
                Delete
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

type ImportOutcome = {
  files: { name: string; result: EmailImportResult }[];
  failures: { name: string; message: string }[];
};

function ImportSummary({ outcome, onClose }: { outcome: ImportOutcome; onClose(): void }) {
  const results = outcome.files.map((f) => f.result);
  const n = results.reduce((sum, r) => sum + r.imported.length, 0);
  const duplicates = results.flatMap((r) => r.duplicates);
  const d = duplicates.length;
  const kept = results.reduce((sum, r) => sum + r.attachments.length, 0);
  const skipped = outcome.files.flatMap((f) =>
    f.result.skippedAttachments.map((s) => ({ ...s, key: `${f.name}/${s.filename}/${s.reason}` })),
  );
  const source =
    outcome.files.length === 1 && outcome.failures.length === 0
      ? `“${outcome.files[0]!.name}”`
      : `${outcome.files.length} ${outcome.files.length === 1 ? 'file' : 'files'}`;
  return (
    <Alert
      color={outcome.failures.length > 0 ? 'orange' : 'blue'}
      title={
        n > 0
          ? `Imported ${n} ${n === 1 ? 'message' : 'messages'} from ${source}`
          : outcome.files.length > 0
            ? `Nothing new in ${source}`
            : 'Nothing was imported'
      }
      role="status"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      <List size="sm" spacing={2}>
        {outcome.failures.map((f) => (
          <List.Item key={`failed-${f.name}`}>Not imported: {f.message}</List.Item>
        ))}
        {d > 0 && (
          <List.Item>
            {d === 1 ? '1 message was already in the log' : `${d} messages were already in the log`}, so{' '}
            {d === 1 ? 'it was' : 'they were'} not added again
            {duplicates.some((x) => x.subject)
              ? `: ${duplicates
                  .map((x) => x.subject)
                  .filter((s): s is string => !!s)
                  .slice(0, 3)
                  .map((s) => `“${s}”`)
                  .join(', ')}`
              : ''}
            .
          </List.Item>
        )}
        {kept > 0 && (
          <List.Item>{kept === 1 ? '1 attachment was kept.' : `${kept} attachments were kept.`}</List.Item>
        )}
        {skipped.map((s) => (
          <List.Item key={s.key}>
            Not kept: “<bdi>{s.filename}</bdi>”. {s.reason}
          </List.Item>
        ))}
        {n > 0 && (
          <List.Item>
            Check who each one is from: a sender who is not on the team is listed by address. Messages from
            the team count as replies.
          </List.Item>
        )}
      </List>
    </Alert>
  );
}
