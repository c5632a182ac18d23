import { z } from 'zod';
import { ClockTimeSchema, IdSchema, IsoDateSchema, OptionalText } from './common.ts';
import { addDays, formatRecordDate, formatSchoolDate, isIsoDate, isoWeekday, weekStart } from './dates.ts';
import enQuestions from './i18n/locales/en/checkinq.json' with { type: 'json' };
import esQuestions from './i18n/locales/es/checkinq.json' with { type: 'json' };
import { createTranslator, type Translator } from './i18n/translate.ts';
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

/** The languages the questions are written in: the parent reads them aloud, so the child's language. */
export type CheckInLanguage = 'en' | 'es';

// Every sentence of the questions is a message of the check-in questions' catalog
// (src/domain/i18n/locales/<language>/checkinq.json, keys `checkinq.…`), which only the server and the
// domain read. Class names and the plan's own words stay as the data gives them.
const translators: Readonly<Record<CheckInLanguage, Translator>> = {
  en: createTranslator('en', enQuestions),
  es: createTranslator('es', esQuestions),
};

/** The weekday's name in the language: "Tuesday", "martes". */
function weekdayIn(day: string, language: CheckInLanguage): string {
  return language === 'en' ? formatRecordDate(day, 'weekday') : formatSchoolDate(day, 'weekday', language);
}

/** "today", "yesterday" or "on Tuesday" as a child hears it; in Spanish "hoy", "ayer", "el martes". */
export function dayPhrase(day: string, asked: string, language: CheckInLanguage = 'en'): string {
  const { t } = translators[language];
  if (day === asked) return t('checkinq.day.today');
  if (addDays(day, 1) === asked) return t('checkinq.day.yesterday');
  return t('checkinq.day.on', { weekday: weekdayIn(day, language) });
}

/** The catalog's name for a service a child knows by a common name, or null (then the plan's name). */
function serviceWordsKey(service: Pick<CheckInService, 'name' | 'area'>): string | null {
  switch (service.area) {
    case 'speech':
      return 'checkinq.service.speech';
    case 'ot':
      return 'checkinq.service.ot';
    case 'pt':
      return 'checkinq.service.pt';
    case 'counseling':
      return 'checkinq.service.counseling';
  }
  const name = service.name.toLowerCase();
  // The plan's words in English or Spanish (a household keeps its record in its own language).
  if (/read|literacy|phonics|lectura|leer|lecto|fon[eé]tica/.test(name)) return 'checkinq.service.reading';
  if (/math|matem[aá]tica/.test(name)) return 'checkinq.service.math';
  if (/writ|escritura|redacci[oó]n/.test(name)) return 'checkinq.service.writing';
  if (/social skills|habilidades sociales/.test(name)) return 'checkinq.service.socialSkills';
  return null;
}

/**
 * What a child calls a service: "speech", "OT", "reading group"; in Spanish "la terapia del habla",
 * "la terapia ocupacional (OT)", "el grupo de lectura" (with the article, as a child says it). Any other
 * service goes by the plan's name, without "specialized", "instruction", "services" or "therapy".
 */
export function childWordsForService(
  service: Pick<CheckInService, 'name' | 'area'>,
  language: CheckInLanguage = 'en',
): string {
  const key = serviceWordsKey(service);
  if (key) return translators[language].t(key);
  const name = service.name.toLowerCase();
  return (
    name
      .replace(/\b(specialized|instruction|services?|therapy)\b/g, '')
      .replace(/\s+/g, ' ')
      .trim() || name
  );
}

type Template = {
  /** The template's messages: `checkinq.acc.<id>.ask` (values `cls`, `when`) and `….followUp`. */
  id: string;
  test: RegExp;
  setting?: 'test';
};

// The accommodations IEPs most often list, each with a question a child can answer from memory.
// Order matters: the first template whose pattern matches the accommodation's words is used. Each
// pattern reads the plan's words in English or in Spanish (a family that reads Spanish keeps its record
// from the Spanish translation of the IEP), accents optional.
const TEMPLATES: Template[] = [
  {
    id: 'seat',
    test: /seat|front of the (class|room)|near (the )?(teacher|board|instruction)|away from (the )?(door|window|distraction)|asiento|sentad[oa]|ubicaci[oó]n preferencial|al frente de(l sal[oó]n| la clase)|cerca de(l| la) (maestr[oa]|profesor|pizarr)|lejos de (la |las |los )?(puerta|ventana|distracci)/i,
  },
  {
    id: 'time',
    test: /extend(ed)? time|extra time|additional time|time and a half|1[.,]5 ?x|double time|tiempo (extendido|extra|adicional)|tiempo y medio|doble de tiempo/i,
    setting: 'test',
  },
  {
    id: 'headphones',
    test: /headphone|ear ?muff|noise|aud[ií]fono|auricular|protector(es)? (auditivo|de o[ií]do)|ruido/i,
  },
  { id: 'calculator', test: /calculator|calculadora/i },
  { id: 'break', test: /break|descanso|pausa/i },
  {
    id: 'readAloud',
    test: /read(s|ing)? aloud|read to|text.to.speech|audio|oral(ly)? administ|en voz alta|texto a voz/i,
    setting: 'test',
  },
  { id: 'scribe', test: /scribe|dictat|speech.to.text|escriba\b|dictad|voz a texto/i },
  {
    id: 'directions',
    test: /check(s|ing)? for understanding|repeat(ed)? direction|directions|simplif(y|ied) instruction|chunk|instrucciones|verificar (la )?comprensi[oó]n|comprobar (que )?entiend/i,
  },
  {
    id: 'shorter',
    test: /reduc|fewer|shorten|shorter|modified (assign|work|format)|menos (preguntas|problemas|ejercicios|palabras)|acortad|m[aá]s cort[ao]s?|tareas modificadas/i,
  },
  {
    id: 'notes',
    test: /notes|graphic organi[sz]er|study guide|apuntes|notas de (la )?clase|organizador gr[aá]fico|gu[ií]a de estudio/i,
  },
  {
    id: 'fidget',
    test: /fidget|wiggle|movement|stand(ing)? desk|objeto sensorial|juguete sensorial|movimiento|escritorio de pie/i,
  },
  {
    id: 'schedule',
    test: /visual schedule|picture schedule|first.then|horario visual|agenda visual|horario con (im[aá]genes|dibujos)|primero.{1,3}despu[eé]s/i,
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
  const math = today.find((p) => /math|matem[aá]tica/i.test(p.className));
  return (math ?? today[0])?.className ?? null;
}

function accommodationQuestion(
  acc: CheckInAccommodation,
  sources: CheckInSources,
  language: CheckInLanguage,
): CheckInQuestion {
  const { t } = translators[language];
  const template = TEMPLATES.find((p) => p.test.test(acc.text));
  const className = classFor(acc, sources);
  // English says a class in lower case ("in math"); other languages keep the timetable's name.
  const named = className ? (language === 'en' ? className.toLowerCase() : className) : null;
  const cls = named ?? t('checkinq.class');
  const when = t(sources.schoolDays.includes(sources.date) ? 'checkinq.when.today' : 'checkinq.when.week');
  const text = shortText(acc.text);
  // A calculator question with no class of its own is about math.
  const askCls =
    template?.id === 'calculator' && cls === t('checkinq.class') ? t('checkinq.class.math') : cls;
  return {
    key: `accommodation:${acc.id}`,
    kind: 'accommodation',
    subjectId: acc.id,
    date: null,
    ask: template
      ? t(`checkinq.acc.${template.id}.ask`, { cls: askCls, when })
      : t('checkinq.acc.other.ask', { text }),
    followUp: t(template ? `checkinq.acc.${template.id}.followUp` : 'checkinq.acc.other.followUp'),
    why: t('checkinq.acc.why', { text }),
    className,
    setting: template?.setting ?? (acc.appliesTo === 'tests' ? 'test' : null),
  };
}

function sessionQuestions(sources: CheckInSources, language: CheckInLanguage): CheckInQuestion[] {
  const { t } = translators[language];
  const questions: CheckInQuestion[] = [];
  const sorted = [...sources.services].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  for (const service of sorted) {
    const words = childWordsForService(service, language);
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
    const pullOut = service.setting === 'pull_out';
    if (days.length > 0) {
      // Ask about the day someone says it happened: the child's memory is the check on the log.
      const day = days.at(-1)!;
      questions.push({
        key: `session:${service.id}:${day}`,
        kind: 'session',
        subjectId: service.id,
        date: day,
        ask: t('checkinq.session.ask', { service: words, day: dayPhrase(day, sources.date, language) }),
        followUp: pullOut
          ? t('checkinq.session.followUp.pullOut', { service: words })
          : t('checkinq.session.followUp'),
        why: t('checkinq.session.why', { weekday: weekdayIn(day, language) }),
        className: null,
        setting: null,
      });
    } else {
      questions.push({
        key: `session:${service.id}:week`,
        kind: 'session',
        subjectId: service.id,
        date: null,
        ask: t('checkinq.week.ask', { service: words }),
        followUp: pullOut
          ? t('checkinq.week.followUp.pullOut', { service: words })
          : t('checkinq.week.followUp'),
        why:
          missedDays.length > 0
            ? t('checkinq.week.why.missed', {
                service: words,
                serviceAtStart: capitalize(words),
                days: listIn(
                  language,
                  missedDays.map((d) => weekdayIn(d, language)),
                ),
              })
            : t('checkinq.week.why.none', { service: words }),
        className: null,
        setting: null,
      });
    }
  }
  return questions.slice(0, MAX_SESSION_QUESTIONS);
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const spanishList = new Intl.ListFormat('es', { style: 'long', type: 'conjunction' });
/** "Monday, Tuesday and Wednesday"; in Spanish "lunes, martes y miércoles". */
const listIn = (language: CheckInLanguage, items: string[]) =>
  language !== 'en'
    ? spanishList.format(items)
    : items.length <= 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

function behaviorQuestion(sources: CheckInSources, language: CheckInLanguage): CheckInQuestion | null {
  if (!sources.planId || sources.behaviorSteps.length === 0) return null;
  const { t } = translators[language];
  const reward = sources.behaviorSteps.find((s) => s.kind === 'reward');
  return {
    key: `behavior:${sources.planId}`,
    kind: 'behavior',
    subjectId: sources.planId,
    date: null,
    ask: t('checkinq.behavior.ask'),
    followUp: reward
      ? t('checkinq.behavior.followUp.reward', { reward: shortText(reward.text) })
      : t('checkinq.behavior.followUp.calm'),
    why: t('checkinq.behavior.why'),
    className: null,
    setting: null,
  };
}

/**
 * This week's questions, in `language` (English unless asked). Sessions first (at most three: the
 * services with a session logged this week are asked about that day), then the accommodations in
 * plan order, then the behavior plan, up to MAX_CHECK_IN_QUESTIONS in all. When the accommodations
 * alone would overflow the list, the behavior question keeps its place: it is the one open question
 * about the whole week. The keys are the same in every language, so answers match their questions.
 */
export function checkInQuestions(
  sources: CheckInSources,
  language: CheckInLanguage = 'en',
): CheckInQuestion[] {
  const sessions = sessionQuestions(sources, language);
  const behavior = behaviorQuestion(sources, language);
  const room = MAX_CHECK_IN_QUESTIONS - sessions.length - (behavior ? 1 : 0);
  const accommodations = sources.accommodations
    .slice(0, Math.max(0, room))
    .map((a) => accommodationQuestion(a, sources, language));
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
          params: { rule: 'checkIn.dayRequired' },
        });
      }
      const day = a.kind === 'session' ? a.sessionDate : a.aboutDate;
      if (day && (day < addDays(from, -7) || day > input.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', i, a.kind === 'session' ? 'sessionDate' : 'aboutDate'],
          message: `must be between ${addDays(from, -7)} and the check-in date (${input.date})`,
          params: { rule: 'checkIn.dayOutside', from: addDays(from, -7), to: input.date },
        });
      }
    });
  });
export type CheckInInput = z.infer<typeof CheckInInput>;

/**
 * How a child's words are kept in the note of the record an answer becomes, in the language of the
 * parent who wrote them down (the question was asked in it); the child's words as given.
 */
export function childReportNote(
  childName: string,
  ask: string,
  words: string | null,
  language: CheckInLanguage = 'en',
): string {
  const { t } = translators[language];
  return words
    ? t('checkinq.note.said', { ask, child: childName, words })
    : t('checkinq.note.asked', { ask });
}
