// One error type for the whole app. Services, storage and reports throw AppError; the HTTP layer maps
// codes to statuses once (HTTP_STATUS) and renders `{ error: { code, message, fields? } }`. Never a stack
// trace. Pure: no I/O.

import type { z } from 'zod';
import { issueParams, ruleParams } from './i18n/field-errors.ts';

export type ErrorCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

/**
 * A field's refusal: where (`path`), in words (`message`), and, for a validation rule, which rule and
 * its limits (`code`, `params`: zod's "too_small" with `minimum`), so a reader of another language
 * gets it in theirs (src/domain/i18n/field-errors.ts).
 */
export type FieldIssue = {
  path: string;
  message: string;
  code?: string;
  params?: Readonly<Record<string, string | number>>;
};

/** The catalog key (and its values) that says an error's message in the reader's language. */
export type MessageWords = { key: string; values?: Readonly<Record<string, string | number>> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  /** When set, a reader of another language gets the message from the catalog (issue 17). */
  readonly words: MessageWords | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldIssue[], words?: MessageWords) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.words = words;
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

/**
 * A 404 naming what was not found ("Service", "Plan of this child") and its id. Its words are the
 * catalog's `apierror.notFound.*` (a server-only part; this file does not load it, the web imports
 * it): `thing` chooses the name in the reader's language ("plan_of_this_child"), else `what` as is.
 */
export function notFound(what: string, id?: string, path?: string): AppError {
  const message = id ? `${what} ${id} was not found` : `${what} was not found`;
  const thing = what.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const words: MessageWords = id
    ? { key: 'apierror.notFound.withId', values: { thing, what, id } }
    : { key: 'apierror.notFound.noId', values: { thing, what } };
  return new AppError('not_found', message, path ? [{ path, message }] : undefined, words);
}

/**
 * A rule of the app's own, named so a reader of another language gets it in theirs: the catalog key
 * `error.rule.<rule>` (errors part) says it, with `values` (strings or numbers; dates as YYYY-MM-DD).
 */
export type RuleWords = { rule: string; values?: Readonly<Record<string, string | number>> };

/** A field refused by a rule of the app's own; with `words`, said in the reader's language too. */
export function invalid(path: string, message: string, words?: RuleWords): AppError {
  const field: FieldIssue = words
    ? { path, message, code: 'custom', params: { ...words.values, rule: words.rule } }
    : { path, message };
  return new AppError('validation_failed', `${path} ${message}`, [field]);
}

/** Turn zod issues into field issues with dotted paths ("segments.0.startDate"). */
export function issuesToFields(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
  prefix = '',
): FieldIssue[] {
  return issues.map((i) => {
    // A rule of the app's own (zod's "custom") keeps its code only when it names its rule in
    // `params.rule` (with its values): otherwise only its message says it.
    const rule = i.code === 'custom' ? ruleParams((i as { params?: unknown }).params) : undefined;
    const code = rule ? 'custom' : i.code && i.code !== 'custom' ? i.code : undefined;
    const params = rule ?? (code ? issueParams(i as unknown as Record<string, unknown>) : undefined);
    return {
      path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
      message: i.message,
      ...(code ? { code } : {}),
      ...(params ? { params } : {}),
    };
  });
}

export function validationError(fields: FieldIssue[]): AppError {
  const first = fields[0];
  const summary = first ? `${first.path} ${first.message}` : 'the request is not valid';
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return new AppError('validation_failed', `Invalid input: ${summary}${more}`, fields);
}

/** Parse with a zod schema, or throw the validation error naming every field that failed. */
export function parseOrThrow<S extends z.ZodType>(schema: S, body: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw validationError(issuesToFields(result.error.issues, prefix));
  return result.data;
}
