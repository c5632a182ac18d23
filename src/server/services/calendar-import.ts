import { z } from 'zod';
import type { CalendarEventBatchInput, CalendarImportDraft } from '../../api/calendar-import.ts';
import type { CalendarEvent } from '../../api/records.ts';
import { draftCalendarEvents, draftCalendarTerms } from '../../domain/calendar-import-draft.ts';
import { withKindReasonWords, withLeftOutWords } from '../../domain/calendar-import-words.ts';
import { CalendarEventInput } from '../../domain/school-calendar-model.ts';
import { IcsFileError, readIcsFile } from '../../importers/ics.ts';
import { calendarsOfChild } from '../../store/calendars.repository.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, apiWords, notFound, parseOrThrow, wordsValue } from '../errors.ts';
import { writeRecord } from './records.ts';
import { RESOURCES } from './resources.ts';
import { loadCalendars } from './school-calendars.ts';

// A district calendar brought in from an .ics file. The draft reads the file and compares it with
// the child's school years, writing nothing; the parent then saves the days they chose together, in
// one transaction, each through the record service (its checks, and its journal entry).

/** The file is refused (a 400 naming `file`), with the reader's reason after its name. */
export function calendarFileRefused(filename: string, error: IcsFileError): AppError {
  const { message, words } = apiWords('import.calendarRefused', {
    filename,
    reason: error.message,
    reasonWords: wordsValue(error.words),
  });
  return new AppError('validation_failed', message, [{ path: 'file', message }], words);
}

/**
 * The file's events, as the parent reviews them: nothing is saved. Each reason is in English, with its
 * words beside it for the page to say in the reader's language. A file that cannot be read is a 400
 * naming `file`.
 */
export async function draftCalendarImport(
  store: Store,
  householdId: string,
  childId: string,
  file: { bytes: Buffer; filename: string },
): Promise<z.output<typeof CalendarImportDraft>> {
  await requireChild(store.db, householdId, childId);
  const calendars = await loadCalendars(store.db, householdId, childId);
  const first = calendars[0]?.firstDay;
  const last = calendars.at(-1)?.lastDay;
  let read: ReturnType<typeof readIcsFile>;
  try {
    read = readIcsFile(file.bytes, first && last ? { window: { from: first, to: last } } : {});
  } catch (error) {
    if (error instanceof IcsFileError) throw calendarFileRefused(file.filename, error);
    throw error;
  }
  return {
    name: read.name,
    timeZone: read.timeZone,
    events: draftCalendarEvents(read.events, calendars).map(withKindReasonWords),
    skipped: read.skipped.map(withLeftOutWords),
    terms: draftCalendarTerms(read.events, calendars),
  };
}

/**
 * Add the reviewed days to the child's school calendars, all or none: each is checked and journaled
 * as one added by hand (POST calendar-events), in one transaction. A school year of another child is
 * a 404 naming its place in the list.
 */
export async function addCalendarEvents(
  store: Store,
  ctx: ServiceContext,
  childId: string,
  body: unknown,
): Promise<z.output<typeof CalendarEvent>[]> {
  const input = parseOrThrow(
    z.array(CalendarEventInput).min(1).max(500),
    (body as z.input<typeof CalendarEventBatchInput> | null)?.events,
    'events',
  );
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    await requireChild(trx, ctx.householdId, childId);
    const ofChild = new Set((await calendarsOfChild(trx, ctx.householdId, childId)).map((y) => y.id));
    const saved: z.output<typeof CalendarEvent>[] = [];
    for (const [i, event] of input.entries()) {
      if (!ofChild.has(event.calendarId))
        throw notFound('School calendar', event.calendarId, `events.${i}.calendarId`);
      try {
        saved.push(await writeRecord(trx, ctx, RESOURCES.calendarEvent, event));
      } catch (error) {
        throw withPlace(error, `events.${i}`);
      }
    }
    return saved;
  });
}

/** The same error, its fields named by their place in the list ("events.3.startDate"). */
function withPlace(error: unknown, place: string): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields = error.fields.map((f) => ({ ...f, path: `${place}.${f.path}` }));
  // Said to a reader of another language as the error itself (its fields name the place).
  return new AppError(error.code, `${place}: ${error.message}`, fields, error.words);
}
