// Trains the Spanish tone classifier (src/domain/tone-es-classifier.ts) on Spanish sets 1, 2 and 4 and the
// sentences of tone-es.test.ts, and writes src/domain/tone-es-model.ts (docs/tone-check.md, "Spanish, round
// two"). Run with: node --import tsx scripts/write-tone-model-es.ts (a unit test fails when the committed
// weights differ from a fresh run).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  TRAINED_ON_ES,
  TRAINED_ON_NOTE_ES,
  TRAINING_ES,
  toneTrainingCasesEs,
  trainToneModelEs,
} from '../src/domain/tone-es-training.ts';

const model = trainToneModelEs(toneTrainingCasesEs(TRAINED_ON_ES), TRAINING_ES, TRAINED_ON_NOTE_ES);
const file = fileURLToPath(new URL('../src/domain/tone-es-model.ts', import.meta.url));
writeFileSync(
  file,
  `// Written by \`node --import tsx scripts/write-tone-model-es.ts\` from src/domain/tone-es-training.ts: do not
// edit by hand. The Spanish tone classifier's weights (tone-es-classifier.ts): one per word, pair of words, stem,
// word class or cue, and for the features that push towards "accusing", the kind they were seen in most.
// tone-es.test.ts trains afresh and fails when this file is out of date.
import type { ToneModel } from './tone-classifier.ts';

export const TONE_MODEL_ES: ToneModel = ${JSON.stringify(model, null, 2)};
`,
);
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
