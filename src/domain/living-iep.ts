import { type CaseRecord, closureMissesToList, occurrencesOf, owedMissesToList } from './case-record.ts';
import { addDays, formatLongDate, formatRecordDate, formatSchoolDate } from './dates.ts';
import enReport from './i18n/locales/en/reportpdf.json' with { type: 'json' };
import esReport from './i18n/locales/es/reportpdf.json' with { type: 'json' };
import { createTranslator, type MessageValues } from './i18n/translate.ts';
import { GOAL_FINDING_RULES } from './implementation-patterns.ts';
import { spanishLongDate } from './letter-words.ts';

// The living IEP: the document a parent keeps between meetings and brings to the next one. What is
// working (wins, services delivered in full, accommodations reliably in place), what is not (the
// ledger's shortfalls, the patterns' concerns), what the parent wants changed (their own notes and
// goals that look too easy or too hard), the parent concerns statement, and questions for the team.
// Built from the record; the parent's own words come in as `ParentInput`.
//
// Its own sentences are in the reader's language (issue 17): messages of the report catalog
// (src/domain/i18n/locales/<language>/reportpdf.json, keys `reportpdf.living.…`), which the living
// IEP's PDF uses too; dates by Intl in Spanish. The record's words and the parent's stay as written.

/** A language the living IEP is written in. */
export type LivingIepLanguage = 'en' | 'es';

const translators = {
  en: createTranslator('en', enReport),
  es: createTranslator('es', esReport),
} as const;

/** The living IEP's words in a language: its messages and its dates. */
export function livingIepWords(language: LivingIepLanguage = 'en') {
  const { t } = translators[language];
  const english = language === 'en';
  return {
    say: (key: string, values?: MessageValues) => t(`reportpdf.living.${key}`, values),
    /** "Sep 8"; Spanish "8 de septiembre". */
    monthDay: (date: string) =>
      english ? formatRecordDate(date, 'monthDay') : formatSchoolDate(date, 'longMonthDay', 'es'),
    /** "Sep 8, 2026"; Spanish "8 de septiembre de 2026". */
    fullDate: (date: string) =>
      english
        ? formatRecordDate(date, 'monthDayYear')
        : `${formatSchoolDate(date, 'longMonthDay', 'es')} de ${date.slice(0, 4)}`,
    /** "Tuesday, September 8, 2026"; Spanish "martes 8 de septiembre de 2026". */
    longDate: (date: string) => (english ? formatLongDate(date, true) : spanishLongDate(date, true)),
  };
}

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

export function buildLivingIep(
  record: CaseRecord,
  parent: ParentInput,
  language: LivingIepLanguage = 'en',
): LivingIep {
  const w = livingIepWords(language);
  const name = record.child.firstName;
  const working: LivingIepItem[] = [];
  const notWorking: LivingIepItem[] = [];
  const changes: LivingIepItem[] = [];
  const questions: LivingIepItem[] = [];

  for (const win of record.parentNotes.filter((n) => n.kind === 'win' && n.date <= record.asOf)) {
    working.push({ text: `${w.longDate(win.date)}: ${win.text}`, entryIds: [win.id] });
  }
  for (const s of record.services) {
    const { requiredMinutes: required, deliveredMinutes: delivered, owedBalanceMinutes: owed } = s.ledger;
    // A service of an earlier plan (before the annual review renewed it) is named with its plan.
    const ofPlan = s.earlierPlan ? ` (${s.earlierPlan.title ?? w.say('earlierPlan')})` : '';
    if (required === 0) continue;
    // Only finished weeks: the current week's sessions may still happen.
    const finished = s.weeks.filter((w) => addDays(w.start, 6) <= record.asOf && w.requiredMinutes > 0);
    const goodWeeks = finished.filter((w) => w.deliveredMinutes >= w.requiredMinutes);
    const weeksWithRequirement = finished.length;
    if (delivered >= required * FULL_DELIVERY_SHARE && owed === 0) {
      working.push({
        text: w.say('serviceFull', {
          name: `${s.name}${ofPlan}`,
          delivered: String(delivered),
          required: String(required),
          from: w.monthDay(s.ledger.from),
          to: w.monthDay(s.ledger.to),
        }),
        entryIds: goodWeeks.flatMap((w) => w.entryIds),
      });
    } else {
      const share = Math.round((delivered / required) * 100);
      notWorking.push({
        text:
          w.say('serviceShort', {
            name: `${s.name}${ofPlan}`,
            delivered: String(delivered),
            required: String(required),
            share: String(share),
          }) +
          (owed > 0 ? w.say('serviceOwed', { owed: String(owed) }) : '') +
          (weeksWithRequirement > 0
            ? w.say('serviceWeeks', { good: String(goodWeeks.length), weeks: String(weeksWithRequirement) })
            : '.'),
        entryIds: [...owedMissesToList(s), ...closureMissesToList(s)].map((m) => m.entryId),
      });
      questions.push({
        text:
          owed > 0
            ? w.say('questionOwed', { owed: String(owed), service: `${s.name.toLowerCase()}${ofPlan}` })
            : w.say('questionSchedule', { service: `${s.name.toLowerCase()}${ofPlan}` }),
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
        text: w.say('accommodationWorking', {
          text: a.text,
          provided: String(provided.length),
          seen: String(seen.length),
          unit,
        }),
        entryIds: provided.flatMap((o) => o.entryIds),
      });
    } else if (lapses.length > 0) {
      const sources = (o: (typeof lapses)[number]) =>
        o.sources.length > 1 ? ` ${w.say('sources', { count: String(o.sources.length) })}` : '';
      const day = (o: (typeof lapses)[number]) =>
        o.className
          ? w.say('inClass', { date: w.monthDay(o.date), className: o.className })
          : w.monthDay(o.date);
      notWorking.push({
        text: w.say('accommodationLapses', {
          text: a.text,
          lapses: String(lapses.length),
          seen: String(seen.length),
          unit,
          list: lapses
            .slice(-3)
            .map((o) => `${day(o)}${sources(o)}`)
            .join(', '),
        }),
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
    changes.push({ text: `${w.longDate(note.date)}: ${note.text}`, entryIds: [note.id] });
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
      ? (record.plan.title ?? w.say('planName', { kind: record.plan.kind === 'iep' ? 'iep' : 'section504' }))
      : w.say('planName', { kind: 'none' }),
    asOf: record.asOf,
    nextMeeting: upcoming
      ? { date: upcoming.date, label: upcoming.label ?? w.say('meetingKind', { kind: upcoming.kind }) }
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
export function livingIepMarkdown(doc: LivingIep, language: LivingIepLanguage = 'en'): string {
  const w = livingIepWords(language);
  const list = (items: LivingIepItem[], empty: string) =>
    items.length > 0 ? items.map((i) => `- ${i.text}`).join('\n') : `- ${w.say(empty)}`;
  const lines = [
    `# ${w.say('title', { name: doc.childName, plan: doc.planTitle })}`,
    '',
    `${w.say('asOf', { date: w.longDate(doc.asOf) })}${doc.nextMeeting ? ` ${w.say('nextMeeting', { label: doc.nextMeeting.label, date: w.longDate(doc.nextMeeting.date) })}` : ''}`,
    '',
    `## ${w.say('working')}`,
    '',
    list(doc.working, 'workingEmpty'),
    '',
    `## ${w.say('notWorking')}`,
    '',
    list(doc.notWorking, 'notWorkingEmpty'),
    '',
    `## ${w.say('changes')}`,
    '',
    list(doc.changes, 'changesEmpty'),
    '',
    `## ${w.say('concerns')}`,
    '',
    doc.concerns ??
      [`_${w.say('concernsStart')}_`, '', ...doc.concernsPrompt.map((p) => `- ${p}`)].join('\n'),
    '',
    `## ${w.say('questions')}`,
    '',
    list(doc.questions, 'questionsEmpty'),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
