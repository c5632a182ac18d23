import { describe, expect, it } from 'vitest';
import { apiError, sayApiWords } from '../domain/api-errors.ts';
import { AppError, notFound } from '../domain/errors.ts';
import { buildCalendarIndex } from '../domain/school-calendar.ts';
import type { SchoolCalendar } from '../domain/school-calendar-model.ts';
import { nonSchoolDay, nonSchoolDayQuestion } from '../domain/school-days.ts';
import { localizeError, translatorFor } from './i18n.ts';
import { CONFIRM_FIELD, nonSchoolDayWords } from './services/school-days.ts';

// A refusal of the server, as the API's error body says it (issue 17): in the reader's language from
// its words (the catalog part `apierror`), on the error and on a field that says the same; English as
// the code wrote it.
describe('a server refusal in the error body', () => {
  const error = apiError('validation_failed', 'invitation.expired', undefined, [
    { path: 'token', message: 'is not valid any more' },
  ]);

  it('says it in Spanish', () => {
    expect(localizeError(error, 'es').message).toBe('Esta invitación venció o ya se usó; pida una nueva');
  });

  it('keeps the English for an English reader', () => {
    expect(localizeError(error, 'en')).toEqual({
      message: 'This invitation has expired or was already used; ask for a new one',
      fields: [{ path: 'token', message: 'is not valid any more' }],
    });
  });

  it('says a value where the Spanish puts it, and a 404 on its field too', () => {
    expect(
      localizeError(apiError('forbidden', 'household.roleRefused', { role: 'co_parent' }), 'es').message,
    ).toBe('Su rol en esta familia (padre o madre) no permite hacer esto');
    const missing = notFound('Service', 's-9', 'serviceId');
    expect(localizeError(missing, 'es')).toEqual({
      message: 'No se encontró el servicio s-9',
      fields: [{ path: 'serviceId', message: 'No se encontró el servicio s-9' }],
    });
  });
});

describe('the question of a day with no school', () => {
  const YEAR: SchoolCalendar = {
    id: 'cal-2026',
    firstDay: '2026-09-08',
    lastDay: '2027-06-11',
    schoolWeekdays: [1, 2, 3, 4],
    cycleLength: null,
    events: [
      { kind: 'holiday', startDate: '2026-10-12', endDate: null, label: "Indigenous Peoples' Day" },
      { kind: 'holiday', startDate: '2026-11-11', endDate: null, label: null },
      { kind: 'break', startDate: '2026-11-25', endDate: '2026-11-27', label: 'Thanksgiving break' },
      { kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01', label: null },
      { kind: 'closure', startDate: '2026-12-09', endDate: null, label: 'Snow day' },
      { kind: 'closure', startDate: '2026-12-10', endDate: null, label: null },
    ],
  };
  const calendar = buildCalendarIndex([YEAR]);
  const english = translatorFor('en');
  const days = ['2026-10-12', '2026-11-11', '2026-11-26', '2026-12-22', '2026-12-09', '2026-12-10'];
  const more = ['2026-12-05', '2026-12-04', '2027-07-14'];

  it('says in English, by its words, exactly the question the server asks', () => {
    for (const date of [...days, ...more]) {
      const day = nonSchoolDay(calendar, date);
      expect(day, date).not.toBeNull();
      const words = nonSchoolDayWords('date', date, day!);
      expect(sayApiWords(words, english)).toBe(
        `date: ${nonSchoolDayQuestion(date, day!)} If it happened on this day, confirm it. (send ${CONFIRM_FIELD}: true)`,
      );
    }
  });

  it('asks it in Spanish, the date in Spanish words', () => {
    const words = nonSchoolDayWords('date', '2026-12-04', nonSchoolDay(calendar, '2026-12-04')!);
    expect(sayApiWords(words, translatorFor('es'))).toBe(
      'date: ¿Está seguro(a)? viernes 4 de diciembre es viernes, un día sin clases. Si ocurrió ese día, confírmelo. (envíe nonSchoolDayConfirmed: true)',
    );
    const thanksgiving = nonSchoolDayWords('date', '2026-11-26', nonSchoolDay(calendar, '2026-11-26')!);
    expect(sayApiWords(thanksgiving, translatorFor('es'))).toBe(
      'date: ¿Está seguro(a)? jueves 26 de noviembre es Thanksgiving break. Si ocurrió ese día, confírmelo. (envíe nonSchoolDayConfirmed: true)',
    );
  });

  it('says the question on its field in Spanish too (the field quotes the message)', () => {
    const date = '2026-12-04';
    const day = nonSchoolDay(calendar, date)!;
    const question = `${nonSchoolDayQuestion(date, day)} If it happened on this day, confirm it.`;
    const error = new AppError(
      'validation_failed',
      `date: ${question} (send ${CONFIRM_FIELD}: true)`,
      [{ path: 'date', message: question }],
      nonSchoolDayWords('date', date, day),
    );
    expect(localizeError(error, 'es').fields).toEqual([
      {
        path: 'date',
        message:
          '¿Está seguro(a)? viernes 4 de diciembre es viernes, un día sin clases. Si ocurrió ese día, confírmelo.',
      },
    ]);
    expect(localizeError(error, 'en')).toEqual({ message: error.message, fields: error.fields });
  });
});
