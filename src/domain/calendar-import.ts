// What a district calendar's event means for the school calendar: a holiday, a break, a closure, an
// early dismissal, or not a day off at all (a school day with something on it: picture day, a board
// meeting). Read from the district's own words (English and Spanish), the days it spans and whether
// it has a time. Each answer says how sure it is ('check' goes to the top of the parent's review)
// and which words decided it. Pure: no I/O, no clock; never throws.

import type { CalendarDayKind } from './school-calendar-model.ts';

export type ImportConfidence = 'sure' | 'check';

/** An event as the classifier reads it (the importer's output, src/importers/ics.ts). */
export type DistrictEvent = {
  summary: string;
  description?: string | null;
  startDate: string;
  endDate: string;
  allDay: boolean;
  startTime?: string | null;
};

export type ClassifiedEvent = {
  /** The kind of day, or null: not a day off (a school day). */
  kind: CalendarDayKind | null;
  confidence: ImportConfidence;
  /** In plain words, why: "It says “no school”." */
  reason: string;
  /** The district's words that decided it, as found (lower case, without accents or punctuation); null when none did. */
  matched: string | null;
};

type Rule = { pattern: RegExp; words: string };

const rule = (words: string, pattern: RegExp): Rule => ({ words, pattern });

/** Words that say the school is closed by surprise: weather, an emergency. */
const CLOSURE = [
  rule('snow day', /\bsnow (day|closure|closing)\b/),
  rule('emergency closure', /\bemergency (closure|closing|day|school closure)\b/),
  rule('emergency', /\bemergency\b.*\bclos/),
  rule('weather', /\b(inclement weather|weather (day|closure|closing|related))\b/),
  rule('closed due to', /\bclosed (due to|because of|for weather)\b/),
  rule('power outage', /\bpower (outage|failure|cut)\b/),
  rule('dia de nieve', /\bdia de nieve\b/),
  rule('cierre de emergencia', /\bcierre (de emergencia|por (mal )?tiempo)\b/),
];

/** Words of a school day that ends early. */
const EARLY = [
  rule('early dismissal', /\bearly (dismissal|dismiss|release|release day|out)\b/),
  rule('minimum day', /\bminimum days?\b/),
  rule('half day', /\b(half|1 2|one half) (day|days|session)\b/),
  rule('shortened day', /\bshort(ened)? (day|schedule)\b/),
  rule('noon dismissal', /\b(noon|midday) dismissal\b/),
  rule('dismissal at', /\b(dismissal|dismissed|release|released)( at)? \d{1,2}( \d{2})?( ?[ap] ?m)?\b/),
  rule('dismissal at', /\b\d{1,2}( \d{2})?( ?[ap] ?m)? (dismissal|release)\b/),
  rule('salida temprana', /\bsalida (temprana|anticipada)\b/),
  rule('dia minimo', /\bdias? minimos?\b/),
  rule('medio dia', /\bmedio dia\b/),
];

/** Words that say students have no school that day, whatever the reason. */
const NO_SCHOOL = [
  rule('no school', /\bno (school|classes|class|students|student attendance)\b/),
  rule('schools closed', /\b(schools?|district|buildings?) (is |are )?closed\b/),
  rule('closed', /^closed\b/),
  rule(
    'student holiday',
    /\bstudents? (holiday|day off|off|not in attendance|do not attend|non attendance)\b/,
  ),
  rule('non student day', /\bnon ?(student|attendance|instructional|school) days?\b/),
  rule('day off', /\bdays? off\b/),
  rule('no hay clases', /\bno hay (clases|escuela)\b/),
  rule('sin clases', /\bsin (clases|escuela|estudiantes)\b/),
  rule('escuelas cerradas', /\b(escuelas?|oficinas) cerradas?\b/),
  rule('no asisten', /\b(estudiantes|alumnos) no asisten\b/),
];

/** Staff days: teachers work, students stay home (most often). */
const STAFF_DAY = [
  rule('in-service', /\bin ?service\b/),
  rule('professional development', /\b(professional (development|learning|day)|pd day|pd)\b/),
  rule('staff development', /\bstaff (development|day|work day|workday|planning)\b/),
  rule('teacher work day', /\bteachers? (work ?day|planning|institute|prep|preparation|day|in ?service)\b/),
  rule('teacher work day', /\bteacher only\b/),
  rule('records day', /\b(records|grading|report card prep|data) day\b/),
  rule('institute day', /\binstitute day\b/),
  rule('desarrollo profesional', /\b(desarrollo|capacitacion) (profesional|del personal|de maestros)\b/),
  rule('dia de trabajo', /\bdia de trabajo\b/),
];

/** Words of a break: several days off in a row. */
const BREAK = [
  rule('break', /\bbreak\b/),
  rule('recess', /\brecess\b/),
  rule('vacation', /\bvacation\b/),
  rule('vacaciones', /\bvacaciones\b/),
  rule('receso', /\b(receso|descanso)\b/),
];

/** Holidays schools are closed for, every district alike. */
const SURE_HOLIDAYS = [
  rule('labor day', /\blabou?r day\b/),
  rule('thanksgiving', /\bthanksgiving\b/),
  rule('christmas', /\bchristmas\b/),
  rule('new year', /(?<!lunar )\bnew years?( day| eve)?\b/),
  rule('martin luther king', /\b(martin luther king|mlk)\b/),
  rule('memorial day', /\bmemorial day\b/),
  rule('independence day', /\bindependence day|fourth of july|july 4(th)?\b/),
  rule('dia festivo', /\b(dia )?festivo\b|\bferiado\b/),
  rule('accion de gracias', /\baccion de gracias\b/),
  rule('navidad', /\bnavidad\b/),
  rule('ano nuevo', /\bano nuevo\b/),
  rule('dia del trabajo', /\bdia del trabajo\b/),
];

/** Holidays some districts close for and others do not. */
const MAYBE_HOLIDAYS = [
  rule('holiday', /\bholidays?\b/),
  rule('presidents day', /\bpresidents?'? day|washington'?s birthday|lincoln'?s birthday\b/),
  rule('veterans day', /\bveterans'? day\b/),
  rule('columbus day', /\bcolumbus day\b/),
  rule('indigenous peoples day', /\bindigenous peoples'? day\b/),
  rule('juneteenth', /\bjuneteenth\b/),
  rule('good friday', /\bgood friday\b/),
  rule('yom kippur', /\byom kippur\b/),
  rule('rosh hashanah', /\brosh hashanah?\b/),
  rule('eid', /\beid( al (fitr|adha))?\b/),
  rule('diwali', /\bdiwali\b/),
  rule('lunar new year', /\blunar new year\b/),
  rule('cesar chavez day', /\bcesar chavez\b/),
  rule('election day', /\belection day\b/),
  rule('patriots day', /\bpatriots'? day\b/),
  rule('casimir pulaski day', /\bpulaski\b/),
];

/** Events held on a school day: not a day off. */
const SCHOOL_DAY = [
  rule('first day of school', /\bfirst day( of (school|classes|class|instruction))?\b/),
  rule('last day of school', /\blast day( of (school|classes|class|instruction))?\b/),
  rule('picture day', /\b(picture|photo|pictures) (day|retakes?)\b|\bretake day\b/),
  rule('back to school night', /\b(back to school|open house|curriculum) (night|event|bbq)\b/),
  rule('meeting', /\b(pta|pto|ptsa|pac|board|school board|site council|parent) (meeting|mtg)\b|\bmeeting\b/),
  rule('pta', /\b(pta|pto|ptsa)\b/),
  rule('conferences', /\bconferences?\b/),
  rule(
    'school event',
    /\b(concert|assembly|performance|play|dance|fair|festival|carnival|fundraiser|field trip|field day|spirit (day|week)|book fair|game|tournament|graduation|promotion|commencement|ceremony|celebration|parade|orientation|registration|tour|workshop|webinar|night)\b/,
  ),
  rule('school event', /\b(testing|test|exams?|finals|assessment|sat|act|psat|ap exams?|state test)\b/),
  rule(
    'school event',
    /\b(report cards?|progress reports?|end of (the )?((first|second|third|fourth|1st|2nd|3rd|4th) )?(quarter|trimester|semester|term|grading period)|grades due|deadline)\b/,
  ),
  rule(
    'school resumes',
    /\b(resume|resumes|reopen|reopens|return|returns|back to school|classes begin|school begins|school starts)\b/,
  ),
  rule('late start', /\blate (start|arrival|opening)\b|\bdelayed (start|opening)\b/),
  rule('dia de fotos', /\bdia de (fotos|fotografias)\b/),
  rule('reunion', /\breunion\b|\bjunta\b/),
  rule('primer dia', /\b(primer|ultimo) dia( de clases| de escuela)?\b/),
  rule('regreso a clases', /\bregreso a (clases|la escuela)\b/),
];

/** Lower case, accents off, punctuation as spaces: "Día festivo – No School" → "dia festivo no school". */
export function normalizeWords(text: string): string {
  return String(text ?? '')
    .slice(0, 1000)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9'ñ]+/g, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first rule that matches, with the words as the text has them ("no school", "labor day"). */
function find(rules: readonly Rule[], text: string): Rule | null {
  if (!text) return null;
  for (const r of rules) {
    const m = r.pattern.exec(text);
    if (m) return { pattern: r.pattern, words: m[0].trim() || r.words };
  }
  return null;
}

function daysSpanned(e: DistrictEvent): number {
  const a = Date.parse(`${e.startDate}T00:00:00Z`);
  const b = Date.parse(`${e.endDate}T00:00:00Z`);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return 1;
  return Math.round((b - a) / 86_400_000) + 1;
}

const quoted = (words: string) => `“${words}”`;

function result(
  kind: CalendarDayKind | null,
  confidence: ImportConfidence,
  reason: string,
  matched: Rule | null,
): ClassifiedEvent {
  return { kind, confidence, reason, matched: matched?.words ?? null };
}

/** A day off as a holiday (one day) or a break (several). */
function dayOff(e: DistrictEvent, confidence: ImportConfidence, reason: string, matched: Rule | null) {
  const days = daysSpanned(e);
  if (days > 1)
    return result('break', confidence, `${reason} It runs ${days} days, so it is a break.`, matched);
  return result('holiday', confidence, reason, matched);
}

/** What the district's event is, for the school calendar (see the header). Never throws. */
export function classifyDistrictEvent(event: DistrictEvent): ClassifiedEvent {
  try {
    return classify(event);
  } catch {
    return result(null, 'check', 'As Written could not read this one; choose what it is.', null);
  }
}

function classify(e: DistrictEvent): ClassifiedEvent {
  const text = normalizeWords(e.summary);
  const notes = normalizeWords(e.description ?? '');
  const timed = !e.allDay;

  const closure = find(CLOSURE, text);
  if (closure)
    return result('closure', 'sure', `It says ${quoted(closure.words)}: the school was closed.`, closure);

  const early = find(EARLY, text);
  if (early) {
    const alsoNone = find(NO_SCHOOL, text);
    return result(
      'early_dismissal',
      alsoNone ? 'check' : 'sure',
      alsoNone
        ? `It says ${quoted(early.words)} and ${quoted(alsoNone.words)}; check whether your child has school.`
        : `It says ${quoted(early.words)}: a school day that ends early.`,
      early,
    );
  }

  const none = find(NO_SCHOOL, text);
  const staff = find(STAFF_DAY, text);
  const breakWords = find(BREAK, text);
  const sureHoliday = find(SURE_HOLIDAYS, text);
  const maybeHoliday = find(MAYBE_HOLIDAYS, text);
  const schoolDay = find(SCHOOL_DAY, text);

  // "School resumes after winter break", "Last day before Thanksgiving break": a school day, unless it
  // also says there is no school.
  if (schoolDay && !none) {
    const aroundBreak = breakWords || sureHoliday || maybeHoliday || staff;
    return result(
      null,
      aroundBreak ? 'check' : 'sure',
      aroundBreak
        ? `It says ${quoted(schoolDay.words)}: most likely a school day, next to a day off. Check it.`
        : `It says ${quoted(schoolDay.words)}: a school event, not a day off.`,
      schoolDay,
    );
  }

  if (timed && !none) {
    // A timed event is most often something held on a school day (a meeting at 6 pm).
    const hint = breakWords || sureHoliday || maybeHoliday || staff;
    return result(
      null,
      hint ? 'check' : 'sure',
      hint
        ? `It has a time of day, so it is most likely not a day off, but it says ${quoted(hint.words)}. Check it.`
        : 'It has a time of day and says nothing about no school: not a day off.',
      hint,
    );
  }

  if (staff) {
    if (none) return dayOff(e, 'sure', `A staff day, and it says ${quoted(none.words)}.`, staff);
    return dayOff(
      e,
      'check',
      `It says ${quoted(staff.words)}: most often no school for students. Check it.`,
      staff,
    );
  }

  if (breakWords) {
    const sure = !timed;
    return result(
      'break',
      sure ? 'sure' : 'check',
      `It says ${quoted(breakWords.words)}: days off in a row.`,
      breakWords,
    );
  }

  if (sureHoliday) {
    const reason = none
      ? `It says ${quoted(sureHoliday.words)} and ${quoted(none.words)}.`
      : `It says ${quoted(sureHoliday.words)}: schools close that day.`;
    return dayOff(e, timed ? 'check' : 'sure', reason, sureHoliday);
  }

  if (none) {
    const named = maybeHoliday ? `${quoted(maybeHoliday.words)} and ` : '';
    return dayOff(e, timed ? 'check' : 'sure', `It says ${named}${quoted(none.words)}.`, none);
  }

  if (maybeHoliday) {
    return dayOff(
      e,
      'check',
      `It says ${quoted(maybeHoliday.words)}: some districts have school that day. Check it.`,
      maybeHoliday,
    );
  }

  // The name says nothing; the notes may ("No school for students").
  const noted = find(NO_SCHOOL, notes) ?? find(CLOSURE, notes);
  if (noted) {
    const closed = find(CLOSURE, notes);
    if (closed) return result('closure', 'check', `Its notes say ${quoted(closed.words)}. Check it.`, closed);
    return dayOff(e, 'check', `Its notes say ${quoted(noted.words)}. Check it.`, noted);
  }

  if (daysSpanned(e) > 1)
    return result(null, 'check', 'It runs several days and says nothing about school. Check it.', null);
  return result(null, 'sure', 'Nothing in its name says there is no school.', null);
}
