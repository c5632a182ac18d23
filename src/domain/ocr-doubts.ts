import { type DocumentText, normalizeText } from './document-text.ts';
import type { MessageWords } from './errors.ts';
import type { IepDraft } from './iep-draft.ts';
import { joinClauses, reasonWords } from './iep-reasons.ts';

// Items read from a scanned page (OCR) whose words the OCR engine was not sure of go to the parent to
// check: a "3O" for "30", a dropped digit or a misread name must never be saved as the plan silently.
// An item is doubtful when a cell of its page that it was read from (the cell's words appear in the
// item's source text) has a word under the confidence threshold. Pure: no I/O.

/** Tesseract's 0 to 100 scale: clean print reads above 85; under 70 a word is a guess. */
export const OCR_CONFIDENCE_THRESHOLD = 70;

type Item = {
  page: number;
  sourceText: string;
  confidence: 'sure' | 'check';
  reason: string | null;
  reasonWords?: MessageWords | undefined;
};

const comparable = (s: string) => normalizeText(s).toLowerCase();

/** The doubtful cells of the OCR'd pages: page number to the cells' words, lowest confidence first. */
function doubtfulCells(
  doc: DocumentText,
  threshold: number,
): Map<number, { text: string; confidence: number }[]> {
  const ocr = new Set(doc.pagesReadByOcr ?? []);
  const out = new Map<number, { text: string; confidence: number }[]>();
  for (const page of doc.pages) {
    if (!ocr.has(page.number)) continue;
    const cells: { text: string; confidence: number }[] = [];
    for (const line of page.lines)
      for (const cell of line.cells)
        if (cell.confidence !== undefined && cell.confidence < threshold && comparable(cell.text).length >= 2)
          cells.push({ text: comparable(cell.text), confidence: cell.confidence });
    out.set(
      page.number,
      cells.sort((a, b) => a.confidence - b.confidence),
    );
  }
  return out;
}

/** Mark, in place, the draft's items read from doubtful OCR words as items to check. */
export function markOcrDoubts(
  draft: IepDraft,
  doc: DocumentText,
  threshold = OCR_CONFIDENCE_THRESHOLD,
): void {
  if (!doc.pagesReadByOcr?.length) return;
  const doubtful = doubtfulCells(doc, threshold);
  const mark = (item: Item | null) => {
    if (!item) return;
    const cells = doubtful.get(item.page);
    if (!cells?.length) return;
    const source = comparable(item.sourceText);
    const hit = cells.find((c) => source.includes(c.text));
    if (!hit) return;
    const words = hit.text.length > 40 ? `${hit.text.slice(0, 40)}…` : hit.text;
    const why = `Page ${item.page} is a scan and OCR was not sure of its words here ("${words}", ${Math.round(hit.confidence)}% sure): compare it with the page`;
    const whyWords = reasonWords('ocr.doubt', {
      page: String(item.page),
      words,
      sure: String(Math.round(hit.confidence)),
    });
    const joined = item.confidence === 'check' && item.reason;
    if (joined && item.reasonWords) item.reasonWords = joinClauses([item.reasonWords, whyWords]);
    else if (joined) delete item.reasonWords;
    else item.reasonWords = whyWords;
    item.reason = joined ? `${item.reason}; ${why.charAt(0).toLowerCase()}${why.slice(1)}` : why;
    item.confidence = 'check';
  };
  mark(draft.planKind);
  mark(draft.jurisdiction);
  mark(draft.child.name);
  mark(draft.child.school);
  mark(draft.child.grade);
  for (const d of Object.values(draft.dates)) mark(d);
  for (const list of [draft.services, draft.accommodations, draft.goals, draft.team, draft.behaviorSteps])
    for (const item of list) mark(item);
}
