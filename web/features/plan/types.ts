// Types of the plan's content, from the API contract (web/api/types.ts).
export type {
  Accommodation,
  BehaviorStep,
  ContentChange,
  Goal,
  KeyDate,
  PlanContent,
  PlanVersion,
  PlanVersionDetail,
  TeamContact,
} from '../../api/types.ts';
