import { Button, NumberInput, type NumberInputProps, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CreatorRecord } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { formatInstantDay } from '../../components/dates.ts';
import { createdByWords } from '../../components/plain-words.ts';

// The parts an invitation and a staff link share: how many days it works, who made it and when, and the
// button that revokes it.

/** The invitations or the links, one card each, in a list named by its heading. */
export function RevocableList({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={labelledBy}>
      {children}
    </Stack>
  );
}

/** "Created by you on Sep 8, 2026". */
export function CreatedLine({ by, at, me }: { by: CreatorRecord; at: string; me: string | undefined }) {
  return (
    <Text size="xs" c="dimmed">
      Created by {createdByWords(by, me)} on {formatInstantDay(at)}
    </Text>
  );
}

/** "Revoke", named for a screen reader by what it revokes. */
export function RevokeButton({ what, onClick }: { what: string; onClick(): void }) {
  return (
    <Button variant="default" onClick={onClick} aria-label={`Revoke ${what}`}>
      Revoke
    </Button>
  );
}

/** "Revoke this …?", asked before `revoke` runs for `item`, the one being revoked (none: closed). */
export function ConfirmRevoke<T>({
  title,
  confirmLabel,
  item,
  onClose,
  revoke,
  children,
}: {
  title: string;
  confirmLabel: string;
  item: T | null;
  onClose(): void;
  revoke(item: T): Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <ConfirmModal
      opened={item != null}
      onClose={onClose}
      title={title}
      confirmLabel={confirmLabel}
      onConfirm={() => (item ? revoke(item) : Promise.resolve())}
    >
      {children}
    </ConfirmModal>
  );
}

/** "The link works for (days)", a whole number from 1 to `max`. */
export function DaysInput({ max, ...props }: { max: number } & NumberInputProps) {
  return (
    <NumberInput
      label="The link works for (days)"
      min={1}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      w={220}
      {...props}
    />
  );
}
