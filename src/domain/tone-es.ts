// The tone check in Spanish (issue 17): the same ten kinds as the English check (tone-categories.ts), read
// with Spanish patterns and word lists, each flag with gentler words in Spanish that keep the parent's facts
// and position ("Me niego a aceptar esto" becomes "No estoy de acuerdo con esto", never a concession). Used
// by checkTone(text, { language: 'es' }) in tone.ts. The English classifier (tone-classifier.ts) learned English
// words and is not run on Spanish; since round two a Spanish classifier of its own (tone-es-classifier.ts,
// weights in tone-es-model.ts) reads the sentences these rules left alone (docs/tone-check.md, "Spanish, round
// two"). Pure: no I/O, no model download.
//
// Patterns are written in plain lower-case Spanish without accents; `re()` lets each vowel (and "n") match
// its accented form, since parents write with and without them ("por qué", "por que"), and uses Unicode
// word edges (JavaScript's \b stops at "é").

import type { ToneFlag, ToneOptions, ToneRuleId } from './tone.ts';
import type { ToneCategory } from './tone-categories.ts';
import { classifierFlagsEs } from './tone-es-classifier.ts';
import { TONE_MODEL_ES } from './tone-es-model.ts';

/** Why each kind reads badly, in Spanish (the English reasons are in tone-categories.ts). */
export const WHY_ES: Readonly<Record<ToneCategory, string>> = {
  threat:
    'Una amenaza convierte al lector en adversario antes de resolver el problema; los pasos formales siguen disponibles sin anunciarlos.',
  ultimatum: 'Un ultimátum no deja espacio para trabajar juntos.',
  insult: 'Juzgar a una persona hace que la carta trate de ella y no del plan.',
  sarcasm: 'Por escrito, el sarcasmo se lee como desprecio, aunque sea un suspiro.',
  rhetorical_question: 'Una pregunta que no pregunta se lee como una acusación.',
  blame: 'Buscar culpables invita a discutir quién tiene la culpa en vez de qué hay que arreglar.',
  absolute:
    '"Nunca" y "siempre" invitan a discutir las excepciones; las fechas son más difíciles de discutir.',
  command: 'Una orden pone al lector a la defensiva; una petición es igual de firme.',
  shouting: 'Las mayúsculas se leen como gritos.',
  exasperation: 'Dice cuánto le molesta, no qué necesita cambiar.',
};

/** The suggestion that tells the editor to delete the flagged words (as the English LEAVE_OUT). */
export const LEAVE_OUT_ES = 'Quite estas palabras y diga el hecho tal como es.';

const L = '[\\p{L}\\p{N}_]';
const EDGE = `(?:(?<!${L})(?=${L})|(?<=${L})(?!${L}))`;
const VOWELS: Readonly<Record<string, string>> = {
  a: '[aáà]',
  e: '[eéè]',
  i: '[iíì]',
  o: '[oóò]',
  u: '[uúü]',
  n: '[nñ]',
};

/**
 * A pattern over Spanish text: `\b` is a Unicode word edge, each a, e, i, o, u, n also matches its accented
 * form (outside escapes and `\p{...}`), the match ends at a word's end, any case.
 */
export function es(body: string, flags = 'giu', whole = true): RegExp {
  const key = `${whole ? 'w' : 'p'}${body}`;
  const cached = flags.includes('g') ? undefined : CACHE.get(key);
  if (cached) return cached;
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const next = body[i + 1] ?? '';
      if (next === 'b' && !inClass) out += EDGE;
      else if ((next === 'p' || next === 'P') && body[i + 2] === '{') {
        const close = body.indexOf('}', i);
        out += body.slice(i, close + 1);
        i = close;
        continue;
      } else out += c + next;
      i++;
      continue;
    }
    if (!inClass && c === '(' && body.startsWith('?<', i + 1) && /[A-Za-z]/u.test(body[i + 3] ?? '')) {
      // A named group: its name is not Spanish.
      const close = body.indexOf('>', i);
      out += body.slice(i, close + 1);
      i = close;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    const accented = VOWELS[c];
    out += accented ? (inClass ? accented.slice(1, -1) : accented) : c;
  }
  const pattern = new RegExp(whole ? `(?<!${L})(?:${out})(?!${L})` : out, flags);
  if (!flags.includes('g')) CACHE.set(key, pattern);
  return pattern;
}

const CACHE = new Map<string, RegExp>();

/** A cached, non-global `re()` pattern for a test in a rule's context check. */
const re = (body: string): RegExp => es(body, 'iu');

/** The same for the start of a word or any part of the text (a stem: "acompañ" in "acompañará"). */
const stem = (body: string): RegExp => es(body, 'iu', false);

type Span = { start: number; end: number };

type RuleEs = {
  id: ToneRuleId;
  pattern: RegExp;
  /** A formal complaint may need these words: not flagged with `{ formal: true }`. */
  legalTerm?: boolean;
  accept?: (m: RegExpExecArray, text: string) => boolean;
  span?: (m: RegExpExecArray, text: string) => Span;
  suggest: (m: RegExpExecArray, text: string, span: Span) => string;
};

const CATEGORY_OF: Readonly<Partial<Record<ToneRuleId, ToneCategory>>> = {
  refused: 'blame',
  never: 'absolute',
  always: 'absolute',
  all_caps: 'shouting',
  exclamation: 'exasperation',
};
const categoryOf = (id: ToneRuleId): ToneCategory => CATEGORY_OF[id] ?? (id as ToneCategory);

// --- Sentences and clauses ---------------------------------------------------------------------------------

/** Where the sentence holding `index` starts (after ".", "!", "?", ";" or a line break, and any "¿" or "¡"). */
export function sentenceStartEs(text: string, index: number): number {
  let i = index;
  while (i > 0 && !/[.!?;\n]/u.test(text[i - 1]!)) i--;
  while (i < index && /[\s¿¡"“'‘]/u.test(text[i]!)) i++;
  return i;
}

/** Where the sentence holding `index` ends: the index of its closing mark, or the text's end. */
export function sentenceEndEs(text: string, index: number): number {
  let i = index;
  while (i < text.length && !/[.!?;\n]/u.test(text[i]!)) i++;
  return i;
}

/** The sentence's words before `index`. */
const before = (text: string, index: number) => text.slice(sentenceStartEs(text, index), index);
/** The sentence's words after `end`. */
const after = (text: string, end: number) => text.slice(end, sentenceEndEs(text, end));

/** From the sentence's start to its end (without the closing mark). */
const wholeSentence = (m: RegExpExecArray, text: string): Span => ({
  start: sentenceStartEs(text, m.index),
  end: trimEnd(text, sentenceEndEs(text, m.index)),
});

/** A whole question, its "¿" and "?" included: the suggestion is a whole sentence of its own. */
const questionSpan = (m: RegExpExecArray, text: string): Span => {
  let start = sentenceStartEs(text, m.index);
  while (start > 0 && /[¿¡]/u.test(text[start - 1]!)) start--;
  let end = sentenceEndEs(text, m.index);
  while (end < text.length && /[?!]/u.test(text[end]!)) end++;
  return { start, end: trimEnd(text, end) };
};

/** From the sentence's start to the end of the match's clause (at a comma, "y", "porque" or the end). */
const clauseAround = (m: RegExpExecArray, text: string): Span => ({
  start: sentenceStartEs(text, m.index),
  end: clauseEndEs(text, m.index + m[0].length),
});

/** From the match to the end of its clause. */
const toClauseEnd = (m: RegExpExecArray, text: string): Span => ({
  start: m.index,
  end: Math.max(m.index + m[0].length, clauseEndEs(text, m.index + m[0].length)),
});

function clauseEndEs(text: string, index: number): number {
  const end = sentenceEndEs(text, index);
  const rest = text.slice(index, end);
  const cut = /,|\s+(?:y|pero|porque|ya\s+que|para\s+que)\s/iu.exec(rest);
  return trimEnd(text, cut ? index + cut.index : end);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\s,]/u.test(text[e - 1]!)) e--;
  return e;
}

/** The first letter in capitals when the span starts a sentence. */
function atStart(text: string, span: Span, words: string): string {
  return sentenceStartEs(text, span.start) === span.start ? upperFirst(words) : words;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) =>
  /^\p{Lu}\p{Ll}/u.test(s) || /^\p{Lu}$/u.test(s.charAt(0)) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/** "mi hija" when the letter is about a daughter, otherwise "mi hijo". */
function childEs(text: string): string {
  if (/(?<!\p{L})(?:mi|nuestra)\s+(?:hija|niña|nena)(?!\p{L})/iu.test(text)) return 'mi hija';
  return 'mi hijo';
}

// --- Who is spoken of --------------------------------------------------------------------------------------

/** The reader or the school's side. */
const SCHOOL =
  'usted|ustedes|tu|tú|vos|la\\s+escuela|el\\s+distrito|el\\s+equipo|el\\s+personal|su\\s+personal|la\\s+maestra|el\\s+maestro|la\\s+directora|el\\s+director|la\\s+terapeuta|el\\s+terapeuta|la\\s+asistente|el\\s+asistente|el\\s+case\\s+manager|la\\s+case\\s+manager|la\\s+consejera|el\\s+consejero|la\\s+administracion|nadie|' +
  // Round five: the staff and services parents name in many regions.
  'la\\s+aide|el\\s+aide|el\\s+counselor|la\\s+counselor|la\\s+suplente|el\\s+suplente|la\\s+sustituta|el\\s+sustituto|el\\s+chofer|la\\s+chofer|el\\s+bus|el\\s+camion|la\\s+psicologa|el\\s+psicologo|la\\s+coordinadora|el\\s+coordinador|la\\s+profe|el\\s+profe|la\\s+profesora|el\\s+profesor|la\\s+enfermera|el\\s+enfermero|el\\s+colegio|el\\s+principal|la\\s+principal|el\\s+transporte|la\\s+orientadora|el\\s+orientador|la\\s+fonoaudiologa|la\\s+fono|el\\s+sostenedor';

/** The child as the subject just before `index` ("él", "ella", "mi hijo", a name is not known). */
function childSubject(text: string, index: number): boolean {
  // "A él siempre lo castigan": the child as the object ("a él"), and the school as the subject.
  if (re('a\\s+(?:[é]l|ella|mi\\s+(?:hijo|hija))\\s*$').test(before(text, index).trimEnd())) return false;
  return re(
    '(?:[é]l|ella|mi\\s+(?:hijo|hija|nino|nina|nene|nena)|nuestr[oa]\\s+(?:hijo|hija)|los\\s+ninos|mis\\s+hijos)(?:\\s+\\p{L}+){0,2}\\s*$',
  ).test(before(text, index).replace(/\s+$/u, ' ').trimEnd());
}

/** A softener: "por favor", "si es posible", "cuando pueda", "le agradecería". */
const SOFT = re(
  'por\\s+favor|porfa|porfavor|si\\s+(?:necesita|necesitan|tiene|tienen|hay|quiere|quieren|pasa|nota|notan|ve|ven|puede|pueden)|en\\s+caso\\s+de|si\\s+es\\s+posible|si\\s+pueden?|cuando\\s+pueda(?:n)?|le\\s+agradeceria|les\\s+agradeceria|seria\\s+posible|gracias',
);

// --- The rules ---------------------------------------------------------------------------------------------

const RESOLVE = 'Me gustaría resolver esto con ustedes; si no podemos, consideraré mis otras opciones';
const NEXT_STEPS =
  'Les pido que lo resuelvan pronto; si no es posible, me gustaría hablar de los siguientes pasos';

/** "me preocupa el apoyo que está recibiendo mi hijo...": for blame, in place of the cause it names. */
const askWhatHappened: RuleEs['suggest'] = (_m, text, span) =>
  atStart(
    text,
    span,
    `me preocupa el apoyo que está recibiendo ${childEs(text)} y quisiera entender qué pasó`,
  );

/** For an insult: what the parent sees, not what the person is. */
const notWorkingFor: RuleEs['suggest'] = (_m, text, span) =>
  atStart(text, span, `no creo que esto esté funcionando bien para ${childEs(text)}`);

/** For sarcasm: the concern said plainly. */
const notAsAgreed: RuleEs['suggest'] = (_m, text, span) =>
  atStart(text, span, 'me preocupa que esto no se esté cumpliendo como acordamos');

/** An order made a request: "Por favor, ..." (capital at a sentence's start, where `from` begins it). */
const pleaseFrom = (text: string, from: number, start: number, words: string): string =>
  `${sentenceStartEs(text, from) === start ? 'Por favor' : 'por favor'}, ${words}`;

/**
 * An order made a request, from the match to the clause's end: "que lo corrijan ya" → "les pido que lo
 * corrijan ya", any other order → "Por favor, ..." (`pleaseFrom`).
 */
const askOrPlease: RuleEs['suggest'] = (m, text, span) => {
  const words = lowerFirst(text.slice(m.index, span.end));
  return /^que\s/iu.test(m[0])
    ? atStart(text, span, `les pido ${words}`)
    : pleaseFrom(text, m.index, span.start, words);
};

/**
 * What every exasperation rule shares: the parent's own state (never the child's), not when a "pero
 * vamos…" turns to what comes next, the whole sentence, and its suggestion.
 */
const EXASPERATION: Pick<RuleEs, 'accept' | 'span' | 'suggest'> = {
  accept: (m, text) =>
    !childSubject(text, m.index) &&
    !stem('pero\\s+(?:vamos|estamos|quiero|quisiera|me\\s+gustaria|espero|podemos)').test(
      after(text, m.index),
    ),
  span: wholeSentence,
  suggest: (_m, text, span) => atStart(text, span, 'esto me está resultando muy difícil'),
};

/** An errand after a place ("... a entregar los papeles", "... para que nos orienten"): not a threat. */
const ERRAND = stem(
  '^\\s*(?:\\p{L}+\\s+){0,3}?(?:a|para)\\s+(?:pedir\\s+informacion|preguntar|informarme|entregar|inscribir|recoger|buscar|sacar|tramitar|renovar|llevar\\s+(?:los|el|la|unos)\\s+(?:papeles|documentos|formularios?|certificados?)|hacer\\s+un\\s+tramite|que\\s+(?:me|nos)\\s+(?:expliquen?|orienten?|ayuden?|asesoren?))',
);

/** A lawyer or advocate consulted for the parent's own understanding (round five): not a threat. */
const ADVICE = stem(
  '^\\s*,?\\s*(?:(?:solo|solamente|nomas|nada\\s+mas|unicamente)\\s+)?(?:para\\s+(?:entender|saber|informarme|informarnos|orientarme|orientarnos|aclarar|conocer|preguntar|que\\s+(?:me|nos)\\s+(?:explique|oriente|aconseje|ayude))|y\\s+(?:me|nos)\\s+(?:recomendo|aconsejo|sugirio|explico|dijo\\s+que\\s+(?:pidiera|pidieramos|hablara|hablaramos))|(?:por|para)\\s+(?:un|una|otro|otra)\\s+(?:tema|asunto|tramite|cuestion|caso)\\s+(?:de\\s+(?:la\\s+casa|trabajo|familia|migracion|inmigracion|la\\s+herencia|divorcio|custodia)|personal|familiar|migratorio|laboral))',
);

/** Intent: "voy a", "vamos a", "le aviso que voy a", "ya", a future. */
const INTENT = 'voy\\s+a|vamos\\s+a|va\\s+a|van\\s+a|pienso|pensamos|estoy\\s+dispuest[oa]\\s+a';

/** Whom a threat names: lawyers, courts, offices over the school, the press. */
const TARGET =
  'abogad[oa]s?|licenciad[oa]|demanda|juez|jueza|corte|tribunal|debido\\s+proceso|audiencia|derechos\\s+civiles|ocr|superintendente|junta\\s+(?:escolar|directiva)|mesa\\s+directiva|consejo\\s+escolar|director[a]?\\s+del\\s+distrito|oficina\\s+del\\s+distrito|departamento\\s+de\\s+educacion|el\\s+estado|noticias|periodico|prensa|reporter[oa]s?|television|canal|redes\\s+sociales|facebook|tiktok';

// Round four's words (Spanish set 8): the steps a threat names, and the marks of a complaint that warm words
// around it turn into sarcasm.
/** A complaint or a claim the parent files. */
const COMPLAINT = 'queja(?:\\s+(?:formal|estatal))?|denuncia|demanda|reclamacion|reclamo|querella';

/** Offices over the school, courts and the press, in the names regions give them. */
const OVERSIGHT =
  'abogad[oa]s?|juez|jueza|corte|tribunal(?:es)?|audiencia|debido\\s+proceso|(?:oficina\\s+de\\s+)?derechos\\s+civiles|ocr|inspeccion(?:\\s+educativa)?|inspector[a]?(?:\\s+educativ[oa])?|supervision(?:\\s+escolar)?|supervisor[a]?\\s+de\\s+zona|defensor[a]?\\s+del\\s+pueblo|defensoria|fiscalia|ministerio(?:\\s+de\\s+educacion)?|secretaria\\s+de\\s+educacion|consejeria(?:\\s+de\\s+educacion)?|departamento\\s+de\\s+educacion|superintendente|superintendencia|junta\\s+(?:escolar|directiva)|school\\s+board|consejo\\s+escolar|estado|queja\\s+estatal|prensa|noticias|canal\\s+de\\s+noticias|periodico|television|tele|medios|redes\\s+sociales|policia|ugel|sep|' +
  // Round five: courts by their common name, the Chilean school owner, Spanish-language television.
  'justicia|tribunales|juzgado|sostenedor|univision|telemundo';

/** What went wrong, in a sentence that warm words open or close: sarcasm, not thanks. */
const FAILURE = re(
  'sin\\s+(?:avis\\p{L}*|terapia|servicio|su|sus|apoyo|respuesta|asistente|aide|clase|speech|fono|sesion\\p{L}*|nada|explicacion)|ni\\s+(?:un|una|siquiera|me|nos)\\b|me\\s+entero|nos\\s+enteramos|nadie\\s+(?:me|nos|le)\\s+(?:avis|dijo|contest|respond|llam|explic)\\p{L}*|cancel\\p{L}*|suspend\\p{L}*|perdieron|olvidaron|\\d+\\s+(?:minutos|horas|dias|semanas|meses)\\s+(?:tarde|de\\s+retraso|despues)|(?:llego|llegaron|otra\\s+vez|de\\s+nuevo|tan|muy)\\s+tarde|(?:otra\\s+vez|de\\s+nuevo)\\s+(?:\\p{L}+\\s+){0,3}?(?:sin|cancel\\p{L}*|no|suspend\\p{L}*)\\b|(?:segunda|tercera|cuarta|quinta|sexta|enesima)\\s+(?:vez|semana|reunion|mes|dia)|el\\s+mismo\\s+dia|a\\s+ultima\\s+hora|al\\s+ultimo\\s+momento|(?:una|dos|\\d+)\\s+horas?\\s+antes|minutos\\s+antes|la\\s+noche\\s+anterior|(?:nunca|no)\\s+dije|en\\s+el\\s+(?:celular|telefono|movil|cel)|mientras\\s+(?:mi|el|la|los)\\s+\\p{L}+\\s+(?:se\\s+)?(?:sale|salia|escapa|llora|lloraba|pega|golpea|cae|queda|quedaba)|(?:nomas|no\\s+mas|solo|solamente|apenas)\\s+(?:\\p{L}+|\\d+)\\s+(?:meses|semanas|dias|horas)\\s+(?:para|de|en)\\b|👏|🙃|🙄|😒|' +
    // Round five: another substitute, still without.
    'otr[oa]\\s+(?:suplente|sub|sustitut[oa]|cancelacion|excusa|semana\\s+sin|reunion\\s+cancelada)|(?:sigue|siguen|seguimos)\\s+sin\\b|justo\\s+(?:el\\s+dia\\s+|la\\s+noche\\s+|un\\s+dia\\s+)?antes',
);

// Round five's words (Spanish sets 7, 9 and 10, development sets of round five).
/** The school's side as the subject of a failure: the reader, the school, its staff by name (not "nadie"). */
const STAFF =
  'usted|ustedes|vos|vosotros|la\\s+escuela|el\\s+colegio|el\\s+distrito|el\\s+equipo|el\\s+personal|su\\s+personal|(?:la|el|esa|ese)\\s+(?:maestr[oa]|profe|profesor[a]?|director[a]?|terapeuta|asistente|aide|counselor|consejer[oa]|orientador[a]?|suplente|sustitut[oa]|sub|chofer|psicolog[oa]|coordinador[a]?|enfermer[oa]|case\\s+manager|secretari[oa]|administracion|principal|monitor[a]?|fono|fonoaudiolog[oa]|trabajador[a]?\\s+social)';

/** A date or some urgency in a request ("para mañana temprano", "por escrito", "ya"). */
const DEADLINE = stem(
  '\\b(?:hoy|manana|ya|ahora|ahorita|empezando|a\\s+partir\\s+de|desde\\s+(?:el|este|esta|manana|hoy)|para\\s+(?:el|manana|hoy|esta|este)|antes\\s+del?|esta\\s+(?:misma\\s+)?semana|cuanto\\s+antes|sin\\s+falta|de\\s+inmediato|inmediatamente|por\\s+escrito|por\\s*que)\\b',
);

/** What a plan is when it is said to be only paper: the plan, the IEP, the accommodations, the law. */
const PLAN_WORDS = stem(
  '\\b(?:plan|iep|504|pei|piar|acomodacion|adaptacion|acuerdo|ley|reglamento|protocolo|programa|metas|derechos|compromiso|contrato|evaluacion)',
);

/** The time a service took or came late by: "una semana entera para contestar", "tres días después". */
const LATE = stem(
  '\\b(?:un|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|\\d+)\\s+(?:semanas?|dias?|meses|mes|horas?)(?:\\s+(?:enter[oa]s?|complet[oa]s?))?\\s+(?:para|en)\\s+(?:contestar|responder|mandar|enviar|devolver|leer|firmar|llamar|avisar)|\\b(?:dos|tres|\\d+)\\s+(?:lineas|renglones|palabras)\\b|\\ba\\s+las\\s+\\d{1,2}(?::\\d{2})?\\s+cuando\\s+(?:la|el)\\s+\\p{L}+\\s+(?:es|empieza|era|comienza)\\s+a\\s+las|\\b(?:un|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|\\d+)\\s+(?:semanas?|dias?|meses|horas?)\\s+(?:despues|tarde|de\\s+retraso)',
);

/** Staff and services named in a sentence ("¿Acaso la aide está ahí de adorno?"). */
const STAFF_WORDS = stem(
  '\\b(?:aide|maestr|profe|asistente|terapeuta|director|counselor|consejer|suplente|sustitut|sub\\b|personal|equipo|coordinador|psicolog|enfermer)',
);
const SERVICE_WORDS = stem(
  '\\b(?:terapia|sesion|servicio|speech|fono|aide|minutos|tiempo\\s+extendido|tiempo\\s+extra|apoyo|intervencion)',
);

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const RULES: readonly RuleEs[] = [
  // The parent's own refusal keeps its position: "Me niego a aceptar esto" -> "No estoy de acuerdo con esto".
  {
    id: 'refused',
    pattern: es(
      '(?:me|nos)\\s+(?:niego|negamos|rehuso|rehusamos)\\s+(?:rotundamente\\s+|totalmente\\s+)?a\\s+aceptar(?:lo|la)?(?<what>(?:\\s+(?:esto|eso|este\\s+\\p{L}+|esta\\s+\\p{L}+|ese\\s+\\p{L}+|esa\\s+\\p{L}+|el\\s+\\p{L}+|la\\s+\\p{L}+|los\\s+\\p{L}+|las\\s+\\p{L}+))?)',
    ),
    suggest: (m, text, span) => {
      const what = (m.groups?.what ?? '').trim();
      const agreed = /^nos/iu.test(m[0]) ? 'no estamos de acuerdo con' : 'no estoy de acuerdo con';
      return atStart(text, span, `${agreed} ${what === '' ? 'esto' : lowerFirst(what)}`);
    },
  },
  // --- Threats
  {
    // "vamos a demandar al distrito", "voy a poner una queja formal ante el estado", "voy a reportar a la escuela".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:${INTENT}|le\\s+aviso\\s+que\\s+voy\\s+a|ya\\s+voy\\s+a)\\s+(?:(?:demandar|denunciar|reportar|acusar)(?:l[oa]s?|les?)?|(?:poner|presentar|levantar|meter|hacer)\\s+(?:una\\s+)?(?:queja|denuncia|demanda|reclamo)|llevar\\s+(?:esto|este\\s+caso|el\\s+caso|todo\\s+esto|esto\\s+mas\\s+lejos|a\\s+la\\s+escuela)|tomar\\s+(?:acciones|accion|medidas)\\s+legales)`,
    ),
    span: clauseAround,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // "Voy a mandar todos estos correos al superintendente", "voy a ir directamente con la directora del
    // distrito", "voy a llamar a las noticias", "Esto lo vamos a llevar a una audiencia de debido proceso".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:${INTENT})\\s+(?:\\p{L}+\\s+){0,6}?(?:a\\s+|al\\s+|con\\s+|ante\\s+|hasta\\s+)?(?:\\p{L}+\\s+){0,3}?(?:${TARGET})`,
    ),
    accept: (m, text) => {
      // "Nuestro abogado nos va a acompañar a la reunión", "voy a ir a la revisión con nuestra defensora":
      // someone who comes along, not a step against the school.
      const words = m[0];
      if (stem('acompan|asistir|venir|vendra|preguntar|consultar|revisar').test(words)) return false;
      // "Voy a la oficina del distrito a entregar los papeles": an errand (round four); "tengo cita con mi abogado
      // por un tema de la casa": the parent's own matter (round five).
      if (ERRAND.test(after(text, m.index + m[0].length))) return false;
      if (ADVICE.test(after(text, m.index + m[0].length))) return false;
      // "Vamos a buscar una abogada que nos explique el proceso": help for the parent, not a step against anyone.
      if (
        stem('^\\s*(?:que\\s+nos|que\\s+me|para\\s+que\\s+nos|para\\s+entender)').test(
          after(text, m.index + m[0].length),
        )
      )
        return false;
      return !re('(?:si|cuando)\\s+(?:\\p{L}+\\s+){0,3}$').test(before(text, m.index));
    },
    span: clauseAround,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // "Ya hablé con un abogado", "Ya tengo cita con un abogado", "mi abogada se va a comunicar con ustedes".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      '(?:ya\\s+)?(?:hable|hablamos|consulte|consultamos|contrate|contratamos|tengo\\s+(?:cita\\s+con\\s+)?|tenemos\\s+(?:cita\\s+con\\s+)?)\\s*(?:con\\s+)?(?:un|una|mi|nuestr[oa])\\s+abogad[oa](?=\\s+(?:y|de|que|porque|para)|\\s*[,.;!]|\\s*$)|(?:mi|nuestr[oa])\\s+abogad[oa]\\s+(?:se\\s+)?(?:va|van)\\s+a\\s+(?:comunicar|contactar|llamar|escribir|poner\\s+en\\s+contacto|encargar)',
    ),
    accept: (m, text) => {
      // "Hablé con una abogada solo para entender mejor los derechos de mi hija, y me recomendó pedir una
      // reunión": advice for the parent, not a step against the school (round five).
      if (ADVICE.test(after(text, m.index + m[0].length))) return false;
      return re('ya|va|van').test(m[0]) || !re('^\\s*(?:si|cuando)\\b').test(before(text, m.index));
    },
    span: clauseAround,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // "Me voy a quejar con el distrito", "Voy a escalar esto", "Ya me comuniqué con la Oficina de Derechos
    // Civiles", "Tengo todo documentado para mi abogado", "Si no cumplen, los demando".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:me|nos)\\s+(?:voy|vamos)\\s+a\\s+quejar|voy\\s+a\\s+quejarme|vamos\\s+a\\s+quejarnos|me\\s+quejare|(?:voy|vamos)\\s+a\\s+escalar|(?:llevar|llevare|llevaremos)\\s+esto\\s+(?:mas\\s+arriba|hasta\\s+(?:el\\s+final|las\\s+ultimas\\s+consecuencias|donde\\s+\\p{L}+))|hasta\\s+las\\s+ultimas\\s+consecuencias|(?:ya\\s+)?(?:me\\s+comunique|nos\\s+comunicamos|contacte|contactamos|llame|llamamos|escribi|escribimos|hable|hablamos)\\s+(?:con|a)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+|un\\s+|una\\s+|mi\\s+|nuestr[oa]\\s+)?(?:${TARGET}|oficina\\s+de\\s+derechos\\s+civiles)|(?:documentad[oa]|guardad[oa]|anotad[oa]|guardando|documentando|grabando)\\b[^.;!?\\n]{0,40}?\\bpara\\s+(?:mi|el|la|nuestr[oa])\\s+(?:abogad[oa]|juez|jueza|audiencia|queja|demanda|defensora?)|(?:los|las|lo|la|les)\\s+(?:demando|denuncio|reporto)|(?:me\\s+veo|nos\\s+vemos|me\\s+vere|nos\\s+veremos|estare|estaremos)\\s+obligad[oa]s?\\s+a\\s+(?:\\p{L}+\\s+){0,3}?(?:ayuda\\s+legal|accion(?:es)?\\s+legal(?:es)?|medidas|via\\s+legal|${TARGET})|(?:ayuda|asesoria|accion|acciones|via)\\s+legal(?:es)?(?=[^.;!?\\n]{0,30}$)`,
    ),
    accept: (m, text) =>
      !ADVICE.test(after(text, m.index + m[0].length)) &&
      (!re('(?:si|cuando)\\s*$').test(before(text, m.index)) || re('demando|denuncio|reporto').test(m[0])),
    span: clauseAround,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // "ya verán", "prepárense", "ustedes sabrán", "se van a arrepentir".
    id: 'threat',
    pattern: es(
      'ya\\s+veran|ya\\s+vera|preparense|ustedes\\s+sabran|usted\\s+sabra|se\\s+van\\s+a\\s+arrepentir|se\\s+va\\s+a\\s+arrepentir|esto\\s+no\\s+se\\s+queda\\s+asi',
    ),
    span: (m, text) => {
      if (sentenceStartEs(text, m.index) === m.index) return { start: m.index, end: m.index + m[0].length };
      const joined = /(?:,\s*|\s+y\s+|\s+)$/u.exec(text.slice(0, m.index));
      return { start: m.index - (joined?.[0].length ?? 0), end: m.index + m[0].length };
    },
    suggest: () => LEAVE_OUT_ES,
  },
  // --- Ultimatums
  {
    // "Es su última oportunidad", "Último aviso", "Es la última vez que se lo pido".
    id: 'ultimatum',
    pattern: es(
      '(?:su|tu|la|es\\s+la|es\\s+su)\\s+ultima\\s+oportunidad|ultimo\\s+aviso|la\\s+ultima\\s+vez\\s+que\\s+(?:se\\s+lo\\s+|se\\s+los\\s+|les?\\s+|te\\s+|lo\\s+)?(?:pido|digo|escribo|aviso|repito)',
    ),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // "O me regresan a la asistente el lunes o no lo mando más", "o me llaman hoy o ya no me llamen".
    id: 'ultimatum',
    pattern: es(
      'o\\s+(?:me\\s+|nos\\s+|le\\s+|lo\\s+|la\\s+)?\\p{L}+[^.;!?\\n]{2,80}?\\s+o\\s+(?:ya\\s+)?(?:no|nunca|mejor\\s+no)\\s+\\p{L}+',
    ),
    accept: (m, text) => sentenceStartEs(text, m.index) === m.index || /,\s*$/u.test(text.slice(0, m.index)),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // "Le doy 48 horas para contestar", "Tienen hasta el viernes, después de eso ...", "aténganse a las
    // consecuencias", "se acabó mi paciencia", "lo toman o lo dejan", "ni uno menos", "aquí se acaba el
    // diálogo", "no lo vuelvo a pedir por las buenas".
    id: 'ultimatum',
    pattern: es(
      '(?:les?|te)\\s+doy\\s+hasta\\s+(?:el|la|manana|hoy|este|esta|fin)|ni\\s+un\\s+(?:dia|minuto)\\s+mas|(?:les?|te)\\s+doy\\s+(?:\\d+|un|una|dos|tres|cinco|diez)\\s+(?:horas|dias|dia|semanas?)|(?:tienen|tiene|tienes)\\s+hasta\\s+(?:el|mañana|manana|hoy|este)\\b[^.;!?\\n]*?(?:despues|si\\s+no|o\\s+si\\s+no)|atenganse\\s+a\\s+las\\s+consecuencias|atengase\\s+a\\s+las\\s+consecuencias|se\\s+(?:me\\s+)?acabo\\s+(?:mi|la)\\s+paciencia|lo\\s+toman\\s+o\\s+lo\\s+dejan|lo\\s+toma\\s+o\\s+lo\\s+deja|ni\\s+(?:un|uno)\\s+(?:minuto\\s+)?menos|(?:aqui|ahi)\\s+se\\s+acaba(?:\\s+el\\s+dialogo|\\s+la\\s+platica|\\s+la\\s+conversacion)?|por\\s+las\\s+buenas|no\\s+(?:voy\\s+a\\s+)?(?:seguir\\s+)?esper(?:ar|o)\\s+(?:ni\\s+)?un\\s+dia\\s+mas|o\\s+si\\s+no\\s+ya\\s+(?:veran|vera)|(?:o|si\\s+no|de\\s+lo\\s+contrario)\\s+(?:voy|vamos)\\s+a\\s+(?:tomar\\s+(?:otras\\s+)?(?:medidas|acciones)|hacer\\s+lo\\s+que\\s+(?:sea|tenga|tengamos)|buscar\\s+(?:otras\\s+(?:opciones|vias)|ayuda\\s+legal)|llevar\\s+esto|proceder|sacar\\s+a\\s+(?:mi|nuestr[oa])\\s+\\p{L}+)',
    ),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // "Si el lunes no está la asistente, mi hijo no regresa a la escuela": a condition on the school's side and
    // the child kept home. Not "Si tiene fiebre, no lo mando" (a condition on the child).
    id: 'ultimatum',
    pattern: es(
      'si\\s+(?:\\p{L}+\\s+){0,3}no\\s+[^.;!?\\n]{3,80}?,\\s*(?:(?:mi|nuestr[oa])\\s+\\p{L}+\\s+|[é]l\\s+|ella\\s+)?(?:no\\s+(?:regresa|vuelve|va\\s+a\\s+(?:regresar|volver|ir)|viene|asiste|(?:lo|la)\\s+(?:mando|llevo|traigo|vuelvo\\s+a\\s+mandar))|(?:lo|la)\\s+(?:saco|dejo\\s+en\\s+(?:la\\s+)?casa|voy\\s+a\\s+sacar))',
    ),
    accept: (m) =>
      stem(
        'asistente|terapia|sesion|servicio|maestr|aide|IEP|horario|contest|respond|arregl|cumpl|pon|regres|dan|llam',
      ).test(m[0].split(',')[0] ?? ''),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  // --- Rhetorical questions
  {
    // "¿Cuántas veces tengo que pedir el mismo reporte?", "¿Hasta cuándo ...?", "¿Qué más tengo que hacer?".
    id: 'rhetorical_question',
    pattern: es(
      'cuantas\\s+veces\\s+(?:mas\\s+)?(?:tengo|tenemos|hay|debo|voy\\s+a\\s+tener|les?\\s+tengo)\\s+que|hasta\\s+cuando\\s+(?:vamos|voy|van|tengo|tenemos|va)|que\\s+mas\\s+(?:tengo|tenemos)\\s+que\\s+hacer',
    ),
    span: questionSpan,
    suggest: () => 'Ya lo he pedido varias veces; ¿me podrían ayudar a resolverlo?',
  },
  {
    // "¿De qué sirve un IEP si nadie lo cumple?", "¿Para qué tenemos un plan?".
    id: 'rhetorical_question',
    pattern: es('de\\s+que\\s+sirve|para\\s+que\\s+(?:sirve|tenemos|hicimos|firmamos)'),
    accept: (m, text) => {
      const rest = text.slice(m.index, sentenceEndEs(text, m.index) + 1);
      // "¿Para qué sirve el formulario azul?" asks; "¿Para qué sirve un IEP si nadie lo cumple?" does not.
      if (
        /sirve$/iu.test(m[0]) &&
        /^para/iu.test(m[0]) &&
        !stem('\\bsi\\s|iep|plan|tener|firmar|tanto').test(rest)
      )
        return false;
      return rest.includes('?');
    },
    span: questionSpan,
    suggest: () => 'Me preocupa que el plan no se esté cumpliendo.',
  },
  {
    // "¿Es mucho pedir que alguien me devuelva la llamada?" -> "Les pido que alguien me devuelva la llamada".
    id: 'rhetorical_question',
    pattern: es('es\\s+mucho\\s+pedir\\s+que(?<rest>[^.;!?\\n]*)'),
    span: questionSpan,
    suggest: (m) => `Les pido que${(m.groups?.rest ?? '').replace(/\?$/u, '')}.`,
  },
  {
    // "¿A quién se le ocurrió dejarlo solo en el pasillo?" -> "¿Me podría explicar quién decidió dejarlo ...?"
    id: 'rhetorical_question',
    pattern: es('a\\s+quien\\s+se\\s+le\\s+ocurrio(?<rest>[^.;!?\\n]*)'),
    span: questionSpan,
    suggest: (m) => `¿Me podría explicar quién decidió${(m.groups?.rest ?? '').replace(/\?$/u, '')}?`,
  },
  {
    // "¿Alguien en esa escuela lee mis correos?", "¿Alguien me va a contestar?", "¿Alguien sabe leer un IEP?"
    id: 'rhetorical_question',
    pattern: es(
      'alguien\\s+(?:(?:en|de)\\s+(?:esa|esta|la)\\s+\\p{L}+\\s+)?(?:siquiera\\s+|de\\s+verdad\\s+|realmente\\s+)?(?:lee|leyo|ha\\s+leido|se\\s+ha\\s+leido|se\\s+leyo|me\\s+va\\s+a|va\\s+a|piensa|sabe\\s+leer|escucha|contesta|revisa|le\\s+importa|se\\s+preocupa|hace\\s+algo)',
    ),
    accept: (m, text) =>
      sentenceStartEs(text, m.index) === m.index &&
      text.slice(m.index, sentenceEndEs(text, m.index) + 1).includes('?'),
    span: questionSpan,
    suggest: (m, text, span) =>
      `¿Me podría decir si ${lowerFirst(text.slice(m.index, span.end)).replace(/\?+$/u, '')}?`,
  },
  {
    // "¿Ustedes de verdad quieren ayudarlo?", "¿En serio creen que ...?", "¿Usted cree que a mí me gusta
    // escribir estos correos?", "¿Les parece normal ...?"
    id: 'rhetorical_question',
    pattern: es(
      '(?:es\\s+)?en\\s+serio\\s+que|(?:(?:ustedes|usted|tu)\\s+)?(?:de\\s+verdad|en\\s+serio|realmente|acaso)\\s+(?:creen|cree|crees|piensan|piensa|quieren|quiere|les\\s+importa|le\\s+importa)|(?:usted|ustedes|tu)\\s+(?:cree|creen|crees|piensa|piensan)\\s+que\\s+(?:a\\s+mi\\s+)?me\\s+(?:gusta|encanta|divierte)|(?:les|le|te)\\s+parece\\s+(?:normal|justo|bien|aceptable|correcto)',
    ),
    accept: (m, text) => text.slice(m.index, sentenceEndEs(text, m.index) + 1).includes('?'),
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué está pasando y cómo podemos resolverlo.',
  },
  {
    // "¿Acaso no leyeron el IEP?", "¿Qué les cuesta contestar un correo?", "¿Tan difícil es cumplir?", "¿No
    // les da vergüenza?", "¿Quién se cree que es?": questions that are charges.
    id: 'rhetorical_question',
    pattern: es(
      '(?:y\\s+ahora\\s+)?(?:que|cual)\\s+(?:excusa|pretexto)|cual\\s+es\\s+la\\s+(?:excusa|pretexto)|(?:ustedes|usted)\\s+(?:creen|cree|piensan|piensa)\\s+que\\s+(?:soy|somos|no\\s+(?:me|nos)\\s+(?:doy|damos)\\s+cuenta|no\\s+(?:veo|vemos|sabemos))|acaso\\s+(?:no|nadie|ustedes|usted|creen|cree|piensan|piensa|les|le|es\\s+que|soy|somos|se\\s+les)\\b|que\\s+(?:les|le|te)\\s+cuesta|tan\\s+dificil\\s+es|es\\s+tan\\s+dificil|no\\s+(?:les|le|te)\\s+da\\s+(?:verguenza|pena)|quien\\s+se\\s+cree|quienes\\s+se\\s+creen|donde\\s+(?:esta|quedo)\\s+(?:la\\s+responsabilidad|el\\s+respeto|el\\s+compromiso)|es\\s+que\\s+(?:nadie|ustedes\\s+no|no\\s+les\\s+importa)|a\\s+(?:nadie|alguien)\\s+le\\s+importa|que\\s+(?:clase|tipo)\\s+de\\s+(?:escuela|maestr[oa]|servicio|trato)',
    ),
    accept: (m, text) =>
      (sentenceStartEs(text, m.index) === m.index ||
        /^(?:y|pero|entonces|y\s+ahora|es\s+que|y\s+es\s+que)\s+$/iu.test(before(text, m.index))) &&
      text.slice(m.index, sentenceEndEs(text, m.index) + 1).includes('?'),
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué está pasando y cómo podemos resolverlo.',
  },
  {
    // "por que me tengo que enterar por mi hijo ...", "¿Por qué nadie me avisó?", "¿Cómo va a aprender si no
    // le dan el tiempo extra?", "¿Por qué no le dan su terapia?" (a why that takes a failure as given).
    id: 'rhetorical_question',
    pattern: es(
      'por\\s*que\\s+(?:me\\s+tengo\\s+que\\s+enterar|tengo\\s+que\\s+enterarme|nadie|nunca|siempre|otra\\s+vez|no\\s+(?:me|le|les|lo|la)\\s+(?:\\p{L}+))|como\\s+(?:va|van|quieren\\s+que|esperan\\s+que)\\s+(?:a\\s+)?(?:\\p{L}+\\s+){0,2}?(?:aprender|avanzar|mejorar|progresar|leer|concentrarse)\\s+si\\s+(?:no|nadie|nunca)',
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      // "No sé por qué no le dan la tarea" is a real question about a fact; "por qué" must open the sentence.
      return (
        sentenceStartEs(text, m.index) === m.index &&
        (sentence.includes('?') || re('enterar').test(sentence) || !/[.]$/u.test(sentence))
      );
    },
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué pasó; ¿me lo podría explicar?',
  },
  // --- Sarcasm
  {
    // "..., muy amables.", "..., qué rapidez!", "qué buen trabajo", "qué buena idea" after a complaint.
    id: 'sarcasm',
    pattern: es(
      '(?:muy|tan|que)\\s+(?:amables?|atent[oa]s?|considerad[oa]s?|eficientes?|profesionales?|rapid[oa]s?)|que\\s+(?:rapidez|eficiencia|profesionalismo|puntualidad|buen\\s+trabajo|buena\\s+idea|buena\\s+organizacion|detalle|maravilla)',
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const prev = text.slice(Math.max(0, start - 120), m.index);
      const sentenceStart = start === m.index || /^[¡¿\s]*$/u.test(text.slice(start, m.index));
      // Praise that closes a complaint: after a comma (or as its own exclamation) with a late, lost or
      // missing thing before it. "Qué buen trabajo hizo en la obra de teatro!" opens its sentence.
      const tail = /,\s*(?:¡\s*)?$/u.test(text.slice(0, m.index)) || sentenceStart;
      return (
        tail &&
        stem(
          '\\b(?:antes|despues|tarde|otra\\s+vez|otra|de\\s+nuevo|perdieron|perdio|semanas|dias|meses|horas|nadie|nunca|no\\b|ni\\b|cancel|falt)',
        ).test(sentenceStart ? text.slice(Math.max(0, start - 120), start) : prev)
      );
    },
    span: (m, text) => {
      let start = m.index;
      while (start > 0 && /[\s,¡]/u.test(text[start - 1]!)) start--;
      if (start <= sentenceStartEs(text, m.index)) start = sentenceStartEs(text, m.index);
      let end = m.index + m[0].length;
      if (text[end] === '!') end++;
      return { start, end };
    },
    suggest: () => LEAVE_OUT_ES,
  },
  {
    // "Qué sorpresa, otra vez no hay datos", "Claro, otra junta ...", "Felicidades, ya perdieron ...", "Qué
    // casualidad".
    id: 'sarcasm',
    pattern: es(
      'gracias\\s+por\\s+nada|(?:ay\\s+)?que\\s+(?:sorpresa|casualidad|novedad|raro)|(?:que|muy)\\s+(?:padre|bonito|lindo|chistoso|conveniente)(?:\\s+que)?,?(?=\\s+(?:otra|otro|ya|de\\s+nuevo|nadie|nunca|sin|como\\s+siempre)\\b)|(?:claro|obvio|por\\s+supuesto|felicidades|bravo|genial|perfecto|excelente|(?:excelente|buen|gran|muy\\s+buen)\\s+trabajo),?(?=\\s+(?:otra|otro|ya|de\\s+nuevo|nadie|nunca|sin|como\\s+siempre)\\b)|como\\s+siempre,?(?=\\s+(?:nadie|nada|no)\\b)',
    ),
    accept: (m, text) =>
      // "Genial, otra buena noticia": good news, not irony.
      !stem('^\\s*(?:otra|otro)\\s+(?:buena|buen|gran|linda|bonita)').test(
        text.slice(m.index + m[0].length),
      ) &&
      (sentenceStartEs(text, m.index) === m.index ||
        /^[¡\s]*(?:(?:ah|ay|oh|uy|ajá|aja),?\s*)?$/iu.test(before(text, m.index))),
    span: (m, text) => {
      let end = m.index + m[0].length;
      while (/[,\s]/u.test(text[end] ?? '')) end++;
      return { start: m.index, end };
    },
    suggest: () => LEAVE_OUT_ES,
  },
  {
    // "Qué bueno que las adaptaciones existen en el papel, porque en el salón ni se ven", "Me encanta cómo
    // 'semanal' significa una vez al mes", "Gracias por su respuesta tan completa de dos renglones".
    id: 'sarcasm',
    pattern: es(
      '(?:que\\s+bueno|que\\s+bien|me\\s+encanta|me\\s+fascina|me\\s+alegra)\\s+(?:que|como|saber)\\b(?=[^.;!?\\n]*(?:,\\s*(?:porque|pero)\\s+[^.;!?\\n]*\\b(?:ni|no|nunca|nadie)\\b|[\'‘"“][^\'’"”]{2,30}[\'’"”]\\s+significa|\\ben\\s+el\\s+papel\\b))|gracias\\s+por\\s+(?:su|tu|la|el)\\s+\\p{L}+\\s+tan\\s+(?:complet[oa]|detallad[oa]|rapid[oa]|clar[oa]|amable|oportun[oa])(?=\\s+de\\s+(?:un|una|dos|tres|\\d+)\\s+(?:renglon|renglones|lineas?|palabras?|frases?))',
    ),
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // "Ya veo que para ustedes el papeleo es más importante que mi hijo", "Queda claro que la foto escolar importa
    // más que su terapia": the school's priorities, ranked above the child.
    id: 'sarcasm',
    pattern: es(
      '(?:ya\\s+veo|veo|ya\\s+vi|ahora\\s+se|ya\\s+se|queda\\s+claro|esta\\s+claro|que\\s+bueno\\s+saber)\\s+que\\b[^.;!?\\n]{0,80}?\\b(?:(?:es|son)\\s+mas\\s+importantes?|importan?\\s+mas|vale\\s+mas|valen\\s+mas)\\s+que\\b[^.;!?\\n]*',
    ),
    span: wholeSentence,
    suggest: (_m, text, span) =>
      atStart(
        text,
        span,
        `me preocupa que ${childEs(text).replace('mi ', 'las necesidades de mi ')} no sean la prioridad`,
      ),
  },
  {
    // "Seguro la terapeuta está muy ocupada con todas las sesiones que no da", "Muchas gracias por avisarme de
    // la junta una hora antes" (thanks for something late).
    id: 'sarcasm',
    pattern: es(
      '(?:seguro|seguramente|me\\s+imagino\\s+que|supongo\\s+que)\\s+(?:que\\s+)?[^.;!?\\n]{2,50}?\\s+(?:esta|estan|anda|andan)\\s+(?:muy\\s+|tan\\s+|super\\s+)?ocupad[oa]s?(?=[^.;!?\\n]*\\bque\\s+no\\b)|(?:muchas\\s+)?gracias\\s+por\\s+avisar(?:me|nos)\\s+[^.;!?\\n]{2,60}?(?:una|dos|\\d+)\\s+(?:hora|horas|minutos|dias)\\s+(?:antes|despues)',
    ),
    span: wholeSentence,
    suggest: (m, text, span) =>
      atStart(
        text,
        span,
        stem('ocupad').test(m[0])
          ? 'me preocupa que no se estén dando las sesiones'
          : 'me hubiera gustado saberlo con más tiempo',
      ),
  },
  // --- Blame
  {
    // "por culpa de ustedes", "le echan la culpa a su discapacidad", "tú eres la razón", "fue su decisión ... lo
    // que lo atrasó", "La escuela provocó esa crisis", "Su personal provocó la situación".
    id: 'blame',
    pattern: es(
      'gracias\\s+a\\s+(?:ustedes|usted|ti|la\\s+escuela|el\\s+distrito|su\\s+\\p{L}+|la\\s+maestra|el\\s+maestro)(?=[^.;!?\\n]*\\b(?:no|ya\\s+no|odia|perdio|retrocedio|atraso|empeoro|sufre|llora|peor)\\b)|la\\s+culpa\\s+(?:es|la\\s+tiene|la\\s+tienen)\\s+(?:de\\s+)?(?:ustedes|usted|la\\s+\\p{L}+|el\\s+\\p{L}+|su\\s+\\p{L}+)|(?:es|fue)\\s+(?:su|tu)\\s+culpa|por\\s+(?:su|tu)\\s+culpa|por\\s+culpa\\s+suya|(?:ustedes|usted|la\\s+escuela|el\\s+distrito)\\s+(?:son|es)\\s+(?:los|las|el|la)\\s+(?:responsables?|culpables?)|(?:lo|la|le)\\s+(?:estan|esta|han|ha)\\s+(?:perjudicando|perjudicado|danando|danado|arruinando|arruinado|traumando|traumado)|por\\s+culpa\\s+(?:de|del)\\s+(?:ustedes|usted|ti|la\\s+\\p{L}+|el\\s+\\p{L}+|su\\s+\\p{L}+|esa\\s+\\p{L}+|ese\\s+\\p{L}+|la\\s+escuela|el\\s+distrito)|(?:le|les|me)\\s+echan\\s+la\\s+culpa|(?:tu|usted|ustedes)\\s+(?:eres|es|son)\\s+(?:la|el)\\s+(?:razon|culpable|causa|motivo)|(?:fue|es)\\s+(?:su|tu)\\s+decision\\s+(?:de\\s+)?[^.;!?\\n]{2,60}?\\s+lo\\s+que|(?:provoco|provocaron|causo|causaron|ocasiono|ocasionaron|desencadeno)\\s+(?:esa|esta|la|el|su|una|un)\\s+(?:crisis|situacion|problema|retroceso|conducta|berrinche|episodio|incidente)|se\\s+equivoco\\s+y\\s+(?:mi|nuestr[oa])\\s+\\p{L}+\\s+es\\s+(?:el|la)\\s+que\\s+(?:esta\\s+)?pag\\p{L}*|(?:lo|la)\\s+dejaron\\s+(?:atrasarse|atrasar|retroceder|caer|fracasar|solo|sola)|y\\s+luego\\s+(?:lo|la)\\s+(?:castigaron|castigan|suspendieron|regañaron)',
    ),
    accept: (m, text) =>
      !childSubject(text, m.index) || stem('culpa|provoc|caus|responsable|perjudic|arruin|dan').test(m[0]),
    span: clauseAround,
    suggest: askWhatHappened,
  },
  {
    // "Por no darle la terapia ocupacional, ahora escribe peor", "fue porque la maestra no quiso usar el horario
    // visual": cause and effect with the school's failure as the cause.
    id: 'blame',
    pattern: es(
      '(?:por\\s+no\\s+(?:darle|darles|hacerle|ponerle|seguir|cumplir|respetar|usar)|(?:fue|es|paso|pasaron|sucedio|ocurrio)\\s+porque\\s+(?:la\\s+\\p{L}+|el\\s+\\p{L}+|ustedes|usted|nadie|su\\s+\\p{L}+)(?:\\s+\\p{Lu}\\p{L}+)?\\s+(?:no\\s+(?:le\\s+|les\\s+|lo\\s+|la\\s+|me\\s+)?(?:quiso|quisieron|supo|supieron|hizo|hicieron|siguio|siguieron|cumplio|cumplieron|uso|usaron|dio|dieron|respeto|respetaron|aviso|avisaron|puso|pusieron)|nunca))',
    ),
    span: clauseAround,
    suggest: askWhatHappened,
  },
  // --- Insults
  {
    // "es una floja y una irresponsable", "es un incompetente", "Son unos ignorantes", "es una mentirosa",
    // "qué gente tan inútil", "la peor maestra", "no sabe hacer su trabajo", "no tiene ni idea de lo que hace".
    id: 'insult',
    pattern: es(
      '(?:es|son|eres|sea|sean|fue|fueron)\\s+(?:un|una|unos|unas)?\\s*(?:(?:completa|completo|total|verdadera|verdadero)\\s+)?(?:incompetentes?|inutil(?:es)?|flojo|floja|flojos|flojas|irresponsables?|mentiros[oa]s?|ignorantes?|inept[oa]s?|idiotas?|estupid[oa]s?|tont[oa]s?|negligentes?|mediocres?|burr[oa]s?|desgraciad[oa]s?|groser[oa]s?|una\\s+verguenza|un\\s+desastre|un\\s+chiste|una\\s+burla)|(?:que|tan)\\s+(?:gente|personal|escuela|maestr[oa]s?)\\s+tan\\s+\\p{L}+|(?:la|el)\\s+(?:peor|mas\\s+incompetente)\\s+(?:maestra|maestro|escuela|terapeuta|directora|director|case\\s+manager|asistente|equipo|distrito)|no\\s+(?:sabe|saben|sabes)\\s+hacer\\s+su\\s+trabajo|no\\s+(?:sirve|sirven|sirves)\\s+para\\s+nada|no\\s+(?:tiene|tienen|tienes)\\s+(?:ni\\s+)?(?:la\\s+mas\\s+minima\\s+)?idea\\s+de\\s+lo\\s+que\\s+(?:hace|hacen|haces)|(?:persona|gente)\\s+sin\\s+(?:corazon|verguenza|alma)|(?:incompetentes|inutiles|ignorantes|mentirosos|irresponsables)',
    ),
    accept: (m, text) => {
      // "Mi hijo no es flojo", "Él no es un problema": the child, or a denial.
      if (childSubject(text, m.index)) return false;
      if (re('no\\s*$').test(before(text, m.index)) && !re('^no\\s').test(m[0])) return false;
      return !re(
        '(?:me\\s+siento|me\\s+senti|me\\s+hacen\\s+sentir|sentirme|siento\\s+que\\s+soy)\\s*(?:\\p{L}+\\s+)?$',
      ).test(before(text, m.index));
    },
    // "es una floja y una irresponsable": the second judgement goes with the first.
    span: (m, text) => {
      const span = clauseAround(m, text);
      const more = /^\s+y\s+(?:un|una|unos|unas)\s+\p{L}+/u.exec(text.slice(span.end));
      return more ? { start: span.start, end: span.end + more[0].length } : span;
    },
    suggest: notWorkingFor,
  },
  // --- Absolutes
  {
    // "Usted nunca contesta", "nunca respetan sus adaptaciones", "Siempre ponen las juntas cuando ...", "Nunca
    // me avisan nada", "jamás". Not the child's habits: "Nunca come cuando está nervioso", "Siempre le va
    // mejor con un horario".
    id: 'never',
    pattern: es('nunca|jamas|siempre|todo\\s+el\\s+tiempo'),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      const b = before(text, m.index);
      const a = after(text, m.index + m[0].length);
      // The verb after it (past clitics and "ha/han"): a plural or the reader's "usted" form.
      const verb =
        /^\s*(?:(?:me|nos|le|les|lo|la|los|las|se)\s+)*(\p{L}+)/iu.exec(a)?.[1]?.toLowerCase() ?? '';
      // "Vos sabés que Tomi siempre se pone ansioso": after "que", the clause's own subject (Tomi) is the one
      // the absolute is about, not the reader the sentence opened with.
      const clause = /\bque\s+(?=\p{L})(?!.*\bque\s)(.*)$/iu.exec(b)?.[1] ?? b;
      const schoolBefore = re(`(?:${SCHOOL})(?:\\s+\\p{L}+){0,3}\\s*$`).test(clause);
      const plural = /(?:[aá]n|[eé]n|ron|[ií]an)$/u.test(verb) && !/^(?:bien|tien)$/u.test(verb);
      // "es muy amable, siempre me contesta" is praise; thanks are warm.
      if (stem('gracias|agradec|amable|ayuda\\s+mucho').test(b + a)) return false;
      // Praise ("siempre han sido muy pacientes", "nunca ha faltado") and other children ("sus compañeros
      // siempre lo invitan") are not the school's failure.
      if (
        stem(
          'amable|paciente|responsable|carin|atent[oa]s?\\b|dedicad|apoy|quiere\\s+mucho|encanta|(?:ha|han)\\s+faltado|llega(?:n)?\\s+tarde|se\\s+queja',
        ).test(b + a)
      )
        return false;
      if (stem('compan|amig|otros\\s+nin|herman|primo|prima').test(b)) return false;
      // "Nunca le han gustado los ruidos fuertes": the child's tastes and fears (round four).
      if (
        stem(
          '^\\s*(?:le|les)\\s+(?:han\\s+|ha\\s+)?(?:gust|encant|interes|asust|(?:dan|da|dio|dieron)\\s+miedo)',
        ).test(a)
      )
        return false;
      // "la maestra siempre lo ayuda": praise.
      if (
        /^siem/iu.test(m[0]) &&
        stem(
          '^\\s*(?:(?:me|nos|le|les|lo|la|los|las|se)\\s+)*(?:ayud|apoy|cuid|escuch|anim|salud|atiend|explic|felicit|preocup|trata\\s+bien|es\\s+amable|esta\\s+pendiente|pregunt|sonr|abraz|recib|acompan|motiv|inclu|integr|avis|comunic)',
        ).test(a)
      )
        return false;
      if (m[0].toLowerCase().startsWith('jam') && re('nadie|usted|ustedes|me\\s+ha|han').test(b + a))
        return true;
      return schoolBefore || plural;
    },
    // "me ha escuchado jamás": the emphasis goes, with the space before it.
    span: (m, text) => {
      if (!/^jam/iu.test(m[0]) || /^\s+\p{L}/u.test(text.slice(m.index + m[0].length)))
        return { start: m.index, end: m.index + m[0].length };
      let start = m.index;
      while (start > 0 && /\s/u.test(text[start - 1]!)) start--;
      return { start, end: m.index + m[0].length };
    },
    suggest: (m, text) => {
      const word = m[0].toLowerCase();
      if (/^jam/u.test(word) && !/^\s+\p{L}/u.test(text.slice(m.index + m[0].length))) return LEAVE_OUT_ES;
      const out = word === 'siempre' || word.startsWith('todo') ? 'muchas veces' : 'no';
      return sentenceStartEs(text, m.index) === m.index ? upperFirst(out) : out;
    },
  },
  {
    // "Cada vez que pregunto por sus datos, nadie los tiene", "ni una sola vez le han dado su tiempo extra",
    // "No están haciendo nada de lo que dice el IEP, nada".
    id: 'absolute',
    pattern: es(
      'cada\\s+vez\\s+que|todos\\s+los\\s+dias|todas\\s+las\\s+semanas|ni\\s+una\\s+(?:sola\\s+)?vez|nada\\s+de\\s+lo\\s+que|todas\\s+(?:y\\s+cada\\s+una\\s+de\\s+)?las\\s+veces',
    ),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index));
      if (stem('^(?:ni\\s+una|nada\\s+de|ningun|nadie)').test(m[0])) return true;
      return stem('nadie|nunca|\\bno\\b|ninguno|excusa|cancel|problema|castig|con\\s+ustedes').test(
        sentence.slice(m[0].length),
      );
    },
    suggest: (m, text) => {
      const word = m[0].toLowerCase();
      if (/^tod/u.test(word))
        return sentenceStartEs(text, m.index) === m.index ? 'Muchos días' : 'muchos días';
      const out = re('^ni').test(word) ? 'no' : re('^nada').test(word) ? 'lo que' : 'varias veces cuando';
      return sentenceStartEs(text, m.index) === m.index ? upperFirst(out) : out;
    },
  },
  {
    // "Ninguno de ustedes ha cumplido con el plan", "Nadie de ese equipo me contesta": the whole team at once.
    id: 'absolute',
    pattern: es(
      '(?:ninguno|ninguna|nadie)\\s+de\\s+(?:ustedes|ellos|ellas|los\\s+maestros|sus\\s+maestros|ese\\s+equipo|esa\\s+escuela)',
    ),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, 'me preocupa que el plan no se esté cumpliendo'),
  },
  {
    // ", nada." closing a negative sentence: "No están haciendo nada de lo que dice el IEP, nada".
    id: 'absolute',
    pattern: es('(?<=,\\s*)(?:nada|nadie|ninguno|ninguna|ni\\s+uno|ni\\s+una)(?=\\s*[.!]|\\s*$)'),
    accept: (m, text) => re('\\bno\\b|nada|nunca').test(before(text, m.index)),
    span: (m, text) => {
      let start = m.index;
      while (start > 0 && /[\s,]/u.test(text[start - 1]!)) start--;
      return { start, end: m.index + m[0].length };
    },
    suggest: () => LEAVE_OUT_ES,
  },
  // --- Orders
  {
    // An order at a sentence's start without a softener: "Mándeme los registros mañana mismo", "Llámeme en
    // cuanto lea esto", "Regresen a la asistente", "Dejen de sacarlo", "Arreglen el horario", "Dale el tiempo
    // extra". Not "Ayúdeme a entender", "Avíseme si necesita algo", "Por favor no cambien su horario".
    id: 'command',
    pattern: es(
      '(?:mandeme|mandenme|mandame|mande|manden|envieme|envienme|enviame|reenviele|reenvienle|reenvie|reenvien|llameme|llamenme|llamame|regrese|regresen|regresenle|devuelvan|devuelva|devuelveme|arreglen|arregle|arregla|cumplan|cumpla|respeten|respete|repongan|reponga|pongale|ponganle|pongan|denle|dele|dale|denme|deme|dejen\\s+de|deje\\s+de|deja\\s+de|quitenle|contesteme|contestenme|contestame|contesten|respondame|respondanme|respondan|expliquenme|expliqueme|corrijan|corrija|hagan|haga\\s+su|hagalo|haganlo|saquen|saque|pasenme|paseme|resuelvan|resuelva|pongase|pongan(?:se)?)',
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      if (!/^(?:[\s¡]*|[\s¡]*(?:y|ya|ahora|entonces|solo|nomas)\s+)$/iu.test(text.slice(start, m.index)))
        return false;
      // "Dale, te mando el formulario mañana": the Rioplatense "OK", not "give him" (round five).
      if (/^dale$/iu.test(m[0]) && /^\s*(?:[,.!;]|$)/u.test(text.slice(m.index + m[0].length))) return false;
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (SOFT.test(sentence)) return false;
      return !sentence.includes('?');
    },
    span: toClauseEnd,
    suggest: (m, text, span) => {
      const words = lowerFirst(text.slice(m.index, span.end));
      return pleaseFrom(text, m.index, span.start, words);
    },
  },
  {
    // "Exijo que le den su terapia", "Les exijo una respuesta", "Quiero que me manden todo hoy mismo".
    id: 'command',
    pattern: es(
      '(?:(?:les|le|te)\\s+)?exij(?:o|imos)|(?:quiero|queremos|necesito|necesitamos)\\s+que\\s+(?:me|nos|le|les|lo|la)?\\s*\\p{L}+(?=[^.;!?\\n]*\\b(?:hoy|ya|ahora|ahorita|inmediatamente|de\\s+inmediato|manana\\s+mismo|hoy\\s+mismo|cuanto\\s+antes|en\\s+este\\s+momento)\\b)',
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      return (
        /^[\s¡]*$/u.test(text.slice(start, m.index)) &&
        !SOFT.test(text.slice(start, sentenceEndEs(text, m.index)))
      );
    },
    span: (m) => {
      const lead =
        /^(?:(?:les|le|te)\s+)?exij(?:o|imos)|^(?:quiero|queremos|necesito|necesitamos)\s+que/iu.exec(m[0]);
      return { start: m.index, end: m.index + (lead?.[0].length ?? m[0].length) };
    },
    suggest: (m, text, span) => {
      const exige = /exij/iu.test(m[0]);
      const que = /^\s+que\b/iu.test(text.slice(span.end));
      return atStart(text, span, exige ? (que ? 'les pido' : 'les pido') : 'les pido que');
    },
  },
  {
    // "No me vuelva a escribir sin copiar al case manager", "Ustedes van a reponer las sesiones a partir de la
    // próxima semana", "Usted tiene que ...", "Ustedes deben ...".
    id: 'command',
    pattern: es(
      'no\\s+(?:me\\s+|le\\s+|lo\\s+|la\\s+|nos\\s+)?(?:vuelva|vuelvan|vuelvas)\\s+a\\s+(?<verb>\\p{L}+)|(?:ustedes|usted)\\s+(?:van|va)\\s+a\\s+(?<inf>reponer|dar|darle|poner|ponerle|cumplir|hacer|mandar|mandarme|regresar|devolver|pagar|contratar|arreglar)|(?:ustedes|usted)\\s+(?:tienen|tiene|deben|debe)\\s+(?:que\\s+)?(?<inf2>\\p{L}+(?:ar|er|ir)(?:le|les|me|lo|la)?)',
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      const ok = !SOFT.test(sentence) && !sentence.includes('?');
      return ok && !re('(?:si|cuando|que)\\s*$').test(before(text, m.index));
    },
    span: toClauseEnd,
    suggest: (m, text, span) => {
      const g = m.groups ?? {};
      const rest = text.slice(m.index + m[0].length, span.end);
      const words = g.verb
        ? `por favor, no ${m[0].replace(/^no\s+/iu, '')}${rest}`
        : `les pido ${(g.inf ?? g.inf2 ?? '').toLowerCase()}${rest}`;
      return atStart(text, span, words);
    },
  },
  // --- Round two (docs/tone-check.md, "Spanish, round two"): the grammar of accusation, not the phrases of
  // one set. Written from the misses of Spanish set 2 (a development set since it was measured once) and
  // checked against the neutral sentences of sets 1 and 2, the unit tests and the English sets.
  {
    // Threats without a legal verb: going public ("voy a decir públicamente ... con nombres"), a lawyer copied
    // on every letter, "cuidado con lo que escriben", "esto no va a quedar así", "ya hablé con ... y con un
    // abogado".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:${INTENT})\\s+(?:\\p{L}+\\s+){0,4}?(?:publicamente|en\\s+publico|a\\s+todo\\s+el\\s+mundo|a\\s+todos\\s+los\\s+padres|con\\s+nombres(?:\\s+y\\s+apellidos)?)|(?:abogad[oa]|licenciad[oa])\\s+(?:va|van|ira|iran|estara|estaran)\\s+(?:en\\s+)?copia|(?:con\\s+)?copia\\s+(?:a|para)\\s+(?:mi|nuestr[oa])\\s+abogad[oa]|(?:tengan|tenga|ten)?\\s*cuidado\\s+con\\s+lo\\s+que\\s+(?:escriben|dicen|hacen|firman|escribe|dice|hace)|(?:esto|eso)\\s+no\\s+(?:se\\s+)?(?:va\\s+a\\s+)?qued(?:ar|a|ara)\\s+asi|(?:ya\\s+)?(?:hable|hablamos|consulte|consultamos)\\s+con\\s+[^.;!?\\n]{3,60}?\\b(?:un|una|mi|nuestr[oa])\\s+abogad[oa]`,
    ),
    accept: (m, text) => !re('(?:si|cuando)\\s+(?:\\p{L}+\\s+){0,3}$').test(before(text, m.index)),
    span: clauseAround,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // An ultimatum is a demand joined by "o" to what follows if it is not met: "..., o lo saco de la escuela",
    // "o nos vemos en la audiencia", "asistente de tiempo completo o no regresa", "o esto sigue más arriba,
    // ustedes deciden", "de lo contrario entenderé que se niegan", "Les doy una oportunidad más y después ...",
    // "se acabó mi cooperación", "Esto no se negocia".
    id: 'ultimatum',
    pattern: es(
      `\\bo\\s+(?:(?:lo|la)\\s+(?:saco|sacamos|voy\\s+a\\s+sacar|dejo\\s+en\\s+casa|cambio\\s+de\\s+escuela)|nos\\s+vemos\\s+en|(?:ya\\s+)?no\\s+(?:regresa|vuelve|va|viene|asiste|(?:lo|la)\\s+(?:mando|llevo|traigo))|esto\\s+(?:sigue|se\\s+va|va|llega|pasa)\\s+(?:a\\s+|mas\\s+|hasta\\s+)|(?:me\\s+|nos\\s+)?(?:voy|vamos)\\s+a\\s+(?:\\p{L}+\\s+){0,4}?(?:${TARGET}|queja|demanda|medidas|acciones)|(?:tomo|tomare|tomaremos)\\s+(?:otras\\s+)?(?:medidas|acciones))|de\\s+lo\\s+contrario\\s+(?:\\p{L}+\\s+)?(?:entendere|entenderemos|asumire|asumiremos|voy|vamos|tomare|procedere|me\\s+vere)|(?:les?|te)\\s+doy\\s+(?:una|otra|la\\s+ultima)\\s+(?:oportunidad|chance|semana)(?:\\s+mas)?|se\\s+(?:me\\s+|nos\\s+)?(?:acabo|termino|acaba)\\s+(?:mi|la|nuestra|toda\\s+mi)\\s+(?:cooperacion|buena\\s+voluntad|paciencia|disposicion)|(?:esto|eso)\\s+no\\s+(?:se\\s+negocia|es\\s+negociable)|ustedes\\s+deciden(?=\\s*[.!]*\\s*$)|usted\\s+decide(?=\\s*[.!]*\\s*$)`,
    ),
    accept: (m, text) => {
      if (!/^o\s/iu.test(m[0])) return true;
      // "¿Es en la mañana o en la tarde?": a choice, not a consequence; a question is not an ultimatum.
      return !text.slice(m.index, sentenceEndEs(text, m.index) + 1).includes('?');
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // A judgement of a person or of their work, in more words: "es demasiado soberbia", "es un abusador", "son
    // todos unos groseros y unos vagos", "eres pésima maestra", "Son patéticos", "un trabajo mediocre y mal
    // hecho", "practicantes con más sentido común que todo ese equipo", "Qué pena me dan".
    id: 'insult',
    pattern: es(
      `(?:es|son|eres|era|eran|fue|fueron|sea|sean|parece|parecen)\\s+(?:todos\\s+|todas\\s+)?(?:(?:un|una|unos|unas)\\s+)?(?:(?:trabajo|informe|reporte|servicio|equipo|maestr[oa]|persona|gente|profesional)\\s+)?(?:(?:demasiado|muy|bien|tan|super|realmente|completamente|totalmente)\\s+)?(?:soberbi[oa]s?|abusador(?:a|es|as)?|prepotentes?|arrogantes?|groser[oa]s?|vag[oa]s?|pesim[oa]s?|patetic[oa]s?|mediocres?|incapa(?:z|ces)|descarad[oa]s?|cinic[oa]s?|hipocritas?|sinverguenzas?|cobardes?|insensibles?|inhuman[oa]s?|crueles?|mal\\s+hech[oa]s?|chapucer[oa]s?|una\\s+porqueria|basura|un\\s+fraude)|(?:mas|menos)\\s+sentido\\s+comun\\s+que|(?:que\\s+)?(?:pena|lastima|asco|verguenza)\\s+(?:me|nos)\\s+dan`,
    ),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      const b = before(text, m.index);
      // "Mi hijo no es grosero", "No creo que sea mala maestra": a denial; the parent's own feeling.
      if (re('(?:\\bno|nadie)\\s*$').test(b)) return false;
      return !re('(?:me\\s+siento|me\\s+senti|sentirme|yo)\\s*(?:\\p{L}+\\s+)?$').test(b);
    },
    span: (m, text) => {
      const span = clauseAround(m, text);
      const more = /^\s+y\s+(?:un|una|unos|unas)\s+\p{L}+/u.exec(text.slice(span.end));
      return more ? { start: span.start, end: span.end + more[0].length } : span;
    },
    suggest: notWorkingFor,
  },
  {
    // Sarcasm: warm words at a sentence's start before "otro/otra/otra vez" ("Ay qué maravilla, otro
    // formulario", "Qué bonito ver otra vez ..."), "bien pensado" after a complaint, "con eso seguro se
    // arregla todo", "es más fácil que leer el plan", "a los niños les encanta".
    id: 'sarcasm',
    pattern: es(
      `(?:(?:ay|ah|oh),?\\s+)?(?:que\\s+(?:maravilla|bonito|lindo|padre|bueno|bien)|genial|perfecto|excelente)\\b(?=[^.;!?\\n]{0,40}?\\b(?:otro|otra|otros|otras|otra\\s+vez|de\\s+nuevo|sin\\s+avisar|famos[oa])\\b)|(?:muy\\s+|que\\s+|tan\\s+)?bien\\s+pensad[oa]s?|(?:seguro|seguramente)\\s+(?:que\\s+)?(?:con\\s+eso\\s+)?se\\s+(?:arregla|resuelve|soluciona)\\s+todo|es\\s+mas\\s+facil\\s+(?:que\\s+(?:leer|seguir|cumplir|hacer|revisar)|culpar|echarle)|a\\s+los\\s+ninos\\s+les\\s+encanta`,
    ),
    accept: (m, text) => {
      const words = m[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const start = sentenceStartEs(text, m.index);
      if (/^(?:ay|ah|oh|que|genial|perfecto|excelente)/u.test(words)) {
        // "Qué bueno que otra vez está leyendo", "Genial, otra buena noticia": warm words that stay warm; the
        // irony needs a chore or a failure in the sentence.
        const sentence = text.slice(m.index, sentenceEndEs(text, m.index));
        return (
          start === m.index &&
          stem(
            'formulario|reunion|junta|cancel|sin\\s+avisar|famos|nadie|\\bno\\s|firmar|excusa|papeleo',
          ).test(sentence)
        );
      }
      // "muy bien pensado" after a complaint ("sin avisar ..."), not after praise ("es muy bonito, bien pensado").
      if (/bien\s+pensad/u.test(words))
        return stem('sin\\s|\\bno\\s|nadie|otra\\s+vez|cancel').test(text.slice(start, m.index));
      return true;
    },
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // Ironic quotation marks: a word of the school's put in quotes and given its real meaning ("sus 'descansos
    // sensoriales' ahora son sentarse una hora en la dirección", "'semanal' quiere decir otra cosa", "seguro
    // que él 'escogió' tener una crisis"). Not a question about a word ("¿Qué significa 'push-in'?").
    id: 'sarcasm',
    pattern: es(
      `[‘'"“][\\p{L} ]{2,30}[’'"”](?=[^.;!?\\n]{0,40}?\\b(?:ahora\\s+(?:es|son|significa)|quiere\\s+decir\\s+otra|significa\\s+otra|en\\s+realidad\\s+(?:es|son)))|(?:seguro|claro|obvio)\\s+(?:que\\s+)?(?:\\p{L}+\\s+){0,2}[‘'"“]\\p{L}+[’'"”]`,
      'giu',
      false,
    ),
    accept: (m, text) => !text.slice(m.index, sentenceEndEs(text, m.index) + 1).includes('?'),
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // Rhetorical questions by their grammar: "¿... soy la única que ...?", "¿... si fuera su propio hijo?",
    // "¿Ustedes saben lo que es ...?", "¿Hay alguien a cargo ...?", "¿A quién beneficia ...?", "¿Tengo que
    // ... para que le den ...?", "¿Para qué ... si ...?", "¿Cuántas sesiones más ...?", "por qué es tan
    // difícil que me den ...".
    id: 'rhetorical_question',
    pattern: es(
      `(?:soy|somos)\\s+(?:el|la|los|las)\\s+unic[oa]s?\\s+que|si\\s+fuera\\s+(?:su|tu)\\s+(?:propi[oa]\\s+)?(?:hij[oa]|nin[oa])|(?:ustedes|usted|tu|alguien(?:\\s+(?:en|de)\\s+(?:esa|esta|la)\\s+\\p{L}+)?)\\s+(?:saben|sabe|sabes)\\s+(?:lo\\s+que\\s+(?:es|significa|dice)|que\\s+es\\s+un|leer)|hay\\s+alguien\\s+(?:a\\s+cargo|que\\s+(?:me\\s+|le\\s+)?(?:lea|escuche|sepa\\s+lo\\s+que|le\\s+importe|haga\\s+algo|responda|conteste))|a\\s+quien\\s+(?:le\\s+)?(?:beneficia|sirve|conviene|ayuda)|que\\s+(?:le|les)\\s+(?:digo|explico|voy\\s+a\\s+decir)\\s+[^.;!?\\n]*\\b(?:por\\s*que|ya\\s+no)\\b|(?:tengo|tenemos)\\s+que\\s+(?:ir|venir|sentarme|quedarme|estar\\s+ahi|rogar|suplicar|rogarles|gritar|amenazar|llorar|hacer\\s+(?:yo\\s+)?(?:su|el)\\s+trabajo)\\s+(?:\\p{L}+\\s+){0,5}?para\\s+que|que\\s+(?:mas\\s+)?(?:tengo|tenemos)\\s+que\\s+hacer\\s+para\\s+que|para\\s+que\\s+(?:\\p{L}+\\s+){1,6}?si\\s+(?:no|nadie|nunca|ustedes|usted)|cuant[oa]s\\s+(?:veces|sesiones|semanas|meses|correos|llamadas|reuniones|juntas|dias)\\s+mas|por\\s*que\\s+(?:es\\s+tan\\s+(?:dificil|complicado)|(?:les|le)\\s+cuesta\\s+tanto)`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      if (/^por/iu.test(m[0])) return sentenceStartEs(text, m.index) === m.index && !/\.$/u.test(sentence);
      if (/^si\s+fuera/iu.test(m[0])) return true;
      return sentence.includes('?');
    },
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué está pasando y cómo podemos resolverlo.',
  },
  {
    // Blame as its grammar: "culpa suya", "por culpa de tu equipo", the school as the subject of a cause
    // ("Ustedes causaron este lío", "La escuela dejó que esto pasara"), a harm "porque" the school did not act
    // ("pasó porque no siguieron su plan", "Se lastimó porque su personal no lo estaba vigilando", "porque su
    // departamento lo dejó meses sin terapia"), "La hago responsable", "le tocaba a usted".
    id: 'blame',
    pattern: es(
      `(?:es|fue|sera)\\s+culpa\\s+(?:suya|tuya|de\\s+ustedes|de\\s+usted|de\\s+la\\s+escuela|del\\s+distrito)|culpa\\s+suya|por\\s+culpa\\s+de\\s+(?:tu|tus|sus|los|las|esa|ese|esos|esas)\\s+\\p{L}+|(?:${SCHOOL}|su\\s+\\p{L}+|la\\s+\\p{L}+|el\\s+\\p{L}+)\\s+(?:\\p{L}+\\s+)?(?:causaron|causo|provocaron|provoco|crearon|ocasionaron|ocasiono)\\b|(?:dejo|dejaron|permitio|permitieron)\\s+que\\s+(?:esto|eso|todo\\s+esto|esta\\s+situacion)\\s+(?:pasara|sucediera|ocurriera|llegara|siguiera|empeorara|creciera)|porque\\s+(?:(?:${SCHOOL}|su\\s+\\p{L}+|sus\\s+\\p{L}+)\\s+)?no\\s+(?:(?:le|les|lo|la|me|nos|se)\\s+)*(?:\\p{L}+(?:aron|ieron)|estaba(?:n)?\\s+\\p{L}+ando|estaba(?:n)?\\s+\\p{L}+iendo)|porque\\s+(?:${SCHOOL}|su\\s+\\p{L}+|sus\\s+\\p{L}+)\\s+(?:lo|la)\\s+(?:dejo|dejaron|tuvo|tuvieron)\\s+(?:\\p{L}+\\s+){0,2}sin|(?:la|lo|los|las|les|le)\\s+(?:hago|hacemos)\\s+(?:\\p{L}+\\s+)?responsables?|(?:le|les)\\s+(?:tocaba|correspondia)\\s+a\\s+(?:usted|ustedes|ti)|era\\s+(?:su|tu)\\s+responsabilidad`,
    ),
    accept: (m, text) => {
      // "porque no quiso comer": the child; "Si no le dieron ...": a condition.
      if (/^porque/iu.test(m[0])) {
        const who = /^porque\s+(\p{L}+)/iu.exec(m[0])?.[1]?.toLowerCase() ?? '';
        if (who === 'no' && !/(?:aron|ieron)$/iu.test(m[0]) && !/estaban/iu.test(m[0])) return false;
      }
      if (
        re('por\\s+culpa').test(m[0]) &&
        stem('enfermedad|gripa|resfriado|lluvia|trafico|tormenta|medicin').test(m[0])
      )
        return false;
      return !re('(?:si|cuando)\\s+(?:\\p{L}+\\s+){0,2}$').test(before(text, m.index));
    },
    span: clauseAround,
    suggest: askWhatHappened,
  },
  {
    // Absolutes over a whole class of the school's doings: "Cada correo que mando se pierde en el aire",
    // "Todas las reuniones terminan igual, sin decidir nada".
    id: 'absolute',
    pattern: es(
      '(?:cada\\s+(?:correo|mensaje|llamada|nota|reunion|junta|solicitud|pregunta|peticion|carta)\\s+que|tod[oa]s\\s+(?:los|las|mis)\\s+(?:reuniones|juntas|correos|mensajes|llamadas|veces|semanas|meses|solicitudes|peticiones))',
    ),
    accept: (m, text) => {
      const sentence = text.slice(m.index + m[0].length, sentenceEndEs(text, m.index));
      return stem(
        'se\\s+pierde|sin\\s+(?:respuesta|decidir|resolver)|terminan?\\s+igual|igual|nadie|nunca|\\bno\\s|ignor|cancel|excusa|nada',
      ).test(sentence);
    },
    span: wholeSentence,
    suggest: (_m, text, span) =>
      atStart(text, span, 'varias veces no he tenido respuesta; me gustaría que lo revisemos con fechas'),
  },
  {
    // Orders by their grammar: "Que la terapeuta me llame hoy", an imperative with a pronoun at a sentence's
    // start ("Quiten esa sanción", "Cancelen la reunión y pónganla ...", "Léase el IEP", "Consígame las
    // hojas"), "Tienen que darle ...", "... y punto".
    id: 'command',
    pattern: es(
      `que\\s+(?:(?:la|el)\\s+\\p{L}+(?:\\s+\\p{L}+)?|alguien|ustedes|usted)\\s+(?:me|le|les|nos|lo|la)\\s+\\p{L}+|(?:quit|cancel|firm|consig|corrij|borr|elimin|entreg|revis|busqu|program|agend|incluy|agreg|cambi|reponga|pong|hag|sa?qu)(?:en|e|an|a)?(?:le|les|la|las|lo|los|me|nos|se)?(?=\\s+(?:el|la|los|las|esa|ese|esas|esos|esta|este|su|sus|mi|mis|a|de|y)\\b)|lea(?:se|n|nse)?\\s+(?:el|su|mis|los)\\s+(?:iep|plan|correos?|expediente|informe)|y\\s+punto(?:\\s+final)?(?=\\s*[.!]*\\s*$)`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?') || SOFT.test(sentence)) return false;
      if (/^y\s+punto/iu.test(m[0])) return true;
      if (!/^[\s¡]*(?:(?:y|ya|ahora|entonces|solo|nomas)\s+)?$/iu.test(text.slice(start, m.index)))
        return false;
      // "Revisé el IEP", "Cambié de trabajo": the parent's own past, not an order.
      if (/[éó]$/u.test(m[0])) return false;
      // "Que tengan buen fin de semana", "Que le vaya bien": wishes, not orders.
      return !stem('vaya|tengan|tenga|pase|pasen|disfrut|descans|mejore|dios').test(m[0]);
    },
    span: toClauseEnd,
    suggest: (m, text, span) => {
      if (/^y\s+punto/iu.test(m[0])) return LEAVE_OUT_ES;
      return askOrPlease(m, text, span);
    },
  },
  {
    // Exasperation in more words: "no aguanto más", "ya me rindo", "Estoy agotada de tanto pelear", "Perdí
    // toda la paciencia", "ya es demasiado", "estoy cansá de esto".
    id: 'exasperation',
    pattern: es(
      'no\\s+(?:aguanto|soporto|aguantamos|soportamos)(?=\\s+mas|\\s*[,.!]|\\s*$|\\s+(?:esto|esta\\s+situacion)\\b)(?:\\s+mas)?|(?:ya\\s+)?(?:me|nos)\\s+(?:rindo|rendimos)|(?:estoy|estamos)\\s+(?:muy\\s+|tan\\s+)?(?:agotad[oa]s?|exhaust[oa]s?|cansad?[oa]s?|cansa)\\s+de\\s+(?:tanto|tanta|esto|todo\\s+esto|lo\\s+mismo|pelear|luchar|rogar|pedir|insistir|escribir|esperar)|(?:perdi|perdimos|se\\s+me\\s+acabo|se\\s+nos\\s+acabo)\\s+(?:toda\\s+)?(?:la|mi)\\s+paciencia|(?:ya\\s+)?es\\s+demasiado(?=\\s*[,.!]|\\s+(?:frustrante|para\\s+mi|para\\s+nosotros))',
    ),
    ...EXASPERATION,
  },
  {
    // The reader as the subject of a failure, in the past: "Ustedes no me avisaron del cambio", "Usted no le
    // dio su tiempo extra". Not after "si", "cuando", "entiendo que", not with "todavía" or "aún", not in a
    // question.
    id: 'blame',
    pattern: es(
      '(?:ustedes|usted)\\s+no\\s+(?:(?:me|le|les|lo|la|nos)\\s+)*(?:\\p{L}+(?:aron|ieron|o|io)|han\\s+\\p{L}+(?:ado|ido)|ha\\s+\\p{L}+(?:ado|ido))\\b',
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?') || stem('todavia|aun\\b|aún').test(sentence)) return false;
      return !re('(?:si|cuando|que|entiendo|se|aunque)\\s+(?:\\p{L}+\\s+){0,2}$').test(before(text, m.index));
    },
    span: clauseAround,
    suggest: (_m, text, span) =>
      atStart(text, span, 'me gustaría entender qué pasó; ¿me lo podría explicar?'),
  },
  // From Spanish set 4 (a development set of round two): more of the same grammar.
  {
    // Blame: "La escuela tiene la culpa de que ...", "por culpa del bus", "Es por su falta de comunicación que
    // ...", "por la negligencia del personal", "Vosotros sois los responsables de que ...", "Lo que le pasó ...
    // es responsabilidad de la escuela", "... y mire lo que pasó", "se olvidó de mandar ... y por eso ...",
    // "eso es por cómo manejaron el cambio", "ahora ustedes se lavan las manos", "la maestra lo provoca", "dejó
    // que se cayera".
    id: 'blame',
    pattern: es(
      `(?:ustedes|usted|escuela|distrito|maestr[oa]|director[a]?|personal|equipo|terapeuta|asistente)\\s+(?:\\p{L}+\\s+)?(?:tiene|tienen)\\s+(?:toda\\s+)?la\\s+culpa|por\\s+culpa\\s+del\\s+\\p{L}+|(?:es\\s+)?(?:por|debido\\s+a|a\\s+causa\\s+de)\\s+(?:(?:su|sus|tu)\\s+(?:falta\\s+de\\s+\\p{L}+|negligencia|descuido|desorganizacion|irresponsabilidad|incompetencia|mala\\s+\\p{L}+|mal\\s+manejo)|(?:la|el)\\s+(?:negligencia|descuido|irresponsabilidad|incompetencia|mal\\s+manejo))|(?:son|sois|es|eres)\\s+(?:los|las|el|la)\\s+(?:unic[oa]s?\\s+)?(?:responsables?|culpables?)\\s+de|lo\\s+que\\s+(?:le\\s+)?(?:paso|sucedio|ocurrio)\\b[^.;!?\\n]{0,40}?\\b(?:es|fue)\\s+(?:culpa|responsabilidad)\\s+de|(?:miren?|vean?)\\s+lo\\s+que\\s+(?:paso|hicieron|causaron|provocaron)|(?:se\\s+olvido|se\\s+olvidaron|olvidaron|no\\s+mando|no\\s+mandaron|no\\s+(?:le\\s+)?dieron|no\\s+(?:le\\s+)?dio)\\b[^.;!?\\n]{0,60}?\\by\\s+por\\s+eso\\b|(?:eso|esto)\\s+es\\s+por\\s+(?:como|lo\\s+que)\\s+\\p{L}+|(?:ustedes|usted|ahora|escuela|distrito|todos)\\s+se\\s+(?:lavan|lava|laven)\\s+las\\s+manos|(?:maestr[oa]|asistente|terapeuta|director[a]?|personal|escuela|ustedes|usted)\\s+(?:lo|la|los|las)\\s+(?:provoca|provocan|humilla|humillan|ignora|ignoran|trata\\s+mal|tratan\\s+mal)|(?:dejo|dejaron|permitio|permitieron)\\s+que\\s+se\\s+(?:cayera|lastimara|golpeara|perdiera|saliera|escapara|pegara)`,
    ),
    accept: (m, text) =>
      !stem('enfermedad|gripa|resfriado|lluvia|trafico|tormenta|medicin|nieve').test(m[0]) &&
      !re('(?:si|cuando)\\s+(?:\\p{L}+\\s+){0,2}$').test(before(text, m.index)),
    span: clauseAround,
    suggest: askWhatHappened,
  },
  {
    // Rhetorical questions: "¿... o esperaban que yo adivinara?", "¿De verdad esperan que firme ...?", "¿Se les
    // hace justo que ...?", "¿Les cuesta tanto ...?", "¿... a su propio hijo?", "¿Qué parte de ... no
    // entendieron?", "¿Por qué será que ...?", "¿Para qué ... si ya ...?", "¿... qué hace entonces, nomás
    // cobrar?", "¿Acaso mi hija no tiene ...?".
    id: 'rhetorical_question',
    pattern: es(
      `(?:(?:\\bo|de\\s+verdad|en\\s+serio|acaso|realmente)\\s+(?:esperan|esperaban|espera|esperaba|pretenden|pretende)\\s+que|(?:esperan|esperaban|pretenden)\\s+que\\s+(?:yo\\s+)?(?:adivin|firme|acepte|me\\s+quede|me\\s+conforme)\\p{L}*)|(?:se\\s+)?(?:les|le|te)\\s+hace\\s+(?:justo|normal|bien|correcto|logico|aceptable)|(?:les|te)\\s+cuesta\\s+(?:tanto|tan)|(?:su|tu)\\s+propi[oa]\\s+(?:hij[oa]|nin[oa])|que\\s+parte\\s+de\\b[^?]{1,60}?\\bno\\s+(?:entendieron|entiende|entienden|entendio|entendiste)|por\\s*que\\s+sera\\s+que|para\\s+que\\s+(?:\\p{L}+\\s+){1,6}?si\\s+ya|que\\s+hace(?:n)?\\s+entonces|(?:nomas|no\\s+mas|solo)\\s+(?:cobrar|cobran|a\\s+cobrar)|acaso\\s+(?:\\p{L}+\\s+){1,3}no\\b`,
    ),
    accept: (m, text) => text.slice(m.index, sentenceEndEs(text, m.index) + 1).includes('?'),
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué está pasando y cómo podemos resolverlo.',
  },
  {
    // Threats: "Ya estoy buscando abogado", "a contar todo delante de todos", "voy a llamar a la policía",
    // "Me voy a encargar de que esa maestra pierda su licencia".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `ya\\s+(?:estoy|estamos|ando|andamos)\\s+buscando\\s+(?:un\\s+|una\\s+)?abogad[oa]|(?:buscando|buscar)\\s+(?:un\\s+|una\\s+)?abogad[oa]\\s+para\\s+que\\s+(?:el|la|ustedes|usted|paguen|pague)\\b|(?:${INTENT})\\s+(?:\\p{L}+\\s+){0,10}?(?:contar|decir)\\s+todo\\s+(?:delante|frente)\\s+a?\\s*(?:de\\s+)?todos|(?:${INTENT})\\s+(?:llamar|hablarle|hablar)\\s+a\\s+la\\s+policia|(?:me|nos)\\s+(?:voy|vamos)\\s+a\\s+encargar\\s+de\\s+que|(?:pierda|pierdan)\\s+(?:su\\s+)?(?:licencia|trabajo|puesto|empleo)`,
    ),
    span: clauseAround,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // Ultimatums: "doy por terminada la comunicación", "Tienen una semana para ..., después no respondo", a
    // condition on what the child is given ("Si el lunes mi hija no tiene su laptop ..., no la mando más").
    id: 'ultimatum',
    pattern: es(
      `(?:doy|damos)\\s+por\\s+terminad[oa]s?\\s+(?:la|mi|nuestra|toda|cualquier)\\s+(?:comunicacion|dialogo|relacion|cooperacion|conversacion|colaboracion)|(?:tienen|tiene|tienes)\\s+(?:una|un|dos|tres|\\d+)\\s+(?:semanas?|dias?|horas?)\\s+para\\b(?=[^.;!?\\n]*\\b(?:despues|si\\s+no|o\\s+si\\s+no|de\\s+lo\\s+contrario|no\\s+respondo)\\b)|no\\s+respondo(?:\\s+(?:de\\s+mi|por\\s+lo\\s+que))?(?=\\s*[.!]|\\s*$)|si\\s+(?:\\p{L}+\\s+){0,4}no\\s+(?:tiene|tienen|le\\s+dan|le\\s+ponen)\\s+su\\s+(?:laptop|computadora|tableta|asistente|aide|terapia|servicio|servicios|programa|acomodaciones|adaptaciones|transporte|horario|sesiones?)\\b[^.;!?\\n]{0,80}?,\\s*(?:\\p{L}+\\s+){0,2}no\\s+(?:lo|la)\\s+(?:mando|llevo|traigo)`,
    ),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // Insults: "es una amargada", "un pesado y un maleducado", "una falsa", "unos impresentables".
    id: 'insult',
    pattern: es(
      `(?:es|son|eres|sois|fue|fueron)\\s+(?:todos\\s+)?(?:un|una|unos|unas)\\s+(?:amargad[oa]s?|pesad[oa]s?|maleducad[oa]s?|fals[oa]s?|impresentables?|chismos[oa]s?|metich[oa]s?|payas[oa]s?|bruj[oa]s?)(?=\\s*(?:[,.;!?]|$)|\\s+(?:y|que)\\s)|(?:es|son|eres|sois)\\s+(?:muy\\s+|tan\\s+|bien\\s+)?(?:maleducad[oa]s?|amargad[oa]s?|impresentables?)`,
    ),
    accept: (m, text) => !childSubject(text, m.index) && !re('\\bno\\s*$').test(before(text, m.index)),
    span: clauseAround,
    suggest: notWorkingFor,
  },
  {
    // Sarcasm: "ahora resulta que ...", "..., qué novedad", "Seguro la maestra estaba muy ocupada tomando
    // cafecito", "son expertos en perder papeles", "total tengo todo el tiempo del mundo", "me entero de todo
    // por mi hijo".
    id: 'sarcasm',
    pattern: es(
      `ahora\\s+resulta\\s+que|(?<=,\\s*)que\\s+(?:novedad|sorpresa|raro|casualidad)(?=\\s*[.!]*\\s*$)|(?:seguro|seguramente)\\s+(?:que\\s+)?[^.;!?\\n]{2,40}?\\s+(?:estaba|estaban|esta|estan)\\s+(?:muy\\s+|tan\\s+|super\\s+)?ocupad[oa]s?\\s+\\p{L}+(?:ando|iendo)|(?:son|es|eres|sois)\\s+(?:unos\\s+|unas\\s+)?expert[oa]s?\\s+en\\s+(?:perder|cancelar|olvidar|ignorar|no\\b|dar\\s+excusas)|tengo\\s+todo\\s+el\\s+tiempo\\s+del\\s+mundo|me\\s+entero\\s+de\\s+todo\\s+por\\s+(?:mi|otr)`,
    ),
    accept: (m, text) =>
      !/^ahora/iu.test(m[0]) ||
      stem('opcional|\\bno\\b|nadie|nunca|culpa|\\byo\\b|sugerencia|es\\s+mi').test(
        after(text, m.index + m[0].length),
      ),
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // Absolutes: "Ningún maestro ha leído el IEP", "Todo el año ha sido un desastre", "Siempre que hay
    // sustituto ... se queda sin sus acomodaciones", "Nunca nadie me explica nada".
    id: 'absolute',
    pattern: es(
      `(?:ningun|ninguna|ninguno)\\s+(?:de\\s+(?:los|las|sus)\\s+)?(?:maestr[oa]s?|terapeutas?|persona|miembro|asistentes?|profesor[a]?|profesores|docentes?)\\s+(?:me\\s+|le\\s+|lo\\s+)?(?:ha|han|se\\s+ha|hizo|quiso|sabe)|todo\\s+(?:el|este)\\s+(?:ano|semestre|curso|mes)\\s+(?:ha\\s+sido|fue)\\s+(?:un\\s+desastre|igual|lo\\s+mismo|una\\s+pesadilla)|siempre\\s+que\\b(?=[^.;!?\\n]*\\b(?:sin\\s+(?:su|sus|terapia|servicios?|acomodaciones|adaptaciones|apoyo|ayuda)|nadie|cancel\\p{L}*)\\b)|nunca\\s+nadie\\s+(?:me|nos|le|les)\\b|nadie\\s+nunca\\s+(?:me|nos|le|les)\\b`,
    ),
    accept: (m, text) =>
      !childSubject(text, m.index) &&
      !stem('gracias|nada\\s+malo|ninguna\\s+queja|ningun\\s+problema').test(
        text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index)),
      ),
    span: wholeSentence,
    suggest: (_m, text, span) =>
      atStart(text, span, 'varias veces no ha pasado lo acordado; me gustaría que lo revisemos con fechas'),
  },
  {
    // Orders: "Quiero la copia de los registros en mi correo hoy", "Ustedes le tienen que dar el tiempo extra,
    // punto".
    id: 'command',
    pattern: es(
      `(?:quiero|queremos|exijo)\\s+(?:la|el|los|las|una|un|mi|mis|su|sus)\\s+[^.;!?\\n]{2,60}?\\b(?:hoy|ya|ahora\\s+mismo|manana\\s+mismo|hoy\\s+mismo|de\\s+inmediato|inmediatamente)\\b|(?:ustedes|usted)\\s+(?:le|les|me|lo|la)\\s+(?:tienen|tiene)\\s+que\\s+\\p{L}+|,\\s*punto(?:\\s+final)?(?=\\s*[.!]*\\s*$)`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?') || SOFT.test(sentence)) return false;
      return /^,/u.test(m[0]) || /^[\s¡]*$/u.test(text.slice(start, m.index));
    },
    span: (m, text) =>
      /^,/u.test(m[0]) ? { start: m.index, end: m.index + m[0].length } : wholeSentence(m, text),
    suggest: (m, text, span) =>
      /^,/u.test(m[0]) ? LEAVE_OUT_ES : `Por favor, ${lowerFirst(text.slice(span.start, span.end))}`,
  },
  {
    // Exasperation: "ya me tienen jarta", "Estoy hasta las narices", "no me vengan con cuentos".
    id: 'exasperation',
    pattern: es(
      '(?:ya\\s+)?(?:me|nos)\\s+(?:tienen|tiene)\\s+(?:[hj]art[oa]s?|cansad[oa]s?|hasta\\s+\\p{L}+)|hasta\\s+(?:las\\s+narices|el\\s+tope|el\\s+cogote|la\\s+madre)|no\\s+me\\s+(?:vengan|venga|vengas)\\s+con\\s+(?:cuentos|excusas|pretextos|historias)|[hj]art[oa]s?\\s+de\\s+(?:lo\\s+mismo|esto|todo|sus|tanta|tanto)',
    ),
    accept: (m, text) => !childSubject(text, m.index),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, 'esto me está resultando muy difícil'),
  },
  // --- Exasperation
  {
    // "Ya estoy harta", "hasta la coronilla", "hasta el gorro", "Ya no puedo más", "Ya me cansé de ...", "qué
    // fastidio", "ya estuvo", "ya me hartaron", "es inaceptable", "es el colmo".
    id: 'exasperation',
    pattern: es(
      '(?:estoy|estamos|ya\\s+estoy|ya\\s+estamos)\\s+(?:muy\\s+|bien\\s+|tan\\s+)?(?:hart[oa]s?|fastidiad[oa]s?|furios[oa]s?|indignad[oa]s?)|(?:me|nos)\\s+(?:tienen|tiene)\\s+(?:hart[oa]s?|cansad[oa]s?)|(?:ya\\s+)?(?:me|nos)\\s+hartaron|hasta\\s+(?:la\\s+coronilla|el\\s+gorro|la\\s+madre|el\\s+copete|aqui)|ya\\s+no\\s+(?:puedo|podemos|aguanto|soporto)(?:\\s+mas)?(?!\\s+(?:ir|llevar|recoger|trabajar|pagar|las\\s+ganas))|ya\\s+me\\s+canse|ya\\s+nos\\s+cansamos|(?:estoy|estamos)\\s+(?:muy\\s+)?cansad[oa]s?\\s+de\\s+(?:andar|tener|estar|pedir|esperar|rogar|perseguir|lo\\s+mismo|que|sus|tanta|tantas|tantos|esta|este)|que\\s+fastidio|que\\s+coraje|que\\s+verguenza|ya\\s+estuvo|ya\\s+basta|es\\s+el\\s+colmo|(?:es|esto\\s+es|eso\\s+es)\\s+una\\s+falta\\s+de\\s+respeto|no\\s+(?:lo\\s+)?puedo\\s+creer|ya\\s+no\\s+(?:les|le|te)\\s+creo(?:\\s+nada)?|(?:es|esto\\s+es|eso\\s+es|me\\s+parece)\\s+(?:totalmente\\s+|completamente\\s+)?(?:inaceptable|intolerable|indignante|increible|ridicul[oa]|absurd[oa]|una\\s+burla|un\\s+abuso)|^increible',
    ),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      // A feeling said with the way forward ("Ya me cansé de la rutina, pero vamos bien", "Estoy harta, pero
      // quiero que lo resolvamos juntos") is what the article asks for.
      if (
        stem(
          'pero\\s+(?:vamos|estamos|todo\\s+va|va)\\s+bien|pero\\s+(?:quiero|quisiera|me\\s+gustaria|espero|podemos|sé\\s+que|se\\s+que)',
        ).test(after(text, m.index))
      )
        return false;
      // "Es increíble lo mucho que ha avanzado": wonder, not disbelief.
      if (
        stem('increible|creer').test(m[0]) &&
        stem('avanz|mejor|progres|crecido|orgull|feliz').test(after(text, m.index))
      )
        return false;
      return true;
    },
    // "Estoy harta de que cancelen sus sesiones" -> "Me preocupa mucho que cancelen sus sesiones": the
    // facts stay; otherwise the sentence is the feeling, and the gentler words replace it.
    span: (m, text) => {
      const ofWhat = /^\s+de\s+que\b/iu.exec(text.slice(m.index + m[0].length));
      if (ofWhat) return { start: m.index, end: m.index + m[0].length + ofWhat[0].length - ' que'.length };
      return wholeSentence(m, text);
    },
    suggest: (m, text, span) =>
      /\s+de$/u.test(text.slice(span.start, span.end)) && span.end > m.index + m[0].length
        ? atStart(text, span, 'me preocupa mucho')
        : atStart(text, span, 'esto me está resultando muy difícil'),
  },
  // --- Round three (issue 17): cues from Spanish sets 5 and 6, written blind (tone-cases-es3.ts) ----------
  {
    // "Esto lo va a saber el principal, el distrito y hasta la tele", "esto lo termina resolviendo un juez",
    // "No quisiera llegar a la prensa", "No me obliguen a meter a un abogado", "tengo el número del defensor y
    // lo voy a usar", "pongo una reclamación en Inspección", "me voy hasta Sacramento con mis papeles".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      '(?:lo\\s+va\\s+a\\s+saber|lo\\s+van\\s+a\\s+saber|se\\s+va\\s+a\\s+enterar|se\\s+van\\s+a\\s+enterar)\\b[^.;!?\\n]*|(?:lo\\s+)?(?:termina|va\\s+a\\s+terminar|acaba)\\s+(?:resolviendo|decidiendo)\\s+un\\s+juez|llegar\\s+a\\s+(?:la\\s+prensa|la\\s+tele|las\\s+noticias|los\\s+medios|un\\s+juez|juicio|los\\s+tribunales)|(?:obliguen|obligue|hagan|haga)\\s+(?:a\\s+)?meter\\s+a\\s+un\\s+abogado|(?:meter|meterle)\\s+(?:a\\s+)?un\\s+abogado|(?:tengo|tenemos)\\s+(?:ya\\s+)?(?:el\\s+)?(?:numero|telefono|contacto)\\s+(?:del|de\\s+la|de\\s+un|de\\s+una)\\s+(?:defensor|defensora|abogad[oa])|(?:pongo|pondre|pondré|meto|metere|pondremos)\\s+una\\s+(?:reclamacion|queja|denuncia)|me\\s+voy\\s+hasta\\s+\\p{Lu}\\p{L}+|(?:interpondre|procedere|acudire|demandare|denunciare)\\b[^.;!?\\n]*|hare\\s+responsables?|(?:tengo|tenemos)\\s+grabad[oa]s\\s+las\\s+llamadas|(?:guardando|guardo|anotando|documentando)\\s+todo\\b[^.;!?\\n]{0,60}\\bpara\\s+cuando\\s+(?:haga\\s+falta|lo\\s+necesite)',
    ),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // "después no hay más conversación", "no me pidan paciencia", "esto se termina acá", "deja de ser entre
    // nosotros", "actúo en consecuencia", "ya saben lo que pasa después", "si el lunes no hay speech se acabó".
    id: 'ultimatum',
    pattern: es(
      '(?:despues\\s+)?no\\s+hay\\s+mas\\s+(?:conversacion|dialogo|paciencia|oportunidades)|(?:despues\\s+)?no\\s+me\\s+pidan\\s+(?:mas\\s+)?paciencia|(?:esto|todo)\\s+se\\s+(?:termina|acaba)\\s+(?:aca|aqui|ahi)|deja\\s+de\\s+ser\\s+(?:algo\\s+)?entre\\s+nosotros|actuo\\s+en\\s+consecuencia|ya\\s+saben\\s+lo\\s+que\\s+pasa(?:\\s+despues)?|doy\\s+por\\s+roto\\s+el\\s+acuerdo|se\\s+acabo(?=\\s*[.!]|\\s*$)',
    ),
    accept: (m, text) =>
      !/^se\s+acab/iu.test(m[0]) ||
      re('\\bsi\\b|hasta\\s+el|para\\s+el|antes\\s+del?').test(before(text, m.index)),
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // "Arréglenlo.", "Cambien al niño de bus esta misma semana", "Asignen una aide", "Entréguenme los
    // reportes", "Pónganla", "respondan mi correo de una vez", "Corregid el horario", "Decile a la maestra":
    // an order at a sentence's start, by the verb's form (ustedes, vosotros, vos) from a list of the verbs
    // parents use to ask a school for something.
    id: 'command',
    pattern: es(
      '(?:arregl|asign|entreg|cambi|mand|llam|avis|contest|envi|expliqu|agend|program|pong|respond|devuelv|resuelv|corrij|traig|cumpl|hag|dig|entregu|quit)(?:en|an)(?:l[oa]s?|les?|me|nos|se)?|(?:corregid|avisadme|mandadme|llamadme|contestadme|decile|decidle)|haga\\s+su\\s+trabajo|(?:le|les)\\s+(?:ordeno|exijo)\\s+que|me\\s+(?:manda|mandan|devuelven|entregan|llaman)\\b(?=[^.;!?\\n]*\\b(?:hoy|manana|ya|sin\\s+falta|mismo)\\b)',
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?')) return false;
      // "me manda el link para mañana porfa gracias": a request with its softener.
      if (SOFT.test(sentence) && !/^(?:haga|le|les)\b/iu.test(m[0])) return false;
      const lead = text.slice(start, m.index);
      if (/^(?:haga|le|les)\b/iu.test(m[0])) return true;
      return /^[\s¡]*(?:(?:coordinadora|coordinador|maestra|maestro|profe|y|ya|ahora|entonces)\s*,?\s*)*$/iu.test(
        lead,
      );
    },
    span: toClauseEnd,
    suggest: (m, text, span) => {
      const words = lowerFirst(text.slice(m.index, span.end));
      return /^(?:haga|le|les)\b/iu.test(m[0])
        ? atStart(text, span, 'les pido que me ayuden con esto')
        : pleaseFrom(text, m.index, m.index, words);
    },
  },
  {
    // "sin falta", "sin excusas", "de una vez por todas": the pressure added to a request ("hoy mismo" is only
    // a date; "de una vez" alone is kept by the order rule's own rewrite, "Por favor, contésteme de una vez").
    id: 'command',
    pattern: es('sin\\s+(?:falta|excusas|pretextos|rodeos)|de\\s+una\\s+vez\\s+por\\s+todas'),
    accept: (m, text) =>
      !text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1).includes('?') &&
      // "Lo llevo todos los días sin falta a la terapia": the parent's own promise (round five).
      !re(
        '(?:llevo|llevamos|voy|vamos|mando|mandamos|recojo|asisto|asistimos|llego|llegamos|estare|estaremos|ire|iremos|traigo|traemos|paso)\\b',
      ).test(before(text, m.index)),
    span: (m, text) => {
      let start = m.index;
      while (start > 0 && /[\s,]/u.test(text[start - 1]!)) start--;
      return { start, end: m.index + m[0].length };
    },
    suggest: () => LEAVE_OUT_ES,
  },
  {
    // "Estoy hartísima", "Me tienen loca con tanto formulario", "No puedo más", "Qué cansancio", "estoy podrida",
    // "Ya me harté", "sin perder la paciencia", "la misma vaina", "Uf.".
    id: 'exasperation',
    pattern: es(
      'hart[oa]s?|hartisim[oa]s?|(?:ya\\s+)?me\\s+harte|podrid[oa]s?\\s+de|me\\s+tienen\\s+(?:loc[oa]|agotad[oa]|cansad[oa]|hart[oa]|mal)|no\\s+puedo\\s+mas|que\\s+cansancio|perder\\s+la\\s+paciencia|la\\s+misma\\s+vaina|^\\s*uf+\\b',
      'gimu',
    ),
    accept: (m, text) =>
      !re('^hart[oa]s?$').test(m[0]) ||
      re('estoy|estamos|ya\\s+estoy|me\\s+tienen').test(before(text, m.index)),
    suggest: () => 'esto me está costando mucho',
  },
  {
    // Praise that closes a complaint: ", muy considerados", ", súper eficaz", ", aplausos", "👏", "Milagro.",
    // "qué gran estrategia", "se lo agradezco de corazón" after a cancellation.
    id: 'sarcasm',
    pattern: es(
      '(?:super|súper|muy|tan)\\s+(?:eficaz|eficaces|considerad[oa]s?|profesional(?:es)?|organizad[oa]s?|atent[oa]s?)|aplausos|milagro(?=\\s*[.!]|\\s*$)|que\\s+gran\\s+(?:estrategia|idea|plan|trabajo)|que\\s+detalle|se\\s+lo\\s+agradezco\\s+de\\s+corazon|como\\s+no\\s+se\\s+me\\s+ocurrio\\s+antes|en\\s+otra\\s+dimension|no\\s+hay\\s+otra\\s+explicacion|ni\\s+me\\s+la\\s+creo|aunque\\s+sea\\s+en\\s+papel|lastima\\s+que\\s+nadie|(?:se\\s+cumple|se\\s+hace|se\\s+arregla)\\s+solit[oa]|ah\\s+claro|cuando\\s+hay\\s+ganas|como\\s+una\\s+sugerencia',
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index));
      if (/^(?:super|súper|muy|tan)\b/iu.test(m[0]))
        return (
          /,\s*$/u.test(text.slice(0, m.index)) &&
          stem(
            'cancel|tarde|noche|antes|despues|semana|mes|dia|nadie|no\\b|ni\\b|instagram|facebook|enterar',
          ).test(sentence)
        );
      if (/^se\s+lo\s+agradezco/iu.test(m[0]))
        return stem('cancel|tarde|antes|minutos\\s+antes').test(sentence);
      // "Qué detalle tan bonito la tarjeta que le mandaron": thanks, unless something came late or not at all
      // (round five).
      if (/^qu[eé]\s+detalle$/iu.test(m[0])) return FAILURE.test(sentence) || LATE.test(sentence);
      return true;
    },
    span: wholeSentence,
    suggest: () => LEAVE_OUT_ES,
  },
  {
    // "Me encanta enterarme por Instagram de ...", "Qué bueno saber que el plan existe, aunque sea en papel",
    // "Bravo por la escuela, otra suspensión", "Bueno, al menos el reporte llegó, solo cuatro meses tarde".
    id: 'sarcasm',
    pattern: es(
      'me\\s+encanta\\s+enterarme|que\\s+bueno\\s+saber\\s+que|bravo\\s+por|al\\s+menos\\b[^.;!?\\n]*\\bsolo\\b[^.;!?\\n]*\\btarde',
    ),
    accept: (m, text) =>
      /^al\s+menos/iu.test(m[0]) ||
      stem('aunque|otra|otro|nadie|tarde|por\\s+instagram|por\\s+facebook|por\\s+otr|suspension|cancel').test(
        text.slice(m.index, sentenceEndEs(text, m.index)),
      ),
    span: wholeSentence,
    suggest: () => LEAVE_OUT_ES,
  },
  {
    // "¿A quién se le ocurre ...?", "¿Cómo es posible que nadie me llamara?", "¿Qué tiene que pasar para que me
    // tomen en serio?", "¿Acaso mi hijo vale menos?", "¿Qué parte de 'dos veces por semana' no quedó clara?",
    // "¿Os parece normal ...?", "¿Para qué hacemos reuniones si ...?", "¿Me quieren decir que ...?".
    id: 'rhetorical_question',
    pattern: es(
      'a\\s+quien\\s+se\\s+le\\s+ocurre|como\\s+es\\s+posible\\s+que|que\\s+tiene\\s+que\\s+pasar\\s+para\\s+que|acaso\\s+(?:mi|su|nuestr[oa])\\s+\\p{L}+\\s+(?:vale|valen|importa|importan|es|son)\\s+menos|que\\s+parte\\s+de\\b[^?\\n]{1,60}\\bno\\s+(?:quedo|queda|entiende|entienden|entendio|entendieron)|(?:os|les|le|te)\\s+parece\\s+normal|para\\s+que\\s+(?:hacemos|hicimos|firmamos|tenemos|sirve)\\b[^?\\n]*\\bsi\\b|me\\s+quieren\\s+decir\\s+que|(?:vos\\s+)?te\\s+pensas\\s+que|y\\s+a\\s+quien\\s+le\\s+reclamo|y\\s+yo\\s+que\\s+hago',
    ),
    accept: (m, text) => text.slice(m.index, sentenceEndEs(text, m.index) + 2).includes('?'),
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué pasó y cómo lo podemos resolver.',
  },
  {
    // "es consecuencia directa del descuido del distrito", "Gracias a su descuido", "es x culpa de ese salón",
    // "fue su error no el mío", "alguien tiene que responder por eso", "el problema es cómo la manejan ustedes".
    id: 'blame',
    pattern: es(
      '(?:es|fue)\\s+(?:la\\s+)?consecuencia\\s+(?:directa\\s+)?de(?:l)?\\b[^.;!?\\n]*|gracias\\s+a\\s+(?:su|tu|vuestro)\\s+(?:descuido|error|negligencia|falta|demora|irresponsabilidad)|(?:x|por)\\s+culpa\\s+de\\b[^.;!?,\\n]*|fue\\s+(?:su|tu)\\s+(?:error|culpa|decision)|tiene\\s+que\\s+responder\\s+por\\s+eso|el\\s+problema\\s+es\\s+(?:como|que)\\s+(?:la|lo|los|las)?\\s*\\p{L}+\\s+ustedes|usted\\s+fue\\s+(?:la|el)\\s+que\\s+decidio',
    ),
    span: toClauseEnd,
    suggest: (_m, text, span) =>
      atStart(text, span, 'me preocupa lo que pasó y quisiera entender cómo ocurrió'),
  },
  {
    // "ni un minuto de consejería", "No hay un solo reporte", "jamás he visto", "Siempre es la misma historia",
    // "Todas las veces que he ido ...".
    id: 'absolute',
    pattern: es(
      'ni\\s+(?:un|una)\\s+(?:sol[oa]\\s+)?(?:minuto|vez|sesion|dia|semana|llamada|respuesta)|no\\s+hay\\s+(?:un|una)\\s+sol[oa]\\b|jamas|siempre\\s+es\\s+(?:la\\s+misma\\s+historia|lo\\s+mismo)|todas\\s+las\\s+veces\\s+que',
    ),
    accept: (m, text) => !childSubject(text, m.index),
    suggest: () => LEAVE_OUT_ES,
  },
  {
    // "es un bruto", "es una fresca", "Sos una irresponsable", "Qué tipo tan prepotente", "no sirve pa maestro".
    id: 'insult',
    pattern: es(
      '(?:es|sos|eres|son)\\s+(?:un|una|unos|unas)\\s+(?:brut[oa]s?|fresc[oa]s?|irresponsables?|prepotentes?|inutiles?|incompetentes?|vag[oa]s?|floj[oa]s?)|(?:tipo|tipa|senor|senora)\\s+tan\\s+\\p{L}+|no\\s+sirve\\s+(?:pa|para)\\s+(?:maestr[oa]|terapeuta|director[a]?|nada)',
    ),
    accept: (m, text) => !childSubject(text, m.index),
    span: clauseAround,
    suggest: (_m, text, span) => atStart(text, span, 'me preocupa cómo se está manejando esto'),
  }, // --- Round four (docs/tone-check.md, "Spanish round four"): frames behind the misses of Spanish set 8, written
  // blind (tone-cases-es4.ts), in the words of many regions (vos, vosotros, Caribbean, Andean, Chilean), each
  // tested in other words with near-neutral neighbours (tone-es.test.ts, round four).
  {
    // Threats: what the parent keeps goes to a complaint ("todo eso va directo a la queja estatal", "esto va
    // derechito para mi abogado"); the step in the present tense ("lo llevo a la OCR", "esto lo paso a la
    // inspección", "me voy al canal de noticias"); an oversight body asked to come in ("voy a pedir que venga la
    // inspección educativa"); a complaint already written ("Ya tengo redactada la queja ...", "la denuncia ya
    // está lista"); "voy a poner la denuncia".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:va|van|ira|iran|se\\s+va|se\\s+van)\\s+(?:a\\s+ir\\s+)?(?:directo|directamente|derechito|derecho|a\\s+parar|a\\s+dar)\\s+(?:a|al|para|hasta)\\s+(?:la\\s+|el\\s+|mi\\s+|una\\s+|un\\s+|nuestr[oa]\\s+)?(?:\\p{L}+\\s+)?(?:${COMPLAINT}|${OVERSIGHT})|(?:lo|la|los|las|esto|eso|todo\\s+esto|todo\\s+eso|el\\s+caso|este\\s+caso|esto\\s+lo|eso\\s+lo)\\s+(?:llevo|llevamos|elevo|elevamos|escalo|escalamos|paso|pasamos|subo|subimos|mando|mandamos|reporto|reportamos|denuncio|denunciamos)\\s+(?:directo\\s+|directamente\\s+|derechito\\s+)?(?:a|al|ante|hasta|con)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+|un\\s+|una\\s+|mi\\s+)?(?:${OVERSIGHT})|(?:me\\s+voy|voy|vamos|nos\\s+vamos|acudo|acudimos|recurro|recurrimos)\\s+(?:directo\\s+|directamente\\s+|derechito\\s+)?(?:a|al|ante|hasta)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+|un\\s+|una\\s+)?(?:${OVERSIGHT})|(?:${INTENT}|quiero)\\s+(?:pedir|solicitar|exigir|llamar\\s+a|hablar\\s+con)\\s+(?:que\\s+(?:venga|vengan|intervenga|intervengan|revise|revisen|investigue|investiguen|entre|entren)\\s+)?(?:la\\s+|el\\s+|los\\s+|las\\s+|una\\s+|un\\s+)?(?:${OVERSIGHT})|(?:tengo|tenemos)\\s+(?:ya\\s+)?(?:(?:redactad|escrit|list|preparad|armad|hech|lista)[oa]?s?\\s+(?:la|una|mi|nuestra)\\s+(?:${COMPLAINT})|(?:la|una|mi|nuestra)\\s+(?:${COMPLAINT})(?:\\s+\\p{L}+){0,4}?\\s+(?:ya\\s+)?(?:redactad|escrit|preparad|armad|hech|list)[oa]s?)|(?:la|mi|nuestra)\\s+(?:${COMPLAINT})\\s+(?:ya\\s+)?(?:esta|está)\\s+(?:lista|redactada|escrita|preparada|armada|hecha)|(?:${INTENT})\\s+(?:poner|presentar|levantar|meter|hacer|radicar|interponer|mandar|enviar)\\s+(?:la|mi|nuestra|esta)\\s+(?:${COMPLAINT})|que\\s+(?:\\p{L}+\\s+)?(?:les|le|te|os)\\s+(?:caiga|caigan)\\s+encima|(?:les|le|te|os)\\s+(?:va|van)\\s+a\\s+caer\\s+encima`,
    ),
    accept: (m, text) => {
      // "Voy a la oficina del distrito a entregar los papeles", "Vamos al abogado para que nos explique":
      // help for the parent or an errand, not a step against the school.
      if (ERRAND.test(after(text, m.index + m[0].length))) return false;
      if (stem('acompan|asistir').test(m[0])) return false;
      return !re('(?:cuando)\\s+(?:\\p{L}+\\s+){0,3}$').test(before(text, m.index));
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // Ultimatums: the only or last chance ("esta es la única chance que les doy"), the other way out ("o me muevo
    // por otro lado", "si no, me voy por otro camino", "se resuelve de otra forma, ustedes escogen", "busco otra
    // salida"), the talking over ("se acabó el diálogo con vosotros", "se terminó la buena voluntad"), a warning
    // given ("queda advertida", "considérense avisados"), "ahí sí no respondo", "o mi hija no vuelve a pisar esa
    // escuela", "hasta ahí llegamos".
    id: 'ultimatum',
    pattern: es(
      `(?:unica|ultima)\\s+(?:chance|oportunidad|vez|advertencia)\\s+que\\s+(?:les?|te|os)\\s+(?:doy|damos|voy\\s+a\\s+dar)|(?:me\\s+muevo|me\\s+voy|nos\\s+movemos|nos\\s+vamos|me\\s+busco|tiro|tiramos|sigo|seguimos|procedo|procedemos|lo\\s+resuelvo|lo\\s+arreglo|lo\\s+resolvemos|se\\s+resuelve|se\\s+arregla|lo\\s+hago|lo\\s+veo)\\s+(?:por|de)\\s+otr[oa]\\s+(?:lado|camino|via|forma|manera|lado)|(?:busco|buscamos|buscare|buscaremos|me\\s+busco)\\s+otra\\s+(?:salida|via|puerta|forma|manera)|se\\s+(?:(?:me|nos)\\s+)?(?:acabo|acaba|termino|termina|corto|corta|cerro|cierra)\\s+(?:el|la|mi|nuestra|toda\\s+la|todo\\s+el)\\s+(?:dialogo|conversacion|platica|comunicacion|buena\\s+voluntad|buena\\s+onda|colaboracion|cooperacion|trato)|(?:queda|quedan|quedas|quedais|quedáis|considerese|considerense|considerate|consideraos)\\s+(?:usted\\s+|ustedes\\s+)?(?:advertid|avisad)[oa]s?(?=\\s*[.!,;]|\\s*$)|(?:ahi|entonces|despues|luego)\\s+(?:si\\s+)?(?:ya\\s+)?no\\s+respondo|\\bo\\s+(?:(?:mi|nuestr[oa])\\s+\\p{L}+|[ée]l|ella)\\s+no\\s+(?:vuelve|regresa|va|viene|pisa|asiste)\\b|hasta\\s+(?:ahi|aqui|aca)\\s+(?:llegamos|llego|llegue|llegaron|llegó)|(?:ustedes|usted|vosotros|vos)\\s+(?:escogen|eligen|escoge|elige|elegis|escogeis|escogéis|decidis|decidís|decides|eliges|escoges|ven|veran|vera|sabran)(?=\\s*[.!]*\\s*$)`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      const words = m[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      // The other way out, or "ustedes escogen", only as the branch of a condition or a choice ("o ...", "si
      // no, ...", "..., de lo contrario"): "Si no funciona, busco otra forma de ayudarlo en casa" is not one.
      if (/otr[oa]\s|escog|elig|elegis|decid|ven$|veran|vera$|sabran/u.test(words)) {
        if (sentence.includes('?')) return false;
        if (stem('ayudar|en\\s+casa|apoyar|de\\s+explicar|tarea').test(after(text, m.index + m[0].length)))
          return false;
        return re('\\bo\\b|si\\s+no\\b|sino|de\\s+lo\\s+contrario|o\\s+si\\s+no|asi\\s+que').test(
          before(text, m.index),
        );
      }
      if (/^hasta/u.test(words)) return re('\\bsi\\b').test(sentence);
      if (/^o\s/u.test(words)) return !sentence.includes('?');
      return true;
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // Insults in more regions' words: "es una desalmada", "una chanta", "una haragana", "un caradura", "un
    // sinvergüenza", "unos atorrantes", "una déspota"; "no tiene corazón", "no tienen alma ni vergüenza".
    id: 'insult',
    pattern: es(
      `(?:es|son|eres|sos|sois|fue|fueron|era|eran)\\s+(?:todos\\s+|todas\\s+)?(?:(?:un|una|unos|unas)\\s+)?(?:(?:muy|tan|bien|re|super|tremend[oa]s?|complet[oa]s?|total(?:es)?|verdader[oa]s?)\\s+)?(?:desalmad[oa]s?|chantas?|haragan(?:a|es|as)?|caraduras?|cara\\s+duras?|sinverg[uü]enzas?|sin\\s+verg[uü]enzas?|atorrantes?|despotas?|tiran[oa]s?|sadic[oa]s?|malvad[oa]s?|pervers[oa]s?|desconsiderad[oa]s?|negligentes?|zanganos?|zanganas?|gandul(?:es)?|pendej[oa]s?|pelotud[oa]s?|bolud[oa]s?|huev[oa]n(?:a|es|as)?|mala\\s+gente|mala\\s+leche|buen[oa]s?\\s+para\\s+nada|un\\s+cero\\s+a\\s+la\\s+izquierda|una\\s+nulidad|un\\s+inepto|resentid[oa]s?|amargad[oa]s?|mentiros[oa]s?|ladron(?:a|es|as)?|corrupt[oa]s?)|no\\s+(?:tiene|tienen|tenes|tenés|tienes|teneis|tenéis)\\s+(?:ni\\s+)?(?:corazon|alma|escrupulos|empatia|humanidad|calidad\\s+humana|sensibilidad|verg[uü]enza)(?=\\s*[,.;!]|\\s*$|\\s+(?:ni|y|para|con|ninguna)\\b)`,
    ),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      const b = before(text, m.index);
      // "No es una mentirosa, se confundió", "Me siento una sinvergüenza por llegar tarde".
      if (re('(?:\\bno|nadie)\\s*$').test(b)) return false;
      return !re('(?:me\\s+siento|me\\s+senti|sentirme|yo)\\s*(?:\\p{L}+\\s+)?$').test(b);
    },
    span: clauseAround,
    suggest: notWorkingFor,
  },
  {
    // Sarcasm: warm words opening a complaint ("Qué maravilla, tercera semana sin terapia", "Buenísimo, me
    // entero por mi hijo de que lo suspendieron", "Ah mira qué sorpresa, el bus otra vez 40 minutos tarde",
    // "Genial, ni un aviso"), or closing one (", quién lo hubiera dicho", ", todo un detalle por vuestra parte",
    // ", muy creativo de su parte", ", re bien la comunicación eh", ", excelente trabajo", ", gracias por
    // tanto 🙃", "👏👏"), "Felicidades al equipo, lograron que mi hijo odie leer", "qué buen plan, tan bueno
    // que ya lo mandaron tres veces pa la casa".
    id: 'sarcasm',
    pattern: es(
      `(?:(?:ah|ay|oh|uy|uh|mira|vaya|anda|epa|aja|ajá|si|sí)\\s*,?\\s+)*(?:que\\s+(?:maravilla|bien|bueno|lindo|linda|bonito|bonita|alegria|gusto|eficiencia|organizacion|sorpresa|novedad|casualidad|rapidez|nivel|lujo|eficientes?|rapid[oa]s?|amables?|atent[oa]s?|puntuales?)|(?:buenisim[oa]|genial|perfecto|excelente|fantastico|espectacular|barbaro|barbara|bacan|chevere|chido|guay|divino|ideal|maravilloso|impecable|brillante|joya|de\\s+lujo|de\\s+diez|muy\\s+bien|re\\s+bien|bravo|felicidades|felicitaciones|enhorabuena))(?=\\s*[,!.:]|\\s+(?:al|a\\s+la|a\\s+los|para)\\b)|(?<=,\\s*)(?:y\\s+)?quien\\s+(?:lo\\s+)?(?:hubiera|hubiese|habria|iba\\s+a|diria|hubiera\\s+podido)\\s*(?:dicho|pensado|imaginado|creido|imaginar|decir|pensar)?|(?<=,\\s*)(?:todo\\s+un\\s+detalle|un\\s+detallazo|(?:muy|tan|que|super|re)\\s+(?:creativ|original|ingenios|oportun|considerad|amabl|atent|detallist|generos|puntual|profesional|eficient|rapid)\\p{L}*\\s+(?:de|por)\\s+(?:su|tu|vuestra|vuestro|sus|parte\\s+de)\\s*\\p{L}*|(?:re\\s+|muy\\s+|super\\s+|que\\s+)?(?:bien|buena|buenisima|excelente|impecable|de\\s+diez)\\s+(?:la|el)\\s+(?:comunicacion|organizacion|coordinacion|seguimiento|atencion|servicio|trabajo)|(?:excelente|buen|gran|muy\\s+buen|tremendo)\\s+trabajo|bien\\s+hecho|gracias\\s+por\\s+tanto|(?:todo\\s+)?un\\s+(?:exito|record))(?:\\s+(?:de|por)\\s+(?:su|tu|vuestra|vuestro|sus)\\s+parte)?(?=\\s*(?:eh|eh\\?|he|che|po|pues|ah)?\\s*[.!🙃🙄😒👏]*\\s*$|\\s*[.!]|\\s*[🙃🙄😒👏])|(?<=,\\s*)tan\\s+(?:buen[oa]s?|bien|eficientes?|efectiv[oa]s?|util(?:es)?|maravillos[oa]s?|genial(?:es)?|perfect[oa]s?|excelentes?)\\s+que|(?:lograron|consiguieron|han\\s+logrado|habeis\\s+conseguido|habéis\\s+conseguido|lograsteis|conseguisteis)\\s+que\\s+(?:mi|nuestr[oa]|el|la)\\s+(?:\\p{L}+\\s+){1,2}?(?:odie|deteste|llore|no\\s+quiera|ya\\s+no|retroceda|pierda|se\\s+atrase|tenga\\s+miedo|le\\s+tenga\\s+miedo|vomite|se\\s+niegue)|se\\s+(?:va|van)\\s+a\\s+(?:evaluar|arreglar|resolver|cumplir|solucionar|corregir|hacer|dar)\\s+(?:\\p{L}+\\s+)?solit[oa]s?|[🙃🙄😒]|👏(?:\\s*👏)*`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index));
      const words = m[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      if (/^(?:lograron|consiguieron|han|habeis|lograsteis|conseguisteis)/u.test(words)) return true;
      if (/^se\s/u.test(words)) return stem('claro|seguro|seguramente|obvio|comos+no').test(sentence);
      // Praise that closes: the sentence before it holds the complaint.
      const complaint = FAILURE.test(sentence);
      if (/^tan\s/u.test(words))
        return stem('que\\s+buen|que\\s+bonit|que\\s+lind|que\\s+gran|que\\s+maravill|\\bsi,|claro').test(
          sentence,
        );
      if (/^\W*$/u.test(m[0])) return complaint;
      // Warm words opening the sentence: the complaint follows them.
      if (start === m.index || /^[¡\s]*$/u.test(text.slice(start, m.index))) {
        if (
          !/[,:]/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2)) &&
          !/^(?:felic|enhora|bravo)/u.test(
            words.replace(/^(?:\W|ah|ay|oh|uy|uh|mira|vaya|anda|epa|aja|si)+/u, ''),
          )
        )
          return false;
        return FAILURE.test(text.slice(m.index + m[0].length, sentenceEndEs(text, m.index)));
      }
      // Elsewhere, only as a closing remark after a comma ("..., que está muy bien" is not one).
      return /,\s*$/u.test(text.slice(0, m.index)) && complaint;
    },
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // Rhetorical questions: "¿Qué más tiene que pasar para que ...?", "¿En qué cabeza cabe ...?", "¿Cómo se les
    // ocurre ...?", "¿En qué mundo ...?", "¿Quién en su sano juicio ...?", "¿... o cómo es la cosa?", "¿Será
    // que algún día se van a dignar a responderme?", "¿Ustedes creen que yo no trabajo?".
    id: 'rhetorical_question',
    pattern: es(
      `que\\s+(?:mas\\s+)?(?:tiene|tendria|tendra|debe|va)\\s+(?:que|a|de)\\s+pasar\\s+para\\s+que|que\\s+mas\\s+(?:hace\\s+falta|necesitan|quieren)\\s+para\\s+que|en\\s+que\\s+cabeza\\s+cabe|como\\s+(?:se\\s+)?(?:les|le|te|os)\\s+ocurr\\p{L}*|en\\s+que\\s+mundo\\s+(?:es|se|vive|viven|les|le|cabe)|quien\\s+en\\s+su\\s+sano\\s+juicio|o\\s+como\\s+es\\s+(?:la\\s+cosa|el\\s+tema|el\\s+asunto|que\\s+funciona)|o\\s+que\\s+onda|(?:se\\s+)?(?:van|va|vais|vas|piensan|piensa|pensais)\\s+a\\s+dignar|se\\s+(?:dignan|digna|dignaron|digno|dignara|dignaran|dignen)|sera\\s+que\\s+(?:algun\\s+dia|alguna\\s+vez|por\\s+fin|en\\s+algun\\s+momento)|(?:ustedes|usted|vos|tu|vosotros)\\s+(?:creen|cree|crees|creeis|creés|piensan|piensa|piensas|pensais)\\s+que\\s+(?:yo|una|uno)\\s+(?:no\\s+)?(?:trabajo|tengo|puedo|me\\s+puedo|soy|estoy|vivo|no\\s+tengo)`,
    ),
    accept: (m, text) => {
      const rest = text.slice(m.index, sentenceEndEs(text, m.index) + 2);
      // "En qué cabeza cabe" and "dignarse" are charges even without "?"; the others need the question.
      if (stem('cabeza\\s+cabe|dign').test(m[0])) return true;
      return rest.includes('?');
    },
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué está pasando y cómo podemos resolverlo.',
  },
  {
    // Blame: "eso es culpa de él y de la escuela", "fue culpa del chofer", "es responsabilidad de la escuela,
    // no de nosotros", "es por ustedes, que le quitaron las horas", "Ustedes dejaron que los compañeros lo
    // molestaran".
    id: 'blame',
    pattern: es(
      `(?:es|fue|sera|seria|era)\\s+(?:toda\\s+)?(?:la\\s+)?culpa\\s+(?:de|del)\\s+\\p{L}+|(?:es|fue|sera|era)\\s+responsabilidad\\s+(?:de|del)\\s+[^.;!?,\\n]{2,40},\\s*no\\s+(?:de\\s+)?(?:nosotros|nosotras|mia|mía|nuestra|mi|yo|la\\s+familia|los\\s+padres)|es\\s+por\\s+(?:ustedes|usted|vosotros|vos|ti|la\\s+escuela|el\\s+distrito|el\\s+colegio)(?=\\s*,?\\s*que\\s+(?:no\\b|nunca|le|lo|la|les|me)|\\s*[.!]|\\s*$)|(?:dejaron|dejo|permitieron|permitio|dejasteis|permitisteis)\\s+que\\s+(?:\\p{L}+\\s+){0,3}?(?:lo|la|le|los|las|les)\\s+(?:molest|peg|golpe|insult|burl|humill|empuj|agred|acos|lastim|encerr|aisl)\\p{L}*`,
    ),
    accept: (m, text) => {
      const words = m[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      // "no fue culpa de nadie", "fue culpa mía", "por culpa de la lluvia": not a charge against the school.
      if (
        /culpa/u.test(words) &&
        stem(
          'de\\s+(?:nadie|nosotros|nosotras|mi\\b|yo|la\\s+lluvia|la\\s+enfermedad|la\\s+gripa|el\\s+trafico|nadie)|del\\s+(?:trafico|clima|tiempo|virus|covid)|\\bmia\\b',
        ).test(words)
      )
        return false;
      if (/culpa\s+del?\s+(?:nadie|nosotros|mi|mio|mia)$/u.test(words)) return false;
      // "El atraso de mi hijo es por ustedes": the child is what happened, the school the cause.
      return (
        (/^es\s+por\s/u.test(words) || !childSubject(text, m.index)) &&
        !re('(?:\\bno|si|cuando|nunca|tampoco)\\s+(?:\\p{L}+\\s+){0,1}$').test(before(text, m.index))
      );
    },
    span: clauseAround,
    suggest: askWhatHappened,
  },
  {
    // Absolutes: "Siempre es la misma excusa", "la excusa de siempre", "Cada vez que pregunto ... me salen con
    // un cuento distinto", "Nadie en esa escuela sabe lo que dice el plan".
    id: 'absolute',
    pattern: es(
      `(?:siempre|cada\\s+vez|todo\\s+el\\s+tiempo|cada\\s+semana)\\s+(?:es|son|hay|me\\s+dan|nos\\s+dan|me\\s+salen\\s+con|me\\s+vienen\\s+con|ponen|sale|salen\\s+con)\\s+(?:la\\s+misma|el\\s+mismo|las\\s+mismas|los\\s+mismos|una|un|otra|otro)\\s+(?:excusas?|pretextos?|historias?|cuentos?|respuestas?|rollos?|cantaletas?|discursos?|vainas?|largas)|(?:la|el|las|los)\\s+(?:excusas?|pretextos?|cuentos?|historias?|cantaletas?|rollos?)\\s+de\\s+siempre|cada\\s+vez\\s+que\\b(?=[^.;!?\\n]*\\b(?:(?:me|nos)\\s+(?:salen|sale|vienen|viene)\\s+con|(?:otro|otra)\\s+(?:cuento|excusa|historia|respuesta|pretexto|version)|(?:un|una)\\s+(?:cuento|excusa|pretexto)|(?:un|una)\\s+(?:historia|respuesta|version)\\s+(?:distint[oa]|diferente|nuev[oa])|(?:me|nos)\\s+(?:dicen|dan|cuentan)\\s+(?:algo|una\\s+cosa|otra\\s+cosa)\\s+(?:distint[oa]|diferente))\\b)|nadie\\s+en\\s+(?:esa|esta|la|toda\\s+(?:esa|la))\\s+(?:escuela|oficina|colegio|distrito|cole|escuelita|institucion)\\s+(?:\\p{L}+\\s+)?(?:sabe|lee|leyo|ha\\s+leido|contesta|responde|cumple|entiende|quiere|me\\s+(?:contesta|responde|explica|avisa|dice|hace\\s+caso)|se\\s+(?:digna|toma|molesta|preocupa|hace\\s+cargo)|hace\\s+(?:nada|caso))`,
    ),
    accept: (m, text) =>
      !childSubject(text, m.index) &&
      !text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1).includes('?'),
    span: wholeSentence,
    suggest: (_m, text, span) =>
      atStart(
        text,
        span,
        'varias veces no he tenido una respuesta clara; me gustaría que lo revisemos con fechas',
      ),
  },
  {
    // Orders: vosotros imperatives ("Enviadme las actas", "dejad de darme largas", "Poned", "Haced"), "y dejen
    // de ..." after a first order, and a request in the present made an order by its urgency ("Me hace el favor
    // y me manda la evaluación ya mismo", "Me pasa el informe ahora mismo", "Hágame el favor de ...").
    id: 'command',
    pattern: es(
      `(?:\\p{L}+(?:ad|ed|id)(?:me|nos|le|les|lo|la|los|las|selo|sela)|dejad|enviad|mandad|dad|poned|haced|quitad|cambiad|devolved|respetad|cumplid|contestad|responded|explicad|llamad|avisad|arreglad|revisad|traed|leed|firmad|buscad|parad|escuchad)(?=\\s|[,.!]|$)|(?:,\\s*|\\s)y\\s+(?:dejad|dejen|dejes|dejá)\\s+de\\s+\\p{L}+|(?:(?:me|nos)\\s+(?:hace|hacen|haces)\\s+el\\s+favor\\s+(?:y|de)\\s+)?(?:me|nos)\\s+(?:manda|mandan|mandas|mandás|envia|envian|envias|pasa|pasan|pasas|pasás|devuelve|devuelven|entrega|entregan|llama|llaman|contesta|contestan|da|dan)\\b(?=[^.;!?\\n]*\\b(?:ya\\s+mismo|ya\\s+mismito|ahora\\s+mismo|ahorita\\s+mismo|de\\s+inmediato|inmediatamente|en\\s+este\\s+(?:mismo\\s+)?momento|hoy\\s+mismo)\\s*[.!]*\\s*$)|hagame\\s+el\\s+favor\\s+(?:y|de)\\s+\\p{L}+`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?') || SOFT.test(sentence)) return false;
      const lead = text.slice(start, m.index);
      const words = m[0].trim();
      if (/^,?\s*y\s/u.test(words) || /^,/u.test(words)) return !/\bque\b/iu.test(lead);
      // Words such as "Usted", "Verdad", "Mitad" end like a vosotros imperative: the ending needs a pronoun or a
      // verb from the list, at the sentence's start.
      return /^[\s¡]*(?:(?:y|ya|ahora|entonces|bueno|mire|mira|oiga|profe|seno|seño|maestra|maestro|coordinadora|coordinador)\s*,?\s*)*$/iu.test(
        lead,
      );
    },
    // ", y dejad de darme largas": the order from its verb, the "y" stays.
    span: (m, text) => {
      const from = m.index + (/^[,\s]*y\s+/u.exec(m[0])?.[0].length ?? 0);
      return { start: from, end: Math.max(m.index + m[0].length, clauseEndEs(text, m.index + m[0].length)) };
    },
    suggest: (m, text, span) => {
      // "Me hace el favor y me manda la evaluación ya mismo" -> "Por favor, me manda la evaluación lo antes
      // posible": the same request, without the urgency that makes it an order.
      const words = lowerFirst(text.slice(span.start, span.end))
        .replace(/^(?:me|nos)\s+(?:hace|hacen|haces)\s+el\s+favor\s+(?:y|de)\s+/iu, '')
        .replace(/^h[aá]game\s+el\s+favor\s+(?:y|de)\s+/iu, '')
        .replace(
          /\s*\b(?:ya\s+mismo|ya\s+mismito|ahora\s+mismo|ahorita\s+mismo|de\s+inmediato|inmediatamente|en\s+este\s+(?:mismo\s+)?momento|hoy\s+mismo)$/iu,
          ' lo antes posible',
        );
      return pleaseFrom(text, m.index, span.start, words);
    },
  },
  {
    // Exasperation in the words of many regions: "me tienen podrida", "estoy chata", "estoy mamada", "toy
    // jarta", "me tiene quemá", "me tienen hinchada", "estoy frita", "qué ladilla", "qué lata", "qué rabia",
    // "ya no sé qué más hacer", "no aguanto un día más", "hasta el moño".
    id: 'exasperation',
    pattern: es(
      `(?:estoy|toy|tamos|estamos|ya\\s+estoy|me\\s+tienen|me\\s+tiene|me\\s+tenes|me\\s+tenés|nos\\s+tienen|nos\\s+tiene|me\\s+teneis|ando|andamos|me\\s+dejaron|quede|quedé)\\s+(?:ya\\s+)?(?:bien\\s+|re\\s+|super\\s+|muy\\s+|tan\\s+|requete)?(?:podrid[oa]s?|podri|chat[oa]s?|mamad[oa]s?|[hj]art[oa]s?|[hj]artisim[oa]s?|quemad[oa]s?|quem[aá]|hinchad[oa]s?|frit[oa]s?|reventad[oa]s?|jodid[oa]s?|hastiad[oa]s?|hasta\\s+(?:el\\s+moño|el\\s+mono|la\\s+coronilla|las\\s+narices|el\\s+gorro|la\\s+madre|el\\s+cogote|el\\s+tope))|que\\s+(?:ladilla|joda|hartera|jartera|mamera|hartazgo|rabia|bronca|impotencia|desgaste|calvario|embole)|(?:ya\\s+)?no\\s+se\\s+(?:que\\s+mas\\s+(?:hacer|decirles|decirle|pedirles)|a\\s+quien\\s+mas\\s+(?:acudir|recurrir|pedir|escribir))|no\\s+(?:aguanto|soporto|aguantamos)\\s+(?:ni\\s+)?(?:un|una)\\s+(?:dia|minuto|segundo|semana|vez)\\s+mas|hasta\\s+el\\s+(?:mono|moño)`,
    ),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      const next = text.slice(sentenceEndEs(text, m.index), sentenceEndEs(text, m.index) + 120);
      // "Ya no sé qué más hacer con la tarea, ¿tienen alguna idea?": a parent asking for help.
      if (
        stem('no\\s+se\\s+(?:que|a\\s+quien)').test(m[0]) &&
        stem('idea|consejo|sugeren|recomien|ayud|\\?|en\\s+casa|tarea').test(sentence + next)
      )
        return false;
      return !stem(
        'pero\\s+(?:vamos|estamos|todo\\s+va|va)\\s+bien|pero\\s+(?:quiero|quisiera|me\\s+gustaria|espero|podemos)',
      ).test(after(text, m.index));
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, 'esto me está resultando muy difícil'),
  },
  // --- Round five (docs/tone-check.md, "Spanish round five"): frames behind the misses of Spanish sets 7 and 9
  // (held out in rounds three and four, development sets since) and set 10, in the words of many regions, each
  // tested in other words with near-neutral neighbours (tone-es.test.ts, round five).
  {
    // Threats: the call made in the present tense ("la próxima vez ... llamo a la policía y a Univision"),
    // escalation in any tense ("esto lo escalo al tiro con el sostenedor", "puedo llevar esto a la justicia"),
    // "os denuncio ante la Consejería", "presentaré una reclamación", "pediré responsabilidades", friends on the
    // board ("tengo conocidos en la junta escolar", "no me cuesta nada contarles"), "vas a ver cómo termina
    // esto", "me voy directo con la superintendente", "no me voy a quedar de brazos cruzados".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:llamo|llamamos|aviso|avisamos|acudo|acudimos|me\\s+planto|me\\s+presento|recurro|recurrimos)\\s+(?:directo\\s+|directamente\\s+|derechito\\s+|de\\s+una\\s+|al\\s+tiro\\s+)?(?:a|al|ante|con)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+)?(?:${OVERSIGHT})` +
        `|(?:lo|la|esto|eso|todo\\s+esto|todo\\s+eso|el\\s+caso|el\\s+tema|el\\s+asunto)(?:\\s+lo)?\\s+(?:escalo|escalamos|escalare|escalaremos|elevo|elevamos|elevare|elevaremos)\\b` +
        `|(?:puedo|podemos|podria|podriamos|pienso|estoy\\s+dispuest[oa]\\s+a|no\\s+dudare\\s+en)\\s+(?:llevar|escalar|elevar|pasar|subir)\\s+(?:esto|eso|este\\s+caso|el\\s+caso|todo\\s+esto|el\\s+tema)\\s+(?:a|al|ante|hasta|con)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+|un\\s+|una\\s+)?(?:${OVERSIGHT})` +
        `|(?:os|te)\\s+(?:denuncio|denunciamos|demando|demandamos|reporto|reportamos)\\b` +
        `|(?:${INTENT}|(?:le|les|os)\\s+(?:informo|aviso|comunico)\\s+(?:de\\s+)?que\\s+(?:voy|vamos)\\s+a)\\s+(?:poner|presentar|levantar|meter|hacer|radicar|interponer|tramitar)\\s+(?:una\\s+|la\\s+|mi\\s+|nuestra\\s+)?(?:${COMPLAINT})` +
        `|(?:presentare|presentaremos|interpondre|interpondremos|radicare|levantare|pondre|pondremos)\\s+(?:una|la|mi)\\s+(?:${COMPLAINT})` +
        `|(?:pedire|pediremos|exigire|exigiremos|(?:voy|vamos)\\s+a\\s+(?:pedir|exigir)|pienso\\s+(?:pedir|exigir))\\s+(?:todas\\s+las\\s+)?responsabilidades` +
        `|(?:tengo|tenemos|conozco)\\s+(?:conocidos|contactos|amigos|amistades|gente|palancas|un\\s+primo|una\\s+prima|un\\s+amigo|una\\s+amiga|familia|familiares|un\\s+contacto)\\s+(?:en|dentro\\s+de)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+)?(?:${OVERSIGHT}|distrito)` +
        `|no\\s+me\\s+cuesta\\s+nada\\s+(?:contar|decir|llamar|avisar|denunciar|publicar|subir|escribir|mandar|ir|hablar|reportar|poner)\\p{L}*` +
        `|(?:ya\\s+)?(?:vas|van|va|vais)\\s+a\\s+ver\\s+(?:como|donde|en\\s+que|lo\\s+que)\\s+(?:termina|acaba|para|queda)\\s+(?:esto|eso|todo)|(?:vas|van|vais)\\s+a\\s+ver\\s+(?:quien\\s+soy|de\\s+lo\\s+que\\s+soy\\s+capaz)` +
        `|(?:me\\s+voy|voy|vamos|nos\\s+vamos)\\s+(?:directo|directamente|derechito|de\\s+una|al\\s+tiro)\\s+con\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+)?(?:${OVERSIGHT})` +
        `|(?:le\\s+|les\\s+|os\\s+)?(?:paso|pasamos|mando|mandamos|llevo|llevamos|entrego|entregamos)\\s+(?:todo|todo\\s+esto|todo\\s+eso|el\\s+caso|esto|eso|(?:todos\\s+)?los\\s+correos|el\\s+expediente)\\s+(?:a|al|con)\\s+(?:un\\s+|una\\s+|mi\\s+|el\\s+|la\\s+)?(?:${OVERSIGHT})` +
        `|(?:[ée]l|ella|ellos|mi\\s+abogad[oa]|la\\s+abogada|el\\s+abogado)\\s+se\\s+(?:encargue|encarguen|va\\s+a\\s+encargar|encargara)\\s+de\\s+(?:ustedes|usted|vosotros|ti|la\\s+escuela|el\\s+distrito)` +
        `|(?:me\\s+voy|voy|vamos|nos\\s+vamos|paso|pasamos|ire|iremos|tendre\\s+que\\s+ir)\\s+por\\s+encima\\s+de\\b` +
        `|no\\s+(?:me|nos)\\s+(?:va|van)\\s+a\\s+temblar\\s+(?:la\\s+mano|el\\s+pulso)|no\\s+me\\s+temblara\\s+(?:la\\s+mano|el\\s+pulso)` +
        `|(?:tengo|tenemos)\\s+(?:suficiente|bastante|todo\\s+lo\\s+necesario|pruebas\\s+suficientes|material\\s+suficiente)\\s+para\\s+(?:un|una|el|la)\\s+(?:due\\s+process|debido\\s+proceso|demanda|queja|denuncia|juicio|audiencia|abogad[oa])` +
        `|(?:mi|nuestr[oa])\\s+abogad[oa]\\s+(?:ya\\s+)?(?:tiene|tendra|recibe|recibira|esta\\s+recibiendo)\\s+(?:copia|copias|todo|todos)` +
        `|no\\s+(?:me|nos)\\s+(?:obliguen|obligue|obligues|obligueis|hagan|haga)\\s+(?:a\\s+)?(?:sacar|llevar|escalar|meter|llamar|ir\\s+a|tomar\\s+medidas|publicar|contar|denunciar|recurrir|buscar|acudir)` +
        `|(?:${OVERSIGHT}|noticiero\\p{L}*|periodistas?)\\b[^.;!?\\n]{0,30}?\\b(?:le|les)\\s+(?:interesa|interesaria|va\\s+a\\s+interesar|encantaria|gustaria)\\s+(?:saber|conocer|enterarse|ver|leer|escuchar)` +
        `|si\\s+(?:me|nos)\\s+(?:obligan|obliga|obligas|obligais|fuerzan|fuerza)\\b|no\\s+(?:quiero|quisiera|queria)\\s+(?:llegar|acudir|ir|recurrir)\\s+(?:a|hasta)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+)?(?:${OVERSIGHT})` +
        `|(?:${COMPLAINT})\\s+(?:le|les|te|os)\\s+(?:llega|llegara|va\\s+a\\s+llegar|cae|caera|va\\s+a\\s+caer)\\b` +
        `|no\\s+(?:me|nos)\\s+(?:voy|vamos)\\s+a\\s+quedar\\s+(?:callad[oa]s?|de\\s+brazos\\s+cruzados|con\\s+los\\s+brazos\\s+cruzados|quiet[oa]s?)`,
    ),
    accept: (m, text) => {
      const rest = after(text, m.index + m[0].length);
      // An errand, or advice for the parent ("Llamo al ministerio para preguntar por la beca").
      if (ERRAND.test(rest) || ADVICE.test(rest)) return false;
      // "No me voy a quedar callada en la reunión, voy a preguntar por sus metas": taking part, not a threat.
      if (/quedar/iu.test(m[0]) && stem('pregunt|opinar|participar|comentar|hablar\\s+de').test(rest))
        return false;
      return !re('cuando\\s+(?:\\p{L}+\\s+){0,3}$').test(before(text, m.index));
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // Ultimatums: "O le dan las acomodaciones o mi hijo no se presenta", the child kept home for good after a
    // condition ("Si ... no hay sustituta, no mando más a Valentina a la escuela"), ", así de simple" closing
    // either.
    id: 'ultimatum',
    pattern: es(
      `\\bo\\s+(?:(?:mi|nuestr[oa]|el|la)\\s+)?\\p{L}+\\s+no\\s+(?:(?:se|lo|la|le|me|nos)\\s+)?\\p{L}+` +
        `|\\bno\\s+(?:(?:lo|la|los|las)\\s+)?(?:mando|mandamos|llevo|llevamos|traigo|traemos|envio|enviamos|vuelvo\\s+a\\s+(?:mandar|llevar|traer))\\s+(?:nunca\\s+)?mas\\b` +
        `|\\bo\\s+(?:(?:me|nos|lo|la|le|les)\\s+)?(?:planto|plantamos|presento|presentamos|saco|sacamos|busco|buscamos|llevo|llevamos|voy|vamos|pido|pedimos|tomo|tomamos|denuncio|denunciamos|cambio|cambiamos|retiro|retiramos|acudo|acudimos|escalo|escalamos|instalo)\\b` +
        `|(?:se\\s+lo|se\\s+los|os\\s+lo|te\\s+lo|les\\s+lo)\\s+(?:digo|pido|repito|aviso)\\s+por\\s+ultima\\s+vez|por\\s+ultima\\s+vez\\s+(?:se\\s+lo|os\\s+lo|les|le|te)\\s+(?:digo|pido|repito)` +
        `|no\\s+hay\\s+mas\\s+(?:plazos|prorrogas|chances|largas)|(?:ultima|unica)\\s+advertencia` +
        `|(?:tienen|tiene|tenes|tienes|teneis)\\s+(?:plazo\\s+)?hasta\\s+(?:el|la|manana|hoy|este|esta|fin)\\b[^.;!?\\n]*?(?:\\bo\\s+(?:no|ya\\s+no|me|nos|lo|la|si\\s+no)\\b|\\bsi\\s+no\\b|\\bchao\\b|despues\\s+no\\b)` +
        `|\\bno\\s+(?:(?:me|lo|la|les|le)\\s+)?vuelvo\\s+a\\s+(?:sentar|firmar|ir|pisar|confiar|colaborar|participar|asistir|mandar|llevar|traer)\\b` +
        `|(?<=,\\s*)asi\\s+de\\s+(?:simple|sencillo|facil|claro)`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?')) return false;
      const words = fold(m[0]);
      // "O ... o mi hijo no se presenta": the sentence opens with the first branch, a demand on the school.
      if (/^o\s/u.test(words)) {
        // The second branch of "O ... o ...": the first (at the sentence's start, or after ":" or ",") is a
        // demand on the school.
        const lead = text.slice(start, m.index);
        const first = /(?:^|[:,;]\s*)[¡]?o\s/iu.exec(lead);
        return (
          first !== null &&
          stem(
            'asistente|terapia|sesion|servicio|maestr|aide|IEP|horario|contest|respond|arregl|cumpl|pon|regres|dan|den|llam|acomod|adapt|transporte|bus|autobus|ruta|plan|cambi|sigue|siga|asign|tiempo|examen|mand|envi|report|progres|evaluac|repon|devuelv|quit|suspend',
          ).test(lead.slice(first.index))
        );
      }
      if (/ultima|unica|no\s+hay\s+mas|^tiene/u.test(words)) return true;
      const condition = re('si|hasta\\s+que|mientras\\s+(?:no|sigan|siga)|o').test(
        text.slice(start, m.index),
      );
      if (/^asi/u.test(words)) return condition && /^\s*[.!]*\s*$/u.test(after(text, m.index + m[0].length));
      return condition;
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // Insults in more words: "es un patán y un maleducado", "un cretino", "una farsante", "parecen un montón de
    // aficionados", "son una bola de inútiles", "una panda de incompetentes".
    id: 'insult',
    pattern: es(
      `(?:es|son|eres|sos|sois|fue|fueron|era|eran|parece|parecen|pareces)\\s+(?:todos\\s+|todas\\s+)?(?:(?:un|una|unos|unas)\\s+)?(?:(?:muy|tan|bien|re|super|tremend[oa]s?|complet[oa]s?|verdader[oa]s?)\\s+)?(?:patan(?:es)?|cretin[oa]s?|imbeciles?|energumen[oa]s?|ganan(?:es)?|malcriad[oa]s?|cafres?|gilipollas|capull[oa]s?|cabron(?:a|es|as)?|charlatan(?:a|es|as)?|farsantes?|embuster[oa]s?|trampos[oa]s?|holgazan(?:a|es|as)?|mamon(?:a|es|as)?|aficionad[oa]s|amateurs?|improvisad[oa]s|inservibles?|bordes?|(?:una\\s+)?mala\\s+persona|malas\\s+personas)(?=\\s*(?:[,.;!?]|$)|\\s+(?:y|que|jugando|con|sin)\\b)` +
        `|(?:es|son|sois|parecen|parece|eres|sos)\\s+(?:un\\s+(?:monton|punado|grupo|par|circo|hatajo)|una\\s+(?:bola|banda|manada|sarta|panda|partida|pandilla|cuadrilla))\\s+de\\s+(?:aficionad[oa]s|amateurs|improvisad[oa]s|principiantes|incompetentes|inutiles|payas[oa]s|ignorantes|flojos|vag[oa]s|burocratas|mentiros[oa]s|irresponsables|chantas|inept[oa]s|ladrones|sinverguenzas|bolud[oa]s|pendej[oa]s|idiotas|incapaces)` +
        `|no\\s+(?:tiene|tienen|tenes|tienes|teneis)\\s+(?:ni\\s+)?(?:la\\s+(?:mas\\s+)?(?:menor|minima)\\s+(?:preparacion|idea|formacion|capacidad|nocion|empatia)|vocacion|etica|criterio|tacto|profesionalismo)\\b` +
        `|(?:la|lo|los|las)\\s+(?:sacaron|recogieron|contrataron)\\s+de\\s+la\\s+calle` +
        `|que\\s+(?:clase|tipo)\\s+de\\s+(?:gente|personal|personas|maestr\\p{L}*|profesionales|escuela|colegio|equipo)\\s+tan\\s+\\p{L}+` +
        `|(?:es|son|eres|sos|sois|fue)\\s+(?:(?:un|una|unos|unas)\\s+)?(?:(?:persona|personas|gente|profesional|profesionales|maestr[oa]s?|terapeutas?|director[a]?)\\s+)?(?:muy\\s+|tan\\s+|bastante\\s+|super\\s+|realmente\\s+)?poco\\s+(?:profesional(?:es)?|seri[oa]s?|etic[oa]s?|responsables?|competentes?|empatic[oa]s?|human[oa]s?|respetuos[oa]s?|capaces|capaz)` +
        `|se\\s+creen?\\s+(?:muy\\s+|tan\\s+)?(?:list[oa]s?|la\\s+gran\\s+cosa|superior(?:es)?|mas\\s+que\\s+nadie|el\\s+dueno|la\\s+duena|los\\s+duenos|dios|la\\s+ultima\\s+coca\\s+cola)`,
    ),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      const b = before(text, m.index);
      if (re('(?:\\bno|nadie)\\s*$').test(b)) return false;
      return !re('(?:me\\s+siento|me\\s+senti|sentirme|yo)\\s*(?:\\p{L}+\\s+)?$').test(b);
    },
    span: (m, text) => {
      const span = clauseAround(m, text);
      const more = /^\s+y\s+(?:un|una|unos|unas)\s+\p{L}+/u.exec(text.slice(span.end));
      return more ? { start: span.start, end: span.end + more[0].length } : span;
    },
    suggest: notWorkingFor,
  },
  {
    // Sarcasm: the plan as mere paper ("el IEP es solo un papel bonito para archivar", "existe solo en papel",
    // "papel mojado", "de adorno"); reassurance that mocks ("Tranquilos, no se apuren, total el examen es mañana
    // nomás"); praise closing a late or poor service (", qué eficiencia", ", de verdad muy profesional de su
    // parte"); thanks for a late notice ("Gracias por avisarme ... tres días después"); "me encanta que me digan
    // 'lo vamos a revisar'", "me encanta cómo ... y las excusas duran una hora".
    id: 'sarcasm',
    pattern: es(
      `(?:existe|existen|esta|estan|queda|quedan|vive|viven|funciona|funcionan|se\\s+cumple|se\\s+cumplen|sirve|sirven)\\s+(?:solo|solamente|nomas|nada\\s+mas|unicamente)\\s+en\\s+(?:el\\s+)?papel|(?:solo|solamente|nomas|nada\\s+mas|puro)\\s+(?:un\\s+)?papel(?:ito)?\\s+(?:bonito|lindo|decorativo|mojado|para\\s+(?:archivar|la\\s+foto|el\\s+archivo|firmar\\s+y\\s+olvidar))|papel\\s+mojado|letra\\s+muerta|de\\s+adorno|(?:solo|nomas|puro|solamente)\\s+(?:un\\s+)?adorno|para\\s+la\\s+foto` +
        `|(?:tranquil[oa]s?|tranqui|no\\s+se\\s+(?:apuren|apresuren|preocupen|molesten|estresen|apure|preocupe)|no\\s+te\\s+(?:apures|preocupes|estreses)|no\\s+os\\s+(?:deis\\s+prisa|preocupeis|molesteis|agobieis)|con\\s+calma|sin\\s+prisa|sin\\s+apuro|tomense\\s+(?:su|todo\\s+el)\\s+tiempo|tomate\\s+tu\\s+tiempo|tomaos\\s+vuestro\\s+tiempo)\\b(?=[^.;!?\\n]*\\b(?:total|al\\s+fin\\s+y\\s+al\\s+cabo|si\\s+al\\s+cabo|igual)\\b[^.;!?\\n]*\\b(?:manana|hoy|nomas|nada\\s+mas|puede\\s+esperar|pueden\\s+esperar|no\\s+pasa\\s+nada|que\\s+mas\\s+da|que\\s+importa|solo\\s+es|es\\s+solo|ya\\s+paso|ya\\s+se\\s+perdio|ya\\s+perdio)\\b)` +
        `|(?<=,\\s*)(?:(?:de\\s+verdad|en\\s+serio|la\\s+verdad|realmente|sinceramente|wow|guau|vaya)\\s*,?\\s+)?(?:que|muy|tan|super|re|todo\\s+un|toda\\s+una)\\s+(?:eficiencia|rapidez|puntualidad|profesionalismo|profesional(?:es)?|eficientes?|rapid[oa]s?|puntuales?|atent[oa]s?|amables?|considerad[oa]s?|organizad[oa]s?|responsables?|diligentes?|serviciales?|comunicativ[oa]s?|detallistas?|ejemplo|lujo)(?:\\s+(?:de|por)\\s+(?:su|tu|vuestra|vuestro|sus)\\s+parte)?(?=\\s*(?:[.!;\\n🙃🙄😒👏]|$))` +
        `|gracias\\s+por\\s+(?:avisar|decir|mandar|contestar|responder|informar|enviar|comunicar)(?:me|nos)?\\b[^.;!?\\n]{0,60}?\\b(?:un|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|\\d+)\\s+(?:horas?|dias?|semanas?|meses)\\s+(?:despues|tarde|de\\s+retraso)` +
        `|(?:que\\s+bueno|que\\s+bien|me\\s+alegra|ahora\\s+se|ya\\s+se|ahora\\s+entiendo|ya\\s+entendi|veo|ya\\s+veo)\\s+(?:saber\\s+)?que\\b[^.;!?\\n]{0,80}?\\b(?:es|son|era|eran)\\s+(?:opcional(?:es)?|voluntari[oa]s?|un\\s+lujo|un\\s+favor|sugerencias?|una\\s+sugerencia)\\b` +
        `|cuando\\s+(?:a\\s+(?:la|el|los|las)\\s+\\p{L}+\\s+)?(?:le|les|os|te)\\s+(?:queda\\s+(?:comod[oa]|bien)|conviene|da\\s+la\\s+gana|apetece|dan\\s+ganas|provoca|nace)` +
        `|que\\s+(?:detallazo|detallito)\\b` +
        `|(?<=,\\s*)(?:que|vaya|menuda)\\s+(?:casualidad|sorpresa|novedad|coincidencia)(?:\\s+tan\\s+\\p{L}+|\\s+mas\\s+grande)?(?=\\s*(?:[.!;\\n🙃🙄😒👏🙂]|$))` +
        `|(?<=,\\s*)(?:que|muy|tan)\\s+(?:bonito|lindo|bello|hermoso|padre|chevere|bacan)(?:\\s+todo)?(?=\\s*(?:[.!;\\n🙃🙄😒👏🙂]|$))` +
        `|(?<=,\\s*)(?:un|todo\\s+un)\\s+(?:exito|logro|lujo)\\s+(?:total\\s+)?(?:la|el|su)\\s+\\p{L}+(?=\\s*(?:[.!;\\n🙃🙄😒👏🙂]|$))` +
        `|(?:impresionante|increible|espectacular|maravillos[oa]|brillante|fantastic[oa]|estupend[oa]|magnific[oa])\\s+(?:el|la|los|las|su|sus)\\s+\\p{L}+(?:\\s+(?:de\\s+)?\\p{L}+){0,3}?\\s*,` +
        `|que\\s+(?:maravilla|belleza|lujo|nivel|eficiencia|joya|maravillosa)\\s+de\\s+(?:comunicacion|organizacion|coordinacion|servicio|escuela|colegio|equipo|atencion|seguimiento|respuesta)\\b` +
        `|(?<=,\\s*)(?:se\\s+agradece\\s+(?:el\\s+esfuerzo|la\\s+intencion|el\\s+detalle|el\\s+gesto)|todo\\s+un\\s+logro|menudo\\s+logro|vaya\\s+logro|que\\s+logro|un\\s+logro)(?=\\s*(?:[.!;\\n🙃🙄😒👏🙂]|$))` +
        `|(?:seguro|seguramente|de\\s+seguro|me\\s+imagino\\s+que|supongo\\s+que)\\s+(?:les|le|te|os)\\s+(?:tomo|llevo|costo|tomaria|llevaria)\\s+(?:sus\\s+buenos\\s+|unos\\s+|como\\s+|al\\s+menos\\s+)?(?:cinco|cuatro|tres|dos|diez|\\d+)\\s+minutos` +
        `|(?:lograron|consiguieron|han\\s+logrado|han\\s+conseguido|habeis\\s+conseguido|habeis\\s+logrado|lograsteis|conseguisteis|ha\\s+logrado|ha\\s+conseguido)\\s+que\\s+(?:\\p{L}+\\s+){1,3}?(?:odie|odien|deteste|detesten|llore|no\\s+quiera|ya\\s+no\\s+quiera|retroceda|pierda|se\\s+atrase|tenga\\s+miedo|le\\s+tenga\\s+miedo|tenga\\s+panico|vomite|se\\s+niegue|sufra)` +
        `|(?:esta|estan|es|son)\\s+(?:ahi\\s+|alli\\s+|aqui\\s+|aca\\s+)?(?:solo\\s+|nomas\\s+)?de\\s+(?:decoracion|florero|relleno|figura\\s+decorativa)` +
        `|(?:me|nos)\\s+(?:encanta|encantan|fascina|fascinan|encanto)\\s+(?:que|como|cuando)\\b(?=[^.;!?\\n]*(?:["“«][^"”»]{2,40}["”»]|\\b(?:excusas?|pretextos?|largas|se\\s+nota\\s+que)\\b))`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      const words = fold(m[0]);
      if (/papel|letra|adorno|foto|decoracion|florero|relleno/u.test(words))
        return PLAN_WORDS.test(sentence) || STAFF_WORDS.test(sentence);
      if (/opcional|voluntari|lujo|favor|sugerencia/u.test(words))
        return PLAN_WORDS.test(sentence) || SERVICE_WORDS.test(sentence);
      if (
        /^(?:cuando|seguro|seguramente|de seguro|me imagino|supongo|lograron|consiguieron|han|habeis|lograsteis|conseguisteis|ha|esta|estan|es|son)\b/u.test(
          words,
        )
      )
        return true;
      if (/^(?:que|vaya|menuda)\s+(?:casualidad|sorpresa|novedad|coincidencia)/u.test(words)) return true;
      if (
        /^(?:impresionante|increible|espectacular|maravillos|brillante|fantastic|estupend|magnific)/u.test(
          words,
        )
      )
        return (
          start === m.index &&
          (FAILURE.test(sentence) ||
            stem('castig|lo\\s+unico\\s+que|sigue\\s+sin|siguen\\s+sin|peor\\b').test(sentence))
        );
      if (
        /^(?:que|muy|tan)\s+(?:bonito|lindo|bello|hermoso|padre|chevere|bacan)|^(?:un|todo\s+un)\s+(?:exito|logro|lujo)\s+(?:total\s+)?(?:la|el|su)\s/u.test(
          words,
        )
      )
        return FAILURE.test(text.slice(start, m.index)) || LATE.test(text.slice(start, m.index));
      if (
        /^(?:de verdad|en serio|la verdad|realmente|sinceramente|wow|guau|vaya|que|muy|tan|super|re|todo|toda|se agradece|menudo|un logro)\b/u.test(
          words,
        )
      ) {
        if (/^que\s+(?:detall|maravill|belleza|lujo|nivel|eficiencia|joya)/u.test(words))
          return FAILURE.test(sentence) || LATE.test(sentence);
        const prev = text.slice(start, m.index);
        return (
          FAILURE.test(prev) ||
          LATE.test(prev) ||
          stem('tarde|despues|cancel|sin\\s|nadie|\\bno\\b|nunca|otra\\s+vez|perdi|olvid|\\bni\\b').test(prev)
        );
      }
      return true;
    },
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // Rhetorical questions: "¿Vos pensás que me voy a quedar tranquila ...?", "¿Creen que soy tonta?", "¿Y quién
    // me devuelve a mí las semanas que perdió?", "¿Quién responde por esto?", "¿No se supone que el plan es
    // obligatorio, o es solo de adorno?".
    id: 'rhetorical_question',
    pattern: es(
      `(?:creen|cree|crees|creeis|piensan|piensa|piensas|pensas|pensais|se\\s+creen|se\\s+piensan|te\\s+pensas)\\s+que\\s+(?:yo\\s+|una\\s+|uno\\s+)?(?:me\\s+|nos\\s+)?(?:voy|vamos|va|iba|ibamos)\\s+a\\s+(?:quedar\\s+(?:tranquil[oa]s?|callad[oa]s?|quiet[oa]s?|de\\s+brazos|con\\s+los\\s+brazos|asi|conforme|sin\\s+hacer\\s+nada|esperando)|aceptar|tragar|creer|conformar|callar|olvidar|aguantar|rendir|cansar)` +
        `|(?:creen|cree|crees|creeis|piensan|piensa|piensas|pensas|pensais|te\\s+pensas)\\s+que\\s+(?:yo\\s+)?(?:soy|somos)\\s+(?:tont|idiot|estupid|ciego|ciega|bob|pendej|bolud|ingenu)\\p{L}*` +
        `|que\\s+(?:mas\\s+)?(?:tiene|tendria|tendra|debe|va)\\s+(?:que|a|de)\\s+pasar\\b[^?\\n]{0,80}?\\bpara\\s+que` +
        `|quien\\s+(?:(?:me|nos|le|les)\\s+)?(?:devuelve|devolvera|va\\s+a\\s+devolver|repone|repondra|va\\s+a\\s+reponer|paga|pagara|va\\s+a\\s+pagar|regresa|va\\s+a\\s+regresar|compensa|recupera)\\b(?=[^?\\n]*\\b(?:semanas|meses|dias|tiempo|horas|minutos|sesiones|clases|ano|perdio|perdido|perdimos|perdi)\\b)` +
        `|(?:creen|cree|crees|creeis|piensan|piensa|piensas|pensas|pensais)\\s+que\\s+(?:yo\\s+)?no\\s+(?:se|sabemos|entiendo|entendemos|veo|vemos|leo|me\\s+doy\\s+cuenta)\\b` +
        `|(?:de\\s+verdad|en\\s+serio|realmente|acaso)\\s+(?:ustedes|usted|vos|tu|vosotros)\\s+(?:creen|cree|crees|pensas|piensan|piensa|creeis|pensais)\\s+que` +
        `|quien\\s+(?:responde|se\\s+hace\\s+(?:cargo|responsable))\\s+(?:por|de)\\s+(?:esto|eso|todo\\s+esto|lo\\s+que\\s+(?:paso|le\\s+paso)|el\\s+dano|los\\s+danos)` +
        `|no\\s+se\\s+(?:supone|suponia|supondria)\\s+que\\b(?=[^?\\n]*\\b(?:obligatori[oa]|ley|derecho|legal|plan|iep|504|su\\s+trabajo|para\\s+eso|deben|debian|tienen\\s+que|tenian\\s+que|ustedes|usted|vosotros)\\b)` +
        `|\\bo\\s+(?:es|son|era|fue|sera)\\s+(?:solo\\s+|nomas\\s+|puro\\s+|pura\\s+)?(?:de\\s+adorno|adorno|para\\s+la\\s+foto|de\\s+mentira|de\\s+mentiritas|un\\s+chiste|teatro|de\\s+decoracion|decoracion|papel\\s+mojado)`,
    ),
    accept: (m, text) => text.slice(m.index, sentenceEndEs(text, m.index) + 2).includes('?'),
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué pasó y cómo lo podemos resolver.',
  },
  {
    // Blame: the counterfactual ("Si no le hubieran cambiado el horario sin consultarme, esto no habría pasado",
    // "de haberme avisado ..."), a staff member's act "y por eso" a harm ("El counselor la dejó sola ... y por
    // eso tuvo la crisis"), the papers the reader lost ("Usted perdió los papeles de la evaluación"), who pays
    // ("los que pagamos los platos rotos somos nosotros", "pagar el pato").
    id: 'blame',
    pattern: es(
      `si\\s+(?:no\\s+)?(?:(?:me|le|lo|la|les|nos|se)\\s+)*(?:hubieran|hubiesen|hubierais|hubieseis)\\b[^.;!?\\n]{0,100}?\\b(?:no|nada\\s+de\\s+(?:esto|eso))\\s+(?:habria|hubiera|hubiese)\\s+(?:pasado|sucedido|ocurrido)` +
        `|si\\s+(?:${STAFF})\\s+(?:no\\s+)?(?:(?:me|le|lo|la|les|nos|se)\\s+)*(?:hubiera|hubiese|hubieras|hubieses)\\b[^.;!?\\n]{0,100}?\\b(?:no|nada\\s+de\\s+(?:esto|eso))\\s+(?:habria|hubiera|hubiese)\\s+(?:pasado|sucedido|ocurrido)` +
        `|(?:esto|eso|nada\\s+de\\s+(?:esto|eso))\\s+no\\s+(?:habria|hubiera|hubiese)\\s+(?:pasado|sucedido|ocurrido)\\s+si\\s+(?:(?:${STAFF})\\s+)?(?:no\\s+)?(?:(?:me|le|lo|la|les|nos|se)\\s+)*(?:hubieran|hubiesen|hubierais|hubiera|hubiese)\\b` +
        `|de\\s+haber(?:me|le|lo|la|nos)?\\s+(?:avisado|consultado|escuchado|hecho\\s+caso|seguido\\s+el\\s+plan|cumplido)\\b[^.;!?\\n]{0,80}?\\b(?:no|nada\\s+de\\s+(?:esto|eso))\\s+(?:habria|hubiera|hubiese)\\s+(?:pasado|sucedido|ocurrido)` +
        `|(?:${STAFF})\\s+[^.;!?\\n]{0,80}?\\by\\s+por\\s+eso\\s+(?:(?!no\\b|ya\\b)\\p{L}+\\s+){0,2}?(?:tuvo\\s+(?:la|una|otra|esa)\\s+(?:crisis|rabieta|berrinche|ataque|convulsion|accidente)|(?:se\\s+)?(?:lastim|cay|golpe|escap|desregul|asust|lesion|reprob|retroced|empeor|llor|orin)\\p{L}*|(?:lo|la)\\s+(?:suspendieron|castigaron|expulsaron|mandaron\\s+a\\s+casa)|perdio\\s+(?:su|la|el|los|las)|ya\\s+no\\s+quiere)` +
        `|(?:${STAFF})\\s+(?:\\p{L}+\\s+)?(?:perdio|perdieron|perdiste|perdisteis|extravio|extraviaron|traspapelo|traspapelaron|se\\s+olvido\\s+de|se\\s+olvidaron\\s+de|olvido|olvidaron|borro|borraron|boto|botaron|tiro|tiraron|se\\s+equivoco\\s+con|se\\s+equivocaron\\s+con)\\s+(?:los|las|el|la|mis|sus|su|mi|nuestros|nuestras)\\s+(?:papeles|documentos|formularios?|evaluaci\\p{L}+|expediente|informes?|reportes?|correos?|solicitud\\p{L}*|firmas?|consentimientos?|permisos?|registros?|datos|iep|plan|examen\\p{L}*|pruebas?|medicamentos?|medicin\\p{L}*|aparatos?|tableta|laptop|horas|minutos|sesiones|fechas|notas|calificaciones)` +
        `|(?:eso|esto|lo\\s+que\\s+paso)\\s+(?:fue|es|era)\\s+(?:un\\s+|una\\s+|pura\\s+|puro\\s+)?(?:descuido|error|negligencia|irresponsabilidad|dejadez|desidia|falta\\s+de\\s+(?:cuidado|atencion|supervision|profesionalismo))\\s+(?:de|del|suy[oa]|tuy[oa])\\b` +
        `|(?:paso|sucedio|ocurrio|fue|es)\\s+porque\\s+(?:${STAFF})\\s+(?:\\p{L}+\\s+)?no\\s+(?:(?:se|le|les|lo|la|me|nos)\\s+)*(?!estaba|estuvo|pudo|podia|habia|hubo|sabia)\\p{L}+` +
        `|(?:[ée]l|ella|ellos|ellas|ustedes|usted)\\s+que\\s+se\\s+(?:haga|hagan)\\s+(?:cargo|responsables?)` +
        `|que\\s+se\\s+(?:haga|hagan)\\s+(?:cargo|responsables?)\\s+(?:[ée]l|ella|ellos|ellas|ustedes|usted)\\b(?=[^.;!?\\n]*\\b(?:fue|fueron|culpa|decidi\\p{L}*|responsables?)\\b)` +
        `|(?:fue|es|son|fueron)\\s+(?:la|el|los|las)\\s+(?:maestr[oa]s?|profe|profesor[a]?|director[a]?|terapeuta|asistente|aide|counselor|consejer[oa]|suplente|sustitut[oa]|sub|chofer|psicolog[oa]|coordinador[a]?|enfermer[oa]|escuela|distrito)\\s+(?:\\p{L}+\\s+)?(?:la|el|los|las|quien|quienes)\\s+que\\s+(?:decidio|decidieron|dijo|dijeron|quito|quitaron|cancelo|cancelaron|cambio|cambiaron|mando|mandaron|suspendio|suspendieron|castigo|castigaron|no\\s+\\p{L}+)` +
        `|la\\s+culpa\\s+es\\s+(?:toda\\s+)?(?:de\\s+)?(?:ella|[ée]l|ellos|ellas)\\b` +
        `|(?:${STAFF})\\s+(?:(?:lo|la|le|los|las)\\s+)?(?:habeis|han|ha|has)\\s+dejado\\s+(?:(?:a|al)\\s+(?:\\p{L}+\\s+){0,2})?sin\\b` +
        `|(?:lo|la)\\s+(?:causo|causaron|provoco|provocaron|ocasiono|ocasionaron|armo|armaron)\\s+(?:${STAFF})` +
        `|(?:es|fue|sera)\\s+responsabilidad\\s+(?:directa\\s+|total\\s+|exclusiva\\s+|unica\\s+)?(?:de\\s+quien(?:es)?|de\\s+(?:los|las|el|la)\\s+que|de\\s+ustedes|de\\s+usted|vuestra|suya)\\b` +
        `|(?:el\\s+problema|la\\s+culpa|el\\s+error)\\s+(?:no\\s+es\\s+(?:de\\s+)?(?:mi|nuestr[oa]|el|la)\\s+\\p{L}+\\s*,\\s*)?es\\s+de\\s+(?:ustedes|usted|vosotros|la\\s+escuela|el\\s+colegio|el\\s+distrito)\\b|,\\s*es\\s+de\\s+(?:ustedes|usted|vosotros)\\s+que` +
        `|(?:lo|la|los|las)\\s+(?:mando|mandaron|castigo|castigaron|suspendio|suspendieron|saco|sacaron|expulso|expulsaron|rega[nñ]o|rega[nñ]aron)\\s+[^.;!?\\n]{0,40}?\\bsin\\s+(?:motivo|razon|justificacion|causa|avisar(?:me|nos)?)\\b` +
        `|pag\\p{L}*\\s+(?:los\\s+)?platos\\s+rotos|pag\\p{L}*\\s+el\\s+pato|(?:el|la|los|las)\\s+que\\s+(?:paga|pagan|pagamos|sufre|sufren|sufrimos)\\s+(?:las\\s+consecuencias\\s+)?(?:es|son|somos)\\s+(?:mi|nuestr[oa]|nosotr[oa]s|el\\s+nino|la\\s+nina|los\\s+ninos|ella|el)\\b|quien\\s+(?:paga|sufre)\\s+las\\s+consecuencias\\s+es`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      if (stem('gracias|agradec|content|feliz|bien\\s+hecho').test(sentence)) return false;
      const words = fold(m[0]);
      // "Fue un error del sistema", "fue un descuido mío": not a charge against the school.
      if (/descuido|error|negligencia|dejadez|desidia|falta\s+de/u.test(words))
        return !stem(
          'de\\s+(?:nadie|nosotr|mi\\b|la\\s+familia)|del\\s+(?:sistema|clima|trafico|correo)|\\bmi[oa]\\b|nuestr',
        ).test(text.slice(m.index, sentenceEndEs(text, m.index)));
      if (
        /^(?:si|de|esto|eso|nada|pag\p{L}*|el|la|los|las|quien|que)\s/u.test(words) &&
        !/perdi|olvid|extravi|traspapel|borr|bot|tir|equivoc|por\s+eso/u.test(words)
      )
        return true;
      // "Si usted perdió el formulario, le mando otro": a condition, not a charge.
      return !re('(?:si|cuando|que|aunque)\\s+(?:\\p{L}+\\s+){0,2}$').test(before(text, m.index));
    },
    span: wholeSentence,
    suggest: askWhatHappened,
  },
  {
    // Absolutes: "todos los santos días", "cada bendito día", "todos los días sin excepción" with a failure, "El
    // bus llega tarde todos los días", "Siempre que llamo me dicen que la coordinadora no está".
    id: 'absolute',
    pattern: es(
      `todos\\s+los\\s+(?:santos|benditos)\\s+dias|cada\\s+(?:santo|bendito)\\s+dia|(?:todos\\s+los\\s+dias|todas\\s+las\\s+(?:mananas|tardes|semanas)|cada\\s+dia|cada\\s+manana)\\s*,?\\s+sin\\s+(?:excepcion|falta)` +
        `|(?:siempre|cada\\s+vez)\\s+que\\s+(?:viene|hay|falta|esta|llega|entra)\\s+(?:(?:un|una|el|la)\\s+)?(?:sub|suplente|sustitut[oa]|reemplazo|maestr[oa]\\s+nuev[oa])\\b(?=[^.;!?\\n]*\\b(?:(?:lo|la|los|las|le|les)\\s+(?:mandan|manda|sacan|saca|quitan|quita|castigan|castiga|dejan|deja|rega\\p{L}*|grita\\p{L}*)|no\\s+(?:le|les|lo|la)\\s+(?:dan|da|ponen|pone|hacen|hace|respetan|respeta|aplican|aplica|siguen|sigue|leen|lee|dejan|deja)|sin\\s+(?:su|sus|terapia|apoyo|aide|acomodaciones|adaptaciones)|se\\s+queda\\s+sin|pierde|perdemos)\\b)` +
        `|(?:llega|llegan|sale|salen|pasa|pasan|viene|vienen)\\s+tarde\\s+(?:todos\\s+los\\s+dias|todas\\s+las\\s+(?:mananas|tardes|semanas)|cada\\s+(?:dia|manana|tarde|semana)|siempre)` +
        `|(?:siempre|cada\\s+vez|todas\\s+las\\s+veces)\\s+que\\s+(?:(?:le|les|lo|la)\\s+)?(?:llamo|llamamos|pregunto|preguntamos|voy|vamos|escribo|escribimos|pido|pedimos|paso|pasamos|mando|mandamos|reclamo|reclamamos|insisto|busco|buscamos|vengo|venimos)\\b(?=[^.;!?\\n]*\\b(?:no\\s+(?:esta|estan|hay|contesta|contestan|responde|responden|saben|sabe|pueden|puede|tienen|tiene|estaba|estaban|me\\s+\\p{L}+|nos\\s+\\p{L}+)|nadie|(?:otra|la\\s+misma)\\s+(?:excusa|historia|respuesta)|excusas?|pretextos?|largas|esta\\s+ocupad[oa]|estan\\s+ocupad[oa]s|me\\s+(?:dicen|dice|contestan|responden)\\s+(?:que\\s+)?(?:la\\s+semana\\s+que\\s+viene|el\\s+mes\\s+que\\s+viene|la\\s+proxima\\s+semana|despues|pronto|ya\\s+casi|ya\\s+mero|luego|en\\s+eso|(?:lo|la)\\s+(?:estan|van)|lo\\s+mismo))\\b)`,
    ),
    accept: (m, text) => {
      if (childSubject(text, m.index)) return false;
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?') || stem('gracias|amable|encanta|content|feliz|le\\s+gusta').test(sentence))
        return false;
      const words = fold(m[0]);
      if (/santos|benditos|santo|bendito/u.test(words)) return true;
      if (/^(?:todos|todas|cada\s+(?:dia|manana))/u.test(words)) {
        const rest =
          text.slice(start, m.index) + text.slice(m.index + m[0].length, sentenceEndEs(text, m.index));
        return stem(
          'tarde|\\bno\\b|nadie|nunca|falt|cancel|sin\\s+(?:su|sus|terapia|aide|servicio|apoyo|transporte|avis)|olvid|perd|pierd|castig|excusa',
        ).test(rest);
      }
      return true;
    },
    span: wholeSentence,
    suggest: (_m, text, span) =>
      atStart(text, span, 'varias veces no ha pasado lo acordado; me gustaría que lo revisemos con fechas'),
  },
  {
    // Orders: "Den las terapias que faltan", vosotros imperatives without a pronoun ("Convocad la reunión del
    // 504 esta semana"), tú and vos imperatives with a date or "por escrito" ("Pasame el nombre de la suplente
    // para mañana temprano", "Explicame por escrito por qué ..."), a present-tense request for what is owed
    // ("Me reponen todas las sesiones que faltaron, empezando el lunes"), "Que la sustituta lea el plan ...",
    // "y no se hable más", ", punto".
    id: 'command',
    pattern: es(
      `den(?=\\s+(?:el|la|los|las|su|sus|al|le|les|me|nos|lo|una|un|ya)\\b)` +
        `|(?<vos>\\p{L}{3,}(?:ad|ed|id))(?=\\s+(?:el|la|los|las|un|una|de|a|al|lo|le|les|me|nos|mi|mis|su|sus|vuestr\\p{L}*|ya|esto|eso|todo|todas|todos|hoy|ahora)\\b)` +
        `|(?<usted>conteste|responda)(?=\\s+(?:mi|mis|el|la|los|las|a|al|su|sus|este|esta|esto|ya|hoy|de\\s+una\\s+vez)\\b)` +
        `|(?:pasame|pasanos|pasamelo|explicame|explicanos|explicamelo|devolveme|devuelveme|mostrame|muestrame|reponele|reponle|mandale|mandales|hacelo|hazlo|arreglalo|arreglame)(?=\\s|[,.!]|$)` +
        `|(?:me|nos|le)\\s+(?:reponen|mandan|devuelven|dan|pasan|envian|entregan|arreglan|cambian|asignan|ponen|hacen|programan|agendan|contestan|llaman|responden|explican|corrigen|firman)\\b(?=[^.;!?\\n]*\\b(?:que\\s+(?:faltaron|faltan|le\\s+deben|me\\s+deben|nos\\s+deben|perdio|no\\s+le\\s+dieron|no\\s+se\\s+dieron|se\\s+perdieron)|pendientes|atrasad[oa]s|todas\\s+las\\s+(?:sesiones|horas|clases)|todos\\s+los\\s+(?:minutos|dias)|ya\\s+mismo|hoy\\s+mismo|cuanto\\s+antes|sin\\s+falta|de\\s+inmediato|inmediatamente)\\b)` +
        `|que\\s+(?:la|el)\\s+(?:sustitut[oa]|suplente|maestr[oa]|terapeuta|aide|asistente|director[a]?|counselor|consejer[oa]|psicolog[oa]|coordinador[a]?|profe|profesor[a]?|chofer|personal|escuela|distrito|enfermer[oa]|orientador[a]?)\\s+(?:se\\s+)?\\p{L}+(?:a|e|an|en)\\b` +
        `|(?:y\\s+)?no\\s+se\\s+hable\\s+mas|y\\s+san\\s+se\\s+acabo|(?<=[,;]\\s*)punto(?:\\s+final|\\s+y\\s+aparte)?`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?')) return false;
      const words = fold(m[0]);
      // The closers: the sentence ends with them.
      if (/^(?:y\s+)?(?:no\s+se\s+hable|san\s+se|punto)/u.test(words))
        return /^\s*[.!]*\s*$/u.test(after(text, m.index + m[0].length));
      if (SOFT.test(sentence)) return false;
      if (
        !/^[\s¡]*(?:(?:y|ya|ahora|entonces|bueno|mire|mira|oiga|oye|profe|seno|seño|maestra|maestro|coordinadora|coordinador)\s*,?\s*)*$/iu.test(
          text.slice(start, m.index),
        )
      )
        return false;
      if (m.groups?.vos) {
        // A word that only ends like a vosotros imperative ("Usted", "Verdad", "Ciudad"), or a kind one
        // ("Tened en cuenta", "Recibid un saludo", "Disfrutad el puente").
        return !/(?:dad|tad)$|^(?:usted|pared|cesped|huesped|merced|david|madrid|ahmed|mohamed|alfred|tened|recibid|disfrutad|descansad|pasad|contad|perdonad|disculpad|sabed|need|read|said|paid|instead|indeed|ahead)$/u.test(
          fold(m.groups.vos),
        );
      }
      if (/^(?:me|nos|le)\s/u.test(words))
        return !stem('dijeron|dicen|segun|confirm|avisaron|informaron').test(sentence);
      if (/^que\s/u.test(words))
        return !stem(
          'vaya|tenga|tengan|pase|pasen|disfrut|descans|mejore|sepa|importante|bueno|gustaria|espero|ojala|seria|quisiera',
        ).test(sentence);
      if (/^den$/u.test(words) || m.groups?.usted) return true;
      return DEADLINE.test(sentence);
    },
    span: (m, text) => {
      if (/^(?:y\s+)?(?:no\s+se\s+hable|san\s+se|punto)/iu.test(fold(m[0]))) {
        let start = m.index;
        while (start > 0 && /[\s,;]/u.test(text[start - 1]!)) start--;
        return { start, end: m.index + m[0].length };
      }
      return toClauseEnd(m, text);
    },
    suggest: (m, text, span) => {
      if (/^(?:y\s+)?(?:no\s+se\s+hable|san\s+se|punto)/iu.test(fold(m[0]))) return LEAVE_OUT_ES;
      return askOrPlease(m, text, span);
    },
  },
  {
    // Exasperation: "ya no doy más" (Río de la Plata), "qué lata" (Chile, Mexico), "qué agobio", "estoy hasta
    // arriba", "me tienen hasta la coronilla" in more words.
    id: 'exasperation',
    pattern: es(
      '(?:ya\\s+)?no\\s+(?:doy|damos)\\s+(?:para\\s+)?mas\\b|que\\s+(?:lata|agobio|agotamiento|pesadilla|suplicio|martirio|tortura|cruz)\\b|(?:estoy|estamos)\\s+hasta\\s+arriba\\b|(?:estoy|estamos)\\s+(?:hasta\\s+la\\s+coronilla|al\\s+limite|en\\s+mi\\s+limite|desesperad[oa]s?|quemad[oa]s?)\\s+(?:con|de)\\b',
    ),
    ...EXASPERATION,
  },
  // Round five, more wordings of the frames above, written by the rules' author in other words and regions
  // (tone-es.test.ts, round five).
  {
    // Threats: "ya estoy en contacto con un abogado", "nos vemos en la corte", "no descarto tomar acciones
    // legales", "voy a hacer público lo que pasa", "pongo la queja en la supervisión", "no saben con quién se
    // están metiendo", "... van a ver.", "tengo todo grabado".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:ya\\s+)?(?:estoy|estamos)\\s+en\\s+contacto\\s+con\\s+(?:un|una|mi|nuestr[oa])\\s+abogad[oa]` +
        `|nos\\s+vemos\\s+en\\s+(?:[^.;!?\\n]{0,30}?\\b)?(?:la\\s+corte|el\\s+juzgado|los\\s+tribunales|tribunales|juicio|la\\s+audiencia|el\\s+debido\\s+proceso|debido\\s+proceso)` +
        `|(?:tomar|iniciar|emprender|ejercer|tomare|tomaremos|iniciare)\\s+(?:las\\s+)?(?:acciones|medidas)\\s+legales|acciones\\s+legales` +
        `|(?:hare|haremos|hago|hacemos|(?:voy|vamos)\\s+a\\s+hacer|pienso\\s+hacer|no\\s+dudare\\s+en\\s+hacer)\\s+(?:esto\\s+|todo\\s+esto\\s+|todo\\s+)?public[oa]s?\\b` +
        `|(?:pongo|ponemos|pondre|pondremos|meto|metemos|metere|presento|presentamos|levanto|levantamos|interpongo|radico)\\s+(?:una|la|mi|nuestra)\\s+(?:${COMPLAINT})` +
        `|no\\s+(?:saben|sabe|sabes|sabeis)\\s+con\\s+quien\\s+(?:se\\s+|te\\s+|os\\s+)?(?:estan|esta|estas|estais)?\\s*(?:metiendo|meten|mete|metieron|tratando)` +
        `|(?<!(?:lo|la|los|las|le|les|se)\\s)(?:ya\\s+)?(?:van|vais|vas)\\s+a\\s+ver(?=\\s*[.!]|\\s*$)` +
        `|(?:tengo|tenemos)\\s+(?:todo|todas\\s+las\\s+(?:llamadas|conversaciones|reuniones)|las\\s+(?:llamadas|reuniones|conversaciones))\\s+grabad[oa]s?`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      if (sentence.includes('?')) return false;
      if (ADVICE.test(after(text, m.index + m[0].length))) return false;
      return !re('(?:cuando|sin)\\s+(?:\\p{L}+\\s+){0,2}$').test(before(text, m.index));
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // Ultimatums: "O me dan una fecha hoy o empiezo el proceso formal", "Si no veo cambios ..., hago lo que tenga
    // que hacer".
    id: 'ultimatum',
    pattern: es(
      `\\bo\\s+(?:(?:me|nos|lo|la|le|les)\\s+)?(?:empiezo|empezamos|inicio|iniciamos|comienzo|comenzamos|arranco|sigo|seguimos|procedo|procedemos|hago|hacemos|pongo|ponemos|meto|hablo|hablamos|llamo|llamamos|escribo|escribimos)\\b` +
        `|(?:hago|hare|haremos|hacemos)\\s+lo\\s+que\\s+(?:tenga|tengamos|haya|sea)(?:\\s+que\\s+hacer|\\s+necesario)?`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const lead = text.slice(start, m.index);
      if (text.slice(start, sentenceEndEs(text, m.index) + 1).includes('?')) return false;
      if (/^o\s/iu.test(m[0])) {
        const first = /(?:^|[:,;]\s*)[¡]?o\s/iu.exec(lead);
        return first !== null && /\p{L}{2,}/u.test(lead.slice(first.index + 2));
      }
      return re('si|o|de\\s+lo\\s+contrario').test(lead);
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // Insults: "qué falta de profesionalismo", "no debería estar a cargo de niños", "vaya director tenemos", "no
    // sirve ni para contestar un correo".
    id: 'insult',
    pattern: es(
      `que\\s+falta\\s+de\\s+(?:profesionalismo|respeto|seriedad|etica|empatia|criterio|consideracion|verguenza|educacion|tacto)` +
        `|no\\s+(?:deberia|deberian|debe|deben)\\s+(?:estar\\s+a\\s+cargo\\s+de|trabajar\\s+con)\\s+(?:ninos|ninas|criaturas|estudiantes|alumnos|nadie)|no\\s+(?:deberia|deberian)\\s+(?:ser|ejercer\\s+como)\\s+(?:maestr|terapeut|director|profe)\\p{L}*` +
        `|(?:vaya|menud[oa]|valiente)\\s+(?:director[a]?|maestr[oa]|escuela|colegio|equipo|terapeuta|profe|personal|coordinador[a]?)\\s+(?:tenemos|tienen|nos\\s+toco|nos\\s+ha\\s+tocado)` +
        `|no\\s+(?:sirve|sirven|sirves)\\s+ni\\s+para`,
    ),
    accept: (m, text) => !childSubject(text, m.index),
    span: wholeSentence,
    suggest: notWorkingFor,
  },
  {
    // Sarcasm: "Muchas gracias por nada", "Qué organización tan impecable, cancelar la reunión diez minutos
    // antes", "mi hijo es invisible para ustedes", "la terapia se da sola, porque nadie la está dando",
    // "Excelente manera de apoyar a un niño: dejarlo solo en el recreo".
    id: 'sarcasm',
    pattern: es(
      `(?:muchas\\s+|mil\\s+)?gracias\\s+por\\s+nada\\b` +
        `|que\\s+(?:organizacion|eficiencia|puntualidad|comunicacion|servicio|atencion|profesionalismo|coordinacion|seriedad)\\s+tan\\s+\\p{L}+` +
        `|(?:es|son)\\s+invisibles?\\s+para\\s+(?:ustedes|usted|vosotros|la\\s+escuela|el\\s+colegio)|no\\s+existe\\s+para\\s+(?:ustedes|usted|vosotros|la\\s+escuela)` +
        `|se\\s+(?:da|dan|hace|hacen|cumple|cumplen|arregla|arreglan|evalua|resuelve|imparte|aplica)\\s+sol[oa]s?\\b` +
        `|(?:excelente|gran|buena|genial|linda|bonita|brillante|estupenda|magnifica)\\s+(?:manera|forma|idea|estrategia)\\s+de\\s+\\p{L}+`,
    ),
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      const words = fold(m[0]);
      if (/gracias\s+por\s+nada|invisible|no\s+existe/u.test(words)) return true;
      if (/^se\s/u.test(words)) return stem('supongo|seguro|claro|obvio|nadie|parece\\s+que').test(sentence);
      const rest = text.slice(m.index + m[0].length, sentenceEndEs(text, m.index));
      return (
        start === m.index &&
        (FAILURE.test(rest) ||
          LATE.test(rest) ||
          stem('dejarl|sacarl|castig|sin\\s|\\bsol[oa]\\b|cancel|nadie|\\bno\\b|ignor').test(rest))
      );
    },
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // Rhetorical questions: "¿Les parece poco ...?", "¿Dónde estaba la aide cuando se cayó?", "¿Es tan
    // complicado mandar un correo?".
    id: 'rhetorical_question',
    pattern: es(
      `(?:les|le|te|os)\\s+parece\\s+(?:poco|profesional|bonito|gracioso|chistoso)` +
        `|donde\\s+(?:estaba|estaban|andaba|andaban)\\s+(?:la|el|los|las)\\s+\\p{L}+\\s+cuando\\s+(?:\\p{L}+\\s+){0,3}?(?:se\\s+\\p{L}+|paso|ocurrio|sucedio|le\\s+pegaron|(?:lo|la)\\s+empujaron|lloraba|lloro)` +
        `|(?:es|era|seria)\\s+tan\\s+(?:complicado|dificil|imposible)\\s+(?:mandar|contestar|responder|avisar|llamar|cumplir|leer|escribir|revisar|dar|seguir|respetar|informar|enviar|comunicar|reponer)\\p{L}*`,
    ),
    accept: (m, text) => text.slice(m.index, sentenceEndEs(text, m.index) + 2).includes('?'),
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué pasó y cómo lo podemos resolver.',
  },
  {
    // Blame: "retrocedió por la falta de apoyo de ustedes", "Ustedes lo dejaron salir solo y se perdió".
    id: 'blame',
    pattern: es(
      `por\\s+(?:la\\s+)?falta\\s+de\\s+(?:\\p{L}+\\s+){1,2}?(?:de\\s+)?(?:ustedes|usted|vosotros|la\\s+escuela|el\\s+colegio|el\\s+distrito|su\\s+parte)` +
        `|(?:${STAFF})\\s+(?:lo|la)\\s+(?:dejaron|dejo|dejasteis|dejaste)\\s+(?:\\p{L}+\\s+)?(?:sol[oa]|sin\\s+supervision|irse|salir|ir)\\b`,
    ),
    accept: (m, text) => !re('(?:si|cuando)\\s+(?:\\p{L}+\\s+){0,2}$').test(before(text, m.index)),
    span: wholeSentence,
    suggest: askWhatHappened,
  },
  {
    // Absolutes: "Todas las semanas es lo mismo con el transporte".
    id: 'absolute',
    pattern: es(
      `(?:todas\\s+las\\s+semanas|todos\\s+los\\s+dias|todos\\s+los\\s+meses|cada\\s+semana|cada\\s+dia|cada\\s+mes)\\s+(?:es|pasa)\\s+lo\\s+mismo`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      // The school's doings, not the child's breakfast.
      return (
        !childSubject(text, m.index) &&
        (SERVICE_WORDS.test(sentence) ||
          STAFF_WORDS.test(sentence) ||
          PLAN_WORDS.test(sentence) ||
          stem('bus\\b|transporte|ruta|escuela|colegio|ustedes|excusa|reunion|junta').test(sentence))
      );
    },
    span: wholeSentence,
    suggest: (_m, text, span) =>
      atStart(text, span, 'varias veces no ha pasado lo acordado; me gustaría que lo revisemos con fechas'),
  },
  // Round five, a third pass of wordings (regional and texting forms of the same frames).
  {
    // Threats: "me voy pa'l distrito y ahí sí se arma", "le escribí al defensor del pueblo", "lo subo a las
    // redes", "guardo todos los audios por si hay que usarlos", "me toca ir a la Superintendencia", "ustedes me
    // obligaron".
    id: 'threat',
    legalTerm: true,
    pattern: es(
      `(?:me\\s+voy|nos\\s+vamos|voy|vamos|me\\s+presento|me\\s+planto)\\s+(?:directo\\s+|derechito\\s+)?(?:pa['’]?l|pa['’]?\\s+(?:la|el)|para\\s+(?:el|la))\\s+(?:${OVERSIGHT}|distrito)\\b` +
        `|(?:y\\s+)?ahi\\s+(?:si\\s+)?se\\s+(?:arma|va\\s+a\\s+armar|prende|pone\\s+feo|complica)|se\\s+va\\s+a\\s+armar\\s+(?:la\\s+gorda|un\\s+lio|una\\s+grande)` +
        `|(?:ya\\s+)?(?:le\\s+|les\\s+)?(?:escribi|escribimos|mande\\s+(?:un\\s+)?correo|acudi|acudimos|fui|fuimos)\\s+(?:a|al|con|ante)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+)?(?:${OVERSIGHT})` +
        `|(?:lo|la|los|las|esto|todo)\\s+(?:subo|subimos|subire|publico|publicamos|publicare|posteo)\\s+(?:en|a)\\s+(?:las\\s+)?(?:redes(?:\\s+sociales)?|facebook|instagram|tiktok|twitter|internet)` +
        `|(?:guardo|guardamos|tengo\\s+guardad[oa]s|estoy\\s+guardando)\\s+(?:todos?\\s+|todas\\s+)?(?:los\\s+|las\\s+)?(?:audios|correos|mensajes|capturas|pruebas|grabaciones|mails|chats)\\b[^.;!?\\n]{0,60}?\\b(?:por\\s+si|para\\s+(?:cuando|usarl\\p{L}*|el\\s+abogado|la\\s+queja|la\\s+demanda|presentarl\\p{L}*))` +
        `|(?:me|nos)\\s+(?:toca|tocara|va\\s+a\\s+tocar)\\s+(?:ir|acudir|llamar|escribir|recurrir|hablar)\\s+(?:a|al|con|ante)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+)?(?:${OVERSIGHT})|(?:ustedes|usted|vosotros)\\s+me\\s+(?:obligaron|obligo|obligasteis|estan\\s+obligando)`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1);
      const rest = after(text, m.index + m[0].length);
      if (ERRAND.test(rest) || ADVICE.test(rest)) return false;
      if (/^(?:lo|la|los|las|esto|todo)\s/iu.test(m[0]))
        return re('si|o|ustedes|nombres|todo').test(sentence);
      return !sentence.includes('?');
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, RESOLVE),
  },
  {
    // Ultimatums: "Les doy esta semana y después me muevo yo", "Si para el martes no hay respuesta, retiro a mi
    // hija del programa", "Es ahora o nunca".
    id: 'ultimatum',
    pattern: es(
      `(?:les|le|te|os)\\s+doy\\s+(?:esta|este|la|el)\\s+(?:semana|mes|dia|lunes|martes|miercoles|jueves|viernes)\\b(?=\\s*(?:,|y)\\s*(?:despues|luego|si\\s+no|de\\s+lo\\s+contrario)|\\s+(?:para\\s+(?:que|resolver|contestar|arreglar|cumplir)|de\\s+plazo))|(?:despues|luego|si\\s+no)\\s*,?\\s+me\\s+muevo\\b` +
        `|si\\s+[^.;!?\\n]{0,60}?\\bno\\b[^.;!?\\n]{0,60}?,\\s*(?:yo\\s+)?(?:retiro|saco|sacamos|retiramos|doy\\s+de\\s+baja|damos\\s+de\\s+baja)\\s+(?:a\\s+)?(?:mi|nuestr[oa]|al|a\\s+la)\\s+\\p{L}+` +
        `|(?:es\\s+)?ahora\\s+o\\s+nunca`,
    ),
    accept: (m, text) => {
      const words = fold(m[0]);
      if (/^si\s/u.test(words))
        return stem(
          'respuesta|contest|respond|aide|terapia|sesion|servicio|maestr|plan|IEP|acomod|adapt|transporte|bus|cambio|solucion|evaluac',
        ).test(m[0].split(',')[0] ?? '');
      return !text.slice(sentenceStartEs(text, m.index), sentenceEndEs(text, m.index) + 1).includes('?');
    },
    span: wholeSentence,
    suggest: (_m, text, span) => atStart(text, span, NEXT_STEPS),
  },
  {
    // Sarcasm: ", se nota el interés" after a five-minute meeting, "Claro, como el niño no habla, no importa
    // ...", "Ojalá algún día se acuerden de que mi hijo existe".
    id: 'sarcasm',
    pattern: es(
      `(?<=,\\s*)se\\s+nota\\s+(?:el|su|tanto|mucho|cuanto)\\s+(?:interes|compromiso|esfuerzo|dedicacion|preocupacion|carino|empeno|profesionalismo)` +
        `|(?:claro|obvio|seguro|por\\s+supuesto)\\s*,\\s*(?:como\\s+[^,.;!?\\n]{2,40},\\s*)?(?:no\\s+importa|da\\s+igual|que\\s+mas\\s+da)\\s+(?:que|si)\\s+(?:no|le\\s+quiten|pierda|falte|se\\s+quede\\s+sin)` +
        `|(?:se\\s+acuerden|recuerden|sepan|se\\s+enteren)\\s+(?:de\\s+)?que\\s+(?:mi|nuestr[oa])\\s+\\p{L}+\\s+(?:tambien\\s+)?existe`,
    ),
    accept: (m, text) => {
      if (!/^se\s+nota/iu.test(m[0])) return true;
      const prev = text.slice(sentenceStartEs(text, m.index), m.index);
      return (
        FAILURE.test(prev) ||
        LATE.test(prev) ||
        stem('\\b(?:de|en)\\s+(?:cinco|dos|tres|diez|\\d+)\\s+minutos|cancel|tarde|sin\\s').test(prev)
      );
    },
    span: wholeSentence,
    suggest: notAsAgreed,
  },
  {
    // Rhetorical questions: "¿Tengo que ir yo a darle la terapia o qué?", "¿Ustedes leen lo que les mando?".
    id: 'rhetorical_question',
    pattern: es(
      `(?:tengo|tenemos|tendre|voy\\s+a\\s+tener)\\s+que\\s+(?:(?:ir|venir)\\s+yo\\s+a\\s+(?:darle|darsela|ensenarle|hacer|explicarles|aplicarle|cuidarlo|cuidarla)|(?:darle|darsela|ensenarle|hacerlo|hacer\\s+su\\s+trabajo|explicarles)\\s+yo)\\b` +
        `|(?:ustedes|usted|vosotros)\\s+(?:leen|lee|leyeron|leyo|leeis|revisan|revisa)\\s+(?:lo\\s+que\\s+(?:les|le|os)\\s+(?:mando|escribo|envio)|mis\\s+correos|mis\\s+mensajes|mis\\s+notas)`,
    ),
    accept: (m, text) => text.slice(m.index, sentenceEndEs(text, m.index) + 2).includes('?'),
    span: questionSpan,
    suggest: () => 'Me gustaría entender qué pasó y cómo lo podemos resolver.',
  },
  {
    // Blame: "La escuela falló y mi hijo es el que sufre", "Ustedes le fallaron a mi hijo", "es porque nadie le
    // dio el apoyo que le tocaba".
    id: 'blame',
    pattern: es(
      `(?:${STAFF}|la\\s+escuela)\\s+(?:le\\s+|les\\s+|nos\\s+|me\\s+)?(?:fallo|fallaron|fallasteis|fallaste)\\b` +
        `|(?:mi|nuestr[oa])\\s+\\p{L}+\\s+es\\s+(?:el|la)\\s+que\\s+(?:sufre|paga|pierde|sale\\s+perdiendo)(?=\\s*(?:[,.;!]|$)|\\s+(?:las\\s+consecuencias|todo|con\\s+esto))` +
        `|(?:es|fue)\\s+porque\\s+nadie\\s+(?:(?:le|les|lo|la|me|nos)\\s+)?\\p{L}+`,
    ),
    accept: (m, text) => {
      const b = before(text, m.index);
      // "El sistema de la escuela falló ayer, ¿pueden reenviar ...?": a thing of the school's, and a question.
      if (re('de\\s*$').test(b)) return false;
      if (text.slice(m.index, sentenceEndEs(text, m.index) + 1).includes('?')) return false;
      return !re('(?:si|cuando)\\s+(?:\\p{L}+\\s+){0,1}$').test(b);
    },
    span: wholeSentence,
    suggest: askWhatHappened,
  },
  {
    // Absolutes: "Nunca hay nadie en la oficina cuando llamo", "Ninguna de las adaptaciones se ha cumplido".
    id: 'absolute',
    pattern: es(
      `nunca\\s+(?:hay|esta|contesta|responde|atiende)\\s+nadie|nadie\\s+(?:contesta|responde|atiende)\\s+nunca` +
        `|(?:ninguna|ninguno)\\s+de\\s+(?:las|los|sus)\\s+(?:adaptaciones|acomodaciones|sesiones|terapias|metas|servicios|promesas|acuerdos|correos|llamadas|mensajes)\\s+(?:se\\s+)?(?:ha|han|fue|fueron)?\\s*(?:cumplid|dad|respetad|aplicad|hech|contestad|respondid|leid|seguid|repuest)[oa]s?`,
    ),
    accept: (m, text) => !childSubject(text, m.index),
    span: wholeSentence,
    suggest: (_m, text, span) =>
      atStart(text, span, 'varias veces no ha pasado lo acordado; me gustaría que lo revisemos con fechas'),
  },
  {
    // Orders: vos imperatives with their written accent ("Hacé lo que dice el IEP", "Cumplí el horario").
    id: 'command',
    pattern:
      /(?<![\p{L}\p{N}_])(?:hacé|cumplí|poné|mandá|respondé|contestá|llamá|devolvé|arreglá|leé|revisá|mandame|mandáme)(?![\p{L}\p{N}_])/giu,
    accept: (m, text) => {
      const start = sentenceStartEs(text, m.index);
      const sentence = text.slice(start, sentenceEndEs(text, m.index) + 1);
      return /^[\s¡]*$/u.test(text.slice(start, m.index)) && !SOFT.test(sentence) && !sentence.includes('?');
    },
    span: toClauseEnd,
    suggest: (m, text, span) =>
      pleaseFrom(text, m.index, span.start, lowerFirst(text.slice(m.index, span.end))),
  },
];

/** Acronyms Spanish letters use besides the English ones (tone.ts's KNOWN_ACRONYMS). */
export const SPANISH_ACRONYMS: ReadonlySet<string> = new Set([
  'TDAH',
  'TEA',
  'EEUU',
  'EUA',
  'SEP',
  'DIF',
  'PEI',
  'IMSS',
  // Round five: Chile's integration programme, Colombia's and Mexico's support plans and services.
  'PIE',
  'PIAR',
  'NEE',
  'USAER',
  'CAM',
  'UGEL',
  'ACNEE',
  'DUA',
  'CURP',
  'ESL',
  'ELL',
  'USA',
]);

const CAPS_WORD = /(?<![\p{L}\p{N}_])\p{Lu}+(?:['’]\p{Lu}+)*(?![\p{L}\p{N}_])/gu;
const THANKS_IN_CAPITALS =
  /(?<!\p{L})(?:MUCHAS\s+GRACIAS|MIL\s+GRACIAS|GRACIAS|FELICIDADES|THANK\s+(?:YOU|U)|THANKS)(?!\p{L})/gu;

/** Whether the words around `index` in its sentence are mostly in lower case (not a heading in capitals). */
function amongLowerCase(text: string, index: number): boolean {
  const sentence = text.slice(sentenceStartEs(text, index), sentenceEndEs(text, index));
  const words = sentence.match(/\p{L}{3,}/gu) ?? [];
  return words.filter((w) => /\p{Ll}/u.test(w)).length >= 3;
}

function capsFlagsEs(text: string, known: ReadonlySet<string>): ToneFlag[] {
  const thanks = [...text.matchAll(THANKS_IN_CAPITALS)].map((t) => ({
    start: t.index,
    end: t.index + t[0].length,
  }));
  const words: Span[] = [];
  for (const m of text.matchAll(CAPS_WORD)) {
    if (known.has(m[0]) || SPANISH_ACRONYMS.has(m[0])) continue;
    // A short word in capitals is an acronym, except "NO", "YA", "NI", "SÍ" stressed among ordinary words
    // ("Dije que NO al cambio").
    if (m[0].length < 3 && !(/^(?:NO|YA|NI|SÍ)$/u.test(m[0]) && amongLowerCase(text, m.index))) continue;
    if (thanks.some((t) => t.start <= m.index && m.index < t.end)) continue;
    words.push({ start: m.index, end: m.index + m[0].length });
  }
  const runs: Span[] = [];
  for (const w of words) {
    const last = runs[runs.length - 1];
    if (last && /^(?:[\s,.;:!?¡¿'"-]|\p{Lu}{1,2}(?!\p{L}))*$/u.test(text.slice(last.end, w.start)))
      last.end = w.end;
    else runs.push({ ...w });
  }
  for (const run of runs) {
    for (;;) {
      const b = /(?<![\p{L}\p{N}_])(\p{Lu}{1,2})\s+$/u.exec(
        text.slice(Math.max(0, run.start - 4), run.start),
      );
      if (!b || known.has(b[1]!)) break;
      run.start -= b[0].length;
    }
  }
  return runs.map((run) => {
    const phrase = text.slice(run.start, run.end);
    return {
      ...run,
      phrase,
      rule: 'all_caps',
      why: WHY_ES.shouting,
      suggestion: `Escriba "${phrase.toLowerCase()}" en letras normales y deje que los hechos hablen.`,
    };
  });
}

/** Thanks or joy (round four): "gracias", "felicidades", "orgullosísimo", "qué lindo". */
const WARM = re(
  'gracias|mil\\s+gracias|felicidades|felicitaciones|enhorabuena|orgullos\\p{L}*|feli(?:z|ces|cisim[oa]s?)|content(?:o|a|os|as|isim[oa]s?)|emocionad\\p{L}*|encant\\p{L}*|que\\s+(?:lindo|linda|bonito|bonita|hermoso|hermosa|alegria|maravilla)|bendiciones|abrazos?|besos|lo\\s+logro|lo\\s+logramos|bienvenid\\p{L}*|feliz\\s+\\p{L}+',
);

/** No complaint with the warmth: no negation, no failure, no sarcasm's stock words. */
const COMPLAINT_WORDS = re(
  'no|nunca|nadie|ni|sin|jamas|otra\\s+vez|tarde|cancel\\p{L}*|suspend\\p{L}*|hart[oa]s?|basta|inaceptable|por\\s+nada|por\\s+tanto|claro|seguro|ironi\\p{L}*',
);

/** The sentence that a run of "!" closes (or "¡" opens), warm and without a complaint. */
function warmSentence(text: string, index: number, run: string): boolean {
  const sentence = run.startsWith('¡')
    ? text.slice(index, sentenceEndEs(text, index + run.length))
    : text.slice(sentenceStartEs(text, Math.max(0, index - 1)), index);
  return WARM.test(sentence) && !COMPLAINT_WORDS.test(sentence) && !FAILURE.test(sentence);
}

/** A greeting the "!" closes: "Hola!", "Buenos días, maestra!", "Saludos!". */
function greeting(text: string, index: number, run: string): boolean {
  if (run.startsWith('¡')) return false;
  const sentence = text.slice(sentenceStartEs(text, Math.max(0, index - 1)), index);
  return GREETING.test(sentence.trim());
}

const GREETING = stem(
  '^(?:hola|holi|holis|buenas|buen\\s+dia|buenos\\s+dias|buenas\\s+(?:tardes|noches)|saludos|hey|querid[oa]|estimad[oa])(?:\\s*,?\\s*\\p{L}+){0,3}\\s*$',
);

/** "!!", "¡¡", "?!", "¿¿", "??": punctuation that raises the voice; more than two single "!" in a message. */
function exclamationFlagsEs(text: string): ToneFlag[] {
  const flags: ToneFlag[] = [];
  // "Hola! Gracias por ..., volvió feliz!!": a greeting's "!" and warm ones do not count towards "more than
  // two" (round five).
  const calm = (index: number, run: string) =>
    /^[!¡]+$/u.test(run) && (greeting(text, index, run) || warmSentence(text, index, run));
  const total = [...text.matchAll(/!+/gu)]
    .filter((m) => !calm(m.index, m[0]))
    .reduce((n, m) => n + m[0].length, 0);
  for (const m of text.matchAll(/[¡¿!?]*[!¡][¡¿!?]*|[¿?]{2,}/gu)) {
    const run = m[0];
    if (run === '!' && greeting(text, m.index, run)) continue;
    // A single "¡" opening and one "!" closing are ordinary Spanish; "¿...?" too.
    const isRun = run.length >= 2 && !/^(?:¡|\?!|!¡|\?¡)$/u.test(run) && !/^[?!]¿$|^!¿$|^\?¡$/u.test(run);
    if (!isRun && (run !== '!' || total <= 2)) continue;
    // "Gracias por mandar las fotos, Benja estaba orgullosísimo!!": "!!" with thanks or joy is warmth.
    if (/^[!¡]+$/u.test(run) && warmSentence(text, m.index, run)) continue;
    flags.push({
      start: m.index,
      end: m.index + run.length,
      phrase: run,
      rule: 'exclamation',
      why: isRun
        ? 'Varios signos seguidos se leen como enojo o alarma.'
        : 'Más de dos signos de exclamación en un mensaje se leen como voz alzada.',
      suggestion: /^[¡¿]+$/u.test(run)
        ? 'Abra con un solo signo ("¡" o "¿").'
        : /[?¿]/u.test(run)
          ? 'Use un solo signo: "¿...?".'
          : 'Termine la oración con un punto (o un solo "!").',
    });
  }
  return flags;
}

/**
 * The Spanish tone check: the rules above, then capitals and punctuation, then (unless `learned` is false or
 * the letter is formal) the Spanish classifier (tone-es-classifier.ts) on each sentence no rule flagged; sorted
 * by position. Overlapping flags keep the earlier rule's. With `{ formal: true }` the legal steps a complaint
 * is for are not flagged.
 */
export function checkToneEs(
  text: string,
  options: ToneOptions = {},
  knownAcronyms: ReadonlySet<string> = new Set(),
  learned = true,
): ToneFlag[] {
  const flags: ToneFlag[] = [];
  const overlaps = (s: number, e: number) => flags.some((f) => s < f.end && f.start < e);
  for (const rule of RULES) {
    if (options.formal && rule.legalTerm) continue;
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      if (rule.accept && !rule.accept(m, text)) continue;
      const span = rule.span ? rule.span(m, text) : { start: m.index, end: m.index + m[0].length };
      if (span.end <= span.start || overlaps(span.start, span.end)) continue;
      flags.push({
        ...span,
        phrase: text.slice(span.start, span.end),
        rule: rule.id,
        why: WHY_ES[categoryOf(rule.id)],
        suggestion: rule.suggest(m, text, span),
      });
    }
  }
  const extra = new Set([...knownAcronyms, ...(options.acronyms ?? []).map((a) => a.toUpperCase())]);
  for (const f of [...capsFlagsEs(text, extra), ...exclamationFlagsEs(text)]) {
    if (!overlaps(f.start, f.end)) flags.push(f);
  }
  if (learned && !options.formal) {
    for (const f of classifierFlagsEs(text, [...flags], TONE_MODEL_ES)) {
      flags.push({
        start: f.start,
        end: f.end,
        phrase: text.slice(f.start, f.end),
        rule: f.rule,
        why: `${WHY_ES[f.category]} (Esta oración está escrita como otras que se leen así.)`,
        suggestion: f.suggestion,
      });
    }
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end);
}
