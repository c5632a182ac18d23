import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocLine, DocumentText } from '../domain/document-text.ts';
import type { MessageWords } from '../domain/errors.ts';
import enReader from '../domain/i18n/locales/en/iepreader.json' with { type: 'json' };
import enLines from '../domain/i18n/locales/en/serviceline.json' with { type: 'json' };
import esReader from '../domain/i18n/locales/es/iepreader.json' with { type: 'json' };
import esLines from '../domain/i18n/locales/es/serviceline.json' with { type: 'json' };
import { createTranslator } from '../domain/i18n/translate.ts';
import { IepDraft } from '../domain/iep-draft.ts';
import { extractIepDraft } from '../domain/iep-extract.ts';
import { draftInLanguage, reasonKeys, sayReason } from '../domain/iep-reasons.ts';
import { readIepDocument } from './iep-document.ts';

// The IEP reader's reasons as catalog words (issue 17): every reason a draft gives carries words (keys
// of the server-only part `iepreader`, quoting the service-line parser's notes as `serviceline` words)
// that in English say exactly the reason, and in Spanish say it in Spanish, keeping the document's
// words (the quoted values) as they are. The drafts: the fictional plans of test/fixtures/iep (their
// text layers; the scans need OCR and are left to src/importers/iep-documents.test.ts) and small
// documents made here to reach the reasons those plans do not give.

const english = createTranslator('en', { ...enReader, ...enLines });
const spanish = createTranslator('es', { ...esReader, ...esLines });
const DIR = join(import.meta.dirname, '../../test/fixtures/iep');

type Spec = string | [number, string, number?][] | { size: number; text: string };
/** A page of lines: one string is one cell at x = 50; [x, text, OCR confidence] are cells; `size` a heading. */
function page(specs: Spec[]): DocumentText['pages'][number] {
  let y = 80;
  const lines: DocLine[] = specs.map((spec) => {
    const size = typeof spec === 'object' && !Array.isArray(spec) ? spec.size : 10;
    const pairs: [number, string, number?][] =
      typeof spec === 'string' ? [[50, spec]] : Array.isArray(spec) ? spec : [[50, spec.text]];
    y += size >= 12 ? 22 : 14;
    const cells = pairs.map(([x, text, confidence]) => ({
      x,
      end: x + text.length * 5,
      text,
      ...(confidence === undefined ? {} : { confidence }),
    }));
    return { y, height: size, text: cells.map((c) => c.text).join(' '), cells };
  });
  return { number: 1, width: 612, height: 792, lines };
}
const doc = (specs: Spec[], ocr = false): DocumentText => ({
  format: 'pdf',
  pages: [page(specs)],
  pagesWithoutText: [],
  unreadablePages: [],
  notes: [],
  ...(ocr ? { pagesReadByOcr: [1] } : {}),
});
const TITLE: Spec = { size: 14, text: 'INDIVIDUALIZED EDUCATION PROGRAM' };
const grid = (rows: [string, string, string][], confidence?: number): Spec[] => [
  { size: 12, text: 'SERVICES' },
  [
    [54, 'Service'],
    [200, 'Frequency'],
    [300, 'Duration'],
    [400, 'Location'],
  ],
  ...rows.map(([name, frequency, duration]) =>
    (
      [
        [54, name],
        [200, frequency],
        [300, duration, confidence],
        [400, 'Separate Classroom'],
      ] as [number, string, number?][]
    ).filter(([, text]) => text !== ''),
  ),
];

const MADE: Record<string, DocumentText> = {
  'a title naming both, an IEP most': doc(['IEP and Section 504 review', 'Notes']),
  'a title naming both, Section 504 most': doc([
    'IEP and Section 504 review',
    ...Array.from({ length: 12 }, (_, i) => `Line ${i + 1}`),
    'Section 504 Plan meeting',
    'The 504 team met',
  ]),
  'two states': doc([TITLE, 'Ohio', 'Indiana']),
  'a date either way': doc([
    { size: 14, text: 'INDIVIDUAL EDUCATION PLAN' },
    'Lakeshore District School Board, Ontario',
    'Date placement began: 08/09/2026',
  ]),
  'dates both ways': doc([
    TITLE,
    'Meeting Date: 25/03/2027',
    'Annual review: 03/25/2028',
    'IEP Start Date: 08/09/2026',
  ]),
  'a date against the form': doc([TITLE, 'California', 'Dates (mm/dd/yyyy)', 'Meeting Date: 25/03/2027']),
  'a date given twice': doc([TITLE, 'California', 'Meeting Date: 03/05/2027', 'Meeting Date: 03/09/2027']),
  'months only': doc([TITLE, 'California', 'IEP Duration: Sept 2026 to June 2027']),
  'an end before the start': doc([TITLE, 'California', 'IEP Duration: 03/06/2028 to 03/04/2027']),
  'a services grid': doc([
    TITLE,
    'California',
    ...grid([
      ['Music Therapy', 'Weekly', '30 min'],
      ['Speech and Language', 'as needed', ''],
      ['Occupational Therapy', '', ''],
      ['Art Therapy', 'Weekly', ''],
      ['', 'Weekly', '30 min'],
      ['Counseling', 'Weekly', '20-30 min'],
      ['Physical Therapy', 'Weekly', 'sometimes'],
    ]),
  ]),
  'a row with a date either way and no name': doc([
    TITLE,
    [
      [54, 'Type of Service'],
      [200, 'Type of Personnel'],
      [330, 'Frequency'],
      [450, 'Start Date'],
    ],
    [
      [54, 'Speech and Language Therapy'],
      [200, 'SLP'],
      [330, '2 x 30 min weekly'],
      [450, '08/09/2026'],
    ],
    [
      [200, 'OT'],
      [330, '20-30 min weekly'],
      [450, '08/09/2026'],
    ],
  ]),
  'a scan OCR was unsure of': doc(
    [
      TITLE,
      'California',
      ...grid(
        [
          ['Speech Therapy', 'Weekly', '2 x 30 min'],
          ['Counseling', 'Weekly', '20-30 min'],
        ],
        52,
      ),
    ],
    true,
  ),
  'services as lines': doc([
    TITLE,
    'California',
    { size: 12, text: 'SERVICES' },
    'Speech-language therapy: 30 minutes 2x weekly',
    'Counseling: 20-30 minutes weekly',
  ]),
  'an unreadable box': doc([
    TITLE,
    { size: 12, text: 'ACCOMMODATIONS' },
    '[X] Extended time',
    '[?] Read aloud',
  ]),
  'a short goal and a team': doc([
    TITLE,
    { size: 12, text: 'ANNUAL GOALS' },
    { size: 11, text: 'Goal 1 - Reading' },
    'Baseline: Reads 62 words per minute.',
    'Goal: Read more.',
    { size: 12, text: 'IEP TEAM' },
    'Rosa Thornton, Parent',
    [
      [54, 'Name'],
      [250, 'Role'],
    ],
    [[54, 'Pat Lee']],
    [
      [54, 'Room 12 staff'],
      [250, 'Teacher'],
    ],
  ]),
  'a lunch menu': doc([{ size: 14, text: 'October Lunch Menu' }, 'Monday: pasta', 'Tuesday: tacos']),
  'no text at all': { format: 'pdf', pages: [], pagesWithoutText: [], unreadablePages: [], notes: [] },
  'a scan only': {
    format: 'pdf',
    pages: [{ number: 1, width: 612, height: 792, lines: [] }],
    pagesWithoutText: [1],
    unreadablePages: [],
    notes: [],
  },
};

/** Keys no document reaches today (a place's least weight is already "sure"; every check has a reason). */
const UNREACHED = [
  'iepreader.check.this',
  'iepreader.jurisdiction.passing',
  'iepreader.service.frequencyUnread',
];

type Reason = { draft: string; reason: string; words: MessageWords | undefined };

function reasonsOf(name: string, draft: IepDraft): Reason[] {
  const items = [
    draft.planKind,
    draft.jurisdiction,
    draft.child.name,
    draft.child.school,
    draft.child.grade,
    ...Object.values(draft.dates),
    ...draft.services,
    ...draft.accommodations,
    ...draft.goals,
    ...draft.team,
    ...draft.behaviorSteps,
    ...draft.toCheck,
  ];
  // The draft's one sentence on what was read is said as its reasons are.
  return [
    { draft: name, reason: draft.message, words: draft.messageWords },
    ...items.flatMap((item) =>
      item?.reason != null ? [{ draft: name, reason: item.reason, words: item.reasonWords }] : [],
    ),
  ];
}

/** The words of a sentence, lower-cased, with the quoted values (the document's words, figures) taken out. */
function wordsOutsideValues(sentence: string, values: string[]): string[][] {
  let rest = sentence;
  for (const v of [...values].sort((a, b) => b.length - a.length)) rest = rest.split(v).join(' | ');
  return rest
    .split('|')
    .map((piece) => (piece.toLowerCase().match(/\p{L}+/gu) ?? []) as string[])
    .filter((piece) => piece.length > 0);
}

/** The quoted values of words, its parts' and notes' too (a select's code is worded, not quoted). */
function quotedValues(words: MessageWords): string[] {
  return Object.entries(words.values ?? {}).flatMap(([name, value]) => {
    if (/Words$/.test(name))
      return (JSON.parse(String(value)) as MessageWords[]).flatMap((w) => quotedValues(w));
    // A count is worded with its plural (the summary's "no ESY" says no 0).
    if (typeof value === 'number') return [];
    if (['order', 'why', 'kind', 'unit', 'term', 'hasPlace'].includes(name) || /LongDay$/.test(name))
      return [];
    return [String(value)];
  });
}

function runsOfThree(pieces: string[][]): Set<string> {
  const runs = new Set<string>();
  for (const piece of pieces)
    for (let i = 0; i + 2 < piece.length; i++) runs.add(piece.slice(i, i + 3).join(' '));
  return runs;
}

describe('the IEP reader’s reasons as catalog words', () => {
  const reasons: Reason[] = [];
  const drafts: IepDraft[] = [];
  beforeAll(async () => {
    const files = readdirSync(DIR).filter(
      (f) => /\.(pdf|docx)$/.test(f) && !f.includes('.scan.') && f !== 'encrypted.pdf',
    );
    for (const file of files) {
      const draft = await readIepDocument(readFileSync(join(DIR, file)));
      drafts.push(draft);
      reasons.push(...reasonsOf(file, draft));
    }
    for (const [name, made] of Object.entries(MADE)) {
      const draft = extractIepDraft(made);
      drafts.push(draft);
      reasons.push(...reasonsOf(name, draft));
    }
  }, 120_000);

  it('gives every reason its words, and the catalog has every key they use', () => {
    expect(reasons.length).toBeGreaterThan(40);
    expect(reasons.filter((r) => !r.words).map((r) => `${r.draft}: ${r.reason}`)).toEqual([]);
    const used = new Set(reasons.flatMap((r) => reasonKeys(r.words!)));
    expect([...used].filter((key) => !english.has(key) || !spanish.has(key))).toEqual([]);
    const reader = [...used].filter((key) => key.startsWith('iepreader.'));
    expect(Object.keys(enReader).filter((key) => !reader.includes(key) && !UNREACHED.includes(key))).toEqual(
      [],
    );
  });

  it('says in English exactly the reason', () => {
    const different = reasons
      .filter((r) => sayReason(r.words!, english) !== r.reason)
      .map((r) => `${r.draft}: "${r.reason}" ≠ "${sayReason(r.words!, english)}"`);
    expect(different).toEqual([]);
  });

  it('says it in Spanish, keeping the document’s words and no run of the English', () => {
    const problems: string[] = [];
    for (const { draft, reason, words } of reasons) {
      const said = sayReason(words!, spanish);
      if (said === reason) problems.push(`${draft}: the same as the English ("${reason}")`);
      const values = quotedValues(words!);
      for (const value of values)
        if (!said.includes(value)) problems.push(`${draft}: "${said}" leaves out "${value}"`);
      const englishRuns = runsOfThree(wordsOutsideValues(reason, values));
      for (const run of runsOfThree(wordsOutsideValues(said, values)))
        if (englishRuns.has(run)) problems.push(`${draft}: "${said}" keeps the English "${run}"`);
    }
    expect(problems).toEqual([]);
  });

  it('says a whole draft in Spanish, and leaves an English one and an old one as they were', () => {
    for (const draft of drafts) {
      expect(draftInLanguage(draft, english)).toBe(draft);
      const said = draftInLanguage(draft, spanish);
      expect(IepDraft.parse(said)).toBeTruthy();
      expect(said.toCheck.map((c) => c.reason)).toEqual(
        draft.toCheck.map((c) => sayReason(c.reasonWords!, spanish)),
      );
      expect(said.services.map((s) => s.amounts)).toEqual(draft.services.map((s) => s.amounts));
    }
    // A draft kept before reasons had words: its reasons stay English.
    const old = IepDraft.parse(
      JSON.parse(
        JSON.stringify(drafts.find((d) => d.toCheck.length > 0)!, (key, value) =>
          key === 'reasonWords' ? undefined : value,
        ),
      ),
    );
    const saidOld = draftInLanguage(old, spanish);
    expect(saidOld.toCheck.map((c) => c.reason)).toEqual(old.toCheck.map((c) => c.reason));
    expect(saidOld.services.map((s) => s.reason)).toEqual(old.services.map((s) => s.reason));
  });

  it('says the reasons a parent meets most in plain Spanish', () => {
    // The first is the draft's summary; the items' reasons follow.
    const say = (name: string) =>
      reasonsOf(name, extractIepDraft(MADE[name]!))
        .slice(1)
        .map((r) => sayReason(r.words!, spanish));
    const summary = (name: string) => draftInLanguage(extractIepDraft(MADE[name]!), spanish).message;
    expect(summary('a lunch menu')).toBe(
      'No se encontró ningún IEP ni plan 504 en este documento: no se presenta como un IEP ni como un plan 504, y no tiene una tabla de servicios ni metas anuales. Compruebe que es el plan mismo (el IEP o el plan 504 firmado).',
    );
    expect(summary('a scan only')).toMatch(/^No se pudo leer ningún texto: cada página/);
    expect(summary('a services grid')).toMatch(
      /^Se leyó un IEP \(California\): \d+ servicios?, .* Hay \d+ puntos? que revisar\.$/,
    );
    expect(say('a services grid')).toContain(
      'No pudimos leer la frecuencia de \'Speech and Language | as needed\': no se encontró la frecuencia ("as needed")',
    );
    expect(say('an unreadable box')[0]).toBe(
      "No pudimos saber si la casilla junto a 'Read aloud' está marcada",
    );
    expect(say('a date either way')[0]).toBe(
      '"08/09/2026" puede ser el 9 de agosto de 2026 o el 8 de septiembre de 2026: el documento no muestra si escribe primero el día o el mes; revísela',
    );
  });
});
