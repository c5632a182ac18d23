import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_LANGUAGE } from '../../../src/domain/i18n/languages.ts';
import { ApiError, post } from '../../api/client.ts';
import type { SessionEntry } from '../../api/types.ts';
import { daysWords, refreshAfterCorrection } from '../../components/corrections.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { FormError, useDialogError } from '../../components/form-errors.tsx';
import type { WeekService } from './week-api.ts';
import { useWeekWords } from './week-words.ts';

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
  const { t, day, language, locale } = useWeekWords();
  const open = service.openDays;
  // English keeps its own list words ("Monday, November 2; Tuesday, November 3 and …"); another
  // language lists the days as Intl does, with semicolons between days that hold commas.
  const days = (dates: readonly string[]) =>
    language === DEFAULT_LANGUAGE
      ? daysWords(dates)
      : listOf(
          dates.map((d) => day(d, 'weekdayLong')),
          locale ?? language,
        );
  const most = Math.min(service.notYetConfirmed ?? 0, open.length);
  // When the open days are exactly the sessions still to confirm, they are the days; otherwise the
  // parent says which (a session never gets a day nobody chose).
  const [chosen, setChosen] = useState<string[]>(open.length <= most ? open : []);
  const [saving, setSaving] = useState(false);
  const { error, setError, close } = useDialogError(onClose);
  const minutes = service.minutesPerSession ?? 0;
  const sorted = [...chosen].sort();

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const entries = await post<SessionEntry[]>(
        `/households/${householdId}/services/${service.serviceId}/week-delivered`,
        { dates: sorted },
      );
      notifications.show({
        closeButtonProps: { 'aria-label': t('week.close') },
        color: 'green',
        message: t('week.all.saved', { service: service.name, days: days(entries.map((e) => e.date)) }),
      });
      await refreshAfterCorrection(client);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('week.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ResponsiveDrawer
      opened={opened}
      onClose={close}
      title={t('week.card.allDeliveredLabel', { service: service.name })}
    >
      <Stack gap="md">
        <FormError message={error} />
        {open.length > most && <Text>{t('week.all.question', { count: most, service: service.name })}</Text>}
        <Checkbox.Group
          label={t('week.all.days')}
          value={chosen}
          onChange={(value) => setChosen(value.slice(0, Math.max(most, 0)))}
        >
          <Stack gap="xs" mt={6}>
            {open.map((d) => (
              <Checkbox
                key={d}
                value={d}
                label={day(d, 'weekdayLong')}
                disabled={!chosen.includes(d) && chosen.length >= most}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {sorted.length > 0 ? (
          <Text fw={700} role="status">
            {t('week.all.summary', { count: sorted.length, days: days(sorted), minutes })}
          </Text>
        ) : (
          <Text role="status">{t('week.all.choose')}</Text>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {t('week.cancel')}
          </Button>
          <Button color="teal.9" loading={saving} disabled={sorted.length === 0} onClick={() => void save()}>
            {t('week.all.submit', { count: sorted.length })}
          </Button>
        </Group>
      </Stack>
    </ResponsiveDrawer>
  );
}

/** Days in a list of the reader's language; days that hold commas are parted by semicolons. */
function listOf(items: readonly string[], locale: string): string {
  const semicolons = items.some((i) => i.includes(','));
  return new Intl.ListFormat(locale, { type: 'conjunction' })
    .formatToParts(items)
    .map((part) => (semicolons && part.type === 'literal' && part.value === ', ' ? '; ' : part.value))
    .join('');
}
