import {
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ParentPosition } from '../../../src/domain/communications.ts';
import { COMMUNICATION_KINDS } from '../../../src/domain/record-kinds.ts';
import { LONG_TEXT_MAX } from '../../../src/domain/text-limits.ts';
import { ApiError, patch, post } from '../../api/client.ts';
import type { Attachment, Communication, TeamContact } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { PastDayInput } from '../../components/fields.tsx';
import { applyApiError, FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { ToneHints } from '../../components/ToneHints.tsx';
import {
  AFFECTED_BY_MESSAGES,
  type Direction,
  expectsReply,
  isVerbal,
  type Kind,
  messageName,
  useMessageWords,
} from './communication-words.ts';

type Values = {
  kind: Kind;
  direction: Direction;
  date: string;
  time: string;
  contactIds: string[];
  otherParties: string;
  subject: string;
  summary: string;
  decisions: string;
  nextSteps: string;
  replyExpectedBy: string;
  noReply: boolean;
  inReplyToId: string;
  followsUpId: string;
  attachmentIds: string[];
  /** A holding reply: "they will answer by [date]" (the answer is not in it yet). */
  holding: boolean;
  holdingUntil: string;
  /** For a call or a meeting: where the parent stands on what was proposed. */
  parentPosition: ParentPosition;
  /** For a written message sent: the day the school received it, when known (some clocks start then). */
  schoolReceivedOn: string;
};

/** The choices for a call or a meeting, in the parent's words; the written summary follows the answer. */
const POSITION_CHOICES: readonly ParentPosition[] = ['agreed', 'not_agreed', 'thinking', 'unknown'];

/** A received reply to an earlier message that only promises an answer by a date. */
const isHoldingReply = (v: Values) => v.direction === 'received' && v.inReplyToId !== '' && v.holding;

/** What the drawer starts from: a message to change, or a new one (possibly a reply to another). */
export type FormStart =
  | { mode: 'edit'; message: Communication; attachments: Attachment[] }
  | { mode: 'new'; preset?: Partial<Values> };

function initialValues(start: FormStart, today: string): Values {
  if (start.mode === 'edit') {
    const m = start.message;
    return {
      kind: m.kind,
      direction: m.direction,
      date: m.date,
      time: m.time ?? '',
      contactIds: m.contactIds,
      otherParties: m.otherParties ?? '',
      subject: m.subject ?? '',
      summary: m.summary,
      decisions: m.decisions ?? '',
      nextSteps: m.nextSteps ?? '',
      replyExpectedBy: m.replyExpectedBy ?? '',
      noReply: m.replyExpectedBy == null,
      inReplyToId: m.inReplyToId ?? '',
      followsUpId: m.followsUpId ?? '',
      attachmentIds: m.attachmentIds,
      holding: m.holdingUntil != null,
      holdingUntil: m.holdingUntil ?? '',
      parentPosition: m.parentPosition,
      schoolReceivedOn: m.schoolReceivedOn ?? '',
    };
  }
  return {
    kind: 'email',
    direction: 'sent',
    date: today,
    time: '',
    contactIds: [],
    otherParties: '',
    subject: '',
    summary: '',
    decisions: '',
    nextSteps: '',
    replyExpectedBy: '',
    noReply: false,
    inReplyToId: '',
    followsUpId: '',
    attachmentIds: [],
    holding: false,
    holdingUntil: '',
    parentPosition: 'unknown',
    schoolReceivedOn: '',
    ...start.preset,
  };
}

/**
 * Log an email, a call, a meeting, a note home or a letter: what kind, sent or received, when, with whom,
 * what was said (and for a talk, what was decided and the next steps), when a reply is expected, the
 * message it answers, and files. Used inside a ResponsiveDrawer; mounted fresh each time (key).
 */
export function CommunicationForm({
  householdId,
  childId,
  start,
  contacts,
  messages,
  replySchoolDays,
  today,
  onDone,
  onCancel,
}: {
  householdId: string;
  childId: string;
  start: FormStart;
  contacts: TeamContact[];
  /** Every logged message of the child, newest first (for "in reply to" and "follows up"). */
  messages: Communication[];
  /** The household's reply time, for the hint. */
  replySchoolDays: number;
  today: string;
  onDone(saved: Communication, created: boolean): void;
  onCancel(): void;
}) {
  const words = useMessageWords();
  const { t, locale } = words;
  const client = useQueryClient();
  const ids = useId();
  const editing = start.mode === 'edit' ? start.message : null;
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useForm<Values>({
    initialValues: initialValues(start, today),
    validate: {
      summary: (v) => (v.trim() ? null : t('messages.form.summaryRequired')),
      date: (v) => (v ? null : t('messages.chooseDate')),
      replyExpectedBy: (v, values) => (v && v < values.date ? t('messages.form.replyBeforeDate') : null),
      schoolReceivedOn: (v, values) => (v && v < values.date ? t('messages.form.receivedBeforeSent') : null),
      holdingUntil: (v, values) =>
        !isHoldingReply(values)
          ? null
          : !v
            ? t('messages.form.holdingRequired')
            : v < values.date
              ? t('messages.form.holdingBeforeDate')
              : null,
    },
  });
  const v = form.values;
  const verbal = isVerbal(v.kind);
  const waitsForReply = v.direction === 'sent' && expectsReply(v.kind);
  const others = messages.filter((m) => m.id !== editing?.id);
  const talks = others.filter((m) => isVerbal(m.kind));

  const { focusFirst, onInvalid } = useFocusFirstError(form);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    if (uploading) {
      setError(t('messages.form.uploading'));
      return;
    }
    const writtenSent = values.direction === 'sent' && expectsReply(values.kind);
    const body: Record<string, unknown> = {
      kind: values.kind,
      direction: values.direction,
      date: values.date,
      time: values.time || null,
      contactIds: values.contactIds,
      otherParties: values.otherParties.trim() || null,
      subject: values.subject.trim() || null,
      summary: values.summary.trim(),
      decisions: isVerbal(values.kind) ? values.decisions.trim() || null : null,
      nextSteps: isVerbal(values.kind) ? values.nextSteps.trim() || null : null,
      inReplyToId: values.inReplyToId || null,
      followsUpId: !isVerbal(values.kind) ? values.followsUpId || null : null,
      attachmentIds: values.attachmentIds,
      // A holding reply starts a clock of its own on the message it answers: a follow-up is due
      // after the promised date, instead of the thread counting as answered.
      holdingUntil: isHoldingReply(values) ? values.holdingUntil : null,
      // Asked of a talk only: a written message records no agreement.
      parentPosition: isVerbal(values.kind) ? values.parentPosition : 'unknown',
      // A written message sent only: the day the school received it starts the clocks that run from receipt.
      schoolReceivedOn:
        values.direction === 'sent' && !isVerbal(values.kind) ? values.schoolReceivedOn || null : null,
    };
    // The reply date: a date typed in; none when no reply is expected; left out for the server's
    // default (the household's reply time in school days) on a new message, unchanged on an old one.
    if (!writtenSent || values.noReply) {
      if (!editing || editing.replyExpectedBy !== null) body.replyExpectedBy = null;
    } else if (values.replyExpectedBy) {
      body.replyExpectedBy = values.replyExpectedBy;
    }
    try {
      const saved = editing
        ? await patch<Communication>(`/households/${householdId}/communications/${editing.id}`, body)
        : await post<Communication>(`/households/${householdId}/communications`, { ...body, childId });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: editing
          ? t('messages.form.saved')
          : [
              t('messages.form.logged', {
                kind: t('messages.kindLower', { kind: saved.kind }),
                date: formatDay(saved.date, 'weekdayShort', locale),
              }),
              saved.replyExpectedBy
                ? t('messages.form.loggedReply', {
                    date: formatDay(saved.replyExpectedBy, 'weekdayShort', locale),
                  })
                : null,
            ]
              .filter(Boolean)
              .join(' '),
      });
      for (const queryKey of AFFECTED_BY_MESSAGES)
        await client.invalidateQueries({ queryKey: [...queryKey] });
      await client.invalidateQueries({ queryKey: ['attachments', householdId] });
      onDone(saved, !editing);
    } catch (e) {
      setError(applyApiError(form, e, { 'contactIds.0': 'contactIds', file: 'attachmentIds' }));
      if (e instanceof ApiError) focusFirst(e.fields.map((f) => f.path));
    }
  }, onInvalid);

  // "I sent it" / "I called" / "I asked for it", and the other way round.
  const talk = v.kind === 'phone' || v.kind === 'meeting' ? v.kind : 'written';
  const initialAttachments = start.mode === 'edit' ? start.attachments : [];

  return (
    <FormStack onSubmit={submit} error={error}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          label={t('messages.form.kind')}
          data={COMMUNICATION_KINDS.map((k) => ({ value: k, label: t('messages.kind', { kind: k }) }))}
          {...form.getInputProps('kind')}
        />
        <Radio.Group label={t('messages.form.direction')} {...form.getInputProps('direction')}>
          <Group gap="md" mt={6}>
            <Radio value="sent" label={t('messages.form.sent', { talk })} />
            <Radio value="received" label={t('messages.form.received', { talk })} />
          </Group>
        </Radio.Group>
        <PastDayInput today={today} label={t('messages.date')} required {...form.getInputProps('date')} />
        <TextInput type="time" label={t('messages.form.time')} {...form.getInputProps('time')} />
      </SimpleGrid>

      {contacts.length > 0 ? (
        <Checkbox.Group
          label={
            verbal
              ? t('messages.form.tookPart')
              : v.direction === 'sent'
                ? t('messages.form.sentTo')
                : t('messages.form.from')
          }
          description={t('messages.form.contactsHint')}
          {...form.getInputProps('contactIds')}
        >
          <Stack gap={6} mt={6}>
            {contacts.map((c) => (
              <Checkbox
                key={c.id}
                value={c.id}
                label={t('messages.form.contact', { name: c.name, role: c.role })}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Text size="sm">{t('messages.form.noContacts')}</Text>
      )}
      <TextInput
        label={contacts.length > 0 ? t('messages.form.anyoneElse') : t('messages.form.withWhom')}
        description={t('messages.form.othersHint')}
        maxLength={500}
        {...form.getInputProps('otherParties')}
      />
      <TextInput label={t('messages.form.subject')} maxLength={500} {...form.getInputProps('subject')} />
      <Textarea
        label={verbal ? t('messages.form.whatWasSaid') : t('messages.form.whatItSays')}
        description={verbal ? t('messages.form.saidHint') : t('messages.form.saysHint')}
        required
        autosize
        minRows={3}
        maxRows={12}
        maxLength={LONG_TEXT_MAX}
        {...form.getInputProps('summary')}
      />
      <ToneHints householdId={householdId} text={v.summary} enabled={v.direction === 'sent'} />
      {verbal && (
        <>
          <Textarea
            label={t('messages.form.decisions')}
            description={t('messages.form.decisionsHint')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={5000}
            {...form.getInputProps('decisions')}
          />
          <Textarea
            label={t('messages.form.nextSteps')}
            description={t('messages.form.nextStepsHint')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={5000}
            {...form.getInputProps('nextSteps')}
          />
          <Radio.Group
            label={t('messages.form.positionLabel')}
            description={t('messages.form.positionHint')}
            {...form.getInputProps('parentPosition')}
          >
            <Stack gap={6} mt={6}>
              {POSITION_CHOICES.map((position) => (
                <Radio key={position} value={position} label={t('messages.form.position', { position })} />
              ))}
            </Stack>
          </Radio.Group>
        </>
      )}
      {waitsForReply && (
        <Stack gap={6}>
          <TextInput
            type="date"
            label={t('messages.form.replyBy')}
            description={
              editing
                ? t('messages.form.replyByEdit')
                : t('messages.form.replyByNew', { days: replySchoolDays })
            }
            min={v.date || undefined}
            disabled={v.noReply}
            {...form.getInputProps('replyExpectedBy')}
          />
          <Checkbox
            label={t('messages.form.noReply')}
            {...form.getInputProps('noReply', { type: 'checkbox' })}
          />
        </Stack>
      )}
      {v.direction === 'sent' && !verbal && (
        <TextInput
          type="date"
          label={t('messages.form.schoolReceived')}
          description={t('messages.form.schoolReceivedHint')}
          min={v.date || undefined}
          max={today}
          {...form.getInputProps('schoolReceivedOn')}
        />
      )}
      {others.length > 0 && (
        <NativeSelect
          label={t('messages.form.inReplyTo')}
          description={t('messages.form.inReplyToHint')}
          data={[
            { value: '', label: t('messages.form.notAReply') },
            ...others.map((m) => ({ value: m.id, label: messageName(m, words) })),
          ]}
          {...form.getInputProps('inReplyToId')}
        />
      )}
      {v.direction === 'received' && v.inReplyToId && (
        <Stack gap={6}>
          <Checkbox
            label={t('messages.form.holding')}
            description={t('messages.form.holdingHint')}
            {...form.getInputProps('holding', { type: 'checkbox' })}
          />
          {v.holding && (
            <TextInput
              type="date"
              label={t('messages.form.holdingUntil')}
              min={v.date || undefined}
              required
              {...form.getInputProps('holdingUntil')}
            />
          )}
        </Stack>
      )}
      {!verbal && v.direction === 'sent' && talks.length > 0 && (
        <NativeSelect
          label={t('messages.form.followsUp')}
          description={t('messages.form.followsUpHint')}
          data={[
            { value: '', label: t('messages.form.no') },
            ...talks.map((m) => ({ value: m.id, label: messageName(m, words) })),
          ]}
          {...form.getInputProps('followsUpId')}
        />
      )}
      <div id={`${ids}-files`}>
        <FileUpload
          householdId={householdId}
          label={t('messages.form.files')}
          description={t('messages.form.filesHint')}
          initial={initialAttachments}
          onChange={(list) => form.setFieldValue('attachmentIds', list)}
          onBusyChange={setUploading}
          error={typeof form.errors.attachmentIds === 'string' ? form.errors.attachmentIds : null}
        />
      </div>
      <FormActions
        onCancel={onCancel}
        submitting={form.submitting}
        saveLabel={editing ? t('messages.saveChanges') : t('messages.save')}
        disabled={uploading}
      />
    </FormStack>
  );
}
