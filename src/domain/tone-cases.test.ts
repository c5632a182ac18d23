import { describe, expect, it } from 'vitest';
import { checkTone, checkToneRules, RULE_CATEGORY, type ToneFlag } from './tone.ts';
import {
  EIGHTH_SET,
  ELEVENTH_SET,
  FIFTH_SET,
  FOURTH_SET,
  isHeldOut,
  NINTH_SET,
  SECOND_SET,
  SEVENTH_SET,
  SIXTH_SET,
  TENTH_SET,
  THIRD_SET,
  TONE_CASES,
  type ToneCase,
} from './tone-cases.ts';
import { SPANISH_SET_1, SPANISH_SET_2 } from './tone-cases-es.ts';
import { SPANISH_SET_7 } from './tone-cases-es-heldout.ts';
import { SPANISH_SET_9 } from './tone-cases-es-heldout2.ts';
import { SPANISH_SET_11 } from './tone-cases-es-heldout3.ts';
import { SPANISH_SET_3, SPANISH_SET_4 } from './tone-cases-es2.ts';
import { SPANISH_SET_5, SPANISH_SET_6 } from './tone-cases-es3.ts';
import { SPANISH_SET_8 } from './tone-cases-es4.ts';
import { SPANISH_SET_10 } from './tone-cases-es5.ts';
import { THIRTEENTH_SET, TWELFTH_SET } from './tone-cases-round4.ts';
import { FIFTEENTH_SET, FOURTEENTH_SET } from './tone-cases-round5.ts';
import { SIXTEENTH_SET } from './tone-cases-round5-heldout.ts';
import { SEVENTEENTH_SET } from './tone-cases-round6.ts';
import { EIGHTEENTH_SET } from './tone-cases-round6-heldout.ts';
import { TONE_CATEGORIES, type ToneCategory } from './tone-categories.ts';

// Precision and recall of the tone check over the realistic sentences in tone-cases.ts. The goals (issue
// 13): at least 90% of accusing sentences flagged, at most 5% of neutral ones. The figures are printed so
// they can be quoted; the slices show how much of that is sentences the rules were shaped on (sets 1 to 4)
// and how much the check generalises (sets 5 and 6, never used to change a rule). On those two the goal is
// not met (docs/tone-check.md gives the figures and why), so the recall goal is asserted on sets 1 to 4,
// and the false-alarm goal on every set together. The classifier (the fourth layer) is trained on sets 1
// to 6, 8 and 9; set 7 was never used to train or tune anything, and its figures are the honest ones.

type Score = { accusing: number; caught: number; neutral: number; falseAlarms: number };

function score(cases: readonly ToneCase[], check: (text: string) => ToneFlag[] = checkTone): Score {
  const s: Score = { accusing: 0, caught: 0, neutral: 0, falseAlarms: 0 };
  for (const c of cases) {
    const flagged = check(c.text).length > 0;
    if (c.label === 'accusing') {
      s.accusing++;
      if (flagged) s.caught++;
    } else {
      s.neutral++;
      if (flagged) s.falseAlarms++;
    }
  }
  return s;
}

const percent = (n: number, d: number) => `${d === 0 ? '-' : ((100 * n) / d).toFixed(1)}%`;

function describeScore(name: string, s: Score): string {
  const precision = percent(s.caught, s.caught + s.falseAlarms);
  return `${name.padEnd(54)} recall ${percent(s.caught, s.accusing).padStart(6)} (${s.caught}/${s.accusing}), false alarms ${percent(s.falseAlarms, s.neutral).padStart(5)} (${s.falseAlarms}/${s.neutral}), precision ${precision}`;
}

const FIRST_SET_DEVELOPMENT = TONE_CASES.filter((_, i) => !isHeldOut(i));
const FIRST_SET_HELD_OUT = TONE_CASES.filter((_, i) => isHeldOut(i));
/** The sets the rules were written and broadened with. */
const SHAPED_ON: readonly ToneCase[] = [...TONE_CASES, ...SECOND_SET, ...THIRD_SET, ...FOURTH_SET];
const ALL: readonly ToneCase[] = [...SHAPED_ON, ...FIFTH_SET, ...SIXTH_SET];
/**
 * Every set the classifier is trained on: sets 1 to 6, set 8 (written for it), set 9 (written for issue
 * 13's generalisation round, measured once, then used for rules and training) and set 11 (written for its
 * third round, after set 10, the same way).
 */
const TRAINED: readonly ToneCase[] = [...ALL, ...EIGHTH_SET, ...NINTH_SET, ...ELEVENTH_SET, ...TWELFTH_SET];

/**
 * Floors for the whole check (rules and classifier), a little under what it reached after issue 13's
 * generalisation round (set 9, the rules written from it, the retraining), so a change that makes it worse
 * fails. Sets 1 to 6: recall 95.4% (332 of 348), false alarms 0% (0 of 220); sets 5 and 6: 81.8% (72 of 88)
 * and 0% (0 of 69); set 8: 100% (170 of 170) and 0.7% (1 of 144); set 9: 100% (121 of 121) and 0% (0 of
 * 106). These are training figures (sets 8 and 9 were also used to write rules), not what the check does on
 * new text. Set 7 (never trained or tuned on), measured once after the round: recall 72.5% (37 of 51), false
 * alarms 7.0% (3 of 43); before it, 52.9% and 7.0%. Set 7 is short of the goal (90% and 5%); its floors are
 * what the check does, not what it should do.
 *
 * Issue 13's third round (rules for the rules' false alarms on firm statements, real questions and warm
 * words, and general cues for sarcasm, rhetorical questions, sweeping blame, insults and indirect threats,
 * written from the misses of sets 5, 6 and 11; the classifier retrained with set 11): sets 1 to 6 99.7%
 * (347 of 348) and 0%; sets 5 and 6 98.9% (87 of 88) and 0%; set 8 100% and 0.7%; set 9 100% and 0%; set
 * 11 (measured once before the round: rules 54.3%, 25 of 46, and 5.6%, 3 of 54; whole check 76.1%, 35 of
 * 46, and 5.6%) 100% and 0%, training figures. Held out, measured once after the round: set 7 recall 72.5%
 * (37 of 51, unchanged) and false alarms 2.3% (1 of 43, from 3), precision 97.4% (from 92.5%); set 10
 * recall 80.3% (53 of 66, from 52) and false alarms 9.6% (7 of 73, unchanged), precision 88.3% (from
 * 88.1%). Neither meets the goal; the floors below are at those figures.
 */
const FLOORS = {
  wholeRecall: 0.99,
  wholeFalseAlarms: 0.01,
  trainedRecall: 0.95,
  trainedFalseAlarms: 0.02,
  eighthRecall: 0.98,
  // 3 of 144 (2.1%) since issue 13's fifth round lowered the threshold (0.69 -> 0.61).
  eighthFalseAlarms: 0.025,
  ninthRecall: 0.98,
  // 3 of 106 (2.8%) since issue 13's fifth round lowered the threshold (0.69 -> 0.61), within its 3% budget.
  ninthFalseAlarms: 0.03,
  eleventhRecall: 0.98,
  eleventhFalseAlarms: 0.01,
  heldOutRecall: 0.72,
  heldOutFalseAlarms: 0.03,
  tenthRecall: 0.8,
  tenthFalseAlarms: 0.1,
  // Issue 13's fourth round (tone-cases-round4.ts). Set 12 was measured once before the round (whole check
  // 91.2%, 83 of 91, and 1.3%, 1 of 75), then tuned and trained on: 98.9% (90 of 91) and 0% after it. Set 13
  // was measured once before (81.3%, 74 of 91, and 2.7%, 2 of 75) and once after (82.4%, 75 of 91, and 2.7%):
  // held out, so its floors are modest, under what it reached, not a goal met.
  twelfthRecall: 0.97,
  twelfthFalseAlarms: 0.01,
  thirteenthRecall: 0.8,
  thirteenthFalseAlarms: 0.04,
  // Issue 17, the Spanish check (tone-es.ts). Spanish set 1, the rules written from it: 100% (91 of 91) and
  // 0% (0 of 75). Spanish set 2, held out, measured once after the rules were done: 40.7% (37 of 91) and 0%
  // (0 of 75), far from the goal; the floor is what it reached, not what it should reach.
  spanishFirstRecall: 0.98,
  spanishFirstFalseAlarms: 0.01,
  // Spanish round two (docs/tone-check.md): set 2, measured once, became a development set; the rules were
  // generalised from its misses (40.7% -> 100%, 0% false alarms), set 4 was measured once with those rules
  // (52.9%, 55 of 104, and 0%, 0 of 82), then used to generalise them further and, with sets 1 and 2 and the
  // unit tests' sentences, to train the Spanish classifier: 100% and 0% after it (development figures). Set 3
  // is held out: measured once, after the rules and the model were frozen (SPANISH_SET_3_FLOORS below).
  spanishSecondRecall: 0.98,
  spanishSecondFalseAlarms: 0.01,
  spanishFourthRecall: 0.98,
  spanishFourthFalseAlarms: 0.01,
  spanishFourthRulesRecall: 0.97,
};

/**
 * Spanish set 3 (tone-cases-es2.ts), held out in Spanish round two: measured once, after the Spanish rules and
 * the Spanish classifier were frozen: whole check 81.4% (83 of 102) and 1.3% (1 of 80); rules alone 62.7% (64
 * of 102) and 1.3%. That model then turned out to flag a sentence of the app's own Spanish letters ("Si no, se
 * reúne el equipo del IEP.", in 36 drafted letters); the fix (a feature bug, and procedural sentences added to
 * its neutral training data, nothing from set 3) gives 78.4% (80 of 102) and 1.3%, the figure these floors
 * are under. Modest floors: what the check does on text nobody tuned on, not the 90% goal (it is not met).
 * Spanish round five: its figures (never its sentences) helped choose the Spanish classifier's L2 strength
 * (0.001, tone-es-training.ts), so it is no longer a clean held-out measure: 85.3% (87 of 102) and 0% after it.
 */
const SPANISH_SET_3_FLOORS = { recall: 0.77, falseAlarms: 0.03 };

describe('the tone check on realistic sentences (tone-cases.ts)', () => {
  it('has a set large and varied enough to measure: 150+ sentences, a third neutral, every category', () => {
    expect(TONE_CASES.length).toBeGreaterThanOrEqual(150);
    const neutral = ALL.filter((c) => c.label === 'neutral');
    expect(neutral.length * 3).toBeGreaterThanOrEqual(ALL.length);
    const categories = new Set(ALL.flatMap((c) => (c.label === 'accusing' ? [c.category] : [])));
    expect([...categories].sort()).toEqual((Object.keys(TONE_CATEGORIES) as ToneCategory[]).sort());
    // "Never" and "always" about the child, and firm statements, are among the neutral ones.
    expect(neutral.filter((c) => /\b(?:never|always)\b/iu.test(c.text)).length).toBeGreaterThanOrEqual(8);
    expect(
      neutral.filter((c) => /\b(?:not agree|do not consent|not agreed|disagree)\b/iu.test(c.text)).length,
    ).toBeGreaterThanOrEqual(3);
    // No sentence is in two sets.
    expect(new Set(TRAINED.map((c) => c.text)).size).toBe(TRAINED.length);
    // The sets written to measure the check: 60 sentences or more each, at least 40% of them neutral.
    for (const set of [FIFTH_SET, SIXTH_SET, EIGHTH_SET, NINTH_SET, ELEVENTH_SET]) {
      expect(set.length).toBeGreaterThanOrEqual(60);
      expect(set.filter((c) => c.label === 'neutral').length / set.length).toBeGreaterThanOrEqual(0.4);
    }
  });

  it('flags at least 90% of the accusing sentences it was shaped on, and at most 5% of all neutral ones', () => {
    const whole = score(ALL);
    const shaped = score(SHAPED_ON);
    const lines = [
      describeScore(`whole set: sets 1 to 6 (${ALL.length} sentences)`, whole),
      describeScore(`  sets 1 to 4 (${SHAPED_ON.length}), the rules were shaped on them`, shaped),
      describeScore(
        '  development: set 1 (two thirds), sets 2 and 3',
        score([...FIRST_SET_DEVELOPMENT, ...SECOND_SET, ...THIRD_SET]),
      ),
      describeScore('  held out at first: set 1 (every third case)', score(FIRST_SET_HELD_OUT)),
      describeScore('  held out at first: set 4 (tuned on since)', score(FOURTH_SET)),
      describeScore(`  held out: set 5 (${FIFTH_SET.length}, its misses never used)`, score(FIFTH_SET)),
      describeScore(`  held out: set 6 (${SIXTH_SET.length}, its misses never used)`, score(SIXTH_SET)),
    ];
    console.log(`Tone check, precision and recall:\n${lines.join('\n')}`);
    const missed = ALL.filter((c) => c.label === 'accusing' && checkTone(c.text).length === 0).map(
      (c) => c.text,
    );
    const falseAlarms = ALL.filter((c) => c.label === 'neutral' && checkTone(c.text).length > 0).map(
      (c) => c.text,
    );
    if (missed.length > 0) console.log(`Not flagged (accusing):\n  ${missed.join('\n  ')}`);
    if (falseAlarms.length > 0) console.log(`Flagged (neutral):\n  ${falseAlarms.join('\n  ')}`);
    expect(shaped.caught / shaped.accusing, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(whole.falseAlarms / whole.neutral, `flagged:\n${falseAlarms.join('\n')}`).toBeLessThanOrEqual(
      0.05,
    );
    // No assertion that sets 5 and 6 reach the goal: the rules alone do not (77.1% and 62.5% recall; their
    // misses were never used for a rule, though the false alarms docs/tone-check.md listed were fixed as bugs
    // in issue 13), and since the classifier was trained on them their figures with it are training figures.
    // Set 7, in the next test, is the held-out measure.
  }, 30_000);

  it('measures the classifier honestly: sets 1 to 6, 8, 9 and 11 trained on, set 7 never trained or tuned on', () => {
    // The fourth layer (tone-classifier.ts) is trained on sets 1 to 6, 8 and 9 (tone-training.ts), so its
    // figures there are training figures; set 7 was written before it was first measured and never used to
    // train, tune or change anything. Rules alone (layers 1 to 3) against the whole check, per set.
    // Set 7 shares no sentence with the training sets, and has every kind.
    expect(new Set([...TRAINED, ...SEVENTH_SET].map((c) => c.text)).size).toBe(
      TRAINED.length + SEVENTH_SET.length,
    );
    expect(new Set(SEVENTH_SET.flatMap((c) => (c.label === 'accusing' ? [c.category] : []))).size).toBe(
      Object.keys(TONE_CATEGORIES).length,
    );
    const rows: [string, readonly ToneCase[]][] = [
      [`sets 1 to 4 (${SHAPED_ON.length}, rules shaped on them, trained on)`, SHAPED_ON],
      [`set 5 (${FIFTH_SET.length}, trained on)`, FIFTH_SET],
      [`set 6 (${SIXTH_SET.length}, trained on)`, SIXTH_SET],
      [`set 8 (${EIGHTH_SET.length}, written for the classifier, trained on)`, EIGHTH_SET],
      [`set 9 (${NINTH_SET.length}, issue 13's generalisation round, trained on)`, NINTH_SET],
      [`set 11 (${ELEVENTH_SET.length}, issue 13's third round, trained on)`, ELEVENTH_SET],
      [`set 7 (${SEVENTH_SET.length}, never trained or tuned on)`, SEVENTH_SET],
    ];
    const lines = rows.flatMap(([name, set]) => [
      describeScore(`${name}, rules alone`, score(set, checkToneRules)),
      describeScore(`${name}, with the classifier`, score(set)),
    ]);
    console.log(`Tone check, rules alone and with the classifier:\n${lines.join('\n')}`);
    const held = SEVENTH_SET.filter((c) => (c.label === 'accusing') !== checkTone(c.text).length > 0);
    console.log(`Set 7, wrong verdicts:\n  ${held.map((c) => `${c.label}: ${c.text}`).join('\n  ')}`);
    // Sets 1 to 6 with the classifier: recall 99.7% (347 of 348), false alarms 0% (0 of 220) since the third round.
    const whole = score(ALL);
    expect(whole.caught / whole.accusing).toBeGreaterThanOrEqual(FLOORS.wholeRecall);
    expect(whole.falseAlarms / whole.neutral).toBeLessThanOrEqual(FLOORS.wholeFalseAlarms);
    const eighth = score(EIGHTH_SET);
    expect(eighth.caught / eighth.accusing).toBeGreaterThanOrEqual(FLOORS.eighthRecall);
    expect(eighth.falseAlarms / eighth.neutral).toBeLessThanOrEqual(FLOORS.eighthFalseAlarms);
    const ninth = score(NINTH_SET);
    expect(ninth.caught / ninth.accusing).toBeGreaterThanOrEqual(FLOORS.ninthRecall);
    expect(ninth.falseAlarms / ninth.neutral).toBeLessThanOrEqual(FLOORS.ninthFalseAlarms);
    const eleventh = score(ELEVENTH_SET);
    expect(eleventh.caught / eleventh.accusing).toBeGreaterThanOrEqual(FLOORS.eleventhRecall);
    expect(eleventh.falseAlarms / eleventh.neutral).toBeLessThanOrEqual(FLOORS.eleventhFalseAlarms);
    const trained = score([...FIFTH_SET, ...SIXTH_SET]);
    const seventh = score(SEVENTH_SET);
    const seventhRules = score(SEVENTH_SET, checkToneRules);
    // Floors at what the check reaches, not at the goal where it does not reach it (docs/tone-check.md).
    expect(trained.caught / trained.accusing).toBeGreaterThanOrEqual(FLOORS.trainedRecall);
    expect(trained.falseAlarms / trained.neutral).toBeLessThanOrEqual(FLOORS.trainedFalseAlarms);
    expect(seventh.caught / seventh.accusing).toBeGreaterThanOrEqual(FLOORS.heldOutRecall);
    expect(seventh.falseAlarms / seventh.neutral).toBeLessThanOrEqual(FLOORS.heldOutFalseAlarms);
    // The classifier adds flags only to sentences the rules left alone: it never loses one of theirs.
    expect(seventh.caught).toBeGreaterThanOrEqual(seventhRules.caught);
  }, 30_000);

  it('measures set 10, the second held-out set, never trained or tuned on', () => {
    // Set 10 (tone-cases.ts) was written for issue 13's third round before any rule, word, feature or
    // threshold of that round was changed, and measured once then: rules alone recall 71.2% (47 of 66),
    // false alarms 9.6% (7 of 73); whole check recall 78.8% (52 of 66), false alarms 9.6% (7 of 73),
    // precision 88.1%. Those are the honest held-out figures. After the round (rules from sets 5, 6 and 11,
    // the classifier retrained with set 11), measured once: rules alone 72.7% (48 of 66) and 9.6% (7 of
    // 73); whole check 80.3% (53 of 66) and 9.6% (7 of 73), precision 88.3%. Set 10's author also wrote set
    // 11 and the round's rules, so that figure leans optimistic. Its wrong verdicts are not printed, so that
    // nobody tunes on them by accident.
    expect(new Set([...TRAINED, ...SEVENTH_SET, ...TENTH_SET].map((c) => c.text)).size).toBe(
      TRAINED.length + SEVENTH_SET.length + TENTH_SET.length,
    );
    expect(TENTH_SET.length).toBeGreaterThanOrEqual(120);
    const tenthAccusing = TENTH_SET.filter((c) => c.label === 'accusing').length;
    expect(tenthAccusing / TENTH_SET.length).toBeGreaterThanOrEqual(0.45);
    expect(new Set(TENTH_SET.flatMap((c) => (c.label === 'accusing' ? [c.category] : []))).size).toBe(
      Object.keys(TONE_CATEGORIES).length,
    );
    const rules = score(TENTH_SET, checkToneRules);
    const tenth = score(TENTH_SET);
    console.log(
      `Set 10, held out:\n${describeScore('rules alone', rules)}\n${describeScore('with the classifier', tenth)}`,
    );
    expect(tenth.caught / tenth.accusing).toBeGreaterThanOrEqual(FLOORS.tenthRecall);
    expect(tenth.falseAlarms / tenth.neutral).toBeLessThanOrEqual(FLOORS.tenthFalseAlarms);
    expect(tenth.caught).toBeGreaterThanOrEqual(rules.caught);
  }, 30_000);

  it('gives each accusing sentence a flag of the kind it was labelled with, most of the time', () => {
    // Not a goal of its own (any flag warns the parent), but a check that the kinds mean something.
    const accusing = TRAINED.filter(
      (c): c is Extract<ToneCase, { label: 'accusing' }> => c.label === 'accusing',
    );
    const right = accusing.filter((c) => checkTone(c.text).some((f) => RULE_CATEGORY[f.rule] === c.category));
    console.log(
      `Flags of the labelled kind: ${percent(right.length, accusing.length)} (${right.length}/${accusing.length})`,
    );
    expect(right.length / accusing.length).toBeGreaterThanOrEqual(0.75);
  });

  it('offers suggestions that pass the check themselves', () => {
    for (const c of TRAINED) {
      for (const flag of checkTone(c.text)) {
        expect(flag.suggestion.trim(), `${c.text} -> ${flag.rule}`).not.toBe('');
        expect(checkTone(flag.suggestion), `${c.text} -> "${flag.suggestion}"`).toEqual([]);
      }
    }
  });
});

describe('issue 13, round four: set 12 tuned on, set 13 held out (tone-cases-round4.ts)', () => {
  it('measures set 12 (tuned and trained on) and set 13 (never tuned or trained on)', () => {
    // Both sets were written blind (their author never saw the checker), 166 sentences each, 91 accusing in
    // every kind and 75 neutral. Before the round: set 12 91.2% (83/91) / 1.3% (1/75), set 13 81.3% (74/91) /
    // 2.7% (2/75). Set 12's misses and false alarm were then turned into general cues (tone-patterns.ts,
    // FOURTH_ROUND_RULES) and it joined the training sets; set 13 was measured once more at the end. Its wrong
    // verdicts are not printed, so that nobody tunes on them by accident.
    for (const set of [TWELFTH_SET, THIRTEENTH_SET]) {
      expect(set.length).toBe(166);
      expect(new Set(set.flatMap((c) => (c.label === 'accusing' ? [c.category] : []))).size).toBe(
        Object.keys(TONE_CATEGORIES).length,
      );
    }
    const seen = [...TRAINED, ...SEVENTH_SET, ...TENTH_SET, ...THIRTEENTH_SET].map((c) => c.text);
    expect(new Set(seen).size).toBe(seen.length);
    const twelfth = score(TWELFTH_SET);
    const thirteenth = score(THIRTEENTH_SET);
    console.log(
      [
        'Round four:',
        describeScore('set 12 (tuned and trained on), rules alone', score(TWELFTH_SET, checkToneRules)),
        describeScore('set 12 (tuned and trained on), whole check', twelfth),
        describeScore('set 13 (held out), rules alone', score(THIRTEENTH_SET, checkToneRules)),
        describeScore('set 13 (held out), whole check', thirteenth),
      ].join('\n'),
    );
    expect(twelfth.caught / twelfth.accusing).toBeGreaterThanOrEqual(FLOORS.twelfthRecall);
    expect(twelfth.falseAlarms / twelfth.neutral).toBeLessThanOrEqual(FLOORS.twelfthFalseAlarms);
    // Modest floors on the held-out set (what it reached once, not the goal): see FLOORS.
    expect(thirteenth.caught / thirteenth.accusing).toBeGreaterThanOrEqual(FLOORS.thirteenthRecall);
    expect(thirteenth.falseAlarms / thirteenth.neutral).toBeLessThanOrEqual(FLOORS.thirteenthFalseAlarms);
  }, 30_000);
});

describe('issue 13, round five: sets 14 and 15 trained on, set 16 held out; Spanish sets 5 and 6, and 7 held out (trained on since Spanish round five)', () => {
  // Written blind, each by its own writer who read only tone-categories.ts: sets 14 and 15 (210 sentences each,
  // 12 accusing in every kind and 90 neutral) and set 16 (180: 10 in every kind and 80 neutral); Spanish sets
  // 5 and 6 (210 each) and 7 (180), written in Spanish. Measured before the round (English set 14 74.2% /
  // 1.1%, set 15 65.8% / 0%, set 16 84.0% / 1.3%; Spanish set 5 71.7% / 0%, set 6 51.7% / 1.1%, set 7 77.0%
  // / 1.3%), then sets 14, 15, 5 and 6 became rules (FIFTH_ROUND_RULES in tone-patterns.ts, round three in
  // tone-es.ts) and training data; sets 16 and 7 were measured again at the end (docs/tone-check.md gives
  // how often). Their wrong verdicts are not printed. Spanish set 7 stayed held out until Spanish round five
  // (issue 17), which made it a development set: its misses became rules and it was trained on.
  const spanish = (text: string) => checkTone(text, { language: 'es' });

  it('has six sets with every kind, each without a sentence twice', () => {
    for (const [set, size] of [
      [FOURTEENTH_SET, 210],
      [FIFTEENTH_SET, 210],
      [SIXTEENTH_SET, 180],
      [SPANISH_SET_5, 210],
      [SPANISH_SET_6, 210],
      [SPANISH_SET_7, 180],
    ] as const) {
      expect(set.length).toBe(size);
      expect(new Set(set.flatMap((c) => (c.label === 'accusing' ? [c.category] : []))).size).toBe(
        Object.keys(TONE_CATEGORIES).length,
      );
    }
    // Each set has no sentence twice. Across sets, writers who never saw each other's sets wrote ten of the
    // same everyday sentences ("Who is his case manager this year?", "Enough is enough."); one is in set 16
    // ("I do not consent to the proposed change in placement.", neutral, also in sets 8 and 14).
    for (const set of [
      FOURTEENTH_SET,
      FIFTEENTH_SET,
      SIXTEENTH_SET,
      SPANISH_SET_5,
      SPANISH_SET_6,
      SPANISH_SET_7,
    ])
      expect(new Set(set.map((c) => c.text)).size).toBe(set.length);
  });

  it('measures them: the trained-on sets near the goal, the held-out ones at modest floors', () => {
    const rows: [string, Score, number, number][] = [
      ['set 14 (tuned and trained on)', score(FOURTEENTH_SET), 0.88, 0.01],
      ['set 15 (tuned and trained on)', score(FIFTEENTH_SET), 0.86, 0.01],
      ['set 16 (held out)', score(SIXTEENTH_SET), 0.85, 0.03],
      ['Spanish set 5 (tuned and trained on)', score(SPANISH_SET_5, spanish), 0.94, 0.01],
      ['Spanish set 6 (tuned and trained on)', score(SPANISH_SET_6, spanish), 0.93, 0.02],
      // Held out until Spanish round five (85.0% / 1.3% then); tuned and trained on since: 100% / 0%.
      ['Spanish set 7 (tuned and trained on)', score(SPANISH_SET_7, spanish), 0.97, 0.02],
    ];
    console.log(['Round five:', ...rows.map(([name, s]) => describeScore(name, s))].join('\n'));
    // Floors a little under what each reached at the end of the round (set 16 87.0% / 1.3%; Spanish set 7 80.0%
    // / 1.3% then, 100% / 0% since Spanish round five trained on it): a change that makes the check worse
    // fails; the held-out floors are not the goal.
    for (const [name, s, recall, falseAlarms] of rows) {
      expect(s.caught / s.accusing, name).toBeGreaterThanOrEqual(recall);
      expect(s.falseAlarms / s.neutral, name).toBeLessThanOrEqual(falseAlarms);
    }
  }, 30_000);
});

describe('issue 13, round six: set 17 trained on, set 18 held out; Spanish set 8 trained on, 9 held out (trained on since Spanish round five)', () => {
  // Written blind, each by its own writer who read only tone-categories.ts: set 17 (210: 12 accusing in every
  // kind, 90 neutral) and Spanish set 8 (210) to develop on, set 18 and Spanish set 9 (180 each: 10 in every
  // kind, 80 neutral) written as an evaluator would and held out. Measured once before the round: set 17
  // 80.8% / 4.4%, set 18 91.0% / 3.8%, Spanish set 8 73.3% / 3.3%, Spanish set 9 73.0% / 2.5%. Sets 17 and
  // 8 became rules (SIXTH_ROUND_RULES in tone-patterns.ts, round four in tone-es.ts) and training data; sets
  // 18 and 9 were measured once more at the end (92.0% / 2.5% and 79.0% / 2.5%; docs/tone-check.md). Their
  // wrong verdicts are not printed. Spanish set 9 stayed held out until Spanish round five (issue 17), which
  // made it a development set: its misses became rules and it was trained on.
  const spanish = (text: string) => checkTone(text, { language: 'es' });

  it('has four sets with every kind, each without a sentence twice', () => {
    for (const [set, size] of [
      [SEVENTEENTH_SET, 210],
      [EIGHTEENTH_SET, 180],
      [SPANISH_SET_8, 210],
      [SPANISH_SET_9, 180],
    ] as const) {
      expect(set.length).toBe(size);
      expect(set.filter((c) => c.label === 'neutral').length).toBe(size === 210 ? 90 : 80);
      expect(new Set(set.flatMap((c) => (c.label === 'accusing' ? [c.category] : []))).size).toBe(
        Object.keys(TONE_CATEGORIES).length,
      );
      expect(new Set(set.map((c) => c.text)).size).toBe(set.length);
    }
  });

  it('measures them: the held-out English set at the goal, the Spanish ones trained on since Spanish round five', () => {
    const rows: [string, Score, number, number][] = [
      ['set 17 (tuned and trained on)', score(SEVENTEENTH_SET), 0.97, 0.01],
      ['set 18 (held out)', score(EIGHTEENTH_SET), 0.9, 0.03],
      ['Spanish set 8 (tuned and trained on)', score(SPANISH_SET_8, spanish), 0.97, 0.01],
      // Held out until Spanish round five (79.0% / 2.5% then); tuned and trained on since: 100% / 0%.
      ['Spanish set 9 (tuned and trained on)', score(SPANISH_SET_9, spanish), 0.97, 0.02],
    ];
    console.log(['Round six:', ...rows.map(([name, s]) => describeScore(name, s))].join('\n'));
    // Floors a little under what each reached at the end of the round: a change that makes the check worse
    // fails. Set 18 holds the goal (90% / 5%) itself.
    for (const [name, s, recall, falseAlarms] of rows) {
      expect(s.caught / s.accusing, name).toBeGreaterThanOrEqual(recall);
      expect(s.falseAlarms / s.neutral, name).toBeLessThanOrEqual(falseAlarms);
    }
  }, 30_000);
});

describe('issue 17, Spanish round five: Spanish set 10 tuned and trained on (tone-cases-es5.ts)', () => {
  // Written blind by a writer who read only tone-categories.ts: Spanish set 10 (210: 12 accusing in every kind,
  // 90 neutral), the development set of Spanish round five, with sets 7 and 9 (held out until then). Measured
  // once before the round: rules alone 66.7% (80/120) / 3.3% (3/90), whole check 80.0% (96/120) / 3.3%
  // (3/90). Its misses became rules (round five in tone-es.ts) and it was trained on. Spanish set 11 (180: 10
  // in every kind, 80 neutral), written blind "as an evaluator would" by another writer, was held out: never
  // read by the rule writer, measured once before the round (84.0% / 2.5%, rules alone 75.0% / 1.3%) and
  // once after (90.0% / 2.5%, rules alone 84.0% / 1.3%). Its wrong verdicts are not printed.
  const spanish = (text: string) => checkTone(text, { language: 'es' });
  const spanishRules = (text: string) => checkToneRules(text, { language: 'es' });

  it('has set 10 with 210 sentences, 90 neutral, and set 11 with 180, 80 neutral; every kind, no sentence twice', () => {
    expect(SPANISH_SET_11.length).toBe(180);
    expect(SPANISH_SET_11.filter((c) => c.label === 'neutral').length).toBe(80);
    expect(new Set(SPANISH_SET_11.flatMap((c) => (c.label === 'accusing' ? [c.category] : []))).size).toBe(
      Object.keys(TONE_CATEGORIES).length,
    );
    expect(new Set(SPANISH_SET_11.map((c) => c.text)).size).toBe(SPANISH_SET_11.length);
    expect(SPANISH_SET_10.length).toBe(210);
    expect(SPANISH_SET_10.filter((c) => c.label === 'neutral').length).toBe(90);
    expect(new Set(SPANISH_SET_10.flatMap((c) => (c.label === 'accusing' ? [c.category] : []))).size).toBe(
      Object.keys(TONE_CATEGORIES).length,
    );
    expect(new Set(SPANISH_SET_10.map((c) => c.text)).size).toBe(SPANISH_SET_10.length);
  });

  it('measures them: set 10 tuned and trained on, near the goal by construction; set 11 held out, at the goal', () => {
    const rows: [string, Score, number, number][] = [
      ['Spanish set 10 (tuned on), rules alone', score(SPANISH_SET_10, spanishRules), 0.97, 0.02],
      ['Spanish set 10 (tuned and trained on)', score(SPANISH_SET_10, spanish), 0.97, 0.02],
      // Held out: the goal, on text nobody tuned on (90.0% / 2.5% at the end of the round).
      ['Spanish set 11 (held out)', score(SPANISH_SET_11, spanish), 0.88, 0.03],
    ];
    console.log(['Spanish round five:', ...rows.map(([name, s]) => describeScore(name, s))].join('\n'));
    // Floors a little under what it reached at the end of the round (100% / 0%, rules alone 100% / 0%): a
    // change that makes the check worse fails. Training figures, not what the check does on new text.
    for (const [name, s, recall, falseAlarms] of rows) {
      expect(s.caught / s.accusing, name).toBeGreaterThanOrEqual(recall);
      expect(s.falseAlarms / s.neutral, name).toBeLessThanOrEqual(falseAlarms);
    }
  }, 30_000);
});

describe('issue 17: the Spanish tone check on Spanish sets (tone-cases-es.ts)', () => {
  const spanish = (text: string) => checkTone(text, { language: 'es' });

  const spanishRules = (text: string) => checkToneRules(text, { language: 'es' });
  const byKind = (set: readonly ToneCase[]) =>
    (Object.keys(TONE_CATEGORIES) as ToneCategory[])
      .map((k) => {
        const of = set.filter((c) => c.label === 'accusing' && c.category === k);
        return `${k} ${of.filter((c) => spanish(c.text).length > 0).length} of ${of.length}`;
      })
      .join(', ');

  it('flags the Spanish development sets: set 1 (rules written from it), sets 2 and 4 (round two)', () => {
    for (const set of [SPANISH_SET_1, SPANISH_SET_2]) {
      expect(set.length).toBe(166);
      expect(set.filter((c) => c.label === 'neutral').length).toBe(75);
    }
    expect(SPANISH_SET_4.length).toBeGreaterThanOrEqual(150);
    expect(SPANISH_SET_4.filter((c) => c.label === 'neutral').length / SPANISH_SET_4.length).toBeGreaterThan(
      0.4,
    );
    const first = score(SPANISH_SET_1, spanish);
    const second = score(SPANISH_SET_2, spanish);
    const fourth = score(SPANISH_SET_4, spanish);
    const secondRules = score(SPANISH_SET_2, spanishRules);
    const fourthRules = score(SPANISH_SET_4, spanishRules);
    console.log(
      [
        'Spanish (development):',
        describeScore('Spanish set 1 (rules written from it)', first),
        describeScore('Spanish set 2 (round two), rules alone', secondRules),
        describeScore('Spanish set 2 (round two), whole check', second),
        `  ${byKind(SPANISH_SET_2)}`,
        describeScore('Spanish set 4 (round two), rules alone', fourthRules),
        describeScore('Spanish set 4 (round two), whole check', fourth),
        `  ${byKind(SPANISH_SET_4)}`,
      ].join('\n'),
    );
    expect(first.caught / first.accusing).toBeGreaterThanOrEqual(FLOORS.spanishFirstRecall);
    expect(first.falseAlarms / first.neutral).toBeLessThanOrEqual(FLOORS.spanishFirstFalseAlarms);
    expect(second.caught / second.accusing).toBeGreaterThanOrEqual(FLOORS.spanishSecondRecall);
    expect(second.falseAlarms / second.neutral).toBeLessThanOrEqual(FLOORS.spanishSecondFalseAlarms);
    expect(fourth.caught / fourth.accusing).toBeGreaterThanOrEqual(FLOORS.spanishFourthRecall);
    expect(fourth.falseAlarms / fourth.neutral).toBeLessThanOrEqual(FLOORS.spanishFourthFalseAlarms);
    expect(fourthRules.caught / fourthRules.accusing).toBeGreaterThanOrEqual(FLOORS.spanishFourthRulesRecall);
  }, 30_000);

  it('measures Spanish set 3, held out: never read, never used to write a rule or train the model', () => {
    expect(SPANISH_SET_3.length).toBeGreaterThanOrEqual(150);
    const third = score(SPANISH_SET_3, spanish);
    const thirdRules = score(SPANISH_SET_3, spanishRules);
    console.log(
      [
        'Spanish (held out):',
        describeScore('Spanish set 3 (held out), rules alone', thirdRules),
        describeScore('Spanish set 3 (held out), whole check', third),
        `  ${byKind(SPANISH_SET_3)}`,
      ].join('\n'),
    );
    // Modest floors, under what it reached when it was measured once (docs/tone-check.md): not a goal met.
    expect(third.caught / third.accusing).toBeGreaterThanOrEqual(SPANISH_SET_3_FLOORS.recall);
    expect(third.falseAlarms / third.neutral).toBeLessThanOrEqual(SPANISH_SET_3_FLOORS.falseAlarms);
  }, 30_000);

  it('keeps each language to its own check: the Spanish rules are quiet on English neutral sentences', () => {
    // The English sets' neutral sentences read with language 'es': the Spanish patterns find nothing to say
    // (capitals and punctuation are read the same way in both). And the English check, the default, does
    // not read a Spanish letter's words as English accusations often (printed; the app passes 'es').
    const englishNeutral = TRAINED.filter((c) => c.label === 'neutral');
    const spanishOnEnglish = englishNeutral.filter((c) => spanish(c.text).length > 0);
    const spanishNeutral = SPANISH_SET_1.filter((c) => c.label === 'neutral');
    const englishOnSpanish = spanishNeutral.filter((c) => checkTone(c.text).length > 0);
    console.log(
      `Spanish check on English neutral sentences: ${spanishOnEnglish.length} of ${englishNeutral.length}; English check on Spanish set 1's neutral ones: ${englishOnSpanish.length} of ${spanishNeutral.length}`,
    );
    expect(spanishOnEnglish.length / englishNeutral.length).toBeLessThanOrEqual(0.01);
    expect(englishOnSpanish.length / spanishNeutral.length).toBeLessThanOrEqual(0.05);
  });

  it('offers Spanish suggestions that pass the Spanish check themselves', () => {
    for (const c of SPANISH_SET_1) {
      for (const flag of spanish(c.text)) {
        expect(flag.phrase).toBe(c.text.slice(flag.start, flag.end));
        expect(flag.suggestion.trim(), `${c.text} -> ${flag.rule}`).not.toBe('');
        expect(spanish(flag.suggestion), `${c.text} -> "${flag.suggestion}"`).toEqual([]);
      }
    }
  });
});
