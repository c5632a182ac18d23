import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { get } from '../../api/client.ts';
import type { CommunicationStatus } from '../../api/types.ts';

// For the home screen, loaded on demand: how many messages are past their reply date. The home screen
// says it in its own words (`children`); nothing shows while loading, on an error, or when no reply is
// late. The query key is the Messages page's, so both share one answer. Kept free of UI imports so the
// first screen's bundle does not grow.
export default function RepliesOverdue({
  householdId,
  childId,
  children,
}: {
  householdId: string;
  childId: string;
  children(overdue: number): ReactNode;
}) {
  const status = useQuery({
    queryKey: ['communication-status', householdId, childId],
    queryFn: () =>
      get<CommunicationStatus>(`/households/${householdId}/children/${childId}/communication-status`),
  });
  const n = status.data?.overdue.length ?? 0;
  return n > 0 ? children(n) : null;
}
