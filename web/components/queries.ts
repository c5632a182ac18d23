// Reads shared by the ledger, the plan and the timeline. Query keys start with the kind of record and the
// household, so a write elsewhere can refresh them with invalidateQueries({ queryKey: ['sessions'] }) etc.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, getAll } from '../api/client.ts';
import { useCan } from '../api/permissions.ts';
import { useHouseholdChild } from '../api/session.tsx';
import type { Accommodation, MemberRecord, Plan, Service, SessionEntry } from '../api/types.ts';
import { todayIso } from './dates.ts';

export function usePlans(householdId: string, childId: string) {
  return useQuery({
    queryKey: ['plans', householdId, childId],
    queryFn: () => get<Plan[]>(`/households/${householdId}/plans?childId=${childId}`),
  });
}

export function useServicesOfPlan(householdId: string, planId: string | null | undefined) {
  return useQuery({
    queryKey: ['services', householdId, planId],
    queryFn: () => get<Service[]>(`/households/${householdId}/services?planId=${planId}`),
    enabled: planId != null,
  });
}

/** Every service of every plan of the child, with the plans. */
export function useChildServices(householdId: string, childId: string) {
  const plans = usePlans(householdId, childId);
  const lists = useQueries({
    queries: (plans.data ?? []).map((plan) => ({
      queryKey: ['services', householdId, plan.id],
      queryFn: () => get<Service[]>(`/households/${householdId}/services?planId=${plan.id}`),
    })),
  });
  const services = lists.flatMap((q) => q.data ?? []);
  const error = plans.error ?? lists.find((q) => q.error)?.error ?? null;
  const isPending = plans.isPending || lists.some((q) => q.isPending);
  return { plans: plans.data ?? [], services, isPending, error };
}

export function useMembers(householdId: string) {
  return useQuery({
    queryKey: ['members', householdId],
    queryFn: () => get<MemberRecord[]>(`/households/${householdId}/members`),
    staleTime: 5 * 60_000,
  });
}

export function useSessions(householdId: string, filters: Record<string, string | undefined>) {
  const query = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => e[1] != null && e[1] !== ''),
  ).toString();
  return useQuery({
    queryKey: ['sessions', householdId, filters],
    queryFn: () => getAll<SessionEntry>(`/households/${householdId}/sessions?${query}`),
  });
}

/** The plan in force today (an active plan first), else the most recent one. */
export function currentPlan<P extends Pick<Plan, 'effectiveFrom' | 'effectiveTo' | 'status'>>(
  plans: P[],
): P | null {
  const today = todayIso();
  const inForce = plans.filter((p) => p.effectiveFrom <= today && p.effectiveTo >= today);
  const pick = inForce.find((p) => p.status === 'active') ?? inForce[0];
  if (pick) return pick;
  return [...plans].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
}

/**
 * The dates the pages look at: from the first day of the child's earliest plan to today (or to that first
 * day, when it is still ahead); `from` is null with no plan.
 */
export function plansSpan(
  plans: Pick<Plan, 'effectiveFrom'>[],
  today: string,
): { from: string | null; to: string } {
  const from = plans.reduce<string | null>(
    (min, p) => (min == null || p.effectiveFrom < min ? p.effectiveFrom : min),
    null,
  );
  return { from, to: from != null && from > today ? from : today };
}

/** The accommodations of one plan. */
export function useAccommodationsOfPlan(householdId: string, planId: string | null | undefined) {
  return useQuery({
    queryKey: ['accommodations', householdId, planId],
    queryFn: () => get<Accommodation[]>(`/households/${householdId}/accommodations?planId=${planId}`),
    enabled: planId != null,
  });
}

/**
 * What a page of the plan's records (goals, behavior, work samples) starts from: the child, today, what
 * the member may do, the child's plans, the plan in force and the span of the plans up to today.
 */
export function usePlanRecordsPage() {
  const { householdId, child } = useHouseholdChild();
  const [today] = useState(todayIso);
  const writable = useCan('plan.write');
  const deletable = useCan('record.delete');
  const plans = usePlans(householdId, child.id);
  const planList = plans.data ?? [];
  const plan = currentPlan(planList);
  return {
    householdId,
    child,
    today,
    writable,
    deletable,
    plans,
    planList,
    plan,
    ...plansSpan(planList, today),
  };
}
