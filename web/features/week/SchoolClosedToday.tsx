import { Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { WeekSummary } from '../../api/types.ts';
import { notify } from '../../components/notify.ts';
import { refreshAfterCalendarChange, removeDayFromEvent } from '../../components/school-calendar.ts';
import { useWeekWords } from './week-words.ts';

// The confirmation is loaded after the first screen (fetched while the page is idle), like the logging
// sheets: it brings the form library, which the home screen does not otherwise need.
const loadDialog = () => import('./SchoolClosedDialog.tsx').then((m) => ({ default: m.SchoolClosedDialog }));
const SchoolClosedDialog = lazy(loadDialog);

/**
 * "School closed today": offered on a school day only; after a confirmation, adds today to the child's
 * school calendar as a closure (a snow day, a power cut). Once today is marked closed, it offers to undo
 * that for today (a closure marked by mistake, or school opened after all).
 */
export function SchoolClosedToday({
  householdId,
  childId,
  today,
  closedToday,
}: {
  householdId: string;
  childId: string;
  today: string;
  closedToday: WeekSummary['closedToday'];
}) {
  const client = useQueryClient();
  const { t, day } = useWeekWords();
  const [opened, setOpened] = useState(false);
  // Mounted from the first opening on, so closing animates and focus returns to the button.
  const [used, setUsed] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (closedToday) return;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => void loadDialog());
  }, [closedToday]);

  if (closedToday) {
    const undo = async () => {
      setUndoing(true);
      setError(null);
      try {
        await removeDayFromEvent(
          householdId,
          { ...closedToday, id: closedToday.eventId, kind: 'closure' },
          today,
        );
        await refreshAfterCalendarChange(client);
        notify({
          color: 'blue',
          closeButtonProps: { 'aria-label': t('week.close') },
          message: t('week.closed.undone', { day: day(today) }),
        });
      } catch (e) {
        setError(e instanceof Error ? e.message : t('week.closed.undoFailed'));
      } finally {
        setUndoing(false);
      }
    };
    return (
      <Group gap="xs" align="center" wrap="wrap">
        <Text size="sm">
          {t('week.closed.marked', {
            hasLabel: closedToday.label ? 'yes' : 'no',
            label: closedToday.label ?? '',
          })}
        </Text>
        <Button variant="default" size="compact-md" loading={undoing} onClick={() => void undo()}>
          {t('week.closed.undo')}
        </Button>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
      </Group>
    );
  }
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setUsed(true);
          setOpened(true);
        }}
      >
        {t('week.closed.button')}
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
