import { describe, expect, it } from 'vitest';
import { IepDraft } from './iep-draft.ts';
import { boxesOnPage, type PageFrame, type PlacedPart } from './page-boxes.ts';

// A US letter page, 612 by 792 points; text 10 points high, so a line's box runs 8.75 points above
// its baseline and 3.25 below it (0.8 and 0.25 of the size, and 0.075 of it for room), and 1.5
// points past its first and last letters.
const LETTER: PageFrame = { width: 612, height: 792 };
const line = (y: number, cells: [number, number][], page = 1, frame = LETTER): PlacedPart => ({
  page,
  frame,
  y,
  height: 10,
  cells: cells.map(([x, end]) => ({ x, end })),
});

describe('where an item is on its page', () => {
  it("a line's box runs from above its baseline to below it, across its cells, in fractions of the page", () => {
    const [box, ...more] = boxesOnPage(1, [line(400, [[100, 200]])])!;
    expect(more).toEqual([]);
    expect(box!.x * 612).toBeCloseTo(98.5, 0);
    expect(box!.w * 612).toBeCloseTo(103, 0);
    expect(box!.y * 792).toBeCloseTo(391.25, 0);
    expect(box!.h * 792).toBeCloseTo(12, 0);
  });

  it('lines that follow one another are one box (a row whose cells wrap); words far apart are two', () => {
    const row = boxesOnPage(1, [
      line(400, [
        [50, 150],
        [300, 500],
      ]),
      line(412, [[50, 120]]),
    ]);
    expect(row).toHaveLength(1);
    expect(row![0]!.x * 612).toBeCloseTo(48.5, 0);
    expect((row![0]!.x + row![0]!.w) * 612).toBeCloseTo(501.5, 0);
    expect((row![0]!.y + row![0]!.h) * 792).toBeCloseTo(412 + 3.25, 0);
    // A label and its value printed three lines below it, or in another column, are apart.
    expect(boxesOnPage(1, [line(400, [[50, 150]]), line(440, [[50, 150]])])).toHaveLength(2);
    expect(boxesOnPage(1, [line(400, [[50, 150]]), line(412, [[400, 500]])])).toHaveLength(2);
  });

  it("only the item's own page is outlined (a row cut by a page break goes on over the next page)", () => {
    const boxes = boxesOnPage(1, [line(740, [[50, 300]], 1), line(90, [[50, 300]], 2)]);
    expect(boxes).toHaveLength(1);
    expect(boxes![0]!.y * 792).toBeCloseTo(740 - 8.75, 0);
    expect(boxesOnPage(3, [line(740, [[50, 300]], 1)])).toBeUndefined();
  });

  it('a Word document has no pages to outline words on', () => {
    const noFrame: PlacedPart = { page: 1, y: 100, height: 10, cells: [{ x: 0, end: 100 }] };
    expect(boxesOnPage(1, [noFrame])).toBeUndefined();
    expect(boxesOnPage(1, [line(100, [[0, 100]], 1, { width: 0, height: 0 })])).toBeUndefined();
  });

  it("a scan's words are turned forward again by the angle OCR turned them back by", () => {
    // OCR read the page turned 1 degree clockwise; straightened, the line sits at y = 400 from x = 100
    // to 500. On the page as drawn it runs downhill to the right: x sin(1°) further down at its end.
    const turned = (1 * Math.PI) / 180;
    const [box] = boxesOnPage(1, [line(400, [[100, 500]], 1, { ...LETTER, turned })])!;
    const straight = boxesOnPage(1, [line(400, [[100, 500]])])![0]!;
    const sin = Math.sin(turned);
    expect(box!.y * 792).toBeCloseTo(straight.y * 792 + 98.5 * sin, 0);
    expect((box!.y + box!.h) * 792).toBeCloseTo((straight.y + straight.h) * 792 + 501.5 * sin, 0);
  });

  it('a box never leaves the page', () => {
    const [box] = boxesOnPage(1, [line(5, [[-20, 700]])])!;
    expect(box).toMatchObject({ x: 0, y: 0, w: 1 });
    expect(box!.h).toBeGreaterThan(0);
  });

  it('a draft kept before items were placed on their pages still reads', () => {
    const item = { page: 1, sourceText: 'Speech | 2 x 30 min', confidence: 'sure', reason: null };
    const old = {
      found: true,
      message: 'Read an IEP.',
      format: 'pdf',
      pageCount: 1,
      pagesNeedingOcr: [],
      unreadablePages: [],
      toCheck: [],
      planKind: { value: 'iep', ...item },
      jurisdiction: null,
      child: { name: null, school: null, grade: null },
      dates: { planStart: null, planEnd: null, meeting: null, annualReview: null, reevaluation: null },
      services: [],
      accommodations: [],
      notSelected: [],
      goals: [],
      team: [],
      notes: [],
    };
    const parsed = IepDraft.parse(old);
    expect(parsed.planKind).toEqual({ value: 'iep', ...item });
    expect(parsed.planKind?.sourceBoxes).toBeUndefined();
    // A box that is not on the page is refused.
    const outside = {
      ...old,
      planKind: { ...old.planKind, sourceBoxes: [{ x: 0.5, y: 1.2, w: 0.1, h: 0.1 }] },
    };
    expect(IepDraft.safeParse(outside).success).toBe(false);
  });
});
