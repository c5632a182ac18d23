import {
  Alert,
  Button,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { MISS_REASON_LABELS, MISS_REASONS, type MissReason } from '../../src/domain/record-kinds.ts';
import type { SessionStatus } from '../../src/domain/session-entry.ts';
import { get, post } from '../api/client.ts';
import type { Service, SessionCorrectionResult, SessionEntry } from '../api/types.ts';
import { useDialogAction } from './ConfirmModal.tsx';
import { correctedWords, entryWords, outcomeWords, refreshAfterCorrection } from './corrections.ts';
import { ResponsiveDrawer } from './Dialogs.tsx';
import { formatDay } from './dates.ts';
import { MinutesInput, NoteTextarea } from './fields.tsx';
import { applyApiError, FormError } from './form-errors.tsx';
import { recordedByWords } from './plain-words.ts';
import { useChildServices, useMembers } from './queries.ts';
import { SchoolDayNotice, useCorrectedDate } from './SchoolDayNotice.tsx';

// The one place a parent puts a session entry right, from wherever it is shown (the home card, the
// ledger's drawer, the timeline): change what happened, the minutes, the reason, the day or the start
// time; void it as logged by mistake; or move it to the service it belongs to. Nothing is rewritten:
// the server adds a correcting entry (docs/ledger-rules.md, "Corrections and voids"), and the
// confirmation says what will change before anything is saved.

export type CorrectionMode = 'correct' | 'void' | 'move';

type Values = {
  mode: CorrectionMode;
  date: string;
  startTime: string;
  status: SessionStatus;
  minutesDelivered: number | string;
  minutesPlanned: number | string;
  reason: string;
  reasonText: string;
  serviceId: string;
  note: string;
};

const STATUS_WORDS: Record<SessionStatus, string> = {
  delivered: 'It happened, in full',
  short: 'It happened, but was shorter',
  missed: 'It did not happen',
};

/** The entry and, when a later entry corrected it, the latest of its chain (what a correction changes). */
function useLatestEntry(householdId: string, entryId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['session-entry', householdId, 'latest', entryId],
    enabled: enabled && entryId != null,
    queryFn: async () => {
      const first = await get<SessionEntry>(`/households/${householdId}/sessions/${entryId}`);
      let latest = first;
      for (let guard = 0; latest.correctedByEntryId && guard < 50; guard++) {
        latest = await get<SessionEntry>(`/households/${householdId}/sessions/${latest.correctedByEntryId}`);
      }
      // A void holds no session: an undo brings back the entry it voided.
      const voided =
        latest.status === 'void' && latest.correctsEntryId
          ? await get<SessionEntry>(`/households/${householdId}/sessions/${latest.correctsEntryId}`)
          : null;
      return { first, latest, voided };
    },
  });
}

const minutesOf = (v: number | string): number | null => {
  if (v === '' || v == null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? Math.round(n) : null;
};

const fixedLength = (service: Service | undefined, date: string): number | null =>
  service?.segments.find((s) => date >= s.startDate && date <= s.endDate)?.minutesPerSession ?? null;

export function CorrectionDrawer({
  householdId,
  childId,
  entryId,
  opened,
  onClose,
  start = 'correct',
}: {
  householdId: string;
  childId: string;
  /** The entry the parent chose; the drawer corrects the latest entry of its chain. */
  entryId: string | null;
  opened: boolean;
  onClose(): void;
  /** Open on "Logged by mistake" (a Void button) or on the changes (a Correct button). */
  start?: CorrectionMode;
}) {
  const chain = useLatestEntry(householdId, entryId, opened);
  const { services } = useChildServices(householdId, childId);
  const service = services.find((s) => s.id === chain.data?.latest.serviceId);
  const title = chain.data
    ? `Correct: ${service?.name ?? 'a session'}, ${formatDay(chain.data.latest.date, 'weekdayLong')}`
    : 'Correct an entry';
  return (
    <ResponsiveDrawer opened={opened} onClose={onClose} title={title}>
      {chain.isPending && opened && <Loader size="sm" aria-label="Loading the entry" />}
      {chain.error && (
        <Alert color="red" role="alert" title="The entry could not be loaded">
          {chain.error.message}
        </Alert>
      )}
      {chain.data &&
        (chain.data.latest.status === 'void' ? (
          <UndoVoid
            key={chain.data.latest.id}
            householdId={householdId}
            voidEntry={chain.data.latest}
            voided={chain.data.voided}
            onDone={onClose}
          />
        ) : (
          <CorrectionForm
            key={`${chain.data.latest.id}-${start}`}
            householdId={householdId}
            childId={childId}
            entry={chain.data.latest}
            superseded={chain.data.first.id !== chain.data.latest.id}
            services={services}
            start={start}
            onDone={onClose}
          />
        ))}
    </ResponsiveDrawer>
  );
}

function AsItIs({ entry, serviceName }: { entry: SessionEntry; serviceName: string }) {
  const members = useMembers(entry.householdId);
  return (
    <Paper withBorder p="sm" component="section" aria-label="The entry as it is now">
      <Text size="sm" fw={700}>
        As it is now
      </Text>
      <Text>
        {serviceName}: {entryWords(entry)}
        {entry.startTime ? `, started at ${entry.startTime}` : ''}
      </Text>
      {entry.reasonText && <Text size="sm">Reason given: {entry.reasonText}</Text>}
      {entry.note && <Text size="sm">Note: {entry.note}</Text>}
      <Text size="sm">Recorded by {recordedByWords(entry.recordedBy, members.data)}.</Text>
    </Paper>
  );
}

function CorrectionForm({
  householdId,
  childId,
  entry,
  superseded,
  services,
  start,
  onDone,
}: {
  householdId: string;
  childId: string;
  entry: SessionEntry;
  superseded: boolean;
  services: Service[];
  start: CorrectionMode;
  onDone(): void;
}) {
  const client = useQueryClient();
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const confirmHeading = useRef<HTMLParagraphElement>(null);
  const makeup = entry.kind === 'makeup';
  const form = useForm<Values>({
    initialValues: {
      mode: start,
      date: entry.date,
      startTime: entry.startTime ?? '',
      status: entry.status as SessionStatus,
      minutesDelivered: entry.minutesDelivered,
      minutesPlanned: entry.minutesPlanned ?? '',
      reason: entry.reason ?? '',
      reasonText: entry.reasonText ?? '',
      serviceId: '',
      note: '',
    },
  });
  const v = form.values;
  const service = services.find((s) => s.id === entry.serviceId);
  const target = services.find((s) => s.id === (v.mode === 'move' ? v.serviceId : entry.serviceId));
  const fixed = fixedLength(target, v.date);
  const others = services.filter((s) => s.id !== entry.serviceId && s.planId === service?.planId);
  const serviceName = service?.name ?? 'This service';

  const { schoolDay, dateChanged } = useCorrectedDate({
    householdId,
    childId,
    logged: entry.date,
    date: v.date,
    setDate: (date) => form.setFieldValue('date', date),
    record: makeup
      ? { kind: 'makeup' }
      : {
          kind: 'session',
          status: v.status,
          reason: v.status === 'delivered' ? null : (v.reason as MissReason) || null,
          esyBlocks: target?.esyBlocks ?? [],
        },
  });

  /** What the correction changes, field by field (left out: stays as it is). */
  const changes = () => {
    const out: Record<string, unknown> = {};
    if (dateChanged) out.date = v.date;
    if ((v.startTime || null) !== (entry.startTime ?? null)) out.startTime = v.startTime || null;
    if (makeup) {
      const minutes = minutesOf(v.minutesDelivered);
      if (minutes !== entry.minutesDelivered) out.minutesDelivered = minutes;
    } else {
      if (v.status !== entry.status) out.status = v.status;
      const reason = v.status === 'delivered' ? null : (v.reason as MissReason) || null;
      if (reason !== entry.reason) out.reason = reason;
      const reasonText = v.status === 'delivered' ? null : v.reasonText.trim() || null;
      if (reasonText !== (entry.reasonText ?? null)) out.reasonText = reasonText;
      const delivered = minutesOf(v.minutesDelivered);
      const showDelivered = v.status === 'short' || (fixed == null && v.status === 'delivered');
      if (showDelivered && delivered !== entry.minutesDelivered) out.minutesDelivered = delivered;
      // A fixed-length service plans its own minutes; otherwise the parent says how long it was meant to be.
      const planned = minutesOf(v.minutesPlanned);
      if (fixed == null && v.status !== 'delivered' && planned !== entry.minutesPlanned)
        out.minutesPlanned = planned;
    }
    if (dateChanged && schoolDay.confirmation) out.nonSchoolDayConfirmed = true;
    return out;
  };

  const review = () => {
    setError(null);
    form.clearErrors();
    if (v.mode === 'move' && !v.serviceId) {
      form.setFieldError('serviceId', 'Choose the service it belongs to');
      return;
    }
    if (v.mode !== 'void') {
      if (!v.date) return form.setFieldError('date', 'Choose the date of the session');
      if (!makeup && v.status !== 'delivered' && !v.reason)
        return form.setFieldError('reason', 'Choose the reason');
      if (!makeup && v.status === 'short' && (minutesOf(v.minutesDelivered) ?? 0) < 1)
        return form.setFieldError('minutesDelivered', 'Enter how many minutes it lasted');
      if (makeup && (minutesOf(v.minutesDelivered) ?? 0) < 1)
        return form.setFieldError('minutesDelivered', 'Enter the minutes that were made up');
      if (dateChanged && !schoolDay.ready)
        return setError('Tick “I’m sure” if it happened on that day, or choose another date.');
      if (v.mode === 'correct' && Object.keys(changes()).length === 0 && !v.note.trim())
        return setError(
          'Nothing is different from the entry as it is. Change what was wrong, or choose “Logged by mistake”.',
        );
    }
    setStep('confirm');
    requestAnimationFrame(() => confirmHeading.current?.focus());
  };

  const after: SessionEntry = {
    ...entry,
    date: v.date,
    status: makeup ? 'delivered' : v.status,
    minutesDelivered:
      v.status === 'missed' && !makeup
        ? 0
        : v.status === 'delivered' && fixed != null && !makeup
          ? fixed
          : (minutesOf(v.minutesDelivered) ?? entry.minutesDelivered),
    minutesPlanned: fixed ?? minutesOf(v.minutesPlanned),
    reason: v.status === 'delivered' || makeup ? null : (v.reason as MissReason) || null,
  };
  const targetName = services.find((s) => s.id === v.serviceId)?.name ?? 'the right service';

  const save = async () => {
    setSaving(true);
    setError(null);
    const note = v.note.trim() || null;
    const body =
      v.mode === 'void'
        ? { action: 'void', note }
        : v.mode === 'move'
          ? { action: 'move', serviceId: v.serviceId, changes: changes(), note }
          : { action: 'correct', changes: changes(), note };
    try {
      const result = await post<SessionCorrectionResult>(
        `/households/${householdId}/sessions/${entry.id}/corrections`,
        body,
      );
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message:
          v.mode === 'void'
            ? `Voided: ${serviceName}, ${formatDay(entry.date, 'weekdayLong')}. It no longer counts anywhere.`
            : v.mode === 'move'
              ? `Moved: ${formatDay(entry.date, 'weekdayLong')} now counts for ${targetName}, not ${serviceName}.`
              : `Corrected: ${serviceName}, ${entryWords(result.correction)}.`,
      });
      await refreshAfterCorrection(client);
      onDone();
    } catch (e) {
      setStep('edit');
      setError(
        applyApiError(form, e, {
          'changes.date': 'date',
          'changes.startTime': 'startTime',
          'changes.status': 'status',
          'changes.minutesDelivered': 'minutesDelivered',
          'changes.minutesPlanned': 'minutesPlanned',
          'changes.reason': 'reason',
          'changes.reasonText': 'reasonText',
          status: 'status',
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  if (step === 'confirm') {
    const lines: string[] = [];
    if (v.mode === 'correct' || v.mode === 'move') {
      if (dateChanged)
        lines.push(
          `Date: ${formatDay(entry.date, 'weekdayLong')} becomes ${formatDay(v.date, 'weekdayLong')}`,
        );
      if (outcomeWords(after) !== outcomeWords(entry))
        lines.push(`What happened: ${outcomeWords(entry)} becomes ${outcomeWords(after)}`);
      if ((v.startTime || null) !== (entry.startTime ?? null))
        lines.push(`Start time: ${entry.startTime ?? 'none'} becomes ${v.startTime || 'none'}`);
      if (!makeup && v.status !== 'delivered' && (v.reasonText.trim() || null) !== (entry.reasonText ?? null))
        lines.push(`Reason given: ${v.reasonText.trim() || 'none'}`);
    }
    if (v.note.trim()) lines.push(`Your note: ${v.note.trim()}`);
    return (
      <Stack gap="md">
        <FormError message={error} />
        <Text fw={700} ref={confirmHeading} tabIndex={-1}>
          {v.mode === 'void'
            ? 'Void this entry?'
            : v.mode === 'move'
              ? `Move this session to ${targetName}?`
              : 'Save this correction?'}
        </Text>
        {v.mode === 'void' && (
          <Text>
            {serviceName}, {formatDay(entry.date, 'weekdayLong')} ({outcomeWords(entry)}) will be voided as
            logged by mistake. It will no longer count anywhere: this week, the ledger, the make-up minutes
            owed, letters and the report.
          </Text>
        )}
        {v.mode === 'move' && (
          <Text>
            The session of {formatDay(entry.date, 'weekdayLong')} will be voided under {serviceName} and
            logged again under {targetName}, in one step.
          </Text>
        )}
        {v.mode === 'correct' && (
          <Text>
            {serviceName}, {formatDay(entry.date, 'weekdayLong')}: the entry will be corrected. Every figure
            counts the correction from now on.
          </Text>
        )}
        {lines.length > 0 && (
          <List size="sm" spacing={4}>
            {lines.map((l) => (
              <List.Item key={l}>{l}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">
          Nothing is erased: the entry as it was stays in the timeline, struck through, with who changed it
          and when.
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={() => setStep('edit')} disabled={saving}>
            Back
          </Button>
          <Button color={v.mode === 'void' ? 'red.9' : 'blue.8'} loading={saving} onClick={() => void save()}>
            {v.mode === 'void' ? 'Void the entry' : v.mode === 'move' ? 'Move it' : 'Save the correction'}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <AsItIs entry={entry} serviceName={serviceName} />
      {superseded && (
        <Text size="sm">
          The entry you chose was corrected since; this is its latest version, and it is what you will
          correct.
        </Text>
      )}
      <FormError message={error} />
      <Radio.Group label="What was wrong?" {...form.getInputProps('mode')}>
        <Stack gap="xs" mt={6}>
          <Radio value="correct" label="Something in it: the day, what happened, the minutes or the reason" />
          <Radio value="void" label="Logged by mistake (void it)" />
          {others.length > 0 && <Radio value="move" label="Logged under the wrong service" />}
        </Stack>
      </Radio.Group>

      {v.mode === 'move' && (
        <NativeSelect
          label="The service it belongs to"
          data={[{ value: '', label: 'Choose…' }, ...others.map((s) => ({ value: s.id, label: s.name }))]}
          {...form.getInputProps('serviceId')}
        />
      )}

      {v.mode !== 'void' && (
        <>
          <TextInput type="date" label="Date" {...form.getInputProps('date')} />
          {dateChanged && <SchoolDayNotice state={schoolDay} />}
          {!makeup && (
            <Radio.Group label="What happened?" {...form.getInputProps('status')}>
              <Stack gap="xs" mt={6}>
                {(Object.keys(STATUS_WORDS) as SessionStatus[]).map((s) => (
                  <Radio key={s} value={s} label={STATUS_WORDS[s]} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {(makeup || v.status === 'short' || (fixed == null && v.status === 'delivered')) && (
            <MinutesInput
              label={makeup ? 'Minutes made up' : 'Minutes it lasted'}
              w={200}
              {...form.getInputProps('minutesDelivered')}
            />
          )}
          {!makeup && fixed == null && v.status !== 'delivered' && (
            <MinutesInput
              label="Minutes it was meant to last"
              w={200}
              {...form.getInputProps('minutesPlanned')}
            />
          )}
          {!makeup && v.status !== 'delivered' && (
            <>
              <NativeSelect
                label="Reason"
                data={[
                  { value: '', label: 'Choose…' },
                  ...MISS_REASONS.map((r) => ({ value: r, label: MISS_REASON_LABELS[r] })),
                ]}
                {...form.getInputProps('reason')}
              />
              <TextInput label="Reason in your words (optional)" {...form.getInputProps('reasonText')} />
            </>
          )}
          {(target?.setting === 'pull_out' || entry.startTime) && (
            <TextInput type="time" label="Time it started (optional)" {...form.getInputProps('startTime')} />
          )}
        </>
      )}

      <NoteTextarea
        label="Why (optional)"
        description="Kept with the correction, for anyone who reads the record later."
        {...form.getInputProps('note')}
      />
      <Button size="md" color={v.mode === 'void' ? 'red.9' : 'blue.8'} onClick={review} w="fit-content">
        {v.mode === 'void' ? 'Review the void' : 'Review the change'}
      </Button>
    </Stack>
  );
}

/** A voided entry: say when and by whom, and offer to bring it back as it was (a correction too). */
function UndoVoid({
  householdId,
  voidEntry,
  voided,
  onDone,
}: {
  householdId: string;
  voidEntry: SessionEntry;
  voided: SessionEntry | null;
  onDone(): void;
}) {
  const client = useQueryClient();
  const members = useMembers(householdId);
  const [note, setNote] = useState('');
  const { busy: saving, error, run } = useDialogAction();
  const undo = () =>
    run(async () => {
      const result = await post<SessionCorrectionResult>(
        `/households/${householdId}/sessions/${voidEntry.id}/corrections`,
        { action: 'correct', changes: {}, note: note.trim() || null },
      );
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Back in the record: ${entryWords(result.correction)}.`,
      });
      await refreshAfterCorrection(client);
    }, onDone);
  return (
    <Stack gap="md">
      <FormError message={error} title="Not done" />
      <Text>
        {correctedWords(voidEntry, members.data)}
        {voidEntry.note ? ` (“${voidEntry.note}”)` : ''}. It counts nowhere.
      </Text>
      {voided && (
        <Text>
          Undoing the void brings back the entry as it was: {entryWords(voided)}. The void stays in the
          timeline.
        </Text>
      )}
      <NoteTextarea label="Why (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Button w="fit-content" loading={saving} onClick={() => void undo()}>
        Undo the void
      </Button>
    </Stack>
  );
}

/** "Correct" and "Void" (or "Undo the void") for one entry; `what` names it for screen readers. */
export function EntryActions({
  entry,
  what,
  onOpen,
}: {
  entry: Pick<SessionEntry, 'id' | 'status' | 'correctedByEntryId'>;
  /** "Speech, Thursday, November 26". */
  what: string;
  onOpen(entryId: string, start: CorrectionMode): void;
}) {
  // A corrected entry is put right through its latest correction, shown beside it.
  if (entry.correctedByEntryId) return null;
  if (entry.status === 'void')
    return (
      <Button
        size="xs"
        variant="default"
        aria-label={`Undo the void: ${what}`}
        onClick={() => onOpen(entry.id, 'correct')}
      >
        Undo the void
      </Button>
    );
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={`Correct ${what}`}
        onClick={() => onOpen(entry.id, 'correct')}
      >
        Correct
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={`Void ${what}`}
        onClick={() => onOpen(entry.id, 'void')}
      >
        Void
      </Button>
    </>
  );
}

/**
 * One correction drawer for a list of entries: `open(entryId, start)` shows it; `onClosed` runs when it
 * closes (a list shown in another drawer reopens it, as two drawers are never stacked).
 */
export function useCorrectionDrawer(householdId: string, childId: string, onClosed?: () => void) {
  const [state, setState] = useState<{ entryId: string; start: CorrectionMode; opened: boolean } | null>(
    null,
  );
  const drawer = (
    <CorrectionDrawer
      householdId={householdId}
      childId={childId}
      entryId={state?.entryId ?? null}
      start={state?.start ?? 'correct'}
      opened={state?.opened ?? false}
      // Keeps the entry while the drawer closes, so its content does not vanish mid-animation.
      onClose={() => {
        setState((s) => (s ? { ...s, opened: false } : s));
        onClosed?.();
      }}
    />
  );
  return {
    open: (entryId: string, start: CorrectionMode) => setState({ entryId, start, opened: true }),
    drawer,
  };
}
