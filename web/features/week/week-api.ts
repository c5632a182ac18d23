import { type QueryClient, useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import type { MakeupOption, WeekSummary } from '../../api/types.ts';
import { refreshAfterCorrection } from '../../components/corrections.ts';
import { useLanguage } from '../../i18n/i18n.tsx';

export type WeekService = WeekSummary['services'][number];
export type WeekEntry = WeekService['entries'][number];

/** What the week's dialogs that log something for the child are given. */
export type WeekDialogProps = {
  householdId: string;
  childId: string;
  today: string;
  opened: boolean;
  onClose(): void;
};

/** The same, for one of the child's services. */
export type ServiceDialogProps = WeekDialogProps & { service: WeekService };

/** The week's query: by the reader's language too, since what needs attention is worded by the server. */
export const weekKey = (householdId: string, childId: string, date: string, language: string) => [
  'week',
  householdId,
  childId,
  date,
  language,
];

export function useWeek(householdId: string, childId: string, date: string) {
  const { language } = useLanguage();
  return useQuery({
    queryKey: weekKey(householdId, childId, date, language),
    queryFn: () => get<WeekSummary>(`/households/${householdId}/children/${childId}/week?date=${date}`),
  });
}

/**
 * The misses a make-up may name: owed minutes not yet made up, newest first (the server's ledger
 * decides; excused and pending misses are not offered).
 */
export function useMakeupOptions(householdId: string, serviceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['makeup-options', householdId, serviceId],
    queryFn: () => get<MakeupOption[]>(`/households/${householdId}/services/${serviceId}/makeup-options`),
    enabled,
  });
}

/** After a session or a calendar day is saved: everything that counts minutes is out of date. */
export async function refreshAfterChange(client: QueryClient) {
  await refreshAfterCorrection(client);
}
