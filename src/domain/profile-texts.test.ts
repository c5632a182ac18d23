import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviceWords } from './advisor/words.ts';
import { type Catalog, createTranslator } from './i18n/translate.ts';
import { sayWords } from './i18n/words.ts';
import { JURISDICTION_PROFILES } from './jurisdictions.ts';
import { PROFILE_TEXTS, type ProfileTextName, profileTextName, profileTextValues } from './profile-texts.ts';

// A jurisdiction profile's caveats and ladder notes in the reader's language (issue 17): each sentence
// is named once in PROFILE_TEXTS, and the catalog says it in every language the app offers.

const LOCALES = join(import.meta.dirname, 'i18n', 'locales');
const catalog = (language: string): Catalog =>
  Object.assign(
    {},
    ...readdirSync(join(LOCALES, language)).map((f) =>
      JSON.parse(readFileSync(join(LOCALES, language, f), 'utf8')),
    ),
  );

const profiles = Object.values(JURISDICTION_PROFILES);
const used = [
  ...profiles.flatMap((p) => p.timelines.flatMap((t) => (t.caveat ? [t.caveat] : []))),
  ...profiles.flatMap((p) => p.ladder.flatMap((s) => (s.note ? [s.note] : []))),
];
const names = Object.keys(PROFILE_TEXTS) as ProfileTextName[];

describe('a profile’s caveats and ladder notes', () => {
  it('are all named in the table, and every name is used by a profile', () => {
    expect(used.length).toBeGreaterThan(10);
    for (const text of used) expect(profileTextName(text), text).not.toBe('other');
    for (const name of names) expect(used, name).toContain(PROFILE_TEXTS[name]);
  });

  it('read as written in English and in Spanish words in Spanish, for the advisor and for the reminders', () => {
    const en = adviceWords('en');
    const es = adviceWords('es');
    const server = createTranslator('es', catalog('es'));
    for (const name of names) {
      const english = PROFILE_TEXTS[name];
      expect(en.say('profile.text', profileTextValues(english))).toBe(english);
      const spanish = es.say('profile.text', profileTextValues(english));
      expect(spanish, name).not.toBe(english);
      // No run of three English words is left (the names of bodies and acts stay as written).
      const words = english
        .replace(/Special Education Appeal Board|Education Act/g, '')
        .split(/[\s,;:.()]+/)
        .filter(Boolean);
      for (let i = 0; i + 3 <= words.length; i++) {
        const run = words.slice(i, i + 3).join(' ');
        expect(spanish, `${name}: ${run}`).not.toContain(run);
      }
      // The reminders (emails, the calendar feed) say a `…ProfileText` value through the same message.
      expect(sayWords({ key: 'advice.profile.text', values: { name: 'other', text: 'x' } }, server)).toBe(
        'x',
      );
      expect(
        sayWords(
          {
            key: 'reminder.request.due.detail',
            values: {
              amount: 10,
              unit: 'business_days',
              fromReceipt: 'yes',
              startDate: '2026-11-02',
              source: 'src',
              caveatProfileText: english,
              hasCaveat: 'yes',
            },
          },
          server,
        ),
      ).toContain(spanish);
    }
  });

  it('keeps a sentence it does not know as written', () => {
    expect(adviceWords('es').say('profile.text', profileTextValues('Something new.'))).toBe('Something new.');
  });
});
