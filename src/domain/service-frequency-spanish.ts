// Spanish service lines for the service-line parser (service-frequency-parser.ts). Pure: no I/O.
//
// Parents who keep their record from the Spanish translation of a US IEP type the service as it is written
// there: "Terapia del habla, 30 minutos 2 veces por semana, fuera del aula". The parser reads English; rather
// than a second parser, a Spanish line is rewritten, phrase by phrase, into the English the parser already
// reads ("... 30 minutes 2 times per week, outside the classroom"), so both languages share one set of
// readers and one set of product choices (ranges count their lower figure, "bisemanal" is asked for, terms
// are counted per term of the school calendar, "según sea necesario" has no frequency).
//
// The rewrite keeps a map from each position of the rewritten text back to the line as typed, so every
// phrase the parser quotes in its notes, and the service name, are the parent's own Spanish words.
//
// Only a line with a Spanish word of its own ("minutos", "veces", "semana", "por", "terapia"...) is
// rewritten; an English line is left exactly as it was, so no English reading changes.

/** The rewritten text and, for each position in it, the position in the original text. */
export type SpanishText = {
  text: string;
  /** `starts[i]`: where the character at `i` begins in the original (length text.length + 1). */
  starts: number[];
  /** `ends[i]`: where a span ending at `i` ends in the original (length text.length + 1). */
  ends: number[];
};

const ACCENTS: Record<string, string> = {
  á: 'a',
  à: 'a',
  â: 'a',
  ä: 'a',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ñ: 'n',
  ç: 'c',
};

/** Spanish accents folded to plain letters, with the same length ("días" is "dias", "año" is "ano"). */
export function foldAccents(lower: string): string {
  return lower.replace(/[áàâäéèêëíìîïóòôöúùûüñç]/g, (c) => ACCENTS[c] ?? c);
}

class Rewrite {
  text: string;
  starts: number[];
  ends: number[];

  constructor(text: string) {
    this.text = text;
    this.starts = Array.from({ length: text.length + 1 }, (_, i) => i);
    this.ends = Array.from({ length: text.length + 1 }, (_, i) => i);
  }

  /** Replaces every match of `re` by what `to` gives (a match it returns null for is kept). */
  sub(re: RegExp, to: string | ((m: RegExpExecArray) => string | null)) {
    const { text, starts, ends } = this;
    const found: { a: number; b: number; rep: string }[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const rep = typeof to === 'string' ? to : to(m);
      if (rep == null || rep === m[0] || rep.length === 0) continue;
      found.push({ a: m.index, b: m.index + m[0].length, rep });
    }
    re.lastIndex = 0;
    if (!found.length) return;
    const parts: string[] = [];
    const ns: number[] = [];
    const ne: number[] = [ends[0]!];
    let pos = 0;
    const copy = (upTo: number) => {
      parts.push(text.slice(pos, upTo));
      for (; pos < upTo; pos++) {
        ns.push(starts[pos]!);
        ne.push(ends[pos + 1]!);
      }
    };
    for (const { a, b, rep } of found) {
      copy(a);
      // A replacement stands for the whole phrase: it starts where the phrase starts and ends where it ends.
      parts.push(rep);
      for (let k = 0; k < rep.length; k++) {
        ns.push(starts[a]!);
        ne.push(ends[b]!);
      }
      pos = b;
    }
    copy(text.length);
    ns.push(starts[text.length]!);
    this.text = parts.join('');
    this.starts = ns;
    this.ends = ne;
  }
}

/** Wraps alternatives so they match whole words only. */
const w = (src: string) => new RegExp(`(?<![a-z0-9])(?:${src})(?![a-z])`, 'g');

// ---------------------------------------------------------------------------------------------
// Numbers

const UNITS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
};
const SIMPLE: Record<string, number> = {
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  veinte: 20,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
};
const TENS = 'treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa';
const UNIT_SRC = Object.keys(UNITS).join('|');
const SIMPLE_SRC = Object.keys(SIMPLE)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A number as a Spanish line writes it, once the words are digits: "30", "1.5", "1,5". */
const N = '\\d+(?:[.,]\\d+)?';
const numOf = (raw: string) => Number(raw.replace(',', '.'));
function wordNumber(raw: string): number {
  if (/^\d/.test(raw)) return numOf(raw);
  return UNITS[raw] ?? SIMPLE[raw] ?? Number.NaN;
}
/** What a count or length is of, after a number. */
const AFTER_NUMBER =
  'minutos?|min|mins|horas?|hrs?|h|sesion(?:es)?|ses|vez|veces|dias?|semanas?|mes(?:es)?|anos?|periodos?|ciclos?|visitas?|bloques?';

// ---------------------------------------------------------------------------------------------
// The words

/**
 * Words only a Spanish line has: the rewrite runs only when one is there. Not "Dias" without its accent, a
 * surname an English line may name ("provided by Ms. Dias"); "días" with it is Spanish.
 */
const SPANISH_MARKER = w(
  'minutos?|horas?|veces|vez|sesion(?:es)?|semanas?|semanal(?:es|mente)?|mes|meses|mensual(?:es|mente)?|anos?|anual(?:es|mente)|diari[oa]s?|diariamente|cada|por|quincenal(?:es|mente)?|bisemanal(?:es|mente)?|trimestre|semestre|terapia|habla|lenguaje|consejeria|orientacion|psicologia|fisioterapia|ocupacional|consulta|segun|necesario|cuando|aula|salon|grupo|fuera|dentro|instruccion|ensenanza|lectura|escritura|matematicas|apoyo|conductual|servicios?|salud|enfermeria|trabajo\\s+social|transporte|audicion|educacion|ciclo|escolar(?:es)?|estudiantes?|alumn[oa]s?|individualmente|semana\\s+por\\s+medio',
);

const MONTHS_ES: Record<string, string> = {
  enero: 'january',
  febrero: 'february',
  marzo: 'march',
  abril: 'april',
  mayo: 'may',
  junio: 'june',
  julio: 'july',
  agosto: 'august',
  septiembre: 'september',
  setiembre: 'september',
  octubre: 'october',
  noviembre: 'november',
  diciembre: 'december',
};
const MONTH_ES_SRC = Object.keys(MONTHS_ES).join('|');

const PROVIDER_WORDS =
  'patolog|terapeuta|fisioterapeuta|psicolog|consejer|orientador|trabajador|maestr|docente|profesor|paraprofesional|asistente|auxiliar|enfermer|analista|especialista|audiolog|slp|ot|pt|bcba';

/**
 * The rewrite, in order: each rule sees what the rules before it made. Phrases come before the words in
 * them ("a la semana" before "la", "aula de recursos" before "aula", "maestro de educación especial" before
 * "educación especial"), and numbers before the ranges and counts that use them.
 */
const RULES: [RegExp, string | ((m: RegExpExecArray) => string | null)][] = [
  // No fixed amount: read as English "as needed", "ongoing"...
  [
    w(
      'segun\\s+(?:sea|se\\s+considere|se\\s+estime|resulte|lo\\s+considere)\\s+(?:necesario|conveniente)|segun\\s+(?:se\\s+)?(?:lo\\s+)?necesite(?:n)?|segun\\s+(?:la\\s+)?necesidad|cuando\\s+(?:sea|se\\s+considere)\\s+necesario|cuando\\s+se\\s+necesite|si\\s+es\\s+necesario|si\\s+se\\s+necesita|de\\s+ser\\s+necesario|en\\s+caso\\s+(?:de\\s+ser\\s+)?necesario|a\\s+demanda',
    ),
    'as needed',
  ],
  [w('segun\\s+(?:corresponda|sea\\s+apropiado|sea\\s+conveniente)'), 'as appropriate'],
  [
    w(
      'segun\\s+(?:lo\\s+)?(?:determine|decida)\\s+(?:el\\s+)?(?:equipo(?:\\s+del\\s+iep)?|proveedor|maestr[oa]|terapeuta|personal)',
    ),
    'as determined by the team',
  ],
  [w('(?:por|a)\\s+determinar'), 'tbd'],
  [w('(?:de\\s+(?:forma|manera)\\s+)?continu[oa]|de\\s+(?:forma|manera)\\s+permanente'), 'ongoing'],
  [w('(?:durante\\s+)?todo\\s+el\\s+dia(?:\\s+escolar)?'), 'throughout the school day'],
  [w('en\\s+todo\\s+momento'), 'at all times'],
  [w('varia|variable'), 'varies'],

  // Halves of an hour, and a decimal comma before hours ("1,5 horas").
  [
    w(`(?:(${UNIT_SRC}|\\d+)\\s+)?horas?\\s+y\\s+media`),
    (m) => {
      const n = m[1] ? wordNumber(m[1]) : 1;
      return Number.isFinite(n) ? `${n + 0.5} hours` : null;
    },
  ],
  [w('media\\s+hora'), 'half hour'],
  [/(?<![\d.,])(\d+),(\d+)(?=\s*(?:horas?|hrs?|h)(?![a-z]))/g, (m) => `${m[1]}.${m[2]}`],

  // Weeks, days and months on and off, before the numbers in them.
  [
    w(
      'semanas?\\s+(?:de\\s+)?por\\s+medio|semanas\\s+alternas|semanas\\s+alternadas|cada\\s+otra\\s+semana|una\\s+semana\\s+si\\s*,?\\s*(?:y\\s+)?(?:una\\s+|la\\s+)?otra\\s+no|semana\\s+si\\s*,?\\s*(?:y\\s+)?semana\\s+no',
    ),
    'every other week',
  ],
  [
    w(
      'dias?\\s+(?:de\\s+)?por\\s+medio|dias\\s+alternos|cada\\s+otro\\s+dia|un\\s+dia\\s+si\\s*,?\\s*(?:y\\s+)?(?:un\\s+|el\\s+)?otro\\s+no',
    ),
    'every other day',
  ],
  [w('mes(?:es)?\\s+(?:de\\s+)?por\\s+medio|meses\\s+alternos|cada\\s+otro\\s+mes'), 'every other month'],
  [w('quincenal(?:es|mente)?|cada\\s+(?:15|quince)\\s+dias'), 'every 2 weeks'],
  [w('bisemanal(?:es|mente)?'), 'biweekly'],
  [w('bimensual(?:es|mente)?'), 'bimonthly'],
  [w('bimestral(?:es|mente)?'), 'every 2 months'],
  [w('trimestral(?:es|mente)?'), 'quarterly'],
  [w('semestral(?:es|mente)?'), 'per semester'],

  // Counts said with "vez", and lengths said per session or in total.
  [w('una\\s+vez'), 'once'],
  [w('(?:por\\s+cada|en\\s+cada|cada|por)\\s+(?:vez|sesion|visita)'), 'per session'],
  [w('cada\\s+un[oa]'), 'each'],
  [w('un\\s+total\\s+de'), 'a total of'],
  [w('en\\s+total'), 'in total'],

  // Numbers as words: "treinta y cinco" is 35, "dos" is 2; "un", "una" and "uno" are 1 before what is counted.
  [w(`uno\\s+a\\s+uno|1\\s+a\\s+1`), '1:1'],
  [w(`(${TENS})\\s+y\\s+(${UNIT_SRC})`), (m) => String(SIMPLE[m[1]!]! + UNITS[m[2]!]!)],
  [w(SIMPLE_SRC), (m) => String(SIMPLE[m[0]]!)],
  [w(`once(?=\\s+(?:${AFTER_NUMBER})(?![a-z]))`), '11'],
  [w(`(?:un|una|uno)(?=\\s+(?:${AFTER_NUMBER})(?![a-z]))`), '1'],

  // Dates: "1 de septiembre de 2026" is "september 1, 2026"; and the words around them.
  [
    w(`(\\d{1,2})\\s+de\\s+(${MONTH_ES_SRC})(?:\\s+(?:de|del)\\s+(\\d{4}))?`),
    (m) => `${MONTHS_ES[m[2]!]} ${m[1]}${m[3] ? `, ${m[3]}` : ''}`,
  ],
  [w('hasta(?=\\s+\\d+(?:\\.\\d+)?(?![\\d/.\\-]))'), 'up to'],
  [w('hasta(?:\\s+(?:el|la))?'), 'until'],
  [w('desde(?:\\s+(?:el|la))?'), 'from'],
  [
    w('a\\s+partir\\s+(?:del|de(?:\\s+(?:el|la))?)|(?:comenzando|empezando|iniciando)(?:\\s+(?:el|la))?'),
    'starting',
  ],
  [w('(?:y\\s+)?(?:luego|despues|posteriormente)|y\\s+despues'), 'then'],
  [w('seguid[oa]s?\\s+(?:de|por)'), 'followed by'],
  [w('(?:disminuy|reduc|baj)(?:iendo|e|ira|iran|en)\\s+a|se\\s+reduc(?:e|ira)\\s+a'), 'reducing to'],
  [w('aument(?:ando|a|ara)\\s+a'), 'increasing to'],
  [w('cambi(?:ando|a|ara)\\s+a'), 'changing to'],

  // Ranges: "de 20 a 30 minutos", "entre 20 y 30 min", "20 a 30 minutos" are "20 to 30 minutes".
  [
    w(
      `(de\\s+)?(${N})\\s+a\\s+(${N})(?=\\s*-?\\s*(?:minutos?|min|mins|horas?|hrs?|h|veces|sesion(?:es)?|x)(?![a-z]))`,
    ),
    (m) => `${m[1] ? 'of ' : ''}${m[2]} to ${m[3]}`,
  ],
  [
    w(
      `entre\\s+(${N})\\s+y\\s+(${N})(?=\\s*-?\\s*(?:minutos?|min|mins|horas?|hrs?|h|veces|sesion(?:es)?|x)(?![a-z]))`,
    ),
    (m) => `${m[1]} to ${m[2]}`,
  ],

  // Periods said as phrases.
  [w('a\\s+la\\s+(?:semana|sem\\.?)'), 'per week'],
  [w('al\\s+dia'), 'per day'],
  [w('al\\s+mes'), 'per month'],
  [w('al\\s+ano'), 'per year'],
  [w('todos\\s+los\\s+dias(?:\\s+(?:escolares|lectivos|de\\s+clases?|de\\s+escuela))?'), 'every school day'],
  [w('todas\\s+las\\s+semanas'), 'every week'],
  [w('todos\\s+los\\s+meses'), 'every month'],
  [w('todos\\s+los\\s+anos'), 'every year'],
  [w('dia\\s+(?:escolar|lectivo|de\\s+clases?|de\\s+escuela)'), 'school day'],
  [w('dias\\s+(?:escolares|lectivos|de\\s+clases?|de\\s+escuela)'), 'school days'],
  [w('ano\\s+escolar\\s+extendido|aee'), 'extended school year'],
  [w('ano\\s+escolar'), 'school year'],
  [
    w('periodos?\\s+de\\s+(?:calificaciones|calificacion|notas|evaluacion|reporte|informes?)'),
    'grading period',
  ],
  [w('(?:primer|1er)\\s+semestre'), 'first semester'],
  [w('segundo\\s+semestre'), 'second semester'],
  [w('semestre\\s+de\\s+otono'), 'fall semester'],
  [w('semestre\\s+de\\s+primavera'), 'spring semester'],
  [w('periodos?\\s+de\\s+clases?'), 'class periods'],
  [w(`por(?=\\s+${N}\\s+(?:semanas?|meses|mes|dias?|anos?)(?![a-z]))`), 'for'],
  [w(`durante(?=\\s+${N}\\s+(?:semanas?|meses|mes|dias?|anos?)(?![a-z]))`), 'for'],

  // Who gives the service.
  [w(`(?:proporcionad|brindad|prestad|impartid|ofrecid|dad)[oa]s?\\s+por`), 'provided by'],
  [w(`por\\s+(?:el|la|los|las|un|una)\\s+(?=(?:${PROVIDER_WORDS}))`), 'by the '],
  [
    w(
      'asistentes?\\s+(?:de\\s+)?(?:patolog[oa]\\s+)?(?:del\\s+)?habla(?:\\s+y\\s+(?:del\\s+)?lenguaje)?|asistentes?\\s+de\\s+patologia\\s+del\\s+habla(?:\\s+y\\s+(?:del\\s+)?lenguaje)?',
    ),
    'speech-language pathology assistant',
  ],
  [
    w(
      '(?:patolog[oa]s?|terapeutas?|especialistas?)\\s+(?:del?\\s+)?(?:habla|lenguaje)(?:\\s+y\\s+(?:del\\s+)?lenguaje)?|fonoaudiolog[oa]s?|logopedas?',
    ),
    'speech-language pathologist',
  ],
  [w('asistentes?\\s+de\\s+terapia\\s+ocupacional'), 'occupational therapy assistant'],
  [w('terapeutas?\\s+ocupacionales?'), 'occupational therapist'],
  [w('asistentes?\\s+de\\s+(?:fisioterapia|terapia\\s+fisica)'), 'physical therapy assistant'],
  [w('fisioterapeutas?|terapeutas?\\s+fisic[oa]s?'), 'physical therapist'],
  [w('psicolog[oa]s?(?:\\s+escolar(?:es)?)?'), 'school psychologist'],
  [w('(?:consejer[oa]s?|orientador(?:a|es|as)?)(?:\\s+escolar(?:es)?)?'), 'school counselor'],
  [w('trabajador(?:a|es|as)?\\s+social(?:es)?'), 'social worker'],
  [
    w(
      '(?:maestr[oa]s?|docentes?|profesor(?:a|es|as)?)\\s+(?:de\\s+)?(?:educacion\\s+especial|recursos|apoyo)',
    ),
    'special education teacher',
  ],
  [
    w(
      '(?:maestr[oa]s?|docentes?|profesor(?:a|es|as)?)\\s+(?:de\\s+)?(?:(?:la\\s+)?educacion\\s+(?:general|regular)|(?:la\\s+)?clase|aula|salon)|(?:maestr[oa]s?|docentes?)\\s+regular(?:es)?',
    ),
    'general education teacher',
  ],
  [w('especialistas?\\s+(?:en|de)\\s+(?:lectura|matematicas|alfabetizacion)'), 'reading specialist'],
  [
    w('analistas?\\s+(?:de\\s+(?:la\\s+)?conducta|conductual(?:es)?)(?:\\s+certificad[oa]s?)?'),
    'behavior analyst',
  ],
  [w('especialistas?\\s+(?:en|de)\\s+(?:conducta|comportamiento)'), 'behavior specialist'],
  [
    w(
      'paraprofesional(?:es)?|paraeducador(?:a|es|as)?|asistentes?\\s+(?:de\\s+)?(?:maestr[oa]|aula|instruccion|educativ[oa]s?)|auxiliar(?:es)?\\s+(?:docentes?|de\\s+aula)',
    ),
    'paraprofessional',
  ],
  [w('enfermer[oa]s?(?:\\s+escolar(?:es)?)?'), 'school nurse'],
  [w('audiolog[oa]s?(?:\\s+educativ[oa]s?)?'), 'audiologist'],

  // Where: settings and rooms.
  [w('(?:aula|salon|sala|clase)(?:\\s+de\\s+clases?)?\\s+de\\s+recursos'), 'resource room'],
  [
    w('(?:sala|salon|aula)\\s+de\\s+terapia(?:\\s+(?:del\\s+habla|ocupacional|fisica))?|consultorio'),
    'therapy room',
  ],
  [
    w(
      '(?:aula|salon|clase|entorno|ambiente|contexto)(?:\\s+de\\s+clases?)?\\s+(?:de\\s+)?(?:(?:la\\s+)?educacion\\s+(?:general|regular)|regular|general)',
    ),
    'general education classroom',
  ],
  [
    w('(?:aula|salon|clase|entorno|ambiente)(?:\\s+de\\s+clases?)?\\s+(?:de\\s+)?educacion\\s+especial'),
    'special education classroom',
  ],
  [w('(?:aula|salon|clase|sala|entorno|ambiente|lugar)\\s+separad[oa]'), 'separate setting'],
  [w('(?:aula|clase|salon)\\s+(?:autonom[oa]|independiente|aislad[oa])'), 'self-contained classroom'],
  [
    w('(?:dentro|en)\\s+(?:del|de\\s+la|el|la)\\s+(?:aula|clase|salon(?:\\s+de\\s+clases?)?)(?!\\s+de\\s)'),
    'in class',
  ],
  [w('educacion\\s+(?:general|regular)'), 'general education'],
  [w('educacion\\s+especial'), 'special education'],
  [w('salon(?:\\s+de\\s+clases?)?|aula'), 'classroom'],
  [w('clases?'), 'class'],
  [w('fuera'), 'outside'],
  [w('dentro'), 'inside'],
  [w('retiro|retirad[oa]'), 'withdrawal'],
  [w('co-?ensenanza|co-?docencia|ensenanza\\s+conjunta'), 'co-teaching'],
  [w('inclusiv[oa]'), 'inclusive'],
  [w('consultas?|consultoria|consultiv[oa]'), 'consult'],
  [w('indirect[oa]s?|indirectamente'), 'indirect'],
  [w('direct[oa]s?|directamente'), 'direct'],
  [w('grupos?\\s+(?:pequenos?|reducidos?)|pequenos?\\s+grupos?'), 'small group'],
  [w('grupos?|grupal(?:es)?'), 'group'],
  [w('individualmente'), 'individually'],
  [w('individuales'), 'individual'],
  [w('gimnasio'), 'gym'],
  [w('biblioteca'), 'library'],
  [w('oficina'), 'office'],
  [w('clinica'), 'clinic'],
  [w('al\\s+menos|por\\s+lo\\s+menos|como\\s+minimo'), 'at least'],
  [w('como\\s+maximo|a\\s+lo\\s+sumo'), 'at most'],
  [w('no\\s+mas\\s+de'), 'no more than'],
  [w('minimo'), 'minimum'],
  [w('maximo'), 'maximum'],

  // Units and periods.
  [w('minutos'), 'minutes'],
  [w('minuto'), 'minute'],
  [w('horas'), 'hours'],
  [w('hora'), 'hour'],
  [w('hs\\.?'), 'hrs'],
  [w('veces'), 'times'],
  [w('vez'), 'time'],
  [w('sesiones|ses\\.?'), 'sessions'],
  [w('sesion'), 'session'],
  [w('visitas'), 'visits'],
  [w('visita'), 'visit'],
  [w('bloques'), 'blocks'],
  [w('bloque'), 'block'],
  [w('periodos'), 'periods'],
  [w('periodo'), 'period'],
  [w('semanal(?:es|mente)?'), 'weekly'],
  [w('semanas'), 'weeks'],
  [w('semana|sem\\.?'), 'week'],
  [w('mensual(?:es|mente)?'), 'monthly'],
  [w('meses'), 'months'],
  [w('mes'), 'month'],
  [w('anual(?:es|mente)?'), 'annually'],
  [w('anos'), 'years'],
  [w('ano'), 'year'],
  [w('diari[oa]s?|diariamente'), 'daily'],
  [w('dias'), 'days'],
  [w('dia'), 'day'],
  [w('ciclos?'), 'cycle'],
  [w('rotacion(?:es)?'), 'rotation'],
  [w('trimestres?'), 'trimester'],
  [w('semestres?'), 'semester'],
  [w('lunes'), 'monday'],
  [w('martes'), 'tuesday'],
  [w('miercoles'), 'wednesday'],
  [w('jueves'), 'thursday'],
  [w('viernes'), 'friday'],

  // The small words between them.
  [w('cada'), 'every'],
  [w('al(?=\\s+\\d)'), 'to'],
  [w('al'), 'to the'],
  [w('del'), 'of the'],
  [w('de'), 'of'],
  [w('en\\s+(?:un|una)'), 'in a'],
  [w('en'), 'in'],
  [w('el|la|los|las'), 'the'],
  [w('un|una'), 'a'],
  [w('uno'), 'one'],
  [w('y'), 'and'],
  [w('o|u'), 'or'],
  [w('por'), 'per'],
  [w('con'), 'with'],
  [w('para'), 'for'],
  [w('durante'), 'during'],
  [w('excepto|salvo'), 'except'],
  [w('terapia'), 'therapy'],
  [w('servicios'), 'services'],
  [w('servicio'), 'service'],
  [w('estudiantes|alumn[oa]s'), 'students'],
  [w('estudiante|alumn[oa]'), 'student'],
  [w('nin[oa]s'), 'children'],
  [w('companer[oa]s'), 'peers'],
  [w('recib(?:e|en|ira|iran|ir)'), 'receives'],
  [w('(?:proporcionad|brindad|prestad|impartid|ofrecid)[oa]s?'), 'provided'],
  [w('apoyos?'), 'support'],
  [w('tiempo'), 'time'],
  [w('es|son|sera|seran'), 'is'],
];

/**
 * A Spanish line rewritten into the English the parser reads, with the map back to the line as typed;
 * null for a line with no Spanish word of its own, which the parser reads as it is.
 * `lower` is the parser's lower-cased copy of the line (same length as the line).
 */
export function readSpanish(lower: string): SpanishText | null {
  const folded = foldAccents(lower);
  SPANISH_MARKER.lastIndex = 0;
  const spanish = SPANISH_MARKER.test(folded) || /(?<![a-z])días?(?![a-z])/.test(lower);
  SPANISH_MARKER.lastIndex = 0;
  if (!spanish) return null;
  const r = new Rewrite(folded);
  // A letter followed by combining accents ("a\u0301") is the plain letter.
  r.sub(/([a-z])[\u0300-\u036f]+/g, (m) => m[1]!);
  for (const [re, to] of RULES) r.sub(re, to);
  return { text: r.text, starts: r.starts, ends: r.ends };
}

// ---------------------------------------------------------------------------------------------
// Areas of Spanish service names

const SPANISH_AREAS: [
  RegExp,
  'speech' | 'ot' | 'pt' | 'counseling' | 'behavior' | 'specialized_instruction',
][] = [
  [/\b(?:lenguaje\s+escrito|expresion\s+escrita|artes\s+del\s+lenguaje)\b/, 'specialized_instruction'],
  [
    /\b(?:habla|lenguaje|comunicacion|articulacion|fluidez|voz|logopedia|fonoaudiologia|patologia\s+del\s+habla)\b/,
    'speech',
  ],
  [/\bocupacional\b/, 'ot'],
  [/\b(?:fisioterapia|terapia\s+fisica)\b/, 'pt'],
  [
    /\b(?:consejeria|orientacion(?!\s+y\s+movilidad)|asesoramiento|psicologi\w*|trabajo\s+social|socio-?emocional|social\s*-?\s*emocional|habilidades\s+sociales)\b/,
    'counseling',
  ],
  [/\b(?:conduct\w*|comportamiento)\b/, 'behavior'],
  [
    /\b(?:lectura|matematicas?|escritura|alfabetizacion|academic[oa]s?|instruccion|ensenanza|educacion\s+especial|recursos)\b/,
    'specialized_instruction',
  ],
];

/** The area of a Spanish service name ("Terapia del habla": speech); null when it names none. */
export function spanishAreaOf(lower: string): (typeof SPANISH_AREAS)[number][1] | null {
  const folded = foldAccents(lower).replace(/([a-z])[\u0300-\u036f]+/g, '$1');
  for (const [re, area] of SPANISH_AREAS) if (re.test(folded)) return area;
  return null;
}
