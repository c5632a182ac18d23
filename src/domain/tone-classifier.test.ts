import { describe, expect, it } from 'vitest';
import { checkTone, checkToneRules, maskQuotations } from './tone.ts';
import { classifierFlags, sentenceSpans, toneFeatures, toneScore, toneTokens } from './tone-classifier.ts';
import { TONE_MODEL } from './tone-model.ts';
import {
  fitToneWeights,
  TRAINED_ON,
  TRAINED_ON_NOTE,
  TRAINING,
  toneTrainingCases,
  trainToneModel,
} from './tone-training.ts';

// The tone check's fourth layer (tone-classifier.ts, trained by tone-training.ts). Its figures are in
// tone-cases.test.ts; here: that it is reproducible, and how it behaves around the rules.

/** The classifier's flags alone, on the whole text (no rule flags to leave alone). */
const learnedOnly = (text: string) =>
  classifierFlags(text, maskQuotations(text), [], TONE_MODEL, () => false);

/** Accusing training sentences the classifier flags on its own: the material for the tests below. */
const flaggedByClassifier = TRAINED_ON.filter(
  (c) => c.label === 'accusing' && !/["“”'‘’[\]]/u.test(c.text) && learnedOnly(c.text).length > 0,
).map((c) => c.text);

describe('tone classifier: features', () => {
  it('are deterministic, and name words, pairs of words and cues', () => {
    const sentence = "Honestly, you NEVER call back when you say you'll call!";
    expect(toneFeatures(sentence)).toEqual(toneFeatures(sentence));
    expect(toneFeatures(sentence)).toEqual(
      expect.arrayContaining(['w:honestly', 'b:<s>_honestly', 'b:you_never', 'w:youll', 'cue:exclamation']),
    );
    // Each feature once.
    expect(new Set(toneFeatures(sentence)).size).toBe(toneFeatures(sentence).length);
  });

  it('read a hyphenated word as one word: "Make-up sessions" does not start with the order "make"', () => {
    expect(toneTokens('Make-up sessions of 30 minutes are already counted.')).toEqual([
      'make-up',
      'sessions',
      'of',
      '#',
      'minutes',
      'are',
      'already',
      'counted',
    ]);
    expect(toneFeatures('Make-up sessions of 30 minutes are already counted.')).not.toContain(
      'cue:starts_with_order',
    );
    expect(toneFeatures('Make him a schedule.')).toContain('cue:starts_with_order');
  });

  it('read "anyone" in a question as asking, and in a statement as sweeping', () => {
    const asking = toneFeatures('Does anyone know where his coat went?');
    expect(asking).not.toContain('cue:sweeping_word');
    expect(asking).toContain('cue:plain_question');
    expect(toneFeatures('Anyone can see the plan is not followed.')).toContain('cue:sweeping_word');
    // A question that takes a failure as given is not a plain one.
    expect(toneFeatures('Does anyone even read his IEP?')).not.toContain('cue:plain_question');
    expect(toneFeatures("Why didn't anyone call me?")).toContain('cue:negative_question');
  });
});

describe('tone classifier: training', () => {
  it('is deterministic: the same sentences give the same weights', () => {
    const cases = toneTrainingCases(TRAINED_ON.filter((_, i) => i % 4 === 0));
    const options = { ...TRAINING, iterations: 200 };
    expect(fitToneWeights(cases, options)).toEqual(fitToneWeights(cases, options));
    // Two fits of a quarter of the sentences: about 4 s on a busy two-core machine.
  }, 30_000);

  it('the committed tone-model.ts is what a fresh run writes (npm run tone:train)', () => {
    // Five inner folds and the final fit over every training set: about 30 seconds on a busy
    // two-core machine since round six added set 17.
    const fresh = trainToneModel(toneTrainingCases(TRAINED_ON), TRAINING, TRAINED_ON_NOTE);
    expect(fresh.threshold).toBe(TONE_MODEL.threshold);
    expect(fresh.training).toEqual(TONE_MODEL.training);
    expect(fresh.trainedOn).toBe(TONE_MODEL.trainedOn);
    expect(fresh.weights).toEqual(TONE_MODEL.weights);
    expect(fresh.kinds).toEqual(TONE_MODEL.kinds);
  }, 120_000);

  it('has a threshold a sentence must clear, and no feature for an empty sentence', () => {
    expect(TONE_MODEL.threshold).toBeGreaterThan(0.5);
    expect(TONE_MODEL.threshold).toBeLessThan(1);
    expect(toneScore(TONE_MODEL, '')).toBeLessThan(TONE_MODEL.threshold);
  });
});

describe('tone classifier: in the check', () => {
  it('flags sentences the rules left alone, with a suggestion that passes the whole check', () => {
    expect(flaggedByClassifier.length).toBeGreaterThan(10);
    const text = 'That program is garbage.';
    expect(checkToneRules(text)).toEqual([]);
    const flags = checkTone(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.phrase).toBe(text);
    expect(flags[0]!.suggestion).toBe('I do not think that program is working well for my child.');
    for (const t of flaggedByClassifier) {
      const flags = checkTone(t);
      for (const f of flags) {
        // A suggestion may keep words another flag of the same sentence marks ("You never respond unless I
        // cc the principal": the "never" rewrite keeps "I cc the principal", flagged and fixed on its own).
        const others = new Set(flags.filter((g) => g !== f).map((g) => g.phrase));
        const left = checkTone(f.suggestion).filter((g) => !others.has(g.phrase));
        expect(left, `${t} -> ${f.suggestion}`).toEqual([]);
      }
    }
  });

  it('never flags inside quotations or [gaps to fill]', () => {
    for (const sentence of flaggedByClassifier) {
      for (const text of [
        `She wrote: "${sentence}"`,
        `The note said “${sentence}” and I would like to talk about it.`,
        `[${sentence.replace(/[.!?]+$/u, '')}]`,
      ]) {
        expect(learnedOnly(text), text).toEqual([]);
      }
    }
  });

  it('leaves the sentences the rules flagged to the rules: it never changes their kind or adds to them', () => {
    for (const text of [
      'What good is an IEP if nobody follows it?',
      'This is a complete joke.',
      'You never follow through on anything you promise.',
      'If I don’t hear back by Friday I will be contacting a lawyer.',
    ]) {
      expect(checkToneRules(text).length, text).toBeGreaterThan(0);
      expect(checkTone(text), text).toEqual(checkToneRules(text));
    }
  });

  it('does not flag genuine questions, the app’s own wording, or a formal document', () => {
    for (const text of [
      'Does anyone know where his coat went?',
      'Who should I contact about the bus?',
      'When is the next meeting?',
      'Make-up sessions of 30 minutes are already counted.',
      'Can we problem-solve together?',
      'Help me understand how this is meant to work?',
      'Kind regards,',
    ]) {
      expect(checkTone(text), text).toEqual([]);
    }
    expect(checkTone('That program is garbage.', { formal: true })).toEqual([]);
  });

  it('reads a letter sentence by sentence: a title or a decimal does not end a sentence', () => {
    const text = 'Ms. Park gave him 2.5 hours. That program is garbage.\nThanks';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Ms. Park gave him 2.5 hours.',
      'That program is garbage.',
      'Thanks',
    ]);
    expect(checkTone(text).map((f) => f.phrase)).toEqual(['That program is garbage.']);
  });
});
