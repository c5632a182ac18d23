// Trains the tone classifier on the sets listed in src/domain/tone-training.ts (TRAINED_ON) and writes src/domain/tone-model.ts.
// Run with: npm run tone:train (a unit test fails when the committed weights differ from a fresh run).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  TRAINED_ON,
  TRAINED_ON_NOTE,
  TRAINING,
  toneTrainingCases,
  trainToneModel,
} from '../src/domain/tone-training.ts';

const model = trainToneModel(toneTrainingCases(TRAINED_ON), TRAINING, TRAINED_ON_NOTE);
const file = fileURLToPath(new URL('../src/domain/tone-model.ts', import.meta.url));
writeFileSync(
  file,
  `// Written by \`npm run tone:train\` (scripts/write-tone-model.ts) from src/domain/tone-cases.ts: do not edit
// by hand. The tone classifier's weights (tone-classifier.ts): one per word, pair of words or cue, and for the
// words that push towards "accusing", the kind of sentence they were seen in most. tone-classifier.test.ts
// trains afresh and fails when this file is out of date.
import type { ToneModel } from './tone-classifier.ts';

export const TONE_MODEL: ToneModel = ${JSON.stringify(model, null, 2)};
`,
);
// The project's formatter, so the file is the same however it was written.
execFileSync(
  process.execPath,
  [
    fileURLToPath(new URL('../node_modules/@biomejs/biome/bin/biome', import.meta.url)),
    'format',
    '--write',
    file,
  ],
  { stdio: 'inherit' },
);
console.log(`Wrote ${file}: ${Object.keys(model.weights).length} weights, threshold ${model.threshold}`);
