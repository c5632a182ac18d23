import { z } from 'zod';
import { isIsoDate } from './dates.ts';

/** A school date, `YYYY-MM-DD`, checked to be a real day. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written as YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-09-08' });

/** Record ids are UUIDv7 strings (time-ordered, so inserts stay local in indexes). */
export const IdSchema = z.string().uuid({ message: 'must be an id (UUID)' });

export const NonEmptyText = (max = 500) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

export const OptionalText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .default(null);

/** Checks `end >= start` for objects with optional start/end date fields and reports it on the end field. */
export function endNotBeforeStart<T extends Record<string, unknown>>(
  startKey: keyof T & string,
  endKey: keyof T & string,
) {
  return (value: T, ctx: z.RefinementCtx) => {
    const start = value[startKey];
    const end = value[endKey];
    if (typeof start === 'string' && typeof end === 'string' && end < start) {
      ctx.addIssue({ code: 'custom', path: [endKey], message: `must not be before ${startKey} (${start})` });
    }
  };
}

/** A time of day on the school's clock, "HH:MM" (24-hour). */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'must be a time written as HH:MM (24-hour, for example 09:30)',
});
