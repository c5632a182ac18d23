import { describe, expect, it } from 'vitest';
import type { DocumentText } from './document-text.ts';
import { extractIepDraft } from './iep-extract.ts';

// Items read from words OCR was unsure of go to the parent to check; the same words on a page with a
// text layer, or read with confidence, do not.

const cell = (x: number, text: string, confidence?: number) => ({
  x,
  end: x + text.length * 5,
  text,
  ...(confidence === undefined ? {} : { confidence }),
});

function plan(serviceConfidence: number | undefined, ocr: boolean): DocumentText {
  const lines = [
    {
      y: 60,
      height: 14,
      text: 'INDIVIDUALIZED EDUCATION PROGRAM',
      cells: [cell(150, 'INDIVIDUALIZED EDUCATION PROGRAM', 95)],
    },
    {
      y: 100,
      height: 9,
      text: 'Service Frequency Duration',
      cells: [cell(54, 'Service', 95), cell(220, 'Frequency', 95), cell(360, 'Duration', 95)],
    },
    {
      y: 115,
      height: 9,
      text: 'Speech Therapy Weekly 2 x 30 min',
      cells: [
        cell(54, 'Speech Therapy', 95),
        cell(220, 'Weekly', 95),
        cell(360, '2 x 30 min', serviceConfidence),
      ],
    },
    {
      y: 130,
      height: 9,
      text: 'Occupational Therapy Monthly 60 min',
      cells: [cell(54, 'Occupational Therapy', 95), cell(220, 'Monthly', 95), cell(360, '60 min', 95)],
    },
  ];
  return {
    format: 'pdf',
    pages: [{ number: 1, width: 612, height: 792, lines }],
    pagesWithoutText: [],
    unreadablePages: [],
    notes: [],
    ...(ocr ? { pagesReadByOcr: [1] } : {}),
  };
}

describe('items read from doubtful OCR words', () => {
  it('are marked to check, saying which words and where', () => {
    const draft = extractIepDraft(plan(52, true));
    expect(draft.pagesReadByOcr).toEqual([1]);
    const [speech, ot] = draft.services;
    expect(speech!.amounts[0]).toMatchObject({ minutesPerSession: 30, sessionsPerPeriod: 2 });
    expect(speech!.confidence).toBe('check');
    expect(speech!.reason).toBe(
      'Page 1 is a scan and OCR was not sure of its words here ("2 x 30 min", 52% sure): compare it with the page',
    );
    expect(ot!.confidence).toBe('sure');
    expect(draft.toCheck.map((c) => [c.section, c.index])).toEqual([['services', 0]]);
    expect(draft.message).toMatch(/Page 1 was read from a scan \(OCR\)\.$/);
  });

  it('are left alone when OCR was sure of them', () => {
    const draft = extractIepDraft(plan(91, true));
    expect(draft.services.map((s) => s.confidence)).toEqual(['sure', 'sure']);
  });

  it('are left alone on a page with a text layer', () => {
    const draft = extractIepDraft(plan(52, false));
    expect(draft.pagesReadByOcr).toEqual([]);
    expect(draft.services.map((s) => s.confidence)).toEqual(['sure', 'sure']);
  });
});
