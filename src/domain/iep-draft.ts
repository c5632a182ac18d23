import { z } from 'zod';
import { BEHAVIOR_STEP_KINDS } from './record-kinds.ts';
import { PeriodUnit, ServiceArea, ServiceSetting } from './service.ts';

// The draft the IEP reader makes from a document (src/domain/iep-extract.ts): what it found, each item
// with the page and the exact text it came from, and whether the parent should check it. Nothing here
// is saved: the review screen (and `as-written iep read`) shows the draft, and the parent accepts,
// edits or drops each item before the plan is saved. docs/iep-draft.schema.json is generated from
// `IepDraft` (scripts/write-iep-draft-schema.ts; a test fails when it is out of date).

export const Confidence = z.enum(['sure', 'check']);
export type Confidence = z.infer<typeof Confidence>;

/** A rectangle on a page, in fractions (0 to 1) of the page's width (x, w) and height (y, h), from its top left. */
export const PageBox = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
});
export type PageBox = z.infer<typeof PageBox>;

/**
 * A reason as catalog words: a key of the server-only part `iepreader` and its values
 * (src/domain/iep-reasons.ts says them), which in English say exactly the `reason`.
 */
export const ReasonWords = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** Where an item came from, and how sure the reader is of it. */
const Provenance = {
  /** The page of the document (1 for a Word document). */
  page: z.number().int().min(1),
  /** The document's own words the item was read from (table cells joined with " | "). */
  sourceText: z.string(),
  /**
   * Where those words are on the page (src/domain/page-boxes.ts): a box per block of lines, for the
   * review screen to outline on the page's image. Absent for a Word document (it has no pages) and in
   * drafts kept before the reader placed them.
   */
  sourceBoxes: z.array(PageBox).max(20).optional(),
  confidence: Confidence,
  /** Why the parent should check it; null when the reader is sure. */
  reason: z.string().nullable(),
  /**
   * The reason as catalog words, for the routes to say it in the reader's language. Absent when the
   * reader is sure, and in drafts kept before reasons had words (their reason stays in English).
   */
  reasonWords: ReasonWords.optional(),
};

export const DraftDate = z.object({
  /** YYYY-MM-DD, or YYYY-MM when the document names only the month ("Sept 2027"). */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  precision: z.enum(['day', 'month']),
});
export type DraftDate = z.infer<typeof DraftDate>;

const field = <T extends z.ZodType>(value: T) => z.object({ value, ...Provenance }).nullable();

export const DateField = z.object({ value: DraftDate, label: z.string(), ...Provenance }).nullable();
export type DateField = z.infer<typeof DateField>;

export const DraftAmount = z.object({
  minutesPerSession: z.number().nullable(),
  sessionsPerPeriod: z.number().nullable(),
  minutesPerPeriod: z.number().nullable(),
  period: z.object({
    unit: PeriodUnit,
    cycleDays: z.number().nullable(),
  }),
  pattern: z.object({ activeWeeks: z.number(), everyWeeks: z.number() }).nullable(),
  label: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type DraftAmount = z.infer<typeof DraftAmount>;

export const DraftService = z.object({
  /** As printed in the service column ("415 Language and Speech"). */
  name: z.string(),
  area: ServiceArea.nullable(),
  /** Extended school year: kept apart from the school-year services. */
  esy: z.boolean(),
  provider: z.string().nullable(),
  /** The provider's role as the service-line parser names it ("speech-language pathologist"). */
  providerRole: z.string().nullable(),
  /** The location or setting as printed ("Separate Classroom"). */
  location: z.string().nullable(),
  /** Inside general education (push_in), outside it (pull_out), or consultation, when the row says. */
  setting: ServiceSetting.nullable(),
  groupSize: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** The words the amount was read from (frequency, duration and group cells). */
  amountText: z.string(),
  /** The amounts the service-line parser read; empty when it could read none. */
  amounts: z.array(DraftAmount),
  /** What the parser could not read, in its words. */
  unread: z.array(z.string()),
  ...Provenance,
});
export type DraftService = z.infer<typeof DraftService>;

export const ACCOMMODATION_GROUPS = ['classroom', 'testing', 'environmental', 'health', 'other'] as const;
export const AccommodationGroup = z.enum(ACCOMMODATION_GROUPS);
export type AccommodationGroup = z.infer<typeof AccommodationGroup>;

export const DraftAccommodation = z.object({
  text: z.string(),
  group: AccommodationGroup,
  /** The heading it is printed under, as printed. */
  heading: z.string().nullable(),
  /**
   * `checked`: its box is marked; `unclear`: a box whose state could not be read (always to check);
   * `none`: the form lists it without boxes.
   */
  box: z.enum(['checked', 'unclear', 'none']),
  /** Other columns of its row (where, when, how), when it is printed in a table. */
  details: z.string().nullable(),
  ...Provenance,
});
export type DraftAccommodation = z.infer<typeof DraftAccommodation>;

export const DraftGoal = z.object({
  area: z.string().nullable(),
  /** The goal as printed. */
  goal: z.string(),
  baseline: z.string().nullable(),
  /** The criterion that says the goal is met ("80% accuracy over 3 consecutive weeks"), when printed apart. */
  target: z.string().nullable(),
  ...Provenance,
});
export type DraftGoal = z.infer<typeof DraftGoal>;

export const DraftTeamMember = z.object({ name: z.string(), role: z.string().nullable(), ...Provenance });
export type DraftTeamMember = z.infer<typeof DraftTeamMember>;

/**
 * A step of the behavior intervention plan (a "Behavior Intervention Plan", "Positive Behavior
 * Supports" section): a trigger to avoid, a strategy, a reward, or the response when the behavior
 * occurs, by the part of the plan it is printed under ("Setting events / triggers", "Preventive
 * strategies", "Reinforcement", "Reactive strategies").
 */
export const DraftBehaviorStep = z.object({
  kind: z.enum(BEHAVIOR_STEP_KINDS),
  text: z.string(),
  /** The part of the plan it is printed under (or its table column's title), as printed. */
  heading: z.string().nullable(),
  /** As for accommodations: `unclear` is a box whose state could not be read (always to check). */
  box: z.enum(['checked', 'unclear', 'none']),
  ...Provenance,
});
export type DraftBehaviorStep = z.infer<typeof DraftBehaviorStep>;

export const DRAFT_SECTIONS = [
  'planKind',
  'jurisdiction',
  'child',
  'dates',
  'services',
  'accommodations',
  'goals',
  'team',
  'behaviorSteps',
] as const;

export const IepDraft = z.object({
  /** False when the document does not look like an IEP or 504 plan: the lists are then empty. */
  found: z.boolean(),
  /** One sentence on what was read, or why nothing was. */
  message: z.string(),
  /** The message as catalog words (part `iepreader`), to say it in the reader's language; absent in drafts kept before. */
  messageWords: ReasonWords.optional(),
  format: z.enum(['pdf', 'docx']),
  pageCount: z.number().int().min(0),
  /** Pages with no text layer (scans) that OCR did not read: typing (or OCR on the server) is needed for them. */
  pagesNeedingOcr: z.array(z.number().int()),
  /**
   * Pages read by OCR from an image of the page: what was read from them is to be compared with the page.
   * Drafts kept before OCR was added have none.
   */
  pagesReadByOcr: z.array(z.number().int()).default([]),
  unreadablePages: z.array(z.number().int()),
  /** Every item to check, first: what it is, where it came from and why. */
  toCheck: z.array(
    z.object({
      section: z.enum(DRAFT_SECTIONS),
      /** The item's index in its list (services, accommodations, goals, team, behaviorSteps); null for a single field. */
      index: z.number().int().nullable(),
      /** The field, for a single one ("name", "planEnd"). */
      field: z.string().nullable(),
      page: z.number().int(),
      sourceText: z.string(),
      reason: z.string(),
      /** The reason as catalog words (as the item's `reasonWords`); absent in drafts kept before. */
      reasonWords: ReasonWords.optional(),
    }),
  ),
  planKind: field(z.enum(['iep', '504'])),
  jurisdiction: field(
    z.object({ country: z.enum(['US', 'CA']), region: z.string().nullable(), name: z.string() }),
  ),
  child: z.object({ name: field(z.string()), school: field(z.string()), grade: field(z.string()) }),
  dates: z.object({
    planStart: DateField,
    planEnd: DateField,
    meeting: DateField,
    annualReview: DateField,
    reevaluation: DateField,
  }),
  services: z.array(DraftService),
  accommodations: z.array(DraftAccommodation),
  /** Printed with an empty box (or no mark where the others have one): left out, listed so nothing is hidden. */
  notSelected: z.array(
    z.object({ text: z.string(), group: AccommodationGroup, page: z.number().int(), sourceText: z.string() }),
  ),
  goals: z.array(DraftGoal),
  team: z.array(DraftTeamMember),
  /** The behavior plan's steps, where the document has one; drafts kept before they were read have none. */
  behaviorSteps: z.array(DraftBehaviorStep).default([]),
  /** What the reader noticed but did not use, in plain words. */
  notes: z.array(z.string()),
});
export type IepDraft = z.infer<typeof IepDraft>;

/** The JSON Schema of the draft, as committed in docs/iep-draft.schema.json. */
export function iepDraftJsonSchema(): string {
  const schema = z.toJSONSchema(IepDraft, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://as-written.invalid/schemas/iep-draft-1.json' }, null, 2)}\n`;
}
