// The jurisdiction's ladder (src/domain/jurisdictions.ts): who the family has written to, the next step up,
// one step at a time, and the letter and the people for it.

import type { CaseService } from '../case-record.ts';
import { type Communication, replyState } from '../communications.ts';
import { type LadderStep, ladderStepAt, rungOfRole, topPersonRung } from '../jurisdictions.ts';
import { profileTextValues } from '../profile-texts.ts';
import { roleForMatching } from '../team-roles.ts';
import { type Context, sentWritten, unique } from './context.ts';
import type { LetterKind, Recommendation } from './recommendation.ts';

export function ladderStep(ctx: Context, rung: number): LadderStep | null {
  return ctx.profile ? ladderStepAt(ctx.profile, rung) : null;
}

export function contactRung(ctx: Context, contactId: string): number {
  const contact = ctx.contactsById.get(contactId);
  return ctx.profile && contact ? rungOfRole(ctx.profile, contact.role) : 1;
}

/** The highest ladder rung among the people the family has written to since `since` (1 when none). */
function highestRungWrittenTo(ctx: Context, since: string): number {
  let rung = 1;
  for (const c of ctx.communications) {
    if (c.direction !== 'sent' || c.date < since) continue;
    for (const id of c.contactIds) rung = Math.max(rung, contactRung(ctx, id));
  }
  return rung;
}

/** Whether a written message went to someone at the top person rung since `since`, and its reply window passed. */
function districtAskedSince(ctx: Context, since: string): boolean {
  if (!ctx.profile) return false;
  const top = topPersonRung(ctx.profile);
  return ctx.communications.some(
    (c) =>
      c.direction === 'sent' &&
      c.kind !== 'phone' &&
      c.kind !== 'meeting' &&
      c.date >= since &&
      c.contactIds.some((id) => contactRung(ctx, id) >= top) &&
      replyState(c, ctx.communications, ctx.asOf).state !== 'waiting',
  );
}

/**
 * The next step up the ladder from the people already written to since `since`, at least `minRung`.
 * Communication problems stop at the highest person (a formal complaint is about the plan, not about
 * a slow reply). A possible violation may reach the formal steps (mediation first in the US) only once
 * the district level (the director, the district 504 coordinator, the superintendent) was asked about it
 * since `since` and its reply window passed: product choice, one step at a time. The filing windows are
 * shown on the recommendation whatever the step (`violationDeadlines`): no filing requires the ladder.
 */
export function nextStep(
  ctx: Context,
  since: string,
  minRung: number,
  personOnly: boolean,
): LadderStep | null {
  if (!ctx.profile) return null;
  const formalAllowed = !personOnly && districtAskedSince(ctx, since);
  const top = formalAllowed ? Math.max(...ctx.profile.ladder.map((s) => s.rung)) : topPersonRung(ctx.profile);
  const rung = Math.min(Math.max(minRung, highestRungWrittenTo(ctx, since) + 1), top);
  return ladderStepAt(ctx.profile, rung);
}

/** The letter for a ladder step: its own, or the next one up that has a letter (mediation has none). */
export function letterForStep(ctx: Context, step: LadderStep | null): LetterKind {
  if (!ctx.profile || !step) return 'escalation';
  if (step.letterKind) return step.letterKind;
  const above = ctx.profile.ladder.find((s) => s.rung > step.rung && s.letterKind != null);
  return above?.letterKind ?? 'escalation';
}

/**
 * Who a first-rung letter goes to: the case manager (or a 504 coordinator), else a teacher, else nobody
 * named (the letter writer asks). A service's provider is added when the role matches the service's.
 */
export function primaryContactIds(ctx: Context, service: CaseService | null = null): string[] {
  const team = [...ctx.record.team].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lead =
    team.find((c) => {
      const role = roleForMatching(c.role);
      return /case manager|504 coordinator/i.test(role) && !/district/i.test(role);
    }) ?? team.find((c) => /teacher/i.test(roleForMatching(c.role)));
  const providerRole = service?.providerRole?.trim().toLowerCase();
  const providers = providerRole
    ? team.filter((c) => c.role.trim().toLowerCase() === providerRole).map((c) => c.id)
    : [];
  return unique([...(lead ? [lead.id] : []), ...providers]);
}

/**
 * The first written message the family sent, on or after `since`, to someone a first-rung letter goes to
 * (`primaryContactIds`): the first time the person closest to the problem was asked.
 */
export function firstAskInWriting(
  ctx: Context,
  since: string,
  service: CaseService | null = null,
): Communication | undefined {
  const people = new Set(primaryContactIds(ctx, service));
  return sentWritten(ctx).find((c) => c.date >= since && c.contactIds.some((id) => people.has(id)));
}

export function contactsAtRung(ctx: Context, rung: number): string[] {
  return ctx.record.team.filter((c) => contactRung(ctx, c.id) === rung).map((c) => c.id);
}

/** A first-rung recommendation's step and people: the ladder's first step, and who a first letter goes to. */
export function firstRung(
  ctx: Context,
  service: CaseService | null = null,
): Pick<Recommendation, 'ladderStep' | 'contactIds'> {
  return { ladderStep: ladderStep(ctx, 1), contactIds: primaryContactIds(ctx, service) };
}

/** A recommendation that goes up to `step`: the step's letter, the step, and the people on its rung. */
export function stepUp(
  ctx: Context,
  step: LadderStep | null,
): Pick<Recommendation, 'letterKind' | 'ladderStep' | 'contactIds'> {
  return {
    letterKind: letterForStep(ctx, step),
    ladderStep: step,
    contactIds: step ? contactsAtRung(ctx, step.rung) : [],
  };
}

/** A ladder step's name in the reader's words ("Principal", "Director(a) de la escuela"). */
export function stepLabel(ctx: Context, step: LadderStep): string {
  return ctx.w.say('step.label', { id: step.id, label: step.label });
}

/** " Next step on the ladder: …." with the step's note, in the reader's language. */
export function stepSentence(ctx: Context, step: LadderStep | null): string {
  if (!step) return '';
  const alternatives = ctx.profile?.ladder.filter((s) => s.rung === step.rung && s.id !== step.id) ?? [];
  const names = [step, ...alternatives].map((s) => stepLabel(ctx, s));
  const next = ctx.profile?.ladder.find((s) => s.rung > step.rung && step.letterKind == null && s.letterKind);
  const sentence = ctx.w.say('step.next', {
    steps: names.reduce((first, second) => ctx.w.say('step.or', { first, second })),
    hasNext: next ? 'yes' : 'no',
    next: next ? stepLabel(ctx, next) : '',
  });
  return ` ${sentence}${step.note ? ` ${ctx.w.say('profile.text', profileTextValues(step.note))}` : ''}`;
}
