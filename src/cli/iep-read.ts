import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../domain/errors.ts';
import type { DateField, DraftAmount, IepDraft } from '../domain/iep-draft.ts';
import { readIepDocument } from '../importers/iep-document.ts';

// `as-written iep read FILE`: the draft the review screen shows for an IEP or 504 plan document, read
// on its own (no database: nothing is saved). Items to check come first, each with its page and the
// document's words; then what was read, section by section.

export async function readIepFile(file: string): Promise<IepDraft> {
  const bytes = await readFile(file);
  try {
    return await readIepDocument(bytes);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed')
      throw new AppError('validation_failed', `"${basename(file)}": ${error.message}`, error.fields);
    throw error;
  }
}

type Amount = Pick<
  DraftAmount,
  'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod' | 'period' | 'pattern'
>;

/** An amount in words: "2 × 30 min a week", "60 min a month", "2 × 30 min per 6-day cycle". */
export function amountInWords(a: Amount): string {
  const per = a.period.unit === 'cycle' ? `per ${a.period.cycleDays ?? '?'}-day cycle` : `a ${a.period.unit}`;
  const pattern = a.pattern ? `, ${a.pattern.activeWeeks} of every ${a.pattern.everyWeeks} weeks` : '';
  if (a.sessionsPerPeriod != null)
    return `${a.sessionsPerPeriod} × ${a.minutesPerSession ?? '?'} min ${per}${pattern}`;
  if (a.minutesPerPeriod != null)
    return `${a.minutesPerPeriod} min ${per}${a.minutesPerSession ? ` in sessions of ${a.minutesPerSession} min` : ''}${pattern}`;
  return `? ${per}`;
}

const flag = (confidence: string) => (confidence === 'check' ? 'CHECK' : '     ');

function dateLine(name: string, d: DateField): string | null {
  if (!d) return null;
  return `${flag(d.confidence)}  ${name.padEnd(22)} ${d.value.date}   (p. ${d.page}: "${d.sourceText}")`;
}

/** The draft as a person reads it: what to check first, then each section. */
export function renderIepDraft(draft: IepDraft): string {
  const out: string[] = [];
  out.push(draft.message);
  if (!draft.found) {
    for (const n of draft.notes) out.push(`  ${n}`);
    return `${out.join('\n')}\n`;
  }
  out.push('');
  if (draft.toCheck.length) {
    out.push(`To check (${draft.toCheck.length})`);
    for (const c of draft.toCheck) {
      out.push(`  p. ${c.page}  ${c.reason}`);
      out.push(`        "${c.sourceText}"`);
    }
    out.push('');
  }
  out.push('Plan');
  const field = (
    label: string,
    f: { value: unknown; confidence: string; page: number } | null,
    text?: string,
  ) => {
    if (f) out.push(`${flag(f.confidence)}  ${label.padEnd(22)} ${text ?? String(f.value)}   (p. ${f.page})`);
  };
  field('Kind', draft.planKind, draft.planKind?.value === '504' ? 'Section 504 plan' : 'IEP');
  field('Jurisdiction', draft.jurisdiction, draft.jurisdiction?.value.name);
  field('Child', draft.child.name);
  field('School', draft.child.school);
  field('Grade', draft.child.grade);
  const names: [keyof IepDraft['dates'], string][] = [
    ['meeting', 'Meeting'],
    ['planStart', 'Plan starts'],
    ['planEnd', 'Plan ends'],
    ['annualReview', 'Next annual review'],
    ['reevaluation', 'Reevaluation'],
  ];
  for (const [key, label] of names) {
    const line = dateLine(label, draft.dates[key]);
    if (line) out.push(line);
  }
  for (const [title, esy] of [
    ['Services', false],
    ['Extended school year (ESY)', true],
  ] as const) {
    const services = draft.services.filter((s) => s.esy === esy);
    if (!services.length) continue;
    out.push('', title);
    for (const s of services) {
      const amount = s.amounts.length ? s.amounts.map(amountInWords).join(', then ') : 'amount not read';
      const dates = s.startDate || s.endDate ? `  ${s.startDate ?? '?'} to ${s.endDate ?? '?'}` : '';
      out.push(`${flag(s.confidence)}  ${s.name}: ${amount}${dates}`);
      const where = [s.location, s.provider, s.groupSize ? `group of ${s.groupSize}` : null]
        .filter(Boolean)
        .join('; ');
      out.push(`       p. ${s.page}: "${s.sourceText}"${where ? `  [${where}]` : ''}`);
    }
  }
  if (draft.accommodations.length) {
    out.push('', 'Accommodations');
    let heading: string | null | undefined;
    for (const a of draft.accommodations) {
      if (a.heading !== heading) {
        heading = a.heading;
        out.push(`  ${a.heading ?? a.group} (${a.group})`);
      }
      out.push(`${flag(a.confidence)}  - ${a.text}${a.details ? ` (${a.details})` : ''}   (p. ${a.page})`);
    }
  }
  if (draft.notSelected.length) {
    out.push('', `Left out: printed with an empty box (${draft.notSelected.length})`);
    for (const n of draft.notSelected) out.push(`       - ${n.text}   (p. ${n.page})`);
  }
  if (draft.goals.length) {
    out.push('', 'Annual goals');
    draft.goals.forEach((g, i) => {
      out.push(`${flag(g.confidence)}  ${i + 1}. ${g.area ? `${g.area}: ` : ''}${g.goal}   (p. ${g.page})`);
      if (g.baseline) out.push(`         Baseline: ${g.baseline}`);
      if (g.target) out.push(`         Target: ${g.target}`);
    });
  }
  if (draft.team.length) {
    out.push('', 'Team');
    for (const m of draft.team)
      out.push(`${flag(m.confidence)}  ${m.name}${m.role ? `, ${m.role}` : ''}   (p. ${m.page})`);
  }
  if (draft.behaviorSteps.length) {
    out.push('', 'Behavior plan');
    const words = { trigger: 'Trigger', strategy: 'Strategy', reward: 'Reward', response: 'Response' };
    for (const b of draft.behaviorSteps)
      out.push(`${flag(b.confidence)}  ${words[b.kind]}: ${b.text}   (p. ${b.page})`);
  }
  if (draft.notes.length) {
    out.push('', 'Notes');
    for (const n of draft.notes) out.push(`  ${n}`);
  }
  return `${out.join('\n')}\n`;
}
