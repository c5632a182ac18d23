import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { isVoided, type VoidingProps, VoidRecordButton } from './VoidRecord.tsx';

/** A small button on one record of a list; `label` names the record too, for a screen reader. */
export function RowButton({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <Button size="xs" variant="default" aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}

/** What the reader may do with one record of a list, and what each button does. */
export type RecordActions = { canEdit: boolean; canDelete: boolean; onEdit(): void; onDelete(): void };

type RecordButtonsProps = Parameters<typeof RecordButtons>[0];

/**
 * The buttons on a line of their own under a record card (`mt` above it), left out when the reader may
 * neither change nor delete it.
 */
export function RecordButtonsLine({ mt, ...props }: RecordButtonsProps & { mt?: number }) {
  if (!props.canEdit && !props.canDelete) return null;
  return (
    <Group gap="xs" mt={mt}>
      <RecordButtons {...props} />
    </Group>
  );
}

/**
 * "Edit" (or "Correct") and "Delete" on one record of a list, each as allowed. `name` ends their
 * labels: "Delete the data point of Tuesday, November 17: 12 of 20". A record that can be voided
 * (`voiding`) is offered "Void" beside them, and no correction while it is voided.
 */
export function RecordButtons({
  name,
  editWord = 'Edit',
  canEdit,
  canDelete,
  onEdit,
  onDelete,
  voiding,
}: {
  name: string;
  editWord?: 'Edit' | 'Correct';
  canEdit: boolean;
  canDelete: boolean;
  onEdit(): void;
  onDelete?(): void;
  voiding?: VoidingProps;
}) {
  const t = useT();
  const correcting = editWord === 'Correct';
  return (
    <>
      {canEdit && !(voiding && isVoided(voiding.record)) && (
        <RowButton
          label={correcting ? t('common.correctLabel', { name }) : t('common.editLabel', { name })}
          onClick={onEdit}
        >
          {correcting ? t('common.correct') : t('common.edit')}
        </RowButton>
      )}
      {canEdit && voiding && <VoidRecordButton {...voiding} />}
      {canDelete && onDelete && (
        <RowButton label={t('common.deleteLabel', { name })} onClick={onDelete}>
          {t('common.delete')}
        </RowButton>
      )}
    </>
  );
}

/** Under a page's title, for someone who may read the page but not change it: what they cannot do. */
export function ReadOnlyNote({ cannot }: { cannot: string }) {
  const t = useT();
  return (
    <Text size="sm" mt={4}>
      {t('common.readOnly', { cannot })}
    </Text>
  );
}
