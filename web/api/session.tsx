import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { get, setCsrfToken } from './client.ts';
import type { Child, SessionInfo } from './types.ts';

// Who is signed in, which household they are looking at, and which child. The choice of household
// and child is remembered on this device.

const HOUSEHOLD_KEY = 'as-written.household';
const CHILD_KEY = 'as-written.child';

export function useSessionInfo() {
  const query = useQuery({
    queryKey: ['session'],
    queryFn: () => get<SessionInfo>('/auth/session'),
    staleTime: 60_000,
  });
  useEffect(() => {
    if (query.data) setCsrfToken(query.data.csrfToken);
  }, [query.data]);
  return query;
}

type Current = {
  session: SessionInfo;
  householdId: string | null;
  role: string | null;
  setHouseholdId(id: string): void;
  children: Child[];
  childrenLoaded: boolean;
  child: Child | null;
  setChildId(id: string): void;
  refreshSession(): Promise<void>;
};

const CurrentContext = createContext<Current | null>(null);

export function CurrentProvider({
  session,
  children: content,
}: {
  session: SessionInfo;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const [householdChoice, setHouseholdChoice] = useState<string | null>(() =>
    localStorage.getItem(HOUSEHOLD_KEY),
  );
  const [childChoice, setChildChoice] = useState<string | null>(() => localStorage.getItem(CHILD_KEY));
  const household = session.households.find((h) => h.id === householdChoice) ?? session.households[0] ?? null;
  const householdId = household?.id ?? null;
  const childrenQuery = useQuery({
    queryKey: ['children', householdId],
    queryFn: () => get<Child[]>(`/households/${householdId}/children`),
    enabled: householdId != null,
  });
  const kids = childrenQuery.data ?? [];
  const child = kids.find((c) => c.id === childChoice) ?? kids[0] ?? null;
  const setHouseholdId = useCallback((id: string) => {
    localStorage.setItem(HOUSEHOLD_KEY, id);
    localStorage.removeItem(CHILD_KEY);
    setHouseholdChoice(id);
    setChildChoice(null);
  }, []);
  const setChildId = useCallback((id: string) => {
    localStorage.setItem(CHILD_KEY, id);
    setChildChoice(id);
  }, []);
  const refreshSession = useCallback(async () => {
    await client.invalidateQueries({ queryKey: ['session'] });
  }, [client]);
  const value = useMemo(
    () => ({
      session,
      householdId,
      role: household?.role ?? null,
      setHouseholdId,
      children: kids,
      childrenLoaded: childrenQuery.isSuccess,
      child,
      setChildId,
      refreshSession,
    }),
    [
      session,
      householdId,
      household?.role,
      setHouseholdId,
      kids,
      childrenQuery.isSuccess,
      child,
      setChildId,
      refreshSession,
    ],
  );
  return <CurrentContext.Provider value={value}>{content}</CurrentContext.Provider>;
}

export function useCurrent(): Current {
  const value = useContext(CurrentContext);
  if (!value) throw new Error('useCurrent outside CurrentProvider');
  return value;
}

/** The current household id and child, for pages that need both (the shell guarantees them). */
export function useHouseholdChild() {
  const current = useCurrent();
  return { householdId: current.householdId as string, child: current.child as Child, role: current.role };
}
