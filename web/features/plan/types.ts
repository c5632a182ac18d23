// Types of the plan's content, taken from the server's own schemas and services.
import type { z } from 'zod';
import type {
  AccommodationFields,
  BehaviorStepInput,
  GoalInput,
  KeyDateInput,
  TeamContactInput,
} from '../../../src/domain/plan.ts';
import type { ContentChange, PlanContent } from '../../../src/domain/plan-versions.ts';
import type { PlanVersion } from '../../../src/server/services/plan-versions.ts';

type Meta = { id: string; householdId: string; createdAt: string; updatedAt: string };

export type Accommodation = z.infer<typeof AccommodationFields> & Meta;
export type Goal = z.infer<typeof GoalInput> & Meta;
export type BehaviorStep = z.infer<typeof BehaviorStepInput> & Meta;
export type KeyDate = z.infer<typeof KeyDateInput> & Meta;
export type TeamContact = z.infer<typeof TeamContactInput> & Meta;

export type { ContentChange, PlanContent, PlanVersion };
export type PlanVersionDetail = PlanVersion & { content: PlanContent; changesFromPrevious: ContentChange[] };
