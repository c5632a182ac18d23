import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { DEMO_WORDS, type DemoWords } from '../../src/cli/demo-words.ts';
import { textLanguage } from '../../src/domain/text-language.ts';
import { fixedClock } from '../../src/server/context.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import { openStore } from '../../src/store/database.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// `as-written demo --lang es` tells the article's story in Spanish (src/cli/demo-words.ts): the same
// records, dates, figures and advice as the English demo, only the words change. Two clocks: the test
// clock (29 November 2026: the story's year, 2026-27) and late September 2026, when the next school
// year has begun and the annual review, its messages and the renewed IEP are in the record too.

type Texts = { where: string; text: string }[];

/** Every English text of the demo, except what stays in English in both (see demo-words.ts). */
function englishTexts(): string[] {
  const { school, roles, calendarName, planTitle, ...rest } = DEMO_WORDS.en;
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') out.push(value(60) as string, value(2026) as string);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key !== 'providerRole') walk(v);
    }
  };
  walk(rest satisfies Omit<DemoWords, 'school' | 'roles' | 'calendarName' | 'planTitle'>);
  void [school, roles, calendarName, planTitle];
  return out;
}

/** The texts a household's records hold, by resource and field (names of people and titles aside). */
const TEXT_FIELDS: Record<string, string[]> = {
  communications: ['subject', 'summary', 'decisions', 'nextSteps'],
  'parent-notes': ['text'],
  'accommodation-observations': ['note', 'className'],
  accommodations: ['text', 'className'],
  goals: ['area', 'text', 'baseline', 'target', 'measurement'],
  'goal-progress': ['value'],
  'behavior-steps': ['text'],
  'behavior-incidents': ['summary'],
  'calendar-events': ['label'],
  'key-dates': ['label'],
  'work-samples': ['title', 'note', 'className'],
  'class-periods': ['className'],
  services: ['name', 'location', 'sourceText'],
};

async function householdTexts(env: TestEnv, householdId: string): Promise<Texts> {
  const texts: Texts = [];
  for (const [path, fields] of Object.entries(TEXT_FIELDS)) {
    const res = await call(env, 'GET', `/api/households/${householdId}/${path}`);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    const rows = (Array.isArray(res.body) ? res.body : res.body.items) as Record<string, unknown>[];
    expect(rows.length, path).toBeGreaterThan(0);
    for (const row of rows) {
      for (const field of fields) {
        const text = row[field];
        if (typeof text === 'string' && text) texts.push({ where: `${path}.${field}`, text });
      }
      const label = (row.esyBlocks as { label?: string }[] | undefined)?.[0]?.label;
      if (label) texts.push({ where: `${path}.esyBlocks.label`, text: label });
    }
  }
  const household = await call(env, 'GET', `/api/households/${householdId}`);
  if (household.status === 200 && typeof household.body?.name === 'string')
    texts.push({ where: 'household.name', text: household.body.name });
  // The reasons given for the sessions, straight from the table (the log is long).
  const reasons = await env.store.db
    .selectFrom('session_entry')
    .select('reason_text')
    .where('household_id', '=', householdId)
    .where('reason_text', 'is not', null)
    .execute();
  for (const r of reasons) texts.push({ where: 'sessions.reasonText', text: r.reason_text! });
  return texts;
}

/** The figures of a ledger answer: every number and flag by its path; a list of ids by its length. */
function figures(value: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value === 'number' || typeof value === 'boolean') out[path] = value;
  else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out[`${path}.length`] = value.length;
    else for (const [i, v] of value.entries()) figures(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) figures(v, `${path}.${key}`, out);
  }
  return out;
}

const CASES = [
  { when: 'the story’s year (29 November 2026)', now: TEST_NOW, asOf: ['2026-10-30', '2026-11-27'] },
  { when: 'late September, the renewed IEP begun', now: '2026-09-24T15:00:00.000Z', asOf: ['2026-09-23'] },
];

describe.each(BACKENDS)('the demo in Spanish on %s', { timeout: 120_000 }, (backend) => {
  describe.each(CASES)('$when', ({ now, asOf }) => {
    let env: TestEnv;
    let en: DemoHousehold;
    let es: DemoHousehold;

    beforeAll(async () => {
      env = await openTestEnv(backend, fixedClock(now));
      en = await seedDemoHousehold(env.store, fixedClock(now), env.owner.userId);
      es = await seedDemoHousehold(env.store, fixedClock(now), env.owner.userId, 'es');
    }, 120_000);
    afterAll(async () => env.close());

    it('gives every service the same ledger figures as the English demo', async () => {
      expect(es.schoolYear).toEqual(en.schoolYear);
      expect(es.renewal?.schoolYear ?? null).toEqual(en.renewal?.schoolYear ?? null);
      const years = [en.schoolYear, ...(en.renewal ? [en.renewal.schoolYear] : [])];
      const ranges = [
        { from: en.schoolYear.storyFrom, to: en.schoolYear.storyTo },
        ...years.map((y) => ({ from: y.firstDay, to: now.slice(0, 10) })),
      ];
      const services = (d: DemoHousehold) => [
        d.services.speech,
        d.services.ot,
        d.services.reading,
        ...(d.renewal ? [d.renewal.services.speech, d.renewal.services.ot, d.renewal.services.reading] : []),
      ];
      const pairs = services(en).map((id, i) => [id, services(es)[i]!] as const);
      expect(pairs.length).toBe(en.renewal ? 6 : 3);
      for (const { from, to } of ranges) {
        for (const [enId, esId] of pairs) {
          const ledger = async (d: DemoHousehold, id: string) => {
            const res = await call(
              env,
              'GET',
              `/api/households/${d.householdId}/services/${id}/ledger?from=${from}&to=${to}`,
            );
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            return res.body;
          };
          const [english, spanish] = [await ledger(en, enId), await ledger(es, esId)];
          expect(spanish.totals.requiredMinutes, `${from}..${to}`).toBe(english.totals.requiredMinutes);
          expect(figures(spanish), `${from}..${to}`).toEqual(figures(english));
        }
      }
      // The story's speech figures, worked out by hand (demo-story.test.ts), hold in Spanish too.
      const speech = await call(
        env,
        'GET',
        `/api/households/${es.householdId}/services/${es.services.speech}/ledger?from=${en.schoolYear.storyFrom}&to=${en.schoolYear.storyTo}`,
      );
      expect(speech.body.totals).toMatchObject({
        requiredMinutes: 480,
        deliveredMinutes: 260,
        owedBalanceMinutes: 100,
      });
    });

    it('gets the same advice and the same patterns as the English demo', async () => {
      for (const day of asOf) {
        const rules = async (d: DemoHousehold) => {
          const res = await call(
            env,
            'GET',
            `/api/households/${d.householdId}/children/${d.childId}/advice?asOf=${day}`,
          );
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          return (res.body.recommendations as { rule: string; entryIds?: string[] }[]).map((r) => ({
            rule: r.rule,
            entries: r.entryIds?.length ?? 0,
          }));
        };
        const english = await rules(en);
        expect(english.length, day).toBeGreaterThan(0);
        expect(await rules(es), day).toEqual(english);
      }
      const { storyFrom, storyTo } = en.schoolYear;
      const patterns = async (d: DemoHousehold) => {
        const res = await call(
          env,
          'GET',
          `/api/households/${d.householdId}/children/${d.childId}/patterns?from=${storyFrom}&to=${storyTo}`,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return (res.body.findings as { rule: string; entryIds: string[] }[]).map((f) => ({
          rule: f.rule,
          entries: f.entryIds.length,
        }));
      };
      const english = await patterns(en);
      expect(english.map((f) => f.rule)).toContain('pull_out_class_conflict');
      expect(await patterns(es)).toEqual(english);
    });

    it('leaves no English sentence of the demo in the Spanish household’s texts', async () => {
      const english = englishTexts();
      // The list is the demo's English, as the English demo writes it.
      for (const known of [
        'Sat in the back row again',
        'Emma has been coming home upset on Fridays, after the spelling test.',
        'Make-up sessions for speech',
        'Back-to-school assembly',
        'Snow day (early storm)',
        'Speech-language therapy',
      ])
        expect(english).toContain(known);
      const englishHousehold = await householdTexts(env, en.householdId);
      for (const known of ['Sat in the back row again', 'Back-to-school assembly', 'Snow day (early storm)'])
        expect(englishHousehold.map((t) => t.text)).toContain(known);

      const spanish = await householdTexts(env, es.householdId);
      expect(spanish.length).toBe(englishHousehold.length);
      const left = spanish.filter(({ text }) => english.some((e) => text.includes(e)));
      expect(left).toEqual([]);
      // The messages and notes read as Spanish (the check the tone check uses to pick its language).
      for (const { where, text } of spanish) {
        if (/^(communications\.summary|parent-notes\.text)$/.test(where))
          expect(textLanguage(text), text).toBe('es');
      }
      if (es.renewal) expect(spanish.map((t) => t.text)).toContain(DEMO_WORDS.es.messages.reviewEmailSubject);
    });

    it('keeps a paper trail that verifies', async () => {
      const result = await verifyHousehold(env.store, es.householdId);
      expect(result.ok, JSON.stringify(result)).toBe(true);
    });
  });
});

// The command itself: `demo --lang es` fills the demo in Spanish and opens the app in Spanish for the
// demo account; any other language is refused, naming --lang. On SQLite only: the seeding is the same
// code on both databases (above), and every command starts a process that compiles TypeScript.
describe('as-written demo --lang', { timeout: 120_000 }, () => {
  const run = promisify(execFile);
  const BIN = resolve(import.meta.dirname, '../../bin/as-written.js');
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, cwd: dir });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-demo-es-'));
    env = { ...process.env, LOG_LEVEL: 'warn', AS_WRITTEN_DB: join(dir, 'demo.db') };
    delete env.DATABASE_URL;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a language other than en or es, naming --lang', async () => {
    await expect(cli('demo', '--lang', 'fr')).rejects.toMatchObject({
      stderr: expect.stringMatching(/--lang.*'fr' is invalid\. must be en or es/),
    });
  });

  it('fills the demo in Spanish and sets the demo account’s language', async () => {
    const out = await cli('demo', '--lang', 'es');
    expect(out.stdout).toContain('Demo household created, in Spanish.');
    expect(out.stdout).toContain('the app opens in Spanish for this account');
    const householdId = /household:\s+(\S+)/.exec(out.stdout)?.[1];
    expect(householdId, out.stdout).toBeTruthy();
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'demo.db') }, { migrate: false });
    try {
      const account = await store.db
        .selectFrom('user_account')
        .select('language')
        .where('email', '=', 'demo@example.com')
        .executeTakeFirstOrThrow();
      expect(account.language).toBe('es');
      const household = await store.db
        .selectFrom('household')
        .select('name')
        .where('id', '=', householdId!)
        .executeTakeFirstOrThrow();
      expect(household.name).toBe(DEMO_WORDS.es.householdName);
      const notes = await store.db
        .selectFrom('parent_note')
        .select('text')
        .where('household_id', '=', householdId!)
        .execute();
      expect(notes.map((n) => n.text).sort()).toEqual(
        [DEMO_WORDS.es.notes.chapterBook, DEMO_WORDS.es.notes.upsetFridays].sort(),
      );
    } finally {
      await store.close();
    }
  });
});
