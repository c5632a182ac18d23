import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CheckInInput } from '../check-in.ts';
import { findInputProblem, IsoDateSchema, NonEmptyText } from '../common.ts';
import { invalid, issuesToFields } from '../errors.ts';
import { ClassPeriodInput } from '../observations.ts';
import { MISS_REASON_LABELS } from '../record-kinds.ts';
import { SchoolCalendarInput } from '../school-calendar-model.ts';
import { LOG_FIELD_LABELS } from '../service-log-columns.ts';
import { fieldMessage } from './field-errors.ts';
import { type Catalog, createTranslator } from './translate.ts';

// A rule of the app's own, in the reader's language (issue 17): a custom issue names its rule in
// zod's `params`, keeps `code: 'custom'` and its values as a field issue, and is worded by the catalog
// key `error.rule.<rule>`. English readers get the message as written; the English catalog says the
// same words, so the key is checked against the message itself.

const LOCALES = join(import.meta.dirname, 'locales');
const errorsOf = (language: string): Catalog =>
  JSON.parse(readFileSync(join(LOCALES, language, 'errors.json'), 'utf8')) as Catalog;
const english = createTranslator('en', errorsOf('en'));
const spanish = createTranslator('es', errorsOf('es'));

const CHILD = '0190a0b0-0000-7000-8000-000000000001';
const SERVICE = '0190a0b0-0000-7000-8000-000000000002';

describe('a custom issue that names its rule', () => {
  it('keeps code "custom" and its rule and values as params', () => {
    const schema = z.object({ day: z.string() }).superRefine((v, ctx) => {
      ctx.addIssue({
        code: 'custom',
        path: ['day'],
        message: `must not be before 2026-09-08 (${v.day})`,
        params: { rule: 'test.rule', start: '2026-09-08', count: 2, dropped: { deep: true } },
      });
    });
    const result = schema.safeParse({ day: '2026-09-01' });
    expect(result.success).toBe(false);
    expect(issuesToFields(result.error?.issues ?? [], 'body')).toEqual([
      {
        path: 'body.day',
        message: 'must not be before 2026-09-08 (2026-09-01)',
        code: 'custom',
        params: { rule: 'test.rule', start: '2026-09-08', count: 2 },
      },
    ]);
  });

  it('stays as before (no code, no params) when it names no rule', () => {
    const schema = z.string().superRefine((_, ctx) => {
      ctx.addIssue({ code: 'custom', message: 'is wrong', params: { other: 'x' } });
    });
    const result = schema.safeParse('a');
    expect(issuesToFields(result.error?.issues ?? [])).toEqual([{ path: '(body)', message: 'is wrong' }]);
  });

  it('keeps zod’s own rules as they were', () => {
    const result = z.object({ name: z.string().min(3) }).safeParse({ name: 'a' });
    expect(issuesToFields(result.error?.issues ?? [])).toEqual([
      {
        path: 'name',
        message: expect.any(String),
        code: 'too_small',
        params: { minimum: 3, origin: 'string' },
      },
    ]);
  });
});

describe('invalid(path, message, words)', () => {
  it('carries the rule and values as a custom field issue', () => {
    const error = invalid('date', 'is in the future (today is 2026-09-08)', {
      rule: 'date.future',
      values: { today: '2026-09-08' },
    });
    expect(error.message).toBe('date is in the future (today is 2026-09-08)');
    expect(error.fields).toEqual([
      {
        path: 'date',
        message: 'is in the future (today is 2026-09-08)',
        code: 'custom',
        params: { today: '2026-09-08', rule: 'date.future' },
      },
    ]);
  });

  it('without words stays a message only', () => {
    expect(invalid('x', 'is wrong').fields).toEqual([{ path: 'x', message: 'is wrong' }]);
  });
});

describe('fieldMessage', () => {
  it('maps a custom rule to error.rule.<rule> with the other params as values', () => {
    expect(
      fieldMessage({ code: 'custom', params: { rule: 'checkIn.dayOutside', from: 'a', to: 'b' } }),
    ).toEqual({
      key: 'error.rule.checkIn.dayOutside',
      values: { from: 'a', to: 'b' },
    });
  });

  it('knows no words for a custom issue without a rule', () => {
    expect(fieldMessage({ code: 'custom' })).toBeNull();
    expect(fieldMessage({ code: 'custom', params: { from: 'a' } })).toBeNull();
  });
});

// Inputs that trigger the app's rules: each custom issue must name its rule, and the English catalog
// must say exactly its message (so the Spanish one, which has the same arguments, is worded from the
// same values).
const TRIGGERS: { name: string; schema: z.ZodType; input: unknown }[] = [
  { name: 'a date that is not a day', schema: IsoDateSchema, input: '2026-02-30' },
  { name: 'text with a NUL', schema: NonEmptyText(), input: 'a\u0000b' },
  { name: 'text with half a character', schema: NonEmptyText(), input: 'a\uD800b' },
  {
    name: 'a class period that ends before it starts',
    schema: ClassPeriodInput,
    input: { childId: CHILD, weekday: 1, startTime: '10:00', endTime: '09:00', className: 'Math' },
  },
  {
    name: 'a school year out of order, with a term outside it and twice a name',
    schema: SchoolCalendarInput,
    input: {
      childId: CHILD,
      name: '2026–27',
      firstDay: '2026-09-08',
      lastDay: '2026-09-01',
      schoolWeekdays: [1, 1],
      terms: [
        { name: 'Fall', startDate: '2026-09-01', endDate: '2026-12-20' },
        { name: 'fall', startDate: '2026-12-01', endDate: '2027-06-30' },
      ],
    },
  },
  {
    name: 'a check-in answer without a day, and one outside the week',
    schema: CheckInInput,
    input: {
      childId: CHILD,
      date: '2026-09-10',
      answers: [
        { kind: 'session', questionKey: 'q1', ask: 'Did you go?', serviceId: SERVICE, outcome: 'happened' },
        {
          kind: 'session',
          questionKey: 'q2',
          ask: 'Did you go?',
          serviceId: SERVICE,
          outcome: 'happened',
          sessionDate: '2026-09-11',
        },
      ],
    },
  },
];

describe('the app’s own rules, as the schemas refuse them', () => {
  it.each(TRIGGERS)('$name: each names its rule, and the catalogs say it', ({ schema, input }) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const custom = issuesToFields(result.error?.issues ?? []).filter(
      (_, i) => result.error?.issues[i]?.code === 'custom',
    );
    expect(custom.length).toBeGreaterThan(0);
    for (const field of custom) {
      expect(field.code, `${field.path}: ${field.message}`).toBe('custom');
      const words = fieldMessage(field);
      expect(words, field.message).not.toBeNull();
      if (!words) continue;
      expect(english.has(words.key), words.key).toBe(true);
      expect(spanish.has(words.key), words.key).toBe(true);
      expect(english.t(words.key, words.values)).toBe(field.message);
      expect(spanish.t(words.key, words.values)).not.toBe(field.message);
    }
  });
});

// Every custom issue in the domain's schemas names a rule, and every rule named anywhere (a schema's
// or `invalid(…, { rule })` on the server) has English and Spanish words: a new rule without words fails.
const SOURCE_DIRS = [
  join(import.meta.dirname, '..'),
  join(import.meta.dirname, '..', 'letters'),
  join(import.meta.dirname, '..', '..', 'server'),
  join(import.meta.dirname, '..', '..', 'server', 'services'),
];
const sources = SOURCE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })),
);

/** The text of a call from `at` (the index of its opening parenthesis) to its closing one. */
function callText(text: string, at: number): string {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(at, i + 1);
  }
  return text.slice(at);
}

describe('every rule of the app’s own has words', () => {
  const domain = sources.filter((s) => s.file.startsWith(SOURCE_DIRS[0]!) && !s.file.includes('server'));

  it('finds the custom issues it checks (the check can fail)', () => {
    const calls = domain.flatMap((s) => [...s.text.matchAll(/addIssue\(/g)]);
    expect(calls.length).toBeGreaterThan(20);
  });

  it('every custom issue and refinement in src/domain names its rule', () => {
    const missing: string[] = [];
    for (const { file, text } of domain) {
      for (const m of text.matchAll(/\.addIssue\(|\.refine\(/g)) {
        const call = callText(text, (m.index ?? 0) + m[0].length - 1);
        if (m[0] === '.addIssue(' && !call.includes("code: 'custom'")) continue;
        if (!/\brule\b/.test(call)) missing.push(`${file}: ${call.slice(0, 120)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every rule named has an English and a Spanish message', () => {
    const en = errorsOf('en');
    const es = errorsOf('es');
    const rules = new Set(
      // A rule's name is "<area>.<name>" ("checkIn.dayRequired").
      sources.flatMap((s) =>
        [...s.text.matchAll(/\brule: '([a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+)'/g)].map((m) => m[1]!),
      ),
    );
    expect(rules.size).toBeGreaterThan(30);
    const missing = [...rules].filter((r) => !(`error.rule.${r}` in en) || !(`error.rule.${r}` in es));
    expect(missing).toEqual([]);
  });

  it('a server rule with a fixed message has it, word for word, as its English message', () => {
    const en = errorsOf('en');
    const checked: string[] = [];
    for (const { text } of sources) {
      for (const m of text.matchAll(/\binvalid\(/g)) {
        const call = callText(text, (m.index ?? 0) + m[0].length - 1);
        const fixed = /^\(\s*[^,]+,\s*'([^']*)',\s*\{\s*rule: '([^']+)',?\s*\}/.exec(call);
        if (!fixed) continue;
        checked.push(fixed[2]!);
        expect(en[`error.rule.${fixed[2]}`], fixed[2]).toBe(fixed[1]);
      }
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it('a rule whose English names a coded value (a reason, a column) says each as the English did', () => {
    for (const [reason, label] of Object.entries(MISS_REASON_LABELS)) {
      expect(english.t('error.rule.makeup.excused', { day: 'D', reason })).toContain(
        `names the session of D (${label.toLowerCase()}), which is excused`,
      );
    }
    for (const [other, label] of Object.entries(LOG_FIELD_LABELS)) {
      expect(english.t('error.rule.serviceLog.sameColumn', { other })).toBe(
        `is the same column as ${label.toLowerCase()}; choose one column for each`,
      );
    }
    for (const status of ['short', 'missed']) {
      expect(english.t('error.rule.session.reasonRequired', { status })).toBe(
        `is required when a session is ${status}`,
      );
    }
  });
});

describe('the request checks every body, query and import passes (findInputProblem)', () => {
  it('name their rule, with English words as the message and Spanish ones', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 70; i++) at = at.next = {} as Record<string, unknown>;
    const inputs = [
      { a: 'x\u0000' },
      { a: 'x\uD800' },
      { d: '1800-01-01' },
      { ['k\u0000']: 1 },
      { ['k\uDC00']: 1 },
      deep,
    ];
    const seen = new Set<string>();
    for (const input of inputs) {
      const problem = findInputProblem(input);
      expect(problem?.code).toBe('custom');
      const { rule, ...values } = problem!.params as Record<string, string | number>;
      seen.add(String(rule));
      expect(english.t(`error.rule.${rule}`, values)).toBe(problem!.message);
      const words = spanish.t(`error.rule.${rule}`, values);
      expect(words).not.toBe(problem!.message);
      expect(words).not.toMatch(/[{}]|error\.rule/);
    }
    expect([...seen].sort()).toEqual([
      'date.usableYears',
      'input.keyName',
      'input.tooDeep',
      'text.halfCharacter',
      'text.nul',
    ]);
  });
});
