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
import { formatDay, localeFor, todayIso } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import { LoadingCards } from '../../components/LoadState.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { type T, useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { AFFECTED_BY_MESSAGES, useTeamContacts } from '../communications/communication-words.ts';
import { letterKey, letterKindName } from './letter-api.ts';
import { OtherLanguage } from './OtherLanguage.tsx';
import { type EditableRecipient, fromEditable, Recipients, toEditable } from './Recipients.tsx';
import { applyEdit, inContext, toneEdit } from './tone-fix.ts';

// One letter: a draft the parent edits (subject, recipients, body) with the tone check running as they
// type, the gaps to fill in, and the ways to send it (copy, .eml, the mail app); then "Mark as sent" logs
// it in Messages and starts the reply clock. A sent letter is kept as it was sent.

const TONE_DELAY_MS = 700;

/** What the .eml can carry. */
const ATTACHMENT_CHOICES: readonly LetterAttachment[] = ['none', 'report_pdf', 'sessions_csv'];

/** The message shown at a gap the draft left. */
const gapMessage = (t: T, spot: PlaceholderSpot) =>
  t('letters.editor.gap', { placeholder: spot.placeholder });

export default function LetterEditorPage() {
  const t = useT('letters');
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
        <TextLink href="/letters">{t('letters.editor.allLetters')}</TextLink>
      </Text>
      {letter.isPending && <LoadingCards label={t('letters.editor.loading')} heights={[40, 320]} />}
      {letter.isError && (
        <Alert color="red" title={t('letters.editor.loadError')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {letter.error instanceof ApiError && letter.error.status === 404
                ? t('letters.editor.notHere')
                : letter.error.message}
            </Text>
            <Button size="xs" variant="default" onClick={() => void letter.refetch()}>
              {t('common.tryAgain')}
            </Button>
          </Stack>
        </Alert>
      )}
      {letter.data && (
        <Editor
          // A new language (the other version taken as the letter) is a new draft on screen.
          key={`${letter.data.id}:${letter.data.language}`}
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
  const t = useT('letters');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
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
          : t('letters.editor.saveFailed'),
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
    setAnnouncement(ok ? t('letters.editor.gentlerSaved') : t('letters.editor.gentlerNotSaved'));
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
  const fieldError = (field: string) =>
    spotsIn(field)
      .map((spot) => gapMessage(t, spot))
      .join(' ') || undefined;
  const nameErrors = (list: 'to' | 'cc', rows: EditableRecipient[]) =>
    rows.map((_, i) => fieldError(`${list}.${i}.name`) ?? null);
  const showGap = (spot: PlaceholderSpot) => {
    const area = bodyRef.current;
    if (spot.field !== 'body' || !area) return;
    area.focus();
    area.setSelectionRange(spot.start, spot.end);
  };
  // A reply date that has passed: the school could not meet it, so sending waits for a new one.
  const staleDate = respondBy != null && respondBy <= today && asksReplyBy(body, respondBy, saved.language);
  const blocked = spots.length > 0 || staleDate;
  const blockedWhy =
    spots.length > 0
      ? t('letters.editor.blockedGaps', {
          count: spots.length,
          gaps: [...new Set(spots.map((s) => s.placeholder))].join(', '),
        })
      : staleDate
        ? t('letters.editor.blockedDate', { date: formatDay(respondBy!, 'weekdayLong', locale) })
        : '';

  const changeRespondBy = (value: string) => {
    if (!respondBy || !value) return;
    if (value <= today) {
      setDateProblem(t('letters.editor.dayAfterToday'));
      return;
    }
    const next = replaceRespondBy(body, respondBy, value, today, saved.language);
    if (next == null) {
      // It quotes the letter, so the date is in the letter's words.
      setDateProblem(t('letters.editor.replyByGone', { date: formatLongDate(respondBy) }));
      return;
    }
    setDateProblem(null);
    setBody(next);
    setRespondBy(value);
  };
  const changeAttachment = (value: LetterAttachment) => {
    setBody((current) => replaceAttachmentSentence(current, attachment, value, saved.language));
    setAttachment(value);
  };
  const toList = { label: t('letters.editor.to'), list: 'to' as const, value: to, onChange: setTo, contacts };
  const ccList = { label: t('letters.editor.cc'), list: 'cc' as const, value: cc, onChange: setCc, contacts };
  // The gaps are shown where they are ("Fill in before sending"); their note is not repeated.
  const notes = notesBesideGaps(saved);
  let mailto: { url: string; complete: boolean } | null = null;
  let mailtoProblem: string | null = null;
  try {
    mailto = mailtoUrl({ subject, to: fromEditable(to), cc: fromEditable(cc), body });
  } catch {
    mailtoProblem = t('letters.editor.mailtoProblem');
  }
  const emlHref = `/api/households/${householdId}/letters/${saved.id}/eml`;

  const copy = async () => {
    const ok = await copyText(body);
    notifications.show({
      closeButtonProps: { 'aria-label': t('common.close') },
      color: ok ? 'green' : 'red',
      message: ok ? t('letters.editor.copied') : t('letters.editor.copyFailed'),
    });
  };

  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SentInfo | null>(null);
  const [deleting, setDeleting] = useState(false);

  const title = t('letters.status', { status: saved.status });
  return (
    <Stack gap="lg">
      <div>
        <Group gap="xs">
          <Tag tone={saved.status === 'sent' ? 'green' : 'gray'}>{title}</Tag>
          <Text size="sm">{letterKindName(saved.kind, t)}</Text>
        </Group>
        <Title order={2} mt={4}>
          {saved.status === 'sent' ? saved.subject : t('letters.editor.yourLetter')}
        </Title>
        {saved.status === 'draft' && !readOnly && <Text>{t('letters.editor.draftIntro')}</Text>}
        {saved.status === 'draft' && !canEdit && <Text size="sm">{t('letters.editor.draftReadOnly')}</Text>}
      </div>

      {sent && (
        <Alert color="blue" title={t('letters.editor.markedSent')} role="status">
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              {sent.replyExpectedBy
                ? t('letters.editor.sentInReply', {
                    kind: sent.kind,
                    date: formatDay(sent.date, 'weekdayShort', locale),
                    replyBy: formatDay(sent.replyExpectedBy, 'weekdayShort', locale),
                  })
                : t('letters.editor.sentIn', {
                    kind: sent.kind,
                    date: formatDay(sent.date, 'weekdayShort', locale),
                  })}
            </Text>
            <TextLink href="/communications">{t('letters.editor.openMessages')}</TextLink>
          </Stack>
        </Alert>
      )}
      {saved.status === 'sent' && !sent && (
        <Alert color="blue" title={t('letters.editor.wasSent')} role="note">
          <Text size="sm">
            {tParts('letters.editor.keptAsSent', {
              messages: <TextLink href="/communications">{t('nav.messages')}</TextLink>,
            })}
          </Text>
        </Alert>
      )}

      <FormError message={error} />

      {spots.length > 0 && !readOnly && (
        <Alert color="yellow" title={t('letters.editor.fillIn')} role="note">
          <Stack gap={6}>
            <Text size="sm">{t('letters.editor.fillInText', { count: spots.length })}</Text>
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
                        aria-label={t('letters.editor.showGapLabel', { placeholder: spot.placeholder })}
                        onClick={() => showGap(spot)}
                      >
                        {t('letters.editor.showInLetter')}
                      </Button>
                    ) : (
                      <Text size="sm" span>
                        {t('letters.editor.gapWhere', {
                          where: spot.field === 'subject' ? 'subject' : 'name',
                        })}
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
            {t('letters.editor.notes')}
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
                  {t('letters.editor.subject')}
                </Text>
                <Text>{subject}</Text>
              </div>
            )}
            <Paper withBorder p="md" radius="md" aria-label={t('letters.editor.theLetter')}>
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
                saved.kind === 'escalation' && cc.length > 0 ? t('letters.editor.ccEscalation') : undefined
              }
              nameErrors={nameErrors('cc', cc)}
            />
            <TextInput
              label={t('letters.editor.subject')}
              required
              maxLength={500}
              value={subject}
              error={fieldError('subject')}
              onChange={(e) => setSubject(e.currentTarget.value)}
            />
            <Textarea
              ref={bodyRef}
              label={t('letters.editor.letter')}
              description={t('letters.editor.letterHelp')}
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
                  label={t('letters.editor.replyBy')}
                  description={t('letters.editor.replyByHelp')}
                  min={addDays(today, 1)}
                  value={respondBy}
                  error={dateProblem ?? (staleDate ? t('letters.editor.dayPassed') : undefined)}
                  onChange={(e) => changeRespondBy(e.currentTarget.value)}
                />
              )}
              <NativeSelect
                label={t('letters.editor.attach')}
                description={t('letters.editor.attachHelp')}
                data={ATTACHMENT_CHOICES.map((value) => ({
                  value,
                  label: t('letters.editor.attachment', { attachment: value }),
                }))}
                value={attachment}
                onChange={(e) => changeAttachment(e.currentTarget.value as LetterAttachment)}
              />
            </SimpleGrid>
          </>
        )}
      </Stack>

      <OtherLanguage letter={saved} householdId={householdId} canEdit={canEdit} dirty={dirty} />

      <Stack gap="xs">
        <Group gap="sm">
          {!readOnly && (
            <Button
              color="blue.8"
              onClick={() =>
                void save().then((ok) => ok && setAnnouncement(t('letters.editor.savedAnnounce')))
              }
              loading={saving}
              disabled={!dirty}
            >
              {dirty ? t('letters.editor.save') : t('letters.editor.saved')}
            </Button>
          )}
          <Button variant="default" onClick={() => void copy()}>
            {t('letters.editor.copy')}
          </Button>
          {blocked && !readOnly ? (
            <>
              <Button variant="default" disabled aria-describedby={blockedId}>
                {t('letters.editor.download')}
              </Button>
              <Button variant="default" disabled aria-describedby={blockedId}>
                {t('letters.editor.openMail')}
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
                {t('letters.editor.download')}
              </Button>
              {mailto && (
                <Button component="a" href={mailto.url} variant="default">
                  {t('letters.editor.openMail')}
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
        {mailto && !mailto.complete && <Text size="sm">{t('letters.editor.tooLong')}</Text>}
        {mailtoProblem && <Text size="sm">{mailtoProblem}</Text>}
        <Text size="sm">{t('letters.editor.emlHelp')}</Text>
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
              {t('letters.editor.markSent')}
            </Button>
          )}
          {canEdit && (
            <Button variant="default" onClick={() => setDeleting(true)}>
              {t('letters.editor.deleteDraft')}
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
              throw new ApiError(0, 'not_saved', t('letters.editor.notSavedFirst'));
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
          title={t('letters.editor.deleteTitle')}
          confirmLabel={t('common.delete')}
          onConfirm={async () => {
            await del(`/households/${householdId}/letters/${saved.id}`);
            client.removeQueries({ queryKey: letterKey(householdId, saved.id) });
            await client.invalidateQueries({ queryKey: ['letters', householdId] });
            navigate('/letters');
          }}
        >
          {t('letters.editor.deleteText', { subject: saved.subject })}
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
  const t = useT('letters');
  return (
    <section aria-labelledby="tone-heading">
      <Title order={3} size="h5" id="tone-heading">
        {t('letters.tone.title')}
      </Title>
      <Text size="sm" role="status" aria-live="polite">
        {!current
          ? t('letters.tone.checking')
          : flags.length === 0
            ? t('letters.tone.nothing')
            : t('letters.tone.flagged', { count: flags.length })}
      </Text>
      {flags.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          mt="xs"
          style={{ listStyle: 'none' }}
          aria-label={t('letters.tone.phrasesLabel')}
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
                      {t('letters.tone.try')}
                    </Text>{' '}
                    {f.suggestion}
                  </Text>
                  <Group gap="xs">
                    {edit && (
                      <Button
                        size="xs"
                        color="blue.8"
                        disabled={busy}
                        aria-label={t('letters.tone.useLabel', { phrase: f.phrase })}
                        onClick={() => onUse(f)}
                      >
                        {t('letters.tone.use')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!current}
                      aria-label={t('letters.tone.showLabel', { phrase: f.phrase })}
                      onClick={() => onShow(f)}
                    >
                      {t('letters.editor.showInLetter')}
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
  const t = useT('letters');
  const [kind, setKind] = useState<'email' | 'letter'>('email');
  const [date, setDate] = useState(today);
  const [received, setReceived] = useState('');
  const { busy, error, setError, run } = useDialogAction();
  const confirm = async () => {
    if (!date) {
      setError(t('letters.sent.chooseDate'));
      return;
    }
    if (received && received < date) {
      setError(t('letters.sent.receivedBefore'));
      return;
    }
    await run(() => onConfirm(kind, date, received || null), onClose);
  };
  return (
    <PlainModal opened onClose={() => !busy && onClose()} title={t('letters.editor.markSent')}>
      <Stack>
        <FormError message={error} title={t('common.notDone')} />
        <Text size="sm">{t('letters.sent.intro')}</Text>
        <Radio.Group
          label={t('letters.sent.how')}
          value={kind}
          onChange={(v) => setKind(v as 'email' | 'letter')}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="email" label={t('letters.sent.byEmail')} />
            <Radio value="letter" label={t('letters.sent.onPaper')} />
          </Stack>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('letters.sent.when')}
          max={today}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('letters.sent.received')}
          description={t('letters.sent.receivedHelp')}
          min={date || undefined}
          max={today}
          value={received}
          onChange={(e) => setReceived(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color="blue.8" onClick={() => void confirm()} loading={busy}>
            {t('letters.editor.markSent')}
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
