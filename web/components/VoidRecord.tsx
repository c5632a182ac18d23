import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../api/client.ts';
import type { VoidFlag } from '../api/types.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { useDialogAction } from './ConfirmModal.tsx';
import { refreshAfterCorrection } from './corrections.ts';
import { PlainModal } from './Dialogs.tsx';
import { formatInstantDay, localeFor } from './dates.ts';
import { NoteTextarea } from './fields.tsx';
import { FormError } from './form-errors.tsx';
import { recordedByWords } from './plain-words.ts';
import { useMembers } from './queries.ts';
import classes from './ui.module.css';

// "Void" for an observation, an incident, a work sample or a message logged by mistake: the record
// stays, greyed and struck through with who voided it and when, and counts nowhere (patterns, rates,
// letters, the living IEP, the report, the advisor) until the void is undone. Deleting stays the
// owner's; a void is a change like any other, with its journal entry.

export type VoidablePath =
  | 'accommodation-observations'
  | 'behavior-incidents'
  | 'work-samples'
  | 'communications';

export const isVoided = (r: Partial<VoidFlag>) => r.voidedAt != null;

/** The classes that grey and strike a voided record's main line (the words say it too). */
export const voidedClass = `${classes.strike} ${classes.muted}`;

/** "Voided on Dec 2, 2026 by Maria: wrong class." under a voided record. */
export function VoidedNote({ householdId, record }: { householdId: string; record: Partial<VoidFlag> }) {
  const t = useT();
  const { language } = useLanguage();
  const members = useMembers(householdId);
  if (!record.voidedAt) return null;
  const on = formatInstantDay(record.voidedAt, localeFor(language));
  return (
    <Text size="sm" fw={600}>
      {t('common.void.note', {
        on,
        who: recordedByWords(record.voidedBy ?? '', members.data, t),
        hasNote: record.voidNote ? 'yes' : 'no',
        note: record.voidNote ?? '',
      })}
    </Text>
  );
}

/** "Void" (or "Undo the void") with its confirmation. `what` names the record: "the observation of Tuesday, November 17". */
export type VoidingProps = {
  householdId: string;
  path: VoidablePath;
  record: { id: string } & Partial<VoidFlag>;
  what: string;
};

export function VoidRecordButton({ householdId, path, record, what }: VoidingProps) {
  const t = useT();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useDialogAction();
  const voided = isVoided(record);
  // What the dialog does is fixed when it opens: the record changes under it once saved, while it closes.
  const [undoing, setUndoing] = useState(voided);
  const close = () => {
    if (busy) return;
    setError(null);
    setOpened(false);
  };
  const confirm = () =>
    run(
      async () => {
        await post(`/households/${householdId}/${path}/${record.id}/void`, {
          voided: !undoing,
          note: note.trim() || null,
        });
        notifications.show({
          closeButtonProps: { 'aria-label': t('common.close') },
          color: 'green',
          message: undoing ? t('common.void.counted', { what }) : t('common.void.voided', { what }),
        });
        await refreshAfterCorrection(client);
      },
      () => {
        setNote('');
        setOpened(false);
      },
    );
  const label = voided ? t('common.void.undo') : t('common.void.void');
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={t('common.void.buttonLabel', { action: label, what })}
        onClick={() => {
          setUndoing(voided);
          setOpened(true);
        }}
      >
        {label}
      </Button>
      <PlainModal
        opened={opened}
        onClose={close}
        title={undoing ? t('common.void.titleUndo') : t('common.void.title')}
      >
        <Stack>
          <FormError message={error} title={t('common.notDone')} />
          <Text size="sm">
            {undoing
              ? t('common.void.explainUndo', { what: capitalise(what) })
              : t('common.void.explain', { what: capitalise(what) })}
          </Text>
          <NoteTextarea
            label={t('common.void.why')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button color={undoing ? 'blue.8' : 'red.9'} onClick={() => void confirm()} loading={busy}>
              {undoing ? t('common.void.confirmUndo') : t('common.void.confirm')}
            </Button>
          </Group>
        </Stack>
      </PlainModal>
    </>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
