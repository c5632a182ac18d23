import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError, del } from '../api/client.ts';
import { translateNow, useT } from '../i18n/i18n.tsx';
import { PlainModal } from './Dialogs.tsx';
import { FormError } from './form-errors.tsx';

/**
 * What a dialog does when confirmed: `busy` while it runs; if it fails, `error` says why (shown in
 * the dialog) and nothing else changes. `run(action, then)` calls `then` once the action worked.
 */
export function useDialogAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, then: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setBusy(false);
      then();
    } catch (e) {
      setBusy(false);
      setError(e instanceof ApiError ? e.message : translateNow('common.failed'));
    }
  };
  return { busy, error, setError, run };
}

/**
 * Ask before something that cannot be undone. The action runs when confirmed; if it fails, the
 * message stays in the dialog and nothing else changes.
 */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
}: {
  opened: boolean;
  onClose(): void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<unknown>;
}) {
  const t = useT();
  const { busy, error, setError, run } = useDialogAction();
  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const confirm = () => run(onConfirm, onClose);
  return (
    <PlainModal opened={opened} onClose={close} title={title}>
      <Stack>
        <FormError message={error} title={t('common.notDone')} />
        <Text size="sm" component="div">
          {children}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          {/* red.9: white on Mantine's default red is below 4.5:1 */}
          <Button color="red.9" onClick={() => void confirm()} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </PlainModal>
  );
}

/**
 * "Delete this record?": when confirmed, deletes `path` in the household (`work-samples/<id>`) and
 * refreshes every query that showed it (`refresh`, their keys). The words say what stops counting.
 */
export function ConfirmDelete({
  householdId,
  path,
  refresh,
  title,
  onClose,
  children,
}: {
  householdId: string;
  path: string;
  refresh: readonly (readonly unknown[])[];
  title: string;
  onClose(): void;
  children: ReactNode;
}) {
  const t = useT();
  const client = useQueryClient();
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={title}
      confirmLabel={t('common.delete')}
      onConfirm={async () => {
        await del(`/households/${householdId}/${path}`);
        for (const queryKey of refresh) await client.invalidateQueries({ queryKey: [...queryKey] });
      }}
    >
      {children}
    </ConfirmModal>
  );
}
