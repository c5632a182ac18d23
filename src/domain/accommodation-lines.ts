// Accommodations pasted as an IEP lists them: one per line (or per bullet), each with a first guess
// at its kind and where it applies, for the parent to check. The guess never changes the words:
// the plan's own text is kept as written, since letters quote it.

export type AccommodationGuess = {
  text: string;
  category:
    | 'presentation'
    | 'response'
    | 'setting'
    | 'timing'
    | 'scheduling'
    | 'assistive_technology'
    | 'behavioral'
    | 'other';
  appliesTo: 'all' | 'tests' | 'classwork' | 'homework' | 'class';
};

const CATEGORY_RULES: [RegExp, AccommodationGuess['category']][] = [
  [/extended time|extra time|time and a half|\b1\.5x?\b|\bdouble time\b|untimed/i, 'timing'],
  [/break|frequent breaks|movement break/i, 'scheduling'],
  [
    /calculator|text.to.speech|speech.to.text|audio ?book|laptop|tablet|chromebook|headphone|ear ?(plug|muff)|fm system|assistive/i,
    'assistive_technology',
  ],
  [
    /seat|quiet (room|space|area|setting)|separate (room|setting|location)|small group|reduced distraction/i,
    'setting',
  ],
  [
    /read aloud|read to|oral(ly)? administ|large print|enlarged|visual|graphic organi[sz]er|notes|study guide|chunk|simplif|repeat(ed)? direction|check(s|ing)? for understanding/i,
    'presentation',
  ],
  [/scribe|dictat|oral(ly)? respon|answer orally|word bank|spell(ing)? not (count|penali)/i, 'response'],
  [/behavio|de.?escalat|calm|sensory|fidget|reward|token|check.in\/check.out|visual schedule/i, 'behavioral'],
];

const SCOPE_RULES: [RegExp, AccommodationGuess['appliesTo']][] = [
  [/\b(tests?|quizz?(es)?|exams?|assessments?)\b/i, 'tests'],
  [/\bhomework\b/i, 'homework'],
  [/\b(classwork|assignments?|in.class work)\b/i, 'classwork'],
];

/** Where it applies, when the line names exactly one place ("on tests"); several or none: everywhere. */
function scopeOf(line: string): AccommodationGuess['appliesTo'] {
  const scopes = SCOPE_RULES.filter(([re]) => re.test(line));
  return scopes.length === 1 ? scopes[0]![1] : 'all';
}

/** One accommodation per non-empty line; bullets, numbering and surrounding spaces are dropped. */
export function readAccommodationLines(text: string): AccommodationGuess[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•▪◦·]|\d+[.)]|[a-z][.)])\s+/i, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .map((line) => ({
      text: line.slice(0, 2000),
      category: CATEGORY_RULES.find(([re]) => re.test(line))?.[1] ?? 'other',
      appliesTo: scopeOf(line),
    }));
}
