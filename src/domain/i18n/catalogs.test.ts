import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE } from './languages.ts';
import { createTranslator } from './translate.ts';

// The catalogs and the screens that use them (issue 17): every catalog has every key of the English
// one and no other, every message is valid ICU with the same arguments as the English, and the
// translated screens write no user-visible text outside the catalog.

const ROOT = resolve(import.meta.dirname, '../../..');
const LOCALES = join(ROOT, 'src/domain/i18n/locales');
type Part = Record<string, string>;
/** language → part ("app", "mail", …) → its messages. */
const catalogs = new Map(
  readdirSync(LOCALES).map((language) => {
    const files = readdirSync(join(LOCALES, language)).filter((f) => f.endsWith('.json'));
    const partsOf = new Map(
      files.map((f) => [
        f.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(LOCALES, language, f), 'utf8')) as Part,
      ]),
    );
    return [language, partsOf] as const;
  }),
);
const merged = (language: string): Part => Object.assign({}, ...catalogs.get(language)!.values());
const english = merged(DEFAULT_LANGUAGE);

/** The arguments a message uses, with their kinds ("count:plural", "name:argument"). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    into.add(`${e.value}:${TYPE[e.type]}`);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

describe('the message catalogs', () => {
  it('are there: English and Spanish at least, each with messages', () => {
    expect([...catalogs.keys()]).toEqual(expect.arrayContaining(['en', 'es']));
    expect(Object.keys(english).length).toBeGreaterThan(50);
  });

  it('holds each key in one part only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, messages] of catalogs.get(DEFAULT_LANGUAGE)!) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  for (const [language, partsOf] of catalogs) {
    it(`${language}: has the English parts, each with exactly the English keys`, () => {
      const problems: string[] = [];
      for (const [part, reference] of catalogs.get(DEFAULT_LANGUAGE)!) {
        const mine = partsOf.get(part);
        if (!mine) {
          problems.push(`${part}.json is missing`);
          continue;
        }
        for (const k of Object.keys(reference)) if (!(k in mine)) problems.push(`${part}: ${k} is missing`);
        for (const k of Object.keys(mine))
          if (!(k in reference)) problems.push(`${part}: ${k} is not in English`);
      }
      for (const part of partsOf.keys()) {
        if (!catalogs.get(DEFAULT_LANGUAGE)!.has(part)) problems.push(`${part}.json has no English part`);
      }
      expect(problems).toEqual([]);
    });

    it(`${language}: every message is valid ICU, with the English message's arguments`, () => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(merged(language))) {
        if (typeof message !== 'string' || message.trim() === '') {
          problems.push(`${key}: empty`);
          continue;
        }
        try {
          const mine = [...argumentsOf(parse(message, { ignoreTag: true }))].sort();
          const theirs = english[key]
            ? [...argumentsOf(parse(english[key], { ignoreTag: true }))].sort()
            : [];
          if (mine.join() !== theirs.join())
            problems.push(`${key}: ${mine.join(' ')} ≠ English ${theirs.join(' ')}`);
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('formats plurals and selects by the language', () => {
    const es = createTranslator('es', { n: '{count, plural, one {# sesión} other {# sesiones}}' });
    expect(es.t('n', { count: 1 })).toBe('1 sesión');
    expect(es.t('n', { count: 3 })).toBe('3 sesiones');
    expect(es.t('missing.key')).toBe('missing.key');
    const en = createTranslator('en', english);
    expect(en.t('invite.intro', { role: 'co_parent' })).toBe('You are invited as a co-parent.');
    expect(createTranslator('es', merged('es')).t('invite.intro', { role: 'advocate' })).toBe(
      'Le invitan como defensor.',
    );
  });
});

// ── the translated screens write nothing user-visible outside the catalog ──

/**
 * The web files whose every user-visible string comes from the catalog. A file joins this list when
 * its strings move into the catalog; the check below then keeps it so.
 */
const TRANSLATED_WEB_FILES = [
  'web/app/App.tsx',
  'web/app/Shell.tsx',
  'web/components/BrandHeading.tsx',
  'web/components/ConfirmModal.tsx',
  'web/components/CopyLink.tsx',
  'web/components/CorrectionDrawer.tsx',
  'web/components/Dialogs.tsx',
  'web/components/FileUpload.tsx',
  'web/components/LoadState.tsx',
  'web/components/RecordButtons.tsx',
  'web/components/SchoolDayNotice.tsx',
  'web/components/SessionEntryCard.tsx',
  'web/components/TextLink.tsx',
  'web/components/VoidRecord.tsx',
  'web/components/form-errors.tsx',
  'web/features/calendar/CalendarPage.tsx',
  'web/features/calendar/DayKind.tsx',
  'web/features/calendar/DayOffForm.tsx',
  'web/features/calendar/DistrictCalendarFeeds.tsx',
  'web/features/calendar/DistrictCalendarImport.tsx',
  'web/features/calendar/MonthGrid.tsx',
  'web/features/calendar/SchoolAbsences.tsx',
  'web/features/calendar/SchoolYearForm.tsx',
  'web/features/calendar/calendar-words.ts',
  'web/features/calendar/district-calendar.ts',
  'web/features/checkin/CheckInCard.tsx',
  'web/features/checkin/CheckInForm.tsx',
  'web/features/checkin/CheckInPage.tsx',
  'web/features/checkin/check-in-words.ts',
  'web/features/auth/AcceptInvite.tsx',
  'web/features/auth/AccountPage.tsx',
  'web/features/auth/AuthLayout.tsx',
  'web/features/auth/PasswordReset.tsx',
  'web/features/auth/Setup.tsx',
  'web/features/auth/SignIn.tsx',
  'web/features/auth/auth-form.tsx',
  'web/features/household/AuditSection.tsx',
  'web/features/household/HouseholdPage.tsx',
  'web/features/household/InvitationsSection.tsx',
  'web/features/household/MembersSection.tsx',
  'web/features/household/QueryFailed.tsx',
  'web/features/household/StaffLinksSection.tsx',
  'web/features/household/revocable.tsx',
  'web/features/household/roles.ts',
  'web/features/ledger/EntriesDrawer.tsx',
  'web/features/ledger/LedgerChart.tsx',
  'web/features/ledger/LedgerPage.tsx',
  'web/features/ledger/LedgerTable.tsx',
  'web/features/ledger/figures.ts',
  'web/features/onboarding/CalendarStep.tsx',
  'web/features/onboarding/ChildStep.tsx',
  'web/features/onboarding/DoneStep.tsx',
  'web/features/onboarding/OnboardingPage.tsx',
  'web/features/onboarding/ServicesStep.tsx',
  'web/features/onboarding/StepHeading.tsx',
  'web/features/plan/AmendmentModal.tsx',
  'web/features/plan/PlanHistory.tsx',
  'web/features/plan/PlanPage.tsx',
  'web/features/plan/ReasonPolicySection.tsx',
  'web/features/plan/RecordSection.tsx',
  'web/features/plan/ServiceAmountModal.tsx',
  'web/features/plan/StartFromDocument.tsx',
  'web/features/plan/changes.ts',
  'web/features/plan/plan-words.ts',
  'web/features/plan/sections.tsx',
  'web/features/week/AccommodationsThisWeek.tsx',
  'web/features/week/AllDeliveredDrawer.tsx',
  'web/features/week/LogAccommodationDrawer.tsx',
  'web/features/week/LogMakeupDrawer.tsx',
  'web/features/week/LogSessionDrawer.tsx',
  'web/features/week/SchoolClosedDialog.tsx',
  'web/features/week/SchoolClosedToday.tsx',
  'web/features/week/ServiceCard.tsx',
  'web/features/week/WeekPage.tsx',
  'web/i18n/LanguagePicker.tsx',
];

/** Props whose string value a person reads or hears. */
const VISIBLE_PROPS = new Set([
  'label',
  'title',
  'description',
  'placeholder',
  'aria-label',
  'alt',
  'message',
  'intro',
  'error',
]);

/** Text a person would read in a file: JSX text and literal strings given to visible props. */
function visibleLiterals(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const hasWords = (s: string) => /\p{L}{2,}/u.test(s);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) &&
            init.expression &&
            (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression.text
          : null;
      if (literal && hasWords(literal)) found.push(`${node.name.getText(source)}="${literal}"`);
    }
    // Plain English sentences in code (a message built in a handler): a capital letter, words, a space.
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      /^[A-Z][a-z]+(?: [\p{L}’',.:;!?]+){2,}/u.test(node.text) &&
      !ts.isImportDeclaration(node.parent)
    ) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the translated screens', () => {
  it('finds text where there is text (the check can fail)', () => {
    // A screen as it was before its strings moved into the catalog (the home screen's own words).
    const untranslated = [
      '<Title order={2}>{name}’s week</Title>',
      '<Button aria-label={label}>Log a session</Button>',
      '<TextInput label="Date of the make-up" placeholder="Snow day" />',
      "setError('There is no school calendar yet. Finish setup first.');",
    ].join('\n');
    expect(visibleLiterals('fixture.tsx', untranslated)).toEqual([
      '’s week',
      'Log a session',
      'label="Date of the make-up"',
      'Date of the make-up',
      'placeholder="Snow day"',
      'There is no school calendar yet. Finish setup first.',
    ]);
  });

  for (const file of TRANSLATED_WEB_FILES) {
    it(`${file}: every user-visible string is in the catalog`, () => {
      expect(visibleLiterals(file)).toEqual([]);
    });
  }

  it('use only keys the catalogs have', () => {
    const unknown: string[] = [];
    for (const file of TRANSLATED_WEB_FILES) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\bt(?:Parts)?\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!(m[1]! in english)) unknown.push(`${file}: ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
