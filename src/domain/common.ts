import { z } from 'zod';
import { withoutBidiControls } from './bidi.ts';
import { isIsoDate } from './dates.ts';
import type { FieldIssue } from './errors.ts';

/** A school date, `YYYY-MM-DD`, checked to be a real day. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, {
    message: 'must be a real date written as YYYY-MM-DD',
    params: { rule: 'date.notReal' },
  })
  .meta({ format: 'date', example: '2026-09-08' });

/** Record ids are UUIDv7 strings (time-ordered, so inserts stay local in indexes). */
export const IdSchema = z.string().uuid({ message: 'must be an id (UUID)' });

/**
 * What is wrong with a piece of text as stored text, or null. A NUL character (U+0000) is refused
 * everywhere: PostgreSQL cannot store it in a text column while SQLite can, so refusing it at the
 * boundary keeps both databases alike (and no parent types one). Half of a surrogate pair is not
 * text either: it would be stored as U+FFFD, silently changing what was sent.
 */
export function textProblem(text: string): string | null {
  return textRule(text)?.message ?? null;
}

/** The same, with the rule that words it in the reader's language (error.rule.<rule>). */
function textRule(text: string): { message: string; rule: string } | null {
  if (text.includes('\u0000'))
    return { message: 'must not contain the NUL character (U+0000)', rule: 'text.nul' };
  if (LONE_SURROGATE.test(text))
    return {
      message: 'must be valid Unicode text (it holds half of a character)',
      rule: 'text.halfCharacter',
    };
  return null;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any text field: refuses what `textProblem` refuses, with its message. */
export const StoredText = () =>
  z
    .string()
    .superRefine((text, ctx) => {
      const problem = textRule(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } });
    })
    // Direction controls are never typed, and would turn the words after them around on every page,
    // letter and PDF that shows the text (src/domain/bidi.ts): they are not kept.
    .overwrite(withoutBidiControls);

export { LONG_TEXT_MAX } from './text-limits.ts';

export const NonEmptyText = (max = 500) =>
  StoredText()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

/** A session's length in minutes: a whole number from 1 to a day's 1440. */
export const SessionLengthMinutes = z
  .number()
  .int()
  .min(1, { message: 'must be at least 1 minute' })
  .max(1440);

export const OptionalText = (max = 5000) =>
  StoredText()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .default(null);

/**
 * The deepest nesting any request body or household document needs (a journal entry's data holds a
 * plan snapshot, about ten levels down). Deeper input is refused before anything walks it
 * recursively: a document nested 10,000 deep overflows the stack of JSON.stringify.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * The years a date sent to the app may fall in. A school record has no business before 1900 or
 * after 2199, and the arithmetic on dates (a reply due five school days later, a deadline a year
 * on) must never run past year 9999, where no date can be written as YYYY-MM-DD: "9999-12-31" once
 * made five routes answer 500.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** Whether a date written as YYYY-MM-DD falls in the years FIRST_YEAR to LAST_YEAR. */
export function inUsableYears(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first problem in a parsed JSON value (a request body, a query, an imported document): nesting
 * deeper than `maxDepth`, a string or key that `textProblem` refuses, or a date outside the years
 * `inUsableYears` allows; with its path in the
 * dotted form errors use ("journal.3.data.note"). Walks without recursion, so any depth is safe.
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): FieldIssue | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  const where = (path: string[]) => path.join('.') || '(body)';
  // Each problem names its rule, so the server says it in the reader's language (error.rule.<rule>).
  const issue = (
    path: string[],
    message: string,
    rule: string,
    values: Record<string, string | number> = {},
  ) => ({ path: where(path), message, code: 'custom', params: { ...values, rule } }) satisfies FieldIssue;
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textRule(v);
      if (problem) return issue(path, problem.message, problem.rule);
      // Every field that holds a date: the whole value is one. (A note that is only a date is rare,
      // and the message says what to change.)
      if (DATE_TEXT.test(v) && !inUsableYears(v))
        return issue(path, `must be a date between ${FIRST_YEAR} and ${LAST_YEAR}`, 'date.usableYears', {
          first: FIRST_YEAR,
          last: LAST_YEAR,
        });
      continue;
    }
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (path.length >= maxDepth) {
      return issue(path, `is nested more than ${maxDepth} levels deep`, 'input.tooDeep', { max: maxDepth });
    }
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [String(i), item])
      : Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const keyProblem = textRule(key);
      if (keyProblem)
        return issue([...path, key], `has a name that ${keyProblem.message}`, 'input.keyName', {
          problem: keyProblem.rule === 'text.nul' ? 'nul' : 'halfCharacter',
        });
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** Checks `end >= start` for objects with optional start/end date fields and reports it on the end field. */
export function endNotBeforeStart<T extends Record<string, unknown>>(
  startKey: keyof T & string,
  endKey: keyof T & string,
) {
  return (value: T, ctx: z.RefinementCtx) => {
    const start = value[startKey];
    const end = value[endKey];
    if (typeof start === 'string' && typeof end === 'string' && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: [endKey],
        message: `must not be before ${startKey} (${start})`,
        params: { rule: 'dates.endBeforeStart', startKey, start },
      });
    }
  };
}

/** A time of day on the school's clock, "HH:MM" (24-hour). */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'must be a time written as HH:MM (24-hour, for example 09:30)',
});
