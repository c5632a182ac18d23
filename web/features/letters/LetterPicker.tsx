import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { letterKindsForPlan, SPANISH_LETTER_KINDS } from '../../../src/domain/letters/kinds.ts';
import type { ParentPosition } from '../../../src/domain/record-kinds.ts';
import type {
  Accommodation,
  Communication,
  LetterKind,
  LetterRequest,
  Plan,
  Service,
} from '../../api/types.ts';
import { DocumentLanguageChoice } from '../../components/DocumentLanguageChoice.tsx';
import { formatDay, localeFor, todayIso } from '../../components/dates.ts';
import {
  currentPlan,
  useAccommodationsOfPlan,
  usePlans,
  useServicesOfPlan,
} from '../../components/queries.ts';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';
import {
  messageName,
  shorten,
  useLetterChoices,
  useMessageWords,
  useParentNotes,
  useTeamContacts,
} from '../communications/communication-words.ts';
import { type LetterLanguage, letterKindWords, useDraftLetter } from './letter-api.ts';

// "Draft a letter": choose what kind of letter (in plain words, with when to use it), then the one or two
// things it is about, from the child's own records. The server writes the draft from the facts; the
// editor opens it.

type Values = {
  kind: LetterKind | '';
  concernAbout: 'accommodation' | 'service';
  accommodationId: string;
  serviceId: string;
  period: 'weekly' | 'mid_term';
  communicationId: string;
  copy: '' | 'principal' | 'director';
  noteId: string;
  contactId: string;
  from: string;
  to: string;
  reasons: string;
  decision: string;
  decidedOn: string;
  /** Where the parent stands on it; '' for what she recorded on the call or meeting. */
  parentPosition: ParentPosition | '';
  escalateTo: 'principal' | 'director' | 'superintendent' | 'board';
  focus: string;
  /** The language asked for (one of LANGUAGES, or OTHER_LANGUAGE with `otherLanguage`). */
  language: string;
  otherLanguage: string;
  meetingDate: string;
};

/**
 * The languages offered for the interpreter and the translated plan; any other can be typed in. The
 * value is the language's English name, as the letter request carries it; `code` names it in the
 * reader's language (the catalog's `letters.picker.languageName`).
 */
const LANGUAGES = [
  { value: 'Spanish', code: 'es' },
  { value: 'Arabic', code: 'ar' },
  { value: 'Chinese (Cantonese)', code: 'yue' },
  { value: 'Chinese (Mandarin)', code: 'cmn' },
  { value: 'Haitian Creole', code: 'ht' },
  { value: 'Hmong', code: 'hmn' },
  { value: 'Korean', code: 'ko' },
  { value: 'Portuguese', code: 'pt' },
  { value: 'Russian', code: 'ru' },
  { value: 'Somali', code: 'so' },
  { value: 'Tagalog', code: 'tl' },
  { value: 'Ukrainian', code: 'uk' },
  { value: 'Vietnamese', code: 'vi' },
] as const;
const OTHER_LANGUAGE = 'other';

export type PickerStart = Partial<Values> & { intro?: string };

/** The values a text field, a date or a select holds. */
type TextKey = { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values];

/** Why a kind cannot be chosen now (nothing in the record it could be about), or null. */
function unavailable(
  t: T,
  kind: LetterKind,
  plan: Plan | null,
  sent: Communication[],
  talks: Communication[],
  accommodations: Accommodation[],
  services: Service[],
): string | null {
  switch (kind) {
    case 'specific_concern':
      return accommodations.length + services.length === 0
        ? t('letters.picker.unavailable.noPlanItems')
        : null;
    case 'follow_up_unanswered':
      return sent.length === 0 ? t('letters.picker.unavailable.allAnswered') : null;
    case 'follow_up_verbal':
      return talks.length === 0 ? t('letters.picker.unavailable.noTalks') : null;
    case 'request_service_logs':
      return services.length === 0 ? t('letters.picker.unavailable.noServices') : null;
    case 'request_prior_written_notice':
    case 'state_complaint':
    case 'ocr_complaint_outline':
      return plan ? null : t('letters.picker.unavailable.noPlan');
    default:
      return null;
  }
}

export function LetterPicker({
  householdId,
  childId,
  start,
  onCancel,
}: {
  householdId: string;
  childId: string;
  start?: PickerStart;
  onCancel(): void;
}) {
  const t = useT('letters');
  const messageWords = useMessageWords();
  const { language: screenLanguage } = useLanguage();
  const locale = localeFor(screenLanguage);
  // The letter's language is apart from the screen's: a parent reading Spanish may write to an
  // English-speaking school. The screen's language is the first guess.
  const [letterLanguage, setLetterLanguage] = useState<LetterLanguage>(
    screenLanguage.startsWith('es') ? 'es' : 'en',
  );
  const plans = usePlans(householdId, childId);
  const plan = currentPlan(plans.data ?? []);
  const accommodations = useAccommodationsOfPlan(householdId, plan?.id).data ?? [];
  const services = useServicesOfPlan(householdId, plan?.id).data ?? [];
  const choices = useLetterChoices(householdId, childId).data;
  const notes = useParentNotes(householdId, childId).data ?? [];
  const contacts = useTeamContacts(householdId, childId).data ?? [];
  const { draft, busy } = useDraftLetter(householdId, childId);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const [v, setValues] = useState<Values>({
    kind: '',
    concernAbout: 'accommodation',
    accommodationId: '',
    serviceId: '',
    period: 'weekly',
    communicationId: '',
    copy: '',
    noteId: '',
    contactId: '',
    from: '',
    to: '',
    reasons: '',
    decision: '',
    decidedOn: '',
    parentPosition: '',
    escalateTo: 'principal',
    focus: '',
    language: 'Spanish',
    otherLanguage: '',
    meetingDate: '',
    ...start,
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    setProblems((old) => ({ ...old, [key]: undefined }));
  };
  /** A field bound to one of the values: what it shows, and how it changes. */
  const bind = <K extends TextKey>(key: K) => ({
    value: v[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(key, e.currentTarget.value as Values[K]),
  });

  // A follow-up on an unanswered message is offered only for a message with no reply: never one that
  // was answered (it would tell the school "no reply"), closed, or waiting on an answer promised later.
  // The server chooses them (overdue first, then newest), and the newest calls and meetings.
  const overdue = new Set(choices?.overdue ?? []);
  const sent = choices?.awaitingReply ?? [];
  const talks = choices?.conversations ?? [];
  const wins = notes.filter((n) => n.kind === 'win').sort((a, b) => (a.date < b.date ? 1 : -1));
  const canada = plan?.jurisdiction.country === 'CA';
  // The letters this plan may draft: the server's own rule (src/domain/letters/kinds.ts).
  const kinds = letterKindsForPlan(plan);

  const pick = (id: string, list: { id: string }[]) =>
    list.some((x) => x.id === id) ? id : (list[0]?.id ?? '');

  const request = (): LetterRequest | null => {
    const missing: Partial<Record<keyof Values, string>> = {};
    let r: LetterRequest | null = null;
    switch (v.kind) {
      case '':
        missing.kind = t('letters.picker.error.kind');
        break;
      case 'specific_concern': {
        if (v.concernAbout === 'accommodation') {
          const id = pick(v.accommodationId, accommodations);
          if (id) r = { kind: 'specific_concern', accommodationId: id };
          else missing.accommodationId = t('letters.picker.error.accommodation');
        } else {
          const id = pick(v.serviceId, services);
          if (id) r = { kind: 'specific_concern', serviceId: id };
          else missing.serviceId = t('letters.picker.error.service');
        }
        break;
      }
      case 'check_in':
        r = { kind: 'check_in', period: v.period };
        break;
      case 'follow_up_unanswered': {
        const id = pick(v.communicationId, sent);
        if (id)
          r = { kind: 'follow_up_unanswered', communicationId: id, ...(v.copy ? { copy: v.copy } : {}) };
        else missing.communicationId = t('letters.picker.error.message');
        break;
      }
      case 'follow_up_verbal': {
        const id = pick(v.communicationId, talks);
        if (id) r = { kind: 'follow_up_verbal', communicationId: id };
        else missing.communicationId = t('letters.picker.error.talk');
        break;
      }
      case 'thank_you':
        r = {
          kind: 'thank_you',
          ...(v.noteId ? { noteId: v.noteId } : {}),
          ...(v.contactId ? { contactId: v.contactId } : {}),
        };
        break;
      case 'request_service_logs': {
        const id = pick(v.serviceId, services);
        if (!id) missing.serviceId = t('letters.picker.error.service');
        else if (v.from && v.to && v.to < v.from) missing.to = t('letters.picker.error.endBeforeStart');
        else
          r = {
            kind: 'request_service_logs',
            serviceId: id,
            ...(v.from ? { from: v.from } : {}),
            ...(v.to ? { to: v.to } : {}),
          };
        break;
      }
      case 'request_iep_meeting': {
        const reasons = v.reasons
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean);
        if (reasons.length > 10) missing.reasons = t('letters.picker.error.tooManyReasons');
        else r = { kind: 'request_iep_meeting', ...(reasons.length > 0 ? { reasons } : {}) };
        break;
      }
      case 'request_records':
        r = { kind: 'request_records' };
        break;
      case 'request_prior_written_notice':
        if (!v.decision.trim()) missing.decision = t('letters.picker.error.decision');
        else
          r = {
            kind: 'request_prior_written_notice',
            decision: v.decision.trim(),
            ...(v.decidedOn ? { decidedOn: v.decidedOn } : {}),
            ...(v.communicationId ? { communicationId: v.communicationId } : {}),
            ...(v.parentPosition ? { parentPosition: v.parentPosition } : {}),
          };
        break;
      case 'request_language_access': {
        const language = v.language === OTHER_LANGUAGE ? v.otherLanguage.trim() : v.language;
        if (!language) missing.otherLanguage = t('letters.picker.error.language');
        else if (language.length > 60) missing.otherLanguage = t('letters.picker.error.languageTooLong');
        else if (v.meetingDate && v.meetingDate < todayIso())
          missing.meetingDate = t('letters.picker.error.meetingPast');
        else
          r = {
            kind: 'request_language_access',
            language,
            ...(v.meetingDate ? { meetingDate: v.meetingDate } : {}),
          };
        break;
      }
      case 'escalation': {
        const [what, id] = v.focus.split(':');
        r = {
          kind: 'escalation',
          to: v.escalateTo,
          ...(what === 'a' && id ? { accommodationId: id } : {}),
          ...(what === 's' && id ? { serviceId: id } : {}),
        };
        break;
      }
      case 'state_complaint':
      case 'ocr_complaint_outline':
        r = { kind: v.kind };
        break;
      case 'board_appeal': {
        const [what, id] = v.focus.split(':');
        r = {
          kind: 'board_appeal',
          ...(v.decision.trim() ? { decision: v.decision.trim() } : {}),
          ...(v.decidedOn ? { decisionDate: v.decidedOn } : {}),
          ...(what === 's' && id ? { serviceId: id } : {}),
        };
        break;
      }
    }
    setProblems(missing);
    return Object.keys(missing).length > 0 ? null : r;
  };

  const submit = async () => {
    setError(null);
    const r = request();
    if (!r) return;
    const message = await draft(r, 'draft', inSpanish ? letterLanguage : 'en');
    if (message) setError(message);
  };

  const reason = (k: LetterKind) => unavailable(t, k, plan, sent, talks, accommodations, services);
  /** Whether the chosen kind can be written in Spanish as well as English. */
  const inSpanish = v.kind !== '' && SPANISH_LETTER_KINDS.has(v.kind);
  // What the parent recorded on the call or meeting the decision came up in (the default answer).
  const recordedPosition: ParentPosition =
    choices?.recent.find((m) => m.id === v.communicationId)?.parentPosition ?? 'unknown';
  const serviceSelect = (
    <NativeSelect
      label={t('letters.picker.service')}
      value={pick(v.serviceId, services)}
      onChange={(e) => set('serviceId', e.currentTarget.value)}
      data={services.map((s) => ({ value: s.id, label: s.name }))}
      error={problems.serviceId}
    />
  );

  return (
    <Stack gap="md">
      {start?.intro && <Text>{start.intro}</Text>}
      {error && (
        <Alert color="red" role="alert" title={t('letters.picker.notDrafted')}>
          {error}
        </Alert>
      )}
      <Radio.Group
        label={t('letters.picker.what')}
        value={v.kind}
        onChange={(k) => set('kind', k as LetterKind)}
        error={problems.kind}
      >
        <Stack gap="sm" mt={6}>
          {kinds.map((k) => {
            const why = reason(k);
            const words = letterKindWords(k, t);
            return (
              <Radio
                key={k}
                value={k}
                disabled={why != null}
                label={words.name}
                description={
                  why ? t('letters.picker.kindUnavailable', { when: words.when, why }) : words.when
                }
              />
            );
          })}
        </Stack>
      </Radio.Group>

      {v.kind === 'specific_concern' && (
        <Stack gap="sm">
          <Radio.Group
            label={t('letters.picker.about')}
            value={v.concernAbout}
            onChange={(x) => set('concernAbout', x as Values['concernAbout'])}
          >
            <Group gap="md" mt={6}>
              <Radio
                value="accommodation"
                label={t('letters.picker.anAccommodation')}
                disabled={accommodations.length === 0}
              />
              <Radio value="service" label={t('letters.picker.aService')} disabled={services.length === 0} />
            </Group>
          </Radio.Group>
          {v.concernAbout === 'accommodation' ? (
            <NativeSelect
              label={t('letters.picker.accommodation')}
              value={pick(v.accommodationId, accommodations)}
              onChange={(e) => set('accommodationId', e.currentTarget.value)}
              data={accommodations.map((a) => ({ value: a.id, label: shorten(a.text, 80) }))}
              error={problems.accommodationId}
            />
          ) : (
            serviceSelect
          )}
          <Text size="sm">{t('letters.picker.quotes')}</Text>
        </Stack>
      )}

      {v.kind === 'check_in' && (
        <Radio.Group
          label={t('letters.picker.checkIn')}
          value={v.period}
          onChange={(x) => set('period', x as Values['period'])}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="weekly" label={t('letters.picker.checkIn.weekly')} />
            <Radio value="mid_term" label={t('letters.picker.checkIn.midTerm')} />
          </Stack>
        </Radio.Group>
      )}

      {v.kind === 'follow_up_unanswered' && (
        <>
          <NativeSelect
            label={t('letters.picker.unanswered')}
            value={pick(v.communicationId, sent)}
            onChange={(e) => set('communicationId', e.currentTarget.value)}
            data={sent.map((m) => ({
              value: m.id,
              label: t('letters.picker.unansweredOption', {
                overdue: overdue.has(m.id) ? 'yes' : 'no',
                message: messageName(m, messageWords),
              }),
            }))}
            error={problems.communicationId}
          />
          {!canada && (
            <NativeSelect
              label={t('letters.picker.copy')}
              description={t('letters.picker.copyHelp')}
              {...bind('copy')}
              data={[
                { value: '', label: t('letters.picker.nobody') },
                { value: 'principal', label: t('letters.picker.person', { person: 'principal' }) },
                { value: 'director', label: t('letters.picker.person', { person: 'director' }) },
              ]}
            />
          )}
        </>
      )}

      {v.kind === 'follow_up_verbal' && (
        <NativeSelect
          label={t('letters.picker.talk')}
          value={pick(v.communicationId, talks)}
          onChange={(e) => set('communicationId', e.currentTarget.value)}
          data={talks.map((m) => ({ value: m.id, label: messageName(m, messageWords) }))}
          error={problems.communicationId}
          description={
            choices && choices.conversationsTotal > talks.length
              ? t('letters.picker.talkHelpNewest', { shown: talks.length, total: choices.conversationsTotal })
              : t('letters.picker.talkHelp')
          }
        />
      )}

      {v.kind === 'thank_you' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('letters.picker.win')}
            {...bind('noteId')}
            data={[
              {
                value: '',
                label: wins.length > 0 ? t('letters.picker.latestWin') : t('letters.picker.noWins'),
              },
              ...wins.map((n) => ({
                value: n.id,
                label: `${formatDay(n.date, 'weekdayShort', locale)}: ${shorten(n.text, 60)}`,
              })),
            ]}
          />
          <NativeSelect
            label={t('letters.picker.thank')}
            {...bind('contactId')}
            data={[
              { value: '', label: t('letters.picker.caseManager') },
              ...contacts.map((c) => ({ value: c.id, label: `${c.name} (${c.role})` })),
            ]}
          />
        </SimpleGrid>
      )}

      {v.kind === 'request_service_logs' && (
        <Stack gap="sm">
          {serviceSelect}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('letters.picker.from')} {...bind('from')} />
            <TextInput type="date" label={t('letters.picker.to')} {...bind('to')} error={problems.to} />
          </SimpleGrid>
          <Text size="sm">{t('letters.picker.logsDefault')}</Text>
        </Stack>
      )}

      {v.kind === 'request_iep_meeting' && (
        <Textarea
          label={t('letters.picker.reasons')}
          description={t('letters.picker.reasonsHelp')}
          autosize
          minRows={2}
          maxRows={8}
          {...bind('reasons')}
          error={problems.reasons}
        />
      )}

      {v.kind === 'request_prior_written_notice' && (
        <Stack gap="sm">
          <Textarea
            label={t('letters.picker.decided')}
            description={t('letters.picker.decidedHelp')}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...bind('decision')}
            error={problems.decision}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('letters.picker.decidedOn')} {...bind('decidedOn')} />
            <NativeSelect
              label={t('letters.picker.heardIn')}
              {...bind('communicationId')}
              data={[
                { value: '', label: t('letters.picker.notLogged') },
                ...(choices?.recent ?? []).map((m) => ({ value: m.id, label: messageName(m, messageWords) })),
              ]}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('letters.picker.agreed')}
            description={t('letters.picker.agreedHelp')}
            value={v.parentPosition || recordedPosition}
            onChange={(x) => set('parentPosition', x as ParentPosition)}
          >
            <Stack gap={6} mt={6}>
              {(['agreed', 'not_agreed', 'thinking', 'unknown'] as const).map((position) => (
                <Radio key={position} value={position} label={t('letters.picker.position', { position })} />
              ))}
            </Stack>
          </Radio.Group>
        </Stack>
      )}

      {v.kind === 'request_language_access' && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t('letters.picker.language')}
              {...bind('language')}
              data={[
                ...LANGUAGES.map((l) => ({
                  value: l.value,
                  label: t('letters.picker.languageName', { language: l.code }),
                })),
                {
                  value: OTHER_LANGUAGE,
                  label: t('letters.picker.languageName', { language: OTHER_LANGUAGE }),
                },
              ]}
            />
            {v.language === OTHER_LANGUAGE && (
              <TextInput
                label={t('letters.picker.otherLanguage')}
                required
                maxLength={60}
                {...bind('otherLanguage')}
                error={problems.otherLanguage}
              />
            )}
          </SimpleGrid>
          <TextInput
            type="date"
            label={t('letters.picker.meetingDate')}
            description={t('letters.picker.meetingDateHelp')}
            {...bind('meetingDate')}
            error={problems.meetingDate}
          />
          <Text size="sm">
            {canada
              ? t('letters.picker.law.canada')
              : plan?.kind !== 'iep'
                ? t('letters.picker.law.titleVI')
                : t('letters.picker.law.idea')}
          </Text>
        </Stack>
      )}

      {v.kind === 'escalation' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('letters.picker.writeTo')}
            {...bind('escalateTo')}
            data={(canada
              ? (['principal', 'superintendent', 'board'] as const)
              : (['principal', 'director'] as const)
            ).map((person) => ({ value: person, label: t('letters.picker.person', { person }) }))}
          />
          <NativeSelect
            label={t('letters.picker.aboutOptional')}
            {...bind('focus')}
            data={[
              { value: '', label: t('letters.picker.everythingOpen') },
              ...services.map((s) => ({ value: `s:${s.id}`, label: s.name })),
              ...accommodations.map((a) => ({ value: `a:${a.id}`, label: shorten(a.text, 60) })),
            ]}
          />
        </SimpleGrid>
      )}

      {v.kind === 'board_appeal' && (
        <Stack gap="sm">
          <Textarea
            label={t('letters.picker.appealDecision')}
            description={t('letters.picker.appealHelp')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...bind('decision')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('letters.picker.toldOn')} {...bind('decidedOn')} />
            <NativeSelect
              label={t('letters.picker.aboutOptional')}
              {...bind('focus')}
              data={[
                { value: '', label: t('letters.picker.noOneService') },
                ...services.map((s) => ({ value: `s:${s.id}`, label: s.name })),
              ]}
            />
          </SimpleGrid>
        </Stack>
      )}

      {(v.kind === 'state_complaint' || v.kind === 'ocr_complaint_outline') && (
        <Alert color="blue" title={t('letters.picker.complaint.title')} role="note">
          {t('letters.picker.complaint.text')}
        </Alert>
      )}

      {inSpanish ? (
        <DocumentLanguageChoice
          label={t('letters.picker.letterLanguage')}
          description={t('letters.picker.letterLanguageHelp')}
          value={letterLanguage}
          onChange={setLetterLanguage}
        />
      ) : (
        v.kind !== '' &&
        screenLanguage.startsWith('es') && (
          <Text size="sm" c="dimmed">
            {t('letters.picker.englishOnly')}
          </Text>
        )
      )}

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy != null}>
          {t('common.cancel')}
        </Button>
        <Button color="blue.8" onClick={() => void submit()} loading={busy != null} disabled={v.kind === ''}>
          {t('letters.picker.write')}
        </Button>
      </Group>
    </Stack>
  );
}
