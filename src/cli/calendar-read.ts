import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type DraftEvent, draftCalendarEvents } from '../domain/calendar-import-draft.ts';
import { AppError } from '../domain/errors.ts';
import { CALENDAR_DAY_LABELS } from '../domain/school-days.ts';
import { type IcsCalendar, IcsFileError, readIcsFile } from '../importers/ics.ts';

// `as-written calendar read FILE.ics`: the draft the School calendar page shows for a district
// calendar file, read on its own (no database: nothing is compared with a child's calendar).

export type CalendarFileDraft = Pick<IcsCalendar, 'name' | 'timeZone' | 'skipped'> & {
  events: DraftEvent[];
};

export async function readCalendarFile(file: string): Promise<CalendarFileDraft> {
  const bytes = await readFile(file);
  try {
    const read = readIcsFile(bytes);
    return {
      name: read.name,
      timeZone: read.timeZone,
      events: draftCalendarEvents(read.events, null),
      skipped: read.skipped,
    };
  } catch (error) {
    if (error instanceof IcsFileError)
      throw new AppError('validation_failed', `"${basename(file)}" ${error.message}`, [
        { path: 'file', message: error.message },
      ]);
    throw error;
  }
}

function days(e: DraftEvent): string {
  const time = e.startTime ? ` ${e.startTime}` : '';
  return e.endDate === e.startDate ? `${e.startDate}${time}` : `${e.startDate} to ${e.endDate}`;
}

/** The draft as a table a person reads: what it is, when, the district's words, and why. */
export function renderCalendarDraft(draft: CalendarFileDraft): string {
  const lines: string[] = [];
  const title = [draft.name ?? 'District calendar', draft.timeZone ? `(${draft.timeZone})` : '']
    .filter(Boolean)
    .join(' ');
  const off = draft.events.filter((e) => e.kind !== null).length;
  const check = draft.events.filter((e) => e.confidence === 'check').length;
  lines.push(title);
  lines.push(
    `${draft.events.length} events: ${off} days off or early dismissals, ${draft.events.length - off} not days off; ${check} to check.`,
  );
  lines.push('');
  const width = Math.max(...draft.events.map((e) => days(e).length), 10);
  for (const e of draft.events) {
    const kind = e.kind ? CALENDAR_DAY_LABELS[e.kind] : 'Not a day off';
    const flag = e.confidence === 'check' ? 'CHECK' : '     ';
    lines.push(`${flag}  ${days(e).padEnd(width)}  ${kind.padEnd(15)}  ${e.summary}`);
    lines.push(`       ${' '.repeat(width)}  ${e.reason}`);
  }
  for (const s of draft.skipped) lines.push(`Left out: ${s.summary} (${s.reason})`);
  return `${lines.join('\n')}\n`;
}
