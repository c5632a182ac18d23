import type { CaseContact } from './case-record.ts';

// A team member's role, as the rules that look for one read it. Role text is free text the family types or
// the IEP prints ("Case manager / resource teacher"), and the rules that find the case manager, a class's
// teacher, the principal, the district's director or a service's provider read it with English patterns
// (src/domain/letter-words.ts, src/domain/advisor/ladder.ts, the jurisdictions' ladders). A family that
// keeps its record in Spanish types "Maestra de educación especial", "Directora de la escuela" or
// "Patóloga del habla"; read as they are, the case manager was not found, a principal ("directora") was
// taken for a district director, which moved the advisor up the ladder, and the speech therapist was not
// the speech service's provider. `roleForMatching` gives the words those patterns read: each Spanish title
// rewritten into its English counterpart, most specific first, the rest of the text as it was. A role in
// English comes back unchanged, so every English rule reads exactly what it read before.
//
// Spanish "director(a)" alone is a school's principal; "director(a) de educación especial" or "del
// distrito" is the district's. A bare "Director" is left as it is (in English it is the district's title).

const L = '\\p{L}';
/** A Spanish word or phrase as a whole-word pattern (case-insensitive). */
const phrase = (source: string) => new RegExp(`(?<![${L}])(?:${source})(?![${L}])`, 'giu');
/** A noun in -o/-a with the forms schools write for either ("maestro(a)", "maestro/a"). */
const oa = (stem: string) => `${stem}(?:o\\(a\\)|o\\/a|a\\(o\\)|o|a)`;
/** A noun in -or/-ora with the forms schools write for either ("coordinador(a)", "coordinador/a"). */
const ora = (stem: string) => `${stem}or(?:a|\\(a\\)|\\/a)?`;

/** Spanish "director(a)" in a form English never writes (a bare "Director" stays the district's). */
const DIRECTORA = 'director(?:a|\\(a\\)|\\/a)';
const DIRECTOR_ANY = 'director(?:a|\\(a\\)|\\/a)?';
const TEACHER = `(?:${oa('maestr')}|${ora('profes')}|docente)`;
const OF = '(?:de(?:l| la| las| los)?)';
const EDUCATION = 'educaci[oó]n';
const SCHOOL = `(?:${OF}\\s+(?:la\\s+)?(?:escuela|colegio|plantel|centro(?:\\s+escolar)?)|escolar)`;

const SPANISH_TITLES: readonly (readonly [RegExp, string])[] = [
  // The district's people first, so that "director(a)" below is only a school's.
  [
    phrase(
      `${DIRECTOR_ANY}\\s+${OF}\\s+(?:${EDUCATION}\\s+especial|servicios\\s+(?:estudiantiles|especiales|para\\s+(?:los\\s+)?estudiantes))`,
    ),
    'director of special education',
  ],
  [phrase(`${DIRECTOR_ANY}\\s+(?:del\\s+)?distrit(?:o|al)(?:\\s+escolar)?`), 'district director'],
  [phrase('superintendente'), 'superintendent'],
  [
    phrase(
      `(?:junta|consejo|mesa\\s+directiva)(?:\\s+${OF})?\\s+(?:escolar|${EDUCATION}|fideicomisarios)|mesa\\s+directiva`,
    ),
    'school board',
  ],
  [phrase('fideicomisari[oa]s?'), 'trustee'],
  // The school's leaders.
  [phrase(`(?:sub|vice)${DIRECTOR_ANY}(?:\\s+${SCHOOL})?`), 'assistant principal'],
  [phrase(`${DIRECTOR_ANY}\\s+${SCHOOL}|${DIRECTORA}`), 'principal'],
  // Case managers and the teachers of special education, before teachers.
  [
    phrase(
      `(?:${ora('administrad')}|${ora('gest')}|${ora('coordinad')}|${oa('encargad')})\\s+${OF}\\s+casos?`,
    ),
    'case manager',
  ],
  [phrase(`${ora('coordinad')}(?:\\s+${OF}(?:\\s+la)?\\s+secci[oó]n)?\\s+504`), '504 coordinator'],
  [
    phrase(`${TEACHER}\\s+${OF}\\s+(?:${EDUCATION}\\s+especial|recursos|apoyo(?:\\s+educativo)?)`),
    'special education teacher',
  ],
  [
    phrase(`${TEACHER}\\s+(?:${OF}\\s+(?:aula|clase|grado|sal[oó]n|${EDUCATION}\\s+general)|titular)`),
    'classroom teacher',
  ],
  [phrase(TEACHER), 'teacher'],
  [phrase('distrito'), 'district'],
  // Providers, by the words of their service (letter-words.ts reads them by family).
  [
    phrase(
      `${oa('pat[oó]log')}\\s+${OF}\\s+habla(?:\\s+y\\s+(?:el\\s+)?lenguaje)?|logopeda|${oa('fonoaudi[oó]log')}`,
    ),
    'speech-language pathologist',
  ],
  [phrase('habla'), 'speech'],
  [phrase('lenguaje'), 'language'],
  [phrase('(?:terapeuta|terapia)\\s+ocupacional'), 'occupational therapist'],
  [
    phrase('fisioterapeuta|fisioterapia|terapeuta\\s+f[ií]sic[oa]|terapia\\s+f[ií]sica'),
    'physical therapist',
  ],
  [phrase(`${ora('trabajad')}\\s+social`), 'social worker'],
  [phrase(`${oa('consejer')}|${ora('orientad')}`), 'counselor'],
  [phrase(oa('psic[oó]log')), 'psychologist'],
  [phrase(`analista\\s+${OF}\\s+(?:conducta|comportamiento)`), 'behavior analyst'],
  [phrase('conducta|comportamiento'), 'behavior'],
  [phrase('lectura'), 'reading'],
  [phrase('alfabetizaci[oó]n'), 'literacy'],
  [phrase('dislexia'), 'dyslexia'],
  // "vision" is the English word already; only the accented Spanish needs a rewrite.
  [phrase('visión'), 'vision'],
  [phrase(oa('audi[oó]log')), 'audiologist'],
  [phrase('audici[oó]n'), 'hearing'],
];

/** Whether a role may have a Spanish title to rewrite (most roles do not: the rewrite is then skipped). */
const MAY_BE_SPANISH =
  /maestr|profes|docente|director|superintendente|junta|consejo|mesa|fideicomis|caso|coordinad|administrad|gestor|encargad|distrito|habla|lenguaje|logopeda|fonoaudi|pat[oó]log|terap|fisio|trabajad|consejer|orientad|psic|conducta|comportamiento|lectura|alfabetiz|dislexia|visión|audi/iu;

/** A role's words as the role rules read them: Spanish titles in their English counterparts (see above). */
export function roleForMatching(role: string): string {
  if (!MAY_BE_SPANISH.test(role)) return role;
  let text = role.normalize('NFC');
  for (const [pattern, english] of SPANISH_TITLES) text = text.replace(pattern, english);
  return text;
}

// Who holds a role on the team. Role text is free text ("Case manager / resource teacher"), so each
// role is a list of patterns, most specific first: the first pattern any contact matches wins.

export type TeamRole = 'case_manager' | 'teacher' | 'principal' | 'director' | 'superintendent' | 'board';

const ROLE_PATTERNS: Readonly<Record<TeamRole, readonly RegExp[]>> = {
  case_manager: [
    /case[\s-]*manager/iu,
    /case\s+(?:coordinator|carrier|worker)/iu,
    /504\s+coordinator/iu,
    /special[\s-]*ed(?:ucation)?\s+teacher|resource\s+teacher|learning\s+support\s+teacher/iu,
  ],
  teacher: [
    /classroom\s+teacher|general[\s-]*ed(?:ucation)?\s+teacher|homeroom\s+teacher/iu,
    /(?<!special[\s-]*ed(?:ucation)?\s+|resource\s+)teacher/iu,
    /teacher/iu,
  ],
  principal: [/^\s*principal\s*$/iu, /(?<!vice[\s-]|assistant\s|deputy\s)principal/iu, /principal/iu],
  director: [
    /director\s+of\s+special|special[\s-]*ed(?:ucation)?\s+director|sped\s+director/iu,
    /director\s+of\s+(?:student|pupil)\s+services|(?:student|pupil)\s+services\s+director/iu,
    /director/iu,
  ],
  superintendent: [/superintendent/iu],
  board: [/school\s+board|board\s+of\s+(?:education|trustees)|trustee/iu],
};

/** The contacts holding `role`, best match first (all contacts matching the most specific pattern). */
export function contactsWithRole(team: readonly CaseContact[], role: TeamRole): CaseContact[] {
  for (const pattern of ROLE_PATTERNS[role]) {
    const found = team.filter((c) => pattern.test(roleForMatching(c.role)));
    if (found.length > 0) return found;
  }
  return [];
}

// Families of provider words: a service "Speech-language therapy" and a contact "SLP" are the same family.
const PROVIDER_FAMILIES: readonly RegExp[] = [
  /speech|language|slp|articulation/iu,
  /occupational|(?<![\p{L}])ot(?![\p{L}])/iu,
  /physical\s+therap|(?<![\p{L}])pt(?![\p{L}])/iu,
  /counsel|psycholog|social\s+work/iu,
  /reading|literacy|dyslexia/iu,
  /behavio|bcba|aba(?![\p{L}])/iu,
  /vision|braille|orientation/iu,
  /hearing|audiolog|deaf/iu,
];

/**
 * The contact who provides a service: a role naming the service's provider role ("Speech-language
 * pathologist"), else a role in the same family of words as the service ("SLP" for speech therapy).
 */
export function providerFor(
  team: readonly CaseContact[],
  service: { name: string; providerRole: string | null },
): CaseContact | null {
  const wanted = service.providerRole?.trim().toLowerCase();
  if (wanted) {
    const exact = team.find((c) => {
      const role = c.role.trim().toLowerCase();
      return role.length > 0 && (role.includes(wanted) || wanted.includes(role));
    });
    if (exact) return exact;
  }
  const serviceWords = roleForMatching(`${service.name} ${service.providerRole ?? ''}`);
  for (const family of PROVIDER_FAMILIES) {
    if (!family.test(serviceWords)) continue;
    const found = team.find((c) => family.test(roleForMatching(c.role)));
    if (found) return found;
  }
  return null;
}
