import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, getAll } from '../../api/client.ts';
import type { CalendarEvent, Service } from '../../api/types.ts';
import { formatDay, localeFor } from '../../components/dates.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { type SetupSoFar, StepHeading } from './StepHeading.tsx';

/** Step 6: what was set up, and the way to the home screen. */
export function DoneStep({
  householdId,
  child,
  calendar,
  plan,
  focusHeading,
  finishing,
  onFinish,
  onAddAnother,
  onBack,
}: SetupSoFar & {
  finishing: boolean;
  onFinish(): void;
  onAddAnother(): void;
  onBack(): void;
}) {
  const t = useT('onboarding');
  const locale = localeFor(useLanguage().language);
  const day = (iso: string) => formatDay(iso, 'weekdayLongYear', locale);
  const list = (items: string[]) =>
    new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(items);
  const events = useQuery({
    queryKey: ['calendar-events', householdId, calendar?.id],
    queryFn: () =>
      getAll<CalendarEvent>(`/households/${householdId}/calendar-events?calendarId=${calendar?.id}`),
    enabled: calendar != null,
  });
  const services = useQuery({
    queryKey: ['services', householdId, plan?.id],
    queryFn: () => get<Service[]>(`/households/${householdId}/services?planId=${plan?.id}`),
    enabled: plan != null,
  });
  // Each kind said as entered: a closure or an early dismissal is not a holiday.
  const byKind = new Map<string, number>();
  for (const e of events.data ?? []) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  const KINDS = ['holiday', 'break', 'closure', 'early_dismissal'];
  const daysOff =
    byKind.size === 0
      ? t('onboarding.done.noDaysOff')
      : list(
          KINDS.filter((k) => byKind.has(k)).map((kind) => {
            const count = byKind.get(kind) ?? 0;
            return t('onboarding.done.daysOfKind', { kind, count, shown: String(count) });
          }),
        );
  const serviceList = services.data ?? [];
  return (
    <Stack gap="md">
      <StepHeading
        title={t('onboarding.done.title')}
        intro={t('onboarding.done.intro', { child: child.firstName })}
        focus={focusHeading}
      />
      <List spacing="xs">
        <List.Item>
          <Text span fw={600}>
            {t('onboarding.done.child')}
          </Text>{' '}
          {t('onboarding.done.childLine', {
            name: [child.firstName, child.lastName].filter(Boolean).join(' '),
            school: child.school ? 'yes' : 'none',
            schoolName: child.school ?? '',
            grade: child.grade ? 'yes' : 'none',
            gradeName: child.grade ?? '',
          })}
        </List.Item>
        {calendar && (
          <List.Item>
            <Text span fw={600}>
              {t('onboarding.done.schoolYear')}
            </Text>{' '}
            {t('onboarding.done.schoolYearLine', {
              name: calendar.name,
              from: day(calendar.firstDay),
              to: day(calendar.lastDay),
              daysOff,
            })}
          </List.Item>
        )}
        {plan && (
          <List.Item>
            <Text span fw={600}>
              {t('onboarding.done.plan')}
            </Text>{' '}
            {t('onboarding.done.planLine', {
              kind: plan.kind,
              from: day(plan.effectiveFrom),
              to: day(plan.effectiveTo),
            })}
          </List.Item>
        )}
        <List.Item>
          <Text span fw={600}>
            {t('onboarding.done.services')}
          </Text>{' '}
          {serviceList.length === 0 ? t('onboarding.done.noServices') : list(serviceList.map((s) => s.name))}
        </List.Item>
      </List>
      <Text>{t('onboarding.done.howTo')}</Text>
      <Button
        size="lg"
        color="blue.8"
        onClick={onFinish}
        loading={finishing}
        w={{ base: '100%', xs: 'auto' }}
      >
        {t('onboarding.done.finish')}
      </Button>
      <Group gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        <Button variant="default" onClick={onAddAnother}>
          {t('onboarding.addAnother')}
        </Button>
      </Group>
    </Stack>
  );
}
