import { Alert, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, get, patch } from '../../api/client.ts';
import type { Plan } from '../../api/types.ts';

type Guidance = {
  reason: string;
  label: string;
  defaultResponsibility: string;
  guidance: string;
  source: string;
  kind: 'law' | 'guidance' | 'practice';
};

/** What kind of statement the default rests on (docs/legal-sources.md). */
const KIND_WORDS: Record<Guidance['kind'], string> = {
  law: 'Law',
  guidance: 'Guidance (not binding law)',
  practice: 'As Written’s choice, as many advocates do',
};

const WORDS: Record<string, string> = {
  owed: 'Owed as a make-up',
  excused: 'Not owed (excused)',
  pending: 'Waiting for me to decide',
};

/** What a section of the plan page is given: the plan, and whether the reader may change it. */
export type PlanSectionProps = { plan: Plan; householdId: string; editable: boolean };

/**
 * Who owes the minutes of a missed session, reason by reason: the plan's policy, the default and
 * the guidance behind it. Parents may change it for a plan (owner and co-parent).
 */
export function ReasonPolicySection({ plan, householdId, editable }: PlanSectionProps) {
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
        message: 'Saved. The ledger now counts these misses your way.',
        closeButtonProps: { 'aria-label': 'Close' },
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Not saved; try again.');
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-reason-policy-heading">
      <Title order={3} id="plan-reason-policy-heading">
        When a session is missed
      </Title>
      <Text size="sm">
        Who owes the minutes depends on why the session did not happen. These are the defaults and the
        guidance behind them; no rule fixes make-ups, so you can change them for this plan.
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table aria-label="Who owes the minutes of a missed session, by reason" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Reason</Table.Th>
              <Table.Th scope="col">Counted as</Table.Th>
              <Table.Th scope="col">Why</Table.Th>
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
                        aria-label={`${g.label}: counted as`}
                        value={current}
                        onChange={(e) => void change(g.reason, e.currentTarget.value)}
                        data={Object.entries(WORDS).map(([value, label]) => ({ value, label }))}
                      />
                    ) : (
                      WORDS[current]
                    )}
                    {current !== g.defaultResponsibility && (
                      <Text size="xs">
                        Changed from the default ({WORDS[g.defaultResponsibility]?.toLowerCase()})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.guidance}</Text>
                    <Text size="xs">
                      {KIND_WORDS[g.kind]}. Source: {g.source}
                    </Text>
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
