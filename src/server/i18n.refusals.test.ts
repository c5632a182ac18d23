import { describe, expect, it } from 'vitest';
import { refusal } from '../domain/reader-refusals.ts';
import { fileError } from '../importers/pdf-text.ts';
import { localizeError } from './i18n.ts';

// A file the reader refuses, as the API's error body says it (issue 17): in the reader's language, on
// the error and on the file's field, from the refusal's words; English as the importer wrote it.
describe('a reader’s refusal in the error body', () => {
  const error = fileError(refusal('pdf.tooManyPages', { pages: '1,200', max: 300 }));

  it('says it in Spanish on the error and on the field', () => {
    const said = localizeError(error, 'es');
    expect(said.message).toBe(
      'Este PDF tiene 1,200 páginas; el lector de IEP lee como máximo 300. Guarde solo las páginas del plan en un PDF nuevo y lea ese.',
    );
    expect(said.fields).toEqual([{ path: 'file', message: said.message }]);
  });

  it('keeps the English for an English reader', () => {
    expect(localizeError(error, 'en')).toEqual({
      message:
        'This PDF has 1,200 pages; the IEP reader reads at most 300 pages. Save the pages of the plan itself as a new PDF and read that.',
      fields: [{ path: 'file', message: error.message }],
    });
  });
});
