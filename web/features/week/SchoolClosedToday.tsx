import { Button } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';

// The confirmation is loaded after the first screen (fetched while the page is idle), like the logging
// sheets: it brings the form library, which the home screen does not otherwise need.
const loadDialog = () => import('./SchoolClosedDialog.tsx').then((m) => ({ default: m.SchoolClosedDialog }));
const SchoolClosedDialog = lazy(loadDialog);

/**
 * "School closed today": after a confirmation, adds today to the child's school calendar as a
 * closure (a snow day, a power cut).
 */
export function SchoolClosedToday({
  householdId,
  childId,
  today,
}: {
  householdId: string;
  childId: string;
  today: string;
}) {
  const [opened, setOpened] = useState(false);
  // Mounted from the first opening on, so closing animates and focus returns to the button.
  const [used, setUsed] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => void loadDialog());
  }, []);
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setUsed(true);
          setOpened(true);
        }}
      >
        School closed today
      </Button>
      {used && (
        <Suspense fallback={null}>
          <SchoolClosedDialog
            householdId={householdId}
            childId={childId}
            today={today}
            opened={opened}
            onClose={() => setOpened(false)}
          />
        </Suspense>
      )}
    </>
  );
}
