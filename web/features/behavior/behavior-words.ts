// Plain words for the behavior plan and the incidents recorded against it, in the reader's language
// (the catalog's part "records", `records.behavior.*`). The rule names come from the server's own module
// (src/domain/implementation-patterns.ts: pure, no zod), so they cannot drift.
import { FINDING_RULES } from '../../../src/domain/implementation-patterns.ts';
import { BEHAVIOR_STEP_KINDS } from '../../../src/domain/record-kinds.ts';
import type { BehaviorIncident, BehaviorStep } from '../../api/types.ts';
import type { T } from '../../i18n/i18n.tsx';

/**
 * The step kinds in English, for the screens not yet translated (the IEP review); the others use
 * `stepKindLabel`.
 */
export const STEP_KIND_LABELS: Record<BehaviorStep['kind'], string> = {
  trigger: 'Trigger',
  strategy: 'Strategy',
  reward: 'Reward',
  response: 'Response',
};

/** "Trigger", "Strategy": a step's kind in the reader's language. */
export const stepKindLabel = (t: T, kind: string) => t('records.behavior.stepKind', { kind });

/** The plan's steps in their order: trigger, strategy, reward, response. */
export const STEP_KIND_ORDER: readonly BehaviorStep['kind'][] = BEHAVIOR_STEP_KINDS;

/** Steps staff carry out (a trigger is something to avoid, not something to follow or skip). */
export const isActionStep = (s: BehaviorStep) => s.kind !== 'trigger';

export type StepMark = 'followed' | 'skipped' | 'na';
export type Answer = 'yes' | 'no' | 'unsure';

export const STEP_MARKS: readonly StepMark[] = ['followed', 'skipped', 'na'];
export const ANSWERS: readonly Answer[] = ['yes', 'no', 'unsure'];

/** "Followed", "Skipped", "Not applicable", for a segmented control. */
export const stepMarkOptions = (t: T) =>
  STEP_MARKS.map((value) => ({ value, label: t('records.behavior.stepMark', { mark: value }) }));

/** "Yes", "No", "Not sure", for a segmented control. */
export const answerOptions = (t: T) =>
  ANSWERS.map((value) => ({ value, label: t('records.behavior.answer', { answer: value }) }));

export const toAnswer = (v: boolean | null): Answer => (v == null ? 'unsure' : v ? 'yes' : 'no');
export const fromAnswer = (a: Answer): boolean | null => (a === 'unsure' ? null : a === 'yes');

/** The behavior-plan findings of the patterns endpoint, each with the key of the few words naming it. */
const BEHAVIOR_FINDING_HEADINGS = {
  [FINDING_RULES.stepSkipped]: 'stepSkipped',
  [FINDING_RULES.rewardsUnused]: 'rewardsUnused',
  [FINDING_RULES.consequenceContradicted]: 'consequenceContradicted',
} as Record<string, string>;

export const isBehaviorFinding = (rule: string) => rule in BEHAVIOR_FINDING_HEADINGS;

/** "A step that is often skipped": a few words naming a behavior-plan finding. */
export const behaviorFindingHeading = (t: T, rule: string) =>
  t('records.behavior.finding', { rule: BEHAVIOR_FINDING_HEADINGS[rule] ?? 'other' });

const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** "Offer a sensory break before transitions; …" for lists of step names. */
export const stepName = (t: T, s: BehaviorStep | undefined) =>
  s ? shorten(s.text) : t('records.behavior.stepGone');

export const rewardWords = (t: T, i: BehaviorIncident): string =>
  t('records.behavior.rewardUsed', { answer: toAnswer(i.rewardUsed) });

export const consequenceWords = (t: T, i: BehaviorIncident): string =>
  t('records.behavior.consequence', { answer: toAnswer(i.consequenceContradicted) });
