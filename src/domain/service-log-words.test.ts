import { describe, expect, it } from 'vitest';
import en from './i18n/locales/en/servicelog.json' with { type: 'json' };
import es from './i18n/locales/es/servicelog.json' with { type: 'json' };
import { createTranslator } from './i18n/translate.ts';
import { parseCsv } from './service-log-csv.ts';
import { type ReadServiceLogOptions, readServiceLog } from './service-log-read.ts';
import { logNoteWords } from './service-log-words.ts';

// The notes on what was read from a school's log (another student's rows, dates to check, a PDF's page
// not read), found back from their English and said in the reader's language (issue 17).

const english = createTranslator('en', en);
const spanish = createTranslator('es', es);

const options: ReadServiceLogOptions = {
  child: { firstName: 'Emma', lastName: 'Lopez' },
  studentId: null,
  services: [{ id: 'svc-speech', name: 'Speech-language therapy', area: 'speech' }],
  defaultServiceId: 'svc-speech',
  country: 'US',
};

const notesOf = (...lines: string[]) => readServiceLog(parseCsv(lines.join('\n')).rows, options).notes;

/** A note said in a language from the words found back from it. */
function say(note: string, language: 'en' | 'es'): string {
  const words = logNoteWords(note);
  expect(words, note).not.toBeNull();
  return (language === 'en' ? english : spanish).t(words!.key, words!.values);
}

describe('the notes on a school’s service log', () => {
  it('finds back every note the log reader writes, the English exactly as written', () => {
    const notes = [
      ...notesOf('Date,Student,Minutes', '10/6/2026,Emma Lopez,30', '10/13/2026,Liam Nguyen,30'),
      ...notesOf(
        'Date,Student,Minutes',
        '10/6/2026,Emma Lopez,30',
        '10/13/2026,Liam Nguyen,30',
        '10/14/2026,Liam Nguyen,30',
      ),
      ...notesOf(
        'Date,Student,Minutes',
        '10/6/2026,Emma Lopez,30',
        '10/13/2026,Liam Nguyen,30',
        '10/14/2026,Sofia Ortiz,30',
      ),
      ...notesOf('Date,Minutes', '10/6/2026,30', '10/13/2026,30'),
      ...notesOf('Date,Minutes', '13/10/2026,30', '10/14/2026,30'),
      // What the PDF reader notes of a page (src/importers/pdf-text.ts).
      'Page 3 holds more text than the reader takes; only its first part was read.',
      'Page 2 has only turned (rotated) text, which was not read.',
      'Page 4 could not be read; the file may be damaged.',
      'Pages 4, 5 could not be read; the file may be damaged.',
      'Page 2 has no text to read (a scan or a photo): it needs OCR, or type its contents in.',
      'Pages 2, 7 have no text to read (a scan or a photo): they need OCR, or type their contents in.',
    ];
    expect(notes).toContain(
      'This file holds rows for another student (1 row). Only Emma Lopez’s rows are read; the others are not kept.',
    );
    expect(notes).toContain('The file names no student: every row is read as Emma Lopez’s.');
    for (const note of notes) expect(say(note, 'en')).toBe(note);
    expect(new Set(notes.map((n) => logNoteWords(n)!.key)).size).toBeGreaterThanOrEqual(10);
  });

  it('says them in Spanish, keeping the names and page numbers', () => {
    expect(
      say(
        'This file holds rows for 2 other students (3 rows). Only Emma Lopez’s rows are read; the others are not kept.',
        'es',
      ),
    ).toBe(
      'Este archivo tiene filas de otros 2 estudiantes (3 filas). Solo se leen las filas de Emma Lopez; las demás no se guardan.',
    );
    expect(say('Pages 4, 5 could not be read; the file may be damaged.', 'es')).toBe(
      'No se pudieron leer las páginas 4, 5; puede que el archivo esté dañado.',
    );
    expect(logNoteWords('A note a newer server wrote.')).toBeNull();
  });
});
