import { type CaseRecord, closureMissesToList, occurrencesOf, owedMissesToList } from './case-record.ts';
import { addDays, formatLongDate, formatRecordDate } from './dates.ts';
import { GOAL_FINDING_RULES } from './implementation-patterns.ts';

// The living IEP: the document a parent keeps between meetings and brings to the next one. What is
// working (wins, services delivered in full, accommodations reliably in place), what is not (the
// ledger's shortfalls, the patterns' concerns), what the parent wants changed (their own notes and
// goals that look too easy or too hard), the parent concerns statement, and questions for the team.
// Built from the record; the parent's own words come in as `ParentInput`.

export type ParentInput = {
  /** The parent concerns statement, in the parent's words (IEPs have a section for it). */
  concerns: string | null;
  changes: string[];
  questions: string[];
};

export type LivingIepItem = { text: string; entryIds: string[] };

export type LivingIep = {
  childName: string;
  planTitle: string;
  asOf: string;
  /** The next meeting the record knows of (an IEP meeting or the annual review). */
  nextMeeting: { date: string; label: string } | null;
  working: LivingIepItem[];
  notWorking: LivingIepItem[];
  changes: LivingIepItem[];
  concerns: string | null;
  /** When the parent has written no statement yet: the facts to start from. */
  concernsPrompt: string[];
  questions: LivingIepItem[];
};

/** A service counts as delivered in full at this share (product choice: rounding and a late log). */
export const FULL_DELIVERY_SHARE = 0.95;
/** An accommodation counts as reliably in place with at least this many observations ... */
export const MIN_OBSERVATIONS_FOR_RELIABLE = 3;
/** ... of which this share were "provided" (product choice). */
export const RELIABLE_PROVIDED_SHARE = 0.8;

export function buildLivingIep(record: CaseRecord, parent: ParentInput): LivingIep {
  const name = record.child.firstName;
  const working: LivingIepItem[] = [];
  const notWorking: LivingIepItem[] = [];
  const changes: LivingIepItem[] = [];
  const questions: LivingIepItem[] = [];

  for (const win of record.parentNotes.filter((n) => n.kind === 'win' && n.date <= record.asOf)) {
    working.push({ text: `${formatLongDate(win.date, true)}: ${win.text}`, entryIds: [win.id] });
  }
  for (const s of record.services) {
    const { requiredMinutes: required, deliveredMinutes: delivered, owedBalanceMinutes: owed } = s.ledger;
    // A service of an earlier plan (before the annual review renewed it) is named with its plan.
    const ofPlan = s.earlierPlan ? ` (${s.earlierPlan.title ?? 'earlier plan'})` : '';
    if (required === 0) continue;
    // Only finished weeks: the current week's sessions may still happen.
    const finished = s.weeks.filter((w) => addDays(w.start, 6) <= record.asOf && w.requiredMinutes > 0);
    const goodWeeks = finished.filter((w) => w.deliveredMinutes >= w.requiredMinutes);
    const weeksWithRequirement = finished.length;
    if (delivered >= required * FULL_DELIVERY_SHARE && owed === 0) {
      working.push({
        text: `${s.name}${ofPlan}: ${delivered} of ${required} required minutes delivered (${formatRecordDate(s.ledger.from, 'monthDay')} to ${formatRecordDate(s.ledger.to, 'monthDay')}).`,
        entryIds: goodWeeks.flatMap((w) => w.entryIds),
      });
    } else {
      const share = Math.round((delivered / required) * 100);
      notWorking.push({
        text:
          `${s.name}${ofPlan}: ${delivered} of ${required} required minutes delivered (${share}%)` +
          (owed > 0 ? `; ${owed} make-up minutes still owed` : '') +
          (weeksWithRequirement > 0
            ? `; ${goodWeeks.length} of ${weeksWithRequirement} weeks in full.`
            : '.'),
        entryIds: [...owedMissesToList(s), ...closureMissesToList(s)].map((m) => m.entryId),
      });
      questions.push({
        text: `How and when will the ${owed > 0 ? `${owed} owed minutes of ${s.name.toLowerCase()}${ofPlan} be made up` : `${s.name.toLowerCase()}${ofPlan} sessions be kept on schedule`}?`,
        entryIds: [...owedMissesToList(s), ...closureMissesToList(s)].map((m) => m.entryId),
      });
    }
  }
  for (const a of record.accommodations) {
    // Counted by occurrence: one school day and class, however many records (a note, a work sample, a
    // check-in answer) speak of it, so "1 of 1 day" and never "3 of 3 times" for one missed quiz.
    const seen = occurrencesOf(a).filter((o) => o.outcome !== 'unknown' && o.date <= record.asOf);
    const provided = seen.filter((o) => o.outcome === 'provided');
    const lapses = seen.filter((o) => o.lapse);
    const perDay = new Set(seen.map((o) => o.date)).size === seen.length;
    const unit = perDay ? (seen.length === 1 ? 'day' : 'days') : seen.length === 1 ? 'time' : 'times';
    if (
      seen.length >= MIN_OBSERVATIONS_FOR_RELIABLE &&
      provided.length / seen.length >= RELIABLE_PROVIDED_SHARE
    ) {
      working.push({
        text: `“${a.text}”: in place on ${provided.length} of ${seen.length} ${unit} noted.`,
        entryIds: provided.flatMap((o) => o.entryIds),
      });
    } else if (lapses.length > 0) {
      const sources = (o: (typeof lapses)[number]) =>
        o.sources.length > 1 ? ` (${o.sources.length} sources)` : '';
      notWorking.push({
        text: `“${a.text}”: not in place on ${lapses.length} of ${seen.length} ${unit} noted: ${lapses
          .slice(-3)
          .map(
            (o) =>
              `${formatRecordDate(o.date, 'monthDay')}${o.className ? ` in ${o.className}` : ''}${sources(o)}`,
          )
          .join(', ')}.`,
        entryIds: lapses.flatMap((o) => o.entryIds),
      });
    }
  }
  const goalIds = new Set(record.goals.map((g) => g.id));
  for (const f of record.findings) {
    if (GOAL_FINDING_RULES.has(f.rule) && goalIds.has(f.subjectId)) {
      changes.push({ text: `${f.message} ${f.question}`, entryIds: f.entryIds });
      continue;
    }
    if (f.severity === 'concern') notWorking.push({ text: f.message, entryIds: f.entryIds });
    questions.push({ text: f.question, entryIds: f.entryIds });
  }
  for (const note of record.parentNotes.filter(
    (n) => (n.kind === 'concern' || n.kind === 'new_challenge' || n.kind === 'harm') && n.date <= record.asOf,
  )) {
    changes.push({ text: `${formatLongDate(note.date, true)}: ${note.text}`, entryIds: [note.id] });
  }
  for (const change of parent.changes) changes.push({ text: change, entryIds: [] });
  for (const q of parent.questions) questions.push({ text: q, entryIds: [] });

  const upcoming = record.keyDates
    .filter((k) => (k.kind === 'meeting' || k.kind === 'annual_review') && k.date >= record.asOf)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  const seenQuestions = new Set<string>();
  return {
    childName: name,
    planTitle: record.plan
      ? (record.plan.title ?? (record.plan.kind === 'iep' ? 'IEP' : '504 plan'))
      : 'Plan',
    asOf: record.asOf,
    nextMeeting: upcoming
      ? { date: upcoming.date, label: upcoming.label ?? upcoming.kind.replace('_', ' ') }
      : null,
    working,
    notWorking,
    changes,
    concerns: parent.concerns?.trim() || null,
    concernsPrompt: parent.concerns?.trim()
      ? []
      : [...notWorking.slice(0, 3), ...changes.slice(0, 2)].map((i) => i.text),
    questions: questions.filter((q) => !seenQuestions.has(q.text) && seenQuestions.add(q.text)),
  };
}

/** The living IEP as Markdown, to edit in any text editor or paste into an email. */
export function livingIepMarkdown(doc: LivingIep): string {
  const list = (items: LivingIepItem[], empty: string) =>
    items.length > 0 ? items.map((i) => `- ${i.text}`).join('\n') : `- ${empty}`;
  const lines = [
    `# ${doc.childName}'s living ${doc.planTitle}`,
    '',
    `As of ${formatLongDate(doc.asOf, true)}.${doc.nextMeeting ? ` Next meeting: ${doc.nextMeeting.label}, ${formatLongDate(doc.nextMeeting.date, true)}.` : ''}`,
    '',
    '## What is working',
    '',
    list(doc.working, 'Nothing noted yet.'),
    '',
    '## What is not working',
    '',
    list(doc.notWorking, 'Nothing noted.'),
    '',
    '## What I would like to change',
    '',
    list(doc.changes, 'Nothing yet.'),
    '',
    '## Parent concerns statement',
    '',
    doc.concerns ??
      ['_Not written yet. Facts to start from:_', '', ...doc.concernsPrompt.map((p) => `- ${p}`)].join('\n'),
    '',
    '## Questions for the team',
    '',
    list(doc.questions, 'None yet.'),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
