import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { addDays, formatLongDate } from '../../../src/domain/dates.ts';
import {
  asksReplyBy,
  type LetterAttachment,
  notesBesideGaps,
  type PlaceholderSpot,
  replaceAttachmentSentence,
  replaceRespondBy,
  unfilledPlaceholders,
} from '../../../src/domain/letter-words.ts';
import { isFormalLetter } from '../../../src/domain/letters/kinds.ts';
import { mailtoUrl } from '../../../src/domain/mailto.ts';
import { LONG_TEXT_MAX } from '../../../src/domain/text-limits.ts';
import { ApiError, del, get, patch, post } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Communication, Letter, TeamContact, ToneFlag } from '../../api/types.ts';
import { ConfirmModal, useDialogAction } from '../../components/ConfirmModal.tsx';
import contrast from '../../components/contrast.module.css';
import { PlainModal } from '../../components/Dialogs.tsx';
import { formatDay, todayIso } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import { LoadingCards } from '../../components/LoadState.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { AFFECTED_BY_MESSAGES, useTeamContacts } from '../communications/communication-words.ts';
import { letterKey, letterKindName } from './letter-api.ts';
import { type EditableRecipient, fromEditable, Recipients, toEditable } from './Recipients.tsx';
import { applyEdit, inContext, toneEdit } from './tone-fix.ts';

// One letter: a draft the parent edits (subject, recipients, body) with the tone check running as they
// type, the gaps to fill in, and the ways to send it (copy, .eml, the mail app); then "Mark as sent" logs
// it in Messages and starts the reply clock. A sent letter is kept as it was sent.

const TONE_DELAY_MS = 700;

/** What the .eml can carry, in words. */
const ATTACHMENT_CHOICES: { value: LetterAttachment; label: string }[] = [
  { value: 'none', label: 'Nothing' },
  { value: 'report_pdf', label: 'The implementation report (PDF)' },
  { value: 'sessions_csv', label: 'The session log (a spreadsheet)' },
];

/** The message shown at a gap the draft left. */
const gapMessage = (spot: PlaceholderSpot) =>
  `“${spot.placeholder}” is still here: fill it in or remove it before sending.`;

export default function LetterEditorPage() {
  const params = useParams<{ id: string }>();
  const { householdId, child } = useHouseholdChild();
  const drafting = useCan('letter.draft');
  const sending = useCan('plan.write');
  const id = params.id;
  const letter = useQuery({
    queryKey: letterKey(householdId, id),
    queryFn: () => get<Letter>(`/households/${householdId}/letters/${id}`),
  });
  const contacts = useTeamContacts(householdId, child.id);

  return (
    <Stack gap="lg" maw={900} className={contrast.scope}>
      <Text size="sm">
        <TextLink href="/letters">All letters</TextLink>
      </Text>
      {letter.isPending && <LoadingCards label="Loading the letter" heights={[40, 320]} />}
      {letter.isError && (
        <Alert color="red" title="The letter could not be loaded" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {letter.error instanceof ApiError && letter.error.status === 404
                ? 'This letter is not in this household (it may have been deleted).'
                : letter.error.message}
            </Text>
            <Button size="xs" variant="default" onClick={() => void letter.refetch()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
      {letter.data && (
        <Editor
          key={letter.data.id}
          saved={letter.data}
          householdId={householdId}
          contacts={contacts.data ?? []}
          canEdit={drafting}
          canSend={sending}
        />
      )}
    </Stack>
  );
}

type SentInfo = {
  date: string;
  kind: 'email' | 'letter';
  replyExpectedBy: string | null;
};

function Editor({
  saved,
  householdId,
  contacts,
  canEdit,
  canSend,
}: {
  saved: Letter;
  householdId: string;
  contacts: TeamContact[];
  canEdit: boolean;
  canSend: boolean;
}) {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [today] = useState(todayIso);
  const readOnly = saved.status === 'sent' || !canEdit;
  const formal = isFormalLetter(saved.kind);

  const [subject, setSubject] = useState(saved.subject);
  const [body, setBody] = useState(saved.body);
  const [to, setTo] = useState<EditableRecipient[]>(() => toEditable(saved.to));
  const [cc, setCc] = useState<EditableRecipient[]>(() => toEditable(saved.cc));
  const [respondBy, setRespondBy] = useState<string | null>(saved.respondBy);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [attachment, setAttachment] = useState<LetterAttachment>(saved.attachment);
  const [saving, setSaving] = useState(false);
  const blockedId = useId();
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const sameList = (a: EditableRecipient[], b: Letter['to']) =>
    JSON.stringify(fromEditable(a)) === JSON.stringify(b.map((r) => ({ name: r.name, email: r.email })));
  const dirty =
    subject !== saved.subject ||
    body !== saved.body ||
    !sameList(to, saved.to) ||
    !sameList(cc, saved.cc) ||
    respondBy !== saved.respondBy ||
    attachment !== saved.attachment;

  // The tone check of the text as it is now: the server's flags for the saved text, then a fresh check
  // a moment after the parent stops typing.
  const [tone, setTone] = useState<{ text: string; flags: ToneFlag[] }>({
    text: saved.body,
    flags: saved.toneFlags,
  });
  const latestBody = useRef(body);
  latestBody.current = body;
  useEffect(() => {
    if (readOnly || body === tone.text) return;
    const timer = setTimeout(async () => {
      try {
        const result = await post<{ flags: ToneFlag[] }>(`/households/${householdId}/tone-check`, {
          text: body,
          formal,
        });
        if (latestBody.current === body) setTone({ text: body, flags: result.flags });
      } catch {
        // The check is advice: if it cannot run now, it runs again after the next change.
      }
    }, TONE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, tone.text, householdId, formal, readOnly]);
  const toneCurrent = tone.text === body;

  const save = async (next?: { body: string }): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      const changes: Record<string, unknown> = {};
      const nextBody = next?.body ?? body;
      if (subject !== saved.subject) changes.subject = subject;
      if (nextBody !== saved.body) changes.body = nextBody;
      if (!sameList(to, saved.to)) changes.to = fromEditable(to);
      if (!sameList(cc, saved.cc)) changes.cc = fromEditable(cc);
      if (respondBy !== saved.respondBy && respondBy) changes.respondBy = respondBy;
      if (attachment !== saved.attachment) changes.attachment = attachment;
      if (Object.keys(changes).length === 0) return true;
      const result = await patch<Letter>(`/households/${householdId}/letters/${saved.id}`, changes);
      client.setQueryData(letterKey(householdId, saved.id), result);
      await client.invalidateQueries({
        queryKey: ['letters', householdId],
        exact: false,
        refetchType: 'none',
      });
      // The server trims the text: take its copy when only the ends differ, so nothing looks unsaved.
      if (result.body.trim() === latestBody.current.trim()) {
        latestBody.current = result.body;
        setBody(result.body);
        setTone({ text: result.body, flags: result.toneFlags });
      }
      setSubject((current) => (current.trim() === result.subject.trim() ? result.subject : current));
      setTo(toEditable(result.to));
      setCc(toEditable(result.cc));
      setRespondBy(result.respondBy);
      setAttachment(result.attachment);
      return true;
    } catch (e) {
      setError(
        e instanceof ApiError
          ? e.fields.length > 0
            ? `${e.message}`
            : e.message
          : 'The letter could not be saved. Nothing was lost: try again.',
      );
      return false;
    } finally {
      setSaving(false);
    }
  };

  const applyWording = async (flag: ToneFlag) => {
    if (!toneCurrent) return;
    const edit = toneEdit(body, flag);
    if (!edit) return;
    const next = applyEdit(body, edit);
    setBody(next);
    latestBody.current = next;
    const ok = await save({ body: next });
    setAnnouncement(
      ok ? 'Changed to the gentler wording, and saved.' : 'Changed to the gentler wording; not saved yet.',
    );
    requestAnimationFrame(() => {
      const area = bodyRef.current;
      if (!area) return;
      area.focus();
      area.setSelectionRange(edit.start, edit.start + edit.text.length);
    });
  };

  const showInLetter = (flag: ToneFlag) => {
    const area = bodyRef.current;
    if (!area || !toneCurrent) return;
    area.focus();
    area.setSelectionRange(flag.start, flag.end);
  };

  // The gaps the draft left that are still in the letter, where they are: they block sending.
  const spots = unfilledPlaceholders({
    subject,
    body,
    to: to.map((r) => ({ name: r.name, email: r.email || null })),
    cc: cc.map((r) => ({ name: r.name, email: r.email || null })),
    placeholders: saved.placeholders,
  });
  const spotsIn = (field: string) => spots.filter((s) => s.field === field);
  const fieldError = (field: string) => spotsIn(field).map(gapMessage).join(' ') || undefined;
  const nameErrors = (list: 'to' | 'cc', rows: EditableRecipient[]) =>
    rows.map((_, i) => fieldError(`${list}.${i}.name`) ?? null);
  const showGap = (spot: PlaceholderSpot) => {
    const area = bodyRef.current;
    if (spot.field !== 'body' || !area) return;
    area.focus();
    area.setSelectionRange(spot.start, spot.end);
  };
  // A reply date that has passed: the school could not meet it, so sending waits for a new one.
  const staleDate = respondBy != null && respondBy <= today && asksReplyBy(body, respondBy);
  const blocked = spots.length > 0 || staleDate;
  const blockedWhy =
    spots.length > 0
      ? `Fill in or remove ${spots.length === 1 ? 'the gap' : `the ${spots.length} gaps`} in brackets first (${[...new Set(spots.map((s) => s.placeholder))].join(', ')}).`
      : staleDate
        ? `The letter asks for a reply by ${formatLongDate(respondBy!)}, which has passed: choose a later date first.`
        : '';

  const changeRespondBy = (value: string) => {
    if (!respondBy || !value) return;
    if (value <= today) {
      setDateProblem('Choose a day after today.');
      return;
    }
    const next = replaceRespondBy(body, respondBy, value, today);
    if (next == null) {
      setDateProblem(
        `The letter no longer says “reply by ${formatLongDate(respondBy)}”: change the date in the text itself.`,
      );
      return;
    }
    setDateProblem(null);
    setBody(next);
    setRespondBy(value);
  };
  const changeAttachment = (value: LetterAttachment) => {
    setBody((current) => replaceAttachmentSentence(current, attachment, value));
    setAttachment(value);
  };
  const toList = { label: 'To', noun: 'recipients', value: to, onChange: setTo, contacts };
  const ccList = { label: 'Copy to', noun: 'people copied', value: cc, onChange: setCc, contacts };
  // The gaps are shown where they are ("Fill in before sending"); their note is not repeated.
  const notes = notesBesideGaps(saved);
  let mailto: { url: string; complete: boolean } | null = null;
  let mailtoProblem: string | null = null;
  try {
    mailto = mailtoUrl({ subject, to: fromEditable(to), cc: fromEditable(cc), body });
  } catch {
    mailtoProblem = 'An email address above does not look right, so the mail app cannot open it yet.';
  }
  const emlHref = `/api/households/${householdId}/letters/${saved.id}/eml`;

  const copy = async () => {
    const ok = await copyText(body);
    notifications.show({
      closeButtonProps: { 'aria-label': 'Close' },
      color: ok ? 'green' : 'red',
      message: ok
        ? 'Copied the letter. Paste it into your email, and copy the subject too.'
        : 'Copying did not work in this browser: select the text of the letter and copy it.',
    });
  };

  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SentInfo | null>(null);
  const [deleting, setDeleting] = useState(false);

  const title = saved.status === 'sent' ? 'Sent' : 'Draft';
  return (
    <Stack gap="lg">
      <div>
        <Group gap="xs">
          <Tag tone={saved.status === 'sent' ? 'green' : 'gray'}>{title}</Tag>
          <Text size="sm">{letterKindName(saved.kind)}</Text>
        </Group>
        <Title order={2} mt={4}>
          {saved.status === 'sent' ? saved.subject : 'Your letter'}
        </Title>
        {saved.status === 'draft' && !readOnly && (
          <Text>
            As Written wrote this from your records. Read it through, change anything you like, then send it
            from your own email or print it. Nothing is sent from here.
          </Text>
        )}
        {saved.status === 'draft' && !canEdit && (
          <Text size="sm">
            You can read this draft; only the owner, co-parents and advocates can change it.
          </Text>
        )}
      </div>

      {sent && (
        <Alert color="blue" title="Marked as sent" role="status">
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              It is in Messages as {sent.kind === 'email' ? 'an email' : 'a letter'} you sent on{' '}
              {formatDay(sent.date)}.
              {sent.replyExpectedBy
                ? ` As Written expects a reply by ${formatDay(sent.replyExpectedBy)} and will tell you if none comes.`
                : ''}
            </Text>
            <TextLink href="/communications">Open Messages</TextLink>
          </Stack>
        </Alert>
      )}
      {saved.status === 'sent' && !sent && (
        <Alert color="blue" title="This letter was sent" role="note">
          <Text size="sm">
            It is kept as it was sent and can no longer change. It is in{' '}
            <TextLink href="/communications">Messages</TextLink>, where As Written waits for the reply with
            you.
          </Text>
        </Alert>
      )}

      <FormError message={error} />

      {spots.length > 0 && !readOnly && (
        <Alert color="yellow" title="Fill in before sending" role="note">
          <Stack gap={6}>
            <Text size="sm">
              Your records do not hold {spots.length === 1 ? 'this' : 'these'}. Replace{' '}
              {spots.length === 1 ? 'it' : 'each'}, brackets included, or remove{' '}
              {spots.length === 1 ? 'it' : 'them'}: the letter cannot be sent or downloaded until then.
            </Text>
            <List size="sm" spacing={4}>
              {spots.map((spot) => (
                <List.Item key={`${spot.field}-${spot.start}`}>
                  <Group gap="xs">
                    <Text size="sm" span>
                      {spot.placeholder}
                    </Text>
                    {spot.field === 'body' ? (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Show in the letter: ${spot.placeholder}`}
                        onClick={() => showGap(spot)}
                      >
                        Show in the letter
                      </Button>
                    ) : (
                      <Text size="sm" span>
                        ({spot.field === 'subject' ? 'in the subject' : 'in a name above'})
                      </Text>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
      {notes.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="letter-notes">
          <Title order={3} size="h5" id="letter-notes">
            For you, not part of the letter
          </Title>
          <List size="sm" spacing={4} mt={4}>
            {notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Paper>
      )}

      <Stack gap="md">
        {readOnly ? (
          <>
            <Recipients {...toList} readOnly />
            {cc.length > 0 && <Recipients {...ccList} readOnly />}
            {saved.status !== 'sent' && (
              <div>
                <Text size="sm" fw={600}>
                  Subject
                </Text>
                <Text>{subject}</Text>
              </div>
            )}
            <Paper withBorder p="md" radius="md" aria-label="The letter">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{body}</Text>
            </Paper>
          </>
        ) : (
          <>
            <Recipients {...toList} readOnly={false} nameErrors={nameErrors('to', to)} />
            <Recipients
              {...ccList}
              readOnly={false}
              description={
                saved.kind === 'escalation' && cc.length > 0
                  ? 'Copied so nobody is gone around: change who is copied, or remove them, before you send it.'
                  : undefined
              }
              nameErrors={nameErrors('cc', cc)}
            />
            <TextInput
              label="Subject"
              required
              maxLength={500}
              value={subject}
              error={fieldError('subject')}
              onChange={(e) => setSubject(e.currentTarget.value)}
            />
            <Textarea
              ref={bodyRef}
              label="Letter"
              description="The tone check reads it as you type and suggests gentler words below."
              required
              autosize
              minRows={12}
              maxRows={40}
              maxLength={LONG_TEXT_MAX}
              value={body}
              error={fieldError('body')}
              onChange={(e) => setBody(e.currentTarget.value)}
              styles={{ input: { fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.5 } }}
            />
            <ToneSection
              flags={tone.flags}
              text={tone.text}
              current={toneCurrent}
              busy={saving}
              onUse={(f) => void applyWording(f)}
              onShow={showInLetter}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {respondBy != null && (
                <TextInput
                  type="date"
                  label="Reply asked by"
                  description="The letter asks for a reply by this day; the reply clock starts from it once you mark it sent."
                  min={addDays(today, 1)}
                  value={respondBy}
                  error={dateProblem ?? (staleDate ? 'This day has passed: choose a later one.' : undefined)}
                  onChange={(e) => changeRespondBy(e.currentTarget.value)}
                />
              )}
              <NativeSelect
                label="Attach to the .eml"
                description="Only the downloaded .eml carries it: copying the letter or opening it in your mail app does not."
                data={ATTACHMENT_CHOICES}
                value={attachment}
                onChange={(e) => changeAttachment(e.currentTarget.value as LetterAttachment)}
              />
            </SimpleGrid>
          </>
        )}
      </Stack>

      <Stack gap="xs">
        <Group gap="sm">
          {!readOnly && (
            <Button
              color="blue.8"
              onClick={() => void save().then((ok) => ok && setAnnouncement('Saved.'))}
              loading={saving}
              disabled={!dirty}
            >
              {dirty ? 'Save' : 'Saved'}
            </Button>
          )}
          <Button variant="default" onClick={() => void copy()}>
            Copy to clipboard
          </Button>
          {blocked && !readOnly ? (
            <>
              <Button variant="default" disabled aria-describedby={blockedId}>
                Download .eml
              </Button>
              <Button variant="default" disabled aria-describedby={blockedId}>
                Open in mail app
              </Button>
            </>
          ) : (
            <>
              <Button
                component="a"
                href={emlHref}
                download
                variant="default"
                onClick={async (e: MouseEvent<HTMLAnchorElement>) => {
                  if (!dirty || readOnly) return;
                  e.preventDefault();
                  if (await save()) window.location.assign(emlHref);
                }}
              >
                Download .eml
              </Button>
              {mailto && (
                <Button component="a" href={mailto.url} variant="default">
                  Open in mail app
                </Button>
              )}
            </>
          )}
        </Group>
        {blocked && !readOnly && (
          <Text size="sm" id={blockedId} c="red.8" role="status">
            {blockedWhy}
          </Text>
        )}
        {mailto && !mailto.complete && (
          <Text size="sm">
            This letter is too long to open in full in a mail app: it opens with the beginning and a note to
            paste the rest. Copy it or download the .eml instead.
          </Text>
        )}
        {mailtoProblem && <Text size="sm">{mailtoProblem}</Text>}
        <Text size="sm">
          The .eml file opens as a new message in most mail programs (Outlook, Apple Mail, Thunderbird).
        </Text>
      </Stack>

      {saved.status === 'draft' && (canSend || canEdit) && (
        <Group gap="sm">
          {canSend && (
            <Button
              color="blue.8"
              onClick={() => setSending(true)}
              disabled={blocked}
              aria-describedby={blocked ? blockedId : undefined}
            >
              Mark as sent
            </Button>
          )}
          {canEdit && (
            <Button variant="default" onClick={() => setDeleting(true)}>
              Delete this draft
            </Button>
          )}
        </Group>
      )}

      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>

      {sending && (
        <MarkSentDialog
          today={today}
          onClose={() => setSending(false)}
          onConfirm={async (kind, date, schoolReceivedOn) => {
            if (dirty && !(await save()))
              throw new ApiError(0, 'not_saved', 'The changes could not be saved first.');
            const result = await post<{ letter: Letter; communication: Communication }>(
              `/households/${householdId}/letters/${saved.id}/sent`,
              { kind, date, ...(schoolReceivedOn ? { schoolReceivedOn } : {}) },
            );
            client.setQueryData(letterKey(householdId, saved.id), result.letter);
            for (const queryKey of AFFECTED_BY_MESSAGES)
              await client.invalidateQueries({ queryKey: [...queryKey] });
            setSent({
              date,
              kind,
              replyExpectedBy: result.communication.replyExpectedBy ?? null,
            });
          }}
        />
      )}
      {deleting && (
        <ConfirmModal
          opened
          onClose={() => setDeleting(false)}
          title="Delete this draft?"
          confirmLabel="Delete"
          onConfirm={async () => {
            await del(`/households/${householdId}/letters/${saved.id}`);
            client.removeQueries({ queryKey: letterKey(householdId, saved.id) });
            await client.invalidateQueries({ queryKey: ['letters', householdId] });
            navigate('/letters');
          }}
        >
          “{saved.subject}” will be deleted. You can draft a new one at any time; the journal keeps what it
          was.
        </ConfirmModal>
      )}
    </Stack>
  );
}

function ToneSection({
  flags,
  text,
  current,
  busy,
  onUse,
  onShow,
}: {
  flags: ToneFlag[];
  text: string;
  current: boolean;
  busy: boolean;
  onUse(flag: ToneFlag): void;
  onShow(flag: ToneFlag): void;
}) {
  return (
    <section aria-labelledby="tone-heading">
      <Title order={3} size="h5" id="tone-heading">
        Tone check
      </Title>
      <Text size="sm" role="status" aria-live="polite">
        {!current
          ? 'Checking the wording…'
          : flags.length === 0
            ? 'Nothing to soften: the letter reads as friendly and specific.'
            : `${flags.length === 1 ? '1 phrase' : `${flags.length} phrases`} may put the reader on the defensive. You decide: each has a gentler way to say it.`}
      </Text>
      {flags.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          mt="xs"
          style={{ listStyle: 'none' }}
          aria-label="Phrases to look at"
        >
          {flags.map((f) => {
            const edit = current ? toneEdit(text, f) : null;
            const around = inContext(text, f);
            return (
              <Paper
                component="li"
                key={`${f.start}-${f.rule}`}
                withBorder
                p="sm"
                radius="md"
                data-rule={f.rule}
              >
                <Stack gap={4}>
                  <Text size="sm">
                    {around.before}
                    <mark>{f.phrase}</mark>
                    {around.after}
                  </Text>
                  <Text size="sm">{f.why}</Text>
                  <Text size="sm">
                    <Text span fw={700}>
                      Try:
                    </Text>{' '}
                    {f.suggestion}
                  </Text>
                  <Group gap="xs">
                    {edit && (
                      <Button
                        size="xs"
                        color="blue.8"
                        disabled={busy}
                        aria-label={`Use this wording instead of “${f.phrase}”`}
                        onClick={() => onUse(f)}
                      >
                        Use this wording
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!current}
                      aria-label={`Show in the letter: “${f.phrase}”`}
                      onClick={() => onShow(f)}
                    >
                      Show in the letter
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </section>
  );
}

function MarkSentDialog({
  today,
  onClose,
  onConfirm,
}: {
  today: string;
  onClose(): void;
  onConfirm(kind: 'email' | 'letter', date: string, schoolReceivedOn: string | null): Promise<void>;
}) {
  const [kind, setKind] = useState<'email' | 'letter'>('email');
  const [date, setDate] = useState(today);
  const [received, setReceived] = useState('');
  const { busy, error, setError, run } = useDialogAction();
  const confirm = async () => {
    if (!date) {
      setError('Choose the date you sent it.');
      return;
    }
    if (received && received < date) {
      setError('The school cannot have received it before you sent it: check the two dates.');
      return;
    }
    await run(() => onConfirm(kind, date, received || null), onClose);
  };
  return (
    <PlainModal opened onClose={() => !busy && onClose()} title="Mark as sent">
      <Stack>
        <FormError message={error} title="Not done" />
        <Text size="sm">
          Once you have sent it yourself, As Written logs it in Messages and starts waiting for the reply. The
          letter is then kept as it was sent.
        </Text>
        <Radio.Group
          label="How did you send it?"
          value={kind}
          onChange={(v) => setKind(v as 'email' | 'letter')}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="email" label="By email" />
            <Radio value="letter" label="On paper (printed, mailed or handed over)" />
          </Stack>
        </Radio.Group>
        <TextInput
          type="date"
          label="When"
          max={today}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="The school received it on (optional)"
          description="If you know it. Some deadlines run from the day the school receives a request; you can add it later in Messages."
          min={date || undefined}
          max={today}
          value={received}
          onChange={(e) => setReceived(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button color="blue.8" onClick={() => void confirm()} loading={busy}>
            Mark as sent
          </Button>
        </Group>
      </Stack>
    </PlainModal>
  );
}

/** Copy text, with the older way for browsers that do not allow the clipboard API here. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
