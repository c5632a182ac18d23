import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { ClassPeriod } from '../../api/types.ts';
import { ConfirmDelete } from '../../components/ConfirmModal.tsx';
import contrast from '../../components/contrast.module.css';
import { localeFor, WEEKDAYS, weekdayWords } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { ReadOnlyNote, RecordButtons } from '../../components/RecordButtons.tsx';
import { RecordSheet, useRecordSheet } from '../../components/RecordSheet.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { ClassPeriodForm, classPeriodsKey } from './ClassPeriodForm.tsx';
import { timeWords } from './timetable-words.ts';

// The child's weekly class schedule, one weekday after another (a list reads well on a phone). It places
// pull-out services in time: which class does speech take the child out of?

export default function TimetablePage() {
  const { householdId, child } = useHouseholdChild();
  const t = useT('records');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
  const span = (p: ClassPeriod) =>
    t('records.timetable.span', {
      start: timeWords(p.startTime, locale),
      end: timeWords(p.endTime, locale),
    });
  const writable = useCan('plan.write');
  const deletable = useCan('record.delete');
  const periods = useQuery({
    queryKey: classPeriodsKey(householdId, child.id),
    queryFn: () => get<ClassPeriod[]>(`/households/${householdId}/class-periods?childId=${child.id}`),
  });

  const sheet = useRecordSheet<ClassPeriod>();
  const [lastWeekday, setLastWeekday] = useState(1);

  const list = periods.data ?? [];
  const byDay = new Map<number, ClassPeriod[]>();
  for (const p of [...list].sort((a, b) => (a.startTime < b.startTime ? -1 : 1))) {
    byDay.set(p.weekday, [...(byDay.get(p.weekday) ?? []), p]);
  }
  // School days always; a weekend day only when a class is on it.
  const days = WEEKDAYS.map((w) => w.day).filter((d) => d <= 5 || byDay.has(d));

  return (
    <Stack gap="lg" maw={800} className={contrast.scope}>
      <div>
        <Title order={2}>{t('records.acc.timetable')}</Title>
        <Text>{tParts('records.timetable.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
        <Group gap="md" mt={4}>
          <TextLink href="/plan">{t('records.timetable.backToPlan')}</TextLink>
          <TextLink href="/accommodations">{t('records.acc.title')}</TextLink>
        </Group>
        {!writable && <ReadOnlyNote cannot={t('records.timetable.cannot')} />}
      </div>

      {periods.error && (
        <LoadFailed
          title={t('records.timetable.loadError')}
          message={periods.error.message}
          onRetry={() => void periods.refetch()}
        />
      )}

      {periods.isPending && <LoadingCards label={t('records.timetable.loading')} heights={[90, 90]} />}

      {periods.data && (
        <>
          {writable && (
            <Group>
              <Button size="md" color="blue.8" onClick={() => sheet.open('new')}>
                {t('records.timetable.add')}
              </Button>
            </Group>
          )}
          {list.length === 0 && (
            <Text>{tParts('records.timetable.none', { name: <bdi>{child.firstName}</bdi> })}</Text>
          )}
          <Stack gap="sm">
            {days.map((d) => {
              const dayPeriods = byDay.get(d) ?? [];
              const name = weekdayWords(d, locale);
              return (
                <Paper
                  key={d}
                  withBorder
                  p="md"
                  radius="md"
                  component="section"
                  aria-labelledby={`timetable-day-${d}`}
                >
                  <Title order={3} size="h5" id={`timetable-day-${d}`} mb={4}>
                    {name}
                  </Title>
                  {dayPeriods.length === 0 ? (
                    <Text size="sm">{t('records.timetable.dayEmpty')}</Text>
                  ) : (
                    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                      {dayPeriods.map((p) => (
                        <Group
                          component="li"
                          key={p.id}
                          justify="space-between"
                          align="flex-start"
                          gap="xs"
                          wrap="nowrap"
                        >
                          <div>
                            <Text fw={700}>{p.className}</Text>
                            <Text size="sm">
                              {t('records.timetable.line', {
                                span: span(p),
                                hasTeacher: p.teacher ? 'yes' : 'no',
                                teacher: p.teacher ?? '',
                              })}
                            </Text>
                          </div>
                          {(writable || deletable) && (
                            <Group gap={6} wrap="nowrap">
                              <RecordButtons
                                name={t('records.timetable.name', {
                                  className: p.className,
                                  weekday: name,
                                  span: span(p),
                                })}
                                {...sheet.actionsFor(p, { canEdit: writable, canDelete: deletable })}
                              />
                            </Group>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Paper>
              );
            })}
          </Stack>
        </>
      )}

      <RecordSheet
        sheet={sheet}
        editable={writable}
        title={(p) =>
          p ? t('records.timetable.edit', { className: p.className }) : t('records.timetable.add')
        }
        confirmDelete={(p) => (
          <ConfirmDelete
            householdId={householdId}
            path={`class-periods/${p.id}`}
            refresh={[classPeriodsKey(householdId, child.id)]}
            title={t('records.timetable.deleteTitle')}
            onClose={sheet.stopDeleting}
          >
            {t('records.timetable.deleteText', {
              className: p.className,
              weekday: weekdayWords(p.weekday, locale),
              span: span(p),
            })}
          </ConfirmDelete>
        )}
      >
        {(period) => (
          <ClassPeriodForm
            householdId={householdId}
            childId={child.id}
            period={period}
            weekday={lastWeekday}
            onDone={(weekday?: number) => {
              if (weekday) setLastWeekday(weekday);
              sheet.close();
            }}
          />
        )}
      </RecordSheet>
    </Stack>
  );
}
