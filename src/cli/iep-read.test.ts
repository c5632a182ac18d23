import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { IepDraft, iepDraftJsonSchema } from '../domain/iep-draft.ts';
import { amountInWords, readIepFile, renderIepDraft } from './iep-read.ts';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/iep');
const dir = mkdtempSync(join(tmpdir(), 'iep-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('as-written iep read', () => {
  it('prints the items to check first, then the plan section by section', async () => {
    const text = renderIepDraft(await readIepFile(join(FIXTURES, 'tx-ard-like.pdf')));
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'Read an IEP (Texas): 5 services and 2 ESY, 6 accommodations, 2 goals, 5 team members. 2 items to check.',
    );
    expect(lines[2]).toBe('To check (2)');
    expect(text.indexOf('To check')).toBeLessThan(text.indexOf('\nServices'));
    expect(text).toContain("We could not read the frequency of 'Counseling as a Related Service");
    expect(text).toMatch(/ {7}Speech Therapy: 2 × 30 min a week {2}2026-10-01 to 2027-09-30/);
    expect(text).toMatch(/CHECK {2}Inclusion Support: Math: 1 × 20 min a day/);
    expect(text).toContain('Left out: printed with an empty box (6)');
  });

  it('gives JSON that the committed JSON Schema describes', async () => {
    const draft = await readIepFile(join(FIXTURES, 'co-iep.docx'));
    const json = JSON.parse(JSON.stringify(draft));
    expect(IepDraft.parse(json)).toEqual(json);
    // docs/iep-draft.schema.json is generated from the same zod schema; regenerate it when this fails.
    expect(readFileSync(join(import.meta.dirname, '../../docs/iep-draft.schema.json'), 'utf8')).toBe(
      iepDraftJsonSchema(),
    );
  });

  it('reads a file by its contents, not its name', async () => {
    const renamed = join(dir, 'plan.txt');
    writeFileSync(renamed, readFileSync(join(FIXTURES, 'section-504.pdf')));
    expect((await readIepFile(renamed)).planKind?.value).toBe('504');
  });

  it('refuses a file that is not a plan document, naming the file', async () => {
    const file = join(dir, 'menu.html');
    writeFileSync(file, '<html><body>Lunch</body></html>');
    const error = await readIepFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      '"menu.html": This file is not a PDF, a Word document (.docx) or a photo of a page (JPEG or PNG), so it cannot be read as a plan.',
    );
    expect((error as AppError).fields?.[0]?.path).toBe('file');
  });

  it('writes amounts in words', () => {
    const period = (unit: 'week' | 'month' | 'cycle', cycleDays: number | null = null) => ({
      unit,
      cycleDays,
    });
    expect(
      amountInWords({
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        minutesPerPeriod: null,
        period: period('week'),
        pattern: null,
      }),
    ).toBe('2 × 30 min a week');
    expect(
      amountInWords({
        minutesPerSession: null,
        sessionsPerPeriod: null,
        minutesPerPeriod: 60,
        period: period('month'),
        pattern: null,
      }),
    ).toBe('60 min a month');
    expect(
      amountInWords({
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        minutesPerPeriod: null,
        period: period('cycle', 6),
        pattern: null,
      }),
    ).toBe('2 × 30 min per 6-day cycle');
  });
});
