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
import { letterKindsForPlan } from '../../../src/domain/letters/kinds.ts';
import type { ParentPosition } from '../../../src/domain/record-kinds.ts';
import type {
  Accommodation,
  Communication,
  LetterKind,
  LetterRequest,
  Plan,
  Service,
} from '../../api/types.ts';
import { formatDay, todayIso } from '../../components/dates.ts';
import {
  currentPlan,
  useAccommodationsOfPlan,
  usePlans,
  useServicesOfPlan,
} from '../../components/queries.ts';
import {
  messageName,
  shorten,
  useLetterChoices,
  useParentNotes,
  useTeamContacts,
} from '../communications/communication-words.ts';
import { LETTER_KIND_WORDS, useDraftLetter } from './letter-api.ts';

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

/** The languages offered for the interpreter and the translated plan; any other can be typed in. */
const LANGUAGES = [
  'Spanish',
  'Arabic',
  'Chinese (Cantonese)',
  'Chinese (Mandarin)',
  'Haitian Creole',
  'Hmong',
  'Korean',
  'Portuguese',
  'Russian',
  'Somali',
  'Tagalog',
  'Ukrainian',
  'Vietnamese',
] as const;
const OTHER_LANGUAGE = 'other';

export type PickerStart = Partial<Values> & { intro?: string };

/** The values a text field, a date or a select holds. */
type TextKey = { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values];

/** Why a kind cannot be chosen now (nothing in the record it could be about), or null. */
function unavailable(
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
        ? 'The plan has no accommodations or services recorded yet.'
        : null;
    case 'follow_up_unanswered':
      return sent.length === 0 ? 'Every message you sent has a reply (or expects none).' : null;
    case 'follow_up_verbal':
      return talks.length === 0 ? 'No call or meeting is logged yet.' : null;
    case 'request_service_logs':
      return services.length === 0 ? 'The plan has no services recorded yet.' : null;
    case 'request_prior_written_notice':
    case 'state_complaint':
    case 'ocr_complaint_outline':
      return plan ? null : 'Add the plan first.';
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
        missing.kind = 'Choose the kind of letter';
        break;
      case 'specific_concern': {
        if (v.concernAbout === 'accommodation') {
          const id = pick(v.accommodationId, accommodations);
          if (id) r = { kind: 'specific_concern', accommodationId: id };
          else missing.accommodationId = 'Choose the accommodation';
        } else {
          const id = pick(v.serviceId, services);
          if (id) r = { kind: 'specific_concern', serviceId: id };
          else missing.serviceId = 'Choose the service';
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
        else missing.communicationId = 'Choose the message';
        break;
      }
      case 'follow_up_verbal': {
        const id = pick(v.communicationId, talks);
        if (id) r = { kind: 'follow_up_verbal', communicationId: id };
        else missing.communicationId = 'Choose the call or meeting';
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
        if (!id) missing.serviceId = 'Choose the service';
        else if (v.from && v.to && v.to < v.from) missing.to = 'The end cannot be before the start';
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
        if (reasons.length > 10) missing.reasons = 'At most 10 lines: put related points together';
        else r = { kind: 'request_iep_meeting', ...(reasons.length > 0 ? { reasons } : {}) };
        break;
      }
      case 'request_records':
        r = { kind: 'request_records' };
        break;
      case 'request_prior_written_notice':
        if (!v.decision.trim()) missing.decision = 'Say what was decided, in a sentence';
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
        if (!language) missing.otherLanguage = 'Type the language, for example “Nepali”';
        else if (language.length > 60) missing.otherLanguage = 'At most 60 characters';
        else if (v.meetingDate && v.meetingDate < todayIso())
          missing.meetingDate = 'The date of the next meeting cannot be before today';
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
    const message = await draft(r);
    if (message) setError(message);
  };

  const reason = (k: LetterKind) => unavailable(k, plan, sent, talks, accommodations, services);
  // What the parent recorded on the call or meeting the decision came up in (the default answer).
  const recordedPosition: ParentPosition =
    choices?.recent.find((m) => m.id === v.communicationId)?.parentPosition ?? 'unknown';
  const planWord = plan?.kind === '504' ? '504 plan' : canada ? 'plan' : 'IEP';
  const serviceSelect = (
    <NativeSelect
      label="The service"
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
        <Alert color="red" role="alert" title="Not drafted">
          {error}
        </Alert>
      )}
      <Radio.Group
        label="What would you like to write?"
        value={v.kind}
        onChange={(k) => set('kind', k as LetterKind)}
        error={problems.kind}
      >
        <Stack gap="sm" mt={6}>
          {kinds.map((k) => {
            const why = reason(k);
            return (
              <Radio
                key={k}
                value={k}
                disabled={why != null}
                label={LETTER_KIND_WORDS[k].name.replace('IEP', planWord)}
                description={why ? `${LETTER_KIND_WORDS[k].when} ${why}` : LETTER_KIND_WORDS[k].when}
              />
            );
          })}
        </Stack>
      </Radio.Group>

      {v.kind === 'specific_concern' && (
        <Stack gap="sm">
          <Radio.Group
            label="What is it about?"
            value={v.concernAbout}
            onChange={(x) => set('concernAbout', x as Values['concernAbout'])}
          >
            <Group gap="md" mt={6}>
              <Radio value="accommodation" label="An accommodation" disabled={accommodations.length === 0} />
              <Radio value="service" label="A service" disabled={services.length === 0} />
            </Group>
          </Radio.Group>
          {v.concernAbout === 'accommodation' ? (
            <NativeSelect
              label="The accommodation"
              value={pick(v.accommodationId, accommodations)}
              onChange={(e) => set('accommodationId', e.currentTarget.value)}
              data={accommodations.map((a) => ({ value: a.id, label: shorten(a.text, 80) }))}
              error={problems.accommodationId}
            />
          ) : (
            serviceSelect
          )}
          <Text size="sm">The letter quotes the plan’s words and the dates you noted.</Text>
        </Stack>
      )}

      {v.kind === 'check_in' && (
        <Radio.Group
          label="Which check-in?"
          value={v.period}
          onChange={(x) => set('period', x as Values['period'])}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="weekly" label="A quick weekly check-in" />
            <Radio value="mid_term" label="A mid-term check-in, halfway between progress reports" />
          </Stack>
        </Radio.Group>
      )}

      {v.kind === 'follow_up_unanswered' && (
        <>
          <NativeSelect
            label="The message with no reply"
            value={pick(v.communicationId, sent)}
            onChange={(e) => set('communicationId', e.currentTarget.value)}
            data={sent.map((m) => ({
              value: m.id,
              label: `${overdue.has(m.id) ? 'No reply, past its date — ' : 'No reply yet — '}${messageName(m)}`,
            }))}
            error={problems.communicationId}
          />
          {!canada && (
            <NativeSelect
              label="Copy someone (optional)"
              description="For a second follow-up, copying the next person up keeps it friendly and gets help."
              {...bind('copy')}
              data={[
                { value: '', label: 'Nobody' },
                { value: 'principal', label: 'The principal' },
                { value: 'director', label: 'The special-education director' },
              ]}
            />
          )}
        </>
      )}

      {v.kind === 'follow_up_verbal' && (
        <NativeSelect
          label="The call or meeting"
          value={pick(v.communicationId, talks)}
          onChange={(e) => set('communicationId', e.currentTarget.value)}
          data={talks.map((m) => ({ value: m.id, label: messageName(m) }))}
          error={problems.communicationId}
          description={
            choices && choices.conversationsTotal > talks.length
              ? `The summary uses what you noted as decided and the next steps. The newest ${talks.length} of ${choices.conversationsTotal} calls and meetings are listed.`
              : 'The summary uses what you noted as decided and the next steps.'
          }
        />
      )}

      {v.kind === 'thank_you' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label="The win to share (optional)"
            {...bind('noteId')}
            data={[
              { value: '', label: wins.length > 0 ? 'The latest one' : 'None noted: a general thank-you' },
              ...wins.map((n) => ({ value: n.id, label: `${formatDay(n.date)}: ${shorten(n.text, 60)}` })),
            ]}
          />
          <NativeSelect
            label="Who to thank (optional)"
            {...bind('contactId')}
            data={[
              { value: '', label: 'The case manager' },
              ...contacts.map((c) => ({ value: c.id, label: `${c.name} (${c.role})` })),
            ]}
          />
        </SimpleGrid>
      )}

      {v.kind === 'request_service_logs' && (
        <Stack gap="sm">
          {serviceSelect}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label="From (optional)" {...bind('from')} />
            <TextInput type="date" label="To (optional)" {...bind('to')} error={problems.to} />
          </SimpleGrid>
          <Text size="sm">Left empty, the letter asks for the school year so far.</Text>
        </Stack>
      )}

      {v.kind === 'request_iep_meeting' && (
        <Textarea
          label="Anything else to talk about (optional)"
          description="One point per line. Services owed, accommodations missed, goal flags and new challenges you noted are already listed from your records."
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
            label="What was decided?"
            description="In your words, for example “Speech therapy will go from twice a week to once a week.”"
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...bind('decision')}
            error={problems.decision}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label="When (optional)" {...bind('decidedOn')} />
            <NativeSelect
              label="Where you heard it (optional)"
              {...bind('communicationId')}
              data={[
                { value: '', label: 'Not logged' },
                ...(choices?.recent ?? []).map((m) => ({ value: m.id, label: messageName(m) })),
              ]}
            />
          </SimpleGrid>
          <Radio.Group
            label="Did you agree to it?"
            description="If you have not agreed, the letter says so, calls it a proposal, and says the plan stays as it is until it is changed through its own process."
            value={v.parentPosition || recordedPosition}
            onChange={(x) => set('parentPosition', x as ParentPosition)}
          >
            <Stack gap={6} mt={6}>
              <Radio value="agreed" label="I agreed" />
              <Radio value="not_agreed" label="I did not agree" />
              <Radio value="thinking" label="I want to think about it" />
              <Radio value="unknown" label="I would rather not say" />
            </Stack>
          </Radio.Group>
        </Stack>
      )}

      {v.kind === 'request_language_access' && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label="The language you read and speak best"
              {...bind('language')}
              data={[
                ...LANGUAGES.map((l) => ({ value: l, label: l })),
                { value: OTHER_LANGUAGE, label: 'Another language' },
              ]}
            />
            {v.language === OTHER_LANGUAGE && (
              <TextInput
                label="Which language?"
                required
                maxLength={60}
                {...bind('otherLanguage')}
                error={problems.otherLanguage}
              />
            )}
          </SimpleGrid>
          <TextInput
            type="date"
            label="Date of the next meeting (optional)"
            description="If you know it, the letter names it, so the school can book the interpreter in time."
            {...bind('meetingDate')}
            error={problems.meetingDate}
          />
          <Text size="sm">
            {canada
              ? 'The letter asks politely: As Written found no provincial law it could cite that gives parents an interpreter or a translated plan.'
              : plan?.kind !== 'iep'
                ? 'The letter cites Title VI of the Civil Rights Act.'
                : 'The letter cites the IDEA rules on interpreters and notices, and Title VI for the translated plan.'}
          </Text>
        </Stack>
      )}

      {v.kind === 'escalation' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label="Who to write to"
            {...bind('escalateTo')}
            data={
              canada
                ? [
                    { value: 'principal', label: 'The principal' },
                    { value: 'superintendent', label: 'The superintendent' },
                    { value: 'board', label: 'The school board' },
                  ]
                : [
                    { value: 'principal', label: 'The principal' },
                    { value: 'director', label: 'The special-education director' },
                  ]
            }
          />
          <NativeSelect
            label="About (optional)"
            {...bind('focus')}
            data={[
              { value: '', label: 'Everything still open' },
              ...services.map((s) => ({ value: `s:${s.id}`, label: s.name })),
              ...accommodations.map((a) => ({ value: `a:${a.id}`, label: shorten(a.text, 60) })),
            ]}
          />
        </SimpleGrid>
      )}

      {v.kind === 'board_appeal' && (
        <Stack gap="sm">
          <Textarea
            label="The decision you are appealing (optional)"
            description="In your words, for example “The principal said the missed speech sessions will not be made up.” Left empty, the letter marks the gap for you to fill in."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...bind('decision')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label="When you were told (optional)" {...bind('decidedOn')} />
            <NativeSelect
              label="About (optional)"
              {...bind('focus')}
              data={[
                { value: '', label: 'No one service' },
                ...services.map((s) => ({ value: `s:${s.id}`, label: s.name })),
              ]}
            />
          </SimpleGrid>
        </Stack>
      )}

      {(v.kind === 'state_complaint' || v.kind === 'ocr_complaint_outline') && (
        <Alert color="blue" title="A draft to check carefully" role="note">
          It is built from your records and lists what the rules ask for; gaps are marked in brackets. A
          parent center or an advocate can look it over with you before you file it.
        </Alert>
      )}

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy != null}>
          Cancel
        </Button>
        <Button color="blue.8" onClick={() => void submit()} loading={busy != null} disabled={v.kind === ''}>
          Write the draft
        </Button>
      </Group>
    </Stack>
  );
}
