import type { DraftAmount, DraftBehaviorStep, DraftService, IepDraft, PageBox } from './iep-draft.ts';
import type { ServiceArea, ServiceSetting } from './service.ts';

// What the review screen starts from, and what "Save the plan" sends (pure). The reader's draft
// (src/domain/iep-draft.ts) becomes a list of items the parent keeps, edits or drops: each with its page,
// the document's words, and why to check it. Choices made here, for the parent to see and change:
// - an item the reader is sure of starts kept; one to check starts kept too, marked, with the reason
//   first (a service whose amount could not be read has empty minutes to fill in);
// - an accommodation (or a behavior plan step) whose box could not be read starts dropped (never
//   accepted silently);
// - an extended-school-year service starts dropped (it is counted over the summer: add it later, on the
//   Plan page, with its ESY dates);
// - a team member whose role is the parent, guardian or student starts dropped (the team is the school's);
// - the plan ends on the day the document says, else the next annual review, else it is left to fill.

export type ReviewSource = {
  page: number;
  sourceText: string;
  /** Where those words are on the page, for the screen to outline on its image (none for a Word document). */
  sourceBoxes?: PageBox[];
  reason: string | null;
};

export type ReviewService = ReviewSource & {
  keep: boolean;
  name: string;
  area: ServiceArea;
  setting: ServiceSetting;
  providerRole: string;
  location: string;
  startDate: string;
  endDate: string;
  minutesPerSession: number | null;
  sessionsPerPeriod: number | null;
  minutesPerPeriod: number | null;
  periodUnit: DraftAmount['period']['unit'];
  cycleDays: number | null;
  esy: boolean;
};

export type ReviewAccommodation = ReviewSource & { keep: boolean; text: string };
export type ReviewGoal = ReviewSource & {
  keep: boolean;
  area: string;
  text: string;
  baseline: string;
  target: string;
};
export type ReviewKeyDate = ReviewSource & {
  keep: boolean;
  kind: 'annual_review' | 'reevaluation' | 'meeting';
  date: string;
};
export type ReviewTeamMember = ReviewSource & { keep: boolean; name: string; role: string };
export type ReviewBehaviorStep = ReviewSource & {
  keep: boolean;
  kind: DraftBehaviorStep['kind'];
  text: string;
};

export type PlanReview = {
  plan: {
    kind: 'iep' | '504';
    country: 'US' | 'CA';
    region: string;
    effectiveFrom: string;
    effectiveTo: string;
    sources: ReviewSource[];
  };
  services: ReviewService[];
  accommodations: ReviewAccommodation[];
  goals: ReviewGoal[];
  keyDates: ReviewKeyDate[];
  team: ReviewTeamMember[];
  /** The behavior plan's steps, in the document's order. */
  behaviorSteps: ReviewBehaviorStep[];
};

/**
 * The review's own reasons, where the draft gives none: English by default; the review screen passes
 * them in the reader's language (the `review.reason.*` messages).
 */
export type ReviewReasons = { esy: string; monthOnly: string; boxUnclear: string };

export const ENGLISH_REVIEW_REASONS: ReviewReasons = {
  esy: 'Extended school year: it is counted over the summer; add it on the Plan page with its dates.',
  monthOnly: 'The document gives only the month: choose the day.',
  boxUnclear: 'Its check box could not be read: is it checked?',
};

const source = (item: {
  page: number;
  sourceText: string;
  sourceBoxes?: PageBox[] | undefined;
  reason: string | null;
}): ReviewSource => ({
  page: item.page,
  sourceText: item.sourceText,
  ...(item.sourceBoxes ? { sourceBoxes: item.sourceBoxes } : {}),
  reason: item.reason,
});

/** A whole day (YYYY-MM-DD), or '' for a month alone ("Oct 2028": the parent picks the day). */
const day = (d: { date: string } | null | undefined) =>
  d && /^\d{4}-\d{2}-\d{2}$/.test(d.date) ? d.date : '';

function serviceOf(s: DraftService, planStart: string, planEnd: string, esyReason: string): ReviewService {
  const amount = s.amounts[0] ?? null;
  return {
    ...source(s),
    reason: s.reason ?? (s.esy ? esyReason : null),
    keep: !s.esy,
    name: s.name.slice(0, 200),
    area: s.area ?? 'other',
    setting: s.setting ?? 'pull_out',
    providerRole: (s.providerRole ?? s.provider ?? '').slice(0, 200),
    location: (s.location ?? '').slice(0, 200),
    startDate: s.startDate ?? planStart,
    endDate: s.endDate ?? planEnd,
    minutesPerSession: amount?.minutesPerSession ?? null,
    sessionsPerPeriod: amount?.sessionsPerPeriod ?? null,
    minutesPerPeriod: amount?.minutesPerPeriod ?? null,
    periodUnit: amount?.period.unit ?? 'week',
    cycleDays: amount?.period.cycleDays ?? null,
    esy: s.esy,
  };
}

const NOT_SCHOOL_STAFF = /\b(parent|guardian|mother|father|student|child|foster)\b/i;

/** The review's starting point for a draft. */
export function reviewFromDraft(
  draft: IepDraft,
  reasons: ReviewReasons = ENGLISH_REVIEW_REASONS,
): PlanReview {
  const start = day(draft.dates.planStart?.value);
  const end = day(draft.dates.planEnd?.value) || day(draft.dates.annualReview?.value);
  const sources = [draft.planKind, draft.jurisdiction, draft.dates.planStart, draft.dates.planEnd]
    .filter((x): x is NonNullable<typeof x> => x != null)
    .map(source);
  const keyDate = (
    kind: ReviewKeyDate['kind'],
    field: IepDraft['dates']['annualReview'],
  ): ReviewKeyDate[] => {
    if (!field) return [];
    const whole = day(field.value);
    return [
      {
        ...source(field),
        reason: whole ? field.reason : reasons.monthOnly,
        keep: whole !== '',
        kind,
        date: whole,
      },
    ];
  };
  return {
    plan: {
      kind: draft.planKind?.value ?? 'iep',
      country: draft.jurisdiction?.value.country ?? 'US',
      region: draft.jurisdiction?.value.region ?? '',
      effectiveFrom: start,
      effectiveTo: end,
      sources,
    },
    services: draft.services.map((s) => serviceOf(s, start, end, reasons.esy)),
    accommodations: draft.accommodations.map((a) => ({
      ...source(a),
      reason: a.box === 'unclear' ? (a.reason ?? reasons.boxUnclear) : a.reason,
      keep: a.box !== 'unclear',
      text: (a.details ? `${a.text} (${a.details})` : a.text).slice(0, 2000),
    })),
    goals: draft.goals.map((g) => ({
      ...source(g),
      keep: true,
      area: (g.area ?? 'Goal').slice(0, 100),
      text: g.goal.slice(0, 4000),
      baseline: (g.baseline ?? '').slice(0, 2000),
      target: (g.target ?? '').slice(0, 2000),
    })),
    keyDates: [
      ...keyDate('annual_review', draft.dates.annualReview),
      ...keyDate('reevaluation', draft.dates.reevaluation),
      ...keyDate('meeting', draft.dates.meeting),
    ],
    team: draft.team.map((t) => ({
      ...source(t),
      keep: !NOT_SCHOOL_STAFF.test(t.role ?? ''),
      name: t.name.slice(0, 200),
      role: (t.role ?? '').slice(0, 200),
    })),
    behaviorSteps: (draft.behaviorSteps ?? []).map((b) => ({
      ...source(b),
      reason: b.box === 'unclear' ? (b.reason ?? reasons.boxUnclear) : b.reason,
      keep: b.box !== 'unclear',
      kind: b.kind,
      text: b.text.slice(0, 2000),
    })),
  };
}

/** The kept steps of a behavior plan, each numbered within its kind in the document's order. */
function stepsOf(steps: readonly ReviewBehaviorStep[]) {
  const next = new Map<string, number>();
  return steps
    .filter((b) => b.keep)
    .map((b) => {
      const position = next.get(b.kind) ?? 0;
      next.set(b.kind, position + 1);
      return { kind: b.kind, text: b.text, position: Math.min(position, 1000) };
    });
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** The body of POST iep-documents/:id/plan: the items kept, as edited. */
export function planFromReview(review: PlanReview) {
  const { plan } = review;
  return {
    plan: {
      kind: plan.kind,
      jurisdiction: { country: plan.country, region: plan.region || null },
      effectiveFrom: plan.effectiveFrom,
      effectiveTo: plan.effectiveTo,
    },
    services: review.services
      .filter((s) => s.keep)
      .map((s) => ({
        name: s.name,
        area: s.area,
        setting: s.setting,
        providerRole: text(s.providerRole),
        location: text(s.location),
        sourceText: text(s.sourceText.slice(0, 2000)),
        startDate: s.startDate,
        endDate: s.endDate,
        segments: [
          {
            startDate: s.startDate,
            endDate: s.endDate,
            minutesPerSession: s.minutesPerSession,
            sessionsPerPeriod: s.minutesPerPeriod != null ? null : s.sessionsPerPeriod,
            minutesPerPeriod: s.minutesPerPeriod,
            period:
              s.periodUnit === 'cycle'
                ? { unit: 'cycle' as const, cycleDays: s.cycleDays }
                : { unit: s.periodUnit },
          },
        ],
      })),
    accommodations: review.accommodations.filter((a) => a.keep).map((a) => ({ text: a.text })),
    goals: review.goals
      .filter((g) => g.keep)
      .map((g) => ({ area: g.area, text: g.text, baseline: text(g.baseline), target: text(g.target) })),
    keyDates: review.keyDates.filter((k) => k.keep).map((k) => ({ kind: k.kind, date: k.date })),
    team: review.team.filter((t) => t.keep).map((t) => ({ name: t.name, role: t.role || 'Team member' })),
    behaviorSteps: stepsOf(review.behaviorSteps),
  };
}
