import {
  Button,
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
import { COMMUNICATION_KIND_LABELS } from '../../../src/domain/record-kinds.ts';
import { LONG_TEXT_MAX } from '../../../src/domain/text-limits.ts';
import { ApiError, patch, post } from '../../api/client.ts';
import type { Attachment, Communication, TeamContact } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { applyApiError, FormStack, useFocusFirstError } from '../../components/form-errors.tsx';
import { ToneHints } from '../../components/ToneHints.tsx';
import {
  AFFECTED_BY_MESSAGES,
  type Direction,
  expectsReply,
  isVerbal,
  type Kind,
  messageName,
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
const POSITION_CHOICES: { value: ParentPosition; label: string }[] = [
  { value: 'agreed', label: 'I agreed' },
  { value: 'not_agreed', label: 'I did not agree' },
  { value: 'thinking', label: 'I want to think about it' },
  { value: 'unknown', label: 'Nothing was proposed' },
];

/** A received reply to an earlier message that only promises an answer by a date. */
const isHoldingReply = (v: Values) => v.direction === 'received' && v.inReplyToId !== '' && v.holding;

/** What the drawer starts from: a message to change, or a new one (possibly a reply to another). */
export type FormStart =
  | { mode: 'edit'; message: Communication; attachments: Attachment[] }
  | { mode: 'new'; preset?: Partial<Values> };

const DIRECTION_WORDS: Record<'written' | 'phone' | 'meeting', Record<Direction, string>> = {
  written: { sent: 'I sent it', received: 'I received it' },
  phone: { sent: 'I called', received: 'They called me' },
  meeting: { sent: 'I asked for it', received: 'The school asked for it' },
};

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
  const client = useQueryClient();
  const ids = useId();
  const editing = start.mode === 'edit' ? start.message : null;
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useForm<Values>({
    initialValues: initialValues(start, today),
    validate: {
      summary: (v) => (v.trim() ? null : 'Say in a few words what was said or written'),
      date: (v) => (v ? null : 'Choose the date'),
      replyExpectedBy: (v, values) =>
        v && v < values.date ? 'The reply date cannot be before the message’s date' : null,
      schoolReceivedOn: (v, values) =>
        v && v < values.date ? 'The school cannot have received it before you sent it' : null,
      holdingUntil: (v, values) =>
        !isHoldingReply(values)
          ? null
          : !v
            ? 'Give the date they promised an answer by'
            : v < values.date
              ? 'The promised date cannot be before this reply’s date'
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
      setError('Wait for the files to finish uploading, then save.');
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
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: editing
          ? 'Saved the changes.'
          : `Logged: ${COMMUNICATION_KIND_LABELS[saved.kind].toLowerCase()}, ${formatDay(saved.date)}.` +
            (saved.replyExpectedBy ? ` Reply expected by ${formatDay(saved.replyExpectedBy)}.` : ''),
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

  const directionWords =
    DIRECTION_WORDS[v.kind === 'phone' ? 'phone' : v.kind === 'meeting' ? 'meeting' : 'written'];
  const initialAttachments = start.mode === 'edit' ? start.attachments : [];

  return (
    <FormStack onSubmit={submit} error={error}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          label="What kind?"
          data={(Object.keys(COMMUNICATION_KIND_LABELS) as Kind[]).map((k) => ({
            value: k,
            label: COMMUNICATION_KIND_LABELS[k],
          }))}
          {...form.getInputProps('kind')}
        />
        <Radio.Group label="Who started it?" {...form.getInputProps('direction')}>
          <Group gap="md" mt={6}>
            <Radio value="sent" label={directionWords.sent} />
            <Radio value="received" label={directionWords.received} />
          </Group>
        </Radio.Group>
        <TextInput type="date" label="Date" max={today} required {...form.getInputProps('date')} />
        <TextInput type="time" label="Time (optional)" {...form.getInputProps('time')} />
      </SimpleGrid>

      {contacts.length > 0 ? (
        <Checkbox.Group
          label={verbal ? 'Who took part?' : v.direction === 'sent' ? 'Sent to' : 'From'}
          description="From the team on the Plan page."
          {...form.getInputProps('contactIds')}
        >
          <Stack gap={6} mt={6}>
            {contacts.map((c) => (
              <Checkbox key={c.id} value={c.id} label={`${c.name} (${c.role})`} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Text size="sm">
          No team members are listed yet; add them on the Plan page to pick them here. You can name anyone
          below.
        </Text>
      )}
      <TextInput
        label={contacts.length > 0 ? 'Anyone else (optional)' : 'With whom (optional)'}
        description="For example “the front office” or a name and email address."
        maxLength={500}
        {...form.getInputProps('otherParties')}
      />
      <TextInput label="Subject (optional)" maxLength={500} {...form.getInputProps('subject')} />
      <Textarea
        label={verbal ? 'What was said' : 'What it says'}
        description={
          verbal ? 'In your own words, while you remember it.' : 'Paste the text, or sum it up in your words.'
        }
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
            label="What was decided (optional)"
            description="One per line. These go into the written summary you can send afterwards."
            autosize
            minRows={2}
            maxRows={8}
            maxLength={5000}
            {...form.getInputProps('decisions')}
          />
          <Textarea
            label="Next steps (optional)"
            description="Who does what, and by when. One per line."
            autosize
            minRows={2}
            maxRows={8}
            maxLength={5000}
            {...form.getInputProps('nextSteps')}
          />
          <Radio.Group
            label="If the school proposed a change, did you agree?"
            description="The written summary follows your answer: it never says you agreed when you did not, and asks for the proposal in writing."
            {...form.getInputProps('parentPosition')}
          >
            <Stack gap={6} mt={6}>
              {POSITION_CHOICES.map((c) => (
                <Radio key={c.value} value={c.value} label={c.label} />
              ))}
            </Stack>
          </Radio.Group>
        </>
      )}
      {waitsForReply && (
        <Stack gap={6}>
          <TextInput
            type="date"
            label="Reply expected by (optional)"
            description={
              editing
                ? 'Change the date if you agreed on another one.'
                : `Leave it empty: As Written expects a reply within ${replySchoolDays} school ${replySchoolDays === 1 ? 'day' : 'days'} (your setting), not counting weekends and school holidays.`
            }
            min={v.date || undefined}
            disabled={v.noReply}
            {...form.getInputProps('replyExpectedBy')}
          />
          <Checkbox label="No reply expected" {...form.getInputProps('noReply', { type: 'checkbox' })} />
        </Stack>
      )}
      {v.direction === 'sent' && !verbal && (
        <TextInput
          type="date"
          label="The school received it on (optional)"
          description="If you know it (a reply, a delivery receipt, a date stamp). Some deadlines run from the day the school receives a request, such as a meeting request in California."
          min={v.date || undefined}
          max={today}
          {...form.getInputProps('schoolReceivedOn')}
        />
      )}
      {others.length > 0 && (
        <NativeSelect
          label="In reply to (optional)"
          description="The earlier message this one answers. A reply marks it answered."
          data={[
            { value: '', label: 'Not a reply' },
            ...others.map((m) => ({ value: m.id, label: messageName(m) })),
          ]}
          {...form.getInputProps('inReplyToId')}
        />
      )}
      {v.direction === 'received' && v.inReplyToId && (
        <Stack gap={6}>
          <Checkbox
            label="They will answer later (a holding reply)"
            description="For example “I’ll check with the team and get back to you by Friday”. The message stays unanswered until then, and As Written offers a follow-up after that date."
            {...form.getInputProps('holding', { type: 'checkbox' })}
          />
          {v.holding && (
            <TextInput
              type="date"
              label="Answer promised by"
              min={v.date || undefined}
              required
              {...form.getInputProps('holdingUntil')}
            />
          )}
        </Stack>
      )}
      {!verbal && v.direction === 'sent' && talks.length > 0 && (
        <NativeSelect
          label="Follows up a call or meeting (optional)"
          description="If this is the written summary of a talk, link it here."
          data={[{ value: '', label: 'No' }, ...talks.map((m) => ({ value: m.id, label: messageName(m) }))]}
          {...form.getInputProps('followsUpId')}
        />
      )}
      <div id={`${ids}-files`}>
        <FileUpload
          householdId={householdId}
          label="Files (optional)"
          description="A photo of a note home, a PDF of a letter, a screenshot."
          initial={initialAttachments}
          onChange={(list) => form.setFieldValue('attachmentIds', list)}
          onBusyChange={setUploading}
          error={typeof form.errors.attachmentIds === 'string' ? form.errors.attachmentIds : null}
        />
      </div>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </Button>
        <Button type="submit" color="blue.8" loading={form.submitting} disabled={uploading}>
          {editing ? 'Save changes' : 'Save'}
        </Button>
      </Group>
    </FormStack>
  );
}
