import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, post } from '../../api/client.ts';
import type { SessionEntry } from '../../api/types.ts';
import { daysWords, refreshAfterCorrection } from '../../components/corrections.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { FormError, useDialogError } from '../../components/form-errors.tsx';
import type { WeekService } from './week-api.ts';

/**
 * "All delivered this week": the week's sessions not yet confirmed, logged as delivered in one step.
 * The days offered are this week's school days up to today with nothing logged for the service
 * (`openDays`, from the server); the parent sees them listed before anything is saved.
 */
export function AllDeliveredDrawer({
  householdId,
  service,
  opened,
  onClose,
}: {
  householdId: string;
  service: WeekService;
  opened: boolean;
  onClose(): void;
}) {
  const client = useQueryClient();
  const open = service.openDays;
  const most = Math.min(service.notYetConfirmed ?? 0, open.length);
  // When the open days are exactly the sessions still to confirm, they are the days; otherwise the
  // parent says which (a session never gets a day nobody chose).
  const [chosen, setChosen] = useState<string[]>(open.length <= most ? open : []);
  const [saving, setSaving] = useState(false);
  const { error, setError, close } = useDialogError(onClose);
  const minutes = service.minutesPerSession ?? 0;
  const sorted = [...chosen].sort();
  const each = sorted.length === 1 ? `${minutes} minutes` : `${minutes} minutes each`;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const entries = await post<SessionEntry[]>(
        `/households/${householdId}/services/${service.serviceId}/week-delivered`,
        { dates: sorted },
      );
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Saved: ${service.name}, delivered on ${daysWords(entries.map((e) => e.date))}.`,
      });
      await refreshAfterCorrection(client);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong. Nothing was saved: try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <ResponsiveDrawer opened={opened} onClose={close} title={`All delivered this week: ${service.name}`}>
      <Stack gap="md">
        <FormError message={error} />
        {open.length > most && (
          <Text>
            {most === 1 ? '1 session is' : `${most} sessions are`} not confirmed yet this week. On which{' '}
            {most === 1 ? 'day' : 'days'} did {service.name} happen? Choose up to {most}.
          </Text>
        )}
        <Checkbox.Group
          label="Days it happened"
          value={chosen}
          onChange={(value) => setChosen(value.slice(0, Math.max(most, 0)))}
        >
          <Stack gap="xs" mt={6}>
            {open.map((d) => (
              <Checkbox
                key={d}
                value={d}
                label={formatDay(d, 'weekdayLong')}
                disabled={!chosen.includes(d) && chosen.length >= most}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {sorted.length > 0 ? (
          <Text fw={700} role="status">
            This logs {sorted.length === 1 ? 'a delivered session' : `${sorted.length} delivered sessions`}:{' '}
            {daysWords(sorted)}, {each}.
          </Text>
        ) : (
          <Text role="status">Choose the days it happened.</Text>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button color="teal.9" loading={saving} disabled={sorted.length === 0} onClick={() => void save()}>
            {sorted.length === 1 ? 'Log it as delivered' : `Log ${sorted.length} as delivered`}
          </Button>
        </Group>
      </Stack>
    </ResponsiveDrawer>
  );
}
