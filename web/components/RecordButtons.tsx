import { Button, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { VoidFlag } from '../api/types.ts';
import { isVoided, type VoidablePath, VoidRecordButton } from './VoidRecord.tsx';

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
  voiding?: {
    householdId: string;
    path: VoidablePath;
    record: { id: string } & Partial<VoidFlag>;
    what: string;
  };
}) {
  return (
    <>
      {canEdit && !(voiding && isVoided(voiding.record)) && (
        <RowButton label={`${editWord} ${name}`} onClick={onEdit}>
          {editWord}
        </RowButton>
      )}
      {canEdit && voiding && <VoidRecordButton {...voiding} />}
      {canDelete && onDelete && (
        <RowButton label={`Delete ${name}`} onClick={onDelete}>
          Delete
        </RowButton>
      )}
    </>
  );
}

/** Under a page's title, for someone who may read the page but not change it: what they cannot do. */
export function ReadOnlyNote({ cannot }: { cannot: string }) {
  return (
    <Text size="sm" mt={4}>
      {`You can read this; only the owner and co-parents can ${cannot}.`}
    </Text>
  );
}
