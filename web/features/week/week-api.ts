import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { MissReason } from '../../../src/domain/session-entry.ts';
import { get } from '../../api/client.ts';
import type { SessionEntry, WeekSummary } from '../../api/types.ts';
import { MISS_REASON_LABELS } from '../../components/plain-words.ts';

export type { MissReason };
export type WeekService = WeekSummary['services'][number];
export type WeekEntry = WeekService['entries'][number];

// The reason labels are the server's words (MISS_REASON_LABELS in src/domain/session-entry.ts), kept in a
// zod-free copy shared with the ledger so the home screen's bundle stays small.
export { MISS_REASON_LABELS };
export const MISS_REASONS = Object.keys(MISS_REASON_LABELS) as MissReason[];

export const weekKey = (householdId: string, childId: string, date: string) => [
  'week',
  householdId,
  childId,
  date,
];

export function useWeek(householdId: string, childId: string, date: string) {
  return useQuery({
    queryKey: weekKey(householdId, childId, date),
    queryFn: () => get<WeekSummary>(`/households/${householdId}/children/${childId}/week?date=${date}`),
  });
}

/** A service's scheduled sessions that were missed or cut short (a make-up can name one of them). */
export function useMissedSessions(householdId: string, serviceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['sessions', householdId, serviceId, 'scheduled'],
    queryFn: () =>
      get<SessionEntry[]>(`/households/${householdId}/sessions?serviceId=${serviceId}&kind=scheduled`),
    enabled,
    select: (entries) =>
      entries
        .filter((e) => e.status !== 'delivered' && e.correctedByEntryId == null)
        .sort((a, b) => (a.date < b.date ? 1 : -1)),
  });
}

/** After a session or a calendar day is saved: everything that counts minutes is out of date. */
export async function refreshAfterChange(client: QueryClient) {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['week'] }),
    client.invalidateQueries({ queryKey: ['sessions'] }),
    client.invalidateQueries({ queryKey: ['ledger'] }),
  ]);
}
