// The Spanish tone check's learned layer (issue 17, "Spanish, round two" in docs/tone-check.md): a small
// logistic-regression classifier like the English one (tone-classifier.ts), with Spanish features, that reads
// only the sentences the Spanish rules (tone-es.ts) left alone. Its weights (tone-es-model.ts) are written by
// scripts/write-tone-model-es.ts from tone-es-training.ts. Words are read without accents and with the
// spellings parents use in texts ("q", "xq", "k", "nomas", "aser"), so "porqué", "por que" and "xq" are one
// word. Scoring a sentence is a sum of weights: microseconds, no network, no download. Pure: no I/O.
import type { ToneCategory } from './tone-categories.ts';
import { sentencesToRead, sigmoid, type ToneModel } from './tone-classifier.ts';

/** Texting spellings and variants, read as the words they stand for (after accents are dropped). */
const SPELLINGS_ES: Readonly<Record<string, string>> = {
  q: 'que',
  k: 'que',
  ke: 'que',
  xq: 'porque',
  pq: 'porque',
  xk: 'porque',
  porq: 'porque',
  nomas: 'no_mas',
  aser: 'hacer',
  aora: 'ahora',
  tmb: 'tambien',
  tb: 'tambien',
  pa: 'para',
  x: 'por',
  xfa: 'por_favor',
  porfa: 'por_favor',
  porfavor: 'por_favor',
  d: 'de',
  vdd: 'verdad',
  jarta: 'harta',
  jarto: 'harto',
  cansa: 'cansada',
  sois: 'son',
  vosotros: 'ustedes',
  os: 'les',
  vuestro: 'su',
  vuestra: 'su',
};

/** Lower case, accents off ("qué" -> "que"), "ñ" kept as "n". */
export function foldEs(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a sentence as the classifier reads them: folded, spellings normalised, digits as "#". */
export function toneTokensEs(sentence: string): string[] {
  const tokens: string[] = [];
  for (const m of foldEs(sentence).matchAll(/[\p{L}\p{N}]+|[?!]/gu)) {
    const t = m[0].replace(/\p{N}+/gu, '#');
    tokens.push(SPELLINGS_ES[t] ?? t);
  }
  return tokens;
}

/** Word classes: each stands for its words in the features ("c:school"), alone and in pairs. */
const CLASSES_ES: Readonly<Record<string, readonly string[]>> = {
  reader: ['usted', 'ustedes', 'tu', 'vos', 'les', 'su', 'sus', 'ti', 'te'],
  school: [
    'escuela',
    'colegio',
    'distrito',
    'district',
    'maestra',
    'maestro',
    'maestros',
    'maestras',
    'directora',
    'director',
    'subdirector',
    'subdirectora',
    'personal',
    'equipo',
    'terapeuta',
    'asistente',
    'aide',
    'coordinadora',
    'coordinador',
    'counselor',
    'consejera',
    'consejero',
    'psicologa',
    'psicologo',
    'staff',
    'oficina',
    'administracion',
    'departamento',
    'case',
    'manager',
    'teacher',
    'principal',
  ],
  negation: ['no', 'nunca', 'jamas', 'nadie', 'nada', 'ningun', 'ninguno', 'ninguna', 'ni', 'sin'],
  sweep: [
    'siempre',
    'nunca',
    'jamas',
    'todo',
    'todos',
    'todas',
    'nadie',
    'nada',
    'cada',
    'ningun',
    'ninguno',
  ],
  blame: [
    'culpa',
    'culpables',
    'culpable',
    'responsable',
    'responsables',
    'responsabilidad',
    'causa',
    'causaron',
    'causo',
    'provoca',
    'provoco',
    'provocaron',
    'negligencia',
    'falta',
    'dejaron',
    'dejo',
    'porque',
  ],
  legal: [
    'abogado',
    'abogada',
    'abogados',
    'demanda',
    'demandar',
    'queja',
    'denuncia',
    'estado',
    'policia',
    'board',
    'superintendente',
    'derechos',
    'audiencia',
    'noticias',
    'licencia',
    'prensa',
    'facebook',
    'redes',
    'juez',
    'corte',
    'ocr',
  ],
  deadline: [
    'hoy',
    'manana',
    'lunes',
    'martes',
    'miercoles',
    'jueves',
    'viernes',
    'horas',
    'semana',
    'inmediato',
    'inmediatamente',
    'ahora',
    'ya',
  ],
  consequence: ['o', 'despues', 'si', 'contrario', 'ultima', 'ultimo', 'mas', 'terminada', 'acabo', 'punto'],
  warm: [
    'bien',
    'bueno',
    'maravilla',
    'genial',
    'detalle',
    'bonito',
    'claro',
    'seguro',
    'felicidades',
    'expertos',
    'novedad',
    'sorpresa',
    'excelente',
    'perfecto',
    'encanta',
  ],
  heat: [
    'acaso',
    'verdad',
    'serio',
    'siquiera',
    'tanto',
    'tan',
    'realmente',
    'entonces',
    'solo',
    'no_mas',
    'total',
  ],
  soft: [
    'por_favor',
    'favor',
    'podria',
    'podrian',
    'quisiera',
    'gustaria',
    'agradeceria',
    'agradezco',
    'gracias',
    'podemos',
    'ayuda',
    'ayudar',
    'entender',
    'saber',
    'disculpe',
    'perdon',
    'preocupa',
    'preocupada',
    'preocupado',
  ],
  self: ['yo', 'me', 'mi', 'mis', 'nosotros', 'nos', 'nuestro', 'nuestra'],
  // Not "el": without its accent "él" is the article ("el equipo"), and parents often leave accents out.
  child: ['hijo', 'hija', 'nino', 'nina', 'nene', 'nena', 'ella', 'chamo', 'cipote', 'chamaco'],
};

const CLASSES_OF_ES = new Map<string, string[]>();
for (const [name, members] of Object.entries(CLASSES_ES)) {
  for (const w of members) CLASSES_OF_ES.set(w, [...(CLASSES_OF_ES.get(w) ?? []), name]);
}
const NONE: readonly string[] = [];

/** A light Spanish stem: the word's first five letters (a common, robust stemmer for Spanish). */
const stemEs = (w: string): string => (w.length > 5 ? w.slice(0, 5) : w);

/**
 * The features of one sentence: words ("w:culpa"), pairs ("b:<s>_ustedes"), stems ("s:mandu"), word classes
 * and their pairs ("c:school", "cb:reader_negation") and named cues ("cue:school_did_not"). Each counts once.
 */
export function toneFeaturesEs(sentence: string): string[] {
  const tokens = toneTokensEs(sentence);
  const features = new Set<string>();
  let previous = '<s>';
  let previousClass = '<s>';
  // The classes present in the sentence, gathered once for the cues below.
  const present = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    features.add(`w:${t}`);
    features.add(`b:${previous}_${t}`);
    previous = t;
    if (t === '?' || t === '!') continue;
    features.add(`s:${stemEs(t)}`);
    const own = CLASSES_OF_ES.get(t) ?? NONE;
    for (const c of own) {
      present.add(c);
      features.add(`c:${c}`);
      features.add(`cb:${previousClass}_${c}`);
      if (i === 0) features.add(`cs:${c}`);
    }
    previousClass = own[0] ?? stemEs(t);
  }
  features.add(`b:${previous}_</s>`);
  const words = tokens.filter((t) => t !== '?' && t !== '!');
  const has = (name: string) => present.has(name);
  const cue = (name: string) => features.add(`cue:${name}`);
  const question = tokens.includes('?') || /¿/u.test(sentence);
  const someone = has('reader') || has('school');
  if (question) {
    cue('question');
    if (someone) cue('question_about_reader_or_school');
    if (has('negation') || has('heat') || has('sweep')) cue('question_with_a_charge');
    else cue('question_that_asks');
  }
  if (tokens.includes('!')) cue('exclamation');
  if (someone && has('negation')) cue('someone_did_not');
  if (has('blame') && someone) cue('cause_and_culprit');
  if (has('sweep') && someone) cue('sweeping_about_the_school');
  if (has('legal') && (has('self') || has('deadline'))) cue('legal_step_ahead');
  if (has('deadline') && has('consequence')) cue('deadline_with_consequence');
  if (has('warm') && (has('negation') || has('school'))) cue('warm_words_with_failure');
  if (has('soft')) cue('softened');
  if ((CLASSES_OF_ES.get(words[0] ?? '') ?? NONE).includes('child')) cue('about_the_child');
  if (words[0] === 'yo' || words[0] === 'me' || words[0] === 'nos') cue('starts_with_self');
  return [...features];
}

/** How likely the sentence is to read as accusing, 0 to 1. */
export function toneScoreEs(model: Pick<ToneModel, 'weights'>, sentence: string): number {
  let z = 0;
  for (const f of toneFeaturesEs(sentence)) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** The kind of accusing sentence this most resembles: the kind of its strongest features, by weight. */
function likelyKindEs(model: ToneModel, sentence: string): Exclude<ToneCategory, 'shouting'> {
  const byKind = new Map<ToneCategory, number>();
  for (const f of toneFeaturesEs(sentence)) {
    const weight = model.weights[f] ?? 0;
    const kind = model.kinds[f];
    if (weight > 0 && kind) byKind.set(kind, (byKind.get(kind) ?? 0) + weight);
  }
  let best: ToneCategory = 'blame';
  let bestWeight = 0;
  for (const [kind, weight] of [...byKind].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (weight > bestWeight) {
      best = kind;
      bestWeight = weight;
    }
  }
  return best === 'shouting' ? 'exasperation' : best;
}

/** A flag from the classifier, as tone-es.ts builds it (it adds the phrase). */
export type ClassifierFlagEs = {
  start: number;
  end: number;
  rule: Exclude<ToneCategory, 'shouting'>;
  category: ToneCategory;
  suggestion: string;
};

/**
 * The sentences the rules left alone (no flag touches them) that the classifier scores at or above its
 * threshold. The suggestion is advice, not wording to paste: the classifier knows the sentence reads badly,
 * not which words to change.
 */
/**
 * The parent's own doubt, said as the whole sentence: "Es que no me quedó claro.", "No entendí bien la hora.",
 * "Perdón, no me acuerdo." Not read by the classifier (Spanish round four: a false alarm of set 8); the rules
 * still read it.
 */
const OWN_DOUBT =
  /^\W*(?:(?:es\s+que|perdon|disculpe|disculpa|la\s+verdad|sinceramente)\W+)?(?:yo\s+)?no\s+(?:me\s+)?(?:quedo\s+(?:muy\s+)?claro|entendi|entiendo|recuerdo|acuerdo|se\s+si)(?:\s+(?:bien|muy\s+bien|la\s+hora|el\s+dia|la\s+fecha|el\s+horario))?\W*$/u;

/**
 * Something that has not happened yet ("Ustedes no me han mandado el horario todavía"), with nothing else
 * charged in the sentence: the rules do not read "todavía" or "aún" as a failure either (round two), and the
 * classifier leaves it alone too (round four). "Todavía no me mandan nada, como siempre" is still read.
 */
const NOT_YET = /\b(?:todavia|aun)\b/u;
const CHARGED =
  /\b(?:nunca|jamas|siempre|nadie|nada|ni|otra\s+vez|de\s+nuevo|ya\s+van|meses|semanas|como\s+siempre|culpa|excusa)\b|[!?¡¿]/u;

/**
 * Joy or thanks about the child with nothing charged: "Cada vez que voy a recogerlo está contento." Not read by
 * the classifier (Spanish round five: "cada vez que" weighs towards accusing, the joy does not undo it); the
 * rules still read it, and sarcasm keeps its marks ("claro", "sin", "otra vez", "tarde").
 */
const WARM_ONLY =
  /\b(?:content[oa]s?|feli(?:z|ces)|le\s+encanta|les\s+encanta|orgullos[oa]s?|emocionad[oa]s?|gracias)\b/u;
/**
 * A Spanish word that English does not use: a sentence without one is English ("There was no substitute aide on
 * Tuesday."), which the Spanish weights were not trained to read (round five); the rules still read it.
 */
const SPANISH_WORD =
  /\b(?:de|la|que|el|en|y|los|las|del|se|un|una|por|con|su|sus|al|lo|le|les|como|mas|pero|ya|mi|mis|nos|esta|este|esto|eso|muy|porque|cuando|sobre|tambien|hay|fue|ustedes|usted|estan|tiene|tienen|hijo|hija|escuela|gracias|q|xq|ni|nunca|siempre|nadie|otra|otro|vez|dia|dias|aqui|alli|ahi|vos|os|vosotros)\b/u;
const WARM_CHARGED = /\b(?:no|sin|tarde|cancel\p{L}*|perdi\p{L}*|claro|seguro|obvio|ironi\p{L}*)\b/u;

export function classifierFlagsEs(
  text: string,
  covered: readonly { start: number; end: number }[],
  model: ToneModel,
): ClassifierFlagEs[] {
  const flags: ClassifierFlagEs[] = [];
  for (const span of sentencesToRead(text, covered)) {
    const sentence = text.slice(span.start, span.end);
    const folded = foldEs(sentence);
    if (OWN_DOUBT.test(folded) || (NOT_YET.test(folded) && !CHARGED.test(folded))) continue;
    if (!SPANISH_WORD.test(folded)) continue;
    if (WARM_ONLY.test(folded) && !CHARGED.test(folded) && !WARM_CHARGED.test(folded)) continue;
    // A line that ends with ":" introduces what follows (a heading of a letter: "Lo que dice el IEP de Emma, y lo
    // que pasó:"); the rules still read it (round five).
    if (/:\s*$/u.test(sentence) && /^[ \t]*(?:\n|$)/u.test(text.slice(span.end))) continue;
    if (toneScoreEs(model, sentence) < model.threshold) continue;
    const rule = likelyKindEs(model, sentence);
    flags.push({
      ...span,
      rule,
      category: rule,
      suggestion:
        'Usted escribió esta oración con palabras que suelen leerse como reproche. Diga qué pasó, con las fechas, y qué le gustaría en su lugar: "El [fecha], ... Me gustaría ...".',
    });
  }
  return flags;
}
