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
import { MISS_REASONS, type MissReason } from '../../src/domain/record-kinds.ts';
import type { SessionStatus } from '../../src/domain/session-entry.ts';
import { get, post } from '../api/client.ts';
import type { Service, SessionCorrectionResult, SessionEntry } from '../api/types.ts';
import { type T, useLanguage, useT } from '../i18n/i18n.tsx';
import { useDialogAction } from './ConfirmModal.tsx';
import { correctedWords, entryWords, outcomeWords, refreshAfterCorrection } from './corrections.ts';
import { ResponsiveDrawer } from './Dialogs.tsx';
import { formatDay, localeFor } from './dates.ts';
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

const STATUSES: readonly SessionStatus[] = ['delivered', 'short', 'missed'];

/** The reader's translator and a date in their words ("Thursday, November 26"). */
function useWords(): { t: T; locale: string | undefined; day: (iso: string) => string } {
  const t = useT();
  const locale = localeFor(useLanguage().language);
  return { t, locale, day: (iso: string) => formatDay(iso, 'weekdayLong', locale) };
}

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
  const { t, day } = useWords();
  const chain = useLatestEntry(householdId, entryId, opened);
  const { services } = useChildServices(householdId, childId);
  const service = services.find((s) => s.id === chain.data?.latest.serviceId);
  const title = chain.data
    ? t('common.correction.title', {
        service: service?.name ?? t('common.correction.aSession'),
        day: day(chain.data.latest.date),
      })
    : t('common.correction.titleNone');
  return (
    <ResponsiveDrawer opened={opened} onClose={onClose} title={title}>
      {chain.isPending && opened && <Loader size="sm" aria-label={t('common.correction.loading')} />}
      {chain.error && (
        <Alert color="red" role="alert" title={t('common.correction.loadFailed')}>
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
  const { t, locale } = useWords();
  const members = useMembers(entry.householdId);
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('common.correction.asItIsLabel')}>
      <Text size="sm" fw={700}>
        {t('common.correction.asItIs')}
      </Text>
      <Text>
        {t('common.correction.asItIsLine', {
          service: serviceName,
          entry: entryWords(entry, t, locale),
          hasStart: entry.startTime ? 'yes' : 'no',
          start: entry.startTime ?? '',
        })}
      </Text>
      {entry.reasonText && (
        <Text size="sm">{t('common.correction.reasonGiven', { text: entry.reasonText })}</Text>
      )}
      {entry.note && <Text size="sm">{t('common.entry.note', { note: entry.note })}</Text>}
      <Text size="sm">
        {t('common.correction.recordedBy', { who: recordedByWords(entry.recordedBy, members.data, t) })}
      </Text>
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
  const { t, locale, day } = useWords();
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
  const serviceName = service?.name ?? t('common.correction.thisService');

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
      form.setFieldError('serviceId', t('common.correction.error.service'));
      return;
    }
    if (v.mode !== 'void') {
      if (!v.date) return form.setFieldError('date', t('common.correction.error.date'));
      if (!makeup && v.status !== 'delivered' && !v.reason)
        return form.setFieldError('reason', t('common.correction.error.reason'));
      if (!makeup && v.status === 'short' && (minutesOf(v.minutesDelivered) ?? 0) < 1)
        return form.setFieldError('minutesDelivered', t('common.correction.error.minutesLasted'));
      if (makeup && (minutesOf(v.minutesDelivered) ?? 0) < 1)
        return form.setFieldError('minutesDelivered', t('common.correction.error.minutesMadeUp'));
      if (dateChanged && !schoolDay.ready) return setError(t('common.correction.error.sure'));
      if (v.mode === 'correct' && Object.keys(changes()).length === 0 && !v.note.trim())
        return setError(t('common.correction.error.nothing'));
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
  const targetName = services.find((s) => s.id === v.serviceId)?.name ?? t('common.correction.rightService');

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
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message:
          v.mode === 'void'
            ? t('common.correction.done.void', { service: serviceName, day: day(entry.date) })
            : v.mode === 'move'
              ? t('common.correction.done.move', {
                  day: day(entry.date),
                  target: targetName,
                  service: serviceName,
                })
              : t('common.correction.done.correct', {
                  service: serviceName,
                  entry: entryWords(result.correction, t, locale),
                }),
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
      const none = t('common.correction.line.none');
      if (dateChanged)
        lines.push(t('common.correction.line.date', { before: day(entry.date), after: day(v.date) }));
      if (outcomeWords(after, t) !== outcomeWords(entry, t))
        lines.push(
          t('common.correction.line.outcome', {
            before: outcomeWords(entry, t),
            after: outcomeWords(after, t),
          }),
        );
      if ((v.startTime || null) !== (entry.startTime ?? null))
        lines.push(
          t('common.correction.line.start', { before: entry.startTime ?? none, after: v.startTime || none }),
        );
      if (!makeup && v.status !== 'delivered' && (v.reasonText.trim() || null) !== (entry.reasonText ?? null))
        lines.push(t('common.correction.reasonGiven', { text: v.reasonText.trim() || none }));
    }
    if (v.note.trim()) lines.push(t('common.correction.line.note', { note: v.note.trim() }));
    return (
      <Stack gap="md">
        <FormError message={error} />
        <Text fw={700} ref={confirmHeading} tabIndex={-1}>
          {v.mode === 'void'
            ? t('common.correction.confirm.void')
            : v.mode === 'move'
              ? t('common.correction.confirm.move', { target: targetName })
              : t('common.correction.confirm.correct')}
        </Text>
        {v.mode === 'void' && (
          <Text>
            {t('common.correction.explain.void', {
              service: serviceName,
              day: day(entry.date),
              outcome: outcomeWords(entry, t),
            })}
          </Text>
        )}
        {v.mode === 'move' && (
          <Text>
            {t('common.correction.explain.move', {
              day: day(entry.date),
              service: serviceName,
              target: targetName,
            })}
          </Text>
        )}
        {v.mode === 'correct' && (
          <Text>
            {t('common.correction.explain.correct', { service: serviceName, day: day(entry.date) })}
          </Text>
        )}
        {lines.length > 0 && (
          <List size="sm" spacing={4}>
            {lines.map((l) => (
              <List.Item key={l}>{l}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{t('common.correction.nothingErased')}</Text>
        <Group gap="sm">
          <Button variant="default" onClick={() => setStep('edit')} disabled={saving}>
            {t('common.correction.back')}
          </Button>
          <Button color={v.mode === 'void' ? 'red.9' : 'blue.8'} loading={saving} onClick={() => void save()}>
            {v.mode === 'void'
              ? t('common.correction.button.void')
              : v.mode === 'move'
                ? t('common.correction.button.move')
                : t('common.correction.button.correct')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <AsItIs entry={entry} serviceName={serviceName} />
      {superseded && <Text size="sm">{t('common.correction.superseded')}</Text>}
      <FormError message={error} />
      <Radio.Group label={t('common.correction.whatWrong')} {...form.getInputProps('mode')}>
        <Stack gap="xs" mt={6}>
          <Radio value="correct" label={t('common.correction.mode.correct')} />
          <Radio value="void" label={t('common.correction.mode.void')} />
          {others.length > 0 && <Radio value="move" label={t('common.correction.mode.move')} />}
        </Stack>
      </Radio.Group>

      {v.mode === 'move' && (
        <NativeSelect
          label={t('common.correction.serviceLabel')}
          data={[
            { value: '', label: t('common.correction.choose') },
            ...others.map((s) => ({ value: s.id, label: s.name })),
          ]}
          {...form.getInputProps('serviceId')}
        />
      )}

      {v.mode !== 'void' && (
        <>
          <TextInput type="date" label={t('common.correction.date')} {...form.getInputProps('date')} />
          {dateChanged && <SchoolDayNotice state={schoolDay} />}
          {!makeup && (
            <Radio.Group label={t('common.correction.whatHappened')} {...form.getInputProps('status')}>
              <Stack gap="xs" mt={6}>
                {STATUSES.map((s) => (
                  <Radio key={s} value={s} label={t(`common.correction.status.${s}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {(makeup || v.status === 'short' || (fixed == null && v.status === 'delivered')) && (
            <MinutesInput
              label={makeup ? t('common.correction.minutesMadeUp') : t('common.correction.minutesLasted')}
              w={200}
              {...form.getInputProps('minutesDelivered')}
            />
          )}
          {!makeup && fixed == null && v.status !== 'delivered' && (
            <MinutesInput
              label={t('common.correction.minutesPlanned')}
              w={200}
              {...form.getInputProps('minutesPlanned')}
            />
          )}
          {!makeup && v.status !== 'delivered' && (
            <>
              <NativeSelect
                label={t('common.correction.reason')}
                data={[
                  { value: '', label: t('common.correction.choose') },
                  ...MISS_REASONS.map((r) => ({ value: r, label: t(`common.reason.${r}`) })),
                ]}
                {...form.getInputProps('reason')}
              />
              <TextInput label={t('common.correction.reasonText')} {...form.getInputProps('reasonText')} />
            </>
          )}
          {(target?.setting === 'pull_out' || entry.startTime) && (
            <TextInput
              type="time"
              label={t('common.correction.startTime')}
              {...form.getInputProps('startTime')}
            />
          )}
        </>
      )}

      <NoteTextarea
        label={t('common.void.why')}
        description={t('common.correction.whyDescription')}
        {...form.getInputProps('note')}
      />
      <Button size="md" color={v.mode === 'void' ? 'red.9' : 'blue.8'} onClick={review} w="fit-content">
        {v.mode === 'void' ? t('common.correction.review.void') : t('common.correction.review.change')}
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
  const { t, locale } = useWords();
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
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('common.correction.undo.done', { entry: entryWords(result.correction, t, locale) }),
      });
      await refreshAfterCorrection(client);
    }, onDone);
  return (
    <Stack gap="md">
      <FormError message={error} title={t('common.notDone')} />
      <Text>
        {t('common.correction.undo.voidedLine', {
          words: correctedWords(voidEntry, members.data, t, locale),
          hasNote: voidEntry.note ? 'yes' : 'no',
          note: voidEntry.note ?? '',
        })}
      </Text>
      {voided && <Text>{t('common.correction.undo.explain', { entry: entryWords(voided, t, locale) })}</Text>}
      <NoteTextarea
        label={t('common.void.why')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button w="fit-content" loading={saving} onClick={() => void undo()}>
        {t('common.void.undo')}
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
  const t = useT();
  // A corrected entry is put right through its latest correction, shown beside it.
  if (entry.correctedByEntryId) return null;
  if (entry.status === 'void')
    return (
      <Button
        size="xs"
        variant="default"
        aria-label={t('common.void.buttonLabel', { action: t('common.void.undo'), what })}
        onClick={() => onOpen(entry.id, 'correct')}
      >
        {t('common.void.undo')}
      </Button>
    );
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={t('common.correctLabel', { name: what })}
        onClick={() => onOpen(entry.id, 'correct')}
      >
        {t('common.correct')}
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={t('common.correction.voidLabel', { what })}
        onClick={() => onOpen(entry.id, 'void')}
      >
        {t('common.void.void')}
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
