// Trains the tone classifier on the sets listed in src/domain/tone-training.ts (TRAINED_ON) and writes src/domain/tone-model.ts.
// Run with: npm run tone:train (a unit test fails when the committed weights differ from a fresh run).
import { fileURLToPath } from 'node:url';
import {
  TRAINED_ON,
  TRAINED_ON_NOTE,
  TRAINING,
  toneTrainingCases,
  trainToneModel,
} from '../src/domain/tone-training.ts';
import { writeToneModelFile } from './tone-model-file.ts';

writeToneModelFile(
  fileURLToPath(new URL('../src/domain/tone-model.ts', import.meta.url)),
  `// Written by \`npm run tone:train\` (scripts/write-tone-model.ts) from src/domain/tone-cases.ts: do not edit
// by hand. The tone classifier's weights (tone-classifier.ts): one per word, pair of words or cue, and for the
// words that push towards "accusing", the kind of sentence they were seen in most. tone-classifier.test.ts
// trains afresh and fails when this file is out of date.`,
  'TONE_MODEL',
  trainToneModel(toneTrainingCases(TRAINED_ON), TRAINING, TRAINED_ON_NOTE),
);
