// Plain words for the behavior plan and the incidents recorded against it. The rule names come from the
// server's own module (src/domain/implementation-patterns.ts: pure, no zod), so they cannot drift.
import { FINDING_RULES } from '../../../src/domain/implementation-patterns.ts';
import { BEHAVIOR_STEP_KINDS } from '../../../src/domain/record-kinds.ts';
import type { BehaviorIncident, BehaviorStep } from '../../api/types.ts';

export const STEP_KIND_LABELS: Record<BehaviorStep['kind'], string> = {
  trigger: 'Trigger',
  strategy: 'Strategy',
  reward: 'Reward',
  response: 'Response',
};

/** The plan's steps in their order: trigger, strategy, reward, response. */
export const STEP_KIND_ORDER: readonly BehaviorStep['kind'][] = BEHAVIOR_STEP_KINDS;

/** Steps staff carry out (a trigger is something to avoid, not something to follow or skip). */
export const isActionStep = (s: BehaviorStep) => s.kind !== 'trigger';

export type StepMark = 'followed' | 'skipped' | 'na';
export type Answer = 'yes' | 'no' | 'unsure';

export const STEP_MARK_LABELS: Record<StepMark, string> = {
  followed: 'Followed',
  skipped: 'Skipped',
  na: 'Not applicable',
};

export const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };

export const toAnswer = (v: boolean | null): Answer => (v == null ? 'unsure' : v ? 'yes' : 'no');
export const fromAnswer = (a: Answer): boolean | null => (a === 'unsure' ? null : a === 'yes');

/** The behavior-plan findings of the patterns endpoint, with a few words naming each. */
export const BEHAVIOR_FINDING_HEADINGS: Record<string, string> = {
  [FINDING_RULES.stepSkipped]: 'A step that is often skipped',
  [FINDING_RULES.rewardsUnused]: 'The plan’s rewards are not being used',
  [FINDING_RULES.consequenceContradicted]: 'Consequences that go against the plan',
};

export const isBehaviorFinding = (rule: string) => rule in BEHAVIOR_FINDING_HEADINGS;

const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** "Offer a sensory break before transitions; …" for lists of step names. */
export const stepName = (s: BehaviorStep | undefined) =>
  s ? shorten(s.text) : 'a step no longer in the plan';

export function rewardWords(i: BehaviorIncident): string {
  if (i.rewardUsed == null) return 'Reward in the plan used: not sure';
  return i.rewardUsed ? 'Reward in the plan used: yes' : 'Reward in the plan used: no';
}

export function consequenceWords(i: BehaviorIncident): string {
  if (i.consequenceContradicted == null) return 'A consequence went against the plan: not sure';
  return i.consequenceContradicted
    ? 'A consequence went against the plan: yes'
    : 'A consequence went against the plan: no';
}
