import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { readCalendarFile, renderCalendarDraft } from './calendar-read.ts';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/calendars/district-2026-27.ics');
const dir = mkdtempSync(join(tmpdir(), 'calendar-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('as-written calendar read', () => {
  it('reads a district calendar into the draft, compared with nothing', async () => {
    const draft = await readCalendarFile(FIXTURE);
    expect(draft.name).toBe('Cedar Falls Unified 2026-27');
    expect(draft.events).toHaveLength(22);
    expect(draft.events.every((e) => e.status === 'new' && e.calendarId === null)).toBe(true);
    expect(draft.events[0]!.confidence).toBe('check');
  });

  it('prints one line per event with its kind, and the reason under it', async () => {
    const text = renderCalendarDraft(await readCalendarFile(FIXTURE));
    expect(text).toContain('Cedar Falls Unified 2026-27 (America/Los_Angeles)');
    expect(text).toMatch(/2026-11-25 to 2026-11-27 +Break +Thanksgiving Break/);
    expect(text).toMatch(/CHECK +2027-01-29 +Holiday +Staff Development Day/);
    expect(text).toMatch(/2026-09-24 +Not a day off +Picture Day/);
  });

  it('refuses a file that is not a calendar, naming the file', async () => {
    const file = join(dir, 'calendar.html');
    writeFileSync(file, '<html><body>Calendar</body></html>');
    const error = await readCalendarFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('"calendar.html" is not an iCalendar (.ics) file');
    expect((error as AppError).fields).toEqual([
      { path: 'file', message: 'is not an iCalendar (.ics) file' },
    ]);
  });
});
