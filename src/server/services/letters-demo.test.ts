import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingGrade, wordCount } from '../../../test/support/reading-grade.ts';
import { seedDemoHousehold } from '../../cli/demo-household.ts';
import type { CaseRecord } from '../../domain/case-record.ts';
import { JURISDICTION_PROFILES, type ProfileId, profileFor } from '../../domain/jurisdictions.ts';
import { placeholdersIn } from '../../domain/letter-words.ts';
import {
  draftLetter,
  ESCALATION_MAX_WORDS,
  LETTER_KINDS,
  type Letter,
  type LetterKind,
  type LetterRequest,
  lettersAvailable,
  REPLY_LETTER_KINDS,
  unfilledPlaceholders,
} from '../../domain/letters.ts';
import { checkTone } from '../../domain/tone.ts';
import { openStore, type Store } from '../../store/database.ts';
import { fixedClock } from '../context.ts';
import { gatherCaseRecord } from './case-record.ts';
import { withTimelines } from './letters.ts';

// Every letter kind, drafted from the demo household the way the server drafts it (the record gathered
// from the store, the jurisdiction's timelines added), in every jurisdiction profile: each reads at
// grade 8 or below (Flesch-Kincaid, by the `flesch-kincaid` and `syllable` packages, leaving out the
// plan's quoted words and the citations), every gap is listed so that filling them leaves none, a formal
// complaint lists no miss the child's absence or refusal caused, and the escalation stays short.

const TODAY = '2026-11-16';
const PARENT = { name: 'Maria Rivera-Demo', email: 'parent@example.org' };

/** A plan for each profile: country, region and kind. */
const PLANS: Record<ProfileId, { country: 'US' | 'CA'; region: string | null; kind: 'iep' | '504' }> = {
  us_idea: { country: 'US', region: 'NY', kind: 'iep' },
  us_504: { country: 'US', region: 'CA', kind: '504' },
  us_ca_iep: { country: 'US', region: 'CA', kind: 'iep' },
  us_il_iep: { country: 'US', region: 'IL', kind: 'iep' },
  us_az_iep: { country: 'US', region: 'AZ', kind: 'iep' },
  ca_on: { country: 'CA', region: 'ON', kind: 'iep' },
  ca_bc: { country: 'CA', region: 'BC', kind: 'iep' },
  ca_ab: { country: 'CA', region: 'AB', kind: 'iep' },
  ca_other: { country: 'CA', region: 'NS', kind: 'iep' },
};

let store: Store;
let demo: CaseRecord;

beforeAll(async () => {
  store = await openStore({ kind: 'sqlite', file: ':memory:' });
  const seeded = await seedDemoHousehold(store, fixedClock(`${TODAY}T16:00:00.000Z`));
  demo = await gatherCaseRecord(store, seeded.householdId, seeded.childId, TODAY, PARENT);
}, 60_000);
afterAll(async () => store?.close());

function inProfile(id: ProfileId): CaseRecord {
  const { country, region, kind } = PLANS[id];
  const record: CaseRecord = { ...demo, plan: { ...demo.plan!, kind, jurisdiction: { country, region } } };
  expect(profileFor(record.plan!).id).toBe(id);
  return record;
}

/** Every request the demo's record can make of each kind it may draft (both variants where a kind has two). */
function requestsFor(record: CaseRecord): LetterRequest[] {
  const talk = record.communications.find((c) => c.kind === 'phone' || c.kind === 'meeting')!;
  const unanswered = record.communications.find(
    (c) => c.direction === 'sent' && c.subject === 'Make-up sessions for speech',
  )!;
  const speech = record.services.find((s) => /speech/iu.test(s.name))!;
  const canada = record.plan?.jurisdiction.country === 'CA';
  const all: LetterRequest[] = [
    { kind: 'specific_concern', accommodationId: record.accommodations[0]!.id },
    { kind: 'specific_concern', serviceId: speech.id },
    { kind: 'check_in' },
    { kind: 'check_in', period: 'mid_term' },
    { kind: 'follow_up_unanswered', communicationId: unanswered.id },
    { kind: 'follow_up_verbal', communicationId: talk.id },
    { kind: 'thank_you' },
    { kind: 'request_service_logs', serviceId: speech.id },
    { kind: 'request_iep_meeting' },
    { kind: 'request_records' },
    {
      kind: 'request_prior_written_notice',
      decision: 'to keep speech at one session a week',
      communicationId: talk.id,
      parentPosition: 'not_agreed',
    },
    { kind: 'request_language_access' },
    { kind: 'request_language_access', language: 'Vietnamese', meetingDate: '2026-12-08' },
    { kind: 'escalation', to: 'principal' },
    { kind: 'escalation', to: canada ? 'superintendent' : 'director' },
    { kind: 'state_complaint' },
    { kind: 'ocr_complaint_outline' },
    { kind: 'board_appeal', serviceId: speech.id },
  ];
  const available = new Set(lettersAvailable(record));
  return all.filter((r) => available.has(r.kind));
}

/** The demo's call, as the parent recorded it: she did not agree to speech staying at once a week. */
function withCallNotAgreed(record: CaseRecord): CaseRecord {
  return {
    ...record,
    communications: record.communications.map((c) =>
      c.kind === 'phone' ? { ...c, parentPosition: 'not_agreed' as const } : c,
    ),
  };
}

const FORMAL: ReadonlySet<LetterKind> = new Set(['state_complaint', 'ocr_complaint_outline']);

describe.each(Object.keys(PLANS) as ProfileId[])('the demo’s letters in the %s profile', (id) => {
  const drafts = (): [string, Letter][] => {
    const record = inProfile(id);
    const plain = requestsFor(record).map((r): [string, Letter] => [
      `${r.kind}${'to' in r ? ` to ${r.to}` : ''}${'period' in r ? ` (${r.period})` : ''}`,
      draftLetter(record, withTimelines(record, r)),
    ]);
    const talk = record.communications.find((c) => c.kind === 'phone')!;
    const objecting = withCallNotAgreed(record);
    plain.push([
      'follow_up_verbal (not agreed)',
      draftLetter(objecting, { kind: 'follow_up_verbal', communicationId: talk.id }),
    ]);
    return plain;
  };

  it('drafts every kind the plan allows, and each profile is the one it names', () => {
    const record = inProfile(id);
    expect(JURISDICTION_PROFILES[id].id).toBe(id);
    const kinds = new Set(requestsFor(record).map((r) => r.kind));
    expect([...kinds].sort()).toEqual([...lettersAvailable(record)].sort());
    expect(LETTER_KINDS.filter((k) => kinds.has(k)).length).toBeGreaterThanOrEqual(9);
  });

  it('every letter reads at grade 8 or below, without the plan’s quoted words and the citations', () => {
    for (const [name, letter] of drafts()) {
      const grade = readingGrade(`${letter.subject}\n${letter.body}`);
      expect(grade, `${name}: grade ${grade.toFixed(1)}\n${letter.body}`).toBeLessThanOrEqual(8);
    }
  });

  it('lists every gap it leaves: filling the listed ones leaves no placeholder, and sending is then allowed', () => {
    for (const [name, letter] of drafts()) {
      const fill = (text: string) =>
        letter.placeholders.reduce((out, gap) => out.replaceAll(gap, 'filled in'), text);
      const filled = {
        ...letter,
        subject: fill(letter.subject),
        body: fill(letter.body),
        to: letter.to.map((r) => ({ ...r, name: fill(r.name) })),
        cc: letter.cc.map((r) => ({ ...r, name: fill(r.name) })),
      };
      const everything = [filled.subject, filled.body, ...filled.to, ...filled.cc].map((x) =>
        typeof x === 'string' ? x : x.name,
      );
      expect(placeholdersIn(everything.join('\n')), name).toEqual([]);
      expect(unfilledPlaceholders(filled), name).toEqual([]);
      if (letter.placeholders.length > 0)
        expect(unfilledPlaceholders(letter).length, name).toBeGreaterThan(0);
    }
  });

  it('flags nothing in the tone check, and asks for a reply by a date in every request', () => {
    for (const [name, letter] of drafts()) {
      expect(checkTone(letter.body, { formal: FORMAL.has(letter.kind) }), name).toEqual([]);
      if (REPLY_LETTER_KINDS.has(letter.kind)) {
        expect(letter.respondBy, name).not.toBeNull();
        expect(letter.body, name).toMatch(/Could you reply by \w+day, \w+ \d+/u);
      } else {
        expect(letter.respondBy, name).toBeNull();
      }
    }
  });

  it('a formal complaint lists no miss caused by the child’s absence or refusal', () => {
    const childMisses = demo.services.flatMap((s) =>
      s.ledger.misses.filter(
        (m) => m.responsibility !== 'owed' || m.reason === 'student_absent' || m.reason === 'student_refused',
      ),
    );
    // The demo has absences, so the check below is not empty.
    expect(childMisses.some((m) => m.reason === 'student_absent')).toBe(true);
    for (const [name, letter] of drafts().filter(([, l]) => FORMAL.has(l.kind))) {
      for (const miss of childMisses)
        expect(letter.facts.entryIds, `${name} ${miss.date}`).not.toContain(miss.entryId);
      expect(letter.body, name).not.toMatch(/was absent|declined the session/u);
    }
  });

  it('the escalation stays short, and over the principal’s head copies the principal', () => {
    for (const [name, letter] of drafts().filter(([, l]) => l.kind === 'escalation')) {
      expect(wordCount(letter.body), `${name}\n${letter.body}`).toBeLessThanOrEqual(ESCALATION_MAX_WORDS);
      expect(letter.attachment).toBe('report_pdf');
      if (!name.endsWith('to principal')) expect(letter.cc.map((c) => c.name)).toContain('Dr. Brooks');
    }
  });

  it('the summary of a call she did not agree to says so, and never that she agreed', () => {
    const [, letter] = drafts().find(([name]) => name === 'follow_up_verbal (not agreed)')!;
    expect(letter.body).toContain('I have not agreed to this change.');
    expect(letter.body).not.toMatch(/\bwe agreed\b|\bI agree\b/u);
    if (PLANS[id].country === 'CA') {
      expect(letter.body).toContain('Could you put the proposal in writing, with the reasons for it?');
      expect(letter.body).not.toMatch(/CFR/u);
    } else if (PLANS[id].kind === '504') {
      expect(letter.body).toContain('(34 CFR 104.36)');
      expect(letter.body).not.toMatch(/300\.\d+/u);
    } else {
      expect(letter.body).toContain('(34 CFR 300.324(a)(4))');
      expect(letter.body).toContain('prior written notice of the proposal (34 CFR 300.503)');
    }
  });
});
