import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { ClassPeriod } from '../../api/types.ts';
import { ConfirmDelete } from '../../components/ConfirmModal.tsx';
import contrast from '../../components/contrast.module.css';
import { WEEKDAYS, weekdayWords } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { ReadOnlyNote, RecordButtons } from '../../components/RecordButtons.tsx';
import { RecordSheet, useRecordSheet } from '../../components/RecordSheet.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { ClassPeriodForm, classPeriodsKey } from './ClassPeriodForm.tsx';
import { timeWords } from './timetable-words.ts';

// The child's weekly class schedule, one weekday after another (a list reads well on a phone). It places
// pull-out services in time: which class does speech take the child out of?

const span = (p: ClassPeriod) => `${timeWords(p.startTime)} – ${timeWords(p.endTime)}`;

export default function TimetablePage() {
  const { householdId, child } = useHouseholdChild();
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
        <Title order={2}>Class timetable</Title>
        <Text>
          <bdi>{child.firstName}</bdi>’s classes each week. With the timetable, you can see which class a
          pull-out service takes <bdi>{child.firstName}</bdi> out of.
        </Text>
        <Group gap="md" mt={4}>
          <TextLink href="/plan">Back to the plan</TextLink>
          <TextLink href="/accommodations">Accommodations</TextLink>
        </Group>
        {!writable && <ReadOnlyNote cannot="change it" />}
      </div>

      {periods.error && (
        <LoadFailed
          title="The timetable could not be loaded"
          message={periods.error.message}
          onRetry={() => void periods.refetch()}
        />
      )}

      {periods.isPending && <LoadingCards label="Loading the timetable" heights={[90, 90]} />}

      {periods.data && (
        <>
          {writable && (
            <Group>
              <Button size="md" color="blue.8" onClick={() => sheet.open('new')}>
                Add a class
              </Button>
            </Group>
          )}
          {list.length === 0 && (
            <Text>
              No classes yet. Add them from <bdi>{child.firstName}</bdi>’s schedule, for example Math on
              Monday from 9:00 to 9:45.
            </Text>
          )}
          <Stack gap="sm">
            {days.map((d) => {
              const dayPeriods = byDay.get(d) ?? [];
              const name = weekdayWords(d);
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
                    <Text size="sm">No classes recorded.</Text>
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
                              {span(p)}
                              {p.teacher ? ` · ${p.teacher}` : ''}
                            </Text>
                          </div>
                          {(writable || deletable) && (
                            <Group gap={6} wrap="nowrap">
                              <RecordButtons
                                name={`${p.className}, ${name} ${span(p)}`}
                                canEdit={writable}
                                canDelete={deletable}
                                onEdit={() => sheet.open(p)}
                                onDelete={() => sheet.askDelete(p)}
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
        title={(p) => (p ? `Edit: ${p.className}` : 'Add a class')}
        confirmDelete={(p) => (
          <ConfirmDelete
            householdId={householdId}
            path={`class-periods/${p.id}`}
            refresh={[classPeriodsKey(householdId, child.id)]}
            title="Delete this class?"
            onClose={sheet.stopDeleting}
          >
            {p.className}, {weekdayWords(p.weekday)} {span(p)}, will be taken off the timetable. The journal
            keeps what it was.
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
