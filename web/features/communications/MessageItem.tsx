import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
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
import { useId, useState } from 'react';
import type {
  Attachment,
  Communication,
  CommunicationReply,
  TeamContact,
  VoidFlag,
} from '../../api/types.ts';
import { AttachmentLinks } from '../../components/Attachments.tsx';
import { formatClockTime, formatDay } from '../../components/dates.ts';
import { RecordButtons } from '../../components/RecordButtons.tsx';
import { TagList } from '../../components/SessionEntryCard.tsx';
import { isVoided, VoidedNote, voidedClass } from '../../components/VoidRecord.tsx';
import {
  type Badge,
  expectsReply,
  isVerbal,
  type Kind,
  kindAndDirection,
  positionBadge,
  replyBadge,
  useMessageWords,
  verbalBadge,
  whoLine,
} from './communication-words.ts';
import { ImportLogFromMessage } from './ImportLogFromMessage.tsx';

// One message of the log: what it was, who, its reply clock and the actions on it.

const KIND_ICONS: Record<Kind, typeof IconMail> = {
  email: IconMail,
  phone: IconPhone,
  meeting: IconUsers,
  note_home: IconNote,
  letter: IconFileText,
  other: IconMessage,
};

/** Where a message stands: its conversation, its reply clock, and whether a call awaits its follow-up. */
export type MessageState = { threadId: string; reply: CommunicationReply | undefined; verbalOpen: boolean };

export function MessageItem({
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
  const words = useMessageWords();
  const { t, locale } = words;
  const headingId = useId();
  const moreId = useId();
  const [expanded, setExpanded] = useState(false);
  const Icon = KIND_ICONS[m.kind];
  const DirectionIcon = m.direction === 'sent' ? IconArrowUpRight : IconArrowDownLeft;
  const reply = state?.reply;
  const badges: Badge[] = [];
  const rb = replyBadge(words, reply);
  if (rb) badges.push(rb);
  if (state?.verbalOpen) badges.push(verbalBadge(words, m.kind));
  const position = isVerbal(m.kind) ? positionBadge(words, m.parentPosition) : null;
  if (position) badges.push(position);
  // Still without its answer: waiting, past its date, or holding on an answer promised by a date.
  const waiting = reply?.state === 'waiting' || reply?.state === 'overdue' || reply?.state === 'holding';
  const overdue = reply?.state === 'overdue';
  const long = m.summary.length > 180 || m.summary.includes('\n') || !!m.decisions || !!m.nextSteps;
  const title = m.subject?.trim() || kindAndDirection(words, m);
  const who = whoLine(words, m, contacts);
  const day = formatDay(m.date, 'weekdayLong', locale);
  const name = t('messages.item.name', { title, date: formatDay(m.date, 'weekdayShort', locale) });
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
            {kindAndDirection(words, m)} · {day}
            {m.time ? ` · ${formatClockTime(m.time)}` : ''}
          </Text>
        </Group>
        <Title order={4} size="h5" id={headingId} className={voided ? voidedClass : undefined}>
          {title}
        </Title>
        <VoidedNote householdId={householdId} record={m} />
        {who && <Text size="sm">{who}</Text>}
        {badges.length > 0 && (
          <TagList label={t('messages.item.status')} tags={badges.map((b) => ({ key: b.text, ...b }))} />
        )}
        <Text lineClamp={expanded ? undefined : 3} style={{ whiteSpace: 'pre-wrap' }}>
          {m.summary}
        </Text>
        {expanded && (m.decisions || m.nextSteps) && (
          <Stack gap={4} id={moreId}>
            {m.decisions && (
              <div>
                <Text size="sm" fw={700}>
                  {t('messages.item.decided')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.decisions}
                </Text>
              </div>
            )}
            {m.nextSteps && (
              <div>
                <Text size="sm" fw={700}>
                  {t('messages.item.nextSteps')}
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
              aria-label={
                expanded ? t('messages.item.showLessOf', { name }) : t('messages.item.showAllOf', { name })
              }
              onClick={() => setExpanded((x) => !x)}
            >
              {expanded ? t('messages.item.showLess') : t('messages.item.showAll')}
            </Button>
          </Group>
        )}
        <AttachmentLinks householdId={householdId} ids={m.attachmentIds} byId={attachments} size={56} />
        {canEdit && m.direction === 'received' && m.attachmentIds.length > 0 && (
          <Group gap="xs">
            <ImportLogFromMessage
              householdId={householdId}
              childId={m.childId}
              attachments={m.attachmentIds.flatMap((id) => attachments?.get(id) ?? [])}
            />
          </Group>
        )}
        {(canEdit || canDraft || canDelete) && (
          <Group gap="xs" mt={4}>
            {canEdit && waiting && (
              <Button
                size="xs"
                color="blue.8"
                aria-label={t('messages.item.logTheirReplyTo', { name })}
                onClick={onLogReply}
              >
                {t('messages.logTheirReply')}
              </Button>
            )}
            {canDraft && overdue && (
              <Button
                size="xs"
                variant="default"
                loading={drafting === `unanswered-${m.id}`}
                aria-label={t('messages.item.writeFollowUpOn', { name })}
                onClick={onFollowUp}
              >
                {t('messages.item.writeFollowUp')}
              </Button>
            )}
            {canEdit && waiting && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('messages.item.noReplyNeededFor', { name })}
                onClick={onClose}
              >
                {t('messages.noReplyNeeded')}
              </Button>
            )}
            {canDraft && state?.verbalOpen && (
              <Button
                size="xs"
                color="blue.8"
                loading={drafting === `verbal-${m.id}`}
                aria-label={t('messages.item.writeFollowUpEmailFor', { name })}
                onClick={onWriteSummary}
              >
                {t('messages.writeFollowUpEmail')}
              </Button>
            )}
            {canEdit && !voided && m.direction === 'received' && expectsReply(m.kind) && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('messages.item.logYourAnswerTo', { name })}
                onClick={onLogReply}
              >
                {t('messages.logYourAnswer')}
              </Button>
            )}
            <RecordButtons
              name={name}
              editWord="Correct"
              {...{ canEdit, canDelete, onEdit, onDelete }}
              voiding={{
                householdId,
                path: 'communications',
                record: m,
                what: t('messages.item.what', { title, day }),
              }}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
