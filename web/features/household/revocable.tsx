import {
  Alert,
  Button,
  Group,
  NumberInput,
  type NumberInputProps,
  Paper,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useCurrent } from '../../api/session.tsx';
import type { CreatorRecord } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { CopyLink } from '../../components/CopyLink.tsx';
import { formatInstantDay, localeFor } from '../../components/dates.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { QueryFailed } from './QueryFailed.tsx';

// The parts an invitation and a staff link share: how many days it works, the link shown once when it is
// made, the list of them while it loads, fails or is empty, who made it and when, and the button that
// revokes it.

/**
 * The invitations or the links (`items`, read by `query`), one card each from `card`, in a list named by
 * its heading (`labelledBy`); a placeholder while they load, `failedTitle` with a retry if they did not,
 * `emptyText` when there are none. A card's `askRevoke` asks "Revoke this …?" (`confirm`) before
 * `confirm.revoke` runs for it.
 */
export function RevocableItems<T>({
  query,
  items,
  failedTitle,
  emptyText,
  labelledBy,
  card,
  confirm,
}: {
  query: UseQueryResult<unknown>;
  items: T[];
  failedTitle: string;
  emptyText: string;
  labelledBy: string;
  card(item: T, askRevoke: () => void): ReactNode;
  confirm: {
    title: string;
    confirmLabel: string;
    /** What revoking does, said of the item (none while the dialog closes). */
    body(item: T | null): ReactNode;
    revoke(item: T): Promise<unknown>;
  };
}) {
  const [revoking, setRevoking] = useState<T | null>(null);
  return (
    <>
      {query.isPending ? (
        <Skeleton h={40} />
      ) : query.isError ? (
        <QueryFailed title={failedTitle} error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={labelledBy}>
          {items.map((item) => card(item, () => setRevoking(item)))}
        </Stack>
      )}
      <ConfirmModal
        opened={revoking != null}
        onClose={() => setRevoking(null)}
        title={confirm.title}
        confirmLabel={confirm.confirmLabel}
        onConfirm={() => (revoking ? confirm.revoke(revoking) : Promise.resolve())}
      >
        {confirm.body(revoking)}
      </ConfirmModal>
    </>
  );
}

/**
 * The link just made, shown once (it cannot be read again): `title` names it, `message` says how it
 * reaches its reader, `note` what it covers and until when.
 */
export function CreatedAlert({
  title,
  message,
  linkLabel,
  link,
  copyLabel,
  note,
}: {
  title: string;
  message: string;
  linkLabel: string;
  link: string;
  copyLabel: string;
  note: string;
}) {
  return (
    <Alert color="green" title={title} role="status">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <CopyLink label={linkLabel} value={link} copyLabel={copyLabel} />
        <Text size="xs">{note}</Text>
      </Stack>
    </Alert>
  );
}

/** The day of an instant in the reader's language: "Sep 8, 2026", "8 nov 2026". */
export function useInstantDay(): (instant: string) => string {
  const { language } = useLanguage();
  const locale = localeFor(language);
  return (instant) => formatInstantDay(instant, locale);
}

/** "Created by you on Sep 8, 2026". */
function CreatedLine({ by, at, me }: { by: CreatorRecord; at: string; me: string | undefined }) {
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

/**
 * One invitation or link in the list: `name` (with `badge` beside it), the lines that say what it is
 * (`children`), who made it and when, `footer` under that, and its Revoke button (`revokeLabel` names it
 * for a screen reader; none without `onRevoke`, as for a link no longer working).
 */
export function RevocableCard({
  name,
  badge,
  createdBy,
  createdAt,
  children,
  footer,
  revokeLabel,
  onRevoke,
}: {
  name: string;
  badge?: ReactNode;
  createdBy: CreatorRecord;
  createdAt: string;
  children: ReactNode;
  footer?: ReactNode;
  revokeLabel: string;
  onRevoke: (() => void) | undefined;
}) {
  const me = useCurrent().session.user?.id;
  const title = (
    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
      {name}
    </Text>
  );
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          {badge ? (
            <Group gap="xs">
              {title}
              {badge}
            </Group>
          ) : (
            title
          )}
          {children}
          <CreatedLine by={createdBy} at={createdAt} me={me} />
          {footer}
        </Stack>
        {onRevoke && <RevokeButton label={revokeLabel} onClick={onRevoke} />}
      </Group>
    </Paper>
  );
}

/** "Revoke", named for a screen reader by what it revokes (`label`: "Revoke the link for …"). */
function RevokeButton({ label, onClick }: { label: string; onClick(): void }) {
  const t = useT('household');
  return (
    <Button variant="default" onClick={onClick} aria-label={label}>
      {t('household.revoke')}
    </Button>
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
