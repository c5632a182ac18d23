// Plain words for goal progress. The sources are the server's (GOAL_PROGRESS_SOURCES in
// src/domain/observations.ts, which builds zod schemas, so only its types are imported); the rule names
// come from the pure src/domain/implementation-patterns.ts.
import { FINDING_RULES } from '../../../src/domain/implementation-patterns.ts';
import type { Goal, GoalProgress } from '../../api/types.ts';

export type GoalProgressSource = GoalProgress['source'];

export const GOAL_SOURCE_LABELS: Record<GoalProgressSource, string> = {
  progress_report: 'Progress report',
  observation: 'Observation or data sheet',
  work_sample: 'Work sample',
  teacher: 'Teacher or therapist',
  parent: 'I noted it',
};

export const goalSourceLabel = (v: string) => GOAL_SOURCE_LABELS[v as GoalProgressSource] ?? v;

/** The goal flags of the patterns endpoint, with a few words naming each. */
export const GOAL_FLAG_HEADINGS: Record<string, string> = {
  [FINDING_RULES.noDataSinceReport]: 'No data since the last progress report',
  [FINDING_RULES.noProgress]: 'No progress across the last two reports',
  [FINDING_RULES.targetMetEarly]: 'Target met early: is this goal too easy?',
};

export const isGoalFlag = (rule: string) => rule in GOAL_FLAG_HEADINGS;

/** The heading of a goal's card: "Reading goal". */
export function goalHeading(goal: Goal): string {
  const area = goal.area.trim();
  return /\bgoal$/i.test(area) ? area : `${area} goal`;
}

/** The number in a goal's target ("90 words correct per minute" -> 90), as the server reads it. */
export function targetNumber(target: string | null): number | null {
  const m = target ? /-?\d+(\.\d+)?/.exec(target) : null;
  return m ? Number(m[0]) : null;
}
