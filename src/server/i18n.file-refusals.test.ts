import { describe, expect, it } from 'vitest';
import type { DistrictCalendar } from '../api/district-calendars.ts';
import { apiWords, sayApiWords } from '../domain/api-errors.ts';
import { AppError, invalid, issuesToFields, type MessageWords } from '../domain/errors.ts';
import { fieldMessage } from '../domain/i18n/field-errors.ts';
import { buildCalendarIndex } from '../domain/school-calendar.ts';
import type { SchoolCalendar } from '../domain/school-calendar-model.ts';
import { nonSchoolDay, nonSchoolDayQuestion } from '../domain/school-days.ts';
import { type GridRow, readServiceLog } from '../domain/service-log-read.ts';
import { readMinutes, rowStatus } from '../domain/service-log-values.ts';
import { rowReasonWords } from '../domain/service-log-words.ts';
import { EmailFileError, MAX_MESSAGE_ID, parseEmailFile } from '../importers/email.ts';
import { IcsFileError, readIcsFile, TooManyEvents } from '../importers/ics.ts';
import { FetchRefused, normalizeFeedUrl } from './fetch/guarded-fetch.ts';
import { localizeError, translatorFor } from './i18n.ts';
import { failureOf, type Job, type JobFailure } from './jobs/jobs.ts';
import { attachmentInUse } from './services/attachments.ts';
import { calendarFileRefused } from './services/calendar-import.ts';
import {
  addressRefused,
  districtCalendarForReader,
  failureWords,
  failureWordsOf,
} from './services/district-calendars.ts';
import { unreadFile } from './services/email-import.ts';
import { jobView } from './services/jobs.ts';
import { CONFIRM_FIELD, nonSchoolDayWords } from './services/school-days.ts';
import {
  lineNotAcceptable,
  lineRefused,
  logProblemError,
  NOT_ACCEPTABLE,
  type NotAcceptable,
} from './services/service-logs.ts';

// The refusals that quote another reader's reasons (issue 17): a file the email or calendar reader
// cannot read, a service log that is not this child's, a line the record refuses, a file still in use,
// a calendar address that cannot be read. In English each is exactly the sentence the server wrote
// before it had words; in Spanish each is said whole, its quoted reason too, every figure, name and
// file name kept, and a date in Spanish words.

const english = translatorFor('en');
const spanish = translatorFor('es');

/** The error's message and fields as a Spanish reader gets them, and a check that English is untouched. */
function saidInSpanish(error: AppError) {
  expect(localizeError(error, 'en')).toEqual({
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
  });
  expect(error.words).toBeDefined();
  // Said by its words in English, the message is the one written.
  expect(sayApiWords(error.words!, english)).toBe(error.message);
  return localizeError(error, 'es');
}

async function emailRefusal(bytes: string): Promise<EmailFileError> {
  try {
    await parseEmailFile(Buffer.from(bytes, 'latin1'));
  } catch (error) {
    if (error instanceof EmailFileError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

const mail = (headers: string) => `${headers}\r\nSubject: IEP\r\n\r\nHello\r\n`;
const mbox = (...messages: string[]) =>
  messages.map((m) => `From someone@example.org Mon Oct  5 10:00:00 2026\n${m}\n`).join('\n');

describe('an email file the reader refuses', () => {
  it('is said in Spanish, the message of a mailbox by its number', async () => {
    const error = await emailRefusal(
      mbox(mail('From: a@example.org\r\nDate: Mon, 5 Oct 2026 10:00:00 -0400'), mail('From: b@example.org')),
    );
    expect(error.message).toBe('message 2 has no readable Date header');
    const refused = unreadFile('casa.mbox', error);
    expect(refused.message).toBe('"casa.mbox" message 2 has no readable Date header; nothing was imported');
    const said = saidInSpanish(refused);
    expect(said.message).toBe(
      '"casa.mbox" tiene un mensaje (el 2) que no tiene una fecha que se pueda leer (el encabezado Date); no se importó nada',
    );
    expect(said.fields).toEqual([{ path: 'file', message: said.message }]);
  });

  it('says every reason in English as before, and in Spanish with its figures', async () => {
    const longId = `<${'x'.repeat(MAX_MESSAGE_ID + 10)}@example.org>`;
    const cases: [string, string, string][] = [
      ['', 'is empty', 'está vacío'],
      [
        '<html><body>Hello</body></html>',
        'is not an email (.eml) or a mailbox (.mbox) file',
        'no es un correo',
      ],
      [mail('Subject: none'), 'has no From header and no Message-ID', 'no tiene remitente'],
      [
        mail(`From: a@example.org\r\nMessage-ID: ${longId}\r\nDate: Mon, 5 Oct 2026 10:00:00 -0400`),
        `has a Message-ID of ${longId.length} characters; no email has one over 998`,
        `tiene un Message-ID de ${longId.length} caracteres; ningún correo tiene uno de más de 998`,
      ],
      [
        mail('From: a@example.org\r\nDate: Mon, 5 Oct 1066 10:00:00 -0400'),
        'has a Date header that is not a usable day (1066-10-05T10:00:00.000Z)',
        'tiene una fecha (el encabezado Date) que no es un día válido (1066-10-05T10:00:00.000Z)',
      ],
    ];
    for (const [bytes, reason, spanishReason] of cases) {
      const error = await emailRefusal(bytes);
      expect(error.message).toBe(reason);
      const refused = unreadFile('mensaje.eml', error);
      expect(refused.message).toBe(`"mensaje.eml" ${reason}; nothing was imported`);
      expect(saidInSpanish(refused).message).toContain(`"mensaje.eml" ${spanishReason}`);
    }
  });

  it('says a mailbox over the limit and a message the log refuses in Spanish', () => {
    const tooMany = apiWords('import.tooManyMessages', { filename: 'todo.mbox', limit: '5,000' });
    expect(tooMany.message).toBe(
      '"todo.mbox" holds more than 5,000 messages, the most one import takes (the limit is set by AS_WRITTEN_IMPORT_MAX_MESSAGES); split the mailbox into smaller files; nothing was imported',
    );
    expect(sayApiWords(tooMany.words, spanish)).toBe(
      '"todo.mbox" tiene más de 5,000 mensajes, el máximo que se importa de una vez (el límite lo fija AS_WRITTEN_IMPORT_MAX_MESSAGES); divida el buzón en archivos más pequeños; no se importó nada',
    );
    const field = issuesToFields([
      {
        code: 'too_big',
        path: ['subject'],
        message: 'Too big: expected string to have <=500 characters',
        maximum: 500,
        origin: 'string',
      } as never,
    ])[0]!;
    const problemWords = fieldMessage(field)!;
    const notLoggable = (inFile: boolean, outcome: 'none' | 'before' | 'batch', done: number) =>
      apiWords('import.notLoggable', {
        inFile: inFile ? 'yes' : 'no',
        number: '7',
        filename: 'todo.mbox',
        field: 'subject',
        problem: field.message,
        problemWords: JSON.stringify(problemWords),
        outcome,
        done: String(done),
      });
    // The sentences the import wrote before its words, byte for byte.
    expect(notLoggable(true, 'none', 0).message).toBe(
      `message 7 of "todo.mbox" cannot be logged: its subject ${field.message}; nothing was imported`,
    );
    expect(notLoggable(false, 'none', 0).message).toBe(
      `"todo.mbox" cannot be logged: its subject ${field.message}; nothing was imported`,
    );
    expect(notLoggable(true, 'before', 1200).message).toBe(
      `message 7 of "todo.mbox" cannot be logged: its subject ${field.message}; the 1200 messages before it were imported`,
    );
    expect(notLoggable(true, 'batch', 0).message).toBe(
      `message 7 of "todo.mbox" cannot be logged: its subject ${field.message}; the 0 messages before this batch were imported`,
    );
    expect(sayApiWords(notLoggable(true, 'before', 1200).words, spanish)).toBe(
      'El mensaje 7 de "todo.mbox" no se puede registrar: su campo subject debe tener como máximo 500 caracteres; los 1200 mensajes anteriores sí se importaron',
    );
  });
});

describe('a calendar file the reader refuses', () => {
  const refusal = (text: string) => {
    try {
      readIcsFile(text);
    } catch (error) {
      if (error instanceof IcsFileError) return error;
      throw error;
    }
    throw new Error('the file was read');
  };

  it('is said in Spanish, on the error and on the file', () => {
    const refused = calendarFileRefused('escuela.ics', refusal('BEGIN:VCALENDAR\nVERSION:2.0\n'));
    expect(refused.message).toBe(
      '"escuela.ics" is damaged or cut short: it does not end as a calendar does (END:VCALENDAR); nothing was added',
    );
    const said = saidInSpanish(refused);
    expect(said.message).toBe(
      '"escuela.ics" está dañado o incompleto: no termina como termina un calendario (END:VCALENDAR); no se agregó nada',
    );
    expect(said.fields).toEqual([{ path: 'file', message: said.message }]);
  });

  it('keeps the figures and the reader’s own detail', () => {
    const tooMany = calendarFileRefused('escuela.ics', new TooManyEvents(2000));
    expect(tooMany.message).toBe(
      '"escuela.ics" holds more than 2,000 events, the most one import takes; nothing was added',
    );
    expect(saidInSpanish(tooMany).message).toBe(
      '"escuela.ics" tiene más de 2,000 eventos, el máximo que se importa de una vez; no se agregó nada',
    );
    for (const [text, spanishReason] of [
      ['', 'está vacío'],
      ['hello', 'no es un archivo de calendario (.ics)'],
      ['BEGIN:VCALENDAR\nEND:VCALENDAR\n', 'no tiene ningún evento'],
    ] as const) {
      const refused = calendarFileRefused('escuela.ics', refusal(text));
      expect(saidInSpanish(refused).message).toBe(`"escuela.ics" ${spanishReason}; no se agregó nada`);
    }
  });
});

describe('a calendar address that cannot be read', () => {
  const fetchRefusal = (address: string) => {
    try {
      normalizeFeedUrl(address);
    } catch (error) {
      if (error instanceof FetchRefused) return error;
      throw error;
    }
    throw new Error('the address was read');
  };

  it('says the fetcher’s reason in Spanish, on the error and on the address', () => {
    const refused = addressRefused(failureWords(fetchRefusal('ftp://district.example.org/cal.ics'))!);
    expect(refused.message).toBe(
      'The calendar address is a ftp address; only http and https addresses are read; nothing was saved',
    );
    expect(refused.fields).toEqual([
      { path: 'address', message: 'is a ftp address; only http and https addresses are read' },
    ]);
    const said = saidInSpanish(refused);
    expect(said).toEqual({
      message:
        'La dirección del calendario es una dirección ftp; solo se leen direcciones http y https; no se guardó nada',
      fields: [{ path: 'address', message: 'es una dirección ftp; solo se leen direcciones http y https' }],
    });
  });

  it('says what the address answered with, as the calendar reader read it', () => {
    const failure = failureWords(readError('<html>Not found</html>'))!;
    expect(failure.message).toBe('answered with something that is not an iCalendar (.ics) file');
    const said = saidInSpanish(addressRefused(failure));
    expect(said.message).toBe(
      'La dirección del calendario respondió con algo que no es un archivo de calendario (.ics); no se guardó nada',
    );
    // A reason that does not start with "is" is quoted as the reader wrote it.
    const none = failureWords(readError('BEGIN:VCALENDAR\nEND:VCALENDAR\n'))!;
    expect(none.message).toBe('holds no events');
    expect(saidInSpanish(addressRefused(none)).message).toBe(
      'La dirección del calendario no tiene ningún evento; no se guardó nada',
    );
    const status = addressRefused(failureWords(new FetchRefused('fetch.status', { status: '404' }))!);
    expect(status.message).toBe(
      'The calendar address answered 404 instead of the calendar; nothing was saved',
    );
    expect(saidInSpanish(status).message).toBe(
      'La dirección del calendario respondió 404 en lugar del calendario; no se guardó nada',
    );
  });

  function readError(text: string): IcsFileError {
    try {
      readIcsFile(text);
    } catch (error) {
      if (error instanceof IcsFileError) return error;
      throw error;
    }
    throw new Error('the calendar was read');
  }
});

describe('a service log that cannot be taken', () => {
  const grid = (text: string): GridRow[] =>
    text.split('\n').map((line, i) => ({ line: i + 1, cells: line.split(',') }));
  const options = {
    child: { firstName: 'Emma', lastName: 'Lopez' },
    studentId: null,
    services: [{ id: 's-1', name: 'Speech therapy', code: null }],
    defaultServiceId: 's-1',
  } as unknown as Parameters<typeof readServiceLog>[1];

  it('says every problem in English exactly as the reader wrote it, and in Spanish', () => {
    const cases: [GridRow[], Partial<Parameters<typeof readServiceLog>[1]>, string][] = [
      [
        grid('Dear parent,\nThank you for your letter.'),
        {},
        'Este archivo no parece un registro de servicios: ninguna de sus primeras filas nombra las columnas de un registro (una fecha, con los minutos, un estado o un servicio).',
      ],
      [
        grid('Date,Student Name,Minutes\n10/6/2026,Liam Nguyen,30\n10/8/2026,Liam Nguyen,30'),
        {},
        'Parece el registro de otro niño(a): ninguna de sus 2 filas nombra a Emma Lopez. No se guardó nada.',
      ],
      [
        grid('Date,Student Name,Minutes\n10/6/2026,Liam Nguyen,30'),
        { studentId: '0123' },
        'Parece el registro de otro niño(a): su única fila no nombra a Emma Lopez ni su ID de estudiante. No se guardó nada.',
      ],
      [
        grid('Student: Liam Nguyen\nDate,Minutes\n10/6/2026,30'),
        {},
        'Parece el registro de otro niño(a): su título nombra a otro estudiante, no a Emma Lopez. No se guardó nada.',
      ],
      [
        grid('Date,Student ID,Minutes\n10/6/2026,123,30\n10/6/2026,456,30'),
        {},
        'Este registro nombra a los estudiantes solo por su número de identificación (ID). Indique el ID de estudiante de Emma Lopez para leer solo sus filas.',
      ],
      [
        grid('Date,Minutes\n10/6/2026,lots\n13/45/2026,30\n10/8/2026,about half'),
        {},
        'No se pudo leer ninguna sesión de este archivo: “lots” no es un número de minutos (línea 2), y 2 más.',
      ],
      [
        grid('Date,Minutes'),
        {},
        'No se pudo leer ninguna sesión de este archivo: no tiene filas debajo del encabezado.',
      ],
    ];
    for (const [log, more, spanishMessage] of cases) {
      const reading = readServiceLog(log, { ...options, ...more });
      expect(reading.problem, spanishMessage).not.toBeNull();
      const error = logProblemError(reading.problem!);
      expect(error.message).toBe(reading.problem!.message);
      const said = saidInSpanish(error);
      expect(said.message).toBe(spanishMessage);
      expect(said.fields?.[0]?.message).toBe(spanishMessage);
    }
  });

  it('finds the words of every reason a row is not read, English said exactly', () => {
    const reasons = [
      'no student named on this row',
      'no date',
      'not a session: no date, status or minutes',
      'the date “10/6” has no year',
      '“13/45/2026” is not a date',
      (readMinutes('lots', 'minutes') as { problem: string }).problem,
      (readMinutes('2000', 'minutes') as { problem: string }).problem,
      (rowStatus('Zoom link broken', null, null, {}) as { problem: string }).problem,
      (rowStatus(null, null, null, {}) as { problem: string }).problem,
      'no service named, and no service chosen for the file',
      'the service “SAI” is not matched to one of the plan’s services',
    ];
    const keys = new Set<string>();
    for (const reason of reasons) {
      const words = rowReasonWords(reason);
      expect(words, reason).not.toBeNull();
      keys.add(words!.key);
      expect(sayApiWords(words!, english)).toBe(reason);
      expect(sayApiWords(words!, spanish)).not.toBe(reason);
    }
    expect(keys.size).toBe(reasons.length);
    expect(
      sayApiWords(rowReasonWords('the status “Zoom link broken” is not one As Written knows')!, spanish),
    ).toBe('As Written no conoce el estado “Zoom link broken”');
    expect(rowReasonWords('something else')).toBeNull();
  });

  it('finds the words of every row a log reader leaves out, and says them in Spanish', () => {
    const log = grid(
      [
        'Date,Student Name,Minutes,Status',
        '10/6/2026,Emma Lopez,30,Delivered',
        ',,,',
        '10/7/2026,Liam Nguyen,30,Delivered',
        'Date,Student Name,Minutes,Status',
        'Page 1 of 2,,,',
        '10/8/2026,,,',
        '10/9/2026,,30,Delivered',
        '10/12/2026,Emma Lopez,lots,Delivered',
        'Total,,60,',
      ].join('\n'),
    );
    const reading = readServiceLog(log, options);
    expect(reading.unread.map((u) => u.kind)).toEqual([
      'blank',
      'other_student',
      'header',
      'page',
      'header',
      'problem',
      'problem',
      'total',
    ]);
    const said = reading.unread.map((u) => {
      const words = rowReasonWords(u.reason);
      expect(words, u.reason).not.toBeNull();
      expect(sayApiWords(words!, english)).toBe(u.reason);
      return sayApiWords(words!, spanish);
    });
    expect(said).toEqual([
      'una línea en blanco',
      'la fila de otro estudiante (no se guarda)',
      'el encabezado de la tabla otra vez (una página nueva)',
      'un encabezado o pie de página',
      'un título de grupo (la fecha o el servicio de las filas de abajo)',
      'la fila no nombra a ningún estudiante',
      '“lots” no es un número de minutos',
      'una línea de totales',
    ]);
  });
});

describe('a row of a service log that cannot be an entry', () => {
  it('says why in English as before, and in Spanish by its rule', () => {
    const cases: [NotAcceptable, string, string][] = [
      [
        'makeupNoMinutes',
        'the log gives no minutes for this make-up',
        'el registro de la escuela no da los minutos de esta sesión de reposición',
      ],
      [
        'shortNoMinutes',
        'the log gives no minutes for a shortened session',
        'el registro de la escuela no da los minutos de una sesión más corta',
      ],
      [
        'noPlannedLength',
        'the log does not give the minutes the session was meant to last, and the plan has no session length',
        'el registro de la escuela no da cuántos minutos debía durar la sesión, y el plan no fija una duración por sesión',
      ],
      [
        'noMinutes',
        'the log gives no minutes, and the plan has no session length',
        'el registro de la escuela no da los minutos, y el plan no fija una duración por sesión',
      ],
    ];
    expect(cases.map(([code]) => code).sort()).toEqual(Object.keys(NOT_ACCEPTABLE).sort());
    for (const [code, reason, spanishReason] of cases) {
      const error = lineNotAcceptable('lines.2', 14, code);
      expect(error.message).toBe(`lines.2 line 14 cannot be accepted: ${reason}`);
      expect(error.fields).toEqual([
        {
          path: 'lines.2',
          message: `line 14 cannot be accepted: ${reason}`,
          code: 'custom',
          params: { rule: 'serviceLog.lineNotAcceptable', line: 14, problem: code },
        },
      ]);
      // English readers get the message as written; the catalog's English is that message.
      const refusal = { message: error.message, fields: error.fields, validation: true };
      expect(localizeError(refusal, 'en').message).toBe(error.message);
      expect(english.t('error.rule.serviceLog.lineNotAcceptable', { line: 14, problem: code })).toBe(
        error.fields![0]!.message,
      );
      const said = localizeError(refusal, 'es');
      expect(said.fields?.[0]?.message).toBe(`la línea 14 no se puede aceptar: ${spanishReason}`);
      expect(said.message).toBe(`Revise lines.2: la línea 14 no se puede aceptar: ${spanishReason}`);
    }
  });
});

describe('a district calendar’s failed read, as the subscription keeps it', () => {
  const feed = (lastError: string | null): DistrictCalendar => ({
    id: 'feed-1',
    householdId: 'h-1',
    childId: 'c-1',
    address: 'https://district.example.org/cal.ics',
    name: null,
    lastStatus: lastError ? 'failed' : 'ok',
    lastError,
    lastReadAt: '2026-12-01T12:00:00.000Z',
    pending: [],
    recent: [],
    createdAt: '2026-11-01T12:00:00.000Z',
    updatedAt: '2026-12-01T12:00:00.000Z',
  });
  const icsError = (text: string) => {
    try {
      readIcsFile(text);
    } catch (error) {
      if (error instanceof IcsFileError) return error;
      throw error;
    }
    throw new Error('the calendar was read');
  };

  it('finds the words of every reason a read fails back from its English, and says it in Spanish', () => {
    const cases: [unknown, string][] = [
      [new FetchRefused('fetch.status', { status: '503' }), 'respondió 503 en lugar del calendario'],
      [new FetchRefused('fetch.timeout', { seconds: '10' }), 'no respondió en 10 segundos'],
      [new FetchRefused('fetch.unreachable'), 'no se pudo contactar'],
      [
        new FetchRefused('fetch.unreachableCode', { code: 'ECONNRESET' }),
        'no se pudo contactar (ECONNRESET)',
      ],
      [new FetchRefused('fetch.notFound', { host: 'nope.example' }), 'no se encontró (nope.example)'],
      [
        new FetchRefused('fetch.tooLargeDeclared', { size: '12 MB', max: '5 MB' }),
        'respondió con 12 MB, más de los 5 MB que puede tener un calendario',
      ],
      [
        new FetchRefused('fetch.tooLarge', { max: '5 MB' }),
        'respondió con más de los 5 MB que puede tener un calendario',
      ],
      [new FetchRefused('fetch.redirects', { max: '5' }), 'redirigió más de 5 veces'],
      [
        new FetchRefused('fetch.private', { address: '10.0.0.1' }),
        'apunta a una dirección de una red privada o local (10.0.0.1), que este servidor no lee',
      ],
      [icsError('<html>Not found</html>'), 'respondió con algo que no es un archivo de calendario (.ics)'],
      [icsError(''), 'respondió con algo que está vacío'],
      [icsError('BEGIN:VCALENDAR\nEND:VCALENDAR\n'), 'no tiene ningún evento'],
      [new TooManyEvents(2000), 'tiene más de 2,000 eventos, el máximo que se importa de una vez'],
    ];
    for (const [error, spanishReason] of cases) {
      // What the subscription stores is the English of the reason (refreshDistrictCalendar).
      const stored = failureWords(error)!.message;
      const words = failureWordsOf(stored);
      expect(words, stored).not.toBeNull();
      expect(sayApiWords(words!, english)).toBe(stored);
      expect(districtCalendarForReader(feed(stored), spanish).lastError).toBe(spanishReason);
      // An English reader reads it as stored.
      expect(districtCalendarForReader(feed(stored), english)).toEqual(feed(stored));
    }
  });

  it('keeps a reason it does not know, and a subscription that did not fail, as they are', () => {
    expect(districtCalendarForReader(feed('something new went wrong'), spanish).lastError).toBe(
      'something new went wrong',
    );
    expect(districtCalendarForReader(feed(null), spanish)).toEqual(feed(null));
  });
});

describe('an email import job that failed', () => {
  const failedJob = (failures: JobFailure[]): Job => ({
    id: 'job-1',
    name: 'email-import',
    householdId: 'h-1',
    payload: {},
    status: 'failed',
    attempts: failures.length,
    maxAttempts: 3,
    done: 0,
    total: 300,
    result: null,
    error: failures.at(-1)?.message ?? null,
    failures,
    requestedBy: 'user:u-1',
    createdAt: '2026-12-01T12:00:00.000Z',
    startedAt: '2026-12-01T12:00:00.000Z',
    finishedAt: '2026-12-01T12:00:01.000Z',
    updatedAt: '2026-12-01T12:00:01.000Z',
  });

  it('says why in the reader’s language, from the words the failure keeps', async () => {
    const error = await emailRefusal(
      mbox(mail('From: a@example.org\r\nDate: Mon, 5 Oct 2026 10:00:00 -0400'), mail('From: b@example.org')),
    );
    const refused = unreadFile('casa.mbox', error);
    const failure = failureOf(1, '2026-12-01T12:00:01.000Z', refused);
    expect(failure).toEqual({
      attempt: 1,
      at: '2026-12-01T12:00:01.000Z',
      message: '"casa.mbox" message 2 has no readable Date header; nothing was imported',
      words: refused.words,
    });
    const spanishText =
      '"casa.mbox" tiene un mensaje (el 2) que no tiene una fecha que se pueda leer (el encabezado Date); no se importó nada';
    const said = jobView(failedJob([failure]), spanish);
    expect(said.error).toBe(spanishText);
    expect(said.failures).toEqual([{ attempt: 1, at: failure.at, message: spanishText }]);
    // In English, and without a translator, exactly as written; the words stay out of the answer.
    for (const view of [jobView(failedJob([failure]), english), jobView(failedJob([failure]))]) {
      expect(view.error).toBe(failure.message);
      expect(view.failures).toEqual([{ attempt: 1, at: failure.at, message: failure.message }]);
    }
  });

  it('finds the words of a failure kept before failures kept words, and keeps any other in English', () => {
    const old = (message: string): JobFailure => ({ attempt: 1, at: '2026-12-01T12:00:01.000Z', message });
    expect(
      jobView(
        failedJob([old('"broken.mbox" message 250 has no readable Date header; nothing was imported')]),
        spanish,
      ).error,
    ).toBe(
      '"broken.mbox" tiene un mensaje (el 250) que no tiene una fecha que se pueda leer (el encabezado Date); no se importó nada',
    );
    expect(jobView(failedJob([old('"x.eml" is empty; nothing was imported')]), spanish).error).toBe(
      '"x.eml" está vacío; no se importó nada',
    );
    expect(
      jobView(failedJob([old('The file of this import is no longer stored; import it again')]), spanish)
        .error,
    ).toBe('El archivo de esta importación ya no está guardado; impórtelo de nuevo');
    // A failure that is not the import's refusal (a lost connection) has no words: English.
    const lost = failedJob([old('the database went away (1)'), old('the database went away (2)')]);
    expect(jobView(lost, spanish).error).toBe('the database went away (2)');
    // A failure that is not an AppError keeps no words.
    expect(failureOf(2, 'at', new Error('the database went away'))).toEqual({
      attempt: 2,
      at: 'at',
      message: 'the database went away',
    });
  });
});

describe('a line of a service log the record refuses', () => {
  const calendar = buildCalendarIndex([
    {
      id: 'cal-2026',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
      schoolWeekdays: [1, 2, 3, 4],
      cycleLength: null,
      events: [],
    } satisfies SchoolCalendar,
  ]);

  it('says the line’s date in Spanish words and the rule it broke in Spanish', () => {
    const inner = invalid(
      'minutesDelivered',
      'must be less than the planned 30 minutes for a short session',
      {
        rule: 'session.shortNotLess',
        values: { planned: 30 },
      },
    );
    const error = lineRefused('lines.0', 3, '2026-12-04', inner);
    expect(error.message).toBe(
      'Line 3 (Friday, December 4): minutesDelivered must be less than the planned 30 minutes for a short session',
    );
    expect(error.fields).toEqual([
      {
        path: 'lines.0',
        message: 'minutesDelivered must be less than the planned 30 minutes for a short session',
      },
    ]);
    expect(saidInSpanish(error)).toEqual({
      message:
        'Línea 3 (viernes 4 de diciembre): minutesDelivered: debe ser menos que los 30 minutos previstos en una sesión más corta',
      fields: [
        {
          path: 'lines.0',
          message: 'minutesDelivered: debe ser menos que los 30 minutos previstos en una sesión más corta',
        },
      ],
    });
  });

  it('says a day with no school’s question in Spanish, quoted from the refusal', () => {
    const date = '2026-12-04';
    const day = nonSchoolDay(calendar, date)!;
    const question = `${nonSchoolDayQuestion(date, day)} If it happened on this day, confirm it.`;
    const inner = new AppError(
      'validation_failed',
      `date: ${question} (send ${CONFIRM_FIELD}: true)`,
      [{ path: 'date', message: question }],
      nonSchoolDayWords('date', date, day),
    );
    const error = lineRefused('lines.1', 12, date, inner);
    expect(error.message).toBe(
      'Line 12 (Friday, December 4): date Are you sure? Friday, December 4 is a Friday, when school does not meet. If it happened on this day, confirm it.',
    );
    expect(saidInSpanish(error).message).toBe(
      'Línea 12 (viernes 4 de diciembre): date: ¿Está seguro(a)? viernes 4 de diciembre es viernes, un día sin clases. Si ocurrió ese día, confírmelo.',
    );
  });

  it('keeps a refusal it has no words for in English, inside the Spanish sentence', () => {
    const inner = new AppError('validation_failed', 'something new', [{ path: 'note', message: 'is odd' }]);
    const error = lineRefused('lines.0', 1234, '2026-10-06', inner);
    expect(error.message).toBe('Line 1234 (Tuesday, October 6): note is odd');
    expect(saidInSpanish(error).message).toBe('Línea 1234 (martes 6 de octubre): note: is odd');
  });

  it('says a line already in the record with its date in Spanish words', () => {
    const words = apiWords('serviceLog.lineInRecord', { line: 3, longDate: '2026-11-26' });
    expect(words.message).toBe('Line 3 (Thursday, November 26) is in the record already');
    expect(sayApiWords(words.words, spanish)).toBe(
      'La línea 3 (jueves 26 de noviembre) ya está en el registro',
    );
  });
});

describe('a file still in use', () => {
  it('names the records in Spanish, their dates and versions kept', () => {
    const error = attachmentInUse('foto.jpg', [
      { kind: 'work_sample', date: '2026-10-06' },
      { kind: 'accommodation_observation', date: '2026-10-07' },
      { kind: 'plan_version', version: '2' },
    ]);
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      '"foto.jpg" is evidence for work sample of 2026-10-06, accommodation observation of 2026-10-07, plan version 2, which was read from it; remove it from there first',
    );
    expect(saidInSpanish(error).message).toBe(
      '"foto.jpg" está adjunto como prueba en la muestra de trabajo del 2026-10-06, la observación de una adaptación del 2026-10-07, la versión 2 del plan, que se leyó de este archivo; quítelo de ahí primero',
    );
    const named = (kind: 'behavior_incident' | 'goal_progress') =>
      attachmentInUse('a.pdf', [{ kind, date: '2026-01-02' }]).message;
    expect(named('behavior_incident')).toBe(
      '"a.pdf" is evidence for behavior incident of 2026-01-02; remove it from there first',
    );
    expect(named('goal_progress')).toBe(
      '"a.pdf" is evidence for goal progress point of 2026-01-02; remove it from there first',
    );
  });
});

describe('words a translator lacks', () => {
  it('keep the English a message quotes', () => {
    const words: MessageWords = {
      key: 'apierror.import.calendarRefused',
      values: { filename: 'x.ics', reason: 'is odd', reasonWords: JSON.stringify({ key: 'apierror.nope' }) },
    };
    expect(sayApiWords(words, spanish)).toBe('"x.ics" is odd; no se agregó nada');
  });
});
