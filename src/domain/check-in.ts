import { z } from 'zod';
import { ClockTimeSchema, IdSchema, IsoDateSchema, OptionalText } from './common.ts';
import { addDays, formatRecordDate, isIsoDate, isoWeekday, weekStart } from './dates.ts';
import { OBSERVATION_OUTCOMES, OBSERVATION_SETTINGS, TEACHER_KINDS } from './observations.ts';

// This week's check-in: questions for a parent to ask their child, written from the child's own
// plan and timetable. The article's advice: talk with your child using open questions ("What
// happened in speech on Tuesday?", "Where did you sit in math today?"), not "Did they give you your
// accommodations?", which a child cannot answer. Each answer the parent records becomes an
// observation or a session entry marked "child's report".

export type CheckInService = {
  id: string;
  name: string;
  area: string;
  setting: string;
};

export type CheckInAccommodation = {
  id: string;
  text: string;
  category: string;
  appliesTo: string;
  className: string | null;
};

export type CheckInBehaviorStep = { id: string; kind: string; text: string };

export type CheckInPeriod = { weekday: number; startTime: string; endTime: string; className: string };

/** A session someone logged this week: the child is asked about that day. */
export type CheckInLoggedSession = { serviceId: string; date: string; source: string; status: string };

export type CheckInSources = {
  childName: string;
  /** The day the parent asks (the check-in date); questions cover its Monday-to-Sunday week up to it. */
  date: string;
  planId: string | null;
  services: readonly CheckInService[];
  accommodations: readonly CheckInAccommodation[];
  behaviorSteps: readonly CheckInBehaviorStep[];
  timetable: readonly CheckInPeriod[];
  sessions: readonly CheckInLoggedSession[];
  /** The week's school days up to the check-in date (no weekends, holidays or closures). */
  schoolDays: readonly string[];
};

export type CheckInQuestion = {
  /** Stable within a week: the same plan gives the same keys, so answers can be matched. */
  key: string;
  kind: 'session' | 'accommodation' | 'behavior';
  /** The service, accommodation or plan the answer is about. */
  subjectId: string;
  /** The day the question is about, or null for "this week". */
  date: string | null;
  /** What to say to the child, in words a child understands. */
  ask: string;
  /** A gentle next question if the first answer is short. */
  followUp: string;
  /** For the parent: why this question is on the list. */
  why: string;
  className: string | null;
  setting: (typeof OBSERVATION_SETTINGS)[number] | null;
};

/** At most this many questions: a check-in should take five minutes at the dinner table. */
export const MAX_CHECK_IN_QUESTIONS = 8;
export const MAX_SESSION_QUESTIONS = 3;

/** "today", "yesterday" or "on Tuesday", as a child hears it. */
export function dayPhrase(day: string, asked: string): string {
  if (day === asked) return 'today';
  if (addDays(day, 1) === asked) return 'yesterday';
  return `on ${formatRecordDate(day, 'weekday')}`;
}

/** What a child calls a service: "speech", "OT", "reading group". */
export function childWordsForService(service: Pick<CheckInService, 'name' | 'area'>): string {
  const name = service.name.toLowerCase();
  switch (service.area) {
    case 'speech':
      return 'speech';
    case 'ot':
      return 'OT';
    case 'pt':
      return 'PT';
    case 'counseling':
      return 'counseling';
  }
  if (/read|literacy|phonics/.test(name)) return 'reading group';
  if (/math/.test(name)) return 'math group';
  if (/writ/.test(name)) return 'writing group';
  if (/social skills/.test(name)) return 'social skills group';
  return (
    name
      .replace(/\b(specialized|instruction|services?|therapy)\b/g, '')
      .replace(/\s+/g, ' ')
      .trim() || name
  );
}

type Template = {
  test: RegExp;
  ask: (cls: string, when: string) => string;
  followUp: string;
  setting?: 'test';
};

// The accommodations IEPs most often list, each with a question a child can answer from memory.
// Order matters: the first template whose pattern matches the accommodation's words is used.
const TEMPLATES: Template[] = [
  {
    test: /seat|front of the (class|room)|near (the )?(teacher|board|instruction)|away from (the )?(door|window|distraction)/i,
    ask: (cls, when) => `Where did you sit in ${cls} ${when}?`,
    followUp: 'Who sat next to you? Could you see the board?',
  },
  {
    test: /extend(ed)? time|extra time|additional time|time and a half|1\.5 ?x|double time/i,
    ask: () => 'Did you have a test or a quiz this week? Did you get extra time to finish it?',
    followUp: 'What happened when the time was up?',
    setting: 'test',
  },
  {
    test: /headphone|ear ?muff|noise/i,
    ask: () => 'Did you use your headphones this week? Where were they when you needed them?',
    followUp: 'Was it ever too loud to work?',
  },
  {
    test: /calculator/i,
    ask: (cls) => `Did you use a calculator in ${cls === 'class' ? 'math' : cls} this week?`,
    followUp: 'Where do you get the calculator from?',
  },
  {
    test: /break/i,
    ask: () => 'Did you get to take a break when you needed one this week? What did you do on your break?',
    followUp: 'Was there a time you wanted a break and did not get one?',
  },
  {
    test: /read(s|ing)? aloud|read to|text.to.speech|audio|oral(ly)? administ/i,
    ask: () => 'When you had a test or worksheet this week, did someone read the questions to you?',
    followUp: 'Who read them? Where were you?',
    setting: 'test',
  },
  {
    test: /scribe|dictat|speech.to.text/i,
    ask: () => 'Did someone write down your answers for you this week, or did you say them out loud?',
    followUp: 'What did you work on?',
  },
  {
    test: /check(s|ing)? for understanding|repeat(ed)? direction|directions|simplif(y|ied) instruction|chunk/i,
    ask: (cls) =>
      `When the teacher told the class what to do in ${cls}, did someone come and check that you understood?`,
    followUp: 'What did you do when you were not sure what to do?',
  },
  {
    test: /reduc|fewer|shorten|shorter|modified (assign|work|format)/i,
    ask: () => 'Were your worksheets or tests shorter than the other kids’ this week?',
    followUp: 'How long did your homework take?',
  },
  {
    test: /notes|graphic organi[sz]er|study guide/i,
    ask: (cls) => `Did you get a copy of the notes in ${cls} this week?`,
    followUp: 'What do you do when the teacher writes on the board?',
  },
  {
    test: /fidget|wiggle|movement|stand(ing)? desk/i,
    ask: () => 'Did you have your fidget (or your wiggle seat) in class this week?',
    followUp: 'Did anyone take it away?',
  },
  {
    test: /visual schedule|picture schedule|first.then/i,
    ask: () => 'Did you look at your picture schedule today?',
    followUp: 'Where is it in the classroom?',
  },
];

/** The plan's first sentence: a full stop ends it only before a space or the end, never inside "1.5". */
function shortText(text: string): string {
  const first = text.split(/\.(?=\s|$)|[;\n]/)[0]!.trim();
  return first.length > 80 ? `${first.slice(0, 77)}…` : first;
}

function classFor(acc: CheckInAccommodation, sources: CheckInSources): string | null {
  if (acc.appliesTo === 'class' && acc.className) return acc.className;
  const today = sources.timetable
    .filter((p) => p.weekday === isoWeekday(sources.date))
    .sort((a, b) => a.startTime.localeCompare(b.startTime));
  // A seating or directions question is about one real class: the first of the day, or math when
  // the child has it (the class where seating and directions matter most often in IEPs).
  const math = today.find((p) => /math/i.test(p.className));
  return (math ?? today[0])?.className ?? null;
}

function accommodationQuestion(acc: CheckInAccommodation, sources: CheckInSources): CheckInQuestion {
  const template = TEMPLATES.find((t) => t.test.test(acc.text));
  const className = classFor(acc, sources);
  const cls = className ? className.toLowerCase() : 'class';
  const when = sources.schoolDays.includes(sources.date) ? 'today' : 'this week';
  const ask = template
    ? template.ask(cls, when)
    : `Your teachers are meant to help you with this: “${shortText(acc.text)}”. Did that happen this week? What was it like?`;
  return {
    key: `accommodation:${acc.id}`,
    kind: 'accommodation',
    subjectId: acc.id,
    date: null,
    ask,
    followUp: template?.followUp ?? 'Can you tell me about a time it helped, or a time it did not happen?',
    why: `The plan says: “${shortText(acc.text)}”.`,
    className,
    setting: template?.setting ?? (acc.appliesTo === 'tests' ? 'test' : null),
  };
}

function sessionQuestions(sources: CheckInSources): CheckInQuestion[] {
  const questions: CheckInQuestion[] = [];
  const sorted = [...sources.services].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  for (const service of sorted) {
    const words = childWordsForService(service);
    const logged = sources.sessions
      .filter((s) => s.serviceId === service.id && s.source !== 'child_report' && s.status !== 'missed')
      .map((s) => s.date)
      .sort();
    const days = [...new Set(logged)];
    const missedDays = [
      ...new Set(
        sources.sessions
          .filter((s) => s.serviceId === service.id && s.source !== 'child_report' && s.status === 'missed')
          .map((s) => s.date)
          .sort(),
      ),
    ];
    if (days.length > 0) {
      // Ask about the day someone says it happened: the child's memory is the check on the log.
      const day = days.at(-1)!;
      questions.push({
        key: `session:${service.id}:${day}`,
        kind: 'session',
        subjectId: service.id,
        date: day,
        ask: `What happened in ${words} ${dayPhrase(day, sources.date)}?`,
        followUp:
          service.setting === 'pull_out'
            ? `What were you doing in class just before you went to ${words}?`
            : 'What did you work on? Who was there?',
        why: `A session on ${formatRecordDate(day, 'weekday')} is in the log.`,
        className: null,
        setting: null,
      });
    } else {
      questions.push({
        key: `session:${service.id}:week`,
        kind: 'session',
        subjectId: service.id,
        date: null,
        ask: `Did you go to ${words} this week? What did you do there?`,
        followUp:
          service.setting === 'pull_out'
            ? `Which class were you in when it was time to go to ${words}?`
            : 'Which day was it? Who was there?',
        why:
          missedDays.length > 0
            ? `${capitalize(words)} is logged as missed on ${listWords(missedDays.map((d) => formatRecordDate(d, 'weekday')))} this week; no ${words} session that happened is logged yet.`
            : `No ${words} session is logged yet this week.`,
        className: null,
        setting: null,
      });
    }
  }
  return questions.slice(0, MAX_SESSION_QUESTIONS);
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const listWords = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

function behaviorQuestion(sources: CheckInSources): CheckInQuestion | null {
  if (!sources.planId || sources.behaviorSteps.length === 0) return null;
  const reward = sources.behaviorSteps.find((s) => s.kind === 'reward');
  return {
    key: `behavior:${sources.planId}`,
    kind: 'behavior',
    subjectId: sources.planId,
    date: null,
    ask: 'Was there a hard moment at school this week? What did the grown-ups do to help?',
    followUp: reward
      ? `Did you earn anything this week? (The plan says: “${shortText(reward.text)}”.)`
      : 'What helps you feel calm at school?',
    why: 'The behavior plan lists what staff should do; the child’s account shows whether it happens.',
    className: null,
    setting: null,
  };
}

/**
 * This week's questions. Sessions first (at most three: the services with a session logged this
 * week are asked about that day), then the accommodations in plan order, then the behavior plan,
 * up to MAX_CHECK_IN_QUESTIONS in all. When the accommodations alone would overflow the list, the
 * behavior question keeps its place: it is the one open question about the whole week.
 */
export function checkInQuestions(sources: CheckInSources): CheckInQuestion[] {
  const sessions = sessionQuestions(sources);
  const behavior = behaviorQuestion(sources);
  const room = MAX_CHECK_IN_QUESTIONS - sessions.length - (behavior ? 1 : 0);
  const accommodations = sources.accommodations
    .slice(0, Math.max(0, room))
    .map((a) => accommodationQuestion(a, sources));
  return [...sessions, ...accommodations, ...(behavior ? [behavior] : [])];
}

export function weekOf(date: string): { from: string; to: string } {
  const from = weekStart(date);
  return { from, to: addDays(from, 6) };
}

// ---------------------------------------------------------------------------------------------
// Answers.

const ChildWords = OptionalText(5000);

/** The day the answer is about has no school by the calendar, and the parent confirms it (src/domain/school-days.ts). */
const NonSchoolDayConfirmed = z.boolean().default(false);

export const SessionAnswer = z.object({
  kind: z.literal('session'),
  questionKey: z.string().min(1).max(200),
  ask: z.string().min(1).max(1000),
  serviceId: IdSchema,
  /** "It happened", "it did not happen", or the child is not sure (nothing goes in the ledger). */
  outcome: z.enum(['happened', 'did_not_happen', 'not_sure']),
  /** The day it was (or should have been); needed unless the child is not sure. */
  sessionDate: IsoDateSchema.nullable().default(null),
  startTime: ClockTimeSchema.nullable().default(null),
  /** Minutes, only for a service whose sessions have no fixed length. */
  minutes: z.number().int().min(0).max(1440).nullable().default(null),
  childWords: ChildWords,
  nonSchoolDayConfirmed: NonSchoolDayConfirmed,
});

export const AccommodationAnswer = z.object({
  kind: z.literal('accommodation'),
  questionKey: z.string().min(1).max(200),
  ask: z.string().min(1).max(1000),
  accommodationId: IdSchema,
  outcome: z.enum(OBSERVATION_OUTCOMES),
  /** The day it was about (defaults to the check-in date, or the last school day before it). */
  aboutDate: IsoDateSchema.nullable().default(null),
  className: OptionalText(100),
  setting: z.enum(OBSERVATION_SETTINGS).nullable().default(null),
  teacherKind: z.enum(TEACHER_KINDS).default('unknown'),
  childWords: ChildWords,
  nonSchoolDayConfirmed: NonSchoolDayConfirmed,
});

export const BehaviorAnswer = z.object({
  kind: z.literal('behavior'),
  questionKey: z.string().min(1).max(200),
  ask: z.string().min(1).max(1000),
  planId: IdSchema,
  /** Whether the child told of a hard moment; only then is an incident recorded. */
  somethingHappened: z.boolean(),
  aboutDate: IsoDateSchema.nullable().default(null),
  rewardUsed: z.boolean().nullable().default(null),
  childWords: ChildWords,
  nonSchoolDayConfirmed: NonSchoolDayConfirmed,
});

export const CheckInAnswer = z.discriminatedUnion('kind', [
  SessionAnswer,
  AccommodationAnswer,
  BehaviorAnswer,
]);
export type CheckInAnswer = z.infer<typeof CheckInAnswer>;

/** The record an answer became: an observation, a session entry or a behavior incident. */
export const RecordedAs = z.object({
  entity: z.enum(['session_entry', 'accommodation_observation', 'behavior_incident']),
  id: IdSchema,
});

/** An answer as a check-in keeps it: as sent, with the record it became (null: kept only in the check-in). */
export const RecordedAnswer = z.intersection(CheckInAnswer, z.object({ recordedAs: RecordedAs.nullable() }));
export type RecordedAnswer = z.infer<typeof RecordedAnswer>;

export const CheckInInput = z
  .object({
    childId: IdSchema,
    date: IsoDateSchema,
    answers: z.array(CheckInAnswer).min(1, { message: 'record at least one answer' }).max(30),
  })
  .superRefine((input, ctx) => {
    // A date that is not a real day is refused by its own field; the week of it cannot be worked out
    // (a refinement of the whole runs even when a field's own refinement failed).
    if (!isIsoDate(input.date)) return;
    const { from } = weekOf(input.date);
    input.answers.forEach((a, i) => {
      if (a.kind === 'session' && a.outcome !== 'not_sure' && !a.sessionDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', i, 'sessionDate'],
          message: 'say which day it was (or choose “not sure”)',
        });
      }
      const day = a.kind === 'session' ? a.sessionDate : a.aboutDate;
      if (day && (day < addDays(from, -7) || day > input.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', i, a.kind === 'session' ? 'sessionDate' : 'aboutDate'],
          message: `must be between ${addDays(from, -7)} and the check-in date (${input.date})`,
        });
      }
    });
  });
export type CheckInInput = z.infer<typeof CheckInInput>;

/** How a child's words are kept in the note of the record an answer becomes. */
export function childReportNote(childName: string, ask: string, words: string | null): string {
  return words ? `Asked “${ask}” ${childName} said: “${words}”` : `Asked “${ask}” at a check-in.`;
}
