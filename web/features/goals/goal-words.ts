// Plain words for goal progress, in the reader's language (the catalog's part "records",
// `records.goal.*`). The sources are the server's (GOAL_PROGRESS_SOURCES in src/domain/observations.ts,
// which builds zod schemas, so only its types are imported); the rule names come from the pure
// src/domain/implementation-patterns.ts.
import { FINDING_RULES } from '../../../src/domain/implementation-patterns.ts';
import type { Goal, GoalProgress } from '../../api/types.ts';
import type { T } from '../../i18n/i18n.tsx';

export type GoalProgressSource = GoalProgress['source'];

export const GOAL_SOURCES: readonly GoalProgressSource[] = [
  'progress_report',
  'observation',
  'work_sample',
  'teacher',
  'parent',
];

/** "Progress report", "I noted it"; a value the app does not know is shown as it is. */
export const goalSourceLabel = (t: T, v: string) => t('records.goal.source', { source: v });
/** "progress report", "i noted it": the source within a sentence. */
export const goalSourceInline = (t: T, v: string) => t('records.goal.sourceInline', { source: v });

/** The sources for a select, in the reader's language. */
export const goalSourceOptions = (t: T) =>
  GOAL_SOURCES.map((value) => ({ value, label: goalSourceLabel(t, value) }));

/** The goal flags of the patterns endpoint, each with the key of the few words naming it. */
const GOAL_FLAGS = {
  [FINDING_RULES.noDataSinceReport]: 'noDataSinceReport',
  [FINDING_RULES.noProgress]: 'noProgress',
  [FINDING_RULES.targetMetEarly]: 'targetMetEarly',
} as Record<string, string>;

export const isGoalFlag = (rule: string) => rule in GOAL_FLAGS;

/** "No progress across the last two reports": a few words naming a goal flag. */
export const goalFlagHeading = (t: T, rule: string) =>
  t('records.goal.flag', { rule: GOAL_FLAGS[rule] ?? 'other' });

/** The heading of a goal's card: "Reading goal" ("Meta de Reading"); an area already named a goal stays. */
export function goalHeading(t: T, goal: Goal): string {
  const area = goal.area.trim();
  return /\bgoal$|^meta\b/i.test(area) ? area : t('records.goal.heading', { area });
}

/** The number in a goal's target ("90 words correct per minute" -> 90), as the server reads it. */
export function targetNumber(target: string | null): number | null {
  const m = target ? /-?\d+(\.\d+)?/.exec(target) : null;
  return m ? Number(m[0]) : null;
}
