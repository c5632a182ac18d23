import { Button, NumberInput, type NumberInputProps, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CreatorRecord } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { formatInstantDay, localeFor } from '../../components/dates.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

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

/** The day of an instant in the reader's language: "Sep 8, 2026", "8 nov 2026". */
export function useInstantDay(): (instant: string) => string {
  const { language } = useLanguage();
  const locale = localeFor(language);
  return (instant) => formatInstantDay(instant, locale);
}

/** "Created by you on Sep 8, 2026". */
export function CreatedLine({ by, at, me }: { by: CreatorRecord; at: string; me: string | undefined }) {
  const t = useT('household');
  const day = useInstantDay();
  const who = by.formerMember || !by.displayName ? 'former' : by.userId === me ? 'me' : 'other';
  const name = by.email ? `${by.displayName} (${by.email})` : (by.displayName ?? '');
  return (
    <Text size="xs" c="dimmed">
      {t('household.created', { by: who, name, date: day(at) })}
    </Text>
  );
}

/** "Revoke", named for a screen reader by what it revokes (`label`: "Revoke the link for …"). */
export function RevokeButton({ label, onClick }: { label: string; onClick(): void }) {
  const t = useT('household');
  return (
    <Button variant="default" onClick={onClick} aria-label={label}>
      {t('household.revoke')}
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
  const t = useT('household');
  return (
    <NumberInput
      label={t('household.days')}
      min={1}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      w={220}
      {...props}
    />
  );
}
