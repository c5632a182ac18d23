import { Fragment, type ReactNode, useState } from 'react';
import { ResponsiveDrawer } from './Dialogs.tsx';
import type { RecordActions } from './RecordButtons.tsx';

// A list of records added and corrected in a sheet, and deleted after asking. The sheet stays mounted
// while it closes (`target` is what it shows); each opening starts its form afresh.

export function useRecordSheet<T>() {
  const [opened, setOpened] = useState(false);
  const [target, setTarget] = useState<T | 'new' | null>(null);
  const [opening, setOpening] = useState(0);
  const [deleting, setDeleting] = useState<T | null>(null);
  const open = (t: T | 'new') => {
    setTarget(t);
    setOpening((n) => n + 1);
    setOpened(true);
  };
  return {
    opened,
    target,
    opening,
    open,
    close: () => setOpened(false),
    deleting,
    askDelete: (record: T) => setDeleting(record),
    stopDeleting: () => setDeleting(null),
    /** A list item's buttons for `record`, as `allowed`: correcting opens this sheet, deleting asks first. */
    actionsFor: (record: T, allowed: { canEdit: boolean; canDelete: boolean }): RecordActions => ({
      ...allowed,
      onEdit: () => open(record),
      onDelete: () => setDeleting(record),
    }),
  };
}

export type RecordSheetState<T> = ReturnType<typeof useRecordSheet<T>>;

/**
 * The sheet (when `editable`), titled by `title` for the record it shows (null: a new one), holding
 * the form `children` gives for that record; and `confirmDelete` for the record being deleted.
 */
export function RecordSheet<T>({
  sheet,
  editable,
  title,
  confirmDelete,
  children,
}: {
  sheet: RecordSheetState<T>;
  editable: boolean;
  title(record: T | null): string;
  confirmDelete(record: T): ReactNode;
  children(record: T | null): ReactNode;
}) {
  const { target } = sheet;
  const record = target === 'new' ? null : target;
  return (
    <>
      {editable && (
        <ResponsiveDrawer opened={sheet.opened} onClose={sheet.close} title={title(record)}>
          {target && <Fragment key={sheet.opening}>{children(record)}</Fragment>}
        </ResponsiveDrawer>
      )}
      {sheet.deleting && confirmDelete(sheet.deleting)}
    </>
  );
}
