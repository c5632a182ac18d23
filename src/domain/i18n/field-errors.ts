import type { FieldIssue } from '../errors.ts';

// A field's refusal in the reader's language (issue 17). A validation issue keeps its English
// `message` (what existing clients read) and carries a `code` and `params` (zod's: "too_small" with
// its minimum); for a reader of another language the message is worded again from those, through
// the catalog's `errors` part. A rule of the app's own (zod's "custom" issue, or `invalid(path,
// message, { rule, values })`) names its rule in `params.rule`, with its values beside it: it is
// worded by the catalog key `error.rule.<rule>`. A custom issue that names no rule keeps no code and
// is said only in English.

export type IssueParams = Readonly<Record<string, string | number>>;

/** The parameters of a zod issue worth keeping (numbers and words; never the value given). */
export function issueParams(issue: Readonly<Record<string, unknown>>): IssueParams | undefined {
  const kept: Record<string, string | number> = {};
  for (const name of ['minimum', 'maximum', 'origin', 'format', 'expected']) {
    const value = issue[name];
    if (typeof value === 'number' && Number.isFinite(value)) kept[name] = value;
    else if (typeof value === 'bigint') kept[name] = Number(value);
    else if (typeof value === 'string') kept[name] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * The params of a custom issue that names its rule (`{ rule: 'checkIn.dayRequired', from: '2026-01-05' }`):
 * the rule and its string and number values; undefined when it names none.
 */
export function ruleParams(params: unknown): IssueParams | undefined {
  if (params == null || typeof params !== 'object') return undefined;
  const given = params as Record<string, unknown>;
  if (typeof given.rule !== 'string' || given.rule === '') return undefined;
  const kept: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(given)) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      kept[name] = value;
  }
  return kept;
}

/** The catalog key and values that say a field's refusal, or null when no message is known for it. */
export function fieldMessage(issue: Pick<FieldIssue, 'code' | 'params'>): {
  key: string;
  values: Record<string, string | number>;
} | null {
  const p = issue.params ?? {};
  const counted = p.origin === 'string' || p.origin === 'array' || p.origin === 'set';
  switch (issue.code) {
    case 'too_small':
      if (p.origin === 'string' && p.minimum === 1) return { key: 'error.field.required', values: {} };
      if (counted && typeof p.minimum === 'number')
        return {
          key: p.origin === 'string' ? 'error.field.tooShort' : 'error.field.tooFew',
          values: { minimum: p.minimum },
        };
      if (typeof p.minimum === 'number')
        return { key: 'error.field.tooSmall', values: { minimum: p.minimum } };
      return null;
    case 'too_big':
      if (counted && typeof p.maximum === 'number')
        return {
          key: p.origin === 'string' ? 'error.field.tooLong' : 'error.field.tooMany',
          values: { maximum: p.maximum },
        };
      if (typeof p.maximum === 'number') return { key: 'error.field.tooBig', values: { maximum: p.maximum } };
      return null;
    case 'invalid_format':
      return { key: p.format === 'email' ? 'error.field.email' : 'error.field.format', values: {} };
    case 'invalid_type':
      return {
        key: p.expected === 'undefined' ? 'error.field.unexpected' : 'error.field.invalid',
        values: {},
      };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'error.field.invalid', values: {} };
    case 'unrecognized_keys':
      return { key: 'error.field.unknown', values: {} };
    case 'custom': {
      const { rule, ...values } = p;
      return typeof rule === 'string' && rule !== '' ? { key: `error.rule.${rule}`, values } : null;
    }
    default:
      return null;
  }
}
