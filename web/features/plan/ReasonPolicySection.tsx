import { Alert, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, get, patch } from '../../api/client.ts';
import type { Plan } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';

type Guidance = {
  reason: string;
  label: string;
  defaultResponsibility: string;
  guidance: string;
  source: string;
  kind: 'law' | 'guidance' | 'practice';
};

/** Who owes the minutes: the choices, worded by `plan.reasons.word`. */
const RESPONSIBILITIES = ['owed', 'excused', 'pending'] as const;

/** What a section of the plan page is given: the plan, and whether the reader may change it. */
export type PlanSectionProps = { plan: Plan; householdId: string; editable: boolean };

/**
 * Who owes the minutes of a missed session, reason by reason: the plan's policy, the default and
 * the guidance behind it. Parents may change it for a plan (owner and co-parent).
 */
export function ReasonPolicySection({ plan, householdId, editable }: PlanSectionProps) {
  const t = useT('plan');
  const word = (value: string) => t('plan.reasons.word', { word: value });
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const reference = useQuery({
    queryKey: ['reference', 'missed-sessions'],
    queryFn: () => get<Guidance[]>('/reference/missed-sessions'),
    staleTime: Infinity,
  });
  const policy = (plan.reasonPolicy ?? {}) as Record<string, string>;
  const change = async (reason: string, value: string) => {
    setError(null);
    const next = {
      ...Object.fromEntries((reference.data ?? []).map((g) => [g.reason, g.defaultResponsibility])),
      ...policy,
      [reason]: value,
    };
    try {
      await patch(`/households/${householdId}/plans/${plan.id}`, { reasonPolicy: next });
      await client.invalidateQueries();
      notifications.show({
        color: 'green',
        message: t('plan.reasons.saved'),
        closeButtonProps: { 'aria-label': t('plan.reasons.close') },
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('plan.reasons.notSaved'));
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-reason-policy-heading">
      <Title order={3} id="plan-reason-policy-heading">
        {t('plan.reasons.title')}
      </Title>
      <Text size="sm">{t('plan.reasons.intro')}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table aria-label={t('plan.reasons.table')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.reasons.reason')}</Table.Th>
              <Table.Th scope="col">{t('plan.reasons.countedAs')}</Table.Th>
              <Table.Th scope="col">{t('plan.reasons.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(reference.data ?? []).map((g) => {
              const current = policy[g.reason] ?? g.defaultResponsibility;
              return (
                <Table.Tr key={g.reason}>
                  <Table.Th scope="row">{g.label}</Table.Th>
                  <Table.Td>
                    {editable ? (
                      <NativeSelect
                        aria-label={t('plan.reasons.countedAsOf', { reason: g.label })}
                        value={current}
                        onChange={(e) => void change(g.reason, e.currentTarget.value)}
                        data={RESPONSIBILITIES.map((value) => ({ value, label: word(value) }))}
                      />
                    ) : (
                      word(current)
                    )}
                    {current !== g.defaultResponsibility && (
                      <Text size="xs">
                        {t('plan.reasons.changed', { word: word(g.defaultResponsibility).toLowerCase() })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.guidance}</Text>
                    <Text size="xs">{t('plan.reasons.source', { kind: g.kind, source: g.source })}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
