import {
  ActionIcon,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { CALENDAR_DAY_LABELS } from '../../../src/domain/school-days.ts';
import { del, getAll, patch, post } from '../../api/client.ts';
import type { CalendarEvent, Child, SchoolCalendar } from '../../api/types.ts';
import { formatRange, localeFor } from '../../components/dates.ts';
import { applyApiError, FormError, FormStack } from '../../components/form-errors.tsx';
import { refreshAfterCalendarChange } from '../../components/school-calendar.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { StepHeading } from './StepHeading.tsx';

function defaultYearName(child: Child, today = new Date()): string {
  const y = today.getMonth() >= 6 ? today.getFullYear() : today.getFullYear() - 1;
  return `${child.school ? `${child.school} ` : ''}${y}-${y + 1}`;
}

/**
 * Step 2: the school calendar. The school year (name, first and last day) and the days off, added one
 * by one to a list, each with its kind said outright (a holiday, a break, a closure, an early
 * dismissal): the kind decides whether it is a school day, so it is never guessed from the dates.
 * Adding the first day off saves the school year.
 */
export function CalendarStep({
  householdId,
  child,
  calendar,
  focusHeading,
  onChange,
  onNext,
  onBack,
}: {
  householdId: string;
  child: Child;
  calendar: SchoolCalendar | null;
  focusHeading: boolean;
  onChange(calendar: SchoolCalendar): void;
  onNext(): void;
  onBack(): void;
}) {
  const t = useT('onboarding');
  const locale = localeFor(useLanguage().language);
  const range = (start: string, end: string | null | undefined) => formatRange(start, end, locale);
  const client = useQueryClient();
  const ids = useId();
  const formId = `${ids}-year`;
  const [error, setError] = useState<string | null>(null);
  const [dayOffError, setDayOffError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const firstDayOff = useRef<HTMLInputElement>(null);
  // The calendar as last saved; a ref, because one click can save it and then use it again.
  const savedRef = useRef<SchoolCalendar | null>(calendar);

  const year = useForm({
    initialValues: {
      name: calendar?.name ?? defaultYearName(child),
      firstDay: calendar?.firstDay ?? '',
      lastDay: calendar?.lastDay ?? '',
    },
    // The checks of the School calendar page (web/components/school-calendar.ts), in the reader's words.
    validate: {
      name: (v: string) => (v.trim() ? null : t('onboarding.calendar.yearNameMissing')),
      firstDay: (v: string) => (v ? null : t('onboarding.calendar.firstDayMissing')),
      lastDay: (v: string, all: { firstDay: string }) =>
        !v
          ? t('onboarding.calendar.lastDayMissing')
          : all.firstDay && v < all.firstDay
            ? t('onboarding.calendar.lastBeforeFirst')
            : null,
    },
  });
  const dayOff = useForm<{ kind: CalendarDayKind; startDate: string; endDate: string; label: string }>({
    initialValues: { kind: 'holiday', startDate: '', endDate: '', label: '' },
    validate: {
      startDate: (v) => (v ? null : t('onboarding.calendar.startMissing')),
      endDate: (v, all) =>
        v && all.startDate && v < all.startDate ? t('onboarding.calendar.lastBeforeFirst') : null,
    },
  });

  const events = useQuery({
    queryKey: ['calendar-events', householdId, calendar?.id],
    queryFn: () =>
      getAll<CalendarEvent>(`/households/${householdId}/calendar-events?calendarId=${calendar?.id}`),
    enabled: calendar != null,
  });
  const daysOff = events.data ?? [];

  /** Saves the school year if it is new or changed; null (with the errors shown) if it cannot. */
  const saveYear = async (): Promise<SchoolCalendar | null> => {
    setError(null);
    if (year.validate().hasErrors) return null;
    const current = savedRef.current;
    if (current && !year.isDirty()) return current;
    const v = year.values;
    const body = { name: v.name.trim(), firstDay: v.firstDay, lastDay: v.lastDay };
    try {
      const saved = current
        ? await patch<SchoolCalendar>(`/households/${householdId}/calendars/${current.id}`, body)
        : await post<SchoolCalendar>(`/households/${householdId}/calendars`, { childId: child.id, ...body });
      savedRef.current = saved;
      year.resetDirty(body);
      onChange(saved);
      return saved;
    } catch (e) {
      setError(applyApiError(year, e));
      return null;
    }
  };

  const addDayOff = async (): Promise<boolean> => {
    setDayOffError(null);
    setStatus('');
    if (dayOff.validate().hasErrors) return false;
    const saved = await saveYear();
    if (!saved) {
      setDayOffError(t('onboarding.calendar.fillYearFirst'));
      return false;
    }
    const v = dayOff.values;
    const endDate = v.endDate && v.endDate !== v.startDate ? v.endDate : null;
    try {
      await post<CalendarEvent>(`/households/${householdId}/calendar-events`, {
        calendarId: saved.id,
        kind: v.kind,
        startDate: v.startDate,
        endDate,
        label: v.label.trim() || null,
      });
      await refreshAfterCalendarChange(client);
      setStatus(
        v.label.trim()
          ? t('onboarding.calendar.added', { label: v.label.trim(), range: range(v.startDate, endDate) })
          : t('onboarding.calendar.addedKind', { kind: v.kind, range: range(v.startDate, endDate) }),
      );
      dayOff.reset();
      firstDayOff.current?.focus();
      return true;
    } catch (e) {
      setDayOffError(applyApiError(dayOff, e));
      return false;
    }
  };

  const remove = async (event: CalendarEvent) => {
    setListError(null);
    try {
      await del(`/households/${householdId}/calendar-events/${event.id}`);
      await refreshAfterCalendarChange(client);
      setStatus(
        event.label
          ? t('onboarding.calendar.removed', { label: event.label })
          : t('onboarding.calendar.removedDayOff'),
      );
    } catch (e) {
      setListError(e instanceof Error ? e.message : t('onboarding.calendar.notRemoved'));
    }
  };

  const next = year.onSubmit(async () => {
    setBusy(true);
    try {
      // A day off typed but not yet added is added first, so nothing typed is lost.
      if (dayOff.values.startDate && !(await addDayOff())) return;
      if (await saveYear()) onNext();
    } finally {
      setBusy(false);
    }
  });

  const submitDayOff = dayOff.onSubmit(async () => {
    await addDayOff();
  });

  return (
    <Stack gap="lg">
      <StepHeading
        title={t('onboarding.calendar.title')}
        intro={t('onboarding.calendar.intro')}
        focus={focusHeading}
      />
      <form id={formId} onSubmit={next} noValidate>
        <Stack gap="md">
          <FormError message={error} />
          <TextInput label={t('onboarding.calendar.yearName')} required {...year.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t('onboarding.calendar.firstDay')}
              required
              {...year.getInputProps('firstDay')}
            />
            <TextInput
              type="date"
              label={t('onboarding.calendar.lastDay')}
              required
              {...year.getInputProps('lastDay')}
            />
          </SimpleGrid>
        </Stack>
      </form>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-daysoff`}>
        <Stack gap="md">
          <div>
            <Title order={3} size="h4" id={`${ids}-daysoff`}>
              {t('onboarding.calendar.daysOff')}
            </Title>
            <Text size="sm">{t('onboarding.calendar.daysOffHelp')}</Text>
          </div>
          {daysOff.length > 0 ? (
            <List spacing={4} listStyleType="none" ml={0} pl={0}>
              {daysOff.map((e) => (
                <List.Item key={e.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">
                      {e.label
                        ? t('onboarding.calendar.itemNamed', {
                            range: range(e.startDate, e.endDate),
                            label: e.label,
                            kind: e.kind,
                          })
                        : t('onboarding.calendar.item', {
                            range: range(e.startDate, e.endDate),
                            kind: e.kind,
                          })}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={
                        e.label
                          ? t('onboarding.calendar.remove', { label: e.label })
                          : t('onboarding.calendar.removeThis')
                      }
                      onClick={() => void remove(e)}
                    >
                      <span aria-hidden>×</span>
                    </ActionIcon>
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('onboarding.calendar.none')}</Text>
          )}
          <FormError message={listError} />
          <FormStack onSubmit={submitDayOff} error={dayOffError} gap="sm">
            <NativeSelect
              label={t('onboarding.calendar.whatKind')}
              description={t('onboarding.calendar.kindHelp', { kind: dayOff.values.kind })}
              data={(Object.keys(CALENDAR_DAY_LABELS) as CalendarDayKind[]).map((k) => ({
                value: k,
                label: t('onboarding.calendar.kind', { kind: k }),
              }))}
              {...dayOff.getInputProps('kind')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                type="date"
                label={t('onboarding.calendar.start')}
                ref={firstDayOff}
                {...dayOff.getInputProps('startDate')}
              />
              <TextInput
                type="date"
                label={t('onboarding.calendar.end')}
                {...dayOff.getInputProps('endDate')}
              />
            </SimpleGrid>
            <TextInput
              label={t('onboarding.calendar.name')}
              placeholder={t('onboarding.calendar.namePlaceholder')}
              {...dayOff.getInputProps('label')}
            />
            <Button type="submit" variant="default" loading={dayOff.submitting} w="fit-content">
              {t('onboarding.calendar.add')}
            </Button>
          </FormStack>
          <Text size="sm" role="status">
            {status}
          </Text>
        </Stack>
      </Paper>

      <Group justify="space-between">
        <Button variant="default" size="md" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        <Button type="submit" form={formId} size="md" color="blue.8" loading={busy}>
          {t('onboarding.next')}
        </Button>
      </Group>
    </Stack>
  );
}
